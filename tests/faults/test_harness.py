"""The fault harness itself: the proxy, the own Redis, the server and the worker do what fault tests rely on."""
import queue
import threading
import time

import orjson
import psycopg
import pytest
import redis
from django.conf import settings

from tests.conftest import message


def connect(proxy) -> psycopg.Connection:
    """To the maintenance database through the proxy (these tests need no test database)."""
    db = settings.DATABASES["default"]
    return psycopg.connect(host="127.0.0.1", port=proxy.port, user=db["USER"], password=db["PASSWORD"],
                           dbname="postgres", connect_timeout=2)


def select_one(proxy) -> tuple:
    with connect(proxy) as connection:
        return connection.execute("SELECT 1").fetchone()


def seconds(action) -> float:
    started = time.monotonic()
    action()
    return time.monotonic() - started


def connect_fails(proxy) -> None:
    with pytest.raises(psycopg.OperationalError):
        connect(proxy)


def test_the_proxy_forwards_to_postgresql(pg_proxy):
    assert select_one(pg_proxy) == (1,)


def test_cut_closes_open_connections_and_refuses_new_ones_until_restore(pg_proxy):
    with connect(pg_proxy) as connection:
        pg_proxy.cut()
        with pytest.raises(psycopg.OperationalError):
            connection.execute("SELECT 1")
    assert seconds(lambda: connect_fails(pg_proxy)) < 1
    pg_proxy.restore()
    assert select_one(pg_proxy) == (1,)


def test_stall_holds_every_byte_until_restore(pg_proxy):
    held = connect(pg_proxy)  # not closed if the test fails: pg_proxy's teardown cuts it, nothing waits on it
    held.execute("SET statement_timeout = 100")
    pg_proxy.stall()
    # a new connection waits for PostgreSQL's greeting: only connect_timeout (2 s) ends it
    assert seconds(lambda: connect_fails(pg_proxy)) < 4
    # an open one's query never reaches PostgreSQL: its statement_timeout (100 ms) cannot end it
    answers = queue.Queue()
    threading.Thread(target=lambda: answers.put(held.execute("SELECT 1").fetchone()), daemon=True).start()
    with pytest.raises(queue.Empty):
        answers.get(timeout=1)
    pg_proxy.restore()
    assert answers.get(timeout=5) == (1,)
    held.close()
    assert select_one(pg_proxy) == (1,)


def test_the_own_redis_pauses_resumes_and_restarts_empty(redis_server):
    client = redis_server.client(socket_timeout=0.5)
    client.set("key", "value")
    redis_server.pause()
    with pytest.raises(redis.TimeoutError):
        client.ping()
    redis_server.resume()
    assert client.get("key") == b"value"
    port = redis_server.port
    redis_server.restart()
    assert redis_server.port == port and client.get("key") is None


def test_server_and_worker_use_the_test_database_and_the_own_redis(server, celery_worker, api_key, redis_server):
    status, body = server.request("/readyz")
    assert status == 200, body
    status, body = server.request("/api/v1/interactions/", message(), key=api_key)
    assert status == 201, body

    def learned():  # by the worker, from the message the server queued in the own Redis
        status, body = server.request("/api/v1/fans/f_1/personality/", key=api_key)
        return status == 200 and orjson.loads(body)["interaction_count"] == 1
    celery_worker.wait_until(learned, 30, interval=0.2, what="the worker to learn from the message")
    assert redis_server.client().dbsize() > 0  # the server's cache
