"""Learning through the API (eager Celery), the preferences and recommendations endpoints."""
from datetime import datetime, timedelta, timezone

import pytest
from django.utils import timezone as dj_timezone

from core import keys
from fans.learning import learn_event as learn_from_event_now
from memory.models import InteractionEvent
from preferences import services
from preferences.models import FanPreferences
from tests.conftest import feedback, message, post, purchase

RECOMMEND = "/api/v1/fans/{}/recommendations/"


def buy(event_id, category=None, content_id=None, **extra):
    body = purchase(event_id, **extra)
    extras = {"category": category, "content_id": content_id}
    body["purchase"].update({name: value for name, value in extras.items() if value})
    return body


def preferences(client, fan_id="f_1"):
    response = client.get(f"/api/v1/fans/{fan_id}/preferences/")
    assert response.status_code == 200
    return response.json()


def recommend(client, items, fan_id="f_1"):
    return client.post(RECOMMEND.format(fan_id), {"available_content": items}, format="json")


def ago(**delta) -> str:
    return (dj_timezone.now() - timedelta(**delta)).isoformat()


def offer(client, event_id, metadata, fan_id="f_1"):
    body = message(event_id, fan_id=fan_id, content="New set just for you 😘", sender="ai", metadata=metadata)
    assert post(client, body).status_code == 201


def test_unknown_fan_gets_the_default_preferences(api):
    body = preferences(api, "nobody")
    assert body["fan_id"] == "nobody" and body["content_preferences"] == {} and body["last_updated"] is None
    assert body["spending"]["purchases"] == 0 and body["communication_preferences"]["reply_speed"] is None
    assert body == api.get("/api/v1/fans/nobody/context/").json()["preferences"]


def test_purchases_move_their_category_up_with_growing_confidence(api, redis_client):
    seen = []
    for index in range(4):
        assert post(api, buy(f"p{index}", amount="15.00", category="lingerie",
                                  occurred_at=ago(hours=4 - index))).status_code == 201
        entry = preferences(api)["content_preferences"]["lingerie"]  # cached, then invalidated by learning
        seen.append((entry["score"], entry["confidence"], entry["evidence_count"]))
    assert [count for _, _, count in seen] == [1, 2, 3, 4]
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(seen, seen[1:]))
    assert redis_client.exists(keys.fan_key("creator_a", "f_1", "preferences"))
    body = preferences(api)
    assert body["evidence_count"] == 4 and body["spending"]["typical_amount"] == "15.00"
    assert api.get("/api/v1/fans/f_1/context/").json()["preferences"] == body


@pytest.mark.parametrize("metadata", [{"category": "cosplay"}, {"offer": {"category": "cosplay", "content_id": "c9"}}])
def test_ignored_and_refused_offers_move_their_category_down(api, metadata):
    post(api, buy("p1", category="cosplay", occurred_at=ago(hours=3)))
    start = preferences(api)["content_preferences"]["cosplay"]["score"]
    offer(api, "offer1", metadata)
    assert post(api, feedback("fb1", "offer1", outcome="ignored")).status_code == 201
    ignored = preferences(api)["content_preferences"]["cosplay"]["score"]
    offer(api, "offer2", metadata)
    post(api, feedback("fb2", "offer2", outcome="negative"))
    refused = preferences(api)["content_preferences"]["cosplay"]["score"]
    assert start > ignored > refused
    assert preferences(api)["content_preferences"]["cosplay"]["evidence_count"] == 3


def test_feedback_on_a_message_without_an_offer_category_teaches_nothing(api):
    offer(api, "hello", {"offer": {"price": "12"}})
    post(api, feedback("fb1", "hello", outcome="ignored"))
    assert preferences(api)["content_preferences"] == {}


def test_purchased_feedback_counts_for_the_offer_category(api):
    offer(api, "offer1", {"category": "feet"})
    post(api, feedback("fb1", "offer1", outcome="purchased"))
    entry = preferences(api)["content_preferences"]["feet"]
    assert entry["score"] > 0.5 and entry["purchases"] == 0


