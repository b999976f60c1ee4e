"""Profiles learned through the API: synthetic histories, the 5th interaction, feedback, tenancy."""
import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client import REGISTRY

from core import keys
from memory.selectors import fan_events
from personality import services
from personality.models import CreatorToneStats, PersonalityProfile
from fans.learning import learn_event
from personality.styles import response_style_from
from tests.conftest import feedback, message, post, purchase

START = timezone.now() - timedelta(days=30)


def at(seconds: float) -> str:
    return (START + timedelta(seconds=seconds)).isoformat()


def conversation(client, fan_id, fan_texts, reply_after, gap=3600, prefix=None, tone=None):
    """For each fan text: an ai message, then the fan's answer `reply_after` seconds later."""
    prefix = prefix or fan_id
    for index, text in enumerate(fan_texts):
        metadata = {"tone": tone} if tone else {}
        ai = message(f"{prefix}-ai{index}", fan_id=fan_id, content="Hey you, how is it going?", sender="ai",
                     occurred_at=at(index * gap), metadata=metadata)
        fan = message(f"{prefix}-fan{index}", fan_id=fan_id, content=text, occurred_at=at(index * gap + reply_after))
        assert post(client, ai).status_code == 201
        assert post(client, fan).status_code == 201


def profile(client, fan_id="f_1"):
    response = client.get(f"/api/v1/fans/{fan_id}/personality/")
    assert response.status_code == 200
    return response.json()


def calibrations(result):
    return REGISTRY.get_sample_value("fanmemory_calibrations_total", {"result": result}) or 0.0


def test_a_short_casual_emoji_fast_fan(api):
    texts = ["lol yes 😂😂", "omg u r funny 😂", "haha ok 🔥", "yes pls 😂", "hey whats up 😍", "lmao 😂"]
    conversation(api, "f_1", texts, reply_after=20)
    body = profile(api)
    assert body["message_length_preference"] == "short"
    assert body["punctuation_style"] == "casual"
    assert body["emoji_frequency"] == 1.0
    assert body["preferred_emojis"][0] == "😂" and set(body["preferred_emojis"]) == {"😂", "🔥", "😍"}
    assert body["mood_emojis"] == []
    assert body["response_speed"] == "immediate"
    assert body["interaction_count"] == 12 and body["last_calibrated"] is not None
    assert 0 < body["confidence_score"] < 1


def test_a_long_proper_slow_fan(api):
    text = ("Thank you for the lovely message this morning. I have been thinking about what you said "
            "yesterday, and I would really like to see the new set when it is ready.")
    conversation(api, "f_2", [text] * 6, reply_after=5 * 3600, gap=86400)
    body = profile(api, "f_2")
    assert body["message_length_preference"] == "long"
    assert body["punctuation_style"] == "proper"
    assert body["emoji_frequency"] == 0.0 and body["preferred_emojis"] == []
    assert body["response_speed"] == "delayed"
    style = api.get("/api/v1/fans/f_2/response-style/").json()
    assert style == {"max_length": 400, "emoji_count": 0, "tone": body["tone"], "topics": [], "avoid_topics": []}


def test_the_profile_is_calibrated_at_the_fifth_interaction(api):
    ok_before = calibrations("ok")
    texts = ["lol 😂😂 u r funny", "haha 😂", "omg 😂"]
    events = [message("m0", content=texts[0], occurred_at=at(0)), purchase("p1", occurred_at=at(10)),
              message("m2", content=texts[1], occurred_at=at(20)), message("m3", content=texts[2], occurred_at=at(30))]
    for event in events:
        assert post(api, event).status_code == 201
    before = profile(api)
    assert before["interaction_count"] == 4 and before["last_calibrated"] is None
    assert before["emoji_frequency"] == 0.5 and before["message_length_preference"] == "medium"
    assert post(api, message("m4", content="lmao 😂", occurred_at=at(40))).status_code == 201
    after = profile(api)
    assert after["interaction_count"] == 5 and after["last_calibrated"] is not None
    assert after["emoji_frequency"] == 1.0 and after["message_length_preference"] == "short"
    assert after["preferred_emojis"] == ["😂"]
    assert calibrations("ok") == ok_before + 1


