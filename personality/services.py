"""Writes of the personality app: learning from each event, recalibration, direct feedback.

The learning itself is in `calibration` (pure functions); here it meets the database: the
fan's profile row is locked while its evidence changes, the creator's tone totals are bumped
with F() increments, and cached profile and response style are forgotten after commit.
"""
import logging
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from core.cache import forget_on_commit
from core.learning import LearningInput
from core.metrics import CALIBRATIONS

from . import calibration as cal
from .models import CreatorToneStats, PersonalityProfile
from .selectors import PROFILE_SUFFIX, creator_population, fan_profile

logger = logging.getLogger("fanmemory.personality")


def learn(given: LearningInput) -> None:
    """Learn from one saved event (the coordinator's learning run): O(1) queries and work."""
    event = given.event
    messages = {message["event_id"]: message for message in (given.message, given.target) if message}
    with transaction.atomic():
        population = creator_population(event.creator_id)
        profile = _locked_profile(event.creator_id, event.fan_id)
        state = _state_of(profile)
        if cal.already_seen(state, event.event_id):
            return
        first_calibration = profile.last_calibrated is None
        tone = _apply(state, event, population, messages.get,
                      excused=event.type == "feedback" and given.outcome_excused())
        if tone is not None:
            population = _with_outcome(population, tone, event.outcome)
            cal.record_contribution(state, tone, event.outcome)
        _save(profile, state, population)
        if tone is not None:
            _population_add(event.creator_id, tone, event.outcome)
    if first_calibration and profile.last_calibrated is not None:
        CALIBRATIONS.labels(result="ok").inc()


@transaction.atomic
def fan_contribution_withdraw(*, creator_id: str, fan_id: str) -> dict[str, int]:
    """Before the fan's erasure (gdpr registry hook): take out of the creator's tone totals exactly
    what this fan's feedback put in. Returns the number of tone rows adjusted."""
    profile = PersonalityProfile.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id).first()
    adjusted = 0
    if profile is not None:
        for tone, (successes, failures) in sorted(cal.contribution(_state_of(profile)).items()):
            if successes or failures:
                adjusted += _population_subtract(creator_id, tone, successes, failures)
    return {CreatorToneStats._meta.db_table: adjusted}


def personality_calibrate(*, creator_id: str, fan_id: str, history, excused=lambda event, target: False) -> dict:
    """Recompute the profile from the fan's whole history, `history()` giving (events, messages by
    event id) inside the transaction; `excused(feedback event, its target message)` says which
    outcomes are not the tone's (as learning was told). A failure is logged (no personal data) and
    counted, and the previous (or default) profile is served: the client sees no error."""
    try:
        with transaction.atomic():
            _recalibrate(creator_id, fan_id, history, excused)
    except Exception as exc:
        logger.error("personality calibration failed: %s", type(exc).__name__)
        CALIBRATIONS.labels(result="failed").inc()
    else:
        CALIBRATIONS.labels(result="ok").inc()
    return fan_profile(creator_id=creator_id, fan_id=fan_id)


def personality_feedback_apply(*, creator_id: str, fan_id: str, message: dict, outcome: str) -> dict:
    """The seed's adjustTone: one outcome of an earlier ai message of this fan (checked by the
    caller), applied now."""
    about_event_id = message["event_id"]
    with transaction.atomic():
        population = creator_population(creator_id)
        profile = _locked_profile(creator_id, fan_id)
        state = _state_of(profile)
        tone = _tone_of(state, message, about_event_id, population)
        cal.observe_feedback(state, tone, outcome, direct=True)
        cal.record_contribution(state, tone, outcome)
        _save(profile, state, _with_outcome(population, tone, outcome))
        _population_add(creator_id, tone, outcome)
    return fan_profile(creator_id=creator_id, fan_id=fan_id)


# --- helpers -----------------------------------------------------------------------------------

def _locked_profile(creator_id: str, fan_id: str) -> PersonalityProfile:
    profile = PersonalityProfile.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id).first()
    if profile is None:
        PersonalityProfile.objects.get_or_create(creator_id=creator_id, fan_id=fan_id)
        profile = PersonalityProfile.objects.select_for_update().get(creator_id=creator_id, fan_id=fan_id)
    return profile


def _state_of(profile: PersonalityProfile) -> dict:
    evidence = profile.evidence or {}
    return evidence if evidence.get("version") == cal.new_state()["version"] else cal.new_state()


def _tagged_tone(message: dict | None) -> str | None:
    tagged = ((message or {}).get("metadata") or {}).get("tone")
    return tagged if tagged in cal.TONES else None


