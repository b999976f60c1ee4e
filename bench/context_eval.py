"""What the context says of a fan, against what a careful reader of the conversation expects (`make eval-context`).

Each conversation of tests/data/context_conversations.json (written by hand, with its expectations,
before issue 15's changes) is saved as one fan of one creator through the real API, one event at a
time as the assistant would send them (in-process: real database, Redis, middleware and learning
run). Times are the conversation's local times in its time zone, moved by whole days so that the
read happens `read_after` after its last event and not later than now. Once every fan is saved the
segments are recomputed as the hourly beat would (VIP is relative to the creator's paying fans),
then `GET /api/v1/fans/{fan_id}/context/` is read for each fan and compared, item by item:

- open_items: `context.open_items[].{kind, event_id}` against the items still open at the end
  (matched by kind + event id); a context without the field has none.
- segment: `context.segment.labels` (else lifecycle, plus `vip`), each label scored on its own.
- disengagement: `context.disengagement` (a list of signals, or an object with `signals`): any
  signal against "signals expected"; the worst severity against the expected one.
- tone: `personality_profile.tone`, claimed only when the profile says it learned it
  (`tone_confidence` >= 0.3 when the field exists, else `last_calibrated` set); "none yet" expects no claim.
- topics: `preferences.top_topics` when present, else the 3 strongest of `preferences.topic_interests`
  among those at least half the strongest.
- facts: `context.facts[].{kind, value}` (kind + normalised value, a pet as species:name, an event by
  its `what`); time zones inferred from active hours (source `inferred`) are left out.

Precision and recall are micro-averaged per item over the `dev` and the `blind` split apart. The blind
quarter must never be looked at while tuning: only its totals are printed, and `--json` adds each
dev conversation's expected and observed items, never a blind one's. Every fan of the set is erased
before the run, so the creator's tone totals (shared by its fans) start from nothing: runs repeat.
"""
import argparse
import json
import os
import re
import unicodedata
from collections import defaultdict
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from inprocess import ROOT, setup_django

DATA = ROOT / "tests" / "data" / "context_conversations.json"
CREATOR = "eval-context"
ITEMS = ("open_items", "segment", "disengagement", "tone", "topics", "facts")
SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}
TONE_CLAIM = 0.3
DURATION = re.compile(r"^(\d+)([mhd])$")
UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def load(path: Path = DATA) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["conversations"]


def fan_id_of(conversation: dict) -> str:
    return f"ctx-{conversation['id']}"


def event_id_of(conversation: dict, local_id: str) -> str:
    return f"{conversation['id']}:{local_id}"


def _duration(text: str) -> timedelta:
    number, unit = DURATION.match(text).groups()
    return timedelta(**{UNITS[unit]: int(number)})


def _local_times(conversation: dict) -> list[tuple[int, time]]:
    days_and_times = []
    for event in conversation["events"]:
        day, clock = event[1].split()
        days_and_times.append((int(day), time.fromisoformat(clock)))
    return days_and_times


def timeline(conversation: dict, now: datetime) -> list[datetime]:
    """The UTC time of each event: day D at local time T, the last day placed so that the read
    (`read_after` the last event, 1h by default) is the latest one not after `now`."""
    zone = ZoneInfo(conversation.get("tz", "UTC"))
    local = _local_times(conversation)
    read_after = _duration(conversation.get("read_after", "1h"))
    last_day = local[-1][0]
    anchor = now.astimezone(zone).date() + timedelta(days=1)
    while True:
        def at(day, clock, anchor=anchor):
            return datetime.combine(anchor + timedelta(days=day - last_day), clock, zone).astimezone(timezone.utc)
        if at(*local[-1]) + read_after <= now:
            return [at(day, clock) for day, clock in local]
        anchor -= timedelta(days=1)


