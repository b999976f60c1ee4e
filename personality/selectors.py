"""Reads of the personality app: the fan's profile and the response style derived from it.

Both are cached in Redis with the seed's TTL (the profile under the context part's key, so the
context and GET .../personality/ share one entry); services forget both when a profile changes.
"""
import orjson
from django.conf import settings

from emotions.selectors import CONTEXT_PART as EMOTION_PART
from memory import cache, keys
from memory.parts import ContextPart, rows_by_fan
from memory.timeutil import iso_utc
from preferences.selectors import CONTEXT_PART as PREFERENCES_PART

from . import calibration
from .models import CreatorToneStats, PersonalityProfile

PROFILE_SUFFIX = "personality"
STYLE_SUFFIX = "response_style"
MAX_LENGTH_BY_PREFERENCE = {"short": 80, "medium": 200, "long": 400}
MAX_EMOJIS_PER_MESSAGE = 4
MAX_TOPICS = 5


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
        "response_speed": profile.response_speed,
        "confidence_score": float(profile.confidence_score),
        "last_calibrated": iso_utc(profile.last_calibrated),
        "interaction_count": profile.interaction_count,
    }


def creator_population(creator_id: str) -> dict[str, tuple[float, float]]:
    """(successes, failures) per tone over all the creator's fans: one query."""
    rows = CreatorToneStats.objects.filter(creator_id=creator_id).values_list("tone", "successes", "failures")
    return {tone: (successes, failures) for tone, successes, failures in rows}


def profiles_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    """The served profile of each fan: one query for the profiles, one for the creator's tones."""
    rows = rows_by_fan(PersonalityProfile.objects.defer("evidence"), creator_id, fan_ids)
    calibrated = {fan_id: row for fan_id, row in rows.items() if row.last_calibrated is not None}
    prior_tone = None
    if len(calibrated) < len(fan_ids):
        prior_tone = calibration.population_tone(creator_population(creator_id))
    return {
        fan_id: profile_to_dict(calibrated[fan_id]) if fan_id in calibrated
        else default_profile(fan_id, prior_tone, rows[fan_id].interaction_count if fan_id in rows else 0)
        for fan_id in fan_ids
    }


def _topic_score(value) -> float:
    if isinstance(value, dict):
        value = value.get("score", 0.0)
    return float(value) if isinstance(value, (int, float)) else 0.0


def response_style_from(profile: dict, preferences: dict, emotional_state: dict) -> dict:
    """The seed's getOptimalResponseStyle, from the parts of the context."""
    interests = preferences.get("topic_interests") or {}
    avoid = list(emotional_state.get("avoid_topics") or [])
    topics = [topic for topic in sorted(interests, key=lambda name: -_topic_score(interests[name]))
              if topic not in avoid]
    return {
        "max_length": MAX_LENGTH_BY_PREFERENCE[profile["message_length_preference"]],
        "emoji_count": round(profile["emoji_frequency"] * MAX_EMOJIS_PER_MESSAGE),
        "tone": profile["tone"],
        "topics": topics[:MAX_TOPICS],
        "avoid_topics": avoid,
    }


CONTEXT_PART = ContextPart(
    name="personality_profile",
    cache_suffix=PROFILE_SUFFIX,
    ttl=settings.FANMEMORY["PERSONALITY_TTL"],
    load_many=profiles_for,
)


def _read_through(creator_id: str, fan_id: str, suffixes: tuple[str, ...]) -> dict[str, dict | None]:
    """Cached values of the fan's parts (None for a miss, or for all when Redis is down)."""
    cache_keys = [keys.fan_key(creator_id, fan_id, suffix) for suffix in suffixes]
    found = cache.run("personality read", lambda pipe: [pipe.get(key) for key in cache_keys])
    return {suffix: orjson.loads(raw) if raw else None for suffix, raw in zip(suffixes, found or [None] * len(suffixes))}


def _remember(creator_id: str, fan_id: str, values: dict[str, tuple[dict, int]]) -> None:
    cache.run("personality refill", lambda pipe: [
        pipe.set(keys.fan_key(creator_id, fan_id, suffix), orjson.dumps(value), ex=ttl)
        for suffix, (value, ttl) in values.items()
    ])


def fan_profile(*, creator_id: str, fan_id: str) -> dict:
    cached = _read_through(creator_id, fan_id, (PROFILE_SUFFIX,))[PROFILE_SUFFIX]
    if cached is not None:
        return cached
    profile = profiles_for(creator_id, [fan_id])[fan_id]
    _remember(creator_id, fan_id, {PROFILE_SUFFIX: (profile, CONTEXT_PART.ttl)})
    return profile


def fan_response_style(*, creator_id: str, fan_id: str) -> dict:
    """The response style, cached on its own; on a miss built from the (cached) parts it uses."""
    parts = (CONTEXT_PART, PREFERENCES_PART, EMOTION_PART)
    cached = _read_through(creator_id, fan_id, (STYLE_SUFFIX, *(part.cache_suffix for part in parts)))
    if cached[STYLE_SUFFIX] is not None:
        return cached[STYLE_SUFFIX]
    refills, values = {}, []
    for part in parts:
        value = cached[part.cache_suffix]
        if value is None:
            value = part.load_many(creator_id, [fan_id])[fan_id]
            refills[part.cache_suffix] = (value, part.ttl)
        values.append(value)
    style = response_style_from(*values)
    refills[STYLE_SUFFIX] = (style, CONTEXT_PART.ttl)
    _remember(creator_id, fan_id, refills)
    return style
