import pytest
from django.core.management import call_command
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from tests.conftest import message, post, redis_unreachable


def test_healthz_touches_nothing(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_checks_database_and_cache(db, client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["checks"] == {
        "database": True, "cache": True, "breakers": {"database": "closed", "cache": "closed"}}


def test_readyz_names_the_failed_dependency(db, client, settings):
    with redis_unreachable(settings):
        response = client.get("/readyz")
        assert response.status_code == 503 and response.json()["failed"] == ["cache"]
        assert response["Retry-After"]


def test_unknown_route_and_wrong_method_use_the_envelope(api):
    response = api.get("/api/v1/nothing-here/")
    assert response.status_code == 404 and response.json()["error"]["type"] == "MEMORY_NOT_FOUND"
    response = api.get("/api/v1/interactions/")
    assert response.status_code == 405 and "error" in response.json()


def test_a_crash_is_a_500_without_trace_or_personal_data(api, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("fan f_1 said: secret canary")

    monkeypatch.setattr("fans.context.contexts", explode)
    response = api.get("/api/v1/fans/f_1/context/")
    assert response.status_code == 500
    assert response.json() == {"error": {"type": "INTERNAL", "message": "Internal error.", "recoverable": False}}


def test_a_database_outage_is_a_503_with_retry_after(api, monkeypatch):
    from django.db import OperationalError

    def down(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("fans.actions.interaction_save", down)
    response = post(api, message())
    assert response.status_code == 503 and response["Retry-After"]
    assert response.json()["error"]["type"] == "DATABASE_ERROR"


def test_schema_and_docs_are_published(db, client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    text = schema.content.decode()
    for path in ("/api/v1/interactions/", "/api/v1/interactions/batch/", "/api/v1/fans/{fan_id}/context/",
                 "/api/v1/fans/bulk-context/", "/api/v1/fans/{fan_id}/"):
        assert path in text
    assert client.get("/api/docs/").status_code == 200


@pytest.mark.parametrize("url", ["/admin/core/creator/", "/admin/core/apikey/", "/admin/memory/fanmemory/",
                                 "/admin/memory/engagementmetrics/"])
def test_admin_pages_load(api, client, url):
    post(api, message(content="seen by support"))
    User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.login(username="root", password="pw-123456")
    assert client.get(url).status_code == 200


def test_admin_never_shows_keys_and_keeps_messages_read_only(api, client):
    from core.models import ApiKey
    from memory.models import FanMemory

    post(api, message(content="seen by support"))
    User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.login(username="root", password="pw-123456")
    key = ApiKey.objects.first()
    page = client.get(f"/admin/core/apikey/{key.pk}/change/").content.decode()
    assert key.key_hash not in page and key.prefix in page
    memory = FanMemory.objects.get()
    page = client.get(f"/admin/memory/fanmemory/{memory.pk}/change/").content.decode()
    assert memory.event_id in page and "seen by support" not in page  # content only through the audited lookup
    response = client.post("/admin/core/apikey/", {"action": "revoke", "_selected_action": [key.pk]})
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert APIClient().get("/api/v1/fans/f_1/context/").status_code == 401


def test_openapi_schema_is_valid_and_complete(db, tmp_path):
    """Every view resolves (auth scheme, serializers, names): a new endpoint cannot leave a hole."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    schema = (tmp_path / "schema.yaml").read_text()
    assert "ApiKey:" in schema and "/api/v1/fans/{fan_id}/context/:" in schema
