"""Writes of the facts app: learning from each event, facts and notes by people, flags, segments.

Extraction (pure, `extraction/`) meets the database here. A fact row is locked while it changes;
a new value supersedes the old one, which goes to the row's history, unless the row was set by
the creator or staff: extraction never overwrites a human fact. The cached context part is
forgotten after commit of any change.
"""
import hashlib
import hmac
import logging
from datetime import datetime
from datetime import timezone as dt_timezone
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import cache, consent
from core.errors import ServiceError
from core.learning import LearningInput
from core.timeutil import iso_utc

from . import segments
from .extraction.evaluation import fact_key
from .extraction.extractor import MULTI_KINDS, Candidate, extract
from .models import HUMAN_SOURCES, CreatorFactSettings, Fact, FactSource, FanSegment, Flag, FlagStatus, Note
from .personal_data import FACTS_SUFFIX
from .selectors import tip_threshold, vip_threshold

logger = logging.getLogger("fanmemory.facts")

SUPERSEDE_MARGIN = 0.1  # a weaker statement does not replace a clearly stronger one, unless a correction
HISTORY_LIMIT = 20
TIMEZONE_CHECK_EVERY = 10  # fan messages between two inferences of the time zone from active hours
REFRESH_CHUNK = 500  # fans of one creator relabelled per query of disengagement signals


def _memory_allowed(creator_id: str, fan_id: str) -> None:
    if not consent.allowed(creator_id=creator_id, fan_id=fan_id, purpose="memory"):
        raise ServiceError("CONSENT_WITHDRAWN", "The fan withdrew consent to memory: nothing was stored.",
                           recoverable=False)


def forget(creator_id: str, fan_id: str) -> None:
    cache.forget_on_commit(creator_id, fan_id, FACTS_SUFFIX)


# --- learning ------------------------------------------------------------------------------

def learn(given: LearningInput) -> None:
    """Learn from one saved event (the coordinator's learning run)."""
    event, message = given.event, given.message
    if event.type == "message" and message is None:
        return
    with transaction.atomic(savepoint=False):  # inside the learning run's savepoint
        if message is not None and message["sender"] == "fan":
            _learn_from_fan_message(event, message, given.personalize)
        elif event.type == "purchase" and event.purchase_kind == "tip" and event.amount is not None:
            if event.amount >= tip_threshold(creator_id=event.creator_id):
                flag_raise(creator_id=event.creator_id, fan_id=event.fan_id, reason="tip_over_threshold",
                           event_id=event.event_id, at=event.occurred_at, detail={"amount": str(event.amount)})
        if message is not None and message["sender"] == "fan":
            segment_touch(creator_id=event.creator_id, fan_id=event.fan_id, at=message["at"], at_risk=given.at_risk())
        elif event.type in ("purchase", "feedback"):
            segment_refresh(creator_id=event.creator_id, fan_id=event.fan_id, activity=given.fan_activity(),
                            at_risk=given.at_risk())


def _learn_from_fan_message(event, message: dict, personalize: bool) -> None:
    creator_id, fan_id = event.creator_id, event.fan_id
    found = extract(message["content"], sender="fan", sent_at=message["at"])
    for reason in found.flags:
        detail = {}
        if reason == "minor":
            detail = {"age": next((f.value for f in found.facts if f.kind == "age"), None)}
        flag_raise(creator_id=creator_id, fan_id=fan_id, reason=reason, event_id=event.event_id,
                   at=message["at"], detail=detail)
    if not found.facts or "minor" in found.flags or not personalize:
        return
    for candidate in found.facts:
        fact_learn(creator_id=creator_id, fan_id=fan_id, candidate=candidate, event_id=event.event_id,
                   at=message["at"])


# --- facts ---------------------------------------------------------------------------------

def slot_of(kind: str, value) -> str:
    """Which row a value lives in: one per single-valued kind, one per distinct value otherwise
    (a keyed hash, so the unique index does not spell out a pet's name)."""
    if kind not in MULTI_KINDS:
        return ""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{fact_key(kind, value)}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def _locked(creator_id: str, fan_id: str, kind: str, slot: str) -> Fact | None:
    return Fact.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id, kind=kind, slot=slot).first()


def _archive(fact: Fact, at: datetime) -> None:
    entry = {"value": fact.value, "confidence": fact.confidence, "source": fact.source, "event_id": fact.event_id,
             "first_seen": iso_utc(fact.first_seen), "until": iso_utc(at)}
    fact.history = [*(fact.history or []), entry][-HISTORY_LIMIT:]


