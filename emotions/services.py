"""Writes of the emotions app: the analysis of a message and the fan's emotional state.

`learn` runs in the coordinator's learning run: the fan's row is locked while its evidence
changes; the run forgets the cached state after commit.
"""
from datetime import datetime, timezone

from django.db import transaction

from core.learning import LearningInput

from . import analyzer
from . import state as st
from .models import EmotionalState


def analyze_text(text: str) -> dict:
    """The contract's analysis object for one message (topics are filled by the caller)."""
    return analyzer.analyze(text)


def analyze_texts(texts: list[str]) -> list[dict]:
    return analyzer.analyze_many(texts)


def learn(given: LearningInput) -> None:
    """Fold one saved message into the fan's emotional state (O(1) queries)."""
    event, message = given.event, given.message
    if event.type != "message" or message is None:
        return
    with transaction.atomic(savepoint=False):  # inside the learning run's savepoint
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
        _apply(row, evidence, given.engagement_level())


def _locked_state(creator_id: str, fan_id: str) -> EmotionalState:
    EmotionalState.objects.get_or_create(creator_id=creator_id, fan_id=fan_id)
    return EmotionalState.objects.select_for_update().get(creator_id=creator_id, fan_id=fan_id)


def _apply(row: EmotionalState, evidence: dict, engagement_level: str | None) -> None:
    points = evidence["recent"]
    score = st.decayed_score(points)
    row.sentiment_score = round(score, 4)
    row.current_sentiment = st.sentiment_of(score)
    row.dominant_emotions = st.dominant_emotions(points)
    row.avoid_topics = st.avoid_topics(evidence)
    if engagement_level is not None:
        row.engagement_level = engagement_level
    for sentiment, field in (("positive", "last_positive_interaction"), ("negative", "last_negative_interaction")):
        previous = getattr(row, field)
        at = st.last_at(points, sentiment, previous.timestamp() if previous else None)
        setattr(row, field, datetime.fromtimestamp(at, tz=timezone.utc) if at is not None else None)
    row.last_fan_message_at = (datetime.fromtimestamp(evidence["last_fan_at"], tz=timezone.utc)
                               if evidence["last_fan_at"] else None)
    row.evidence = evidence
    row.save()
