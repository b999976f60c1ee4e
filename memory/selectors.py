"""Reads of the memory app: API keys and the memory context (single and bulk)."""
from decimal import Decimal
from functools import lru_cache

import orjson
from django.conf import settings
from django.db.models import Count, F, Max, Min, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from config.metrics import CACHE_LOOKUPS

from . import cache, keys
from .engagement import CONTEXT_PART as ENGAGEMENT_PART
from .engagement import WEIGHTS, components, metrics_to_dict
from .models import ApiKey, EngagementMetrics, FanMemory, InteractionEvent
from .parts import ContextPart
from .timeutil import iso_utc


@lru_cache(maxsize=1)
def context_parts() -> tuple[ContextPart, ...]:
    """Every app's part of the context. Imported late: those apps read memory's selectors too."""
    from emotions.selectors import CONTEXT_PART as EMOTION_PART
    from facts.selectors import CONTEXT_PART as FACTS_PART
    from gdpr.selectors import CONTEXT_PART as CONSENT_PART
    from personality.selectors import CONTEXT_PART as PERSONALITY_PART
    from preferences.selectors import CONTEXT_PART as PREFERENCES_PART

    return (PERSONALITY_PART, PREFERENCES_PART, EMOTION_PART, ENGAGEMENT_PART, CONSENT_PART, FACTS_PART)


def active_key_creator(*, key_hash: str) -> str | None:
    return (
        ApiKey.objects.filter(key_hash=key_hash, revoked_at__isnull=True)
        .values_list("creator_id", flat=True)
        .first()
    )


def message_to_dict(row: FanMemory) -> dict:
    return {
        "event_id": row.event_id,
        "content": row.message_content,
        "sender": row.sender,
        "timestamp": iso_utc(row.created_at),
        "sentiment": row.sentiment,
        "topics": row.topics,
        "metadata": row.metadata,
    }


def message_with_analysis(row: FanMemory) -> dict:
    return {**message_to_dict(row), "at": row.created_at, "analysis": row.analysis}


def message_of_event(*, creator_id: str, event_id: str) -> dict | None:
    """One saved message with its analysis (`at` is a datetime), for the learning apps."""
    row = FanMemory.objects.filter(creator_id=creator_id, event_id=event_id).first()
    return message_with_analysis(row) if row else None


def fan_messages(*, creator_id: str, fan_id: str, since=None) -> list[dict]:
    """Every message of the fan, oldest first, with analysis: for recalibration from history."""
    rows = FanMemory.objects.filter(creator_id=creator_id, fan_id=fan_id)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    return [message_with_analysis(row) for row in rows.order_by("created_at")]


def fan_events(*, creator_id: str, fan_id: str, types: tuple[str, ...] = ()) -> list[InteractionEvent]:
    """The fan's interaction events (purchases, feedback, messages), oldest first."""
    rows = InteractionEvent.objects.filter(creator_id=creator_id, fan_id=fan_id)
    if types:
        rows = rows.filter(type__in=types)
    return list(rows.order_by("occurred_at", "id"))


def fan_activity(*, creator_id: str, fan_id: str) -> dict:
    """Spend and activity of one fan (two aggregate queries on indexed columns): when first seen,
    when last active (a fan message or purchase), total and largest purchase, feedback targets."""
    events = InteractionEvent.objects.filter(creator_id=creator_id, fan_id=fan_id).aggregate(
        first_seen=Min("occurred_at"), last_purchase=Max("occurred_at", filter=Q(type="purchase")),
        total_spent=Sum("amount", filter=Q(type="purchase")), largest_purchase=Max("amount", filter=Q(type="purchase")),
        offers_sent=Count("about_event_id", distinct=True, filter=Q(type="feedback")),
        offers_bought=Count("about_event_id", distinct=True, filter=Q(type="feedback", outcome="purchased")),
    )
    last_message = FanMemory.objects.filter(creator_id=creator_id, fan_id=fan_id, sender="fan").aggregate(
        at=Max("created_at"))["at"]
    last_purchase = events.pop("last_purchase")
    events["last_active"] = max(filter(None, (last_message, last_purchase)), default=None)
    return events


