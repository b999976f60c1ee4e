"""Reads of the preferences app."""
from django.conf import settings

from memory.parts import ContextPart, rows_by_fan
from memory.timeutil import iso_utc

from .models import FanPreferences


def default_preferences(fan_id: str) -> dict:
    return {
        "fan_id": fan_id,
        "content_preferences": {},
        "topic_interests": {},
        "purchase_patterns": [],
        "communication_preferences": {},
        "last_updated": None,
    }


def preferences_to_dict(row: FanPreferences) -> dict:
    return {
        "fan_id": row.fan_id,
        "content_preferences": row.content_preferences,
        "topic_interests": row.topic_interests,
        "purchase_patterns": row.purchase_patterns,
        "communication_preferences": row.communication_preferences,
        "last_updated": iso_utc(row.last_updated),
    }


def preferences_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = rows_by_fan(FanPreferences.objects.all(), creator_id, fan_ids)
    return {fan_id: preferences_to_dict(rows[fan_id]) if fan_id in rows else default_preferences(fan_id) for fan_id in fan_ids}


CONTEXT_PART = ContextPart(
    name="preferences",
    cache_suffix="preferences",
    ttl=settings.FANMEMORY["PREFERENCES_TTL"],
    load_many=preferences_for,
)
