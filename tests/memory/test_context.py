from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core import keys
from core.cache import run
from memory import cache
from memory.models import FanMemory
from fans.context import contexts as memory_contexts
from tests.conftest import message, post, purchase, redis_unreachable

CONTEXT_KEYS = {"fan_id", "creator_id", "is_new", "recent_messages", "personality_profile", "preferences", "consent",
                "emotional_state", "engagement_metrics", "response_style", "last_interaction", "degraded",
                "disengagement", "open_items"}  # API.md, context additions
FACTS_KEYS = {"facts", "notes", "segment", "flags"}  # added by the facts app beside the contract's keys


def save_conversation(api, count, fan_id="f_1"):
    start = timezone.now() - timedelta(hours=1)
    for index in range(count):
        sender = "fan" if index % 2 == 0 else "ai"
        at = (start + timedelta(seconds=index)).isoformat()
        assert post(api, message(f"{fan_id}-m{index}" if fan_id != "f_1" else f"m{index}", fan_id=fan_id, content=f"message number {index}", sender=sender,
                                 occurred_at=at)).status_code == 201


def context(client, fan_id="f_1", query=""):
    return client.get(f"/api/v1/fans/{fan_id}/context/{query}")


def test_unknown_fan_gets_defaults_and_is_new(api):
    response = context(api, "never_seen")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == CONTEXT_KEYS | FACTS_KEYS
    assert body["is_new"] is True and body["recent_messages"] == [] and body["last_interaction"] is None
    assert body["creator_id"] == "creator_a"
    assert body["personality_profile"]["tone"] == "friendly"
    assert set(body["response_style"]) == {"max_length", "emoji_count", "tone", "topics", "avoid_topics"}


def test_messages_come_oldest_first_at_most_fifty(api):
    save_conversation(api, 55)
    body = context(api).json()
    assert body["is_new"] is False
    events = [item["event_id"] for item in body["recent_messages"]]
    assert events == [f"m{index}" for index in range(5, 55)]
    first = body["recent_messages"][0]
    assert set(first) == {"event_id", "content", "sender", "timestamp", "sentiment", "topics", "metadata"}
    assert first["content"] == "message number 5" and first["timestamp"].endswith("Z")
    assert body["engagement_metrics"]["total_messages"] == 55


def test_messages_query_asks_for_fewer(api):
    save_conversation(api, 6)
    body = context(api, query="?messages=2").json()
    assert [item["event_id"] for item in body["recent_messages"]] == ["m4", "m5"]


@pytest.mark.parametrize("query", ["?messages=0", "?messages=51", "?messages=lots"])
def test_bad_messages_query_is_a_400(api, query):
    response = context(api, query=query)
    assert response.status_code == 400 and "messages" in response.json()["error"]["fields"]


@pytest.mark.parametrize("path", ["context/", "engagement/", "export/", "consent/", "personality/",
                                  "preferences/", "response-style/", "facts/", "notes/", "flags/", "segment/",
                                  "emotional-state/", "disengagement/"])
def test_bad_fan_id_in_url_is_a_400_in_the_envelope(api, path):
    response = api.get(f"/api/v1/fans/bad%20id/{path}")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"fan_id": ["Must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."]}


def test_a_cache_miss_rebuilds_from_the_database(api, redis_client):
    save_conversation(api, 3)
    assert [m["event_id"] for m in context(api).json()["recent_messages"]] == ["m0", "m1", "m2"]
    list_key = keys.fan_key("creator_a", "f_1", "messages")
    assert redis_client.llen(list_key) == 3
    redis_client.delete(list_key)
    assert [m["event_id"] for m in context(api).json()["recent_messages"]] == ["m0", "m1", "m2"]
    assert redis_client.llen(list_key) == 3


def test_new_messages_are_written_through_to_a_cached_list(api, redis_client):
    save_conversation(api, 2)
    context(api)
    post(api, message("fresh", content="written through"))
    list_key = keys.fan_key("creator_a", "f_1", "messages")
    assert redis_client.llen(list_key) == 3
    FanMemory.objects.all().delete()  # the read below can only come from the cache now
    assert context(api).json()["recent_messages"][-1]["event_id"] == "fresh"


