"""Learning survives its faults: a broker that was down, a worker killed mid-run, a task delivered twice.

Each event is learned exactly once: the sweep (fans.tasks.sweep_unlearned, sent here as beat sends it)
re-queues what was never queued or whose run died, and a run that finds its event learned or held
does nothing. The last tests run on RabbitMQ, an own node: there a killed worker's task comes back at
once, without the sweep.
"""
from contextlib import contextmanager

import psycopg
from django.conf import settings

from .processes import CeleryWorker, LiveServer, RabbitMQServer, RedisServer, wait_until
from .support import Stopwatch, broker_idle, get, message, send_task, sql, unlearned

FAN = "f_learning"
SWEEP = "fans.tasks.sweep_unlearned"


def env_with_broker(app_env: dict, broker: RedisServer) -> dict:
    return {**app_env, "CELERY_BROKER_URL": broker.url(0), "LEARN_SWEEP_AFTER_SECONDS": "0"}


def save(server, key: str, event_id: str, content: str) -> None:
    status, body = server.request("/api/v1/interactions/", message(event_id, FAN, content), key=key)
    assert status == 201, body


def interaction_count(server, key: str) -> int:
    return get(server, f"/api/v1/fans/{FAN}/personality/", key)["interaction_count"]


def learned_counts() -> dict:
    """What the learners counted for FAN, read from their rows: each must equal the messages learned."""
    from emotions.models import EmotionalState
    from facts.models import FanSegment
    from personality.models import PersonalityProfile

    evidence = EmotionalState.objects.get(fan_id=FAN).evidence
    return {"personality": PersonalityProfile.objects.get(fan_id=FAN).interaction_count,
            "active_hours": sum(FanSegment.objects.get(fan_id=FAN).active_hours),
            "emotion_days": sum(evidence["days"].values()), "emotion_seen": len(evidence["seen"])}


def down_broker(start, tmp_path) -> RedisServer:
    broker = start(RedisServer(tmp_path / "broker"))
    broker.kill9()  # down before the saves; start() brings it back, empty, on the same port
    return broker


def test_broker_down_then_back_the_sweep_learns_every_event_once(app_env, api_key, start, tmp_path):
    broker = down_broker(start, tmp_path)
    env = env_with_broker(app_env, broker)
    server = start(LiveServer(env, tmp_path / "server"))
    contents = [f"message {n} about my day" for n in range(20)] + ["I'm 16"]
    for n, content in enumerate(contents):
        save(server, key=api_key, event_id=f"e{n}", content=content)
    assert sql("SELECT count(*) FROM fan_memories WHERE fan_id = %s", FAN)[0][0] == len(contents)
    assert unlearned(FAN) == len(contents)
    server.stop()  # with the server gone (a deploy), its retries of the hand-over too: only the sweep is left

    broker.start()
    clock = Stopwatch()
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    send_task(broker.url(0), SWEEP)
    worker.wait_until(lambda: unlearned(FAN) == 0, 60, interval=0.1, what="every event learned")
    print(f"\nbroker back: {len(contents)} events learned by the sweep in {clock.seconds()} s")

    server = start(LiveServer(env, tmp_path / "server-2"))

    flags = get(server, f"/api/v1/fans/{FAN}/flags/", api_key)["results"]
    assert [flag["reason"] for flag in flags] == ["minor"]
    # the API now withholds the profile (an open minor flag stops personalization): count the rows
    assert set(learned_counts().values()) == {len(contents)}


def test_broker_down_then_back_the_server_hands_its_events_over_again(app_env, api_key, start, tmp_path):
    """No sweep: the server retries the hand-overs the broker refused, as soon as it is back."""
    broker = down_broker(start, tmp_path)
    env = env_with_broker(app_env, broker)
    server = start(LiveServer(env, tmp_path / "server"))
    for n in range(3):
        save(server, key=api_key, event_id=f"e{n}", content=f"message {n} about my day")
    assert unlearned(FAN) == 3

    broker.start()
    clock = Stopwatch()
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    worker.wait_until(lambda: unlearned(FAN) == 0, 30, interval=0.1, what="every event learned")
    print(f"\nbroker back: 3 events handed over again and learned in {clock.seconds()} s")
    assert interaction_count(server, api_key) == 3


def hold_row_lock(table: str) -> psycopg.Connection:
    """Lock FAN's row of `table` in an open transaction of a connection of its own (ended, with the
    connection, by leaving its `with` block)."""
    db = settings.DATABASES["default"]
    holder = psycopg.connect(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"],
                             password=db["PASSWORD"], dbname=db["NAME"])
    assert holder.execute(f"SELECT 1 FROM {table} WHERE fan_id = %s FOR UPDATE", (FAN,)).fetchone()
    return holder


