from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from memory.models import EngagementMetrics, FanMemory, InteractionEvent
from tests.conftest import feedback, message, post, purchase

EMOTIONS = {
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity", "desire",
    "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear", "gratitude", "grief", "joy",
    "love", "nervousness", "optimism", "pride", "realization", "relief", "remorse", "sadness", "surprise",
}


def test_message_is_saved_with_its_analysis(api):
    response = post(api, message(content="I love your pics so much 😍", occurred_at="2026-11-24T10:00:00+01:00"))
    assert response.status_code == 201
    body = response.json()
    assert body["event_id"] == "e1" and body["fan_id"] == "f_1" and body["type"] == "message"
    assert body["occurred_at"] == "2026-11-24T09:00:00Z"
    analysis = body["analysis"]
    assert analysis["sentiment"] in {"positive", "negative", "neutral"}
    assert set(analysis["emotions"]) == EMOTIONS
    assert {"confidence", "intensity", "topics", "polarity", "labels", "language"} <= set(analysis)
    row = FanMemory.objects.get(creator_id="creator_a", event_id="e1")
    assert row.message_content == "I love your pics so much 😍"
    assert row.sentiment == analysis["sentiment"]


def test_purchase_and_feedback_are_stored_as_events(api):
    assert post(api, message("ai1", sender="ai", content="want to see more?")).status_code == 201
    assert post(api, purchase(amount="12.50")).status_code == 201
    response = post(api, feedback("fb1", "ai1", outcome="purchased"))
    assert response.status_code == 201
    assert "analysis" not in response.json()
    stored = InteractionEvent.objects.get(creator_id="creator_a", event_id="p1")
    assert stored.amount == Decimal("12.50") and stored.purchase_kind == "ppv"
    assert InteractionEvent.objects.get(event_id="fb1").outcome == "purchased"


def test_engagement_metrics_follow_the_events(api):
    start = timezone.now() - timedelta(hours=2)
    post(api, message("m1", sender="ai", occurred_at=start.isoformat()))
    post(api, message("m2", sender="fan", occurred_at=(start + timedelta(seconds=120)).isoformat()))
    post(api, message("m3", sender="creator", occurred_at=(start + timedelta(seconds=200)).isoformat()))
    post(api, message("m4", sender="fan", occurred_at=(start + timedelta(seconds=600)).isoformat()))
    post(api, purchase("p1", amount="10.00"))
    post(api, purchase("p2", amount="5.50", kind="tip"))
    metrics = EngagementMetrics.objects.get(creator_id="creator_a", fan_id="f_1")
    assert metrics.total_messages == 4
    assert metrics.total_purchases == 2
    assert metrics.total_revenue == Decimal("15.50")
    assert metrics.avg_response_time_seconds == 260  # mean of 120 s and 400 s
    assert metrics.last_interaction > start


def test_reply_time_is_measured_within_conversations_not_across_nights(api):
    start = timezone.now() - timedelta(days=2)
    replies = [(0, 400), (3600 * 3, 600), (3600 * 20, 3600 * 9)]  # (ai message at, fan reply after) in s
    for index, (at, after) in enumerate(replies):
        sent = start + timedelta(seconds=at)
        post(api, message(f"ai{index}", sender="ai", occurred_at=sent.isoformat()))
        post(api, message(f"fan{index}", occurred_at=(sent + timedelta(seconds=after)).isoformat()))
    metrics = EngagementMetrics.objects.get(creator_id="creator_a", fan_id="f_1")
    assert metrics.avg_response_time_seconds == 500  # the overnight answer (9 h) is not a reply time
    assert metrics.response_samples == 3  # ...but it is a reply, for the reply rate
    engagement = api.get("/api/v1/fans/f_1/engagement/").json()
    assert engagement["avg_response_time_seconds"] == 500 and engagement["components"]["reply_rate"] == 1.0


