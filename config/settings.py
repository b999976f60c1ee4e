"""Production settings, read from the environment (config.settings_dev and config.settings_test
build on them for a laptop and for the suite).

SECRET_KEY and FIELD_ENCRYPTION_KEY sign and encrypt every encrypted column: they are read from
the environment, a file or the key provider (core.startup.secret), never generated at start-up and
never defaulted here. Changing either one makes every encrypted row unreadable (see README, "Keys").
Importing `config` refuses to start a process whose keys are missing or the development ones.
"""
import json
import os
from pathlib import Path

import dj_database_url

from core import startup, tls

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def secret(name: str) -> str | None:
    """From NAME, NAME_FILE or NAME_WRAPPED_FILE (README, "Operations in production")."""
    return startup.secret(name, os.environ)


# Only settings_dev and settings_test accept the repository's development keys.
DEVELOPMENT_KEYS_ALLOWED = False
SECRET_KEY = secret("SECRET_KEY")
FIELD_ENCRYPTION_KEY = secret("FIELD_ENCRYPTION_KEY")
CRYPTOGRAPHY_KEY = FIELD_ENCRYPTION_KEY  # django-cryptography derives its key from it
# Only while rotating keys (see README, "Keys"): the keys to read old rows with.
OLD_SECRET_KEY = secret("OLD_SECRET_KEY")
OLD_FIELD_ENCRYPTION_KEY = secret("OLD_FIELD_ENCRYPTION_KEY")
# The bearer token of /metrics (web and worker); unset, /metrics answers 403 to everyone.
METRICS_TOKEN = secret("METRICS_TOKEN")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "core",
    "memory",
    "personality",
    "preferences",
    "emotions",
    "gdpr",
    "facts",
    "recall",
    "openitems",
    "fans",
]

MIDDLEWARE = [
    "core.middleware.QueryDeadline",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fanmemory")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
DATABASES["default"]["ENGINE"] = "core.db"  # PostgreSQL with the circuit breaker and query deadlines
if DATABASE_PASSWORD := secret("DATABASE_PASSWORD"):  # kept out of DATABASE_URL when it comes from a file
    DATABASES["default"]["PASSWORD"] = DATABASE_PASSWORD
# TLS (core.tls): DATABASE_URL's sslmode / sslrootcert, and this lowest version for PostgreSQL and Redis.
TLS_MIN_VERSION = tls.min_version(os.environ.get("TLS_MIN_VERSION", "TLSv1.2"))
DATABASES["default"]["OPTIONS"] = {
    **tls.postgres_options(DATABASES["default"].get("OPTIONS", {}), TLS_MIN_VERSION),
    "connect_timeout": env_int("DB_CONNECT_TIMEOUT", 2),  # libpq's minimum
}
# Behind PgBouncer in transaction pooling mode a session is ours for one transaction only: no
# server-side cursors (.iterator() then reads in chunks client-side) and no prepared statements
# (PgBouncer 1.18 has none in that mode). Advisory locks, SET and LISTEN are session state too:
# the code uses none (SET LOCAL only).
if env_bool("DB_TRANSACTION_POOLING"):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"]["OPTIONS"]["prepare_threshold"] = None
# Inside an HTTP request a query still waiting after this many seconds is cut (a stalled database).
DB_QUERY_TIMEOUT = float(os.environ.get("DB_QUERY_TIMEOUT", 1.5))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
REDIS_CA_FILE = os.environ.get("REDIS_CA_FILE") or None  # for rediss:// URLs (cache and broker)
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "fm",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
            "CONNECTION_POOL_KWARGS": tls.redis_options(REDIS_URL, REDIS_CA_FILE, TLS_MIN_VERSION),
        },
    }
}

# A Redis Cluster (one node's URL; the others are discovered) for the hot cache and the rate
# limits instead of REDIS_URL's Redis; the broker and django-redis stay on REDIS_URL.
REDIS_CLUSTER_URL = os.environ.get("REDIS_CLUSTER_URL") or None
REDIS_CLUSTER_OPTIONS = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5,
                         **tls.redis_options(REDIS_CLUSTER_URL or "", REDIS_CA_FILE, TLS_MIN_VERSION)}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
# The worker's own /metrics (host:port, behind METRICS_TOKEN); unset: not served.
WORKER_METRICS_BIND = os.environ.get("WORKER_METRICS_BIND") or None
CELERY_BROKER_USE_SSL = tls.redis_options(CELERY_BROKER_URL, REDIS_CA_FILE, TLS_MIN_VERSION) or False
# A broker that stops answering without closing the connection (paused, partitioned) must not hold
# a save: kombu's Redis transport waits forever by default. RabbitMQ's client (py-amqp) names its own.
if CELERY_BROKER_URL.startswith("amqp"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"connect_timeout": 0.5, "write_timeout": 0.5}
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = CELERY_TASK_ALWAYS_EAGER
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# One task reserved per pool process: a worker blocked in a long run holds no other event back.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"  # `make install` and `make serve` collect here; WhiteNoise serves it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["core.auth.ApiKeyAuthentication"],
    # core.permissions.WritesAllowed: the read-only mode (503 READ_ONLY on every write).
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "core.permissions.WritesAllowed"],
    "DEFAULT_RENDERER_CLASSES": ["config.renderers.OrjsonRenderer"],
    "DEFAULT_PARSER_CLASSES": ["config.parsers.OrjsonParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "core.schema.ApiSchema",
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["core.ratelimit.ContractRateLimit"],
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "fan-memory API",
    "DESCRIPTION": "Persistent, learning memory of every fan of every creator, for an AI chat assistant.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from the drf-spectacular-sidecar package: /api/docs/ works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "core.schema.document_errors",
                             "config.schema_links.add_links"],
    "TAGS": [
        {"name": "interactions", "description": "Save what happened: messages, purchases, feedback (idempotent)."},
        {"name": "context", "description": "What the assistant should know before it answers a fan."},
        {"name": "fans", "description": "The creator's fans, their engagement, totals, and forgetting a fan."},
        {"name": "personality", "description": "Tone and style learned per fan, and tone feedback."},
        {"name": "preferences", "description": "What a fan likes and buys; content recommendations."},
        {"name": "emotions", "description": "Emotional analysis, a fan's emotional state and disengagement."},
        {"name": "facts", "description": "Facts, notes, hand-over flags and segments of a fan."},
        {"name": "gdpr", "description": "Export, erasure and consent (GDPR)."},
    ],
    # Choice sets used by several serializers, named once.
    "ENUM_NAME_OVERRIDES": {
        "PurchaseKindEnum": "memory.models.PurchaseKind",
        "FactAuthorEnum": "facts.models.HUMAN_SOURCES",
        "FactKindEnum": "facts.extraction.extractor.KINDS",
        "SentimentEnum": ["positive", "negative", "neutral"],
        "LevelEnum": ["low", "medium", "high"],
        "EventTypeEnum": "memory.models.EventType",
        "ContentKindEnum": "preferences.serializers.KINDS",
        "SignalTypeEnum": ["short_responses", "long_delays", "negative_sentiment", "reduced_frequency"],
        "OpenItemKindEnum": "openitems.detection.KINDS",
    },
}

