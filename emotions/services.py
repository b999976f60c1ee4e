"""Writes of the emotions app: the analysis of a message and the fan's emotional state.

`on_interaction` runs after commit (memory's Celery task): the fan's row is locked while its
evidence changes, then the cached state (and the response style built from it) is forgotten.
"""
from datetime import datetime, timezone

from django.db import transaction

from memory import selectors as memory_selectors
from memory.cache import forget_parts

from . import analyzer
from . import state as st
from .models import EmotionalState
from .selectors import CACHE_SUFFIX, STYLE_SUFFIX


def analyze_text(text: str) -> dict:
    """The contract's analysis object for one message (topics are filled by the caller)."""
    return analyzer.analyze(text)


def analyze_texts(texts: list[str]) -> list[dict]:
    return analyzer.analyze_many(texts)


def on_interaction(event) -> None:
    """Fold one committed message into the fan's emotional state (O(1) queries)."""
    if event.type != "message":
        return
    message = memory_selectors.message_of_event(creator_id=event.creator_id, event_id=event.event_id)
    if message is None:  # erased meanwhile
        return
    with transaction.atomic():
        row = _locked_state(event.creator_id, event.fan_id)
        evidence = st.evidence_of(row.evidence)
        if st.already_seen(evidence, event.event_id):
            return
        st.mark_seen(evidence, event.event_id)
        at = message["at"].timestamp()
        if message["sender"] == "fan":
            analysis = message["analysis"] or analyze_text(message["content"])
            point = st.observe_fan_message(evidence, at, analysis, len(message["content"]), message["topics"] or [])
            row.sentiment_history = st.add_history(row.sentiment_history or [], point)
        else:
            st.observe_outgoing(evidence, at)
        _apply(row, evidence, memory_selectors.fan_engagement(creator_id=event.creator_id, fan_id=event.fan_id))
        transaction.on_commit(lambda: forget_parts(event.creator_id, event.fan_id, CACHE_SUFFIX, STYLE_SUFFIX))


def _locked_state(creator_id: str, fan_id: str) -> EmotionalState:
    EmotionalState.objects.get_or_create(creator_id=creator_id, fan_id=fan_id)
    return EmotionalState.objects.select_for_update().get(creator_id=creator_id, fan_id=fan_id)


def _apply(row: EmotionalState, evidence: dict, engagement: dict | None) -> None:
    points = evidence["recent"]
    score = st.decayed_score(points)
    row.sentiment_score = round(score, 4)
    row.current_sentiment = st.sentiment_of(score)
    row.dominant_emotions = st.dominant_emotions(points)
    row.avoid_topics = st.avoid_topics(evidence)
    if engagement is not None:
        row.engagement_level = engagement["engagement_level"]
    for sentiment, field in (("positive", "last_positive_interaction"), ("negative", "last_negative_interaction")):
        previous = getattr(row, field)
        at = st.last_at(points, sentiment, previous.timestamp() if previous else None)
        setattr(row, field, datetime.fromtimestamp(at, tz=timezone.utc) if at is not None else None)
    row.last_fan_message_at = (datetime.fromtimestamp(evidence["last_fan_at"], tz=timezone.utc)
                               if evidence["last_fan_at"] else None)
    row.evidence = evidence
    row.save()