def waiting_on_a_lock() -> bool:
    """Some backend of the test database waits for a row lock (the learning run, on the held row)."""
    return bool(sql("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))


def event_free(event_id: str) -> bool:
    """No run holds the event's row lock any more (the killed worker's transaction has ended)."""
    return bool(sql("SELECT 1 FROM interaction_events WHERE event_id = %s FOR UPDATE SKIP LOCKED", event_id))


@contextmanager
def learning_run_blocked(server, worker, key: str):
    """FAN's second event held in a run of `worker` (its profile row locked) for the `with` block;
    the hold ends with the block, failed test or not (the database is flushed after the test)."""
    save(server, key, "e1", "hello, long day at work")
    worker.wait_until(lambda: unlearned(FAN) == 0, 30, what="the first event learned")
    with hold_row_lock("personality_profiles"):
        save(server, key, "e2", "back again, missed you")
        worker.wait_until(waiting_on_a_lock, 30, what="the learning run to block on the held row")
        yield


def test_a_worker_killed_mid_run_the_sweep_learns_the_event_once(app_env, api_key, start, tmp_path):
    env = {**app_env, "LEARN_SWEEP_AFTER_SECONDS": "0"}
    server = start(LiveServer(env, tmp_path / "server"))
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    with learning_run_blocked(server, worker, api_key):
        worker.kill9()
    clock = Stopwatch()
    wait_until(lambda: event_free("e2"), 30, what="the killed run's transaction to end")
    assert unlearned(FAN) == 1

    worker = start(CeleryWorker(env, tmp_path / "celery-2"))
    send_task(env["CELERY_BROKER_URL"], SWEEP)
    worker.wait_until(lambda: unlearned(FAN) == 0, 30, interval=0.1, what="the swept event learned")
    print(f"\nworker killed mid-run: learned {clock.seconds()} s after the kill")
    assert interaction_count(server, api_key) == 2
    assert set(learned_counts().values()) == {2}


def test_an_event_delivered_twice_counts_once(app_env, api_key, redis_server, start, tmp_path):
    """Two workers (pool solo: one blocked in a run fetches nothing more): the second and third
    deliveries run while the first is held inside the event; a fourth comes after it is learned."""
    broker_url, broker = app_env["CELERY_BROKER_URL"], redis_server.client(1)
    server = start(LiveServer(app_env, tmp_path / "server"))
    first = start(CeleryWorker(app_env, tmp_path / "celery-1"))
    start(CeleryWorker(app_env, tmp_path / "celery-2"))
    save(server, api_key, "e1", "hello, long day at work")
    first.wait_until(lambda: unlearned(FAN) == 0, 30, what="the first event learned")

    with hold_row_lock("personality_profiles"):
        save(server, api_key, "e2", "back again, missed you")  # the server's delivery
        (pk,), = sql("SELECT id FROM interaction_events WHERE event_id = 'e2'")
        first.wait_until(waiting_on_a_lock, 30, what="a learning run to block on the held row")
        send_task(broker_url, "fans.tasks.learn", pk)
        send_task(broker_url, "fans.tasks.learn", pk)
        first.wait_until(lambda: broker.llen("celery") == 0 and broker.hlen("unacked") == 1, 30,
                         what="both deliveries run (and acked) while the first run is held")
    first.wait_until(lambda: unlearned(FAN) == 0, 30, what="the event learned")
    send_task(broker_url, "fans.tasks.learn", pk)
    first.wait_until(lambda: broker_idle(broker), 30, what="every delivery run")
    assert interaction_count(server, api_key) == 2
    assert set(learned_counts().values()) == {2}


def rabbitmq_env(app_env: dict, start, tmp_path) -> dict:
    return {**app_env, "CELERY_BROKER_URL": start(RabbitMQServer(tmp_path / "rabbitmq")).url()}


def test_rabbitmq_a_worker_killed_mid_run_its_task_comes_back_at_once(app_env, api_key, start, tmp_path):
    """No sweep: the broker hands the killed worker's unacknowledged task to the next worker."""
    env = rabbitmq_env(app_env, start, tmp_path)
    server = start(LiveServer(env, tmp_path / "server"))
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    with learning_run_blocked(server, worker, api_key):
        worker.kill9()
    wait_until(lambda: event_free("e2"), 30, what="the killed run's transaction to end")
    assert unlearned(FAN) == 1

    clock = Stopwatch()
    worker = start(CeleryWorker(env, tmp_path / "celery-2"))
    worker.wait_until(lambda: unlearned(FAN) == 0, 30, interval=0.1, what="the redelivered event learned")
    print(f"\nRabbitMQ: the killed worker's task learned {clock.seconds()} s after a worker was started")
    assert interaction_count(server, api_key) == 2
    assert set(learned_counts().values()) == {2}


def test_rabbitmq_down_then_back_the_server_hands_its_events_over_again(app_env, api_key, start, tmp_path):
    broker = start(RabbitMQServer(tmp_path / "rabbitmq"))
    env = {**app_env, "CELERY_BROKER_URL": broker.url()}
    server = start(LiveServer(env, tmp_path / "server"))
    broker.kill9()
    for n in range(3):
        save(server, key=api_key, event_id=f"e{n}", content=f"message {n} about my day")
    assert unlearned(FAN) == 3

    broker.start()
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    worker.wait_until(lambda: unlearned(FAN) == 0, 60, interval=0.1, what="every event learned")
    assert interaction_count(server, api_key) == 3


def test_rabbitmq_a_worker_blocked_in_a_run_holds_no_other_event(app_env, api_key, start, tmp_path):
    """Prefetch 1: the blocked worker has reserved nothing more, so the other fan's events go to
    the free worker and are learned while the run stays blocked."""
    env = rabbitmq_env(app_env, start, tmp_path)
    server = start(LiveServer(env, tmp_path / "server"))
    blocked = start(CeleryWorker(env, tmp_path / "celery-1"))
    with learning_run_blocked(server, blocked, api_key):  # the only worker yet: the run is its own
        start(CeleryWorker(env, tmp_path / "celery-2"))
        other = "f_other"
        for n in range(6):
            status, body = server.request("/api/v1/interactions/", message(f"o{n}", other, f"note {n}"), key=api_key)
            assert status == 201, body
        blocked.wait_until(lambda: unlearned(other) == 0, 30, interval=0.1, what="the other fan's events learned")
        assert unlearned(FAN) == 1
    blocked.wait_until(lambda: unlearned(FAN) == 0, 30, what="the held event learned")
