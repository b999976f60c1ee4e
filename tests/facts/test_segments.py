"""Lifecycle and spend segments moving with events and with the clock (time frozen with time_machine)."""
from datetime import datetime, timedelta, timezone

import time_machine
from django_celery_beat.models import PeriodicTask

from facts import segments, services
from fans.maintenance import segments_refresh
from facts.models import FanSegment
from tests.conftest import feedback, message, post, purchase, run_schedules

START = datetime(2026, 1, 5, 20, 0, tzinfo=timezone.utc)


def say(client, event_id, fan_id="f_1", content="hey you", sender="fan", **extra):
    assert post(client, message(event_id, fan_id=fan_id, content=content, sender=sender, **extra)).status_code == 201


def segment(client, fan_id="f_1"):
    return client.get(f"/api/v1/fans/{fan_id}/context/").json()["segment"]


def listed(client, **query):
    response = client.get("/api/v1/fans/", query)
    assert response.status_code == 200, response.json()
    return sorted(fan["fan_id"] for fan in response.json()["results"])


def test_lifecycle_moves_with_time_and_events(api):
    with time_machine.travel(START, tick=False) as clock:
        say(api, "m1")
        assert segment(api)["lifecycle"] == "new"
        clock.shift(timedelta(days=8))
        assert segment(api)["lifecycle"] == "active"  # no event: computed at read
        assert listed(api, segment="active") == ["f_1"] and listed(api, segment="new") == []
        clock.shift(timedelta(days=31))
        assert segment(api)["lifecycle"] == "churned"
        assert listed(api, segment="churned") == ["f_1"]
        say(api, "m2")
        assert segment(api)["lifecycle"] == "win_back"
        assert listed(api, segment="win_back") == ["f_1"] and listed(api, segment="churned") == []
        clock.shift(timedelta(days=31))
        assert segment(api)["lifecycle"] == "churned"
        say(api, "m3")
        clock.shift(timedelta(days=31))
        say(api, "m4")
        clock.shift(timedelta(days=31 - 1))
        assert segment(api)["lifecycle"] == "win_back"
        clock.shift(timedelta(days=2))
        assert segment(api)["lifecycle"] == "churned"


def test_the_creators_own_messages_do_not_keep_a_fan_active(api):
    with time_machine.travel(START, tick=False) as clock:
        say(api, "m1")
        clock.shift(timedelta(days=40))
        say(api, "m2", sender="ai", content="miss you 😘")
        assert segment(api)["lifecycle"] == "churned"


def test_vip_is_the_top_decile_of_paying_fans_and_a_filter(api, other_api):
    for index in range(1, 11):
        assert post(api, purchase(f"p{index}", fan_id=f"f_{index}", amount=f"{index * 10}.00")).status_code == 201
    say(api, "m0", fan_id="f_free")
    assert post(other_api, purchase("q1", fan_id="f_x", amount="5000.00")).status_code == 201  # another creator
    segments_refresh()
    assert listed(api, segment="vip") == ["f_10"]  # percentile_cont(0.9) of 10..100 is 91
    assert segment(api, "f_10")["labels"] == ["new", "vip"] and segment(api, "f_9")["vip"] is False
    assert segment(api, "f_free")["vip"] is False
    assert post(api, purchase("p11", fan_id="f_9", amount="200.00")).status_code == 201
    segments_refresh()  # 10..80, 100, 290: the 90th percentile is now 119
    assert listed(api, segment="vip") == ["f_9"] and segment(api, "f_10")["vip"] is False


def test_spend_figures_and_ppv_purchase_rate_from_feedback(api):
    for index in range(4):
        say(api, f"offer{index}", sender="ai", content="new set for you 🔥", metadata={"category": "lingerie"})
    assert post(api, purchase("p1", amount="12.99")).status_code == 201
    assert post(api, purchase("p2", amount="30.00", kind="tip")).status_code == 201
    assert segment(api)["ppv_purchase_rate"] is None
    for event_id, about, outcome in (("fb1", "offer0", "purchased"), ("fb2", "offer1", "ignored"),
                                     ("fb3", "offer2", "purchased"), ("fb4", "offer3", "negative")):
        assert post(api, feedback(event_id, about, outcome=outcome)).status_code == 201
    seen = segment(api)
    assert (seen["total_spent"], seen["largest_purchase"], seen["ppv_purchase_rate"]) == ("42.99", "30.00", 0.5)


