import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from core import keys
from core.models import ApiKey
from tests.conftest import message, post, purchase


def test_create_api_key_prints_the_key_alone_on_the_last_line_and_stores_a_hash(db, capsys):
    call_command("create_api_key", "creator_cmd")
    raw_key = capsys.readouterr().out.strip().splitlines()[-1]
    assert raw_key.startswith("fm_")
    stored = ApiKey.objects.get(creator_id="creator_cmd")
    assert raw_key not in (stored.key_hash, stored.prefix) and raw_key.split("_")[1] == stored.prefix
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert client.get("/api/v1/fans/f_1/context/").status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Token abc", "Bearer a b"])
def test_missing_or_bad_key_is_a_401_with_www_authenticate(db, header):
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/fans/f_1/context/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["type"] == "UNAUTHENTICATED"


def test_a_revoked_key_is_a_401(db, capsys):
    call_command("create_api_key", "creator_rev")
    raw_key = capsys.readouterr().out.strip().splitlines()[-1]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert client.get("/api/v1/fans/f_1/context/").status_code == 200
    call_command("revoke_api_key", raw_key.split("_")[1])
    assert client.get("/api/v1/fans/f_1/context/").status_code == 401


def test_another_creator_sees_no_trace_of_a_fan(api, other_api):
    post(api, message(content="only for creator a"))
    post(api, purchase())
    context = other_api.get("/api/v1/fans/f_1/context/").json()
    assert context["is_new"] is True and context["recent_messages"] == [] and context["creator_id"] == "creator_b"
    assert context["engagement_metrics"]["total_purchases"] == 0
    bulk = other_api.post("/api/v1/fans/bulk-context/", {"fan_ids": ["f_1"]}, format="json").json()
    assert bulk["results"]["f_1"]["is_new"] is True
    response = post(other_api, {"event_id": "fb", "fan_id": "f_1", "type": "feedback",
                                "feedback": {"about_event_id": "e1", "outcome": "replied"}})
    assert response.status_code == 400
    assert other_api.delete("/api/v1/fans/f_1/").status_code == 204
    assert api.get("/api/v1/fans/f_1/context/").json()["recent_messages"][0]["content"] == "only for creator a"


def test_the_creator_comes_from_the_key_never_from_the_body(api):
    response = post(api, {**message(), "creator_id": "creator_b"})
    assert response.status_code == 400


def test_delete_removes_every_row_and_cache_key_of_the_fan(api, redis_client):
    from core.registry import sources

    post(api, message("m1", sender="ai"))
    post(api, message("m2", fan_id="f_keep"))
    post(api, purchase())
    api.get("/api/v1/fans/f_1/context/")
    api.get("/api/v1/fans/f_keep/context/")
    assert list(redis_client.scan_iter(match=keys.all_fan_keys_pattern("creator_a", "f_1")))
    assert api.delete("/api/v1/fans/f_1/").status_code == 204
    for source in sources():
        assert not source.rows("creator_a", "f_1").exists(), source.label
    # only the generation counter stays (a number under a keyed hash): no refill in flight can land
    generation = keys.generation_key("creator_a", "f_1").encode()
    assert list(redis_client.scan_iter(match=keys.all_fan_keys_pattern("creator_a", "f_1"))) == [generation]
    assert list(redis_client.scan_iter(match=keys.all_fan_keys_pattern("creator_a", "f_keep")))
    assert api.get("/api/v1/fans/f_1/context/").json()["is_new"] is True
    assert post(api, message("m1", sender="ai")).status_code == 201  # the event id is free again


def test_every_model_with_fan_data_is_registered():
    from django.apps import apps

    from core.registry import registered_models

    holding_fan_data = {model for model in apps.get_models() if any(f.name == "fan_id" for f in model._meta.fields)}
    assert holding_fan_data - registered_models() == set()


FAN_GETS = ["context/", "engagement/", "personality/", "response-style/", "preferences/", "export/", "consent/",
            "facts/", "notes/", "flags/", "segment/", "emotional-state/", "disengagement/"]


def test_no_read_endpoint_shows_another_creators_fan(api, other_api):
    post(api, message(content="secret of creator a", metadata={"city": "Lyon"}))
    post(api, message("e2", content="my name is Zorglub and I live in Marseille"))
    post(api, purchase(amount="77.77"))
    api.put("/api/v1/fans/f_1/consent/", {"analytics": False}, format="json")
    for path in FAN_GETS:
        response = other_api.get(f"/api/v1/fans/f_1/{path}")
        assert response.status_code in (200, 404), path
        text = response.content.decode()
        assert not [leak for leak in ("secret of creator a", "Lyon", "77.77", "creator_a", "Zorglub", "Marseille") if leak in text], path
    assert "Zorglub" in str(api.get("/api/v1/fans/f_1/facts/").content, "utf-8")  # the fact exists for creator a
    listing = other_api.get("/api/v1/fans/").json()
    stats = other_api.get("/api/v1/stats/").json()
    assert listing["count"] == 0 and stats["fans_with_memory"] == 0 and stats["total_revenue"] in ("0", "0.00")
    assert other_api.get("/api/v1/fans/f_1/consent/").json()["consent"]["analytics"] is True
