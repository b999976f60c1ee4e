"""Redis key names. A fan's keys are named by a keyed hash of (creator, fan), never by the ids, and
the hash is the Redis Cluster hash tag, so one fan's keys share a slot and can be scripted and
pipelined together. `gen` is the fan's generation counter (core.cache)."""
from functools import lru_cache

from .refs import fan_ref


@lru_cache(maxsize=65_536)
def fan_tag(creator_id: str, fan_id: str) -> str:
    return fan_ref(creator_id, fan_id)[:32]


def fan_key(creator_id: str, fan_id: str, suffix: str) -> str:
    return f"fm:fan:{{{fan_tag(creator_id, fan_id)}}}:{suffix}"


def generation_key(creator_id: str, fan_id: str) -> str:
    return fan_key(creator_id, fan_id, "gen")


def all_fan_keys_pattern(creator_id: str, fan_id: str) -> str:
    return f"fm:fan:{{{fan_tag(creator_id, fan_id)}}}:*"


def creator_stats_key(creator_id: str) -> str:
    return f"fm:creator:{creator_id}:stats"
