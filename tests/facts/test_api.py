"""Facts learned from messages, facts and notes by people, through the API (real DB, Redis, eager Celery)."""
from django.db import connection

from facts.models import Fact
from tests.conftest import message, post

FACTS = "/api/v1/fans/{}/facts/"
NOTES = "/api/v1/fans/{}/notes/"


def say(client, event_id, content, fan_id="f_1", sender="fan"):
    assert post(client, message(event_id, fan_id=fan_id, content=content, sender=sender)).status_code == 201


def facts(client, fan_id="f_1", **query):
    response = client.get(FACTS.format(fan_id), query)
    assert response.status_code == 200
    return response.json()["results"]


def context(client, fan_id="f_1"):
    return client.get(f"/api/v1/fans/{fan_id}/context/").json()


def by_kind(items, kind):
    return [item for item in items if item["kind"] == kind]


def test_a_fan_message_leaves_facts_with_their_origin_in_the_context(api):
    say(api, "m1", "hey I'm Kevin, 34, from Lyon. I have a dog named Rocky")
    found = facts(api)
    assert {(item["kind"], str(item["value"])) for item in found} >= {("name", "Kevin"), ("age", "34"), ("city", "Lyon")}
    [pet] = by_kind(found, "pet")
    assert pet["value"] == {"species": "dog", "name": "Rocky"} and pet["event_id"] == "m1"
    assert pet["source"] == "extracted" and 0 < pet["confidence"] <= 1 and pet["first_seen"] == pet["last_seen"]
    served = context(api)
    assert {"kind": "age", "value": 34} == {k: by_kind(served["facts"], "age")[0][k] for k in ("kind", "value")}
    assert served["notes"] == [] and served["flags"] == [] and served["segment"]["lifecycle"] == "new"


def test_the_creators_lines_and_questions_teach_nothing(api):
    say(api, "m1", "I'm 24 and single, where are you from?", sender="creator")
    say(api, "m2", "how old are you? are you single?")
    assert facts(api) == []


def test_a_correction_supersedes_and_keeps_the_old_value_in_history(api):
    say(api, "m1", "I'm 30 btw")
    say(api, "m2", "actually I'm 31")
    [age] = by_kind(facts(api), "age")
    assert age["value"] == 31 and age["event_id"] == "m2"
    assert [(old["value"], old["event_id"]) for old in age["history"]] == [(30, "m1")]
    assert by_kind(context(api)["facts"], "age")[0]["value"] == 31


def test_a_fact_seen_again_only_moves_last_seen(api):
    say(api, "m1", "I'm a nurse", )
    say(api, "m2", "long day, I'm a nurse you know")
    [job] = by_kind(facts(api), "job")
    assert job["event_id"] == "m1" and job["history"] == [] and job["last_seen"] >= job["first_seen"]


def test_a_human_fact_wins_and_extraction_never_overwrites_it(api):
    say(api, "m1", "I'm 30")
    response = api.post(FACTS.format("f_1"), {"kind": "age", "value": 42}, format="json")
    assert response.status_code == 200 and response.json()["source"] == "creator"
    assert [old["value"] for old in response.json()["history"]] == [30]
    say(api, "m2", "actually I'm 31")
    [age] = by_kind(facts(api), "age")
    assert (age["value"], age["source"]) == (42, "creator")
    assert by_kind(context(api)["facts"], "age")[0]["value"] == 42


def test_setting_a_fact_twice_is_idempotent_and_multi_valued_kinds_add_up(api):
    body = {"kind": "like", "value": "fishing", "source": "staff"}
    first = api.post(FACTS.format("f_1"), body, format="json")
    again = api.post(FACTS.format("f_1"), body, format="json")
    assert (first.status_code, again.status_code) == (201, 200) and first.json()["id"] == again.json()["id"]
    api.post(FACTS.format("f_1"), {"kind": "like", "value": "golf"}, format="json")
    assert sorted(item["value"] for item in facts(api, kind="like")) == ["fishing", "golf"]


