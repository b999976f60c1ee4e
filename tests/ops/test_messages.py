"""What clients and operators are told: unknown routes, wrong methods, a wrong auth scheme, a
refused database login."""
import pytest
from django.db import connection
from rest_framework.test import APIClient

from core.services import api_key_create


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_routes_are_the_envelope_in_every_mode(db, settings, debug, method):
    settings.DEBUG = debug
    response = getattr(APIClient(enforce_csrf_checks=True), method)("/no/such/route/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"type": "MEMORY_NOT_FOUND", "message": "No such route.", "recoverable": True}}


@pytest.mark.parametrize("method, path", [
    ("post", "/healthz"), ("post", "/readyz"), ("delete", "/metrics"), ("post", "/api/schema/"),
    ("post", "/api/docs/"), ("put", "/api/redoc/"), ("put", "/api/v1/stats/"), ("get", "/api/v1/interactions/"),
    ("patch", "/api/v1/fans/f_1/context/"), ("put", "/api/v1/fans/f_1/facts/"),
])
def test_a_wrong_method_is_method_not_allowed_everywhere(api, method, path):
    api.handler.enforce_csrf_checks = True
    response = getattr(api, method)(path)
    assert response.status_code == 405, path
    assert response.json()["error"]["type"] == "METHOD_NOT_ALLOWED"
    assert response["Allow"]


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/", "/api/schema/", "/healthz"])
def test_options_lists_the_methods_of_the_pages(db, client, path):
    response = client.options(path)
    assert response.status_code == 200 and response["Allow"] == "GET, HEAD, OPTIONS"


def test_another_auth_scheme_is_named_as_wrong(api):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_create(creator_id='creator_a')}")
    response = client.get("/api/v1/fans/f_1/context/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"] == {"type": "UNAUTHENTICATED", "recoverable": True,
                                        "message": "Wrong authentication scheme: send `Authorization: Bearer <api key>`."}
    client.credentials(HTTP_AUTHORIZATION="Bearer fm_nope_nope")
    assert client.get("/api/v1/fans/f_1/context/").json()["error"]["message"] == "Invalid or revoked API key."


def test_readyz_names_a_refused_login(transactional_db, client):
    connection.close()
    user = connection.settings_dict["USER"]
    connection.settings_dict["USER"] = "no_such_role"
    try:
        response = client.get("/readyz")
    finally:
        connection.close()
        connection.settings_dict["USER"] = user
    assert response.status_code == 503 and response.json()["failed"] == ["database"]
    assert response.json()["error"]["message"] == (
        "Unavailable: database (authentication failed: check the user and password in DATABASE_URL).")