def test_purchase_patterns_match_a_known_history(api):
    history = [("2026-11-06T21:10:00Z", "ppv", "10.00"), ("2026-11-13T21:30:00Z", "ppv", "20.00"),
               ("2026-11-14T22:00:00Z", "ppv", "15.00"), ("2026-11-17T10:00:00Z", "ppv", "15.00"),
               ("2026-11-20T21:45:00Z", "ppv", "20.00"), ("2026-11-08T03:00:00Z", "tip", "5.00"),
               ("2026-11-15T03:30:00Z", "tip", "7.00"), ("2026-11-18T12:00:00Z", "custom", "60.00")]
    for index, (moment, kind, amount) in enumerate(history):
        assert post(api, buy(f"p{index}", kind=kind, amount=amount, occurred_at=moment)).status_code == 201
    patterns = {p["content_type"]: p for p in preferences(api)["purchase_patterns"]}
    assert list(patterns) == ["ppv", "tip", "custom"]
    ppv = patterns["ppv"]
    assert (ppv["average_amount"], ppv["purchase_count"], ppv["preferred_days"], ppv["preferred_hours"]) == (
        "16.00", 5, [5], [21])  # Fridays (0 = Sunday) at 21:00 UTC (no time zone known)
    tip = patterns["tip"]
    assert (tip["average_amount"], tip["preferred_days"], tip["preferred_hours"]) == ("6.00", [0], [3])
    assert patterns["custom"]["preferred_days"] == [3] and patterns["custom"]["average_amount"] == "60.00"
    first = datetime(2026, 11, 6, 21, 10, tzinfo=timezone.utc)
    months = max(1.0, (dj_timezone.now() - first).total_seconds() / 86400 / 30.44)
    assert ppv["frequency"] == pytest.approx(5 / months, abs=0.01)


def test_messages_teach_topics_active_hours_and_reply_speed(api):
    start = dj_timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=3)
    for index in range(2):
        ours = start + timedelta(minutes=30 * index)
        post(api, message(f"ai{index}", sender="ai", content="how was your day?", occurred_at=ours.isoformat()))
        reply_at = (ours + timedelta(seconds=40)).isoformat()
        post(api, message(f"fan{index}", content="just back from the gym 💪", occurred_at=reply_at))
    body = preferences(api)
    assert list(body["topic_interests"]) == ["fitness"]
    comm = body["communication_preferences"]
    assert comm["reply_speed"] == "immediate" and comm["typical_reply_seconds"] == 40
    assert comm["active_hours"] == [start.hour] and comm["messages_observed"] == 2
    assert api.get("/api/v1/fans/f_1/context/").json()["response_style"]["topics"] == ["fitness"]


def test_a_redelivered_event_is_learned_once(api):
    post(api, buy("p1", category="feet"))
    learn_from_event_now(InteractionEvent.objects.get(event_id="p1").pk)
    assert preferences(api)["content_preferences"]["feet"]["evidence_count"] == 1
    assert FanPreferences.objects.get(fan_id="f_1").evidence_count == 1


def test_preference_score_update_service(api):
    post(api, buy("p1", category="feet"))
    before = preferences(api)["content_preferences"]["feet"]
    updated = services.preference_score_update(creator_id="creator_a", fan_id="f_1", category="feet", delta=-0.8)
    assert updated["score"] < before["score"] and updated["evidence_count"] == 2
    assert preferences(api)["content_preferences"]["feet"]["score"] == updated["score"]
    with pytest.raises(services.ServiceError) as error:
        services.preference_score_update(creator_id="creator_a", fan_id="f_1", category="Feet!", delta=2)
    assert set(error.value.fields) == {"category", "delta"}


CATALOGUE = [
    {"content_id": "pricey-lace", "category": "lingerie", "kind": "ppv", "price": "90.00", "tags": ["lace"]},
    {"content_id": "cos-1", "category": "cosplay", "kind": "ppv", "price": "15.00", "tags": ["anime"]},
    {"content_id": "lace-1", "category": "lingerie", "kind": "ppv", "price": "15.00", "tags": ["lace"]},
    {"content_id": "photo-1", "category": "photoset", "kind": "ppv", "price": "14.00", "tags": ["polaroid"]},
    {"content_id": "gym-1", "category": "photoset", "kind": "ppv", "price": "14.00", "tags": ["polaroid", "gym"]},
    {"content_id": "owned", "category": "lingerie", "kind": "ppv", "price": "15.00"},
]


