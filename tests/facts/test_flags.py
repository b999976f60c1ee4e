"""Hand-over flags: raised by messages and tips, served in the context, resolved with who and why."""
import pytest
from django.contrib.auth.models import User
from django.test import Client

from facts import services
from tests.conftest import message, post, purchase

FLAGS = "/api/v1/fans/{}/flags/"


def say(client, event_id, content, fan_id="f_1"):
    assert post(client, message(event_id, fan_id=fan_id, content=content)).status_code == 201


def open_flags(client, fan_id="f_1"):
    return client.get(FLAGS.format(fan_id), {"status": "open"}).json()["results"]


@pytest.mark.parametrize("content, reason", [
    ("wait are you real? or a bot?", "bot_question"),
    ("t'es une IA ?", "bot_question"),
    ("how much for a custom video saying my name", "custom_request"),
    ("I don't want to live anymore", "self_harm"),
    ("je me sens tellement seul", "distress"),
    ("I know where you live", "threat"),
    ("I'm 16 btw", "minor"),
])
def test_each_flag_is_raised_served_and_resolved(api, content, reason):
    say(api, "m1", content)
    [flag] = [flag for flag in open_flags(api) if flag["reason"] == reason]
    assert flag["event_id"] == "m1" and flag["status"] == "open"
    served = [item for item in api.get("/api/v1/fans/f_1/context/").json()["flags"] if item["reason"] == reason]
    assert served == [{"id": flag["id"], "reason": reason, "since": flag["since"], "event_id": "m1"}]
    resolve = f"{FLAGS.format('f_1')}{flag['id']}/resolve/"
    body = {"resolved_by": "agent:jo", "reason": "talked to the fan"}
    resolved = api.post(resolve, body, format="json")
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    assert resolved.json()["resolution"] == {"by": "agent:jo", "why": "talked to the fan"}
    again = api.post(resolve, {"resolved_by": "someone else", "reason": "again"}, format="json")
    assert again.json()["resolution"]["by"] == "agent:jo"  # idempotent: the first resolution stands
    assert reason not in {item["reason"] for item in api.get("/api/v1/fans/f_1/context/").json()["flags"]}


def test_an_open_flag_is_not_raised_twice_but_again_after_resolution(api):
    say(api, "m1", "are you real?")
    say(api, "m2", "seriously, are you a bot?")
    [flag] = open_flags(api)
    assert flag["event_id"] == "m1"
    services.flag_resolve(creator_id="creator_a", fan_id="f_1", flag_id=flag["id"], resolved_by="x", why="y")
    say(api, "m3", "is this AI?")
    assert [item["event_id"] for item in open_flags(api)] == ["m3"]
    assert len(api.get(FLAGS.format("f_1")).json()["results"]) == 2


def test_a_tip_above_the_creator_setting_raises_a_flag(api):
    assert post(api, purchase("p1", kind="tip", amount="150.00")).status_code == 201
    assert open_flags(api) == []  # default threshold 200
    assert post(api, purchase("p2", kind="tip", amount="250.00")).status_code == 201
    [flag] = open_flags(api)
    assert (flag["reason"], flag["event_id"], flag["detail"]) == ("tip_over_threshold", "p2", {"amount": "250.00"})
    services.tip_threshold_set(creator_id="creator_a", amount=50)
    assert post(api, purchase("p3", kind="tip", amount="60.00", fan_id="f_2")).status_code == 201
    assert post(api, purchase("p4", kind="ppv", amount="500.00", fan_id="f_3")).status_code == 201
    assert [flag["event_id"] for flag in open_flags(api, "f_2")] == ["p3"] and open_flags(api, "f_3") == []


def test_under_18_stops_all_personalization_and_staff_see_it_at_once(api):
    say(api, "m1", "I'm Kevin and I love fishing")
    for index in range(6):
        say(api, f"x{index}", "haha yes 😂😂 love it!!")
    before = api.get("/api/v1/fans/f_1/context/").json()
    assert before["facts"] and before["personality_profile"]["interaction_count"] > 0
    say(api, "m2", "tbh im 15")
    after = api.get("/api/v1/fans/f_1/context/").json()
    assert after["facts"] == [] and after["notes"] == []
    assert after["personality_profile"]["interaction_count"] == 0 and after["preferences"]["last_updated"] is None
    assert [flag["reason"] for flag in after["flags"]] == ["minor"]
    say(api, "m3", "my name is Mike actually")
    assert all(fact["value"] != "Mike" for fact in api.get("/api/v1/fans/f_1/facts/").json()["results"])

    User.objects.create_superuser("staff", "staff@example.com", "pw")
    staff = Client()
    staff.login(username="staff", password="pw")
    listed = staff.get("/admin/facts/flag/")  # open flags by default
    assert [(flag.reason, flag.fan_id) for flag in listed.context["cl"].result_list] == [("minor", "f_1")]
    assert list(staff.get("/admin/facts/flag/?status=resolved").context["cl"].result_list) == []


def test_flags_of_another_creator_cannot_be_read_or_resolved(api, other_api):
    say(api, "m1", "are you real?")
    [flag] = open_flags(api)
    assert open_flags(other_api) == []
    response = other_api.post(f"{FLAGS.format('f_1')}{flag['id']}/resolve/", {"resolved_by": "x", "reason": "y"},
                              format="json")
    assert response.status_code == 404 and response.json()["error"]["type"] == "MEMORY_NOT_FOUND"
    bad = api.post(f"{FLAGS.format('f_1')}{flag['id']}/resolve/", {"resolved_by": ""}, format="json")
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) == {"resolved_by", "reason"}
    assert open_flags(api)[0]["status"] == "open"


def test_the_admin_lists_facts_notes_segments_and_resolves_flags(api):
    say(api, "m1", "I'm a nurse. are you a bot?")
    api.post("/api/v1/fans/f_1/notes/", {"text": "regular since 2024"}, format="json")
    User.objects.create_superuser("staff", "staff@example.com", "pw")
    staff = Client()
    staff.login(username="staff", password="pw")
    for page in ("fact", "note", "fansegment", "creatorfactsettings", "flag"):
        response = staff.get(f"/admin/facts/{page}/")
        assert response.status_code == 200, page
        assert "regular since 2024" not in response.content.decode()  # personal text: audited lookup only
    [flag] = open_flags(api)
    response = staff.post("/admin/facts/flag/", {"action": "resolve", "_selected_action": [flag["id"]]})
    assert response.status_code == 302 and open_flags(api) == []
    [resolved] = api.get(FLAGS.format("f_1")).json()["results"]
    assert resolved["resolution"] == {"by": "staff:staff", "why": "reviewed in the admin"}
