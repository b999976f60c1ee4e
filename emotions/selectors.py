"""Reads of the emotions app: the fan's emotional state (a cached context part) and the
disengagement signals (computed at read time from the stored evidence and the clock, so the
signals of silence appear while time passes, without any message)."""
from django.conf import settings
from django.utils import timezone

from core import cache
from core.parts import ContextPart, rows_by_fan
from core.timeutil import iso_utc

from . import state as st
from .models import EmotionalState

CACHE_SUFFIX = "emotion"
SIGNALS_SUFFIX = "signals"
# What the disengagement detectors read of the evidence (no text, no event ids).
SIGNAL_INPUTS = ("version", "recent", "delays", "days", "awaiting", "last_fan_at")


def default_state() -> dict:
    return {
        "current_sentiment": "neutral",
        "sentiment_score": 0.0,
        "sentiment_history": [],
        "dominant_emotions": [],
        "engagement_level": "low",
        "last_positive_interaction": None,
        "last_negative_interaction": None,
        "avoid_topics": [],
    }


def state_to_dict(row: EmotionalState) -> dict:
    return {
        "current_sentiment": row.current_sentiment,
        "sentiment_score": row.sentiment_score,
        "sentiment_history": row.sentiment_history,
        "dominant_emotions": row.dominant_emotions,
        "engagement_level": row.engagement_level,
        "last_positive_interaction": iso_utc(row.last_positive_interaction),
        "last_negative_interaction": iso_utc(row.last_negative_interaction),
        "avoid_topics": row.avoid_topics or [],
    }


def states_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = rows_by_fan(EmotionalState.objects.defer("evidence"), creator_id, fan_ids)
    return {fan_id: state_to_dict(rows[fan_id]) if fan_id in rows else default_state() for fan_id in fan_ids}


CONTEXT_PART = ContextPart(
    name="emotional_state",
    cache_suffix=CACHE_SUFFIX,
    ttl=settings.FANMEMORY["EMOTION_TTL"],
    load_many=states_for,
)


def signal_inputs_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = EmotionalState.objects.filter(creator_id=creator_id, fan_id__in=fan_ids).only("fan_id", "evidence")
    evidence = {row.fan_id: st.evidence_of(row.evidence) for row in rows}
    return {fan_id: {key: evidence.get(fan_id, st.new_evidence())[key] for key in SIGNAL_INPUTS} for fan_id in fan_ids}


# Cached are the detectors' inputs, not the signals: those are computed at each read with the clock.
SIGNALS_PART = ContextPart(
    name="disengagement",
    cache_suffix=SIGNALS_SUFFIX,
    ttl=settings.FANMEMORY["EMOTION_TTL"],
    load_many=signal_inputs_for,
)


def signals_from(inputs: dict) -> list[dict]:
    """The current signals, strongest first, from SIGNALS_PART's value and the clock."""
    return st.disengagement(st.evidence_of(inputs), timezone.now().timestamp())


def worst_severity(signals: list[dict]) -> str | None:
    return signals[0]["severity"] if signals else None


def disengagement_for_many(*, creator_id: str, fan_ids: list[str]) -> dict[str, list[dict]]:
    """The signals of each fan ([] when none): one query, no cache (they depend on the clock)."""
    now = timezone.now().timestamp()
    rows = EmotionalState.objects.filter(creator_id=creator_id, fan_id__in=fan_ids).only("fan_id", "evidence")
    evidence = {row.fan_id: st.evidence_of(row.evidence) for row in rows}
    return {fan_id: st.disengagement(evidence[fan_id], now) if fan_id in evidence else [] for fan_id in fan_ids}


def disengagement_for(*, creator_id: str, fan_id: str) -> list[dict]:
    """The fan's current disengagement signals, strongest first ([] when none)."""
    return disengagement_for_many(creator_id=creator_id, fan_ids=[fan_id])[fan_id]