def test_feedback_moves_the_tone(api):
    conversation(api, "f_1", ["hey 😍"] * 3, reply_after=30, tone="flirty")
    first = profile(api)["tone"]
    wanted = "professional" if first != "professional" else "playful"
    for index in range(8):
        ai = message(f"t{index}", content="Here is something for you.", sender="ai", occurred_at=at(10000 + index),
                     metadata={"tone": wanted})
        assert post(api, ai).status_code == 201
        assert post(api, feedback(f"fb{index}", f"t{index}", outcome="purchased")).status_code == 201
    assert profile(api)["tone"] == wanted
    for index in range(12):
        response = api.post("/api/v1/fans/f_1/personality/feedback/",
                            {"about_event_id": f"t{index % 8}", "outcome": "negative"}, format="json")
        assert response.status_code == 200
    assert response.json()["tone"] != wanted
    assert profile(api)["tone"] == response.json()["tone"]


def test_feedback_without_a_tone_in_metadata_credits_the_tone_that_was_served(api):
    conversation(api, "f_1", ["hey 😍"] * 3, reply_after=30)
    served = profile(api)["tone"]
    assert post(api, message("plain", content="Hi!", sender="ai", occurred_at=at(50000))).status_code == 201
    before = CreatorToneStats.objects.get(creator_id="creator_a", tone=served)
    assert post(api, feedback("fb", "plain", outcome="positive")).status_code == 201
    stats = CreatorToneStats.objects.get(pk=before.pk)
    assert (stats.successes - before.successes, stats.failures - before.failures) == (1.0, 0.0)


def test_a_new_fan_starts_from_what_works_for_the_creator(api, other_api):
    for fan in ("f_a", "f_b", "f_c"):
        for index in range(3):
            ai = message(f"{fan}-ai{index}", fan_id=fan, content="Hey!", sender="ai", occurred_at=at(index),
                         metadata={"tone": "playful"})
            assert post(api, ai).status_code == 201
            assert post(api, feedback(f"{fan}-fb{index}", f"{fan}-ai{index}", fan_id=fan, outcome="replied")).status_code == 201
    newcomer = profile(api, "f_new")
    assert newcomer["tone"] == "playful" and newcomer["interaction_count"] == 0
    assert newcomer["confidence_score"] == 0.0 and newcomer["last_calibrated"] is None
    assert profile(other_api, "f_new")["tone"] == "friendly"  # another creator's population


def test_one_creators_feedback_never_touches_another_creators_profiles(api, other_api):
    conversation(api, "f_1", ["hello 😍"] * 3, reply_after=30)
    mine = PersonalityProfile.objects.get(creator_id="creator_a", fan_id="f_1")
    mine_totals = list(CreatorToneStats.objects.filter(creator_id="creator_a").values_list("tone", "successes", "failures"))
    conversation(other_api, "f_1", ["hello 😍"] * 3, reply_after=30, prefix="b", tone="dominant")
    replied = CreatorToneStats.objects.get(creator_id="creator_b", tone="dominant").successes
    for index in range(3):
        assert post(other_api, feedback(f"b-fb{index}", f"b-ai{index}", outcome="purchased")).status_code == 201
    response = other_api.post("/api/v1/fans/f_1/personality/feedback/",
                              {"about_event_id": "b-ai0", "outcome": "positive"}, format="json")
    assert response.status_code == 200
    assert PersonalityProfile.objects.get(pk=mine.pk).evidence == mine.evidence
    assert list(CreatorToneStats.objects.filter(creator_id="creator_a").values_list(
        "tone", "successes", "failures")) == mine_totals
    assert CreatorToneStats.objects.get(creator_id="creator_b", tone="dominant").successes == replied + 7.0
    # creator_a's event ids mean nothing to creator_b: a 404, not a hint that they exist
    response = other_api.post("/api/v1/fans/f_1/personality/feedback/",
                              {"about_event_id": "f_1-ai0", "outcome": "positive"}, format="json")
    assert response.status_code == 404 and response.json()["error"]["type"] == "MEMORY_NOT_FOUND"


