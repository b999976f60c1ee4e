"""Writes of the personality app: learning from each event, recalibration, direct feedback.

The learning itself is in `calibration` (pure functions); here it meets the database: the
fan's profile row is locked while its evidence changes, the creator's tone totals are bumped
with F() increments, and cached profile and response style are forgotten after commit.
"""
import logging
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from core.cache import forget_on_commit
from core.learning import LearningInput
from core.metrics import CALIBRATIONS

from . import calibration as cal
from .models import CreatorTones, CreatorToneStats, PersonalityProfile
from .selectors import PROFILE_SUFFIX, creator_population, enabled_tones, fan_profile

logger = logging.getLogger("fanmemory.personality")


def learn(given: LearningInput) -> None:
    """Learn from one saved event (the coordinator's learning run): O(1) queries and work."""
    event = given.event
    messages = {message["event_id"]: message for message in (given.message, given.target) if message}
    with transaction.atomic(savepoint=False):  # inside the learning run's savepoint
        population, enabled = creator_population(event.creator_id), enabled_tones(event.creator_id)
        profile = _locked_profile(event.creator_id, event.fan_id)
        state = _state_of(profile)
        if cal.already_seen(state, event.event_id):
            return
        first_calibration = profile.last_calibrated is None
        known = _Known(cal.others(population, state), enabled, messages.get)
        credits = _apply(state, event, known,
                         excused=event.type == "feedback" and given.outcome_excused())
        for credit in credits:
            cal.record_contribution(state, credit)
        _save(profile, state, known)
        _population_add(event.creator_id, credits)
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
        population, enabled = creator_population(creator_id), enabled_tones(creator_id)
        profile = _locked_profile(creator_id, fan_id)
        state = _state_of(profile)
        known = _Known(cal.others(population, state), enabled, {about_event_id: message}.get)
        credit = cal.feedback_credit(_tone_of(state, message, about_event_id, known), outcome, about_event_id)
        cal.apply_credit(state, credit, direct=True)
        cal.record_contribution(state, credit)
        _save(profile, state, known)
        _population_add(creator_id, [credit])
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


class _Known(NamedTuple):
    """What an event is learned with: the creator's other fans (the prior), its enabled tones, the
    messages by event id, and in a replay the tones served with earlier ai messages."""

    prior: dict
    enabled: tuple[str, ...]
    message_of: Callable[[str], dict | None]
    served_before: Mapping[str, str] = MappingProxyType({})


def _tagged_tone(message: dict | None) -> str | None:
    tagged = ((message or {}).get("metadata") or {}).get("tone")
    return tagged if tagged in cal.TONES else None


def _polarity(message: dict) -> float | None:
    polarity = (message.get("analysis") or {}).get("polarity")
    return float(polarity) if isinstance(polarity, (int, float)) else None


def _tone_of(state: dict, message: dict | None, event_id: str, known: _Known) -> str:
    """The tone of an ai message: its metadata's, else the one served with it, else the current one."""
    return (_tagged_tone(message) or cal.served_with(state, event_id) or known.served_before.get(event_id)
            or cal.choose_tone(state, known.prior, known.enabled))


def _apply(state: dict, event, known: _Known, excused: bool = False) -> list[cal.Credit]:
    """One event into the state, learning and replay alike; returns the evidence it gave a tone
    (none for an `excused` feedback: a bad outcome right after a complaint is the content's fault,
    not the tone's)."""
    credits = _evidence(state, event, known, excused)
    for credit in credits:
        cal.apply_credit(state, credit)
    return credits


def _evidence(state: dict, event, known: _Known, excused: bool) -> list[cal.Credit]:
    """What the event says of the tone of an earlier ai message: an explicit feedback, or what the
    fan did after it (answered, how; stayed silent; bought)."""
    serving = cal.choose_tone(state, known.prior, known.enabled)
    cal.count_interaction(state)
    if event.type == "purchase":
        return cal.observe_purchase(state, event.occurred_at, event.purchase_kind)
    if event.type == "feedback":
        if event.outcome not in cal.REWARDS or excused:
            return []
        tone = _tone_of(state, known.message_of(event.about_event_id), event.about_event_id, known)
        return [cal.feedback_credit(tone, event.outcome, event.about_event_id)]
    message = known.message_of(event.event_id) if event.type == "message" else None
    if message is None:
        return []
    if message["sender"] == "fan":
        return cal.observe_fan_message(state, message["content"], message["at"], _polarity(message))
    tone = None
    if message["sender"] == "ai":
        tone = _tagged_tone(message) or known.served_before.get(event.event_id) or serving
    return cal.observe_outgoing(state, message["at"], event.event_id, tone)


def _recalibrate(creator_id: str, fan_id: str, history, excused) -> None:
    events, messages = history()
    if not events:  # no memory of the fan (never seen, or erased meanwhile): nothing to calibrate
        return
    population, enabled = creator_population(creator_id), enabled_tones(creator_id)
    profile = _locked_profile(creator_id, fan_id)
    previous = _state_of(profile)
    known = _Known(cal.others(population, previous), enabled, messages.get, dict(previous["tone"]["served"]))
    state = cal.new_state()
    for event in events:
        if not cal.already_seen(state, event.event_id):
            _apply(state, event, known,
                   excused=event.type == "feedback" and excused(event, messages.get(event.about_event_id)))
    cal.restore_direct_feedback(state, previous["tone"])
    state["tone"]["contributed"] = cal.contribution(previous)  # the creator's totals are not replayed
    _save(profile, state, known, recalibrated=True)


def _save(profile: PersonalityProfile, state: dict, known: _Known, recalibrated: bool = False) -> None:
    profile.evidence = state
    profile.interaction_count = state["interactions"]
    if state["interactions"] >= cal.CALIBRATION_THRESHOLD:
        fields = cal.derive(state, known.prior, known.enabled)
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


def _population_add(creator_id: str, credits: list[cal.Credit]) -> None:
    """Last in the transaction: the creator's rows are shared by all its fans, lock them briefly."""
    totals: dict[str, list[float]] = {}
    for credit in credits:
        pair = totals.setdefault(credit.tone, [0.0, 0.0])
        pair[0], pair[1] = pair[0] + credit.successes, pair[1] + credit.failures
    for tone, (successes, failures) in sorted(totals.items()):
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


@transaction.atomic
def creator_tones_set(*, creator_id: str, tones: list[str]) -> tuple[str, ...]:
    """The tones the creator lets the assistant serve (at least one, checked by the caller). A tone
    switched off is served no more at once: the cached profiles that may serve it (calibrated in
    it, or not calibrated: the population's tone) are forgotten after commit, and the selector
    derives such a profile's tone again. A tone switched on is explored from each fan's next event."""
    enabled = cal.explored(tones)
    CreatorTones.objects.update_or_create(creator_id=creator_id, defaults={"enabled_tones": list(enabled)})
    affected = (PersonalityProfile.objects.filter(creator_id=creator_id)
                .filter(Q(last_calibrated__isnull=True) | ~Q(tone__in=enabled)).values_list("fan_id", flat=True))
    for fan_id in affected.iterator():
        forget_on_commit(creator_id, fan_id, PROFILE_SUFFIX)
    return enabled