def _tone_of(state: dict, message: dict | None, event_id: str, population: dict) -> str:
    """The tone of an ai message: its metadata's, else the one served with it, else the current one."""
    return _tagged_tone(message) or cal.served_with(state, event_id) or cal.choose_tone(state, population)


def _apply(state: dict, event, population: dict, message_of, excused: bool = False) -> str | None:
    """One event into the state; returns the tone credited when it is a feedback (none when
    `excused`: a bad outcome right after a complaint is the content's fault, not the tone's)."""
    serving = cal.choose_tone(state, population)
    cal.count_interaction(state)
    if event.type == "message":
        message = message_of(event.event_id)
        if message is None:
            return None
        if message["sender"] == "fan":
            cal.observe_fan_message(state, message["content"], message["at"])
        else:
            tone = (_tagged_tone(message) or serving) if message["sender"] == "ai" else None
            cal.observe_outgoing(state, message["at"], event.event_id, tone)
    elif event.type == "feedback" and event.outcome in cal.REWARDS and not excused:
        tone = _tone_of(state, message_of(event.about_event_id), event.about_event_id, population)
        cal.observe_feedback(state, tone, event.outcome)
        return tone
    return None


def _recalibrate(creator_id: str, fan_id: str, history, excused) -> None:
    events, messages = history()
    if not events:  # no memory of the fan (never seen, or erased meanwhile): nothing to calibrate
        return
    population = creator_population(creator_id)
    profile = _locked_profile(creator_id, fan_id)
    previous = _state_of(profile)
    state = cal.new_state()
    for event in events:
        if not cal.already_seen(state, event.event_id):
            _apply(state, event, population, messages.get,
                   excused=event.type == "feedback" and excused(event, messages.get(event.about_event_id)))
    cal.restore_direct_feedback(state, previous["tone"])
    state["tone"]["contributed"] = cal.contribution(previous)  # the creator's totals are not replayed
    _save(profile, state, population, recalibrated=True)


def _save(profile: PersonalityProfile, state: dict, population: dict, recalibrated: bool = False) -> None:
    profile.evidence = state
    profile.interaction_count = state["interactions"]
    if state["interactions"] >= cal.CALIBRATION_THRESHOLD:
        fields = cal.derive(state, population)
        for name in ("tone", "message_length_preference", "punctuation_style", "preferred_emojis", "mood_emojis",
                     "response_speed"):
            setattr(profile, name, fields[name])
        profile.emoji_frequency = Decimal(f"{fields['emoji_frequency']:.2f}")
        profile.confidence_score = Decimal(f"{fields['confidence_score']:.2f}")
        profile.last_calibrated = timezone.now()
    elif recalibrated:  # fewer interactions than the seed's threshold (after an erasure): back to the prior
        profile.last_calibrated = None
    profile.save()
    creator_id, fan_id = profile.creator_id, profile.fan_id
    forget_on_commit(creator_id, fan_id, PROFILE_SUFFIX)


def _with_outcome(population: dict, tone: str, outcome: str) -> dict:
    """The creator's totals as they will be once this outcome is added (derive with them)."""
    successes, failures = population.get(tone, (0.0, 0.0))
    return {**population, tone: (successes + cal.REWARDS[outcome][0], failures + cal.REWARDS[outcome][1])}


def _population_add(creator_id: str, tone: str, outcome: str) -> None:
    """Last in the transaction: the creator's rows are shared by all its fans, lock them briefly."""
    successes, failures = cal.REWARDS[outcome]
    increments = {"successes": F("successes") + successes, "failures": F("failures") + failures}
    rows = CreatorToneStats.objects.filter(creator_id=creator_id, tone=tone)
    if not rows.update(**increments):  # no row yet, or an erasure has just deleted it
        _, created = CreatorToneStats.objects.get_or_create(creator_id=creator_id, tone=tone, defaults={
            "successes": successes, "failures": failures})
        if not created:
            rows.update(**increments)


def _population_subtract(creator_id: str, tone: str, successes: float, failures: float) -> int:
    """Clamped at 0; a row left empty is deleted, so no trace of which tones the fan was served."""
    rows = CreatorToneStats.objects.filter(creator_id=creator_id, tone=tone)
    adjusted = rows.update(successes=Greatest(F("successes") - successes, 0.0),
                           failures=Greatest(F("failures") - failures, 0.0))
    rows.filter(successes__lte=0.0, failures__lte=0.0).delete()
    return adjusted
