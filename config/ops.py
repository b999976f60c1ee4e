"""Operations endpoints: liveness, readiness (database and cache), metrics (behind METRICS_TOKEN);
nothing personal."""
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from core import breakers
from core.cache import redis_client
from core.db.causes import UNREACHABLE, connection_cause
from core.errors import allow_methods, envelope
from core.metrics import render, token_ok
from gdpr.selectors import erasures_at_risk
from memory.selectors import fans_with_memory_count, interactions_per_fan, learning_lag_seconds


@allow_methods("GET", "HEAD")
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_problem() -> str | None:
    """None when PostgreSQL answers, else why not (a refused login is not an unreachable server)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return None
    except Exception as exc:
        return connection_cause(str(exc))


def _cache_ok() -> bool:
    try:
        return bool(redis_client().ping())
    except Exception:
        return False


@allow_methods("GET", "HEAD")
def readyz(request):
    database_problem = _database_problem()
    checks = {"database": database_problem is None, "cache": _cache_ok(), "breakers": breakers.states()}
    failed = [name for name in ("database", "cache") if not checks[name]]
    if failed:
        causes = {"database": database_problem, "cache": UNREACHABLE}
        body = {"status": "unavailable", "failed": failed, "checks": checks, "error": {
            "type": "DATABASE_ERROR" if "database" in failed else "INTERNAL",
            "message": "Unavailable: " + "; ".join(f"{name} ({causes[name]})" for name in failed) + ".",
            "recoverable": True}}
        return JsonResponse(body, status=503, headers={"Retry-After": "5"})
    return JsonResponse({"status": "ok", "checks": checks})


def _gauges() -> dict:
    """The scrape-time gauges of shared state (totals over every creator; ops/alerts.yml uses them)."""
    learning = settings.FANMEMORY
    return {
        "fanmemory_fans_with_memory": ("Fans with memory, all creators", fans_with_memory_count),
        "fanmemory_avg_interactions_per_fan": ("Messages and purchases per fan with memory", interactions_per_fan),
        "fanmemory_learning_lag_seconds": ("Age of the oldest event waiting to be learned", lambda: learning_lag_seconds(
            max_attempts=learning["LEARN_MAX_ATTEMPTS"])),
        "fanmemory_learning_sweep_after_seconds": ("The sweep re-queues events unlearned this long",
                                                   lambda: learning["LEARN_SWEEP_AFTER_SECONDS"]),
        "fanmemory_erasures_at_risk": ("Erasure requests open close to or past their deadline", erasures_at_risk),
    }


@allow_methods("GET", "HEAD")
def metrics(request):
    if not token_ok(request.headers.get("Authorization"), settings.METRICS_TOKEN):
        return JsonResponse(envelope("FORBIDDEN", "Send Authorization: Bearer <METRICS_TOKEN>.", False), status=403)
    return HttpResponse(render(_gauges()), content_type=CONTENT_TYPE_LATEST)
