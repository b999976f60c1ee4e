"""One test with a real Celery worker: learning happens after commit, off the request."""
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app
from personality.models import PersonalityProfile
from tests.conftest import message, post, process_keys

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 30


def test_database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


def start_worker(log):
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_BROKER_URL": app.conf.broker_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **process_keys(),
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "solo", "--loglevel=WARNING",
               "--without-heartbeat", "--without-gossip", "--without-mingle"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_for(condition, worker, log):
    pause = threading.Event()
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        if worker.poll() is not None:
            break
        pause.wait(0.1)
    log.seek(0)
    pytest.fail(f"the worker did not learn in time; its output:\n{log.read().decode(errors='replace')}")


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_calibrates_the_profile_after_commit(api):
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    with tempfile.TemporaryFile() as log:
        worker = start_worker(log)
        try:
            for index in range(5):
                body = message(f"m{index}", content="lol yes 😂😂", sender="fan" if index % 2 == 0 else "ai")
                assert post(api, body).status_code == 201
            # saved, but nothing learned inside the requests: the worker does it
            rows = PersonalityProfile.objects.filter(creator_id="creator_a", fan_id="f_1")
            wait_for(lambda: rows.filter(last_calibrated__isnull=False).exists(), worker, log)
            profile = rows.get()
            assert profile.interaction_count == 5 and profile.preferred_emojis == ["😂"]
            assert api.get("/api/v1/fans/f_1/personality/").json()["emoji_frequency"] == 1.0
        finally:
            app.conf.task_always_eager = eager
            worker.terminate()
            worker.wait(timeout=20)