def test_a_late_message_invalidates_the_list_and_is_served_in_order(api, redis_client):
    save_conversation(api, 2)
    context(api)
    old = (timezone.now() - timedelta(days=2)).isoformat()
    post(api, message("old", content="back-filled", occurred_at=old))
    assert not redis_client.exists(keys.fan_key("creator_a", "f_1", "messages"))
    assert [m["event_id"] for m in context(api).json()["recent_messages"]] == ["old", "m0", "m1"]


def test_a_stale_rebuild_never_overwrites_a_newer_write(api, redis_client):
    save_conversation(api, 1)
    generation = redis_client.get(keys.generation_key("creator_a", "f_1"))
    post(api, message("newer", content="arrived during the slow read"))  # bumps the generation
    run("test", lambda pipe: cache.queue_rebuild(pipe, "creator_a", "f_1", generation, [], 0))
    assert not redis_client.exists(keys.fan_key("creator_a", "f_1", "messages"))
    assert context(api).json()["recent_messages"][-1]["event_id"] == "newer"


def test_cached_messages_are_not_readable_in_redis(api, redis_client):
    post(api, message(content="my secret phrase"))
    context(api)
    entries = redis_client.lrange(keys.fan_key("creator_a", "f_1", "messages"), 0, -1)
    assert entries and all(b"secret phrase" not in entry for entry in entries)


def test_content_and_metadata_are_ciphertext_in_the_database(api):
    post(api, message(content="plaintext canary", metadata={"note": "metadata canary"}))
    with connection.cursor() as cursor:
        cursor.execute("SELECT message_content, metadata, analysis FROM fan_memories")
        row = cursor.fetchone()
        cursor.execute("SELECT metadata, response FROM interaction_events")
        row += cursor.fetchone()
    for column in row:
        raw = bytes(column)
        assert b"canary" not in raw and b"plaintext" not in raw and len(raw) > 20


def test_engagement_cache_is_invalidated_by_new_events(api):
    post(api, message())
    assert context(api).json()["engagement_metrics"]["total_purchases"] == 0
    post(api, purchase())
    assert context(api).json()["engagement_metrics"]["total_purchases"] == 1


def test_context_still_answers_when_redis_is_down(api, settings):
    post(api, message(content="still here"))
    with redis_unreachable(settings):
        response = context(api)
        assert response.status_code == 200
        assert response.json()["recent_messages"][0]["content"] == "still here"
        assert post(api, message("e2", content="saved without cache")).status_code == 201


def test_bulk_context_of_several_fans(api, django_assert_max_num_queries):
    save_conversation(api, 2, fan_id="f_a")
    save_conversation(api, 3, fan_id="f_b")
    fan_ids = ["f_a", "f_b", "f_unknown"]
    # auth + one query per part (4 of facts, 3 of personality: profiles, enabled tones, tone totals;
    # 2 of engagement: metrics, revenue per currency), and one of open items, whatever the fan count
    with django_assert_max_num_queries(16):
        response = api.post("/api/v1/fans/bulk-context/", {"fan_ids": fan_ids}, format="json")
    assert response.status_code == 200
    results = response.json()["results"]
    assert set(results) == set(fan_ids)
    assert len(results["f_b"]["recent_messages"]) == 3 and results["f_unknown"]["is_new"] is True


@pytest.mark.parametrize("body", [{"fan_ids": []}, {"fan_ids": ["ok", "bad id"]}, {"fan_ids": [f"f{i}" for i in range(101)]}, {}])
def test_bad_bulk_context_is_a_400(api, body):
    response = api.post("/api/v1/fans/bulk-context/", body, format="json")
    assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"


def test_warm_context_read_touches_no_table(api, django_assert_max_num_queries):
    save_conversation(api, 3)
    memory_contexts(creator_id="creator_a", fan_ids=["f_1"])
    with django_assert_max_num_queries(0):
        memory_contexts(creator_id="creator_a", fan_ids=["f_1"])
