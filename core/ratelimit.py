"""Rate limits of the contract, counted atomically in Redis by the `limits` library.

Fixed windows whose clock starts at the first hit (an atomic INCR + EXPIRE in Lua), per creator
and per fan, both counted in one round trip (a request refused at one level still counts at the
other). Scopes: `retrieval` (context and other reads), `save` (one interaction), `bulk`
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
from redis.exceptions import NoScriptError, RedisError
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


def _counted(hits: list) -> list[int]:
    """Each (item, identifiers) hit counted as FixedWindowRateLimiter.hit counts it, in one pipeline."""
    storage = _limiter().storage
    pipe = storage.get_connection().pipeline(transaction=False)
    for item, identifiers in hits:
        pipe.evalsha(storage.lua_incr_expire.sha, 1, storage.prefixed_key(item.key_for(*identifiers)),
                     item.get_expiry(), 1)
    try:
        return [int(count) for count in pipe.execute()]
    except NoScriptError:  # a restarted Redis has forgotten the script: counted one by one, which loads it
        return [storage.incr(item.key_for(*identifiers), item.get_expiry()) for item, identifiers in hits]


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
        hits = [(_item(limits[level]), (scope, level, identity)) for level, identity in checks if level in limits]
        try:
            with CACHE.guard(lambda exc: isinstance(exc, RedisError)):
                return self._allowed(hits)
        except CircuitOpen:
            return settings.RATE_LIMIT_FAIL_OPEN
        except RedisError as exc:
            logger.warning("rate limiter unavailable: %s", type(exc).__name__)
            return settings.RATE_LIMIT_FAIL_OPEN

    def _allowed(self, hits: list) -> bool:
        """Counts the hit at every level in one round trip (the library's own counting script,
        pipelined); on a refusal, sets retry_after from the first level over its limit."""
        counts = _counted(hits)
        for (item, identifiers), count in zip(hits, counts):
            if count > item.amount:
                reset_at, _ = _limiter().get_window_stats(item, *identifiers)
                self.retry_after = max(1, math.ceil(reset_at - time.time()))
                return False
        return True

    @staticmethod
    def _scope(view) -> str | None:
        per_action = getattr(view, "rate_limit_scopes", {})
        return per_action.get(getattr(view, "action", None), getattr(view, "rate_limit_scope", None))

    def wait(self):
        return self.retry_after