def body_of(conversation: dict, event: list, occurred_at: datetime) -> dict:
    """One event of the data file as `POST /interactions/` takes it.

    [id, "D HH:MM", "fan"|"creator"|"ai", text, metadata?] | [id, when, "purchase", {...}] |
    [id, when, "feedback", {"about": local id, "outcome": ...}]."""
    local_id, _, what, payload, *rest = event
    body = {"event_id": event_id_of(conversation, local_id), "fan_id": fan_id_of(conversation),
            "occurred_at": occurred_at.isoformat()}
    if what == "purchase":
        return {**body, "type": "purchase", "purchase": payload}
    if what == "feedback":
        return {**body, "type": "feedback", "feedback": {
            "about_event_id": event_id_of(conversation, payload["about"]), "outcome": payload["outcome"]}}
    return {**body, "type": "message", "message": {"content": payload, "sender": what},
            "metadata": rest[0] if rest else {}}


def save(client, conversation: dict, now: datetime) -> None:
    for event, occurred_at in zip(conversation["events"], timeline(conversation, now)):
        answer = client.post("/api/v1/interactions/", body_of(conversation, event, occurred_at), format="json")
        assert answer.status_code in (200, 201), (event[0], answer.status_code, answer.content)


# --- what the context says ------------------------------------------------------------------

def normalised(value) -> str:
    text = unicodedata.normalize("NFKD", str(value).casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).replace("'", " ").split())


def fact_key(kind: str, value) -> tuple[str, str]:
    if kind == "pet" and isinstance(value, dict):
        value = f"{value.get('species') or ''}:{value.get('name') or ''}".rstrip(":")
    elif kind == "event" and isinstance(value, dict):
        value = value.get("what", "")
    elif kind == "event" and isinstance(value, str):
        value = value.split("@")[0]
    return kind, normalised(value)


def _open_items(context: dict) -> set:
    items = context.get("open_items") or []
    return {(item.get("kind"), item.get("event_id")) for item in items if isinstance(item, dict)}


def _segment(context: dict) -> set:
    segment = context.get("segment") or {}
    labels = segment.get("labels")
    if labels is None:
        labels = [segment.get("lifecycle")] + (["vip"] if segment.get("vip") else [])
    return {label for label in labels if label}


def _disengagement(context: dict) -> str | None:
    """The worst severity of the signals ("none" when the context has none)."""
    part = context.get("disengagement") or []
    signals = part.get("signals", []) if isinstance(part, dict) else part
    severities = [signal.get("severity") for signal in signals if isinstance(signal, dict)]
    if not severities:
        return None
    return max(severities, key=lambda s: SEVERITY_RANK.get(s, 0))


def _tone(context: dict) -> str | None:
    profile = context.get("personality_profile") or {}
    confidence = profile.get("tone_confidence")
    claimed = confidence >= TONE_CLAIM if confidence is not None else profile.get("last_calibrated") is not None
    return profile.get("tone") if claimed else None


def _topics(context: dict) -> set:
    preferences = context.get("preferences") or {}
    if isinstance(preferences.get("top_topics"), list):
        return {topic if isinstance(topic, str) else topic.get("topic") for topic in preferences["top_topics"][:3]}
    interests = preferences.get("topic_interests") or {}
    ranked = sorted(((score, topic) for topic, score in interests.items() if score > 0), key=lambda p: (-p[0], p[1]))
    if not ranked:
        return set()
    return {topic for score, topic in ranked[:3] if score >= ranked[0][0] / 2}


def _facts(context: dict) -> list[tuple[str, str]]:
    return [fact_key(fact["kind"], fact["value"]) for fact in context.get("facts") or []
            if not (fact["kind"] == "timezone" and fact.get("source") == "inferred")]


def observed(context: dict) -> dict:
    """Every item the harness reads from one context, in the shape the expectations have."""
    return {"open_items": _open_items(context), "segment": _segment(context),
            "disengagement": _disengagement(context), "tone": _tone(context),
            "topics": _topics(context), "facts": _facts(context)}


# --- scoring ----------------------------------------------------------------------------------

