"""POST /api/v1/emotions/analyze/: one text or a batch, nothing stored, bad input a 400 envelope."""
import pytest

from memory.models import FanMemory, InteractionEvent
from tests.conftest import message, post

PATH = "/api/v1/emotions/analyze/"


def test_one_text(api):
    response = post(api, {"text": "OMG I love this so much 😍😍"}, PATH)
    assert response.status_code == 200
    body = response.json()
    assert body["sentiment"] == "positive" and "love" in body["labels"] and len(body["emotions"]) == 27
    assert not InteractionEvent.objects.exists() and not FanMemory.objects.exists()


def test_a_batch_in_order(api):
    texts = ["this is terrible", "merci beaucoup !", "😡"]
    response = post(api, {"texts": texts}, PATH)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["sentiment"] for r in results] == ["negative", "positive", "negative"]
    assert results[1]["language"] == "fr"


@pytest.mark.parametrize("body, field", [
    ({"text": ""}, "text"), ({"text": "   "}, "text"), ({"text": "x" * 10_001}, "text"),
    ({"texts": []}, "texts"), ({"texts": ["ok"] * 101}, "texts"), ({"texts": ["ok", ""]}, "texts"),
    ({}, "text"), ({"text": "a", "texts": ["b"]}, "text"), ({"text": 12}, "text"), ({"txt": "hi"}, "txt"),
    ({"texts": "not a list"}, "texts"),
])
def test_bad_input_is_a_400_envelope(api, body, field):
    response = post(api, body, PATH)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "INVALID_DATA" and field in error["fields"]


def test_needs_a_key(transactional_db):
    from rest_framework.test import APIClient

    assert APIClient().post(PATH, {"text": "hi"}, format="json").status_code == 401


def test_saved_messages_store_the_analysis(api):
    assert post(api, message(content="I'm so sad and disappointed today 😢")).status_code == 201
    row = FanMemory.objects.get(event_id="e1")
    assert row.sentiment == "negative"
    assert "sadness" in row.analysis["labels"] and row.analysis["language"] == "en"


def test_bad_fan_id_on_state_endpoints(api):
    for suffix in ("emotional-state", "disengagement"):
        response = api.get(f"/api/v1/fans/bad id!/{suffix}/")
        assert response.status_code in (400, 404)
