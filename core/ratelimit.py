"""Rate limits of the contract, counted atomically in Redis by the `limits` library.

Fixed windows whose clock starts at the first hit (an atomic INCR + EXPIRE in Lua), per creator
and per fan. Scopes: `retrieval` (context and other reads), `save` (one interaction), `bulk`
(bulk context and batch imports). Limits come from settings.RATE_LIMITS. When Redis is down the
limiter fails open or closed according to settings.RATE_LIMIT_FAIL_OPEN.
"""
import logging
import math
import time
from functools import lru_cache

from django.conf import settings
from django_redis import get_redis_connection
from limits import parse
from limits.storage import RedisStorage
from limits.strategies import FixedWindowRateLimiter
from redis.exceptions import RedisError
from rest_framework.throttling import BaseThrottle

from . import keys
from .breakers import CACHE, CircuitOpen

logger = logging.getLogger("fanmemory.ratelimit")


@lru_cache(maxsize=1)
def _limiter() -> FixedWindowRateLimiter:
    pool = get_redis_connection("default").connection_pool
    return FixedWindowRateLimiter(RedisStorage("redis://", connection_pool=pool, key_prefix="fm:ratelimit"))


@lru_cache(maxsize=64)
def _item(rate: str):
    return parse(rate)


def _fan_id(request, view) -> str | None:
    fan_id = view.kwargs.get("fan_id") if hasattr(view, "kwargs") else None
    if fan_id is None and isinstance(getattr(request, "data", None), dict):
        fan_id = request.data.get("fan_id")
    return fan_id if isinstance(fan_id, str) and len(fan_id) <= 255 else None


class ContractRateLimit(BaseThrottle):
    """Applies the limits of the view's `rate_limit_scope` (a view attribute or per action)."""

    def allow_request(self, request, view) -> bool:
        scope = self._scope(view)
        if scope is None or request.user is None:
            return True
        self.retry_after = None
        checks = [("creator", request.user.creator_id)]
        fan_id = _fan_id(request, view)
        if fan_id is not None:
            checks.append(("fan", keys.fan_tag(request.user.creator_id, fan_id)))  # no fan id in Redis
        limits = settings.RATE_LIMITS[scope]
        try:
            with CACHE.guard(lambda exc: isinstance(exc, RedisError)):
                return all(self._hit(scope, level, identity, limits[level])
                           for level, identity in checks if level in limits)
        except CircuitOpen:
            return settings.RATE_LIMIT_FAIL_OPEN
        except RedisError as exc:
            logger.warning("rate limiter unavailable: %s", type(exc).__name__)
            return settings.RATE_LIMIT_FAIL_OPEN

    def _hit(self, scope: str, level: str, identity: str, rate: str) -> bool:
        item = _item(rate)
        if _limiter().hit(item, scope, level, identity):
            return True
        reset_at, _ = _limiter().get_window_stats(item, scope, level, identity)
        self.retry_after = max(1, math.ceil(reset_at - time.time()))
        return False

    @staticmethod
    def _scope(view) -> str | None:
        per_action = getattr(view, "rate_limit_scopes", {})
        return per_action.get(getattr(view, "action", None), getattr(view, "rate_limit_scope", None))

    def wait(self):
        return self.retry_after
