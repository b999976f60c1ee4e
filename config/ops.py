"""Operations endpoints: liveness, readiness (database and cache) and nothing personal."""
from django.db import connection
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from django_redis import get_redis_connection

from core import breakers
from core.db.causes import UNREACHABLE, connection_cause
from core.errors import allow_methods
from core.metrics import render
from memory.selectors import fans_with_memory_count


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
        return bool(get_redis_connection("default").ping())
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


@allow_methods("GET", "HEAD")
def metrics(request):
    return HttpResponse(render(fans_with_memory_count), content_type=CONTENT_TYPE_LATEST)