def fact_learn(*, creator_id: str, fan_id: str, candidate: Candidate, event_id: str, at: datetime) -> Fact | None:
    """Store one extracted fact: new, seen again, or superseding an older extracted value."""
    slot = slot_of(candidate.kind, candidate.value)
    with transaction.atomic(savepoint=False):
        fact = _locked(creator_id, fan_id, candidate.kind, slot)
        if fact is None:
            return _create(creator_id, fan_id, candidate.kind, slot, candidate.value, candidate.confidence,
                           FactSource.EXTRACTED, event_id, at)
        if fact.source in HUMAN_SOURCES:
            return fact  # people win: extraction never overwrites them
        if fact_key(fact.kind, fact.value) == fact_key(candidate.kind, candidate.value):
            fact.last_seen = max(fact.last_seen, at)
            fact.confidence = max(fact.confidence, candidate.confidence)
            fact.save(update_fields=["last_seen", "confidence", "updated_at"])  # no re-encryption of the value
            forget(creator_id, fan_id)
            return fact
        weaker = not candidate.correction and candidate.confidence < fact.confidence - SUPERSEDE_MARGIN
        if weaker or at < fact.last_seen:  # an older message, read late, does not replace a newer statement
            return fact
        _archive(fact, at)
        fact.value, fact.confidence, fact.event_id = candidate.value, candidate.confidence, event_id
        fact.source, fact.first_seen, fact.last_seen = FactSource.EXTRACTED, at, at
        fact.save()
        forget(creator_id, fan_id)
        return fact


def _create(creator_id, fan_id, kind, slot, value, confidence, source, event_id, at) -> Fact:
    try:
        with transaction.atomic():
            fact = Fact.objects.create(creator_id=creator_id, fan_id=fan_id, kind=kind, slot=slot, value=value,
                                       confidence=confidence, source=source, event_id=event_id, first_seen=at,
                                       last_seen=at)
    except IntegrityError:  # created meanwhile by a concurrent writer: that one stands
        return Fact.objects.get(creator_id=creator_id, fan_id=fan_id, kind=kind, slot=slot)
    forget(creator_id, fan_id)
    return fact


@transaction.atomic
def fact_set(*, creator_id: str, fan_id: str, kind: str, value, source: str = FactSource.CREATOR,
             confidence: float = 1.0) -> tuple[Fact, bool]:
    """A fact told by the creator or staff: it replaces whatever is in its slot (kept in history).
    Returns (fact, created). Setting the same value again changes nothing (idempotent)."""
    _memory_allowed(creator_id, fan_id)
    now = timezone.now()
    slot = slot_of(kind, value)
    fact = _locked(creator_id, fan_id, kind, slot)
    if fact is None:
        return _create(creator_id, fan_id, kind, slot, value, confidence, source, "", now), True
    if fact.source == source and fact_key(kind, fact.value) == fact_key(kind, value) and fact.confidence == confidence:
        return fact, False
    _archive(fact, now)
    fact.value, fact.source, fact.confidence, fact.event_id = value, source, confidence, ""
    fact.first_seen = fact.last_seen = now
    fact.save()
    forget(creator_id, fan_id)
    return fact, False


def _owned_fact(creator_id: str, fan_id: str, fact_id) -> Fact:
    fact = Fact.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id, id=fact_id).first()
    if fact is None:
        raise ServiceError("MEMORY_NOT_FOUND", "No such fact for this fan.")
    return fact


@transaction.atomic
def fact_update(*, creator_id: str, fan_id: str, fact_id, changes: dict, source: str = FactSource.CREATOR) -> Fact:
    """A person corrects a fact: the new value wins and becomes theirs; the old one goes to history."""
    fact = _owned_fact(creator_id, fan_id, fact_id)
    value = changes.get("value", fact.value)
    slot = slot_of(fact.kind, value)
    if slot != fact.slot and Fact.objects.filter(creator_id=creator_id, fan_id=fan_id, kind=fact.kind,
                                                 slot=slot).exists():
        raise ServiceError("CONFLICT", "The fan already has this fact.")
    now = timezone.now()
    _archive(fact, now)
    fact.value, fact.slot, fact.source = value, slot, source
    fact.confidence = changes.get("confidence", 1.0)
    fact.event_id, fact.last_seen = "", now
    fact.save()
    forget(creator_id, fan_id)
    return fact


