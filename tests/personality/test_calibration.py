"""The pure learning functions: emoji, punctuation, statistics, the bandit, confidence."""
from datetime import datetime, timedelta, timezone

import pytest

from personality import calibration as cal
from personality.models import Tone

START = datetime(2026, 1, 1, tzinfo=timezone.utc)


def state_after(messages, replies_after=None):
    """A state fed with fan messages, each answering an ai message sent `replies_after` seconds before."""
    state = cal.new_state()
    for index, text in enumerate(messages):
        at = START + timedelta(days=index)
        if replies_after is not None:
            cal.observe_outgoing(state, at - timedelta(seconds=replies_after))
        cal.observe_fan_message(state, text, at)
        cal.count_interaction(state)
    return state


def test_tones_are_the_models_tones():
    assert set(cal.TONES) == set(Tone.values)


def test_emoji_variants_are_one_emoji():
    assert cal.emojis_in("👍🏽 👍 👍🏿") == ["👍", "👍", "👍"]
    assert cal.emojis_in("❤️ and ❤") == ["❤", "❤"]
    assert cal.emojis_in("👩🏽‍💻 🇫🇷") == ["👩\u200d💻", "🇫🇷"]
    assert cal.emojis_in("no emoji here: 1, 2 & 3 -> (c)") == []


def test_proper_and_casual_messages():
    assert cal.is_proper("Thank you so much, see you tomorrow.") is True
    assert cal.is_proper("Oui, c'est parfait !") is True
    assert cal.is_proper("hey how r u") is False
    assert cal.is_proper("I love it lol.") is False
    assert cal.is_proper("Wow that is great!!") is False
    assert cal.is_proper("THIS IS AMAZING.") is False
    assert cal.is_proper("ok 😍") is None


def test_length_is_the_median_so_one_wall_of_text_does_not_move_it():
    state = state_after(["short one"] * 9 + ["x" * 2000])
    assert cal.typical_length(state) == len("short one")
    assert cal.derive(state, {})["message_length_preference"] == "short"


def test_emoji_frequency_is_a_decayed_share_weighting_recent_messages_more():
    state = state_after(["plain words"] * 10 + ["with emoji 😍"] * 10)
    frequency = cal.emoji_frequency(state)
    assert 0.5 < frequency < 1.0
    assert cal.preferred_emojis(state) == ["😍"]


def test_reply_speed_from_the_delay_after_an_outgoing_message():
    assert cal.response_speed(state_after(["hi"] * 6, replies_after=40)) == "immediate"
    assert cal.response_speed(state_after(["hi"] * 6, replies_after=4 * 3600)) == "delayed"
    assert cal.response_speed(state_after(["hi"] * 2, replies_after=40)) == "variable"  # too few replies
    mixed = cal.new_state()
    for index, delay in enumerate([10, 20000, 15, 30000, 12, 25000]):
        at = START + timedelta(days=index)
        cal.observe_outgoing(mixed, at - timedelta(seconds=delay))
        cal.observe_fan_message(mixed, "hi", at)
    assert cal.response_speed(mixed) == "variable"


def test_a_message_that_does_not_follow_an_outgoing_one_is_not_a_reply():
    state = cal.new_state()
    cal.observe_outgoing(state, START)
    cal.observe_fan_message(state, "first", START + timedelta(seconds=30))
    cal.observe_fan_message(state, "second", START + timedelta(seconds=90))
    cal.observe_fan_message(state, "next day", START + timedelta(days=2))
    assert state["speed"]["recent"] == [30.0]


def test_a_new_fan_gets_the_creators_best_tone_then_its_own():
    population = {"playful": (40.0, 10.0), "friendly": (10.0, 30.0)}
    state = cal.new_state()
    assert cal.choose_tone(state, population) == "playful"
    for _ in range(5):
        cal.count_interaction(state)
    assert cal.choose_tone(state, population) == "playful"
    for _ in range(6):
        cal.observe_feedback(state, "playful", "negative")
        cal.observe_feedback(state, "professional", "purchased")
    assert cal.choose_tone(state, population) == "professional"


def test_the_population_counts_as_at_most_prior_strength_feedbacks():
    alpha, beta = cal.posteriors({}, {"flirty": (900.0, 100.0)})["flirty"]
    assert alpha + beta == 2 + cal.PRIOR_STRENGTH
    assert cal.posteriors({}, {})["flirty"] == (1.0, 1.0)


