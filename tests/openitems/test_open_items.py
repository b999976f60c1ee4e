"""Open items end to end: opened by fan messages, in the context, closed by API or by a later event,
encrypted, erased, holding offers back, and excusing the tone after a complaint."""
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core.registry import sources
from openitems.models import OpenItem
from personality.models import CreatorToneStats, PersonalityProfile
from tests.conftest import feedback, message, post, purchase

FAN = "f_items"


def at(minutes: int) -> str:
    return (timezone.now() - timedelta(hours=15) + timedelta(minutes=minutes)).isoformat()


def say(api, event_id, content, minute, sender="fan", **extra):
    response = post(api, message(event_id, fan_id=FAN, content=content, sender=sender, occurred_at=at(minute), **extra))
    assert response.status_code == 201, response.content


def open_items(api, fan_id=FAN):
    return api.get(f"/api/v1/fans/{fan_id}/context/").json()["open_items"]


def test_the_issues_conversation_leaves_its_items_in_the_context(api):
    say(api, "m1", "hey, my exam is Friday so I'm stressed", 0)
    bought = purchase("p1", fan_id=FAN, occurred_at=at(1))
    bought["purchase"]["category"] = "lingerie"
    post(api, bought)
    say(api, "m2", "the set was blurry", 2)
    say(api, "m3", "and the video cut at 10 s. I want a refund", 3)
    say(api, "m4", "ma grand-mère est à l'hôpital", 4)
    items = open_items(api)
    assert [(item["kind"], item["summary"], item["event_id"], item["category"]) for item in items] == [
        ("follow_up", "hey, my exam is Friday so I'm stressed", "m1", None),
        ("content_problem", "the set was blurry", "m2", "lingerie"),
        ("refund", "I want a refund", "m3", "lingerie"),
        ("follow_up", "ma grand-mère est à l'hôpital", "m4", None),
    ]
    assert all(set(item) == {"id", "kind", "summary", "since", "event_id", "category"} for item in items)
    assert items[1]["since"].endswith("Z")


def test_a_repeated_complaint_opens_nothing_more_and_a_positive_message_opens_nothing(api):
    say(api, "m1", "the set was blurry", 0)
    say(api, "m2", "still blurry tbh", 1)
    say(api, "m3", "you are amazing, loved every second 😍", 2)
    assert [item["event_id"] for item in open_items(api)] == ["m1"]


def test_a_settling_message_closes_the_problem_in_english_and_french(api):
    say(api, "m1", "the link doesn't work", 0)
    say(api, "m2", "thanks, it works now", 1)
    say(api, "m3", "la vidéo est floue", 2)
    assert [item["event_id"] for item in open_items(api)] == ["m3"]
    say(api, "m4", "c est bon merci", 3)
    assert open_items(api) == []
    closed = api.get(f"/api/v1/fans/{FAN}/open-items/?status=closed").json()["results"]
    assert {(item["event_id"], item["closed_by"]) for item in closed} == {("m1", "message"), ("m3", "message")}
    assert OpenItem.objects.get(event_id="m1").closed_event_id == "m2"


def test_answers_refunds_follow_ups_and_purchases_settle_their_items(api):
    say(api, "m1", "when will you post the beach set?", 0)
    say(api, "m2", "I want a refund", 1)
    say(api, "m3", "my exam is Friday", 2)
    assert [item["kind"] for item in open_items(api)] == ["unanswered_question", "refund", "follow_up"]
    say(api, "c1", "next week babe!", 3, sender="creator")
    assert [item["kind"] for item in open_items(api)] == ["refund", "follow_up"]
    say(api, "a1", "done, I've refunded you 💕", 4, sender="ai")
    say(api, "a2", "how did the exam go?", 5, sender="ai")
    assert open_items(api) == []


def test_a_purchase_in_the_category_complained_about_settles_it(api):
    body = purchase("p1", fan_id=FAN, occurred_at=at(0))
    body["purchase"]["category"] = "cosplay"
    post(api, body)
    say(api, "m1", "that cosplay set was disappointing", 1)
    assert open_items(api)[0]["category"] == "cosplay"
    again = purchase("p2", fan_id=FAN, occurred_at=at(2))
    again["purchase"]["category"] = "cosplay"
    post(api, again)
    assert open_items(api) == []


def test_closing_by_the_api_and_bad_input(api, other_api):
    say(api, "m1", "I want a refund", 0)
    item_id = open_items(api)[0]["id"]
    assert other_api.post(f"/api/v1/fans/{FAN}/open-items/{item_id}/close/", {}, format="json").status_code == 404
    closed = api.post(f"/api/v1/fans/{FAN}/open-items/{item_id}/close/", {}, format="json")
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed" and closed.json()["closed_by"] == "creator"
    again = api.post(f"/api/v1/fans/{FAN}/open-items/{item_id}/close/", {"closed_by": "staff"}, format="json")
    assert again.json()["closed_by"] == "creator"  # idempotent: the first closing stands
    assert open_items(api) == []
    for path, body in ((f"/api/v1/fans/{FAN}/open-items/{item_id}/close/", {"closed_by": "someone"}),
                       (f"/api/v1/fans/{FAN}/open-items/{item_id}/close/", {"unknown": 1}),
                       ("/api/v1/fans/bad%20id/open-items/", None)):
        response = api.post(path, body, format="json") if body is not None else api.get(path)
        assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"
    assert api.get(f"/api/v1/fans/{FAN}/open-items/?status=maybe").status_code == 400
    missing = api.post(f"/api/v1/fans/{FAN}/open-items/00000000-0000-0000-0000-000000000000/close/", {}, format="json")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "MEMORY_NOT_FOUND"