@transaction.atomic
def fact_delete(*, creator_id: str, fan_id: str, fact_id) -> None:
    _owned_fact(creator_id, fan_id, fact_id).delete()
    forget(creator_id, fan_id)


# --- notes ---------------------------------------------------------------------------------

@transaction.atomic
def note_add(*, creator_id: str, fan_id: str, text: str, author: str = FactSource.CREATOR) -> Note:
    _memory_allowed(creator_id, fan_id)
    note = Note.objects.create(creator_id=creator_id, fan_id=fan_id, text=text, author=author)
    forget(creator_id, fan_id)
    return note


@transaction.atomic
def note_delete(*, creator_id: str, fan_id: str, note_id) -> None:
    deleted, _ = Note.objects.filter(creator_id=creator_id, fan_id=fan_id, id=note_id).delete()
    if not deleted:
        raise ServiceError("MEMORY_NOT_FOUND", "No such note for this fan.")
    forget(creator_id, fan_id)


# --- flags ---------------------------------------------------------------------------------

def flag_raise(*, creator_id: str, fan_id: str, reason: str, event_id: str, at: datetime, detail: dict) -> Flag:
    """Raise a hand-over flag; while one of that reason is open for the fan, it stands (idempotent)."""
    existing = Flag.objects.filter(creator_id=creator_id, fan_id=fan_id, reason=reason, status=FlagStatus.OPEN).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            flag = Flag.objects.create(creator_id=creator_id, fan_id=fan_id, reason=reason, event_id=event_id,
                                       raised_at=at, detail=detail)
    except IntegrityError:
        return Flag.objects.get(creator_id=creator_id, fan_id=fan_id, reason=reason, status=FlagStatus.OPEN)
    if reason in ("minor", "self_harm", "threat"):
        logger.warning("hand-over flag raised: %s", reason)  # the reason only: no fan id, no text
    forget(creator_id, fan_id)  # the policy reads the flags from this part: personalization stops with it
    return flag


@transaction.atomic
def flag_resolve(*, creator_id: str, fan_id: str, flag_id, resolved_by: str, why: str) -> Flag:
    """Clear a flag with who and why. Resolving a resolved flag keeps the first resolution."""
    flag = Flag.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id, id=flag_id).first()
    if flag is None:
        raise ServiceError("MEMORY_NOT_FOUND", "No such flag for this fan.")
    if flag.status == FlagStatus.RESOLVED:
        return flag
    flag.status, flag.resolved_at = FlagStatus.RESOLVED, timezone.now()
    flag.resolution = {"by": resolved_by, "why": why}
    flag.save()
    forget(creator_id, fan_id)
    return flag


@transaction.atomic
def tip_threshold_set(*, creator_id: str, amount: Decimal) -> None:
    CreatorFactSettings.objects.update_or_create(creator_id=creator_id, defaults={"handover_tip_amount": amount})


# --- segments ------------------------------------------------------------------------------

def segment_touch(*, creator_id: str, fan_id: str, at: datetime, at_risk: bool) -> FanSegment:
    """A fan message: activity moves, spend does not (O(1): no aggregate, no percentile)."""
    with transaction.atomic(savepoint=False):
        row, created = FanSegment.objects.select_for_update().get_or_create(
            creator_id=creator_id, fan_id=fan_id, defaults={"first_seen": at, "last_active": at})
        if not created:
            if segments.came_back(row.last_active, at):
                row.returned_at = at
            row.first_seen = min(filter(None, (row.first_seen, at)))
            row.last_active = max(filter(None, (row.last_active, at)))
        _count_active_hour(row, at)
        _relabel(row, at_risk, timezone.now())
        row.save()
        forget(creator_id, fan_id)
    return row


