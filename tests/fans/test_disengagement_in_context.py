"""Disengagement in the context, and an engagement that agrees with it: the score is damped by the
worst signal, the emotional state's level is the engagement's, everywhere they are served."""
from datetime import timedelta

from tests.conftest import message, post, purchase
from tests.emotions.test_state_and_signals import NOW, clock, fan_says, history  # noqa: F401  (clock: fixture)


def context(client, fan_id="f_1"):
    response = client.get(f"/api/v1/fans/{fan_id}/context/")
    assert response.status_code == 200
    return response.json()


def an_engaged_fan_turned_short(client):
    history(client, "f_1", days=20, start_days_ago=21)
    for index in range(3):
        assert post(client, purchase(f"p{index}", occurred_at=(NOW - timedelta(days=index + 1)).isoformat())).status_code == 201
    fan_says(client, "f_1", ["ok", "k", "yeah", "ok", "sure", "ok"], NOW - timedelta(hours=13))


def test_high_severity_signals_are_in_the_context_and_keep_the_fan_from_high(api, clock):
    an_engaged_fan_turned_short(api)
    served = context(api)
    signal = served["disengagement"][0]
    assert signal["type"] == "short_responses" and signal["severity"] == "high" and signal["suggested_action"]
    engagement = served["engagement_metrics"]
    assert engagement["activity_score"] >= 0.66  # high on activity alone...
    assert engagement["disengagement_severity"] == "high"
    assert engagement["engagement_score"] == round(engagement["activity_score"] * 0.5, 4)
    assert engagement["engagement_level"] != "high"  # ...but not while it fades
    assert served["emotional_state"]["engagement_level"] == engagement["engagement_level"]


def test_every_endpoint_serves_the_same_damped_engagement(api, clock):
    an_engaged_fan_turned_short(api)
    served = context(api)
    alone = api.get("/api/v1/fans/f_1/engagement/").json()
    assert alone["engagement_score"] == served["engagement_metrics"]["engagement_score"]
    assert alone["engagement_level"] == served["engagement_metrics"]["engagement_level"]
    assert api.get("/api/v1/fans/f_1/emotional-state/").json()["engagement_level"] == alone["engagement_level"]
    assert [s["type"] for s in api.get("/api/v1/fans/f_1/disengagement/").json()] == \
        [s["type"] for s in served["disengagement"]]


def test_a_steady_fan_is_not_damped(api, clock):
    history(api, "f_1", days=20, start_days_ago=21)
    engagement = context(api)["engagement_metrics"]
    assert context(api)["disengagement"] == []
    assert engagement["disengagement_severity"] is None
    assert engagement["engagement_score"] == engagement["activity_score"]


def test_signals_of_silence_appear_in_a_cached_context(api, clock):
    history(api, "f_1", days=10, per_day=2, delay=300)
    assert post(api, message("late-ai", content="are you there?", sender="ai",
                             occurred_at=NOW.isoformat())).status_code == 201
    assert context(api)["disengagement"] == []  # the parts are now cached
    clock.shift(timedelta(hours=24))
    served = context(api)
    assert [s["type"] for s in served["disengagement"]] == ["long_delays"]
    assert served["engagement_metrics"]["disengagement_severity"] == "high"


def test_an_unknown_fan_has_one_engagement_level(api):
    served = context(api, "f_nobody")
    assert served["disengagement"] == []
    assert served["emotional_state"]["engagement_level"] == served["engagement_metrics"]["engagement_level"] == "low"
    assert api.get("/api/v1/fans/f_nobody/emotional-state/").json()["engagement_level"] == "low"
