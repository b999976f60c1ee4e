"""Writes of the open-items app: items opened and settled by each event, closed by people.

Detection (pure, `detection`) meets the database here. A fan message may open items and settle
others; an answer of the creator or the assistant settles the questions before it, a refund
confirmed settles the refund request, a follow-up asked about settles it; a purchase in the
category complained about settles that grievance. The cached context part is forgotten after
commit of any change.
"""
import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.cache import forget_on_commit
from core.errors import ServiceError
from core.learning import LearningInput

from . import detection
from .detection import COMPLAINT, CONTENT_PROBLEM, FOLLOW_UP, GRIEVANCES, QUESTION, REFUND, Found
from .models import ItemStatus, OpenItem
from .personal_data import OPEN_ITEMS_SUFFIX

BY_MESSAGE = "message"
REPEAT_AFTER = timedelta(hours=12)  # a grievance of a kind still open opens another only in a later conversation


def learn(given: LearningInput) -> None:
    """Learn from one saved event (the coordinator's learning run)."""
    event, message = given.event, given.message
    if message is not None:
        if message["sender"] == "fan":
            _from_fan(event, message, given.recent_categories)
        else:
            _from_outgoing(event, message)
    elif event.type == "purchase" and event.category:
        _close(event, _open(event.creator_id, event.fan_id, event.occurred_at).filter(
            kind__in=(COMPLAINT, CONTENT_PROBLEM), category=event.category), event.occurred_at)


def _open(creator_id: str, fan_id: str, at: datetime):
    return OpenItem.objects.filter(creator_id=creator_id, fan_id=fan_id, status=ItemStatus.OPEN, since__lte=at)


def _from_fan(event, message: dict, recent_categories) -> None:
    text, at = message["content"], message["at"]
    creator_id, fan_id = event.creator_id, event.fan_id
    found = detection.detect(text, message.get("analysis"))
    items = _open(creator_id, fan_id, at)
    if detection.settles(text):
        kinds = (COMPLAINT, CONTENT_PROBLEM) + ((REFUND,) if detection.settles_refund(text, outgoing=False) else ())
        _close(event, items.filter(kind__in=kinds), at)
    new_subjects = {item.subject for item in found if item.kind == FOLLOW_UP}
    asked_again = [item.pk for item in items.filter(kind=QUESTION) for new in found
                   if new.kind == QUESTION and detection.content_words(new.summary) & detection.content_words(item.summary)]
    _close(event, items.filter(pk__in=asked_again), at)  # the same question again: the newer one stands
    told = [item.pk for item in items.filter(kind=FOLLOW_UP)
            if item.subject not in new_subjects and detection.tells_outcome(text, item.subject)]
    _close(event, items.filter(pk__in=told), at)
    for item in found:
        if item.kind in GRIEVANCES and items.filter(kind=item.kind, since__gte=at - REPEAT_AFTER).exists():
            continue  # "still blurry": the same grievance, already open in this conversation
        category = _category_of(text, recent_categories) if item.kind in GRIEVANCES else ""
        _open_item(creator_id, fan_id, item, category, event.event_id, at)


def _category_of(text: str, recent_categories) -> str:
    """The category the fan names among his recent purchases, else that of the latest one."""
    recent = recent_categories()
    return detection.category_named(text, recent) or (recent[0] if recent else "")


def _from_outgoing(event, message: dict) -> None:
    text, at = message["content"], message["at"]
    items = _open(event.creator_id, event.fan_id, at)
    settled = [item.pk for item in items.filter(kind__in=(QUESTION, FOLLOW_UP))
               if (item.kind == QUESTION and detection.answers(text, item.summary))
               or (item.kind == FOLLOW_UP and detection.asks_about(text, item.subject))]
    refunds = Q(kind=REFUND) if detection.settles_refund(text, outgoing=True) else Q(pk__in=[])
    _close(event, items.filter(refunds | Q(pk__in=settled)), at)


def _slot(item: Found, event_id: str) -> str:
    """A follow-up's subject under a keyed hash (the column is plain: "hospital" is health data),
    else the event that opened the item (a redelivered event opens nothing twice)."""
    if item.kind == FOLLOW_UP:
        digest = hmac.new(settings.SECRET_KEY.encode(), f"follow_up:{item.subject}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]
    return event_id


def _open_item(creator_id: str, fan_id: str, item: Found, category: str, event_id: str, at: datetime) -> None:
    """One open item per slot: while one stands, a repeat of it opens nothing."""
    try:
        with transaction.atomic():
            OpenItem.objects.create(creator_id=creator_id, fan_id=fan_id, kind=item.kind, slot=_slot(item, event_id),
                                    summary=item.summary, subject=item.subject, category=category,
                                    event_id=event_id, since=at)
    except IntegrityError:
        return
    forget_on_commit(creator_id, fan_id, OPEN_ITEMS_SUFFIX)


def _close(event, items, at: datetime) -> None:
    """Items of the event's fan settled by the event."""
    if items.update(status=ItemStatus.CLOSED, closed_at=at, closed_by=BY_MESSAGE, closed_event_id=event.event_id):
        forget_on_commit(event.creator_id, event.fan_id, OPEN_ITEMS_SUFFIX)


@transaction.atomic
def item_close(*, creator_id: str, fan_id: str, item_id, closed_by: str) -> OpenItem:
    """Close an item as the creator or staff. Closing a closed item keeps its first closing."""
    item = OpenItem.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id, id=item_id).first()
    if item is None:
        raise ServiceError("MEMORY_NOT_FOUND", "No such open item for this fan.")
    if item.status == ItemStatus.CLOSED:
        return item
    item.status, item.closed_at, item.closed_by = ItemStatus.CLOSED, timezone.now(), closed_by
    item.save(update_fields=["status", "closed_at", "closed_by"])
    forget_on_commit(creator_id, fan_id, OPEN_ITEMS_SUFFIX)
    return item