def test_the_summary_is_encrypted_exported_and_erased(api):
    say(api, "m1", "ma mamie est a l hopital depuis hier", 0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT summary::text, subject::text, slot FROM fan_open_items")
        summary, subject, slot = cursor.fetchone()
    assert "mamie" not in summary and "hospital" not in subject and "hospital" not in slot and slot
    export = api.get(f"/api/v1/fans/{FAN}/export/")
    assert "ma mamie est a l hopital depuis hier" in export.content.decode()
    assert "fan_open_items" in {source.label for source in sources()}
    assert api.post(f"/api/v1/fans/{FAN}/erasure/").status_code == 202
    assert not OpenItem.objects.filter(fan_id=FAN).exists()
    assert open_items(api) == []


def test_recommendations_step_back_from_a_category_just_complained_about(api):
    for index, category in enumerate(("lingerie", "lingerie", "cosplay")):
        body = purchase(f"p{index}", fan_id=FAN, amount="12.99", occurred_at=at(index))
        body["purchase"]["category"] = category
        post(api, body)
    available = {"available_content": [
        {"content_id": "c_lingerie", "category": "lingerie", "kind": "ppv", "price": "12.99", "tags": []},
        {"content_id": "c_cosplay", "category": "cosplay", "kind": "ppv", "price": "12.99", "tags": []}]}
    path = f"/api/v1/fans/{FAN}/recommendations/"
    assert [row["content_id"] for row in api.post(path, available, format="json").json()] == ["c_lingerie", "c_cosplay"]
    say(api, "m1", "the lingerie set was blurry", 5)
    ranked = api.post(path, available, format="json").json()
    assert [row["content_id"] for row in ranked] == ["c_cosplay", "c_lingerie"]
    assert ranked[1]["reason"].startswith("Held back: the fan complained about lingerie content.")
    say(api, "m2", "all good now, thanks", 6)
    assert [row["content_id"] for row in api.post(path, available, format="json").json()] == ["c_lingerie", "c_cosplay"]


def tone_evidence(fan_id: str) -> dict:
    return PersonalityProfile.objects.get(fan_id=fan_id).evidence["tone"]["own"]


def test_a_negative_outcome_right_after_a_complaint_is_not_charged_to_the_tone(api):
    tagged = {"metadata": {"tone": "friendly"}}
    for fan_id, complaint in (("f_complained", "the set was blurry"), ("f_calm", "what a day, finally home")):
        post(api, message(f"{fan_id}-m1", fan_id=fan_id, content=complaint, occurred_at=at(0)))
        post(api, message(f"{fan_id}-a1", fan_id=fan_id, content="so sorry babe", sender="ai", occurred_at=at(1),
                          **tagged))
        assert post(api, feedback(f"{fan_id}-fb1", f"{fan_id}-a1", fan_id=fan_id, outcome="negative")).status_code == 201
    assert tone_evidence("f_calm") == {"friendly": [0.0, 2.0]}
    assert tone_evidence("f_complained") == {}
    assert CreatorToneStats.objects.get(creator_id="creator_a", tone="friendly").failures == 2.0  # f_calm's only
    # a recalibration replays the history the same way
    assert api.post("/api/v1/fans/f_complained/personality/calibrate/").status_code == 200
    assert tone_evidence("f_complained") == {}
    # a good outcome after the complaint still counts for the tone
    post(api, message("a2", fan_id="f_complained", content="here it is again", sender="ai", occurred_at=at(2),
                      **tagged))
    post(api, feedback("fb2", "a2", fan_id="f_complained", outcome="positive"))
    assert tone_evidence("f_complained") == {"friendly": [1.0, 0.0]}


def test_retention_drops_the_items_of_expired_messages(api):
    old = (timezone.now() - timedelta(days=800)).isoformat()
    assert post(api, message("old-1", fan_id=FAN, content="I want a refund", occurred_at=old)).status_code == 201
    say(api, "new-1", "the link doesn't work", 0)
    call_command("cleanup_old_memories")
    assert [item["event_id"] for item in open_items(api)] == ["new-1"]
    assert not OpenItem.objects.filter(event_id="old-1").exists()


def test_a_dodged_question_stays_open_and_the_same_question_again_replaces_it(api):
    say(api, "m1", "when is the next cosplay set coming out?", 0)
    say(api, "a1", "Ooh you'll have to wait and see 😏", 1, sender="ai")
    say(api, "m2", "ok seriously, any date for the next one?", 2)
    say(api, "a2", "I love that you're so into it! 🥰", 3, sender="ai")
    assert [(item["kind"], item["event_id"]) for item in open_items(api)] == [("unanswered_question", "m2")]
    say(api, "a3", "It's in two weeks, promise", 4, sender="ai")
    assert open_items(api) == []


def test_a_grievance_again_in_a_later_conversation_is_a_new_item_and_a_goodbye_is_no_follow_up(api):
    say(api, "m1", "c'est une arnaque ton truc", 0)
    say(api, "m2", "franchement c'est toujours les mêmes photos", 13 * 60)
    say(api, "m3", "je pars en vacances demain à Barcelone", 13 * 60 + 1)
    say(api, "a1", "Bon voyage ! Raconte-moi tout à ton retour", 13 * 60 + 2, sender="ai")
    assert [(item["kind"], item["event_id"]) for item in open_items(api)] == [
        ("complaint", "m1"), ("complaint", "m2"), ("follow_up", "m3")]
    say(api, "a2", "alors, c'était bien les vacances ?", 13 * 60 + 3, sender="ai")
    assert [item["event_id"] for item in open_items(api)] == ["m1", "m2"]