def test_at_risk_comes_from_the_emotions_apps_disengagement_signals(api, monkeypatch):
    say(api, "m1")
    assert segment(api)["lifecycle"] == "new"
    monkeypatch.setattr("fans.learning.disengagement_for", lambda *, creator_id, fan_id: [{"signal": "shorter_replies"}])
    say(api, "m2")
    assert segment(api)["lifecycle"] == "at_risk" and listed(api, segment="at_risk") == ["f_1"]
    monkeypatch.setattr("fans.maintenance.disengagement_for_many", lambda *, creator_id, fan_ids: dict.fromkeys(fan_ids, []))
    assert segments_refresh() == 1
    assert segment(api)["lifecycle"] == "new"


def test_the_periodic_refresh_is_scheduled_once_and_updates_stored_labels(api):
    run_schedules("facts.migrations.0002_schedule_segment_refresh")
    run_schedules("fans.migrations.0001_learning_sweep_and_moved_schedules")
    assert PeriodicTask.objects.filter(task="fans.tasks.refresh_segments").count() == 1
    with time_machine.travel(START, tick=False) as clock:
        say(api, "m1")
        assert FanSegment.objects.get().lifecycle == "new"
        clock.shift(timedelta(days=9))
        assert segments_refresh() == 1
        assert FanSegment.objects.get().lifecycle == "active"
        assert segments_refresh() == 0


def test_an_unknown_segment_is_a_400(api):
    response = api.get("/api/v1/fans/", {"segment": "whales"})
    assert response.status_code == 400 and "segment" in response.json()["error"]["fields"]


def test_time_zone_inferred_from_active_hours_yields_to_a_stated_one(api):
    evening_new_york = [23, 0, 1, 2, 3]  # 18:00-22:00 at UTC-5
    with time_machine.travel(START.replace(hour=0), tick=False) as clock:
        for index in range(20):
            clock.move_to(START.replace(hour=evening_new_york[index % 5]) + timedelta(days=index))
            say(api, f"m{index}", content="ok")
        [zone] = [f for f in api.get("/api/v1/fans/f_1/facts/").json()["results"] if f["kind"] == "timezone"]
        assert (zone["value"], zone["source"]) == ("Etc/GMT+5", "inferred") and 0.3 <= zone["confidence"] <= 0.6
        say(api, "stated", content="I'm on PST btw")
        [zone] = [f for f in api.get("/api/v1/fans/f_1/facts/").json()["results"] if f["kind"] == "timezone"]
        assert (zone["value"], zone["source"]) == ("America/Los_Angeles", "extracted")


def test_offset_inference_needs_enough_messages():
    assert segments.infer_utc_offset([1] * 24) is None  # flat: no night to find
    assert segments.infer_utc_offset([0] * 20 + [1] * 4) is None  # too few messages
    paris_evenings = [0] * 24
    for hour in (17, 18, 19, 20, 21):
        paris_evenings[hour] = 10
    assert segments.infer_utc_offset(paris_evenings)[0] in range(-2, 4)


def test_rebuild_command_fills_segments_of_fans_known_before(api, other_api):
    from io import StringIO

    from django.core.management import call_command

    assert post(api, purchase("p1", amount="25.00")).status_code == 201
    assert post(other_api, purchase("q1", fan_id="f_x", amount="5.00")).status_code == 201
    FanSegment.objects.all().delete()
    out = StringIO()
    call_command("rebuild_fan_segments", "--creator", "creator_a", stdout=out)
    assert "1 fan segment(s)" in out.getvalue()
    assert list(FanSegment.objects.values_list("fan_id", "total_spent")) == [("f_1", 25)]


def test_no_vip_before_enough_paying_fans_nor_under_the_minimum_spend(api):
    assert post(api, purchase("first", fan_id="f_first", amount="12.99")).status_code == 201
    segments_refresh()
    assert segment(api, "f_first")["vip"] is False  # one buyer is not his own 90th percentile
    for index in range(1, 10):
        assert post(api, purchase(f"p{index}", fan_id=f"f_{index}", amount=f"{index}.00")).status_code == 201
    segments_refresh()  # ten paying fans now, the 90th percentile about 9.40: under the minimum spend
    assert listed(api, segment="vip") == []
    assert post(api, purchase("big", fan_id="f_9", amount="150.00")).status_code == 201
    segments_refresh()
    assert listed(api, segment="vip") == ["f_9"]
