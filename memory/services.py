"""Writes of the memory app: creators and keys, interactions, deletion of a fan's memory."""
import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

import orjson
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from rest_framework import serializers

from config.errors import ServiceError

from . import engagement
from .auth import forget_cached_keys, generate_key, hash_key
from .timeutil import iso_utc
from .cache import forget_parts
from .models import ApiKey, Creator, EventType, FanMemory, InteractionEvent, Sender

logger = logging.getLogger("fanmemory.memory")


# --- creators and keys ---------------------------------------------------------------------

def creator_ensure(*, creator_id: str) -> Creator:
    return Creator.objects.get_or_create(id=creator_id)[0]


@transaction.atomic
def api_key_create(*, creator_id: str) -> str:
    """Create the creator if needed and a new key for it; returns the raw key (shown once)."""
    creator = creator_ensure(creator_id=creator_id)
    raw_key, prefix = generate_key()
    ApiKey.objects.create(creator=creator, prefix=prefix, key_hash=hash_key(raw_key))
    return raw_key


def api_key_revoke(*, prefix: str) -> bool:
    revoked = ApiKey.objects.filter(prefix=prefix, revoked_at__isnull=True).update(revoked_at=timezone.now())
    forget_cached_keys()
    return bool(revoked)


# --- interactions --------------------------------------------------------------------------

@dataclass(frozen=True)
class SaveOutcome:
    status: int  # 201 first save, 200 replay
    body: dict


def body_hash(raw_event: dict) -> str:
    try:
        return hashlib.sha256(orjson.dumps(raw_event, option=orjson.OPT_SORT_KEYS)).hexdigest()
    except orjson.JSONEncodeError:  # integers past 64 bits, absurd nesting
        raise serializers.ValidationError({"non_field_errors": ["Numbers must fit in 64 bits."]}) from None


def interaction_save(*, creator_id: str, event: dict, raw_hash: str) -> SaveOutcome:
    """Save one validated event exactly once; replays answer the first answer.

    Idempotency rests on the unique (creator, event_id) constraint: concurrent duplicates wait
    on the index and then find the committed row, never a read-then-write race.
    """
    from .publishing import analysis_for, memory_allowed, publish_after_commit

    if not memory_allowed(creator_id, event["fan_id"]):
        raise ServiceError("CONSENT_WITHDRAWN", "The fan withdrew consent to memory: nothing was stored.", 403,
                           recoverable=False)
    analysis = analysis_for(event)
    response = _response_body(event, analysis)
    try:
        with transaction.atomic():
            _check_feedback_target(creator_id, event)
            saved = _insert_event(creator_id, event, raw_hash, response)
            if event["type"] == EventType.MESSAGE:
                _insert_message(creator_id, event, analysis)
                _relax_durability()
            engagement.record(creator_id=creator_id, event=event)
            transaction.on_commit(lambda: publish_after_commit(creator_id, event, analysis, saved.pk))
    except IntegrityError:
        return _replay(creator_id, event["event_id"], raw_hash)
    return SaveOutcome(201, response)


def _relax_durability() -> None:
    """A chat message need not wait for its WAL flush (FANMEMORY["MESSAGE_SYNCHRONOUS_COMMIT"]):
    a PostgreSQL crash may lose the last fraction of a second of messages, never corrupt or
    half-save anything. Purchases and feedback always wait for the flush."""
    if not settings.FANMEMORY["MESSAGE_SYNCHRONOUS_COMMIT"]:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _response_body(event: dict, analysis: dict | None) -> dict:
    body = {
        "event_id": event["event_id"],
        "fan_id": event["fan_id"],
        "type": event["type"],
        "occurred_at": iso_utc(event["occurred_at"]),
    }
    if analysis is not None:
        body["analysis"] = analysis
    return body


def _check_feedback_target(creator_id: str, event: dict) -> None:
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
        raise serializers.ValidationError({"feedback": {"about_event_id": [problem]}})


def _insert_event(creator_id: str, event: dict, raw_hash: str, response: dict) -> InteractionEvent:
    purchase = event.get("purchase") or {}
    feedback = event.get("feedback") or {}
    return InteractionEvent.objects.create(
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


def _insert_message(creator_id: str, event: dict, analysis: dict) -> None:
    FanMemory.objects.create(
        creator_id=creator_id,
        fan_id=event["fan_id"],
        event_id=event["event_id"],
        sender=event["message"]["sender"],
        sentiment=analysis["sentiment"],
        topics=analysis.get("topics") or [],
        message_content=event["message"]["content"],
        metadata=event.get("metadata") or {},
        analysis=analysis,
        created_at=event["occurred_at"],
    )


def _replay(creator_id: str, event_id: str, raw_hash: str) -> SaveOutcome:
    existing = InteractionEvent.objects.filter(creator_id=creator_id, event_id=event_id).first()
    if existing is None:  # the conflicting transaction rolled back: the client may retry
        raise ServiceError("CONFLICT", "A concurrent save of this event_id failed: retry.", 409)
    if existing.body_hash != raw_hash:
        raise ServiceError("CONFLICT", "This event_id was already used with another body.", 409, recoverable=False)
    return SaveOutcome(200, existing.response)


# --- deletion and retention ----------------------------------------------------------------

def fan_memory_delete(*, creator_id: str, fan_id: str) -> dict:
    """Everything this creator holds on the fan, database and cache. Returns rows removed per table."""
    from .publishing import erase_fan_everywhere

    return erase_fan_everywhere(creator_id, fan_id)


def history_purge_before(*, cutoff, batch_size: int, dry_run: bool = False) -> dict:
    """Delete messages and events older than `cutoff`, in batches; cached lists of the fans touched
    are dropped so no expired message is served from Redis."""
    counts = {}
    for label, model, time_field in (("fan_memories", FanMemory, "created_at"),
                                     ("interaction_events", InteractionEvent, "occurred_at")):
        old = model.objects.filter(**{f"{time_field}__lt": cutoff})
        counts[label] = old.count() if dry_run else _delete_in_batches(old, batch_size)
    return counts


def _delete_in_batches(queryset, batch_size: int) -> int:
    deleted = 0
    while True:
        batch = list(queryset.values_list("pk", "creator_id", "fan_id")[:batch_size])
        if not batch:
            return deleted
        with transaction.atomic():
            deleted += queryset.model.objects.filter(pk__in=[pk for pk, _, _ in batch]).delete()[0]
        for creator_id, fan_id in {(creator_id, fan_id) for _, creator_id, fan_id in batch}:
            forget_parts(creator_id, fan_id, "messages")
