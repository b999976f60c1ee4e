"""Reads of the facts app: facts, notes, flags, segments, and their part of the memory context.

The context part (`fan_facts`, cached under the `facts` suffix) is loaded with one query per
table for any number of fans; the lifecycle is computed from its timestamps when the context is
assembled, so a cached part does not freeze it.
"""
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core.parts import ContextPart, rows_by_fan
from core.timeutil import iso_utc

from . import segments
from .models import CreatorFactSettings, Fact, FanSegment, Flag, FlagStatus, Note
from .personal_data import FACTS_SUFFIX

CONTEXT_NOTES = 10
CONTEXT_PER_KIND = 5  # newest values of a multi-valued kind served in the context (all in the API)
PAST_EVENT_GRACE = timedelta(days=1)


# --- dicts ---------------------------------------------------------------------------------

def fact_to_dict(fact: Fact) -> dict:
    return {"id": str(fact.id), "kind": fact.kind, "value": fact.value, "confidence": round(fact.confidence, 2),
            "source": fact.source, "event_id": fact.event_id or None, "first_seen": iso_utc(fact.first_seen),
            "last_seen": iso_utc(fact.last_seen), "history": fact.history or []}


def note_to_dict(note: Note) -> dict:
    return {"id": str(note.id), "text": note.text, "author": note.author, "created_at": iso_utc(note.created_at)}


def flag_to_dict(flag: Flag) -> dict:
    return {"id": str(flag.id), "reason": flag.reason, "status": flag.status, "since": iso_utc(flag.raised_at),
            "event_id": flag.event_id or None, "detail": flag.detail or {},
            "resolved_at": iso_utc(flag.resolved_at), "resolution": flag.resolution or None}


def _compact_fact(fact: Fact) -> dict:
    return {"kind": fact.kind, "value": fact.value, "confidence": round(fact.confidence, 2), "source": fact.source,
            "last_seen": iso_utc(fact.last_seen)}


def segment_state(row: FanSegment | None) -> dict:
    """What the lifecycle is computed from, plus the spend figures (JSON-ready, cacheable)."""
    if row is None:
        return {"first_seen": None, "last_active": None, "returned_at": None, "at_risk": False, "vip": False,
                "total_spent": "0.00", "spent_by_currency": {}, "largest_purchase": "0.00", "offers_sent": 0,
                "offers_bought": 0}
    return {"first_seen": iso_utc(row.first_seen), "last_active": iso_utc(row.last_active),
            "returned_at": iso_utc(row.returned_at), "at_risk": row.at_risk, "vip": row.is_vip,
            "total_spent": str(row.total_spent), "spent_by_currency": row.spent_by_currency or {},
            "largest_purchase": str(row.largest_purchase), "offers_sent": row.offers_sent, "offers_bought": row.offers_bought}