def teach_fan(client, fan_id="f_1"):
    for index, amount in enumerate(("14.00", "16.00")):
        post(client, buy(f"{fan_id}-p{index}", fan_id=fan_id, amount=amount, category="lingerie"))
    post(client, buy(f"{fan_id}-p2", fan_id=fan_id, amount="15.00", category="lingerie", content_id="owned"))
    for index in range(3):
        offer(client, f"{fan_id}-o{index}", {"offer": {"category": "cosplay"}}, fan_id=fan_id)
        post(client, feedback(f"{fan_id}-f{index}", f"{fan_id}-o{index}", fan_id=fan_id, outcome="ignored"))
        post(client, message(f"{fan_id}-m{index}", fan_id=fan_id, content="leg day at the gym today"))


def test_recommendations_order_and_reasons_on_a_fixed_catalogue(api):
    for index in range(9):  # other fans make cosplay the creator's best seller, then photosets
        post(api, buy(f"o{index}", fan_id=f"other{index}", category="cosplay" if index < 6 else "photoset"))
    teach_fan(api)
    response = recommend(api, CATALOGUE)
    assert response.status_code == 200
    ranked = response.json()
    # the fan's own category at the usual price; then photosets (no refusals), the one tagged with
    # the fan's topic first; cosplay sells more but this fan ignored three offers; lingerie at six
    # times the usual price; what the fan owns, last.
    assert [row["content_id"] for row in ranked] == ["lace-1", "gym-1", "photo-1", "cos-1", "pricey-lace", "owned"]
    by_id = {row["content_id"]: row for row in ranked}
    assert by_id["lace-1"]["reason"] == "Bought lingerie content 3 times; price close to usual spend (~14.98)."
    assert by_id["photo-1"]["reason"] == (
        "Photoset sells well with this creator's fans; price close to usual spend (~14.98).")
    assert by_id["cos-1"]["reason"].startswith("Ignored or declined cosplay offers")
    assert "matches interest in fitness" in by_id["gym-1"]["reason"]
    assert "pricier than usual spend" in by_id["pricey-lace"]["reason"]
    assert by_id["owned"]["already_bought"] is True and by_id["owned"]["score"] == 0.0
    assert set(by_id["lace-1"]) == {"content_id", "score", "reason", "already_bought", "signals"}


def test_a_new_fan_gets_the_creators_best_sellers_first(api):
    for index in range(3):
        post(api, buy(f"o{index}", fan_id=f"other{index}", category="feet", amount="12.00"))
    items = [{"content_id": "a", "category": "cosplay", "price": 12},
             {"content_id": "b", "category": "feet", "price": 12}]
    ranked = recommend(api, items, fan_id="newcomer").json()
    assert [row["content_id"] for row in ranked] == ["b", "a"]
    assert ranked[0]["reason"] == (
        "Feet sells well with this creator's fans; price close to what fans usually pay (~12.00).")


def test_tenancy_preferences_and_recommendations_stay_with_their_creator(api, other_api):
    teach_fan(api)
    assert preferences(other_api)["content_preferences"] == {}
    assert other_api.get("/api/v1/fans/f_1/context/").json()["preferences"]["content_preferences"] == {}
    ranked = recommend(other_api, CATALOGUE).json()
    assert [row["content_id"] for row in ranked] == [item["content_id"] for item in CATALOGUE]  # nothing known
    assert not any(row["already_bought"] for row in ranked)
    assert {row["reason"] for row in ranked} == {"No history yet: neutral rank."}
    assert preferences(api)["content_preferences"]["lingerie"]["purchases"] == 3


