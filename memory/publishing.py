"""Where the memory app meets the others: the analysis of a message before it is saved, and the
hand-over of a committed event to the cache and to the learning apps."""
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from emotions.services import analyze_text
from gdpr.selectors import purpose_allowed
from gdpr.services import erasure_request, fan_data_erase
from preferences.topics import extract_topics

from . import cache, keys
from .models import EventType
from .timeutil import iso_utc

logger = logging.getLogger("fanmemory.memory")


def memory_allowed(creator_id: str, fan_id: str) -> bool:
    return purpose_allowed(creator_id=creator_id, fan_id=fan_id, purpose="memory")


def analysis_for(event: dict) -> dict | None:
    """The contract's analysis: emotions from the emotions app, topics from the preferences app."""
    if event["type"] != EventType.MESSAGE:
        return None
    text = event["message"]["content"]
    analysis = analyze_text(text)
    analysis["topics"] = extract_topics(text, analysis.get("language"))
    return analysis


def _cached_message(event: dict, analysis: dict) -> dict:
    return {
        "event_id": event["event_id"],
        "content": event["message"]["content"],
        "sender": event["message"]["sender"],
        "timestamp": iso_utc(event["occurred_at"]),
        "sentiment": analysis["sentiment"],
        "topics": analysis.get("topics") or [],
        "metadata": event.get("metadata") or {},
    }


def publish_after_commit(creator_id: str, event: dict, analysis: dict | None, event_pk: int) -> None:
    """After commit: write through to the hot cache, then hand the event to the learning apps."""
    from .tasks import learn_from_event

    fan_id = event["fan_id"]
    late = event["occurred_at"] < timezone.now() - timedelta(seconds=settings.FANMEMORY["LATE_EVENT_SECONDS"])

    def build(pipe):
        if analysis is not None:
            cache.push_message(pipe, creator_id, fan_id, _cached_message(event, analysis), late)
        pipe.delete(keys.engagement_key(creator_id, fan_id))

    cache.run("write-through", build, atomic=True)
    try:
        learn_from_event.delay(event_pk)
    except Exception as exc:  # the broker is down: the event is saved, learning catches up later
        logger.warning("could not queue learning: %s", type(exc).__name__)


def erase_fan_everywhere(creator_id: str, fan_id: str) -> dict:
    proof = fan_data_erase(creator_id=creator_id, fan_id=fan_id)
    if not proof["cache_cleared"]:  # Redis was down: an erasure request clears the cache once it is back
        erasure_request(creator_id=creator_id, fan_id=fan_id, requested_by="delete endpoint, cache retry")
    return proof
