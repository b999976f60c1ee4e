"""Writes of the message store: an event with its message and engagement, learned state, retention.

The coordinator (fans.actions) calls these inside its transaction; nothing here knows another app.
"""
import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

import orjson
from django.conf import settings
from django.db import transaction
from django.db.models import F, Func, Value
from django.utils import timezone

from core.db.together import save_together
from core.errors import ServiceError, invalid

from . import engagement
from .cache import forget_list
from .models import EngagementMetrics, EventType, FanMemory, InteractionEvent, Sender

logger = logging.getLogger("fanmemory.memory")


@dataclass(frozen=True)
class StoredEvent:
    pk: int
    seq: int | None  # the message's number in the fan's history (messages only)


def body_hash(raw_event: dict) -> str:
    try:
        return hashlib.sha256(orjson.dumps(raw_event, option=orjson.OPT_SORT_KEYS)).hexdigest()
    except orjson.JSONEncodeError:  # integers past 64 bits, absurd nesting
        raise invalid({"non_field_errors": ["Numbers must fit in 64 bits."]}) from None


def feedback_target_check(*, creator_id: str, event: dict) -> None:
    """A feedback must be about an ai message of the same fan."""
    if event["type"] != EventType.FEEDBACK:
        return
    about = event["feedback"]["about_event_id"]
    target = FanMemory.objects.filter(creator_id=creator_id, event_id=about).values("fan_id", "sender").first()
    problem = None
    if target is None or target["fan_id"] != event["fan_id"]:
        problem = "No message with this event_id for this fan."
    elif target["sender"] != Sender.AI:
        problem = "Feedback must be about an ai message."
    if problem:
        raise invalid({"feedback": {"about_event_id": [problem]}})


def event_store(*, creator_id: str, event: dict, raw_hash: str, response: dict, analysis: dict | None) -> StoredEvent:
    """Write the event, its message and its engagement totals in one statement (in the caller's
    transaction). A duplicate (creator, event_id) raises IntegrityError from the unique index. The
    engagement row is locked first: it is the erasure's first anchor (memory.personal_data).

    A chat message's commit need not wait for its WAL flush (FANMEMORY["MESSAGE_SYNCHRONOUS_COMMIT"]):
    a PostgreSQL crash may lose the last fraction of a second of messages, never corrupt or
    half-save anything. Purchases and feedback always wait for the flush."""
    metrics = engagement.record(creator_id=creator_id, event=event)
    rows = [_event_row(creator_id, event, raw_hash, response)]
    seq = None
    if event["type"] == EventType.MESSAGE:
        seq = metrics.total_messages
        rows.append(_message_row(creator_id, event, analysis, seq))
    relaxed = seq is not None and not settings.FANMEMORY["MESSAGE_SYNCHRONOUS_COMMIT"]
    return StoredEvent(save_together(updated=metrics, inserted=rows, relaxed=relaxed), seq)


def _event_row(creator_id: str, event: dict, raw_hash: str, response: dict) -> InteractionEvent:
    purchase = event.get("purchase") or {}
    feedback = event.get("feedback") or {}
    return InteractionEvent(
        creator_id=creator_id,
        fan_id=event["fan_id"],
        event_id=event["event_id"],
        type=event["type"],
        occurred_at=event["occurred_at"],
        body_hash=raw_hash,
        purchase_kind=purchase.get("kind", ""),
        amount=Decimal(purchase["amount"]) if purchase else None,
        currency=purchase.get("currency", ""),
        content_id=purchase.get("content_id", ""),
        category=purchase.get("category", ""),
        about_event_id=feedback.get("about_event_id", ""),
        outcome=feedback.get("outcome", ""),
        metadata=event.get("metadata") or {},
        response=response,
    )


def _message_row(creator_id: str, event: dict, analysis: dict, seq: int) -> FanMemory:
    return FanMemory(
        creator_id=creator_id,
        fan_id=event["fan_id"],
        event_id=event["event_id"],
        seq=seq,
        sender=event["message"]["sender"],
        sentiment=analysis["sentiment"],
        topics=analysis.get("topics") or [],
        message_content=event["message"]["content"],
        metadata=event.get("metadata") or {},
        analysis=analysis,
        created_at=event["occurred_at"],
    )


