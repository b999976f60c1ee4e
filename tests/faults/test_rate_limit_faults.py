"""The rate limiter counts both levels in one pipelined round trip; a restarted Redis, which has
forgotten the counting script, still counts and refuses at the limit."""
import orjson

from .processes import LiveServer

FAN_LIMIT = 3
LIMITS = {"retrieval": {"creator": "1000/minute", "fan": f"{FAN_LIMIT}/minute"},
          "save": {"creator": "1000/minute", "fan": "1000/minute"}, "bulk": {"creator": "1000/minute"}}


def statuses(server, key: str, fan: str, count: int) -> list[int]:
    return [server.request(f"/api/v1/fans/{fan}/context/", key=key)[0] for _ in range(count)]


def test_a_restarted_redis_still_counts_both_levels_and_refuses_past_the_limit(app_env, api_key, redis_server, start,
                                                                              tmp_path):
    server = start(LiveServer({**app_env, "RATE_LIMITS_JSON": orjson.dumps(LIMITS).decode()}, tmp_path / "server"))
    assert statuses(server, api_key, "f_limit_a", FAN_LIMIT + 1) == [200] * FAN_LIMIT + [429]
    redis_server.restart()  # scripts and counters gone
    server.wait_until(lambda: server.request("/healthz")[0] == 200, 20, what="the server after Redis' restart")
    assert statuses(server, api_key, "f_limit_b", FAN_LIMIT + 1) == [200] * FAN_LIMIT + [429]
    counters = {key.decode(): int(redis_server.client(0).get(key)) for key in redis_server.client(0).keys("fm:ratelimit*")}
    assert sorted(counters.values()) == [FAN_LIMIT + 1, FAN_LIMIT + 1], counters  # the creator's and the fan's