def recent_messages_for(creator_id: str, fan_ids: list[str]) -> dict[str, list[dict]]:
    """The newest messages of every fan, oldest first: one query for all fans."""
    limit = settings.FANMEMORY["RECENT_MESSAGES"]
    rows = (
        FanMemory.objects.filter(creator_id=creator_id, fan_id__in=fan_ids)
        .annotate(rank=Window(RowNumber(), partition_by=[F("fan_id")], order_by=F("created_at").desc()))
        .filter(rank__lte=limit)
        .order_by("fan_id", "created_at")
    )
    messages = {fan_id: [] for fan_id in fan_ids}
    for row in rows:
        messages[row.fan_id].append(message_to_dict(row))
    return messages


def memory_contexts(*, creator_id: str, fan_ids: list[str], messages: int = 50) -> dict[str, dict]:
    """The memory context of each fan: one Redis round trip, then one query per table for misses."""
    fan_ids = list(dict.fromkeys(fan_ids))
    cached = _read_cache(creator_id, fan_ids)
    lists, generations, parts = _split_cached(cached, fan_ids)
    _fill_misses(creator_id, fan_ids, lists, generations, parts, cache_up=cached is not None)
    return {fan_id: _assemble(creator_id, fan_id, lists[fan_id], parts[fan_id], messages) for fan_id in fan_ids}


def _read_cache(creator_id: str, fan_ids: list[str]) -> list | None:
    limit = settings.FANMEMORY["RECENT_MESSAGES"]

    def build(pipe):
        pipe.hincrby(keys.creator_stats_key(creator_id), "lookups", len(fan_ids) * (1 + len(context_parts())))
        for fan_id in fan_ids:
            pipe.lrange(keys.messages_key(creator_id, fan_id), 0, limit)
            pipe.get(keys.generation_key(creator_id, fan_id))
            for part in context_parts():
                pipe.get(keys.fan_key(creator_id, fan_id, part.cache_suffix))

    return cache.run("context read", build)


def _split_cached(cached: list | None, fan_ids: list[str]):
    lists, generations, parts = {}, {}, {fan_id: {} for fan_id in fan_ids}
    if cached is None:
        return {fan_id: None for fan_id in fan_ids}, {}, parts
    stride = 2 + len(context_parts())
    for index, fan_id in enumerate(fan_ids):
        row = cached[1 + index * stride:1 + (index + 1) * stride]
        lists[fan_id] = cache.decode_messages(row[0]) if row[0] else None
        generations[fan_id] = row[1]
        for part, raw in zip(context_parts(), row[2:]):
            if raw is not None:
                parts[fan_id][part.name] = orjson.loads(raw)
    return lists, generations, parts


def _fill_misses(creator_id, fan_ids, lists, generations, parts, cache_up: bool) -> None:
    refills = []
    missing = [fan_id for fan_id in fan_ids if lists[fan_id] is None]
    _count_lookups("messages", len(fan_ids), len(missing))
    if missing:
        loaded = recent_messages_for(creator_id, missing)
        for fan_id in missing:
            lists[fan_id] = loaded[fan_id]
            refills.append(lambda pipe, f=fan_id: cache.queue_rebuild(pipe, creator_id, f, generations.get(f), lists[f]))
    for part in context_parts():
        missing = [fan_id for fan_id in fan_ids if part.name not in parts[fan_id]]
        _count_lookups(part.cache_suffix, len(fan_ids), len(missing))
        if not missing:
            continue
        for fan_id, value in part.load_many(creator_id, missing).items():
            parts[fan_id][part.name] = value
            key = keys.fan_key(creator_id, fan_id, part.cache_suffix)
            refills.append(lambda pipe, k=key, v=value, ttl=part.ttl: pipe.set(k, orjson.dumps(v), ex=ttl))
    if refills and cache_up:
        missed = len(refills)
        refills.append(lambda pipe: pipe.hincrby(keys.creator_stats_key(creator_id), "misses", missed))
        cache.run("context refill", lambda pipe: [queue(pipe) for queue in refills])


