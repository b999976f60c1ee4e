"""Fixtures of the fault tests: real processes, started for one test and stopped by pid after it.

A server or worker uses the pytest-django test database (committed data: transactional_db)
through a PgProxy, and an own redis-server as cache and broker.
"""
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings

from core.services import api_key_create  # the fault tests' one import of app code
from tests.conftest import process_keys

from .processes import CeleryWorker, LiveServer, PgProxy, RedisServer


def running(process):
    try:
        process.start()
        yield process
    finally:
        process.stop()


@pytest.fixture(autouse=True)
def clean_redis():
    """Replaces the suite's: fault tests leave the shared Redis alone, their processes use their own."""


@pytest.fixture
def redis_server(tmp_path):
    yield from running(RedisServer(tmp_path / "redis"))


@pytest.fixture
def pg_proxy():
    db = settings.DATABASES["default"]
    yield from running(PgProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))))


@pytest.fixture
def app_env(transactional_db, pg_proxy, redis_server) -> dict:
    """A server's or worker's environment; a test may put another CELERY_BROKER_URL in it."""
    db = settings.DATABASES["default"]  # its NAME is the test database's by now
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return {
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{pg_proxy.port}/{db['NAME']}",
        "REDIS_URL": redis_server.url(0),
        "CELERY_BROKER_URL": redis_server.url(1),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "WARMUP": "false",
        "DEBUG": "false",
        **process_keys(),
    }


@pytest.fixture
def server(app_env, tmp_path):
    yield from running(LiveServer(app_env, tmp_path / "server", workers=2))


@pytest.fixture
def celery_worker(app_env, tmp_path):
    yield from running(CeleryWorker(app_env, tmp_path / "celery"))


@pytest.fixture
def api_key(transactional_db) -> str:
    return api_key_create(creator_id="creator_faults")


@pytest.fixture
def start(transactional_db):
    """start(process): started now, stopped by pid after the test (before the database is flushed)."""
    with ExitStack() as stack:
        yield lambda process: stack.enter_context(contextmanager(running)(process))
