"""The emotional state over a sequence of messages, and each disengagement signal on a synthetic
history (none on a steady fan), through the API, with the clock frozen and moved by time_machine."""
from datetime import datetime, timedelta, timezone

import pytest
import time_machine

from emotions.models import EmotionalState
from emotions.selectors import disengagement_for
from core import keys
from tests.conftest import client_for, message, post

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
STEADY = ["Haha that's so cool, I really loved the new pictures from the beach!",
          "Thanks for the update, it's been a really nice week for me too",
          "Can't wait for the next video, you always make my day 😊",
          "I went to the gym this morning and it felt great, how was yours?"]


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def history(client, fan_id, days, per_day=2, delay=600, start_days_ago=None, texts=STEADY, prefix="h"):
    """`days` days of conversation ending now: an ai message, the fan's reply `delay` s later."""
    start = NOW - timedelta(days=start_days_ago if start_days_ago is not None else days)
    for day in range(days):
        for k in range(per_day):
            at = start + timedelta(days=day, hours=9 + 5 * k)
            name = f"{prefix}{day}-{k}"
            assert post(client, message(f"{name}-ai", fan_id=fan_id, content="hey you, how are you doing?",
                                        sender="ai", occurred_at=at.isoformat())).status_code == 201
            text = texts[(day * per_day + k) % len(texts)]
            assert post(client, message(f"{name}-fan", fan_id=fan_id, content=text,
                                        occurred_at=(at + timedelta(seconds=delay)).isoformat())).status_code == 201


def fan_says(client, fan_id, texts, start, gap=timedelta(hours=2), prefix="n"):
    for index, text in enumerate(texts):
        at = start + gap * index
        assert post(client, message(f"{prefix}{index}-ai", fan_id=fan_id, content="and you?", sender="ai",
                                    occurred_at=(at - timedelta(minutes=10)).isoformat())).status_code == 201
        assert post(client, message(f"{prefix}{index}", fan_id=fan_id, content=text,
                                    occurred_at=at.isoformat())).status_code == 201


def signals(client, fan_id="f_1"):
    response = client.get(f"/api/v1/fans/{fan_id}/disengagement/")
    assert response.status_code == 200
    return {signal["type"]: signal for signal in response.json()}


def state(client, fan_id="f_1"):
    response = client.get(f"/api/v1/fans/{fan_id}/emotional-state/")
    assert response.status_code == 200
    return response.json()


def test_state_follows_a_sequence_with_decay(api, clock):
    start = NOW - timedelta(hours=10)
    fan_says(api, "f_1", ["I love you so much, you're amazing 😍", "thank you, best day ever!!"], start)
    first = state(api)
    assert first["current_sentiment"] == "positive" and first["sentiment_score"] > 0.3
    assert "love" in first["dominant_emotions"] or "gratitude" in first["dominant_emotions"]
    assert first["last_positive_interaction"] is not None and first["last_negative_interaction"] is None
    fan_says(api, "f_1", ["this is so disappointing, I'm really sad"], start + timedelta(hours=5), prefix="m")
    after_one = state(api)  # the cache was invalidated by the new message
    assert len(after_one["sentiment_history"]) == 3
    assert after_one["sentiment_history"][-1]["sentiment"] == "negative"
    assert after_one["last_negative_interaction"] == (start + timedelta(hours=5)).isoformat().replace("+00:00", "Z")
    assert after_one["sentiment_score"] < first["sentiment_score"]
    assert after_one["current_sentiment"] != "negative"  # one message does not erase two
    fan_says(api, "f_1", ["I hate this, worst week", "so angry and tired of everything 😡"],
             start + timedelta(hours=6), prefix="k")
    final = state(api)
    assert final["current_sentiment"] == "negative"
    assert final["last_positive_interaction"] == first["last_positive_interaction"]
    context = api.get("/api/v1/fans/f_1/context/").json()
    assert context["emotional_state"] == final


def test_history_is_bounded_and_redelivery_counts_once(api, clock):
    from fans.learning import learn_event
    from memory.models import InteractionEvent

    history(api, "f_1", days=30)  # 60 fan messages
    row = EmotionalState.objects.get(fan_id="f_1")
    assert len(row.sentiment_history) == 50 and len(row.evidence["recent"]) == 40
    before = (row.sentiment_history, row.evidence)
    assert learn_event(InteractionEvent.objects.filter(fan_id="f_1", event_id="h29-1-fan").get().pk) == "skipped"
    row.refresh_from_db()
    assert (row.sentiment_history, row.evidence) == before


