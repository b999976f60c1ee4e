"""Reads of the message store: messages, events, activity, engagement, the creator's totals."""
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, Max, Min, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from core import keys
from core.cache import run
from core.timeutil import iso_utc

from .engagement import WEIGHTS, components, metrics_to_dict, revenue_by_currency
from .models import RECALL_LEARNER, EngagementMetrics, FanMemory, InteractionEvent


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
    return {**message_to_dict(row), "fan_id": row.fan_id, "at": row.created_at, "analysis": row.analysis,
            "seq": row.seq}


def message_of_event(*, creator_id: str, event_id: str) -> dict | None:
    """One saved message with its analysis (`at` is a datetime), for the learning apps."""
    row = FanMemory.objects.filter(creator_id=creator_id, event_id=event_id).first()
    return message_with_analysis(row) if row else None


# The two reads of every recall request are written in SQL: the ORM's building of them cost more
# than PostgreSQL's answering (about 1 ms each of the 2-5 ms a recall takes).
def message_texts(*, creator_id: str, event_ids: list[str]) -> dict[str, dict]:
    """The text and time of each message named (only the text is decrypted)."""
    content = FanMemory._meta.get_field("message_content")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT event_id, message_content, created_at FROM {FanMemory._meta.db_table} "
                       "WHERE creator_id = %s AND event_id = ANY(%s)", [creator_id, event_ids])
        rows = cursor.fetchall()
    return {event_id: {"content": content.from_db_value(text, None, connection), "timestamp": iso_utc(at)}
            for event_id, text, at in rows}


def messages_waiting_for_recall(*, creator_id: str, fan_id: str) -> int:
    """The fan's saved messages that the recall learner has not indexed yet (read off the partial
    index event_waiting_for_recall, whose condition this repeats word for word)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {InteractionEvent._meta.db_table} WHERE creator_id = %s AND fan_id = %s "
                       f"AND type = 'message' AND NOT learned @> ARRAY['{RECALL_LEARNER}']::varchar(32)[]",
                       [creator_id, fan_id])
        return cursor.fetchone()[0]


def events_missing(*, learner: str, creator_id: str | None = None) -> list[int]:
    """Message events the named learner has not learned from, oldest first."""
    rows = InteractionEvent.objects.filter(type="message", learned_at__isnull=False).exclude(learned__contains=[learner])
    if creator_id is not None:
        rows = rows.filter(creator_id=creator_id)
    return list(rows.order_by("id").values_list("pk", flat=True))


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


def purchased_content_ids(*, creator_id: str, fan_id: str) -> set[str]:
    return set(InteractionEvent.objects.filter(creator_id=creator_id, fan_id=fan_id, type="purchase")
               .exclude(content_id="").values_list("content_id", flat=True))


def recent_purchase_categories(*, creator_id: str, fan_id: str, before: datetime, within: timedelta) -> list[str]:
    """The categories of the fan's purchases in `within` before `before`, newest first, each once."""
    rows = (InteractionEvent.objects.filter(creator_id=creator_id, fan_id=fan_id, type="purchase",
                                            occurred_at__lte=before, occurred_at__gte=before - within)
            .exclude(category="").order_by("-occurred_at").values_list("category", flat=True))
    return list(dict.fromkeys(rows))


def fan_has_history(*, creator_id: str, fan_id: str) -> bool:
    return InteractionEvent.objects.filter(creator_id=creator_id, fan_id=fan_id).exists()


def fan_activity(*, creator_id: str, fan_id: str) -> dict:
    """Spend and activity of one fan (three aggregate queries on indexed columns): when first seen,
    when last active (a fan message or purchase), total and largest purchase, the total per
    currency (decimal strings), feedback targets."""
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
    events["spent_by_currency"] = revenue_by_currency(creator_id, [fan_id]).get(fan_id, {})
    return events


def recent_messages_for(creator_id: str, fan_ids: list[str]) -> tuple[dict[str, list[dict]], dict[str, int]]:
    """The newest messages of every fan, oldest first, and the highest message number of each fan
    in the same snapshot (the hot list's head): one query for all fans."""
    limit = settings.FANMEMORY["RECENT_MESSAGES"]
    rows = (
        FanMemory.objects.filter(creator_id=creator_id, fan_id__in=fan_ids)
        .annotate(rank=Window(RowNumber(), partition_by=[F("fan_id")], order_by=F("created_at").desc()),
                  head=Window(Max("seq"), partition_by=[F("fan_id")]))
        .filter(rank__lte=limit)
        .order_by("fan_id", "created_at")
    )
    messages = {fan_id: [] for fan_id in fan_ids}
    heads = dict.fromkeys(fan_ids, 0)
    for row in rows:
        messages[row.fan_id].append(message_to_dict(row))
        heads[row.fan_id] = row.head or 0
    return messages, heads


