"""Reads of the emotions app."""
from django.conf import settings

from memory.parts import ContextPart, rows_by_fan
from memory.timeutil import iso_utc

from .models import EmotionalState


def default_state() -> dict:
    return {
        "current_sentiment": "neutral",
        "sentiment_history": [],
        "dominant_emotions": [],
        "engagement_level": "medium",
        "last_positive_interaction": None,
        "last_negative_interaction": None,
    }


def state_to_dict(row: EmotionalState) -> dict:
    return {
        "current_sentiment": row.current_sentiment,
        "sentiment_history": row.sentiment_history,
        "dominant_emotions": row.dominant_emotions,
        "engagement_level": row.engagement_level,
        "last_positive_interaction": iso_utc(row.last_positive_interaction),
        "last_negative_interaction": iso_utc(row.last_negative_interaction),
    }


def states_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = rows_by_fan(EmotionalState.objects.all(), creator_id, fan_ids)
    return {fan_id: state_to_dict(rows[fan_id]) if fan_id in rows else default_state() for fan_id in fan_ids}


CONTEXT_PART = ContextPart(
    name="emotional_state",
    cache_suffix="emotion",
    ttl=settings.FANMEMORY["EMOTION_TTL"],
    load_many=states_for,
)


def disengagement_for(*, creator_id: str, fan_id: str) -> list[dict]:
    """The fan's current disengagement signals ([] when none)."""
    return []
