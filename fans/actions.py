"""The save and erase actions: the only place where one request touches several apps.

`interaction_save` checks (consent, feedback target), then writes the event, its message and
engagement in one transaction, then after commit writes through to the hot cache and rings for
learning: the workers learn from the database, woken by one task for many saves (LearningBell).
"""
import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from core import consent, keys
from core.cache import run
from core.errors import ServiceError
from core.timeutil import iso_utc
from emotions.services import analyze_text
from gdpr.services import erasure_request, erasure_run
from memory import cache as message_cache
from memory import services as memory_services
from memory.models import EventType
from preferences.services import preference_score_update
from preferences.topics import extract_topics

from . import policy
from .context import ENGAGEMENT_SUFFIX

logger = logging.getLogger("fanmemory.fans")


@dataclass(frozen=True)
class SaveOutcome:
    status: int  # 201 first save, 200 replay
    body: dict


def interaction_save(*, creator_id: str, event: dict, raw_hash: str) -> SaveOutcome:
    """Save one validated event exactly once; replays answer the first answer.

    Idempotency rests on the unique (creator, event_id) constraint: concurrent duplicates wait
    on the index and then find the committed row, never a read-then-write race.
    """
    _check_interaction_save(creator_id, event)
    analysis = analysis_for(event)
    response = _response_body(event, analysis)
    try:
        with transaction.atomic():
            memory_services.feedback_target_check(creator_id=creator_id, event=event)
            stored = memory_services.event_store(creator_id=creator_id, event=event, raw_hash=raw_hash,
                                                 response=response, analysis=analysis)
            transaction.on_commit(lambda: _hand_over(creator_id, event, analysis, stored))
    except IntegrityError:
        return SaveOutcome(200, memory_services.event_replay(creator_id=creator_id, event_id=event["event_id"],
                                                             raw_hash=raw_hash))
    return SaveOutcome(201, response)


def _check_interaction_save(creator_id: str, event: dict) -> None:
    if not consent.allowed(creator_id=creator_id, fan_id=event["fan_id"], purpose="memory"):
        raise ServiceError("CONSENT_WITHDRAWN", "The fan withdrew consent to memory: nothing was stored.",
                           recoverable=False)


def analysis_for(event: dict) -> dict | None:
    """The contract's analysis: emotions from the emotions app, topics from the preferences app."""
    if event["type"] != EventType.MESSAGE:
        return None
    text = event["message"]["content"]
    analysis = analyze_text(text)
    analysis["topics"] = extract_topics(text, analysis.get("language"))
    return analysis


def _response_body(event: dict, analysis: dict | None) -> dict:
    body = {"event_id": event["event_id"], "fan_id": event["fan_id"], "type": event["type"],
            "occurred_at": iso_utc(event["occurred_at"])}
    if analysis is not None:
        body["analysis"] = analysis
    return body


def cached_message(event: dict, analysis: dict) -> dict:
    return {
        "event_id": event["event_id"],
        "content": event["message"]["content"],
        "sender": event["message"]["sender"],
        "timestamp": iso_utc(event["occurred_at"]),
        "sentiment": analysis["sentiment"],
        "topics": analysis.get("topics") or [],
        "metadata": event.get("metadata") or {},
    }


def _hand_over(creator_id: str, event: dict, analysis: dict | None, stored) -> None:
    """After commit: write through to the hot cache, then ring for learning. The write-through may
    fail (Redis): the learning run re-syncs the cache."""
    fan_id = event["fan_id"]
    late = event["occurred_at"] < timezone.now() - timedelta(seconds=settings.FANMEMORY["LATE_EVENT_SECONDS"])

    def build(pipe):
        if analysis is not None:
            message_cache.queue_push(pipe, creator_id, fan_id, cached_message(event, analysis), stored.seq, late)
        pipe.delete(keys.fan_key(creator_id, fan_id, ENGAGEMENT_SUFFIX))

    run("write-through", build, atomic=True)
    LEARNING_BELL.ring()


def _wake_learning() -> bool:
    """Send one `learn_new` task; False when the broker is down or does not answer within its
    socket timeout."""
    from .tasks import learn_new

    try:
        learn_new.delay()
    except KombuOperationalError:
        logger.warning("could not wake learning: the broker is unavailable, retrying")
        return False
    except Exception as exc:  # not the broker (an eager run failed): left to the sweep
        logger.warning("could not learn: %s", type(exc).__name__)
    return True


class LearningBell:
    """Wakes the workers for what this process saved: one task for many saves (the database is the
    queue, fans.learning.learn_new_events). A ring is a flag; a thread of this process sends the
    task, then waits FANMEMORY["LEARN_WAKEUP_SECONDS"] while rings gather for the next send, so
    every ring is followed by a send that starts after it. While the broker refuses the task the
    thread tries again every `retry_interval` s; with no wait set (eager tasks) the ringing thread
    sends itself. The sweep learns what a process ending first leaves unlearned.

    By default one Redis is both cache and broker: an outage that lost the write-through also
    refused the task, and the learning run it finally starts re-syncs the hot cache."""

    def __init__(self, send, retry_interval: float = 1.0):
        self.send, self.retry_interval = send, retry_interval
        self.owed = False
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def ring(self) -> None:
        if not settings.FANMEMORY["LEARN_WAKEUP_SECONDS"] and self.send():
            return
        with self.lock:
            self.owed = True
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="learning bell", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        while True:
            with self.lock:
                if not self.owed:
                    self.thread = None
                    return
                self.owed = False
            if self.send():
                wait = settings.FANMEMORY["LEARN_WAKEUP_SECONDS"]
            else:
                with self.lock:
                    self.owed = True
                wait = self.retry_interval
            threading.Event().wait(wait)


LEARNING_BELL = LearningBell(_wake_learning)


# --- erasure -------------------------------------------------------------------------------

def fan_erase_requested(*, creator_id: str, fan_id: str, requested_by: str):
    """Erase now, on the record: an erasure request that holds the proof, retried by beat until
    the cache is clear too."""
    erasure = erasure_request(creator_id=creator_id, fan_id=fan_id, requested_by=requested_by, queue=False)
    return erasure_run(request_id=erasure.pk)


@transaction.atomic
def preference_score_change(*, creator_id: str, fan_id: str, category: str, delta: float) -> dict:
    """PATCH .../preferences/{category}/: the category's new preference. The fan's engagement row
    (the erasure's anchor) is locked for the write, so an erasure in flight is never undone."""
    if not memory_services.fan_anchor_lock(creator_id=creator_id, fan_id=fan_id):
        raise ServiceError("MEMORY_NOT_FOUND", "No memory of this fan.")
    if not policy.personalization_on(creator_id=creator_id, fan_id=fan_id):
        raise ServiceError("CONSENT_WITHDRAWN", "Personalization is off for this fan: nothing was stored.")
    return preference_score_update(creator_id=creator_id, fan_id=fan_id, category=category, delta=delta)