@pytest.mark.parametrize("body, status, field", [
    ({"about_event_id": "nope", "outcome": "positive"}, 404, None),
    ({"about_event_id": "other-ai", "outcome": "positive"}, 400, "about_event_id"),
    ({"about_event_id": "fan-msg", "outcome": "positive"}, 400, "about_event_id"),
    ({"about_event_id": "ai-msg", "outcome": "loved"}, 400, "outcome"),
    ({"about_event_id": "ai-msg"}, 400, "outcome"),
    ({"about_event_id": "ai-msg", "outcome": "positive", "tone": "flirty"}, 400, "tone"),
    ([], 400, None),
])
def test_bad_feedback_is_an_error_in_the_envelope(api, body, status, field):
    assert post(api, message("ai-msg", content="Hi", sender="ai")).status_code == 201
    assert post(api, message("fan-msg", content="hello")).status_code == 201
    assert post(api, message("other-ai", fan_id="f_other", content="Hi", sender="ai")).status_code == 201
    totals = list(CreatorToneStats.objects.values_list("tone", "successes", "failures"))
    response = api.post("/api/v1/fans/f_1/personality/feedback/", body, format="json")
    assert response.status_code == status
    error = response.json()["error"]
    assert error["type"] == ("MEMORY_NOT_FOUND" if status == 404 else "INVALID_DATA")
    if field:
        assert field in error["fields"]
    assert list(CreatorToneStats.objects.values_list("tone", "successes", "failures")) == totals


@pytest.mark.parametrize("method, path", [("get", "personality/"), ("post", "personality/calibrate/"),
                                          ("post", "personality/feedback/"), ("get", "response-style/")])
def test_a_bad_fan_id_is_a_400(api, method, path):
    response = getattr(api, method)(f"/api/v1/fans/{'x' * 256}/{path}")
    assert response.status_code == 400 and "fan_id" in response.json()["error"]["fields"]


def test_recalibration_from_history_agrees_with_incremental_learning(api):
    conversation(api, "f_1", ["lol 😂", "Hello there, how are you.", "haha 🔥🔥", "ok 😂"], reply_after=25, tone="flirty")
    assert post(api, feedback("fb0", "f_1-ai0", outcome="purchased")).status_code == 201
    api.post("/api/v1/fans/f_1/personality/feedback/", {"about_event_id": "f_1-ai1", "outcome": "ignored"}, format="json")
    incremental = PersonalityProfile.objects.get(creator_id="creator_a", fan_id="f_1")
    ok_before = calibrations("ok")
    response = api.post("/api/v1/fans/f_1/personality/calibrate/")
    assert response.status_code == 200 and calibrations("ok") == ok_before + 1
    recalibrated = PersonalityProfile.objects.get(pk=incremental.pk)
    assert recalibrated.evidence["tone"]["own"].keys() == incremental.evidence["tone"]["own"].keys() == {"flirty"}
    assert recalibrated.evidence["tone"]["own"]["flirty"] == pytest.approx(incremental.evidence["tone"]["own"]["flirty"])
    assert recalibrated.evidence["tone"]["direct"] == {"flirty": [0.0, 1.0]}  # the direct feedback is kept
    for name in ("tone", "emoji_frequency", "message_length_preference", "punctuation_style", "preferred_emojis",
                 "response_speed", "confidence_score", "interaction_count"):
        assert getattr(recalibrated, name) == getattr(incremental, name), name
    assert recalibrated.last_calibrated > incremental.last_calibrated
    assert response.json()["interaction_count"] == 9