def test_the_served_tone_is_deterministic():
    state = state_after(["hello"] * 6)
    cal.observe_feedback(state, "flirty", "replied")
    cal.observe_feedback(state, "dominant", "ignored")
    population = {"friendly": (3.0, 2.0)}
    assert len({cal.choose_tone(state, population) for _ in range(20)}) == 1


def test_confidence_grows_with_evidence():
    few = state_after(["Hello there, how are you."] * 5)
    many = state_after(["Hello there, how are you."] * 40)
    assert 0 < cal.confidence(few, {}) < cal.confidence(many, {}) < 1


def test_confidence_shrinks_with_contradicting_evidence():
    consistent = state_after(["Hello there, how are you."] * 20)
    contradicted = state_after(["Hello there, how are you."] * 10 + ["hey whats up lol"] * 10)
    assert cal.confidence(contradicted, {}) < cal.confidence(consistent, {})
    agreeing, reversed_ = state_after(["Hello there, how are you."] * 20), state_after(["Hello there, how are you."] * 20)
    for _ in range(5):
        cal.observe_feedback(agreeing, "flirty", "positive")
        cal.observe_feedback(reversed_, "flirty", "positive")
    for _ in range(3):
        cal.observe_feedback(reversed_, "flirty", "ignored")
    assert cal.confidence(reversed_, {}) < cal.confidence(agreeing, {})


def test_direct_feedback_survives_a_replay():
    state = cal.new_state()
    cal.observe_feedback(state, "dominant", "purchased", direct=True)
    replayed = cal.new_state()
    cal.observe_feedback(replayed, "flirty", "ignored")
    cal.restore_direct_feedback(replayed, state["tone"])
    assert replayed["tone"]["own"] == {"flirty": [0.0, 1.0], "dominant": [2.0, 0.0]}
    assert replayed["tone"]["feedbacks"] == 2


def test_every_field_has_its_evidence_explained():
    state = state_after(["Hello there 😍."] * 6, replies_after=30)
    explained = cal.explain(state, {"flirty": (2.0, 1.0)})
    assert set(explained) == {"tone", "emoji_frequency", "preferred_emojis", "message_length_preference",
                              "punctuation_style", "response_speed", "confidence_score"}
    assert explained["tone"]["flirty"]["creator's other fans (successes, failures)"] == [2.0, 1.0]
    assert list(explained["preferred_emojis"]) == ["😍"] and explained["preferred_emojis"]["😍"] > 1
    assert explained["response_speed"]["recent reply delays (s)"] == [30.0] * 6


def test_mood_emojis_are_reported_apart_from_the_ones_to_mirror():
    state = state_after(["ugh 🙄🙄", "sure 🙃", "sad day 😔", "love it 😍", "ok 👍"] * 2)
    assert set(cal.preferred_emojis(state)) == {"😍", "👍"}
    assert set(cal.mood_emojis(state)) == {"🙄", "🙃", "😔"} and cal.mood_emojis(state)[0] == "🙄"
    fields = cal.derive(state, {})
    assert not set(fields["preferred_emojis"]) & cal.MOOD_EMOJIS


def test_mood_emojis_hold_every_negative_emoji_of_the_emotions_lexicon():
    from emotions.analyzer.lexicon import EMOJI
    negative = {symbol for symbol, (valence, _) in EMOJI.items() if valence < 0}
    assert negative <= cal.MOOD_EMOJIS
    assert not {symbol for symbol, (valence, _) in EMOJI.items() if valence > 0.1} & cal.MOOD_EMOJIS


# --- outcomes read from what the fan does after an ai message ------------------------------

def ai_then(state, tone="flirty", event_id="ai1", at=START):
    return cal.observe_outgoing(state, at, event_id, tone)


