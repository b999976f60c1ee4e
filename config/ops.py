"""Operations endpoints: liveness, readiness (database and cache) and nothing personal."""
from django.db import connection
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from django_redis import get_redis_connection

from core import breakers
from core.metrics import render
from memory.selectors import fans_with_memory_count


def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _cache_ok() -> bool:
    try:
        return bool(get_redis_connection("default").ping())
    except Exception:
        return False


def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok(), "breakers": breakers.states()}
    failed = [name for name in ("database", "cache") if not checks[name]]
    if failed:
        body = {"status": "unavailable", "failed": failed, "checks": checks, "error": {
            "type": "DATABASE_ERROR" if "database" in failed else "INTERNAL",
            "message": f"Unavailable: {', '.join(failed)}.", "recoverable": True}}
        return JsonResponse(body, status=503, headers={"Retry-After": "5"})
    return JsonResponse({"status": "ok", "checks": checks})


def metrics(request):
    return HttpResponse(render(fans_with_memory_count), content_type=CONTENT_TYPE_LATEST)
