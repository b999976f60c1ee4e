"""PostgreSQL cut or stalled under a live server: cached reads go on (marked degraded), writes are
503 DATABASE_ERROR with Retry-After within seconds, nothing acknowledged is lost, nothing half-saved."""
import time
import urllib.error
import urllib.request

import orjson
import pytest

from memory.models import FanMemory, InteractionEvent
from tests.conftest import message

from .processes import LiveServer, wait_until


def call(server: LiveServer, path: str, key: str, body=None, timeout: float = 30):
    """(status, JSON body, headers: case-insensitive) of one request."""
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key}"}
    request = urllib.request.Request(server.url + path, None if body is None else orjson.dumps(body), headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, orjson.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read()), error.headers


@pytest.fixture
def fast_key_expiry(app_env):
    """Each server process re-verifies keys every second, so an outage reaches authentication soon."""
    app_env["API_KEY_CACHE_SECONDS"] = "1"


def saved_and_read(server, api_key, fans: list[str]) -> int:
    saved = 0
    for fan_id in fans:
        for index in range(3):
            status, _, _ = call(server, "/api/v1/interactions/", api_key,
                                message(f"{fan_id}-{index}", fan_id=fan_id, content=f"message {index} of {fan_id}"))
            assert status == 201
            saved += 1
        for _ in range(2):  # both server processes: every part of the context cached
            assert call(server, f"/api/v1/fans/{fan_id}/context/", api_key)[0] == 200
    return saved


def test_postgresql_cut_serves_cached_contexts_degraded_and_refuses_writes(fast_key_expiry, server, api_key,
                                                                           pg_proxy):
    fans = ["f_a", "f_b"]
    acknowledged = saved_and_read(server, api_key, fans)
    pg_proxy.cut()
    for index in range(12):  # both processes see the outage and open their circuits
        started = time.monotonic()
        status, body, headers = call(server, "/api/v1/interactions/", api_key, message(f"cut-{index}", fan_id="f_a"))
        assert status == 503 and body["error"]["type"] == "DATABASE_ERROR" and headers["Retry-After"]
        assert time.monotonic() - started < 3

    def degraded_read():
        status, body, headers = call(server, "/api/v1/fans/f_a/context/", api_key)
        return status == 200 and body["degraded"] is True and headers.get("X-Degraded") == "database" and body
    body = wait_until(degraded_read, 15, what="a cached context served degraded")
    assert [m["event_id"] for m in body["recent_messages"]] == ["f_a-0", "f_a-1", "f_a-2"]
    status, body, _ = call(server, "/api/v1/interactions/batch/", api_key,
                           {"events": [message("batch-1", fan_id="f_b"), message("batch-2", fan_id="f_b")]})
    assert status == 200 and {item["status"] for item in body["results"]} == {503}
    assert {item["error"]["type"] for item in body["results"]} == {"DATABASE_ERROR"}
    pg_proxy.restore()
    assert InteractionEvent.objects.count() == FanMemory.objects.count() == acknowledged  # nothing half-saved


def test_postgresql_stalled_answers_503_within_3_seconds(server, api_key, pg_proxy):
    saved_and_read(server, api_key, ["f_s"])
    pg_proxy.stall()
    for index in range(4):  # pooled connections of both processes, then new ones
        started = time.monotonic()
        status, body, headers = call(server, "/api/v1/interactions/", api_key, message(f"stall-{index}", fan_id="f_s"))
        elapsed = time.monotonic() - started
        assert status == 503 and body["error"]["type"] == "DATABASE_ERROR" and headers["Retry-After"]
        assert elapsed < 3, f"request {index} took {elapsed:.2f} s"
    pg_proxy.restore()
    wait_until(lambda: call(server, "/api/v1/fans/f_s/context/", api_key)[0] == 200, 20,
               what="the server to serve again once PostgreSQL answers")
