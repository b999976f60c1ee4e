"""Prometheus metrics (the seed's list, and what ops/alerts.yml watches). Labels never carry fan or
creator ids, nor any personal data: only totals over every creator are exported.

Every process counts its own: the web server's processes answer GET /metrics, the Celery worker
answers on WORKER_METRICS_BIND (serve_worker_metrics). Under several processes of one kind set
PROMETHEUS_MULTIPROC_DIR (make serve and make worker do, one directory each): each process writes
its samples there and the scrape sums them. Gauges of shared state (fans, database connections,
Redis memory, learning lag, erasures at risk) are read at scrape time, by the web only. Both
endpoints need `Authorization: Bearer <METRICS_TOKEN>`.
"""
import hmac
import os
import threading
from collections.abc import Callable
from wsgiref.simple_server import WSGIRequestHandler, make_server

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, make_wsgi_app, multiprocess
from prometheus_client.core import GaugeMetricFamily, REGISTRY

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0)
TASK_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

RETRIEVAL_SECONDS = Histogram(
    "fanmemory_retrieval_seconds", "Memory context retrieval latency", ["kind"], buckets=LATENCY_BUCKETS
)
SAVE_SECONDS = Histogram("fanmemory_save_seconds", "Interaction save latency", buckets=LATENCY_BUCKETS)
CACHE_LOOKUPS = Counter("fanmemory_cache_lookups_total", "Context parts looked up in Redis", ["part", "result"])
CALIBRATIONS = Counter("fanmemory_calibrations_total", "Personality calibrations", ["result"])
LEARNING = Counter("fanmemory_learning_total", "Learning steps of saved events", ["learner", "result"])
ERRORS = Counter("fanmemory_errors_total", "Errors by type", ["type"])
# Celery tasks of every kind (learning, erasure, indexing, maintenance), by task name (config.celery).
TASK_SECONDS = Histogram("fanmemory_task_seconds", "Celery task run time", ["task", "state"], buckets=TASK_BUCKETS)
TASK_RETRIES = Counter("fanmemory_task_retries_total", "Celery task retries", ["task"])
# 1 while a process's circuit is not closed (core.breakers); the scrape takes the max of live processes.
CIRCUIT_OPEN = Gauge("fanmemory_circuit_open", "Circuit breaker not closed", ["circuit"], multiprocess_mode="livemax")

Reader = Callable[[], float]


def token_ok(authorization: str | None, token: str | None) -> bool:
    """`Authorization: Bearer <token>` with the right token; never when no token is configured."""
    if not token or not authorization or not authorization.startswith("Bearer "):
        return False
    return hmac.compare_digest(authorization[len("Bearer "):].encode(), token.encode())


# Read from PostgreSQL at scrape time: (name, help, query).
DATABASE_GAUGES = (
    ("fanmemory_db_connections_in_use", "Active connections to this database",
     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'"),
    ("fanmemory_db_connections_open", "Client connections open on the server",
     "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"),
    ("fanmemory_db_connections_max", "Connections the server accepts (max_connections less the reserved ones)",
     "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"),
)


class SharedStateCollector:
    """Scrape-time gauges: those given (name -> (help, reader) reading PostgreSQL), the database
    ones above and Redis's memory. A gauge whose reader fails is left out; each failing
    dependency counts one error per scrape."""

    def __init__(self, gauges: dict[str, tuple[str, Reader]]):
        self.gauges = gauges

    def collect(self):
        from .cache import used_memory

        readers = [(name, help_text, read, "DATABASE_ERROR") for name, (help_text, read) in self.gauges.items()]
        readers += [(name, help_text, lambda sql=sql: _scalar(sql), "DATABASE_ERROR")
                    for name, help_text, sql in DATABASE_GAUGES]
        readers.append(("fanmemory_redis_memory_bytes", "Redis used memory",
                        used_memory, "CACHE_UNAVAILABLE"))
        failed = set()
        for name, help_text, read, error_type in readers:
            try:
                value = read()
            except Exception:
                failed.add(error_type)
                continue
            gauge = GaugeMetricFamily(name, help_text)
            gauge.add_metric([], value)
            yield gauge
        for error_type in failed:
            ERRORS.labels(type=error_type).inc()


def _scalar(sql: str) -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def process_registry():
    """The samples of this process, or of every process sharing PROMETHEUS_MULTIPROC_DIR."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def render(gauges: dict[str, tuple[str, Reader]]) -> bytes:
    shared = CollectorRegistry()
    shared.register(SharedStateCollector(gauges))
    return generate_latest(process_registry()) + generate_latest(shared)


def serve_worker_metrics(bind: str, token: str | None):
    """The worker's /metrics on `bind` (host:port), in a daemon thread; returns the server."""
    metrics_app = make_wsgi_app(process_registry())

    def app(environ, start_response):
        if not token_ok(environ.get("HTTP_AUTHORIZATION"), token):
            start_response("403 Forbidden", [("Content-Type", "application/json")])
            return [b'{"error": {"type": "FORBIDDEN", "message": "Forbidden.", "recoverable": false}}']
        return metrics_app(environ, start_response)

    host, _, port = bind.rpartition(":")
    server = make_server(host or "127.0.0.1", int(port), app, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="worker-metrics", daemon=True).start()
    return server


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # no access log: a scrape every few seconds says nothing
        pass