def expected_of(conversation: dict) -> dict:
    expected = conversation["expected"]
    signals = expected["disengagement"]
    return {
        "open_items": {(item["kind"], event_id_of(conversation, item["event"]))
                       for item in expected["open_items"] if item["open"]},
        "segment": set(expected["segment"]),
        "disengagement": signals.get("severity") if signals["signals"] else None,
        "tone": None if expected["tone"] == "none yet" else expected["tone"],
        "topics": set(expected["topics"]),
        "facts": [(fact["kind"], [fact_key(fact["kind"], value)[1] for value in _alternatives(fact["value"])])
                  for fact in expected["facts"]],
    }


def _alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


def _same_text(expected: str, got: str) -> bool:
    """Equal, or one contains the other as whole words ("nurse" in "night nurse")."""
    return expected == got or f" {expected} " in f" {got} " or f" {got} " in f" {expected} "


def _fact_matches(expected: list, got: list) -> int:
    unused, found = list(got), 0
    for kind, values in expected:
        for index, (got_kind, got_value) in enumerate(unused):
            if got_kind == kind and any(_same_text(value, got_value) for value in values):
                found += 1
                del unused[index]
                break
    return found


class Tally:
    """True positives, predictions and expectations of one item (or one label of it)."""

    def __init__(self):
        self.hits = self.predicted = self.expected = 0

    def add(self, hits: int, predicted: int, expected: int) -> None:
        self.hits += hits
        self.predicted += predicted
        self.expected += expected

    def as_dict(self) -> dict:
        return {"precision": self.hits / self.predicted if self.predicted else None,
                "recall": self.hits / self.expected if self.expected else None,
                "hits": self.hits, "predicted": self.predicted, "expected": self.expected}


def _score_sets(tallies, item: str, expected: set, got: set, label=lambda entry: entry) -> None:
    tallies[(item, None)].add(len(expected & got), len(got), len(expected))
    for name in {label(entry) for entry in expected | got}:
        mine = {entry for entry in expected if label(entry) == name}
        theirs = {entry for entry in got if label(entry) == name}
        tallies[(item, name)].add(len(mine & theirs), len(theirs), len(mine))


def score_one(tallies, expected: dict, got: dict) -> None:
    _score_sets(tallies, "open_items", expected["open_items"], got["open_items"], label=lambda entry: entry[0])
    _score_sets(tallies, "segment", expected["segment"], got["segment"])
    wanted, seen = expected["disengagement"], got["disengagement"]
    tallies[("disengagement", None)].add(int(wanted is not None and seen is not None), int(seen is not None),
                                         int(wanted is not None))
    tallies[("disengagement", "severity")].add(int(wanted is not None and seen == wanted), int(seen is not None),
                                               int(wanted is not None))
    wanted, seen = expected["tone"], got["tone"]
    tallies[("tone", None)].add(int(wanted is not None and seen == wanted), int(seen is not None),
                                int(wanted is not None))
    _score_sets(tallies, "topics", expected["topics"], got["topics"])
    tallies[("facts", None)].add(_fact_matches(expected["facts"], got["facts"]), len(got["facts"]),
                                 len(expected["facts"]))
    for kind in {kind for kind, _ in expected["facts"]} | {kind for kind, _ in got["facts"]}:
        mine = [fact for fact in expected["facts"] if fact[0] == kind]
        theirs = [fact for fact in got["facts"] if fact[0] == kind]
        tallies[("facts", kind)].add(_fact_matches(mine, theirs), len(theirs), len(mine))


