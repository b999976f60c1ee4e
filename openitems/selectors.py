"""Reads of the open-items app: the fan's items, their part of the memory context, and what the
coordinator asks of them (categories held back from offers, outcomes not charged to the tone)."""
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from core.parts import ContextPart
from core.timeutil import iso_utc

from .detection import GRIEVANCES
from .models import ItemStatus, OpenItem
from .personal_data import OPEN_ITEMS_SUFFIX

CONTEXT_ITEMS = 10  # the oldest open items first: the longest waiting is the first to settle
HOLD_BACK = timedelta(days=7)  # a category complained about is held back from offers this long, while open
EXCUSE_WINDOW = timedelta(hours=24)  # a bad outcome this soon after a grievance is the content's, not the tone's
NEGATIVE_OUTCOMES = ("ignored", "negative")


def item_to_dict(item: OpenItem) -> dict:
    return {"id": str(item.id), "kind": item.kind, "summary": item.summary, "since": iso_utc(item.since),
            "event_id": item.event_id or None, "category": item.category or None, "status": item.status,
            "closed_at": iso_utc(item.closed_at), "closed_by": item.closed_by or None}


def _compact(item: OpenItem) -> dict:
    return {"id": str(item.id), "kind": item.kind, "summary": item.summary, "since": iso_utc(item.since),
            "event_id": item.event_id or None, "category": item.category or None}


def items_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    """The open items of each fan, oldest first (one query for all fans)."""
    items = defaultdict(list)
    rows = OpenItem.objects.filter(creator_id=creator_id, fan_id__in=fan_ids, status=ItemStatus.OPEN).order_by("since")
    for item in rows.defer("subject"):
        if len(items[item.fan_id]) < CONTEXT_ITEMS:
            items[item.fan_id].append(_compact(item))
    return {fan_id: {"items": items[fan_id]} for fan_id in fan_ids}


CONTEXT_PART = ContextPart(name="open_items", cache_suffix=OPEN_ITEMS_SUFFIX,
                           ttl=settings.FANMEMORY["FACTS_TTL"], load_many=items_for)


def context_entries(part: dict) -> dict:
    """The context key of this app: service matters, shown whatever the personalization policy."""
    return {"open_items": part["items"]}


def fan_items(*, creator_id: str, fan_id: str, status: str | None = None) -> list[dict]:
    rows = OpenItem.objects.filter(creator_id=creator_id, fan_id=fan_id)
    if status:
        rows = rows.filter(status=status)
    return [item_to_dict(item) for item in rows.order_by("-since")]


def held_back_categories(*, creator_id: str, fan_id: str, now: datetime | None = None) -> frozenset[str]:
    """Categories of the fan's open grievances raised within HOLD_BACK: offers step back from them."""
    since = (now or timezone.now()) - HOLD_BACK
    return frozenset(OpenItem.objects.filter(
        creator_id=creator_id, fan_id=fan_id, status=ItemStatus.OPEN, kind__in=GRIEVANCES, since__gte=since,
    ).exclude(category="").values_list("category", flat=True))


def outcome_excuser(*, creator_id: str, fan_id: str):
    """A predicate (outcome, at) -> bool, one query: True for a negative outcome of an ai message
    sent at `at` while a grievance of the fan, raised at most EXCUSE_WINDOW before, was open (the
    apology after "the set was blurry" is not ignored because of its tone)."""
    spans = list(OpenItem.objects.filter(creator_id=creator_id, fan_id=fan_id, kind__in=GRIEVANCES)
                 .values_list("since", "closed_at"))

    def excused(outcome: str, at: datetime | None) -> bool:
        if outcome not in NEGATIVE_OUTCOMES or at is None:
            return False
        return any(since <= at <= since + EXCUSE_WINDOW and (closed_at is None or closed_at > at)
                   for since, closed_at in spans)

    return excused
