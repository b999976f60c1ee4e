"""The hot cache under faults: a paused Redis heals without a gap; Redis holds no personal data."""
import time

from .processes import wait_until
from .support import Stopwatch, get, message, sql, unlearned

FAN = "f_cache"
LIST_KEYS = "fm:fan:*:messages"


def save(server, key: str, event_id: str, content: str, timeout: float = 2) -> float:
    """Save one message (it must answer 201); returns the seconds it took."""
    started = time.monotonic()
    status, body = server.request("/api/v1/interactions/", message(event_id, FAN, content), key=key, timeout=timeout)
    assert status == 201, body
    return time.monotonic() - started


def cached_ids(server, key: str) -> list[str] | None:
    context = get(server, f"/api/v1/fans/{FAN}/context/", key)
    return context and [item["event_id"] for item in context["recent_messages"]]


def stored_ids() -> list[str]:
    return [row[0] for row in sql("SELECT event_id FROM fan_memories WHERE fan_id = %s ORDER BY seq", FAN)]


def test_a_paused_redis_leaves_no_gap_in_the_hot_list(server, celery_worker, api_key, redis_server):
    for n in range(1, 4):
        save(server, api_key, f"e{n}", f"message number {n}")
    celery_worker.wait_until(lambda: unlearned(FAN) == 0, 30, what="the first messages learned")
    assert cached_ids(server, api_key) == ["e1", "e2", "e3"]
    assert redis_server.client().keys(LIST_KEYS)  # the read cached the list

    redis_server.pause()
    try:
        # each Redis call waits for its timeout (0.5 s) until the process's cache circuit opens
        # (5 failures in 10 s); then the write-through is skipped at once
        took = [save(server, api_key, f"e{n}", f"message number {n}", timeout=5) for n in (4, 5)]
    finally:
        redis_server.resume()
    clock = Stopwatch()
    print(f"\nsaves during the pause took {[round(t, 2) for t in took]} s")
    assert server.log().count("redis unavailable during") >= 1  # the pushes of e4 and e5 were lost
    assert stored_ids() == ["e1", "e2", "e3", "e4", "e5"]

    celery_worker.wait_until(lambda: cached_ids(server, api_key) == stored_ids(), 60, interval=0.1,
                             what="the context's recent messages to equal the database's")
    print(f"healed {clock.seconds()} s after the resume")


MARKER = b"quokkazest"  # in every message and the note: nowhere else
NAME = b"zorblax"
SECRET_FAN = "f_grepme7431"
PARTS = ("context", "facts", "notes", "personality", "preferences", "emotional-state")


def everything_in(client):
    """Every key of every database of `client`'s Redis with its value(s), read by type, and its DUMP."""
    for db in client.info("keyspace"):
        client.execute_command("SELECT", db.removeprefix("db"))
        for key in client.scan_iter(count=1000):
            kind = client.type(key)
            value = {b"string": lambda: [client.get(key)], b"list": lambda: client.lrange(key, 0, -1),
                     b"hash": lambda: [part for item in client.hgetall(key).items() for part in item],
                     b"set": lambda: list(client.smembers(key)),
                     b"zset": lambda: client.zrange(key, 0, -1)}[kind]()
            yield db, key, [*value, client.dump(key)]


def test_redis_holds_no_personal_data(server, celery_worker, api_key, redis_server):
    fan = SECRET_FAN
    contents = [f"my name is {NAME.decode().title()}", f"I love {MARKER.decode()} so much",
                f"tell me about {MARKER.decode()} again"]
    for n, content in enumerate(contents):
        status, body = server.request("/api/v1/interactions/", message(f"g{n}", fan, content), key=api_key)
        assert status == 201, body
    status, body = server.request(f"/api/v1/fans/{fan}/notes/", {"text": f"likes {MARKER.decode()}"}, key=api_key)
    assert status == 201, body
    celery_worker.wait_until(lambda: unlearned(fan) == 0, 30, what="the messages learned")
    facts = get(server, f"/api/v1/fans/{fan}/facts/", api_key)
    assert NAME.decode().title() in str(facts)  # learned, so cached below
    for _ in range(2):  # the first read of a part fills the cache, the second is served from it
        for part in PARTS:
            assert get(server, f"/api/v1/fans/{fan}/{part}/", api_key) is not None, part
    context = get(server, f"/api/v1/fans/{fan}/context/", api_key)
    assert MARKER.decode() in str(context["recent_messages"])

    client = redis_server.client()
    cached = list(everything_in(client))
    assert any(key.startswith(b"fm:fan:") and key.endswith(b":messages") for _, key, _ in cached)
    leaks = [(db, key) for db, key, values in cached
             for word in (MARKER, NAME, fan.encode()) for blob in (key, *values)
             if blob and word in blob.lower()]
    print(f"\n{len(cached)} keys scanned in {len({db for db, _, _ in cached})} databases: {len(leaks)} leaks")
    assert leaks == []
