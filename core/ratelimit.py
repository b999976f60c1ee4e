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
from limits.storage import RedisClusterStorage, RedisStorage
from limits.strategies import FixedWindowRateLimiter
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, RedisClusterException, RedisError
from rest_framework.throttling import BaseThrottle

from . import keys
from .breakers import CACHE, CircuitOpen

logger = logging.getLogger("fanmemory.ratelimit")


KEY_PREFIX = "fm:ratelimit"


def _limiter() -> FixedWindowRateLimiter:
    return _limiter_on(settings.REDIS_CLUSTER_URL)


@lru_cache(maxsize=4)
def _limiter_on(cluster_url: str | None) -> FixedWindowRateLimiter:
    if cluster_url:
        location = cluster_url.split("://", 1)[1]
        try:
            storage = RedisClusterStorage(f"redis+cluster://{location}", key_prefix=KEY_PREFIX,
                                          **settings.REDIS_CLUSTER_OPTIONS)
        except RedisClusterException as exc:
            raise RedisConnectionError("Redis Cluster unreachable") from exc
    else:
        pool = get_redis_connection("default").connection_pool
        storage = RedisStorage("redis://", connection_pool=pool, key_prefix=KEY_PREFIX)
    return FixedWindowRateLimiter(storage)


@lru_cache(maxsize=64)
def _item(rate: str):
    return parse(rate)


def _counted(hits: list) -> list[int]:
    """Each (item, identifiers) hit counted as FixedWindowRateLimiter.hit counts it, in one pipeline
    (EVALSHA as a command: redis-py's cluster pipeline refuses its `evalsha` method, not the command)."""
    storage = _limiter().storage
    pipe = storage.get_connection().pipeline(transaction=False)
    for item, identifiers in hits:
        key = storage.prefixed_key(item.key_for(*identifiers))
        pipe.execute_command("EVALSHA", storage.lua_incr_expire.sha, 1, key, item.get_expiry(), 1)
    try:
        return [int(count) for count in pipe.execute()]
    except NoScriptError:  # a restarted Redis has forgotten the script: counted one by one, which loads it
        return [storage.incr(item.key_for(*identifiers), item.get_expiry()) for item, identifiers in hits]


def fan_identity(creator_id: str, fan_id: str) -> str:
    """The fan's counter name: the keyed hash (no fan id in Redis) as the hash tag, so the counters
    share the slot of the fan's other keys and an erasure deletes them all in one transaction."""
    return f"{{{keys.fan_tag(creator_id, fan_id)}}}"


def fan_counter_keys(creator_id: str, fan_id: str) -> list[str]:
    """The Redis keys of the fan's counters under the current limits."""
    storage = _limiter().storage
    identity = fan_identity(creator_id, fan_id)
    return [storage.prefixed_key(_item(levels["fan"]).key_for(scope, "fan", identity))
            for scope, levels in settings.RATE_LIMITS.items() if "fan" in levels]


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
            checks.append(("fan", fan_identity(request.user.creator_id, fan_id)))
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
