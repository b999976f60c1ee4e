"""Writes of the preferences app: incremental learning from each committed interaction.

`on_interaction(event)` runs off the request path (memory's Celery task), once per event, O(1):
it locks the fan's row, folds the event into `learning_state` (preferences.learning), stores
the derived view and invalidates the cached part after commit. A redelivered event is
recognised (the last event ids are kept) and not counted twice.
"""
import math
import re
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from config.errors import ServiceError
from memory.cache import forget_parts
from memory.selectors import message_of_event

from . import learning
from .models import CategoryPopularity, FanPreferences
from .topics import extract_topics

CACHE_SUFFIX = "preferences"
CATEGORY_PATTERN = re.compile(r"^[a-z0-9_-]{1,64}$")


def on_interaction(event) -> None:
    """Entry point called by the memory app after each committed event."""
    if event.type == "message":
        _learn_message(event)
    elif event.type == "purchase":
        _learn_purchase(event)
    elif event.type == "feedback":
        _learn_feedback(event)


def offer_category(metadata) -> str:
    """The category of an offer, from the metadata of the ai message that made it:
    `metadata["category"]`, else `metadata["offer"]["category"]`; "" if none or malformed."""
    if not isinstance(metadata, dict):
        return ""
    offer = metadata.get("offer")
    for value in (metadata.get("category"), offer.get("category") if isinstance(offer, dict) else None):
        if isinstance(value, str) and CATEGORY_PATTERN.match(value.strip().lower()):
            return value.strip().lower()
    return ""


def _learn_message(event) -> None:
    message = message_of_event(creator_id=event.creator_id, event_id=event.event_id)
    if message is None:
        return
    analysis = message["analysis"] or {}
    topics = []
    if message["sender"] == "fan":
        topics = message["topics"] or analysis.get("topics") or []
        if not topics:  # an analysis without topics (or an older message): tag it here, well under 1 ms
            topics = extract_topics(message["content"], analysis.get("language"))
    _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_message(
        state, sender=message["sender"], at=learning.epoch(message["at"]), topics=topics,
        language=analysis.get("language") if message["sender"] == "fan" else None))


@transaction.atomic
def _learn_purchase(event) -> None:
    amount = float(event.amount or 0)
    category = event.category or ""
    learned = _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_purchase(
        state, kind=event.purchase_kind, amount=amount, category=category, at=learning.epoch(event.occurred_at)))
    if learned:
        _count_popularity(event.creator_id, category, event.purchase_kind, amount)


def _learn_feedback(event) -> None:
    if event.outcome not in learning.WEIGHTS:
        return
    target = message_of_event(creator_id=event.creator_id, event_id=event.about_event_id)
    category = offer_category(target["metadata"]) if target else ""
    if not category:
        return
    _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_offer_feedback(
        state, category=category, outcome=event.outcome, at=learning.epoch(event.occurred_at)))


@transaction.atomic
def _learn(creator_id: str, fan_id: str, event_key, observe) -> bool:
    row = _locked_row(creator_id, fan_id)
    state = _state_of(row)
    if event_key is not None and not learning.mark_seen(state, event_key):
        return False
    observe(state)
    _save(row, state)
    return True


def _locked_row(creator_id: str, fan_id: str) -> FanPreferences:
    row, _ = FanPreferences.objects.select_for_update().get_or_create(creator_id=creator_id, fan_id=fan_id)
    return row


def _state_of(row: FanPreferences) -> dict:
    return {**learning.new_state(), **(row.learning_state or {})}


def _save(row: FanPreferences, state: dict) -> None:
    view = learning.public_view(state, learning.epoch(timezone.now()))
    row.learning_state = state
    row.content_preferences = view["content_preferences"]
    row.topic_interests = view["topic_interests"]
    row.purchase_patterns = view["purchase_patterns"]
    row.communication_preferences = view["communication_preferences"]
    row.evidence_count += 1
    row.save()
    creator_id, fan_id = row.creator_id, row.fan_id
    transaction.on_commit(lambda: forget_parts(creator_id, fan_id, CACHE_SUFFIX))


def _count_popularity(creator_id: str, category: str, kind: str, amount: float) -> None:
    priced = kind in learning.SPEND_KINDS and amount > 0
    if not category and not priced:
        return
    log_amount = math.log(amount) if priced else 0.0
    CategoryPopularity.objects.get_or_create(creator_id=creator_id, category=category)
    CategoryPopularity.objects.filter(creator_id=creator_id, category=category).update(
        purchases=F("purchases") + (1 if category else 0),
        priced_purchases=F("priced_purchases") + int(priced),
        log_amount_sum=F("log_amount_sum") + log_amount,
        log_amount_square_sum=F("log_amount_square_sum") + log_amount * log_amount,
        updated_at=timezone.now(),
    )


@transaction.atomic
def preference_score_update(*, creator_id: str, fan_id: str, category: str, delta: float, at=None) -> dict:
    """The seed's updatePreferenceScore: evidence for (delta > 0) or against (delta < 0) a category.

    `delta` in -1..1 is the weight of the evidence (a purchase is 1.0, an ignored offer -0.3).
    Returns the category's updated preference.
    """
    errors = {}
    if not isinstance(category, str) or not CATEGORY_PATTERN.match(category):
        errors["category"] = ["Must be 1 to 64 characters from a-z 0-9 _ -."]
    if isinstance(delta, bool) or not isinstance(delta, (int, float, Decimal)) or not math.isfinite(delta) \
            or not -1 <= delta <= 1:
        errors["delta"] = ["Must be a number from -1 to 1."]
    if errors:
        raise ServiceError("INVALID_DATA", "Invalid preference update.", 400, fields=errors)
    row = _locked_row(creator_id, fan_id)
    state = _state_of(row)
    moment = learning.epoch(at or timezone.now())
    learning.update_category(state, category, float(delta), moment)
    _save(row, state)
    return learning.category_view(category, state["categories"][category], moment)
