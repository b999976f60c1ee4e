"""The hot cache of recent messages: a Redis LIST per fan, newest first, sealed entries.

Write-through after commit (LPUSHX, so a missing list is never half-filled), read-through on a
miss. A rebuild from the database only lands if no write bumped the fan's generation counter
since the reader started, so a slow reader cannot overwrite a newer list with an older one.
An empty history is cached as a list holding only EMPTY_MARKER.
The database is the source of truth: any Redis failure is logged and treated as a miss.
"""
import logging

import orjson
from django.conf import settings
from django_redis import get_redis_connection
from redis.exceptions import RedisError

from . import keys
from .crypto import SealError, seal, unseal

logger = logging.getLogger("fanmemory.cache")

EMPTY_MARKER = b"\x00"

REBUILD_SCRIPT = """
local current = redis.call('GET', KEYS[2]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""


def redis_client():
    return get_redis_connection("default")


def conf(name: str):
    return settings.FANMEMORY[name]


def encode_message(message: dict) -> bytes:
    return seal(orjson.dumps(message))


def decode_messages(entries: list[bytes]) -> list[dict] | None:
    """Newest-first sealed entries -> oldest-first messages; None when an entry cannot be read."""
    messages = []
    try:
        for entry in entries:
            if entry != EMPTY_MARKER:
                messages.append(orjson.loads(unseal(entry)))
    except (SealError, orjson.JSONDecodeError):
        return None
    messages.reverse()
    return messages


def push_message(pipe, creator_id: str, fan_id: str, message: dict, late: bool) -> None:
    """Queue on `pipe` the write-through of one new message (run inside MULTI)."""
    list_key = keys.messages_key(creator_id, fan_id)
    gen_key = keys.generation_key(creator_id, fan_id)
    pipe.incr(gen_key)
    pipe.expire(gen_key, conf("MESSAGES_TTL") * 2)
    if late:  # an old message would land out of order: let the next read rebuild the list
        pipe.delete(list_key)
        return
    pipe.lpushx(list_key, encode_message(message))
    pipe.ltrim(list_key, 0, conf("RECENT_MESSAGES") - 1)
    pipe.expire(list_key, conf("MESSAGES_TTL"))


def queue_rebuild(pipe, creator_id: str, fan_id: str, generation: bytes | None, messages: list[dict]) -> None:
    """Queue on `pipe` a conditional rebuild of the list from `messages` (oldest first)."""
    entries = [encode_message(message) for message in reversed(messages)] or [EMPTY_MARKER]
    pipe.eval(
        REBUILD_SCRIPT,
        2,
        keys.messages_key(creator_id, fan_id),
        keys.generation_key(creator_id, fan_id),
        generation or b"",
        conf("MESSAGES_TTL"),
        *entries,
    )


def run(description: str, build, atomic: bool = False) -> list | None:
    """Run a pipeline built by `build(pipe)` in one round trip; None (logged) when Redis fails."""
    try:
        pipe = redis_client().pipeline(transaction=atomic)
        build(pipe)
        return pipe.execute()
    except RedisError as exc:
        logger.warning("redis unavailable during %s: %s", description, type(exc).__name__)
        return None


def forget_parts(creator_id: str, fan_id: str, *suffixes: str) -> None:
    """Invalidate cached parts of a fan's context (each app calls it after changing its part)."""
    cache_keys = [keys.fan_key(creator_id, fan_id, suffix) for suffix in suffixes]
    run("invalidate", lambda pipe: pipe.delete(*cache_keys))
