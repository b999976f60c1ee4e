"""Importing `config` is the first thing every process does (manage.py, config.wsgi, config.asgi,
`celery -A config`): it first refuses to start with missing or development keys (core.startup),
before anything could encrypt with them."""
import os

from core.startup import check_keys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
check_keys(os.environ["DJANGO_SETTINGS_MODULE"])

from .celery import app as celery_app  # noqa: E402

__all__ = ["celery_app"]
