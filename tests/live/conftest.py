"""A live server for the browser and schemathesis tests: granian as `make serve` runs it (WhiteNoise,
DEBUG off) on the pytest-django test database and the suite's Redis DB, learning eagerly in the
server process (no broker needed). Started by pid for the test, stopped by pid after it."""
import os

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import process_keys
from tests.faults.processes import LiveServer

GENEROUS_LIMITS = ('{"retrieval": {"creator": "1000000/minute", "fan": "1000000/minute"}, '
                   '"save": {"creator": "1000000/minute", "fan": "1000000/minute"}, "bulk": {"creator": "1000000/minute"}}')


@pytest.fixture(scope="session")
def collected_static():
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture
def live(transactional_db, collected_static, tmp_path):
    db = settings.DATABASES["default"]  # the test database's by now
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        "DATABASE_URL": f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": os.environ.get("REDIS_URL", settings.CACHES["default"]["LOCATION"]),
        "REDIS_CLUSTER_URL": settings.REDIS_CLUSTER_URL or "",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "WARMUP": "false",
        "DEBUG": "false",
        "RATE_LIMITS_JSON": GENEROUS_LIMITS,
        **process_keys(),
    }
    server = LiveServer(env, tmp_path / "server", workers=1)
    try:
        server.start()
        yield server
    finally:
        server.stop()
