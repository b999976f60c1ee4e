"""Writes of the gdpr app: consent, export, erasure (with proof), retention."""
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from redis.exceptions import RedisError

from core import registry
from core.cache import bump_generation, forget_on_commit, redis_client
from core.keys import fan_key
from core.metrics import ERRORS
from core.ratelimit import fan_counter_keys
from core.refs import fan_ref
from core.services import creator_ensure

from .models import AccessLog, Consent, ConsentChange, ErasureRequest, ErasureStatus, RetentionRun
from .selectors import CONSENT_SUFFIX

logger = logging.getLogger("fanmemory.gdpr")

EXPORT_SCHEMA_VERSION = 1


# --- consent -------------------------------------------------------------------------------

@transaction.atomic
def consent_update(*, creator_id: str, fan_id: str, changes: dict[str, bool]) -> None:
    """Record each purpose whose consent changes, with its history."""
    creator_ensure(creator_id=creator_id)
    current = {c.purpose: c for c in Consent.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id)}
    for purpose, granted in changes.items():
        existing = current.get(purpose)
        if (existing.granted if existing else True) == granted:
            continue
        Consent.objects.update_or_create(creator_id=creator_id, fan_id=fan_id, purpose=purpose,
                                         defaults={"granted": granted})
        ConsentChange.objects.create(creator_id=creator_id, fan_id=fan_id, purpose=purpose, granted=granted)
    forget_on_commit(creator_id, fan_id, CONSENT_SUFFIX)


# --- export --------------------------------------------------------------------------------

def fan_data_export(*, creator_id: str, fan_id: str) -> dict:
    """Every registered datum held on the fan for this creator, decrypted."""
    data = {}
    for source in registry.sources():
        fields = source.model._meta.concrete_fields
        data[source.label] = [
            {field.name: getattr(row, field.attname) for field in fields}
            for row in source.rows(creator_id, fan_id).order_by("pk")
        ]
    return {"schema_version": EXPORT_SCHEMA_VERSION, "exported_at": timezone.now(), "creator_id": creator_id,
            "fan_id": fan_id, "data": data}


# --- erasure -------------------------------------------------------------------------------

def fan_cache_keys(creator_id: str, fan_id: str) -> list[str]:
    suffixes = sorted({suffix for source in registry.sources() for suffix in source.cache_suffixes})
    return [fan_key(creator_id, fan_id, suffix) for suffix in suffixes]


def fan_data_erase(*, creator_id: str, fan_id: str) -> dict:
    """Delete every registered row and Redis key of the fan, after withdrawing the fan's contribution
    from the creators' aggregates; returns the proof (counts only).

    The anchors go first (core.registry): a learning run or calibration holding one of them makes
    the erasure wait for its commit, and then deletes what it wrote; one starting later finds no
    anchor and writes nothing. The Redis generation is bumped, so no refill in flight lands."""
    with transaction.atomic():
        sources = registry.sources()
        tables = {source.label: source.rows(creator_id, fan_id).delete()[0] for source in sources if source.anchor}
        aggregates = _contributions_withdraw(creator_id, fan_id)
        tables.update({source.label: source.rows(creator_id, fan_id).delete()[0]
                       for source in sources if not source.anchor})
    removed = _cache_forget(creator_id, fan_id)
    return {"tables": tables, "aggregates_adjusted": aggregates, "cache_keys_removed": removed or 0,
            "cache_cleared": removed is not None}


def _cache_forget(creator_id: str, fan_id: str) -> int | None:
    """Delete the fan's Redis keys and rate-limit counters: how many, or None if Redis is unavailable."""
    cache_keys = fan_cache_keys(creator_id, fan_id)
    try:
        pipe = redis_client().pipeline(transaction=True)
        pipe.delete(*cache_keys, *fan_counter_keys(creator_id, fan_id))
        bump_generation(pipe, creator_id, fan_id)
        removed = pipe.execute()
    except RedisError as exc:
        logger.warning("erasure could not clear the cache: %s", type(exc).__name__)
        return None
    return removed[0]


def _contributions_withdraw(creator_id: str, fan_id: str) -> dict[str, int]:
    """Every hook runs before the learned rows go: a hook reads the fan's learning state to know what to withdraw."""
    adjusted = {}
    for source in registry.sources():
        if source.before_erase is not None:
            adjusted.update(source.before_erase(creator_id=creator_id, fan_id=fan_id))
    return adjusted


