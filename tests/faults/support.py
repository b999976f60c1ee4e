"""Small helpers of the fault tests: the API as a client sees it, the test database, the broker."""
import time
from datetime import datetime, timezone

import orjson
from celery import Celery
from django.db import connection


def sql(query: str, *params) -> list[tuple]:
    """Rows of `query` on the test database (the test process's own connection, autocommit)."""
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def send_task(broker_url: str, name: str, *args) -> None:
    """Hand a task to the workers through the broker, as the server or beat does."""
    with Celery(broker=broker_url, set_as_current=False) as app:
        app.send_task(name, args=args)


def broker_idle(client) -> bool:
    """Nothing queued and nothing delivered but unacknowledged (acks_late: a task is acked when it
    ends) on a Redis broker, from a client of its database: every task handed over has run."""
    return client.llen("celery") == 0 and client.hlen("unacked") == 0


def get(server, path: str, key: str):
    """The JSON body of a GET that answered 200, else None."""
    status, body = server.request(path, key=key)
    return orjson.loads(body) if status == 200 else None


def message(event_id: str, fan_id: str, content: str) -> dict:
    return {"event_id": event_id, "fan_id": fan_id, "type": "message",
            "occurred_at": datetime.now(timezone.utc).isoformat(),
            "message": {"content": content, "sender": "fan"}}


def unlearned(fan_id: str) -> int:
    return sql("SELECT count(*) FROM interaction_events WHERE fan_id = %s AND learned_at IS NULL", fan_id)[0][0]


class Stopwatch:
    def __init__(self):
        self.started = time.monotonic()

    def seconds(self) -> float:
        return round(time.monotonic() - self.started, 2)