def test_a_failed_calibration_serves_the_previous_profile_and_is_logged_without_personal_data(
        api, monkeypatch, caplog):
    conversation(api, "f_secret", ["my secret words 😍"] * 3, reply_after=25)
    previous = profile(api, "f_secret")
    failed_before = calibrations("failed")

    def broken(*args, **kwargs):
        raise ValueError("f_secret my secret words")

    monkeypatch.setattr(services, "_apply", broken)
    with caplog.at_level(logging.ERROR, logger="fanmemory.personality"):
        response = api.post("/api/v1/fans/f_secret/personality/calibrate/")
    assert response.status_code == 200 and response.json() == previous
    assert calibrations("failed") == failed_before + 1
    assert "calibration failed" in caplog.text
    assert "f_secret" not in caplog.text and "secret words" not in caplog.text


def test_calibrating_an_unknown_fan_serves_the_default(api):
    response = api.post("/api/v1/fans/nobody/personality/calibrate/")
    assert response.status_code == 200
    assert response.json()["interaction_count"] == 0 and response.json()["tone"] == "friendly"


def test_a_redelivered_event_is_counted_once(api):
    conversation(api, "f_1", ["hello 😍"] * 3, reply_after=25)
    before = PersonalityProfile.objects.get(creator_id="creator_a", fan_id="f_1")
    for event in fan_events(creator_id="creator_a", fan_id="f_1"):
        assert learn_event(event.pk) == "skipped"
    after = PersonalityProfile.objects.get(pk=before.pk)
    assert after.interaction_count == before.interaction_count == 6
    assert after.evidence == before.evidence


def test_profile_is_cached_and_forgotten_when_the_profile_changes(api, redis_client):
    conversation(api, "f_1", ["hello 😍"] * 3, reply_after=25)
    profile_key = keys.fan_key("creator_a", "f_1", "personality")
    style = api.get("/api/v1/fans/f_1/response-style/").json()
    profile(api)
    assert redis_client.exists(profile_key)
    assert 7000 < redis_client.ttl(profile_key) <= 7200
    context = api.get("/api/v1/fans/f_1/context/").json()
    assert context["response_style"] == style and context["personality_profile"] == profile(api)
    assert post(api, message("late", content="Hello there, how are you doing today my friend?",
                             occurred_at=at(99999))).status_code == 201
    assert not redis_client.exists(profile_key)


def test_response_style_uses_preferences_and_emotional_state():
    profile_dict = {"message_length_preference": "short", "emoji_frequency": 0.5, "tone": "playful"}
    preferences = {"topic_interests": {"gym": 0.2, "travel": 0.9, "food": 0.5, "cars": 0.1, "music": 0.3,
                                       "cats": 0.4}}
    style = response_style_from(profile_dict, preferences, {"avoid_topics": ["food"]})
    assert style == {"max_length": 80, "emoji_count": 2, "tone": "playful",
                     "topics": ["travel", "cats", "music", "gym", "cars"], "avoid_topics": ["food"]}
    assert response_style_from(profile_dict, {}, {})["topics"] == []


def test_the_admin_shows_the_evidence_behind_each_field(api, admin_client):
    conversation(api, "f_1", ["hello 😍"] * 3, reply_after=25, tone="flirty")
    assert post(api, feedback("fb", "f_1-ai0", outcome="replied")).status_code == 201
    row = PersonalityProfile.objects.get(creator_id="creator_a", fan_id="f_1")
    page = admin_client.get(f"/admin/personality/personalityprofile/{row.pk}/change/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "evidence: tone" in text.lower() and "recent reply delays" in text and "😍" in text
    assert admin_client.post(f"/admin/personality/personalityprofile/{row.pk}/delete/").status_code == 403


def test_eye_rolls_are_mood_emojis_never_preferred_ones(api):
    texts = ["whatever 🙄", "great, another ad 🙃", "meh 😔", "ok 🙄", "lol 😂", "fine 🙄"]
    conversation(api, "f_1", texts, reply_after=20)
    body = profile(api)
    assert body["preferred_emojis"] == ["😂"]
    assert body["mood_emojis"][0] == "🙄" and set(body["mood_emojis"]) == {"🙄", "🙃", "😔"}
    assert api.get("/api/v1/fans/f_1/context/").json()["personality_profile"]["mood_emojis"] == body["mood_emojis"]
