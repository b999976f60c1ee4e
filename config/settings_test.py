"""Test settings: our own Redis DB number, eager Celery; PostgreSQL test DB made by pytest-django.

Keys are drawn at random for each run unless given: no key of the repository is needed, and the
processes a test starts with production settings are given these (tests.conftest.process_keys).
"""
import os
import secrets

os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

from config.settings import *  # noqa: E402,F401,F403

DEVELOPMENT_KEYS_ALLOWED = True
SECRET_KEY = SECRET_KEY or secrets.token_urlsafe(32)
FIELD_ENCRYPTION_KEY = CRYPTOGRAPHY_KEY = FIELD_ENCRYPTION_KEY or secrets.token_urlsafe(32)

# Several checkouts may run their suites at once on one machine: each names its own test database
# (and its own REDIS_URL DB number).
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_fanmemory")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Generous limits for the suite; the rate-limit tests set the contract's or smaller ones.
RATE_LIMITS = {scope: {level: "100000/minute" for level in levels} for scope, levels in RATE_LIMITS.items()}
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}
