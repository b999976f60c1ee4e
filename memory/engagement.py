"""Engagement metrics: running totals per fan, and the engagement score.

Score in 0..1 (documented in README, "Engagement score"):
    0.35 * recency + 0.25 * frequency + 0.25 * purchases + 0.15 * reply_rate
    recency    = exp(-days since last interaction / 14)
    frequency  = min(1, fan messages per week since first seen / 20)
    purchases  = 1 - exp(-total purchases / 3)
    reply_rate = fan replies / outgoing (creator or ai) messages, capped at 1
Disengagement damps it: the score is multiplied by DAMPING of the worst current signal's
severity (a fan with a high-severity signal scores at most 0.5: never `high`); `activity_score`
is the score before that.
Level: high >= 0.66, medium >= 0.33, low below.
"""
import math
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from .models import EngagementMetrics, EventType, InteractionEvent, Sender
from core.parts import ContextPart, rows_by_fan
from core.timeutil import iso_utc


WEIGHTS = {"recency": 0.35, "frequency": 0.25, "purchases": 0.25, "reply_rate": 0.15}
RECENCY_DAYS = 14
MESSAGES_PER_WEEK_FOR_FULL_FREQUENCY = 20
PURCHASE_SCALE = 3
HIGH, MEDIUM = 0.66, 0.33
DAMPING = {"low": 0.9, "medium": 0.75, "high": 0.5}
# avg_response_time_seconds is measured within conversations: a reply after a longer silence (a
# night, a day) counts for the reply rate, not for the reply time.
SESSION_BREAK_SECONDS = 3600


def level_for(score: float) -> str:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def components(metrics: EngagementMetrics, now: datetime) -> dict:
    if metrics.last_interaction is None:
        return {name: 0.0 for name in WEIGHTS}
    days_since = max(0.0, (now - metrics.last_interaction).total_seconds() / 86400)
    weeks_known = max(1.0, (now - metrics.first_interaction).total_seconds() / (7 * 86400))
    outgoing = metrics.total_messages - metrics.fan_messages
    return {
        "recency": math.exp(-days_since / RECENCY_DAYS),
        "frequency": min(1.0, metrics.fan_messages / weeks_known / MESSAGES_PER_WEEK_FOR_FULL_FREQUENCY),
        "purchases": 1 - math.exp(-metrics.total_purchases / PURCHASE_SCALE),
        "reply_rate": min(1.0, metrics.response_samples / outgoing) if outgoing else 0.0,
    }


def score(metrics: EngagementMetrics, now: datetime) -> float:
    parts = components(metrics, now)
    return round(sum(WEIGHTS[name] * value for name, value in parts.items()), 4)


def record(*, creator_id: str, event: dict) -> EngagementMetrics:
    """The fan's totals with one event folded in, row locked in the event's transaction; saving
    them is the caller's (memory.services, with the event)."""
    metrics = _locked_metrics(creator_id, event["fan_id"])
    at = event["occurred_at"]
    metrics.first_interaction = min(filter(None, [metrics.first_interaction, at]))
    metrics.last_interaction = max(filter(None, [metrics.last_interaction, at]))
    if event["type"] == EventType.MESSAGE:
        _record_message(metrics, event["message"]["sender"], at)
    elif event["type"] == EventType.PURCHASE:
        metrics.total_purchases += 1
        metrics.total_revenue += Decimal(event["purchase"]["amount"])
    metrics.engagement_score = Decimal(str(round(score(metrics, timezone.now()), 2)))
    return metrics


def _locked_metrics(creator_id: str, fan_id: str) -> EngagementMetrics:
    locked = EngagementMetrics.objects.select_for_update().filter(creator_id=creator_id, fan_id=fan_id)
    metrics = locked.first()
    if metrics is None:  # the fan's first event; a concurrent first event may be inserting it too
        EngagementMetrics.objects.bulk_create([EngagementMetrics(creator_id=creator_id, fan_id=fan_id)],
                                              ignore_conflicts=True)
        metrics = locked.get()
    return metrics


