"""Django set up for the in-process evaluations (eval-recall, eval-context): the development
settings, tasks run inline, quiet logs and rate limits out of the way of a measurement."""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNLIMITED = {scope: {"creator": "1000000/minute", "fan": "1000000/minute"} for scope in ("retrieval", "save", "bulk")}


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_dev")
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("RATE_LIMITS_JSON", json.dumps(UNLIMITED))
    import django
    django.setup()
