"""Reads of the personality app: the fan's profile, cached in Redis with the seed's TTL under the
context part's key (the context and GET .../personality/ share one entry)."""
from django.conf import settings

from core import cache
from core.parts import ContextPart, rows_by_fan
from core.timeutil import iso_utc

from . import calibration
from .models import CreatorTones, CreatorToneStats, PersonalityProfile

PROFILE_SUFFIX = "personality"


def default_profile(fan_id: str, tone: str = calibration.DEFAULT_TONE, interaction_count: int = 0) -> dict:
    """Served until a profile is calibrated (fewer than 5 interactions): the creator's population
    tone (`tone`), the other fields at their defaults."""
    return {
        "fan_id": fan_id,
        "tone": tone,
        "emoji_frequency": 0.5,
        "message_length_preference": "medium",
        "punctuation_style": "casual",
        "preferred_emojis": [],
        "mood_emojis": [],
        "response_speed": "variable",
        "confidence_score": 0.0,
        "last_calibrated": None,
        "interaction_count": interaction_count,
    }


def profile_to_dict(profile: PersonalityProfile) -> dict:
    return {
        "fan_id": profile.fan_id,
        "tone": profile.tone,
        "emoji_frequency": float(profile.emoji_frequency),
        "message_length_preference": profile.message_length_preference,
        "punctuation_style": profile.punctuation_style,
        "preferred_emojis": profile.preferred_emojis,
        "mood_emojis": profile.mood_emojis,
        "response_speed": profile.response_speed,
        "confidence_score": float(profile.confidence_score),
        "last_calibrated": iso_utc(profile.last_calibrated),
        "interaction_count": profile.interaction_count,
    }


def creator_population(creator_id: str) -> dict[str, tuple[float, float]]:
    """(successes, failures) per tone over all the creator's fans: one query."""
    rows = CreatorToneStats.objects.filter(creator_id=creator_id).values_list("tone", "successes", "failures")
    return {tone: (successes, failures) for tone, successes, failures in rows}


def enabled_tones(creator_id: str) -> tuple[str, ...]:
    """The tones the creator lets the assistant serve: one query."""
    chosen = CreatorTones.objects.filter(creator_id=creator_id).values_list("enabled_tones", flat=True).first()
    return calibration.explored(chosen or calibration.DEFAULT_ENABLED_TONES)


def profiles_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    """The served profile of each fan: one query for the profiles, one for the creator's enabled
    tones, one for its tone totals when a fan is not calibrated or was calibrated in a tone the
    creator has switched off since (that profile's tone is derived again, not stored)."""
    rows = rows_by_fan(PersonalityProfile.objects.defer("evidence"), creator_id, fan_ids)
    calibrated = {fan_id: row for fan_id, row in rows.items() if row.last_calibrated is not None}
    enabled = enabled_tones(creator_id)
    switched_off = [row.pk for row in calibrated.values() if row.tone not in enabled]
    prior_tone, population = None, None
    if len(calibrated) < len(fan_ids) or switched_off:
        population = creator_population(creator_id)
        prior_tone = calibration.population_tone(population, enabled)
    for row in PersonalityProfile.objects.filter(pk__in=switched_off) if switched_off else ():
        state = row.evidence if (row.evidence or {}).get("version") else calibration.new_state()
        calibrated[row.fan_id].tone = calibration.choose_tone(state, calibration.others(population, state), enabled)
    return {
        fan_id: profile_to_dict(calibrated[fan_id]) if fan_id in calibrated
        else default_profile(fan_id, prior_tone, rows[fan_id].interaction_count if fan_id in rows else 0)
        for fan_id in fan_ids
    }


CONTEXT_PART = ContextPart(
    name="personality_profile",
    cache_suffix=PROFILE_SUFFIX,
    ttl=settings.FANMEMORY["PERSONALITY_TTL"],
    load_many=profiles_for,
)


def fan_profile(*, creator_id: str, fan_id: str) -> dict:
    return cache.read_through(creator_id, fan_id, PROFILE_SUFFIX, CONTEXT_PART.ttl,
                              lambda: profiles_for(creator_id, [fan_id])[fan_id])