def segment_refresh(*, creator_id: str, fan_id: str, activity: dict, at_risk: bool,
                    now: datetime | None = None) -> FanSegment:
    """A purchase or feedback: spend from the fan's `activity` (memory's totals) and VIP against the
    creator's current percentile (one query)."""
    with transaction.atomic():
        row, _ = FanSegment.objects.select_for_update().get_or_create(creator_id=creator_id, fan_id=fan_id)
        if segments.came_back(row.last_active, activity["last_active"]):
            row.returned_at = activity["last_active"]
        row.first_seen, row.last_active = activity["first_seen"], activity["last_active"]
        row.total_spent = activity["total_spent"] or Decimal("0")
        row.largest_purchase = activity["largest_purchase"] or Decimal("0")
        row.spent_by_currency = activity["spent_by_currency"]
        row.offers_sent, row.offers_bought = activity["offers_sent"], activity["offers_bought"]
        row.save()  # the percentile counts this fan's new total
        threshold = vip_threshold(creator_id=creator_id)
        row.is_vip = threshold is not None and row.total_spent > 0 and row.total_spent >= threshold
        _relabel(row, at_risk, now or timezone.now())
        row.save()
        forget(creator_id, fan_id)
    return row


def _relabel(row: FanSegment, at_risk: bool, now: datetime) -> None:
    row.at_risk = at_risk
    row.lifecycle = segments.lifecycle_at(first_seen=row.first_seen, last_active=row.last_active,
                                          returned_at=row.returned_at, at_risk=row.at_risk, now=now)
    row.computed_at = now


def _count_active_hour(row: FanSegment, at: datetime) -> None:
    hours = list(row.active_hours) if len(row.active_hours or []) == 24 else [0] * 24
    hours[at.astimezone(dt_timezone.utc).hour] += 1
    row.active_hours = hours
    if sum(hours) % TIMEZONE_CHECK_EVERY == 0:
        _infer_timezone(row.creator_id, row.fan_id, hours, at)


def _infer_timezone(creator_id: str, fan_id: str, hours: list[int], at: datetime) -> None:
    """A time zone from active hours, only where the fan stated none (an inferred fact yields)."""
    guess = segments.infer_utc_offset(hours)
    existing = Fact.objects.filter(creator_id=creator_id, fan_id=fan_id, kind="timezone").first()
    if guess is None or (existing is not None and existing.source != FactSource.INFERRED):
        return
    offset, confidence = guess
    value = segments.offset_zone(offset)
    if existing is None:
        _create(creator_id, fan_id, "timezone", "", value, confidence, FactSource.INFERRED, "", at)
    elif existing.value != value or existing.confidence != confidence:
        Fact.objects.filter(pk=existing.pk, source=FactSource.INFERRED).update(value=value, confidence=confidence,
                                                                            last_seen=at)
        forget(creator_id, fan_id)


def segments_refresh_all(*, signals_for, now: datetime | None = None) -> int:
    """The periodic pass: lifecycle labels as time passes, VIP by each creator's current percentile,
    at-risk from `signals_for(creator_id=, fan_ids=)` (the disengagement signals of each fan).
    Returns how many rows changed."""
    now = now or timezone.now()
    changed = 0
    for creator_id in FanSegment.objects.values_list("creator_id", flat=True).distinct():
        changed += _refresh_creator(creator_id, signals_for, now)
    return changed


def _refresh_creator(creator_id: str, signals_for, now: datetime) -> int:
    threshold = vip_threshold(creator_id=creator_id)
    changed = []
    for rows in _chunks(FanSegment.objects.filter(creator_id=creator_id).order_by("pk"), REFRESH_CHUNK):
        signals = signals_for(creator_id=creator_id, fan_ids=[row.fan_id for row in rows])
        changed += [row.fan_id for row in rows if _refreshed(row, bool(signals[row.fan_id]), threshold, now)]
    for fan_id in changed:
        cache.forget(creator_id, fan_id, FACTS_SUFFIX)
    return len(changed)


def _chunks(queryset, size: int):
    last_pk = None
    while True:
        page = list((queryset.filter(pk__gt=last_pk) if last_pk is not None else queryset)[:size])
        if not page:
            return
        yield page
        last_pk = page[-1].pk


def _refreshed(row: FanSegment, at_risk: bool, threshold, now: datetime) -> bool:
    """Store the row's labels as of `now`; True if they changed."""
    is_vip = threshold is not None and row.total_spent > 0 and row.total_spent >= threshold
    lifecycle = segments.lifecycle_at(first_seen=row.first_seen, last_active=row.last_active,
                                      returned_at=row.returned_at, at_risk=at_risk, now=now)
    if (at_risk, is_vip, lifecycle) == (row.at_risk, row.is_vip, row.lifecycle):
        return False
    FanSegment.objects.filter(pk=row.pk).update(at_risk=at_risk, is_vip=is_vip, lifecycle=lifecycle, computed_at=now)
    return True