def unlearned_events(*, before, max_attempts: int, limit: int = 10_000) -> list[int]:
    """Events saved before `before` and not yet learned, oldest first (the learning sweep)."""
    return list(InteractionEvent.objects.filter(learned_at__isnull=True, received_at__lt=before,
                                                learn_attempts__lt=max_attempts)
                .order_by("received_at").values_list("pk", flat=True)[:limit])


# --- fans, engagement, stats ---------------------------------------------------------------

def fans_with_memory(*, creator_id: str):
    return EngagementMetrics.objects.filter(creator_id=creator_id)


def fans_with_memory_ids(*, creator_id: str | None = None):
    """(creator_id, fan_id) of every fan with memory, for maintenance commands (an iterator)."""
    rows = EngagementMetrics.objects.all() if creator_id is None else fans_with_memory(creator_id=creator_id)
    return rows.order_by("creator_id", "fan_id").values_list("creator_id", "fan_id").iterator(chunk_size=1000)


def fans_with_memory_count() -> int:
    return EngagementMetrics.objects.count()


def interactions_per_fan() -> float:
    """Messages and purchases per fan with memory, over every creator (a metric)."""
    totals = EngagementMetrics.objects.aggregate(fans=Count("id"), interactions=Sum(F("total_messages") + F("total_purchases")))
    return (totals["interactions"] or 0) / totals["fans"] if totals["fans"] else 0.0


def learning_lag_seconds(*, max_attempts: int) -> float:
    """Age of the oldest event still waiting to be learned (not given up on); 0 when none waits."""
    oldest = (InteractionEvent.objects.filter(learned_at__isnull=True, learn_attempts__lt=max_attempts)
              .aggregate(oldest=Min("received_at"))["oldest"])
    return max(0.0, (timezone.now() - oldest).total_seconds()) if oldest else 0.0


def fan_engagement(*, creator_id: str, fan_id: str) -> dict | None:
    metrics = EngagementMetrics.objects.filter(creator_id=creator_id, fan_id=fan_id).first()
    if metrics is None:
        return None
    now = timezone.now()
    revenue = revenue_by_currency(creator_id, [fan_id]).get(fan_id)
    return {"fan_id": fan_id, **metrics_to_dict(metrics, now, revenue), "components": components(metrics, now),
            "weights": WEIGHTS}


def _revenue_by_currency(creator_id: str, excluded_fans) -> dict[str, str]:
    """Purchases summed per currency (amounts in different currencies are never added together)."""
    rows = (InteractionEvent.objects.filter(creator_id=creator_id, type="purchase").exclude(fan_id__in=excluded_fans)
            .values("currency").annotate(total=Sum("amount")).order_by("currency"))
    return {row["currency"]: str(row["total"]) for row in rows}


def creator_stats(*, creator_id: str, excluded_fans) -> dict:
    """The creator's totals over its fans with memory but `excluded_fans` (a fan-id subquery)."""
    counted = fans_with_memory(creator_id=creator_id).exclude(fan_id__in=excluded_fans)
    totals = counted.aggregate(
        fans=Count("id"), messages=Sum("total_messages"), purchases=Sum("total_purchases"),
        revenue=Sum("total_revenue"),
    )
    fans = totals["fans"]
    interactions = (totals["messages"] or 0) + (totals["purchases"] or 0)  # as the metric counts them
    counters = run("stats", lambda pipe: pipe.hgetall(keys.creator_stats_key(creator_id)))
    lookups, misses = (int((counters or [{}])[0].get(name, 0)) for name in (b"lookups", b"misses"))
    return {
        "creator_id": creator_id,
        "fans_with_memory": fans,
        "total_messages": totals["messages"] or 0,
        "avg_interactions_per_fan": round(interactions / fans, 2) if fans else 0.0,
        "total_purchases": totals["purchases"] or 0,
        "total_revenue": str(totals["revenue"] or Decimal("0.00")),
        "revenue_by_currency": _revenue_by_currency(creator_id, excluded_fans),
        "cache_hit_rate": round(1 - misses / lookups, 4) if lookups else None,
    }