# Request bodies: the batch endpoint takes up to 500 events of up to ~18 KB each.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_BODY_BYTES", 10 * 1024 * 1024)

FANMEMORY = {
    "RECENT_MESSAGES": 50,
    "MESSAGES_TTL": 3600,
    "PERSONALITY_TTL": 7200,
    "PREFERENCES_TTL": 7200,
    "ENGAGEMENT_TTL": 3600,
    "EMOTION_TTL": 1800,
    # A message arriving this late (seconds) invalidates the hot list instead of being pushed.
    "LATE_EVENT_SECONDS": 300,
    # A fan's generation counter (core.cache) outlives any read in flight; it is also what an
    # erasure leaves in Redis (under a keyed hash), so no refill started before it lands.
    "GENERATION_TTL": 2 * 86400,
    # Learning: the sweep queues events left unlearned this long; it gives up after this many runs.
    "LEARN_SWEEP_AFTER_SECONDS": env_int("LEARN_SWEEP_AFTER_SECONDS", 60),
    "LEARN_MAX_ATTEMPTS": 20,
    # A process wakes the workers at most this often (s) to learn what it saved: one task for many
    # saves, the database is the queue. Eager tasks (tests) learn at once, in the saving thread.
    "LEARN_WAKEUP_SECONDS": 0 if CELERY_TASK_ALWAYS_EAGER else float(os.environ.get("LEARN_WAKEUP_SECONDS", 0.2)),
    # One wake-up learns at most this many events before it hands the rest to a new task.
    "LEARN_BATCH": 200,
    # Off: a message's commit does not wait for the WAL flush (README, "Durability").
    "MESSAGE_SYNCHRONOUS_COMMIT": env_bool("MESSAGE_SYNCHRONOUS_COMMIT", False),
    "API_KEY_CACHE_SECONDS": env_int("API_KEY_CACHE_SECONDS", 10),
    # How long a process trusts the rollout switches it read (read-only mode, creators' shares).
    "SWITCH_CACHE_SECONDS": env_int("SWITCH_CACHE_SECONDS", 5),
    # How long a verified key is kept in Redis (sealed) to verify it while PostgreSQL is down.
    "API_KEY_STORE_SECONDS": env_int("API_KEY_STORE_SECONDS", 86400),
    "MAX_FUTURE_SECONDS": 300,
    "MAX_METADATA_BYTES": 8192,
    "BATCH_MAX_EVENTS": 500,
    "BULK_MAX_FANS": 100,
    "RETENTION_MONTHS": env_int("RETENTION_MONTHS", 24),
    "RETENTION_BATCH": 1000,
    "ERASURE_DEADLINE_HOURS": 72,
    # Alert (metric + log) when an erasure is still open this close to its deadline.
    "ERASURE_ALERT_HOURS": 12,
    # facts app: cache TTL of its context part, hand-over tip threshold (a creator may set another),
    # lifecycle thresholds (days), the VIP percentile of a creator's paying fans, and the least a
    # VIP needs: so many paying fans before anyone is VIP, and a total spent of at least this.
    "FACTS_TTL": 3600,
    "HANDOVER_TIP_AMOUNT": env_int("HANDOVER_TIP_AMOUNT", 200),
    "NEW_FAN_DAYS": 7,
    "CHURN_DAYS": 30,
    "WIN_BACK_DAYS": 30,
    "VIP_PERCENTILE": 0.9,
    "VIP_MIN_PAYING_FANS": 10,
    "VIP_MIN_SPENT": "100.00",
}

# The contract's rate limits (per minute), counted in Redis; RATE_LIMITS_JSON overrides them.
RATE_LIMITS = {
    "retrieval": {"creator": "1000/minute", "fan": "100/minute"},
    "save": {"creator": "500/minute", "fan": "50/minute"},
    "bulk": {"creator": "10/minute"},
}
if os.environ.get("RATE_LIMITS_JSON"):
    RATE_LIMITS = json.loads(os.environ["RATE_LIMITS_JSON"])
RATE_LIMIT_FAIL_OPEN = env_bool("RATE_LIMIT_FAIL_OPEN", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs the request path (which holds fan ids) with every 4xx/5xx: our own
        # handler logs errors by route name instead.
        "django.request": {"level": "CRITICAL", "propagate": True},
        "django.server": {"level": "WARNING", "propagate": True},
    },
}