def _record_message(metrics: EngagementMetrics, sender: str, at: datetime) -> None:
    metrics.total_messages += 1
    if sender != Sender.FAN:
        metrics.awaiting_reply_since = max(filter(None, [metrics.awaiting_reply_since, at]))
        return
    metrics.fan_messages += 1
    if metrics.awaiting_reply_since and at >= metrics.awaiting_reply_since:
        delay = (at - metrics.awaiting_reply_since).total_seconds()
        metrics.response_samples += 1
        if delay <= SESSION_BREAK_SECONDS:  # a later answer opens a new conversation: not a reply time
            previous = metrics.avg_response_time_seconds or 0
            metrics.timed_replies += 1
            metrics.avg_response_time_seconds = round(previous + (delay - previous) / metrics.timed_replies)
        metrics.awaiting_reply_since = None


def with_disengagement(engagement: dict, severity: str | None) -> dict:
    """The engagement part with its score damped by the worst disengagement severity (None: none)."""
    value = round(engagement["activity_score"] * DAMPING.get(severity, 1.0), 4)
    return {**engagement, "engagement_score": value, "engagement_level": level_for(value),
            "disengagement_severity": severity}


def metrics_to_dict(metrics: EngagementMetrics | None, now: datetime, revenue_by_currency: dict | None = None) -> dict:
    """`revenue_by_currency`: the fan's purchases summed per currency (decimal strings)."""
    if metrics is None:
        return {
            "engagement_score": 0.0, "engagement_level": "low", "activity_score": 0.0,
            "disengagement_severity": None, "total_messages": 0, "total_purchases": 0,
            "total_revenue": "0.00", "revenue_by_currency": {}, "avg_response_time_seconds": None,
            "first_interaction": None, "last_interaction": None,
        }
    value = score(metrics, now)
    return {
        "engagement_score": value,
        "engagement_level": level_for(value),
        "activity_score": value,
        "disengagement_severity": None,
        "total_messages": metrics.total_messages,
        "total_purchases": metrics.total_purchases,
        "total_revenue": str(metrics.total_revenue),
        "revenue_by_currency": revenue_by_currency or {},
        "avg_response_time_seconds": metrics.avg_response_time_seconds,
        "first_interaction": iso_utc(metrics.first_interaction),
        "last_interaction": iso_utc(metrics.last_interaction),
    }


def revenue_by_currency(creator_id: str, fan_ids: list[str]) -> dict[str, dict[str, str]]:
    """Each fan's purchases summed per currency, never added across currencies: one grouped query
    on the events' (creator, fan_id, occurred_at) index."""
    rows = (InteractionEvent.objects.filter(creator_id=creator_id, fan_id__in=fan_ids, type=EventType.PURCHASE)
            .values("fan_id", "currency").annotate(total=Sum("amount")).order_by("fan_id", "currency"))
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found.setdefault(row["fan_id"], {})[row["currency"]] = str(row["total"])
    return found


def metrics_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    rows = rows_by_fan(EngagementMetrics.objects.all(), creator_id, fan_ids)
    revenue = revenue_by_currency(creator_id, [fan_id for fan_id in fan_ids if fan_id in rows]) if rows else {}
    now = timezone.now()
    return {fan_id: metrics_to_dict(rows.get(fan_id), now, revenue.get(fan_id)) for fan_id in fan_ids}


CONTEXT_PART = ContextPart(
    name="engagement_metrics",
    cache_suffix="engagement",
    ttl=settings.FANMEMORY["ENGAGEMENT_TTL"],
    load_many=metrics_for,
)


def scores_refresh(batch_size: int = 1000) -> int:
    """Recompute stored scores (recency decays with time): keeps list sorting and filtering honest."""
    now, updated, last_pk = timezone.now(), 0, 0
    while True:
        batch = list(EngagementMetrics.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return updated
        for metrics in batch:
            metrics.engagement_score = Decimal(str(round(score(metrics, now), 2)))
        EngagementMetrics.objects.bulk_update(batch, ["engagement_score"])
        updated += len(batch)
        last_pk = batch[-1].pk
