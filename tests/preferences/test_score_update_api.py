"""PATCH /fans/{fan_id}/preferences/{category}/ (the seed's updatePreferenceScore): the new score,
400s in the envelope for a bad delta, body or category, 404 for an unknown fan, 403 while
personalization is off."""
import pytest

from tests.conftest import post, purchase


def patch(client, body, category="feet", fan_id="f_1"):
    return client.patch(f"/api/v1/fans/{fan_id}/preferences/{category}/", body, format="json")


@pytest.fixture
def fan(api):
    assert post(api, purchase("p1")).status_code == 201
    return api


def test_a_delta_moves_the_category_and_answers_its_new_score(fan):
    up = patch(fan, {"delta": 1})
    assert up.status_code == 200
    body = up.json()
    assert body["category"] == "feet" and body["score"] > 0.5 and body["evidence_count"] == 1
    down = patch(fan, {"delta": -1}).json()
    assert down["score"] < body["score"] and down["evidence_count"] == 2
    served = fan.get("/api/v1/fans/f_1/preferences/").json()["content_preferences"]["feet"]
    assert served["score"] == down["score"]


@pytest.mark.parametrize("body, field", [
    ({"delta": 1.5}, "delta"), ({"delta": -1.01}, "delta"), ({"delta": "0.5"}, "delta"), ({"delta": True}, "delta"),
    ({}, "delta"), ({"delta": 0.5, "weight": 1}, "weight"),
])
def test_a_bad_body_is_a_400_in_the_envelope(fan, body, field):
    response = patch(fan, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "INVALID_DATA" and field in error["fields"]
    assert "feet" not in fan.get("/api/v1/fans/f_1/preferences/").json()["content_preferences"]


def test_a_bad_category_is_a_400(fan):
    response = patch(fan, {"delta": 0.5}, category="Feet!")
    assert response.status_code == 400 and "category" in response.json()["error"]["fields"]


def test_an_unknown_fan_is_a_404_and_nothing_is_stored(fan, other_api):
    assert patch(fan, {"delta": 0.5}, fan_id="f_nobody").status_code == 404
    assert patch(other_api, {"delta": 0.5}).status_code == 404  # another creator's fan is unknown too


def test_nothing_is_stored_while_personalization_is_off(fan):
    assert fan.put("/api/v1/fans/f_1/consent/", {"personalization": False}, format="json").status_code == 200
    response = patch(fan, {"delta": 0.5})
    assert response.status_code == 403 and response.json()["error"]["type"] == "CONSENT_WITHDRAWN"


def test_the_schema_documents_the_operation(api):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/fans/{fan_id}/preferences/{category}/"]["patch"]
    assert operation["tags"] == ["preferences"]
    assert {"200", "400", "403", "404"} <= set(operation["responses"])
    delta = operation["requestBody"]["content"]["application/json"]["schema"]
    assert delta["properties"]["delta"]["minimum"] == -1 and delta["properties"]["delta"]["maximum"] == 1
    assert delta["required"] == ["delta"] and delta.get("additionalProperties") is False
