"""Reads of the preferences app: the fan's preferences (cached) and content recommendations."""
from django.conf import settings
from django.utils import timezone

from core.parts import ContextPart, rows_by_fan
from core.timeutil import iso_utc

from . import learning, recommendations
from .models import CategoryPopularity, FanPreferences

CACHE_SUFFIX = "preferences"


def default_preferences(fan_id: str) -> dict:
    """Served until something is learned about the fan."""
    return {
        "fan_id": fan_id,
        "content_preferences": {},
        "topic_interests": {},
        "purchase_patterns": [],
        "communication_preferences": learning.communication_view(learning.new_state()["comm"], 0.0),
        "spending": learning.spending_view(learning.new_state()["spend"]),
        "evidence_count": 0,
        "last_updated": None,
    }


def preferences_to_dict(row: FanPreferences, now=None) -> dict:
    """The learned view at `now` (topic interests and category evidence decay with time)."""
    state = {**learning.new_state(), **(row.learning_state or {})}
    view = learning.public_view(state, learning.epoch(now or timezone.now()))
    return {
        "fan_id": row.fan_id,
        **view,
        "evidence_count": row.evidence_count,
        "last_updated": iso_utc(row.last_updated),
    }


def preferences_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    queryset = FanPreferences.objects.only("fan_id", "learning_state", "evidence_count", "last_updated")
    rows = rows_by_fan(queryset, creator_id, fan_ids)
    now = timezone.now()
    return {fan_id: preferences_to_dict(rows[fan_id], now) if fan_id in rows else default_preferences(fan_id)
            for fan_id in fan_ids}


CONTEXT_PART = ContextPart(
    name="preferences",
    cache_suffix=CACHE_SUFFIX,
    ttl=settings.FANMEMORY["PREFERENCES_TTL"],
    load_many=preferences_for,
)


def creator_prior(*, creator_id: str) -> dict:
    """Purchases per category and the typical price across the creator's fans (cold-start prior)."""
    categories, spend = {}, {"n": 0, "s": 0.0, "ss": 0.0}
    for row in CategoryPopularity.objects.filter(creator_id=creator_id):
        if row.category and row.purchases:
            categories[row.category] = row.purchases
        spend["n"] += row.priced_purchases
        spend["s"] += row.log_amount_sum
        spend["ss"] += row.log_amount_square_sum
    return {"categories": categories, "spending": learning.spending_view(spend)}


def content_recommendations(*, creator_id: str, items: list[dict], preferences: dict, purchased: set[str],
                            held_back: frozenset = frozenset()) -> list[dict]:
    """The seed's getContentRecommendations: `items` ranked for a fan with these `preferences`, each
    with a reason (`purchased`: the content ids the fan already bought; `held_back`: categories the
    fan just complained about)."""
    return recommendations.rank(
        items,
        preferences,
        creator_prior(creator_id=creator_id),
        purchased,
        held_back,
    )