def _when(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def segment_view(state: dict, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    lifecycle = segments.lifecycle_at(first_seen=_when(state["first_seen"]), last_active=_when(state["last_active"]),
                                      returned_at=_when(state["returned_at"]), at_risk=state["at_risk"], now=now)
    return {"lifecycle": lifecycle, "labels": [lifecycle] + (["vip"] if state["vip"] else []), "vip": state["vip"],
            "total_spent": state["total_spent"], "spent_by_currency": state.get("spent_by_currency", {}),
            "largest_purchase": state["largest_purchase"],
            "ppv_purchase_rate": segments.ppv_purchase_rate(state["offers_sent"], state["offers_bought"]),
            "first_seen": state["first_seen"], "last_active": state["last_active"]}


# --- the context part ----------------------------------------------------------------------

def _upcoming(fact: Fact, today: date) -> bool:
    if fact.kind != "event" or not isinstance(fact.value, dict):
        return True
    try:
        return date.fromisoformat(fact.value.get("date", "")) >= today - PAST_EVENT_GRACE
    except ValueError:
        return True


def parts_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    """Facts, latest notes, open flags and segment state of each fan: four queries for all fans."""
    today = timezone.now().date()
    facts, notes, flags = defaultdict(list), defaultdict(list), defaultdict(list)
    served = defaultdict(int)
    for fact in Fact.objects.filter(creator_id=creator_id, fan_id__in=fan_ids).order_by("kind", "-last_seen"):
        if _upcoming(fact, today) and served[fact.fan_id, fact.kind] < CONTEXT_PER_KIND:
            served[fact.fan_id, fact.kind] += 1
            facts[fact.fan_id].append(_compact_fact(fact))
    for note in Note.objects.filter(creator_id=creator_id, fan_id__in=fan_ids).order_by("-created_at"):
        if len(notes[note.fan_id]) < CONTEXT_NOTES:
            notes[note.fan_id].append({"text": note.text, "author": note.author, "created_at": iso_utc(note.created_at)})
    open_flags = Flag.objects.filter(creator_id=creator_id, fan_id__in=fan_ids, status=FlagStatus.OPEN)
    for flag in open_flags.order_by("raised_at"):
        flags[flag.fan_id].append({"id": str(flag.id), "reason": flag.reason, "since": iso_utc(flag.raised_at),
                                   "event_id": flag.event_id or None})
    rows = rows_by_fan(FanSegment.objects.defer("active_hours"), creator_id, fan_ids)
    return {fan_id: {"facts": facts[fan_id], "notes": notes[fan_id], "flags": flags[fan_id],
                     "segment": segment_state(rows.get(fan_id))} for fan_id in fan_ids}


CONTEXT_PART = ContextPart(name="fan_facts", cache_suffix=FACTS_SUFFIX, ttl=settings.FANMEMORY["FACTS_TTL"],
                           load_many=parts_for)


def context_entries(part: dict, *, personalization: bool) -> dict:
    """The context keys of this app (`facts`, `notes`, `segment`, `flags`). Facts and notes are
    withheld while personalization is off (the coordinator's policy); flags and segment always show."""
    return {"facts": part["facts"] if personalization else [], "notes": part["notes"] if personalization else [],
            "segment": segment_view(part["segment"]), "flags": part["flags"]}


# --- reads for the API and the other apps ---------------------------------------------------

def personalization_blocked(*, creator_id: str, fan_id: str) -> bool:
    """An open under-18 flag stops all personalization for the fan."""
    return Flag.objects.filter(creator_id=creator_id, fan_id=fan_id, reason="minor", status=FlagStatus.OPEN).exists()


def fan_facts(*, creator_id: str, fan_id: str, kind: str | None = None) -> list[dict]:
    rows = Fact.objects.filter(creator_id=creator_id, fan_id=fan_id)
    if kind:
        rows = rows.filter(kind=kind)
    return [fact_to_dict(fact) for fact in rows.order_by("kind", "-last_seen")]


def fan_timezone(*, creator_id: str, fan_id: str) -> str | None:
    """The fan's time zone (IANA name): stated, set by staff, or inferred from active hours; None
    when unknown."""
    value = Fact.objects.filter(creator_id=creator_id, fan_id=fan_id, kind="timezone").values_list(
        "value", flat=True).first()
    return value if isinstance(value, str) and value else None


def fact_kind(*, creator_id: str, fan_id: str, fact_id) -> str | None:
    return Fact.objects.filter(creator_id=creator_id, fan_id=fan_id, id=fact_id).values_list("kind", flat=True).first()


def fan_notes(*, creator_id: str, fan_id: str) -> list[dict]:
    return [note_to_dict(note) for note in Note.objects.filter(creator_id=creator_id, fan_id=fan_id)
            .order_by("-created_at")]


def fan_flags(*, creator_id: str, fan_id: str, status: str | None = None) -> list[dict]:
    rows = Flag.objects.filter(creator_id=creator_id, fan_id=fan_id)
    if status:
        rows = rows.filter(status=status)
    return [flag_to_dict(flag) for flag in rows.order_by("-raised_at")]


def fan_segment(*, creator_id: str, fan_id: str) -> dict:
    row = FanSegment.objects.defer("active_hours").filter(creator_id=creator_id, fan_id=fan_id).first()
    return {"fan_id": fan_id, **segment_view(segment_state(row))}


def fans_in_segment(*, creator_id: str, segment: str, now: datetime | None = None):
    """Fan ids of the creator in a segment (a values queryset, for a subquery in memory's fan list)."""
    condition = segments.lifecycle_q(segment, now or timezone.now())
    return FanSegment.objects.filter(Q(creator_id=creator_id) & condition).values("fan_id")


def tip_threshold(*, creator_id: str) -> Decimal:
    own = CreatorFactSettings.objects.filter(creator_id=creator_id).values_list("handover_tip_amount", flat=True).first()
    return own if own is not None else Decimal(settings.FANMEMORY["HANDOVER_TIP_AMOUNT"])


def vip_threshold(*, creator_id: str) -> Decimal | None:
    """The total spent a VIP needs: the creator's VIP_PERCENTILE among paying fans (continuous) and
    at least VIP_MIN_SPENT; None (nobody is VIP) under VIP_MIN_PAYING_FANS paying fans. One query."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(%s) WITHIN GROUP (ORDER BY total_spent), count(*) FROM fan_segments "
            "WHERE creator_id = %s AND total_spent > 0",
            [settings.FANMEMORY["VIP_PERCENTILE"], creator_id],
        )
        value, paying = cursor.fetchone()
    if value is None or paying < settings.FANMEMORY["VIP_MIN_PAYING_FANS"]:
        return None
    percentile = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return max(percentile, Decimal(settings.FANMEMORY["VIP_MIN_SPENT"]))