@pytest.mark.parametrize("body, field", [
    ({}, "available_content"),
    ({"available_content": []}, "available_content"),
    ({"available_content": "abc"}, "available_content"),
    ({"available_content": [{"content_id": str(i)} for i in range(201)]}, "available_content"),
    ({"available_content": [{"content_id": "a"}, {"category": "feet"}]}, "available_content[1].content_id"),
    ({"available_content": [{"content_id": "a", "price": "cheap"}]}, "available_content[0].price"),
    ({"available_content": [{"content_id": "a", "price": -1}]}, "available_content[0].price"),
    ({"available_content": [{"content_id": "a", "category": "Not OK!"}]}, "available_content[0].category"),
    ({"available_content": [{"content_id": "a", "kind": "gift"}]}, "available_content[0].kind"),
    ({"available_content": [{"content_id": "a", "tags": "feet"}]}, "available_content[0].tags"),
    ({"available_content": [{"content_id": "a"}, {"content_id": "a"}]}, "available_content[1].content_id"),
    ({"available_content": [{"content_id": "a"}, 7]}, "available_content[1]"),
    ({"available_content": [{"content_id": "a", "colour": "red"}]}, "available_content[0].colour"),
    ({"available_content": [{"content_id": "a"}], "limit": 3}, "limit"),
])
def test_bad_recommendation_requests_are_a_400_with_fields(api, body, field):
    response = api.post(RECOMMEND.format("f_1"), body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "INVALID_DATA" and field in error["fields"]


def test_two_hundred_items_are_accepted(api):
    items = [{"content_id": f"c{i}", "category": "feet", "price": i + 1, "tags": ["feet"]} for i in range(200)]
    assert len(recommend(api, items).json()) == 200


def test_a_bad_fan_id_is_a_400_and_no_key_a_401(api, client):
    response = api.get("/api/v1/fans/bad%20id/preferences/")
    assert response.status_code == 400 and "fan_id" in response.json()["error"]["fields"]
    assert recommend(api, [{"content_id": "a"}], fan_id="x" * 256).status_code == 400
    assert client.get("/api/v1/fans/f_1/preferences/").status_code == 401


def test_erasure_forgets_the_preferences(api, redis_client):
    teach_fan(api)
    preferences(api)
    assert api.delete("/api/v1/fans/f_1/").status_code == 204
    assert preferences(api)["content_preferences"] == {}
    assert not FanPreferences.objects.filter(fan_id="f_1").exists()


def test_admin_shows_preferences_read_only(api, admin_client):
    teach_fan(api)
    row = FanPreferences.objects.get(fan_id="f_1")
    assert admin_client.get("/admin/preferences/fanpreferences/").status_code == 200
    assert admin_client.get(f"/admin/preferences/fanpreferences/{row.pk}/change/").status_code == 200
    assert admin_client.get("/admin/preferences/fanpreferences/add/").status_code == 403
    assert admin_client.post(f"/admin/preferences/fanpreferences/{row.pk}/delete/", {"post": "yes"}).status_code == 403


def test_categories_nothing_is_known_of_are_neutral_not_a_perfect_match(api):
    items = [{"content_id": "a", "category": "cosplay", "price": 12},
             {"content_id": "b", "category": "feet", "price": 12}]
    ranked = recommend(api, items, fan_id="newcomer").json()
    assert [row["signals"]["category"] for row in ranked] == [0.5, 0.5]
    post(api, buy("o1", fan_id="other", category="feet", amount="12.00"))
    ranked = recommend(api, items, fan_id="newcomer").json()
    assert ranked[0]["content_id"] == "b" and ranked[0]["signals"]["category"] == 1.0


def test_the_schema_numbers_days_as_the_seed_and_the_code_do(api):
    schemas = api.get("/api/schema/?format=json").json()["components"]["schemas"]
    for schema, field in (("PurchasePattern", "preferred_days"), ("Communication", "active_days")):
        assert "0 = Sunday" in schemas[schema]["properties"][field]["description"]


def test_purchase_patterns_and_active_hours_in_the_fans_stated_time_zone(api):
    assert post(api, message("hello", content="hi")).status_code == 201
    assert api.post("/api/v1/fans/f_1/facts/", {"kind": "timezone", "value": "Asia/Tokyo"},
                    format="json").status_code == 201
    for index, moment in enumerate(("2026-11-06T21:10:00Z", "2026-11-13T21:30:00Z", "2026-11-20T21:45:00Z")):
        assert post(api, buy(f"p{index}", kind="ppv", amount="10.00", occurred_at=moment)).status_code == 201
        assert post(api, message(f"m{index}", content="so late", occurred_at=moment)).status_code == 201
    body = preferences(api)
    [ppv] = body["purchase_patterns"]
    assert (ppv["preferred_days"], ppv["preferred_hours"], ppv["timezone"]) == ([6], [6], "Asia/Tokyo")  # no DST: whatever today is
    comm = body["communication_preferences"]
    assert comm["timezone"] == "Asia/Tokyo" and 6 in comm["active_hours"]
    context = api.get("/api/v1/fans/f_1/context/").json()["preferences"]
    assert context["purchase_patterns"][0]["timezone"] == "Asia/Tokyo"
    assert preferences(api, "f_unknown")["communication_preferences"]["timezone"] == "UTC"
