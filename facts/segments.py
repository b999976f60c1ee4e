"""Lifecycle and spend segments: pure rules over a fan's timestamps and spend (documented in the README).

- `churned`: no fan message or purchase for CHURN_DAYS (30);
- `win_back`: a fan who came back after such a silence, for WIN_BACK_DAYS (30) after the return;
- `at_risk`: the emotions app reports disengagement signals (and the fan is not churned);
- `new`: first seen less than NEW_FAN_DAYS (7) ago; `active` otherwise;
- `vip` (beside the lifecycle): total spent at or above the VIP_PERCENTILE (0.9, continuous) of the
  totals of the creator's paying fans.
The lifecycle is computed when read, so it moves with the clock without a write.
"""
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

LIFECYCLES = ("new", "active", "at_risk", "churned", "win_back")
SEGMENTS = LIFECYCLES + ("vip",)


def days(name: str) -> timedelta:
    return timedelta(days=settings.FANMEMORY[name])


def lifecycle_at(*, first_seen, last_active, returned_at, at_risk: bool, now: datetime) -> str:
    if last_active is not None and now - last_active > days("CHURN_DAYS"):
        return "churned"
    if returned_at is not None and now - returned_at <= days("WIN_BACK_DAYS"):
        return "win_back"
    if at_risk:
        return "at_risk"
    if first_seen is None or now - first_seen < days("NEW_FAN_DAYS"):
        return "new"
    return "active"


def came_back(previous_active, latest_active) -> bool:
    """A gap longer than the churn threshold between two activities: the fan had churned and returned."""
    return previous_active is not None and latest_active is not None and \
        latest_active - previous_active > days("CHURN_DAYS")


def lifecycle_q(segment: str, now: datetime) -> Q:
    """The same rules as `lifecycle_at`, as a filter on FanSegment rows."""
    churned = Q(last_active__lt=now - days("CHURN_DAYS"))
    win_back = ~churned & Q(returned_at__gte=now - days("WIN_BACK_DAYS"))
    at_risk = ~churned & ~win_back & Q(at_risk=True)
    new = ~churned & ~win_back & ~Q(at_risk=True) & (Q(first_seen__isnull=True) | Q(first_seen__gt=now - days("NEW_FAN_DAYS")))
    active = ~churned & ~win_back & ~Q(at_risk=True) & Q(first_seen__lte=now - days("NEW_FAN_DAYS"))
    return {"churned": churned, "win_back": win_back, "at_risk": at_risk, "new": new, "active": active,
            "vip": Q(is_vip=True)}[segment]


def ppv_purchase_rate(offers_sent: int, offers_bought: int) -> float | None:
    return round(min(1.0, offers_bought / offers_sent), 4) if offers_sent else None


def infer_utc_offset(hour_counts: list[int], min_messages: int = 20) -> tuple[int, float] | None:
    """The UTC offset that puts the fewest messages in the night (02:00-07:59 local), and how sure.

    People write least while they sleep: the offset whose local night holds the smallest share
    of messages wins; confidence grows with the contrast against a uniform night (25% of hours)
    and with the number of messages, capped at 0.6 (it stays a guess beside a stated zone)."""
    total = sum(hour_counts)
    if len(hour_counts) != 24 or total < min_messages:
        return None
    best = min(range(-11, 15), key=lambda offset: (_night_share(hour_counts, offset, total), abs(offset)))
    share = _night_share(hour_counts, best, total)
    contrast = max(0.0, 1 - share / 0.25)
    confidence = round(min(0.6, contrast * min(1.0, total / 100) * 0.6 + 0.1 * contrast), 2)
    return (best, confidence) if confidence >= 0.3 else None


def _night_share(hour_counts: list[int], offset: int, total: int) -> float:
    night_utc = [(local - offset) % 24 for local in range(2, 8)]
    return sum(hour_counts[hour] for hour in night_utc) / total


def offset_zone(offset: int) -> str:
    """An IANA zone for a whole-hour offset (Etc/GMT signs are inverted by POSIX convention)."""
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
