"""Prometheus metrics (the seed's list). Labels never carry fan or creator ids.

Under several server processes set PROMETHEUS_MULTIPROC_DIR (make serve does): each process
writes its samples there and /metrics aggregates them. Gauges that describe shared resources
(fans with memory, database connections, Redis memory) are read at scrape time.
"""
import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, REGISTRY

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0)

RETRIEVAL_SECONDS = Histogram(
    "fanmemory_retrieval_seconds", "Memory context retrieval latency", ["kind"], buckets=LATENCY_BUCKETS
)
SAVE_SECONDS = Histogram("fanmemory_save_seconds", "Interaction save latency", buckets=LATENCY_BUCKETS)
CACHE_LOOKUPS = Counter("fanmemory_cache_lookups_total", "Context parts looked up in Redis", ["part", "result"])
CALIBRATIONS = Counter("fanmemory_calibrations_total", "Personality calibrations", ["result"])
LEARNING = Counter("fanmemory_learning_total", "Learning steps of saved events", ["learner", "result"])
ERRORS = Counter("fanmemory_errors_total", "Errors by type", ["type"])


class ResourceCollector:
    """Scrape-time gauges read from PostgreSQL and Redis; `fans_with_memory_count` is given."""

    def __init__(self, fans_with_memory_count):
        self.fans_with_memory_count = fans_with_memory_count

    def collect(self):
        from django.db import connection
        from django_redis import get_redis_connection

        fans = GaugeMetricFamily("fanmemory_fans_with_memory", "Fans with memory, all creators")
        db = GaugeMetricFamily("fanmemory_db_connections_in_use", "Active connections to this database")
        redis_memory = GaugeMetricFamily("fanmemory_redis_memory_bytes", "Redis used memory")
        try:
            fans.add_metric([], self.fans_with_memory_count())
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                               " AND state <> 'idle'")
                db.add_metric([], cursor.fetchone()[0])
        except Exception:
            ERRORS.labels(type="DATABASE_ERROR").inc()
        try:
            redis_memory.add_metric([], get_redis_connection("default").info("memory")["used_memory"])
        except Exception:
            ERRORS.labels(type="CACHE_UNAVAILABLE").inc()
        yield from (fans, db, redis_memory)


def render(fans_with_memory_count) -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    resources = CollectorRegistry()
    resources.register(ResourceCollector(fans_with_memory_count))
    return generate_latest(registry) + generate_latest(resources)