@lru_cache(maxsize=64)
def _lookup_counter(part: str, result: str):
    return CACHE_LOOKUPS.labels(part=part, result=result)


def _count_lookups(part: str, looked_up: int, missed: int) -> None:
    if looked_up > missed:
        _lookup_counter(part, "hit").inc(looked_up - missed)
    if missed:
        _lookup_counter(part, "miss").inc(missed)


def _assemble(creator_id: str, fan_id: str, history: list[dict], parts: dict, messages: int) -> dict:
    from facts.selectors import context_entries
    from personality.selectors import default_profile, response_style_from
    from preferences.selectors import default_preferences

    engagement = parts["engagement_metrics"]
    consent = parts["consent"]
    profile, preferences = parts["personality_profile"], parts["preferences"]
    fan_facts, blocked = context_entries(parts["fan_facts"], personalization=consent["personalization"])
    if not consent["personalization"] or blocked:
        profile, preferences = default_profile(fan_id), default_preferences(fan_id)
    emotional_state = parts["emotional_state"]
    return {
        "fan_id": fan_id,
        "creator_id": creator_id,
        "is_new": engagement["last_interaction"] is None,
        "recent_messages": history[-messages:],
        "personality_profile": profile,
        "preferences": preferences,
        "emotional_state": emotional_state,
        "engagement_metrics": engagement,
        "response_style": response_style_from(profile, preferences, emotional_state),
        "consent": consent,
        "last_interaction": engagement["last_interaction"],
        **fan_facts,
    }


# --- fans, engagement, stats ---------------------------------------------------------------

def fans_with_memory(*, creator_id: str):
    return EngagementMetrics.objects.filter(creator_id=creator_id)


def fans_with_memory_ids(*, creator_id: str | None = None):
    """(creator_id, fan_id) of every fan with memory, for maintenance commands (an iterator)."""
    rows = EngagementMetrics.objects.all() if creator_id is None else fans_with_memory(creator_id=creator_id)
    return rows.order_by("creator_id", "fan_id").values_list("creator_id", "fan_id").iterator(chunk_size=1000)


def fans_with_memory_count() -> int:
    return EngagementMetrics.objects.count()


def fan_engagement(*, creator_id: str, fan_id: str) -> dict | None:
    metrics = EngagementMetrics.objects.filter(creator_id=creator_id, fan_id=fan_id).first()
    if metrics is None:
        return None
    now = timezone.now()
    return {"fan_id": fan_id, **metrics_to_dict(metrics, now), "components": components(metrics, now),
            "weights": WEIGHTS}


def creator_stats(*, creator_id: str) -> dict:
    from gdpr.selectors import fans_without

    counted = fans_with_memory(creator_id=creator_id).exclude(
        fan_id__in=fans_without(creator_id=creator_id, purpose="analytics")
    )
    totals = counted.aggregate(
        fans=Count("id"), messages=Sum("total_messages"), purchases=Sum("total_purchases"),
        revenue=Sum("total_revenue"),
    )
    fans = totals["fans"]
    counters = cache.run("stats", lambda pipe: pipe.hgetall(keys.creator_stats_key(creator_id)))
    lookups, misses = (int((counters or [{}])[0].get(name, 0)) for name in (b"lookups", b"misses"))
    return {
        "creator_id": creator_id,
        "fans_with_memory": fans,
        "total_messages": totals["messages"] or 0,
        "avg_interactions_per_fan": round((totals["messages"] or 0) / fans, 2) if fans else 0.0,
        "total_purchases": totals["purchases"] or 0,
        "total_revenue": str(totals["revenue"] or Decimal("0.00")),
        "cache_hit_rate": round(1 - misses / lookups, 4) if lookups else None,
    }