def test_patch_corrects_an_extracted_fact_and_delete_removes_it(api):
    say(api, "m1", "I live in Montreal")
    [city] = facts(api)
    patched = api.patch(f"{FACTS.format('f_1')}{city['id']}/", {"value": "Toronto"}, format="json")
    assert patched.status_code == 200
    assert (patched.json()["value"], patched.json()["source"]) == ("Toronto", "creator")
    assert patched.json()["history"][0]["value"] == "Montreal"
    say(api, "m2", "I live in Boston")  # extraction leaves the human fact alone
    assert [item["value"] for item in facts(api)] == ["Toronto"]
    assert api.delete(f"{FACTS.format('f_1')}{city['id']}/").status_code == 204
    assert facts(api) == [] and context(api)["facts"] == []


def test_notes_are_listed_served_in_the_context_and_deleted(api):
    created = api.post(NOTES.format("f_1"), {"text": "Prefers voice notes; wife is Anna."}, format="json")
    assert created.status_code == 201 and created.json()["author"] == "creator"
    assert [note["text"] for note in api.get(NOTES.format("f_1")).json()["results"]] == ["Prefers voice notes; wife is Anna."]
    assert context(api)["notes"][0]["text"] == "Prefers voice notes; wife is Anna."
    assert api.delete(f"{NOTES.format('f_1')}{created.json()['id']}/").status_code == 204
    assert context(api)["notes"] == []


def test_bad_input_is_a_400_in_the_envelope(api):
    say(api, "m1", "I'm 30")
    [age] = facts(api)
    cases = [
        ("post", FACTS.format("f_1"), {"kind": "shoe_size", "value": "44"}, "kind"),
        ("post", FACTS.format("f_1"), {"kind": "age", "value": "old"}, "value"),
        ("post", FACTS.format("f_1"), {"kind": "age", "value": 7}, "value"),
        ("post", FACTS.format("f_1"), {"kind": "timezone", "value": "Mars/Olympus"}, "value"),
        ("post", FACTS.format("f_1"), {"kind": "event", "value": {"what": "exam", "date": "friday"}}, "value"),
        ("post", FACTS.format("f_1"), {"kind": "name", "value": "Al", "colour": "red"}, "colour"),
        ("post", FACTS.format("f_1"), {"kind": "name", "value": "Al", "source": "extracted"}, "source"),
        ("post", FACTS.format("f_1"), {"kind": "name", "value": "Al", "confidence": 3}, "confidence"),
        ("patch", f"{FACTS.format('f_1')}{age['id']}/", {}, "value"),
        ("patch", f"{FACTS.format('f_1')}{age['id']}/", {"value": "thirty"}, "value"),
        ("post", NOTES.format("f_1"), {"text": ""}, "text"),
        ("post", NOTES.format("f_1"), [], "non_field_errors"),
        ("post", FACTS.format("bad fan!"), {"kind": "name", "value": "Al"}, "fan_id"),
    ]
    for method, path, body, field in cases:
        response = getattr(api, method)(path, body, format="json")
        assert response.status_code == 400, (path, body)
        error = response.json()["error"]
        assert error["type"] == "INVALID_DATA" and field in error["fields"], (body, error)
    assert api.get(FACTS.format("f_1"), {"kind": "nope"}).status_code == 400
    assert api.get("/api/v1/fans/f_1/flags/", {"status": "maybe"}).status_code == 400


def test_tenancy_another_creator_sees_and_touches_nothing(api, other_api):
    say(api, "m1", "my name is Mike and I'm 30")
    [first, *_] = facts(api)
    note = api.post(NOTES.format("f_1"), {"text": "secret"}, format="json").json()
    assert facts(other_api) == [] and other_api.get(NOTES.format("f_1")).json()["results"] == []
    assert context(other_api)["facts"] == []
    for response in (other_api.patch(f"{FACTS.format('f_1')}{first['id']}/", {"value": "Bob"}, format="json"),
                     other_api.delete(f"{FACTS.format('f_1')}{first['id']}/"),
                     other_api.delete(f"{NOTES.format('f_1')}{note['id']}/"),
                     api.delete(f"{FACTS.format('f_2')}{first['id']}/")):
        assert response.status_code == 404 and response.json()["error"]["type"] == "MEMORY_NOT_FOUND"
    assert len(facts(api)) == 2