def erasure_request(*, creator_id: str, fan_id: str, requested_by: str = "api", queue: bool = True) -> ErasureRequest:
    """Record the request (the beat retry runs it if nothing else does); `queue` hands it to the
    worker now, else the caller runs it."""
    from .tasks import run_erasure

    deadline = timezone.now() + timedelta(hours=settings.FANMEMORY["ERASURE_DEADLINE_HOURS"])
    with transaction.atomic():
        creator_ensure(creator_id=creator_id)
        request = ErasureRequest.objects.create(creator_id=creator_id, fan_ref=fan_ref(creator_id, fan_id),
                                                pending_fan_id=fan_id, deadline=deadline, requested_by=requested_by)
        if queue:
            transaction.on_commit(lambda: _queue(run_erasure, request.pk))
    return request


def _queue(task, *args) -> None:
    try:
        task.delay(*args)
    except Exception as exc:  # broker down: the beat retry picks the request up
        logger.warning("could not queue %s: %s", task.name, type(exc).__name__)


def erasure_run(*, request_id) -> ErasureRequest:
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().get(pk=request_id)
        if request.status == ErasureStatus.DONE:
            return request
        request.status, request.attempts = ErasureStatus.RUNNING, request.attempts + 1
        request.save(update_fields=["status", "attempts"])
    try:
        proof = fan_data_erase(creator_id=request.creator_id, fan_id=request.pending_fan_id)
    except Exception as exc:
        logger.error("erasure %s failed: %s", request.pk, type(exc).__name__)
        ERRORS.labels(type="ERASURE_FAILED").inc()
        ErasureRequest.objects.filter(pk=request.pk).update(status=ErasureStatus.FAILED)
        raise
    request.proof = _proof_add(request.proof, proof)
    if not proof["cache_cleared"]:  # rows are gone; the beat retry clears the cache once Redis is back
        ERRORS.labels(type="ERASURE_FAILED").inc()
        request.status = ErasureStatus.FAILED
        request.save(update_fields=["status", "proof"])
        return request
    request.status, request.completed_at, request.pending_fan_id = ErasureStatus.DONE, timezone.now(), None
    request.save(update_fields=["status", "completed_at", "proof", "pending_fan_id"])
    return request


def _proof_add(earlier: dict, attempt: dict) -> dict:
    """A retried erasure's proof counts what every attempt removed."""
    def add(name):
        return {key: (earlier.get(name) or {}).get(key, 0) + attempt[name].get(key, 0)
                for key in {*(earlier.get(name) or {}), *attempt[name]}}

    return {"tables": add("tables"), "aggregates_adjusted": add("aggregates_adjusted"),
            "cache_keys_removed": earlier.get("cache_keys_removed", 0) + attempt["cache_keys_removed"]}


def erasures_retry() -> dict:
    """Beat: retry failed or stalled requests; raise the alarm for any close to its deadline."""
    from .tasks import run_erasure

    now = timezone.now()
    stalled = ErasureRequest.objects.filter(status__in=[ErasureStatus.FAILED, ErasureStatus.PENDING,
                                                        ErasureStatus.RUNNING],
                                            requested_at__lt=now - timedelta(minutes=5))
    late = stalled.filter(deadline__lt=now + timedelta(hours=settings.FANMEMORY["ERASURE_ALERT_HOURS"])).count()
    retried = 0
    for request_id in list(stalled.values_list("pk", flat=True)):
        _queue(run_erasure, request_id)
        retried += 1
    if late:
        ERRORS.labels(type="ERASURE_DEADLINE_AT_RISK").inc(late)
        logger.error("%d erasure request(s) still open close to their deadline", late)
    return {"retried": retried, "at_risk": late}


# --- retention (the coordinator deletes; this app keeps the record) ----------------------------

def retention_started(*, cutoff, dry_run: bool) -> RetentionRun:
    return RetentionRun.objects.create(cutoff=cutoff, dry_run=dry_run)


def retention_finished(*, record: RetentionRun, counts: dict) -> RetentionRun:
    record.counts, record.finished_at = counts, timezone.now()
    record.save(update_fields=["counts", "finished_at"])
    return record


# --- staff access --------------------------------------------------------------------------

def access_record(*, action: str, creator_id: str, fan_id: str, reason: str, staff=None, via: str = "admin",
                  denied: bool = False) -> AccessLog:
    return AccessLog.objects.create(staff=staff, via=via, action=action, denied=denied, creator_id=creator_id,
                                    fan_ref=fan_ref(creator_id, fan_id), reason=reason[:200])
