"""Rollout switches, changed without a deploy (the admin, `manage.py rollout`), seen by every process.

- The service mode: in read-only mode every API write answers 503 READ_ONLY with Retry-After,
  reads are served. Kept in PostgreSQL (one row), each process re-reading it at most every
  SWITCH_CACHE_SECONDS. Not in Redis: a write needs PostgreSQL anyway, so the switch depends on
  nothing a write does not already need, and Redis down changes nothing.
- Each creator's rollout share (`Creator.rollout_percent`, 100 unless set): the fans for whom
  personality calibration and recall are on (fans.policy); the others are served defaults. A fan's
  bucket (0-99) is a hash of (creator, fan): stable, so raising the share only adds fans.
"""
import hashlib
import threading
import time

from cachetools import TTLCache
from django.conf import settings

from .models import Creator, ServiceMode

_lock = threading.Lock()
_mode: tuple[float, ServiceMode] | None = None
_shares: TTLCache | None = None


def _ttl() -> float:
    return settings.FANMEMORY["SWITCH_CACHE_SECONDS"]


def service_mode() -> ServiceMode:
    """The mode as this process last read it (at most SWITCH_CACHE_SECONDS ago)."""
    global _mode
    cached = _mode
    if cached is None or time.monotonic() - cached[0] > _ttl():
        mode = ServiceMode.objects.filter(pk=1).first() or ServiceMode()
        _mode = cached = (time.monotonic(), mode)
    return cached[1]


def read_only_set(*, on: bool, retry_after: int | None = None) -> ServiceMode:
    mode = ServiceMode.objects.filter(pk=1).first() or ServiceMode()
    mode.read_only = on
    if retry_after is not None:
        mode.retry_after_seconds = retry_after
    mode.save()
    forget()
    return mode


def share_of(creator_id: str) -> int:
    """The creator's rollout percent as this process last read it (100 for an unknown creator)."""
    global _shares
    with _lock:
        if _shares is None:
            _shares = TTLCache(maxsize=10_000, ttl=_ttl())
        percent = _shares.get(creator_id)
    if percent is None:
        percent = Creator.objects.filter(pk=creator_id).values_list("rollout_percent", flat=True).first()
        percent = 100 if percent is None else percent
        with _lock:
            _shares[creator_id] = percent
    return percent


def share_set(*, creator_id: str, percent: int) -> None:
    """Raises ValueError for a percent out of 0..100, LookupError for an unknown creator."""
    if not 0 <= percent <= 100:
        raise ValueError("The rollout share is a percent: 0 to 100.")
    if not Creator.objects.filter(pk=creator_id).update(rollout_percent=percent):
        raise LookupError("No such creator.")
    forget()


def bucket(creator_id: str, fan_id: str) -> int:
    """The fan's place (0-99) in the creator's rollout, the same in every process and release."""
    digest = hashlib.sha256(f"{creator_id}\x00{fan_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100


def in_share(*, creator_id: str, fan_id: str) -> bool:
    percent = share_of(creator_id)
    return percent >= 100 or (percent > 0 and bucket(creator_id, fan_id) < percent)


def forget() -> None:
    """This process reads the switches again at once (the others within SWITCH_CACHE_SECONDS)."""
    global _mode, _shares
    with _lock:
        _mode, _shares = None, None
