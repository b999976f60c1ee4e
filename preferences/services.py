"""Writes of the preferences app: incremental learning from each committed interaction.

`learn(given)` runs off the request path (the coordinator's learning run), once per event, O(1):
it locks the fan's row, folds the event into `learning_state` (preferences.learning), stores
the derived view and invalidates the cached part after commit. A redelivered event is
recognised (the last event ids are kept) and not counted twice.
"""
import math
import re
from decimal import Decimal

from django.db import transaction
from django.db.models import Case, F, Q, When
from django.db.models.functions import Greatest
from django.utils import timezone

from core.cache import forget_on_commit
from core.errors import ServiceError
from core.learning import LearningInput

from . import learning
from .models import CategoryPopularity, FanPreferences
from .selectors import CACHE_SUFFIX
from .topics import extract_topics

CATEGORY_PATTERN = re.compile(r"^[a-z0-9_-]{1,64}$")
POPULARITY_FIELDS = ("purchases", "priced_purchases", "log_amount_sum", "log_amount_square_sum")  # as in deltas


def learn(given: LearningInput) -> None:
    """Learn from one saved event (the coordinator's learning run)."""
    event = given.event
    if event.type == "message" and given.message is not None:
        _learn_message(event, given.message, given.fan_timezone)
    elif event.type == "purchase":
        _learn_purchase(event, given.fan_timezone)
    elif event.type == "feedback":
        _learn_feedback(event, given.target)


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


def _learn_message(event, message: dict, zone) -> None:
    analysis = message["analysis"] or {}
    topics = []
    if message["sender"] == "fan":
        topics = message["topics"] or analysis.get("topics") or []
        if not topics:  # an analysis without topics (or an older message): tag it here, well under 1 ms
            topics = extract_topics(message["content"], analysis.get("language"))
    _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_message(
        state, sender=message["sender"], at=learning.epoch(message["at"]), topics=topics,
        language=analysis.get("language") if message["sender"] == "fan" else None), zone)


@transaction.atomic(savepoint=False)
def _learn_purchase(event, zone) -> None:
    amount = float(event.amount or 0)
    category = event.category or ""
    delta = learning.popularity_delta(category=category, kind=event.purchase_kind, amount=amount)
    learned = _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_purchase(
        state, kind=event.purchase_kind, amount=amount, category=category, at=learning.epoch(event.occurred_at)), zone)
    if learned and delta:
        _count_popularity(event.creator_id, category, delta)


def _learn_feedback(event, target: dict | None) -> None:
    if event.outcome not in learning.WEIGHTS:
        return
    category = offer_category(target["metadata"]) if target else ""
    if not category:
        return
    _learn(event.creator_id, event.fan_id, event.pk, lambda state: learning.observe_offer_feedback(
        state, category=category, outcome=event.outcome, at=learning.epoch(event.occurred_at)))


@transaction.atomic(savepoint=False)
def _learn(creator_id: str, fan_id: str, event_key, observe, zone=None) -> bool:
    """`zone()`, when given, is the fan's time zone now (the facts app's): the view's hours and days."""
    row = _locked_row(creator_id, fan_id)
    state = _state_of(row)
    if event_key is not None and not learning.mark_seen(state, event_key):
        return False
    if zone is not None:
        learning.set_timezone(state, zone())
    observe(state)
    _save(row, state)
    return True


def _locked_row(creator_id: str, fan_id: str) -> FanPreferences:
    row, _ = FanPreferences.objects.select_for_update().get_or_create(creator_id=creator_id, fan_id=fan_id)
    return row


def _state_of(row: FanPreferences) -> dict:
    return learning.state_from(row.learning_state)


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
    forget_on_commit(creator_id, fan_id, CACHE_SUFFIX)


def _count_popularity(creator_id: str, category: str, delta: list) -> None:
    values = dict(zip(POPULARITY_FIELDS, delta))
    increments = {name: F(name) + value for name, value in values.items()}
    rows = CategoryPopularity.objects.filter(creator_id=creator_id, category=category)
    if not rows.update(**increments, updated_at=timezone.now()):  # no row yet, or an erasure has just deleted it
        _, created = CategoryPopularity.objects.get_or_create(creator_id=creator_id, category=category,
                                                              defaults=values)
        if not created:
            rows.update(**increments, updated_at=timezone.now())


@transaction.atomic
def fan_contribution_withdraw(*, creator_id: str, fan_id: str) -> dict[str, int]:
    """Before the fan's erasure (gdpr registry hook): take out of the creator's category popularity
    exactly what this fan's purchases put in. Returns the number of category rows adjusted."""
    row = FanPreferences.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id).first()
    adjusted = 0
    if row is not None:
        for category, delta in sorted(_state_of(row)["popularity"].items()):
            adjusted += _uncount_popularity(creator_id, category, delta)
    return {CategoryPopularity._meta.db_table: adjusted}


def _uncount_popularity(creator_id: str, category: str, delta: list) -> int:
    """Counts and the sum of squares are clamped at 0 (the log sum may rightly be negative); with
    no priced purchase left both sums are exactly 0, so no float residue survives; an empty row is
    deleted, so not even the category the fan bought stays."""
    purchases, priced, log_amount, log_square = delta
    rows = CategoryPopularity.objects.filter(creator_id=creator_id, category=category)
    none_priced_left = Q(priced_purchases__lte=priced)  # UPDATE reads the row's values before the change
    adjusted = rows.update(
        purchases=Greatest(F("purchases") - purchases, 0),
        priced_purchases=Greatest(F("priced_purchases") - priced, 0),
        log_amount_sum=Case(When(none_priced_left, then=0.0), default=F("log_amount_sum") - log_amount),
        log_amount_square_sum=Case(When(none_priced_left, then=0.0),
                                   default=Greatest(F("log_amount_square_sum") - log_square, 0.0)),
        updated_at=timezone.now(),
    )
    rows.filter(purchases=0, priced_purchases=0).delete()
    return adjusted


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
        raise ServiceError("INVALID_DATA", "Invalid preference update.", fields=errors)
    row = _locked_row(creator_id, fan_id)
    state = _state_of(row)
    moment = learning.epoch(at or timezone.now())
    learning.update_category(state, category, float(delta), moment)
    _save(row, state)
    return learning.category_view(category, state["categories"][category], moment)