def test_a_quick_warm_full_reply_is_a_success_for_the_tone_a_cold_one_a_failure():
    warm, cold = cal.new_state(), cal.new_state()
    for state in (warm, cold):
        cal.observe_fan_message(state, "a usual message of mine", START - timedelta(days=1))
        assert ai_then(state) == []
    [good] = cal.observe_fan_message(warm, "oh yes I love that, tell me more please", START + timedelta(seconds=40),
                                     polarity=0.7)
    [bad] = cal.observe_fan_message(cold, "stop", START + timedelta(hours=5), polarity=-0.6)
    assert (good.tone, good.cause, good.about) == ("flirty", "replied", "ai1")
    assert good.successes == 1.0 and good.failures == 0.0
    assert bad.successes < 0.3 and bad.successes + bad.failures == pytest.approx(1.0)


def test_reply_share_orders_speed_length_and_mood():
    share = cal.reply_share
    assert share(30, 40, 40, 0.0) > share(3 * 3600, 40, 40, 0.0) > share(20 * 3600, 40, 40, 0.0)
    assert share(30, 40, 40, 0.0) > share(30, 4, 40, 0.0)
    assert share(30, 40, 40, 0.5) > share(30, 40, 40, 0.0) > share(30, 40, 40, -0.5)
    assert share(60, 4, 40, 0.0) < share(60, 40, None, 0.0) < share(60, 40, 40, 0.0)  # unknown length: average
    assert 0.0 <= share(10**6, 0, 40, -1.0) <= share(0, 10**4, 1, 1.0) <= 1.0


def test_only_the_first_reply_settles_the_message():
    state = cal.new_state()
    ai_then(state)
    assert len(cal.observe_fan_message(state, "hi", START + timedelta(seconds=30))) == 1
    assert cal.observe_fan_message(state, "and another thing", START + timedelta(seconds=60)) == []


def test_an_unanswered_message_is_ignored_when_the_next_one_comes_an_hour_later_or_the_fan_a_day_later():
    state = cal.new_state()
    ai_then(state, "flirty", "ai1")
    assert ai_then(state, "playful", "ai2", START + timedelta(minutes=10)) == []  # a follow-up: not judged
    [ignored] = ai_then(state, "friendly", "ai3", START + timedelta(hours=3))
    assert (ignored.tone, ignored.cause, ignored.about, ignored.failures) == ("playful", "ignored", "ai2", 1.0)
    [late] = cal.observe_fan_message(state, "back", START + timedelta(days=2))
    assert (late.tone, late.cause) == ("friendly", "ignored")


def test_a_purchase_soon_after_is_credited_once_and_a_renewal_never():
    state = cal.new_state()
    ai_then(state)
    assert cal.observe_purchase(state, START + timedelta(hours=1), "subscription") == []
    [bought] = cal.observe_purchase(state, START + timedelta(hours=2), "ppv")
    assert (bought.tone, bought.cause, bought.successes) == ("flirty", "purchased", 1.0)
    assert cal.observe_purchase(state, START + timedelta(hours=3), "tip") == []
    assert ai_then(state, "flirty", "ai2", START + timedelta(hours=4)) == []  # bought: not ignored


def test_a_creators_message_takes_the_conversation_over():
    state = cal.new_state()
    ai_then(state)
    cal.observe_outgoing(state, START + timedelta(seconds=10))  # the creator writes
    assert cal.observe_fan_message(state, "hi", START + timedelta(seconds=30)) == []


def test_only_enabled_tones_are_served_and_dominant_is_off_by_default():
    state = state_after(["hello"] * 6)
    for _ in range(5):
        cal.observe_feedback(state, "dominant", "purchased")
    assert cal.choose_tone(state, {}) != "dominant"
    assert cal.choose_tone(state, {}, enabled=cal.TONES) == "dominant"
    assert cal.choose_tone(state, {}, enabled=("professional",)) == "professional"
    assert cal.population_tone({"dominant": (50.0, 0.0)}) != "dominant"
    assert "tone" not in cal.contradictions(state, {}, enabled=("professional",))


def test_the_prior_is_the_other_fans_so_the_fans_own_evidence_is_not_counted_twice():
    state = cal.new_state()
    credit = cal.feedback_credit("playful", "purchased")
    cal.apply_credit(state, credit)
    cal.record_contribution(state, credit)
    assert cal.others({"playful": (5.0, 1.0), "flirty": (1.0, 1.0)}, state) == {"playful": (3.0, 1.0),
                                                                               "flirty": (1.0, 1.0)}
    assert cal.others({"playful": (1.0, 0.0)}, state) == {"playful": (0.0, 0.0)}  # clamped
