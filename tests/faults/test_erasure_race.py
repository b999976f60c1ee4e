"""Erasure racing learning and reads: nothing of the fan is left, in PostgreSQL or in Redis.

Per trial a new fan saves a few messages and is deleted while the worker is still learning them
(after none, one or two of them are learned, in turn) and threads keep reading the fan's context and facts, during and after the DELETE. Once every
task has run, no registered table, no text column of any table and no Redis key or value holds the
fan: only the fan's generation counter (`gen`) may stay, under the keyed hash of its tag.
"""
import threading

import orjson

from core import keys, registry

from .processes import CeleryWorker, LiveServer
from .support import Stopwatch, broker_idle, message, sql, unlearned

TRIALS = 100
MESSAGES = 3
READERS = ("context", "facts", "context")
READS_AFTER_DELETE = 5  # per reader
CREATOR = "creator_faults"  # the api_key fixture's
LIMITS = {scope: {level: "1000000/minute" for level in ("creator", "fan")} for scope in ("retrieval", "save", "bulk")}


class Readers:
    """Threads reading one fan's parts in a loop; on exit, each goes on for READS_AFTER_DELETE reads."""

    def __init__(self, server, key: str, fan: str):
        self.server, self.key, self.fan = server, key, fan
        self.statuses, self.after = [], threading.Semaphore(0)
        self.stop = threading.Event()

    def __enter__(self):
        self.threads = [threading.Thread(target=self._read, args=(part,)) for part in READERS]
        for thread in self.threads:
            thread.start()
        return self

    def _read(self, part: str):
        after = None
        while after is None or after < READS_AFTER_DELETE:
            self.statuses.append(self.server.request(f"/api/v1/fans/{self.fan}/{part}/", key=self.key)[0])
            if self.stop.is_set():
                after = (after or 0) + 1

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(30)
        assert not any(thread.is_alive() for thread in self.threads), "a reader hangs"


def rows_left(fan: str) -> dict[str, int]:
    counts = {source.label: source.rows(CREATOR, fan).count() for source in registry.sources()}
    return {table: count for table, count in counts.items() if count}


def text_columns() -> dict[str, list[str]]:
    columns = {}
    for table, column in sql("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = 'public' AND data_type IN "
                             "('text', 'character varying', 'json', 'jsonb', 'ARRAY')"):
        columns.setdefault(table, []).append(column)
    return columns


def tables_naming(fan: str, columns: dict[str, list[str]]) -> list[str]:
    """Every table with a text column holding the fan id (raw SQL, whatever the registry says)."""
    return [table for table, names in columns.items()
            if sql(f'SELECT count(*) FROM "{table}" WHERE '
                   + " OR ".join(f'strpos("{name}"::text, %s) > 0' for name in names), *[fan] * len(names))[0][0]]


def redis_left(client, fan: str) -> list[bytes]:
    """The fan's Redis keys other than `gen`, and any key or string value naming the fan."""
    gen = keys.generation_key(CREATOR, fan).encode()
    found = [key for key in client.scan_iter(match=keys.all_fan_keys_pattern(CREATOR, fan), count=1000)
             if key != gen]
    for key in client.scan_iter(count=1000):
        value = client.get(key) if client.type(key) == b"string" else b""
        if fan.encode() in key or fan.encode() in (value or b""):
            found.append(key)
    return found


def test_erasure_racing_learning_and_reads_leaves_nothing(app_env, api_key, redis_server, start, tmp_path):
    env = {**app_env, "RATE_LIMITS_JSON": orjson.dumps(LIMITS).decode()}
    server = start(LiveServer(env, tmp_path / "server"))
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    broker = redis_server.client(1)
    fans = [f"f_race{trial:03d}" for trial in range(TRIALS)]
    clock, learned, statuses = Stopwatch(), 0, []
    for trial, fan in enumerate(fans):
        for n in range(MESSAGES):
            status, body = server.request("/api/v1/interactions/",
                                          message(f"{fan}-{n}", fan, f"my name is Zorblax, message {n}"), key=api_key)
            assert status == 201, body
        before = trial % MESSAGES  # learned before the DELETE: 0, 1 or 2; the others are queued or running
        worker.wait_until(lambda: MESSAGES - unlearned(fan) >= before, 30, interval=0.01, what=f"{before} learned")
        learned += MESSAGES - unlearned(fan)
        with Readers(server, api_key, fan) as readers:
            status, body = server.request(f"/api/v1/fans/{fan}/", key=api_key, method="DELETE")
            assert status == 204, body
        statuses += readers.statuses
        worker.wait_until(lambda: broker_idle(broker), 30, what=f"every task about {fan} run")

    columns = text_columns()
    rows = {fan: left for fan in fans if (left := rows_left(fan))}
    tables = {fan: named for fan in fans if (named := tables_naming(fan, columns))}
    cached = {fan: left for fan in fans if (left := redis_left(redis_server.client(0), fan))}
    print(f"\n{TRIALS} trials in {clock.seconds()} s, {TRIALS * MESSAGES} events saved, {learned} learned before "
          f"the DELETE, {len(statuses)} reads; after erasure: {sum(map(len, rows.values()))} registered tables with rows, "
          f"{sum(map(len, tables.values()))} tables naming a fan, {sum(map(len, cached.values()))} Redis keys")
    assert all(status == 200 for status in statuses), sorted(set(statuses))
    assert rows == {}
    assert tables == {}
    assert cached == {}
