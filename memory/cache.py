"""The hot list of a fan's recent messages: a Redis LIST, newest first, sealed entries.

Each message carries its sequence number in the fan's history (`FanMemory.seq`); the list keeps the
newest one it holds under `messages:head`. A push lands only on a list whose head is the message
just before, so a push lost to a Redis fault leaves a gap that the next push (or the learning run's
re-sync of the same message) sees: the list is then dropped and rebuilt from PostgreSQL on the next
read. Rebuilds are conditional on the fan's generation (core.cache). An empty history is cached as
a list holding only EMPTY_MARKER.
"""
import orjson
from django.conf import settings

from core import keys
from core.cache import bump_generation, forget, generation_ttl, queue_script
from core.crypto import SealError, seal, unseal

LIST_SUFFIX = "messages"
HEAD_SUFFIX = "messages:head"
EMPTY_MARKER = b"\x00"
# What a cached message holds (the context's recent_messages items).
MESSAGE_FIELDS = ("event_id", "content", "sender", "timestamp", "sentiment", "topics", "metadata")

PUSH_SCRIPT = """
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[5])
local head = tonumber(redis.call('GET', KEYS[3]) or '-1')
local seq = tonumber(ARGV[1])
if head >= seq then return 1 end
if head == seq - 1 and redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('LPUSH', KEYS[2], ARGV[2])
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[4])
  return 1
end
redis.call('DEL', KEYS[2], KEYS[3])
return 0
"""

REBUILD_SCRIPT = """
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
redis.call('RPUSH', KEYS[2], unpack(ARGV, 4))
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('SET', KEYS[3], ARGV[3], 'EX', ARGV[2])
return 1
"""


def conf(name: str):
    return settings.FANMEMORY[name]


def list_keys(creator_id: str, fan_id: str) -> tuple[str, str, str]:
    return (keys.generation_key(creator_id, fan_id), keys.fan_key(creator_id, fan_id, LIST_SUFFIX),
            keys.fan_key(creator_id, fan_id, HEAD_SUFFIX))


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


def queue_push(pipe, creator_id: str, fan_id: str, message: dict, seq: int, late: bool) -> None:
    """Queue on `pipe` the write-through of message number `seq`. A late message (older than the
    list's newest) would land out of order: the list is dropped and rebuilt on the next read."""
    gen_key, list_key, head_key = list_keys(creator_id, fan_id)
    if late:
        pipe.delete(list_key, head_key)
        bump_generation(pipe, creator_id, fan_id)
        return
    queue_script(pipe, PUSH_SCRIPT, 3, gen_key, list_key, head_key, seq, encode_message(message),
                 conf("RECENT_MESSAGES"), conf("MESSAGES_TTL"), generation_ttl())


def queue_read(pipe, creator_id: str, fan_id: str) -> None:
    """Queue the list (one entry more than served, to tell a short history from a trimmed one)."""
    pipe.lrange(keys.fan_key(creator_id, fan_id, LIST_SUFFIX), 0, conf("RECENT_MESSAGES"))


def queue_rebuild(pipe, creator_id: str, fan_id: str, generation: bytes | None, messages: list[dict],
                  head: int) -> None:
    """Queue on `pipe` a rebuild from `messages` (oldest first) whose newest sequence is `head`."""
    entries = [encode_message(message) for message in reversed(messages)] or [EMPTY_MARKER]
    queue_script(pipe, REBUILD_SCRIPT, 3, *list_keys(creator_id, fan_id), generation or b"", conf("MESSAGES_TTL"),
                 head, *entries)


def forget_list(creator_id: str, fan_id: str) -> bool:
    return forget(creator_id, fan_id, LIST_SUFFIX, HEAD_SUFFIX)
