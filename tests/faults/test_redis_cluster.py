"""The hot cache and the rate limits on a real Redis Cluster of three masters (scripts.redis_cluster):
a fan's keys in one slot, spread over the masters, erased together; a master lost is a miss."""
import re
from collections import defaultdict

import pytest

from scripts.redis_cluster import RedisClusterNodes

from .conftest import running
from .processes import LiveServer
from .support import get, message

FANS = [f"f_cluster_{n}" for n in range(24)]
SAVES_PER_MINUTE = 3
LIMITS = ('{"retrieval": {"creator": "100000/minute", "fan": "100000/minute"}, '
          f'"save": {{"creator": "100000/minute", "fan": "{SAVES_PER_MINUTE}/minute"}}, '
          '"bulk": {"creator": "100000/minute"}}')
TAG = re.compile(rb"\{([0-9a-f]+)\}")


@pytest.fixture
def redis_cluster():
    with RedisClusterNodes() as cluster:
        yield cluster


@pytest.fixture
def cluster_server(app_env, redis_cluster, tmp_path):
    env = {**app_env, "REDIS_CLUSTER_URL": redis_cluster.url, "RATE_LIMITS_JSON": LIMITS,
           "CELERY_TASK_ALWAYS_EAGER": "true"}
    yield from running(LiveServer(env, tmp_path / "server", workers=1))


def keys_by_node(cluster) -> dict[int, list[bytes]]:
    return {port: list(cluster.node(port).scan_iter(count=1000)) for port in cluster.ports}


def tags_by_node(cluster) -> dict[bytes, set[int]]:
    nodes = defaultdict(set)
    for port, keys in keys_by_node(cluster).items():
        for key in keys:
            if match := TAG.search(key):
                nodes[match.group(1)].add(port)
    return nodes


def data_tags(cluster) -> set[bytes]:
    """The fans with a key on the cluster other than their generation counter."""
    return {match.group(1) for keys in keys_by_node(cluster).values() for key in keys
            if not key.endswith(b":gen") and (match := TAG.search(key))}


def fill(server, key: str) -> None:
    for fan in FANS:
        status, body = server.request("/api/v1/interactions/", message(f"{fan}-1", fan, f"hello from {fan}"), key=key)
        assert status == 201, body
        assert get(server, f"/api/v1/fans/{fan}/context/", key)["recent_messages"][0]["content"] == f"hello from {fan}"


def test_each_fan_in_one_slot_fans_over_every_master(cluster_server, api_key, redis_cluster, redis_server):
    fill(cluster_server, api_key)
    placement = tags_by_node(redis_cluster)
    assert len(placement) == len(FANS)
    assert all(len(ports) == 1 for ports in placement.values())  # cache and counters of a fan together
    assert {port for ports in placement.values() for port in ports} == set(redis_cluster.ports)
    assert not redis_server.client().keys("fm:*")  # nothing of the cache on the single Redis


def test_rate_limits_count_on_the_cluster(cluster_server, api_key):
    fan = FANS[0]
    statuses = [cluster_server.request("/api/v1/interactions/", message(f"r{n}", fan, "again"), key=api_key)[0]
                for n in range(SAVES_PER_MINUTE + 1)]
    assert statuses == [201] * SAVES_PER_MINUTE + [429]


def test_an_erasure_removes_the_fans_keys_from_the_cluster(cluster_server, api_key, redis_cluster):
    fill(cluster_server, api_key)
    before = data_tags(redis_cluster)
    status, _ = cluster_server.request(f"/api/v1/fans/{FANS[0]}/", key=api_key, method="DELETE")
    assert status == 204
    after = data_tags(redis_cluster)
    assert after < before and len(before - after) == 1  # its cache and counters, in one transaction
    assert len(tags_by_node(redis_cluster)) == len(FANS)  # the erased fan keeps its generation counter only


def test_a_lost_master_is_a_cache_miss(cluster_server, api_key, redis_cluster):
    fill(cluster_server, api_key)
    redis_cluster.processes[1].kill()
    for fan in FANS:
        context = get(cluster_server, f"/api/v1/fans/{fan}/context/", api_key)
        assert context["recent_messages"][0]["content"] == f"hello from {fan}"
    saved = message("after", FANS[0], "still saved")
    status, body = cluster_server.request("/api/v1/interactions/", saved, key=api_key)
    assert status == 201, body
    assert "redis unavailable" in cluster_server.log()