@pytest.mark.parametrize("body, field", [
    (message(fan_id="bad id!"), "fan_id"),
    (message(fan_id="x" * 256), "fan_id"),
    (message(event_id="e" * 129), "event_id"),
    (message(event_id=""), "event_id"),
    ({**message(), "type": "poke"}, "type"),
    ({"event_id": "e1", "fan_id": "f_1", "type": "message"}, "message"),
    ({**message(), "purchase": {"kind": "tip", "amount": "1.00"}}, "purchase"),
    (message(content=""), "message"),
    (message(content="   "), "message"),
    (message(content="x" * 10_001), "message"),
    (message(sender="bot"), "message"),
    (message(occurred_at="yesterday"), "occurred_at"),
    (message(occurred_at="0001-01-01T00:00:00Z"), "occurred_at"),
    (message(occurred_at="1999-12-31T23:59:59Z"), "occurred_at"),
    (message(fan_id="f_1\n"), "fan_id"),
    (message(metadata=["not", "an", "object"]), "metadata"),
    (message(metadata={"blob": "x" * 9000}), "metadata"),
    (purchase(amount="-1.00"), "purchase"),
    (purchase(amount="1.999"), "purchase"),
    (purchase(amount="lots"), "purchase"),
    ({**purchase(), "purchase": {"kind": "gift", "amount": "1.00"}}, "purchase"),
    ({**message(), "surprise": 1}, "surprise"),
])
def test_bad_input_is_a_400_in_the_envelope_and_saves_nothing(api, body, field):
    response = post(api, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "INVALID_DATA" and error["recoverable"] is True
    assert field in error["fields"]
    assert not InteractionEvent.objects.exists()


def test_occurred_at_may_not_be_more_than_five_minutes_ahead(api):
    soon = timezone.now() + timedelta(minutes=4)
    late = timezone.now() + timedelta(minutes=6)
    assert post(api, message("ok", occurred_at=soon.isoformat())).status_code == 201
    assert post(api, message("ko", occurred_at=late.isoformat())).status_code == 400


def test_a_fan_id_in_the_url_with_a_trailing_newline_is_a_400(api):
    response = api.get("/api/v1/fans/f_1%0A/context/")
    assert response.status_code == 400 and "fan_id" in response.json()["error"]["fields"]


def test_feedback_must_be_about_an_ai_message_of_the_same_fan(api):
    post(api, message("fan1", sender="fan"))
    post(api, message("ai1", sender="ai", fan_id="f_2"))
    for about in ("fan1", "ai1", "missing"):
        response = post(api, feedback(f"fb-{about}", about))
        assert response.status_code == 400
        assert "feedback" in response.json()["error"]["fields"]
    assert not InteractionEvent.objects.filter(type="feedback").exists()


def test_not_json_is_a_400_and_a_huge_body_a_413(api, settings):
    response = api.post("/api/v1/interactions/", "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(api, message(content="x" * 2000))
    assert response.status_code == 413 and response.json()["error"]["type"] == "PAYLOAD_TOO_LARGE"


def test_batch_saves_each_event_on_its_own(api):
    events = [message("b1"), message("b2", fan_id="bad id"), purchase("b3"), message("b1"), message("b1", content="changed")]
    response = post(api, {"events": events}, path="/api/v1/interactions/batch/")
    assert response.status_code == 200
    statuses = [(item["event_id"], item["status"]) for item in response.json()["results"]]
    assert statuses == [("b1", 201), ("b2", 400), ("b3", 201), ("b1", 200), ("b1", 409)]
    assert response.json()["results"][1]["error"]["type"] == "INVALID_DATA"
    assert set(InteractionEvent.objects.values_list("event_id", flat=True)) == {"b1", "b3"}


@pytest.mark.parametrize("body", [{"events": []}, {"events": "nope"}, {}, {"events": [message(f"x{i}") for i in range(501)]}])
def test_bad_batches_are_rejected_whole(api, body):
    response = post(api, body, path="/api/v1/interactions/batch/")
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "INVALID_DATA"
    assert not InteractionEvent.objects.exists()


def test_saved_messages_carry_their_topics(api):
    response = post(api, message(content="just finished leg day at the gym, so sore"))
    assert "fitness" in response.json()["analysis"]["topics"]
    assert "fitness" in FanMemory.objects.get().topics


def test_only_messages_skip_the_wait_for_the_wal_flush(api, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def relaxed(body) -> bool:
        with CaptureQueriesContext(connection) as queries:
            assert post(api, body).status_code == 201
        return any("set_config('synchronous_commit', 'off', true)" in query["sql"] for query in queries)

    assert relaxed(message("m1"))
    assert not relaxed(purchase("p1"))
    settings.FANMEMORY = {**settings.FANMEMORY, "MESSAGE_SYNCHRONOUS_COMMIT": True}
    assert not relaxed(message("m2"))


def test_sentiment_and_topics_are_plain_indexed_columns(api):
    from django.db import connection

    post(api, message("m1", content="just back from the gym, I love it"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT sentiment, topics FROM fan_memories")
        assert cursor.fetchone() == ("positive", ["fitness"])
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'fan_memories'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("(creator_id, sentiment" in definition for definition in definitions)
    assert any("gin (topics)" in definition for definition in definitions)


def nested(depth: int):
    value = "too deep"
    for _ in range(depth):
        value = [value]
    return value


HOSTILE_EVENTS = [
    message("h1", metadata={"deep": nested(40)}),
    {**message("h3"), "fan_id": 2 ** 70},
    purchase("h4", amount="100000.01"),
]


@pytest.mark.parametrize("event", HOSTILE_EVENTS)
def test_hostile_bodies_are_a_400_and_store_nothing(api, event):
    response = api.post("/api/v1/interactions/", event, format="json")
    assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"
    assert not InteractionEvent.objects.exists()


def test_a_body_nested_past_the_parser_limit_is_a_400(api):
    response = api.post("/api/v1/interactions/", "[" * 3000 + "]" * 3000, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"


def test_a_batch_reports_hostile_events_one_by_one(api):
    events = [*HOSTILE_EVENTS, {"event_id": 2 ** 70, "fan_id": "f_1"}, message("ok")]
    response = api.post("/api/v1/interactions/batch/", {"events": events}, format="json")
    assert response.status_code == 200
    assert [item["status"] for item in response.json()["results"]] == [400, 400, 400, 400, 201]


def test_a_number_past_64_bits_is_read_as_a_float_and_served(api):
    assert post(api, message("m1", metadata={"big": 2 ** 70})).status_code == 201
    context = api.get("/api/v1/fans/f_1/context/")
    assert context.status_code == 200 and context.json()["recent_messages"][0]["metadata"] == {"big": 2.0 ** 70}
