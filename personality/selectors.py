"""Reads of the personality app: the fan's profile and the response style derived from it."""
from django.conf import settings

from memory.parts import ContextPart, rows_by_fan
from memory.timeutil import iso_utc

from .models import PersonalityProfile

MAX_LENGTH_BY_PREFERENCE = {"short": 80, "medium": 200, "long": 400}
MAX_EMOJIS_PER_MESSAGE = 4


def default_profile(fan_id: str) -> dict:
    """Served until a profile is calibrated (a fan with fewer than 5 interactions)."""
    return {
        "fan_id": fan_id,
        "tone": "friendly",
        "emoji_frequency": 0.5,
        "message_length_preference": "medium",
        "punctuation_style": "casual",
        "preferred_emojis": [],
        "response_speed": "variable",
        "confidence_score": 0.0,
        "last_calibrated": None,
        "interaction_count": 0,
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


def profiles_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = rows_by_fan(PersonalityProfile.objects.all(), creator_id, fan_ids)
    return {fan_id: profile_to_dict(rows[fan_id]) if fan_id in rows else default_profile(fan_id) for fan_id in fan_ids}


def response_style_from(profile: dict, preferences: dict, emotional_state: dict) -> dict:
    """The seed's getOptimalResponseStyle, from the parts of the context."""
    interests = preferences.get("topic_interests") or {}
    return {
        "max_length": MAX_LENGTH_BY_PREFERENCE[profile["message_length_preference"]],
        "emoji_count": round(profile["emoji_frequency"] * MAX_EMOJIS_PER_MESSAGE),
        "tone": profile["tone"],
        "topics": sorted(interests, key=interests.get, reverse=True)[:5],
        "avoid_topics": list(emotional_state.get("avoid_topics") or []),
    }


CONTEXT_PART = ContextPart(
    name="personality_profile",
    cache_suffix="personality",
    ttl=settings.FANMEMORY["PERSONALITY_TTL"],
    load_many=profiles_for,
)
