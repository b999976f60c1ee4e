"""Redis key names (the seed's layout). The fan id sits in a hash tag so one fan's keys share a
Redis Cluster slot and can be pipelined together; every key also carries the creator."""


def fan_key(creator_id: str, fan_id: str, suffix: str) -> str:
    return f"memory:fan:{{{fan_id}}}:creator:{creator_id}:{suffix}"


def messages_key(creator_id: str, fan_id: str) -> str:
    return fan_key(creator_id, fan_id, "messages")


def generation_key(creator_id: str, fan_id: str) -> str:
    return fan_key(creator_id, fan_id, "messages:gen")


def engagement_key(creator_id: str, fan_id: str) -> str:
    return fan_key(creator_id, fan_id, "engagement")


def all_fan_keys_pattern(creator_id: str, fan_id: str) -> str:
    return f"memory:fan:{{{fan_id}}}:creator:{creator_id}:*"


def creator_stats_key(creator_id: str) -> str:
    return f"memory:creator:{creator_id}:stats"
