"""Redis for every app: one round trip per pipeline, sealed values, refills that lose to writers.

Every cached value is sealed (AES-GCM, core.crypto): a Redis dump shows no personal data. A fan's
keys share one generation counter: a writer bumps it when it forgets a part (`forget`), an erasure
bumps it and deletes the rest. A refill lands only if the generation is still the one the reader
saw before it read PostgreSQL, so neither a slow reader nor one racing an erasure writes stale or
erased data back; and only for a fan still on record (an anchor row, core.registry), checked after
the values were read, so a read after an erasure (or of a fan never seen) caches nothing: the
erasure leaves only the generation counter. The database is the source of truth: a Redis failure
is logged and is a miss.
"""
import logging
from functools import lru_cache

import orjson
from django.conf import settings
from django.db import transaction
from django_redis import get_redis_connection
from redis.cluster import RedisCluster
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisClusterException, RedisError

from . import keys, registry
from .breakers import CACHE, CircuitOpen
from .crypto import SealError, seal, unseal

logger = logging.getLogger("fanmemory.cache")

# Set the parts (KEYS[2..], values and TTLs in ARGV pairs after the generation) only if the fan's
# generation (KEYS[1]) is unchanged since the read.
REFILL_SCRIPT = """
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2 * i - 2], 'EX', ARGV[2 * i - 1]) end
return 1
"""


def redis_client():
    """django-redis's client of one Redis (REDIS_URL), or redis-py's RedisCluster when
    REDIS_CLUSTER_URL names a node of a cluster (a fan's keys share a slot: core.keys)."""
    if settings.REDIS_CLUSTER_URL:
        return cluster_client(settings.REDIS_CLUSTER_URL)
    return get_redis_connection("default")


@lru_cache(maxsize=4)
def cluster_client(url: str) -> RedisCluster:
    """One client per process and URL; an unreachable cluster is a RedisError, like a down Redis."""
    try:
        return RedisCluster.from_url(url, **settings.REDIS_CLUSTER_OPTIONS)
    except RedisClusterException as exc:
        raise RedisConnectionError("Redis Cluster unreachable") from exc


def used_memory() -> int:
    """Bytes Redis uses: summed over the masters of a cluster."""
    client = redis_client()
    if isinstance(client, RedisCluster):
        return sum(info["used_memory"] for info in client.info("memory", target_nodes=RedisCluster.PRIMARIES).values())
    return client.info("memory")["used_memory"]


def generation_ttl() -> int:
    return settings.FANMEMORY["GENERATION_TTL"]


def run(description: str, build, atomic: bool = False) -> list | None:
    """Run a pipeline built by `build(pipe)` in one round trip; None when Redis fails (logged) or
    while the cache circuit is open (core.breakers: no wait on timeouts then)."""
    try:
        with CACHE.guard(lambda exc: isinstance(exc, RedisError)):
            pipe = redis_client().pipeline(transaction=atomic)
            build(pipe)
            return pipe.execute()
    except CircuitOpen:
        return None
    except RedisError as exc:
        logger.warning("redis unavailable during %s: %s", description, type(exc).__name__)
        return None


def dump(value) -> bytes:
    return seal(orjson.dumps(value))


def load(raw: bytes | None):
    """A sealed value, or None when absent or unreadable (rotated key, corrupted)."""
    if raw is None:
        return None
    try:
        return orjson.loads(unseal(raw))
    except (SealError, orjson.JSONDecodeError):
        return None


def queue_script(pipe, script: str, numkeys: int, *keys_and_args) -> None:
    """Queue EVAL on `pipe`. As a command: redis-py's cluster pipeline refuses its `eval` method but
    routes the command by its keys (one slot: a fan's keys share their hash tag)."""
    pipe.execute_command("EVAL", script, numkeys, *keys_and_args)


def bump_generation(pipe, creator_id: str, fan_id: str) -> None:
    gen_key = keys.generation_key(creator_id, fan_id)
    pipe.incr(gen_key)
    pipe.expire(gen_key, generation_ttl())


def queue_refill(pipe, creator_id: str, fan_id: str, generation: bytes | None, values: dict) -> None:
    """Queue on `pipe` the refill of parts {suffix: (value, ttl)}, conditional on the generation."""
    if not values:
        return
    suffixes = list(values)
    args = [value_and_ttl for suffix in suffixes for value_and_ttl in (dump(values[suffix][0]), values[suffix][1])]
    queue_script(pipe, REFILL_SCRIPT, 1 + len(suffixes), keys.generation_key(creator_id, fan_id),
                 *(keys.fan_key(creator_id, fan_id, suffix) for suffix in suffixes), generation or b"", *args)


def fans_on_record(creator_id: str, fan_ids) -> set[str]:
    """The fans among `fan_ids` that the database holds: a row in the first anchor of the erasure
    (core.registry; memory's engagement row, which every fan with memory has), deleted first by an
    erasure. Called after reading the values to refill: a fan found then was not erased before the
    read, so its generation, read before, guards the refill; a fan not found is not cached."""
    anchor = next(source for source in registry.sources() if source.anchor)
    return set(anchor.model.objects.filter(**{anchor.creator_field: creator_id, f"{anchor.fan_field}__in": fan_ids})
               .values_list(anchor.fan_field, flat=True))


def forget(creator_id: str, fan_id: str, *suffixes: str) -> bool:
    """Drop parts of a fan's context and bump the generation, so no refill in flight lands."""
    cache_keys = [keys.fan_key(creator_id, fan_id, suffix) for suffix in suffixes]

    def build(pipe):
        pipe.delete(*cache_keys)
        bump_generation(pipe, creator_id, fan_id)

    return run("invalidate", build, atomic=True) is not None


def forget_on_commit(creator_id: str, fan_id: str, *suffixes: str) -> None:
    transaction.on_commit(lambda: forget(creator_id, fan_id, *suffixes))


def read_through(creator_id: str, fan_id: str, suffix: str, ttl: int, compute):
    """The cached part `suffix`, or `compute()` stored under the generation guard."""
    found = run("read", lambda pipe: (pipe.get(keys.generation_key(creator_id, fan_id)),
                                      pipe.get(keys.fan_key(creator_id, fan_id, suffix))))
    value = load(found[1]) if found else None
    if value is not None:
        return value
    value = compute()
    if found is not None and fans_on_record(creator_id, [fan_id]):
        run("refill", lambda pipe: queue_refill(pipe, creator_id, fan_id, found[0], {suffix: (value, ttl)}))
    return value