def test_state_is_cached_and_tenant_scoped(api, other_api, clock, redis_client):
    fan_says(api, "f_1", ["you are the best, thank you!"], NOW - timedelta(hours=1))
    assert state(api)["current_sentiment"] == "positive"
    assert redis_client.ttl(keys.fan_key("creator_a", "f_1", "emotion")) > 1700
    assert state(other_api)["sentiment_history"] == []
    assert signals(other_api) == {}


def test_a_steady_fan_has_no_signal(api, clock):
    history(api, "f_1", days=25)
    assert signals(api) == {}
    clock.shift(timedelta(hours=10))  # an ordinary night
    assert signals(api) == {}
    assert disengagement_for(creator_id="creator_a", fan_id="f_1") == []


def test_short_responses(api, clock):
    history(api, "f_1", days=20, start_days_ago=21)
    assert signals(api) == {}
    fan_says(api, "f_1", ["ok", "k", "yeah", "ok", "sure", "ok"], NOW - timedelta(hours=13))
    found = signals(api)
    assert set(found) == {"short_responses"}
    assert found["short_responses"]["severity"] == "high" and found["short_responses"]["suggested_action"]


def test_negative_sentiment(api, clock):
    history(api, "f_1", days=20, start_days_ago=21)
    fan_says(api, "f_1", ["honestly this is disappointing, I hate how you ignore me",
                          "I'm really upset and angry about the last video",
                          "worst content ever, so bad, I'm disgusted",
                          "I feel terrible and sad, you don't care about fans",
                          "this is awful, I'm so annoyed and tired of it"], NOW - timedelta(hours=11))
    found = signals(api)
    assert "negative_sentiment" in found and "short_responses" not in found
    assert found["negative_sentiment"]["severity"] in ("medium", "high")


def test_long_delays_found_by_silence(api, clock):
    history(api, "f_1", days=10, per_day=2, delay=300)
    assert post(api, message("late-ai", content="are you there?", sender="ai",
                             occurred_at=NOW.isoformat())).status_code == 201
    assert signals(api) == {}
    clock.shift(timedelta(minutes=50))
    assert signals(api) == {}  # under an hour is never long
    clock.shift(timedelta(hours=3))
    found = signals(api)
    assert set(found) == {"long_delays"}
    assert found["long_delays"]["evidence"]["waiting_for_reply"] is True
    clock.shift(timedelta(hours=20))
    assert signals(api)["long_delays"]["severity"] == "high"


def test_long_delays_from_slow_replies(api, clock):
    history(api, "f_1", days=10, per_day=2, delay=300, start_days_ago=14)
    for index in range(3):  # the fan now answers a day later
        at = NOW - timedelta(days=3 - index)
        assert post(api, message(f"slow{index}-ai", content="hi?", sender="ai",
                                 occurred_at=at.isoformat())).status_code == 201
        assert post(api, message(f"slow{index}", content=STEADY[index],
                                 occurred_at=(at + timedelta(hours=20)).isoformat())).status_code == 201
    found = signals(api)
    assert "long_delays" in found and found["long_delays"]["evidence"]["waiting_for_reply"] is False


def test_reduced_frequency_found_by_time_passing(api, clock):
    history(api, "f_1", days=21, per_day=3, delay=300)
    assert signals(api) == {}
    clock.shift(timedelta(days=1))
    assert "reduced_frequency" not in signals(api)
    clock.shift(timedelta(days=2))
    found = signals(api)
    assert "reduced_frequency" in found
    clock.shift(timedelta(days=5))
    assert signals(api)["reduced_frequency"]["severity"] == "high"


def test_export_and_erase_cover_the_state(api, clock):
    fan_says(api, "f_1", ["love it, thanks!"], NOW - timedelta(hours=1))
    exported = api.get("/api/v1/fans/f_1/export/").json()
    assert "emotional_states" in str(exported)
    assert api.delete("/api/v1/fans/f_1/").status_code == 204
    assert not EmotionalState.objects.filter(fan_id="f_1").exists()
    assert state(api)["sentiment_history"] == []


def test_other_creators_fan_is_invisible(transactional_db, clock):
    a, b = client_for("creator_a"), client_for("creator_b")
    history(a, "f_1", days=21, per_day=3)
    clock.shift(timedelta(days=6))
    assert "reduced_frequency" in signals(a)
    assert signals(b) == {}


def test_topics_of_negative_messages_are_avoided_by_the_response_style(api, clock):
    fan_says(api, "f_1", ["my work is so boring, I hate my job", "I love your pics 😍",
                          "ugh work again today, I hate my boss, so annoying"], NOW - timedelta(hours=8))
    assert state(api)["avoid_topics"] == ["work"]
    style = api.get("/api/v1/fans/f_1/response-style/").json()
    assert style["avoid_topics"] == ["work"] and "work" not in style["topics"]