def event_replay(*, creator_id: str, event_id: str, raw_hash: str) -> dict:
    """The first answer to an event saved before, if this is the same body."""
    existing = InteractionEvent.objects.filter(creator_id=creator_id, event_id=event_id).first()
    if existing is None:  # the conflicting transaction rolled back: the client may retry
        raise ServiceError("CONFLICT", "A concurrent save of this event_id failed: retry.")
    if existing.body_hash != raw_hash:
        raise ServiceError("CONFLICT", "This event_id was already used with another body.", recoverable=False)
    return existing.response


def fan_anchor_lock(*, creator_id: str, fan_id: str) -> bool:
    """Lock the fan's engagement row, the erasure's anchor (core.registry), for the caller's
    transaction; False when the fan has no memory (never seen, or erased)."""
    return EngagementMetrics.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id).exists()


# --- learned state -------------------------------------------------------------------------

def event_lock_unlearned(*, event_pk: int) -> InteractionEvent | None:
    """The event, locked for its learning run, or None when it is gone (erased, expired), fully
    learned, or being learned by another run right now."""
    return (InteractionEvent.objects.select_for_update(skip_locked=True)
            .filter(pk=event_pk, learned_at__isnull=True).first())


def event_lock_next_new(*, excluding: list[int]) -> InteractionEvent | None:
    """The oldest event never tried by a learning run, locked for its run, skipping those that other
    runs hold (the database as the learning queue), or None when there is none. Events a run
    tried and failed are left to their retries."""
    return (InteractionEvent.objects.select_for_update(skip_locked=True)
            .filter(learned_at__isnull=True, learn_attempts=0).exclude(pk__in=excluding)
            .order_by("received_at").first())


def event_learned(*, event: InteractionEvent, done: list[str], complete: bool) -> None:
    """Record which learners are done (in the learning run's transaction)."""
    event.learned = done
    event.learn_attempts += 1
    event.learned_at = timezone.now() if complete else None
    event.save(update_fields=["learned", "learn_attempts", "learned_at"])


def event_lock_missing(*, event_pk: int, learner: str) -> InteractionEvent | None:
    """The event locked for one learner that has not learned it (a learner added later), or None
    when it is gone or that learner is done; waits for a learning run holding it."""
    return (InteractionEvent.objects.select_for_update().filter(pk=event_pk)
            .exclude(learned__contains=[learner]).first())


def event_learner_done(*, event: InteractionEvent, learner: str) -> None:
    event.learned = [*event.learned, learner]
    event.save(update_fields=["learned"])


def events_learner_undo(*, creator_id: str, event_ids: list[str], learner: str) -> int:
    """The named learner is to learn these events again (their index entries are out of date)."""
    rows = InteractionEvent.objects.filter(creator_id=creator_id, event_id__in=event_ids, learned__contains=[learner])
    return rows.update(learned=Func(F("learned"), Value(learner), function="array_remove"))


def event_learned_mark(*, event_pk: int) -> None:
    """Every learner is done and the hot cache is in line: the event is learned."""
    InteractionEvent.objects.filter(pk=event_pk).update(learned_at=timezone.now())


# --- retention -----------------------------------------------------------------------------

def history_purge_before(*, cutoff, batch_size: int, dry_run: bool = False) -> dict:
    """Delete messages and events older than `cutoff`, in batches; cached lists of the fans touched
    are dropped so no expired message is served from Redis. Returns rows per table and the fans
    touched (for the derived data to be recomputed)."""
    counts, touched = {}, set()
    for label, model, time_field in (("fan_memories", FanMemory, "created_at"),
                                     ("interaction_events", InteractionEvent, "occurred_at")):
        old = model.objects.filter(**{f"{time_field}__lt": cutoff})
        if dry_run:
            counts[label] = old.count()
        else:
            counts[label] = _delete_in_batches(old, batch_size, touched)
    return {"tables": counts, "fans": sorted(touched)}


def _delete_in_batches(queryset, batch_size: int, touched: set) -> int:
    deleted = 0
    while True:
        batch = list(queryset.values_list("pk", "creator_id", "fan_id")[:batch_size])
        if not batch:
            return deleted
        with transaction.atomic():
            deleted += queryset.model.objects.filter(pk__in=[pk for pk, _, _ in batch]).delete()[0]
        fans = {(creator_id, fan_id) for _, creator_id, fan_id in batch}
        for creator_id, fan_id in fans - touched:
            forget_list(creator_id, fan_id)
        touched |= fans