def test_facts_and_notes_are_encrypted_at_rest_exported_and_erased(api):
    say(api, "m1", "I have a cat named Pixelina")
    api.post(NOTES.format("f_1"), {"text": "Loves Zanzibar stories"}, format="json")
    with connection.cursor() as cursor:
        cursor.execute("SELECT value, history FROM fan_facts UNION ALL SELECT text, text FROM fan_notes")
        stored = b" ".join(bytes(column) for row in cursor.fetchall() for column in row)
    assert b"Pixelina" not in stored and b"Zanzibar" not in stored and Fact.objects.get().value["name"] == "Pixelina"
    export = api.get("/api/v1/fans/f_1/export/").json()
    assert export["data"]["fan_facts"][0]["value"]["name"] == "Pixelina"
    assert export["data"]["fan_notes"][0]["text"] == "Loves Zanzibar stories"
    assert api.delete("/api/v1/fans/f_1/").status_code == 204
    assert facts(api) == [] and api.get(NOTES.format("f_1")).json()["results"] == []
    assert context(api)["facts"] == [] and context(api)["notes"] == []


def test_the_part_is_cached_and_forgotten_on_change(api, redis_client):
    from core import keys

    say(api, "m1", "I'm a teacher")
    context(api)
    assert redis_client.exists(keys.fan_key("creator_a", "f_1", "facts"))
    api.post(NOTES.format("f_1"), {"text": "met at the gym"}, format="json")
    assert not redis_client.exists(keys.fan_key("creator_a", "f_1", "facts"))
    assert context(api)["notes"][0]["text"] == "met at the gym"


def test_bulk_context_loads_facts_without_a_query_per_fan(api, django_assert_max_num_queries):
    from django.test.utils import CaptureQueriesContext

    for index in range(5):
        say(api, f"m{index}", f"I'm {30 + index}", fan_id=f"f_{index}")

    def queries_for(fan_ids):
        from core.cache import redis_client

        redis_client().flushdb()
        with CaptureQueriesContext(connection) as captured:
            response = api.post("/api/v1/fans/bulk-context/", {"fan_ids": fan_ids}, format="json")
        assert response.status_code == 200
        return len(captured), response.json()["results"]

    one, _ = queries_for(["f_0"])
    five, results = queries_for([f"f_{index}" for index in range(5)])
    assert five == one
    assert [results[f"f_{index}"]["facts"][0]["value"] for index in range(5)] == [30, 31, 32, 33, 34]


def test_nothing_is_stored_for_a_fan_who_withdrew_memory_consent(api):
    assert api.put("/api/v1/fans/f_1/consent/", {"memory": False}, format="json").status_code == 200
    for path, body in ((FACTS.format("f_1"), {"kind": "name", "value": "Al"}), (NOTES.format("f_1"), {"text": "hi"})):
        response = api.post(path, body, format="json")
        assert response.status_code == 403 and response.json()["error"]["type"] == "CONSENT_WITHDRAWN"
    assert facts(api) == []


def test_without_personalization_consent_no_fact_is_learned_or_served_but_flags_are_raised(api):
    say(api, "m1", "I'm a nurse")
    assert api.put("/api/v1/fans/f_1/consent/", {"personalization": False}, format="json").status_code == 200
    assert context(api)["facts"] == []
    say(api, "m2", "I have a dog named Max. are you real?")
    assert [item["kind"] for item in facts(api)] == ["job"]
    assert [flag["reason"] for flag in context(api)["flags"]] == ["bot_question"]


def test_the_context_serves_the_newest_values_of_a_kind_only(api):
    for index, hobby in enumerate(("golf", "poker", "chess", "darts", "bowling", "fishing", "hiking")):
        assert api.post(FACTS.format("f_1"), {"kind": "like", "value": hobby}, format="json").status_code == 201
    assert len(facts(api, kind="like")) == 7
    assert len(by_kind(context(api)["facts"], "like")) == 5


def test_a_time_zone_that_is_a_folder_of_zones_is_a_400(api):
    response = api.post("/api/v1/fans/f_1/facts/", {"kind": "timezone", "value": "America"}, format="json")
    assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"


def test_a_breakup_makes_a_married_fan_single_and_leaves_an_event_to_ask_about(api):
    say(api, "m1", "I'm married, 2 kids")
    say(api, "m2", "my wife left me yesterday. and my grandma is in hospital")
    found = facts(api)
    [status] = by_kind(found, "relationship")
    assert status["value"] == "single" and [old["value"] for old in status["history"]] == ["married"]
    served = {item["value"]["what"] for item in by_kind(context(api)["facts"], "event")}
    assert served == {"breakup", "grandma in hospital"}
