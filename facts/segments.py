"""Lifecycle and spend segments: pure rules over a fan's timestamps and spend (documented in the README).

- `churned`: no fan message or purchase for CHURN_DAYS (30);
- `win_back`: a fan who came back after such a silence, for WIN_BACK_DAYS (30) after the return;
- `at_risk`: the emotions app reports disengagement signals (and the fan is not churned);
- `new`: first seen less than NEW_FAN_DAYS (7) ago; `active` otherwise;
- `vip` (beside the lifecycle): total spent at or above the VIP_PERCENTILE (0.9, continuous) of the
  totals of the creator's paying fans and at least VIP_MIN_SPENT (100.00); nobody is VIP while the
  creator has fewer than VIP_MIN_PAYING_FANS (10) paying fans.
The lifecycle is computed when read, so it moves with the clock without a write.
"""
import math
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


PEAK_LOCAL_HOUR = 20  # fans write most in the evening: the centre of their activity is taken as 20:00 local


def infer_utc_offset(hour_counts: list[int], min_messages: int = 20) -> tuple[int, float] | None:
    """A UTC offset from the hours a fan writes at, and how sure (at most 0.6: it stays a guess).

    The circular mean of the fan's UTC hours is taken as PEAK_LOCAL_HOUR; the confidence is the
    concentration of those hours (the mean resultant length, 0 for activity spread all day)."""
    total = sum(hour_counts)
    if len(hour_counts) != 24 or total < min_messages:
        return None
    x = sum(count * math.cos(2 * math.pi * hour / 24) for hour, count in enumerate(hour_counts)) / total
    y = sum(count * math.sin(2 * math.pi * hour / 24) for hour, count in enumerate(hour_counts)) / total
    concentration = math.hypot(x, y)
    confidence = round(0.6 * concentration, 2)
    if confidence < 0.3:
        return None
    mean_hour = (math.atan2(y, x) * 24 / (2 * math.pi)) % 24
    offset = (round(PEAK_LOCAL_HOUR - mean_hour) + 11) % 24 - 11  # into -11..+12
    return offset, confidence


def offset_zone(offset: int) -> str:
    """An IANA zone for a whole-hour offset (Etc/GMT signs are inverted by POSIX convention)."""
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