def report_of(conversations: list[dict], contexts: dict[str, dict]) -> dict:
    """{"splits": {split: {"conversations": n, "items": {item: {**tally, "by": {label: tally}}}}}, "fields": ...}"""
    tallies = defaultdict(lambda: defaultdict(Tally))
    counts = defaultdict(int)
    for conversation in conversations:
        split = conversation.get("split", "dev")
        counts[split] += 1
        score_one(tallies[split], expected_of(conversation), observed(contexts[fan_id_of(conversation)]))
    splits = {}
    for split, split_tallies in sorted(tallies.items()):
        items = {item: {**split_tallies[(item, None)].as_dict(), "by": {}} for item in ITEMS}
        for (item, label), tally in sorted(split_tallies.items(), key=lambda pair: (pair[0][0], str(pair[0][1]))):
            if label is not None:
                items[item]["by"][label] = tally.as_dict()
        splits[split] = {"conversations": counts[split], "items": items}
    present = {field: sum(field in context for context in contexts.values())
               for field in ("open_items", "disengagement")}
    return {"splits": splits, "fields_present": present}


# --- the run ----------------------------------------------------------------------------------

def evaluate(conversations: list[dict], client=None, creator_id: str = CREATOR) -> dict:
    """Save every conversation, recompute the segments, read each context, score."""
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from core.services import api_key_create

    if client is None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_key_create(creator_id=creator_id)}")
    now = datetime.now(timezone.utc)
    for conversation in conversations:  # all gone first: the creator's tone totals start from nothing each run
        client.delete(f"/api/v1/fans/{fan_id_of(conversation)}/")
    for conversation in conversations:
        save(client, conversation, now)
    call_command("rebuild_fan_segments", "--creator", creator_id, stdout=open(os.devnull, "w"))
    contexts = {}
    for conversation in conversations:
        answer = client.get(f"/api/v1/fans/{fan_id_of(conversation)}/context/")
        assert answer.status_code == 200, answer.content
        contexts[fan_id_of(conversation)] = answer.json()
    return report_of(conversations, contexts) | {"dev_conversations": _dev_rows(conversations, contexts)}


def _dev_rows(conversations: list[dict], contexts: dict[str, dict]) -> list[dict]:
    """Expected and observed, conversation by conversation, for the dev split only (never the blind)."""
    def plain(value):
        return sorted(value, key=str) if isinstance(value, (set, list)) else value
    rows = []
    for conversation in conversations:
        if conversation.get("split", "dev") != "dev":
            continue
        expected, seen = expected_of(conversation), observed(contexts[fan_id_of(conversation)])
        rows.append({"id": conversation["id"],
                     **{item: {"expected": plain(expected[item]), "observed": plain(seen[item])} for item in ITEMS}})
    return rows


def _figure(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_report(report: dict, details: bool = True) -> None:
    splits = report["splits"]
    names = sorted(splits, key=lambda name: name != "dev")
    print("| item | " + " | ".join(f"{name} P | {name} R | {name} n" for name in names) + " |")
    print("|---|" + "---|---|---|" * len(names))
    for item in ITEMS:
        cells = []
        for name in names:
            tally = splits[name]["items"][item]
            cells += [_figure(tally["precision"]), _figure(tally["recall"]), str(tally["expected"])]
        print(f"| {item} | " + " | ".join(cells) + " |")
    print("\nconversations: " + ", ".join(f"{name} {splits[name]['conversations']}" for name in names)
          + "; n = expected items. Fields present in the contexts: "
          + ", ".join(f"{field} {count}" for field, count in report["fields_present"].items()))
    if not details or "dev" not in splits:
        return
    print("\nBy kind or label, dev only (the blind split is given as the totals above, nothing more):")
    for item in ITEMS:
        labels = splits["dev"]["items"][item]["by"]
        if labels:
            print(f"- {item}: " + "; ".join(
                f"{label} P {_figure(t['precision'])} R {_figure(t['recall'])} ({t['hits']}/{t['expected']})"
                for label, t in labels.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", nargs="*", help="conversation ids")
    parser.add_argument("--json", type=Path, help="also write the report here, with each dev conversation's "
                                                  "expected and observed items (never the blind ones)")
    arguments = parser.parse_args()
    setup_django()
    conversations = [c for c in load(arguments.data) if not arguments.only or c["id"] in arguments.only]
    report = evaluate(conversations)
    print_report(report)
    if arguments.json:
        arguments.json.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=sorted))


if __name__ == "__main__":
    main()
