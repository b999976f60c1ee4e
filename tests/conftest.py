from contextlib import contextmanager

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from core import breakers, rollout
from core.auth import forget_cached_keys
from core.cache import redis_client as raw_redis_client
from core.services import api_key_create

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def clean_redis():
    """Tests own a Redis DB (13 by default, config.settings_test), or a whole Redis Cluster started
    for the run (scripts.redis_cluster): emptied around each test, never the shared DB 0."""
    client = raw_redis_client()
    assert settings.REDIS_CLUSTER_URL or client.connection_pool.connection_kwargs.get("db", 0) != 0
    client.flushdb()
    forget_cached_keys()
    rollout.forget()
    for breaker in (breakers.DATABASE, breakers.CACHE):  # a test's outage must not leak into the next
        breaker.reset()
    yield
    client.flushdb()


@pytest.fixture
def redis_client():
    return raw_redis_client()


@contextmanager
def redis_unreachable(settings):
    """The cache and the rate limits (on one Redis or a cluster) pointed at a closed port."""
    working = settings.CACHES, settings.REDIS_CLUSTER_URL
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": CLOSED_PORT_REDIS}}
    settings.REDIS_CLUSTER_URL = working[1] and CLOSED_PORT_REDIS
    try:
        yield
    finally:
        settings.CACHES, settings.REDIS_CLUSTER_URL = working


def process_keys() -> dict:
    """The suite's keys (drawn for this run, config.settings_test), for a process a test starts with
    production settings: it reads and writes the same encrypted rows."""
    return {"SECRET_KEY": settings.SECRET_KEY, "FIELD_ENCRYPTION_KEY": settings.FIELD_ENCRYPTION_KEY}


def client_for(creator_id: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_key_create(creator_id=creator_id)}")
    return client


@pytest.fixture
def api(transactional_db):
    return client_for("creator_a")


@pytest.fixture
def other_api(transactional_db):
    return client_for("creator_b")


def message(event_id="e1", fan_id="f_1", content="hello there", sender="fan", **extra):
    return {"event_id": event_id, "fan_id": fan_id, "type": "message",
            "message": {"content": content, "sender": sender}, **extra}


def purchase(event_id="p1", fan_id="f_1", amount="12.99", kind="ppv", **extra):
    return {"event_id": event_id, "fan_id": fan_id, "type": "purchase",
            "purchase": {"kind": kind, "amount": amount, "currency": "USD"}, **extra}


def feedback(event_id, about, fan_id="f_1", outcome="replied"):
    return {"event_id": event_id, "fan_id": fan_id, "type": "feedback",
            "feedback": {"about_event_id": about, "outcome": outcome}}


def post(client, body, path="/api/v1/interactions/"):
    return client.post(path, body, format="json")


def run_schedules(migration_module: str) -> None:
    """Apply the periodic-task operations of a migration again (they must be idempotent)."""
    import importlib

    from django.apps import apps
    from django.db import migrations

    for operation in importlib.import_module(migration_module).Migration.operations:
        if isinstance(operation, migrations.RunPython) and operation.code.__name__ in ("schedule", "move"):
            operation.code(apps, None)
