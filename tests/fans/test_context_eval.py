"""bench/context_eval.py (make eval-context) keeps working: it runs on a few conversations of the set
and gives its report's shape; the figures are the harness's business, not this test's."""
import importlib.util
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # as when the script runs: its helpers sit beside it
SPEC = importlib.util.spec_from_file_location("context_eval", ROOT / "bench" / "context_eval.py")
context_eval = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(context_eval)

SMALL = ("c03", "c21", "c39")  # short dev conversations: an exam followed up, a first tip, a refund settled
TALLY = {"precision", "recall", "hits", "predicted", "expected"}


def test_the_set_is_what_its_header_says():
    conversations = context_eval.load()
    assert len(conversations) >= 40
    assert {c["split"] for c in conversations} == {"dev", "blind"}
    assert 0.2 <= sum(c["split"] == "blind" for c in conversations) / len(conversations) <= 0.3
    assert {c["lang"] for c in conversations} == {"en", "fr"}
    for conversation in conversations:
        assert 10 <= len(conversation["events"]) <= 60, conversation["id"]
        assert set(conversation["expected"]) == set(context_eval.ITEMS), conversation["id"]


def test_times_are_local_and_the_read_is_read_after_the_last_event_at_the_latest_now():
    conversation = {"id": "t", "tz": "Europe/Paris", "read_after": "2d",
                    "events": [["e1", "0 23:30", "fan", "hi"], ["e2", "3 08:15", "fan", "back"]]}
    now = datetime(2026, 12, 2, 20, 0, tzinfo=timezone.utc)
    first, last = context_eval.timeline(conversation, now)
    paris = ZoneInfo("Europe/Paris")
    assert (first.astimezone(paris).hour, first.astimezone(paris).minute) == (23, 30)
    assert (last.astimezone(paris).date() - first.astimezone(paris).date()).days == 3
    assert now - timedelta(days=1) < last + timedelta(days=2) <= now


def test_fields_not_in_the_context_yet_score_nothing_and_break_nothing():
    seen = context_eval.observed({"fan_id": "f", "segment": {"lifecycle": "new", "vip": True}})
    assert seen == {"open_items": set(), "segment": {"new", "vip"}, "disengagement": None, "tone": None,
                    "topics": set(), "facts": []}


def test_the_shapes_other_helpers_may_add_are_read():
    seen = context_eval.observed({
        "open_items": [{"kind": "refund", "summary": "I want a refund", "since": "2026-12-01T10:00:00Z",
                        "event_id": "c01:e10"}],
        "disengagement": {"signals": [{"type": "long_delays", "severity": "low"},
                                      {"type": "short_responses", "severity": "high"}], "suggested_action": "..."},
        "personality_profile": {"tone": "flirty", "tone_confidence": 0.8, "last_calibrated": None},
        "preferences": {"top_topics": ["fitness", {"topic": "food"}], "topic_interests": {"work": 0.9}},
        "facts": [{"kind": "pet", "value": {"species": "cat", "name": "Moustache"}, "source": "extracted"},
                  {"kind": "timezone", "value": "Etc/GMT+6", "source": "inferred"}],
    })
    assert seen["open_items"] == {("refund", "c01:e10")}
    assert seen["disengagement"] == "high"
    assert seen["tone"] == "flirty"
    assert seen["topics"] == {"fitness", "food"}
    assert seen["facts"] == [("pet", "cat:moustache")]


@pytest.mark.django_db(transaction=True)
def test_the_harness_runs_through_the_api_and_reports_every_item():
    conversations = [c for c in context_eval.load() if c["id"] in SMALL]
    report = context_eval.evaluate(conversations, creator_id="eval-context-test")
    assert set(report) == {"splits", "fields_present", "dev_conversations"}
    assert [row["id"] for row in report["dev_conversations"]] == sorted(SMALL)
    assert report["splits"]["dev"]["conversations"] == len(SMALL)
    items = report["splits"]["dev"]["items"]
    assert set(items) == set(context_eval.ITEMS)
    for tally in items.values():
        assert TALLY | {"by"} == set(tally)
        assert all(TALLY == set(label) for label in tally["by"].values())
    assert items["facts"]["expected"] == sum(len(c["expected"]["facts"]) for c in conversations)
    assert items["segment"]["expected"] == len(SMALL)
    context_eval.print_report(report)
