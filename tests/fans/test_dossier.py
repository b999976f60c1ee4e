"""The fan dossier in the admin (Django's test client; the browser tests drive it in Chromium)."""
import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.db import DatabaseError, transaction

from facts.models import Flag
from gdpr.models import AccessLog
from memory.models import FanMemory
from openitems.models import OpenItem
from tests.conftest import message, post, purchase

FAN = "f_dossier"


@pytest.fixture
def staff(api):
    migration = importlib.import_module("gdpr.migrations.0003_access_log_append_only_groups_schedules")
    migration.create_groups(apps, None)
    post(api, message("m1", fan_id=FAN, content="btw I am Kevin, 34, from Lyon. are you a bot?"))
    post(api, message("m2", fan_id=FAN, content="private words, I feel so alone and sad"))
    post(api, purchase("p1", fan_id=FAN, amount="20.00"))
    api.post(f"/api/v1/fans/{FAN}/facts/", {"kind": "timezone", "value": "Europe/Paris"}, format="json")
    api.post(f"/api/v1/fans/{FAN}/notes/", {"text": "Prefers voice notes"}, format="json")
    support = User.objects.create_user("support", password="pw-123456", is_staff=True)
    support.groups.add(Group.objects.get(name="support"))
    boss = User.objects.create_user("boss", password="pw-123456", is_staff=True)
    boss.groups.add(Group.objects.get(name="gdpr admin"))
    return {"support": support, "boss": boss}


def open_dossier(client, creator_id="creator_a", fan_id=FAN, reason="TICKET-1"):
    return client.post("/admin/fans/dossier/", {"creator_id": creator_id, "fan_id": fan_id, "reason": reason})


def log() -> list[tuple]:
    return list(AccessLog.objects.order_by("at", "id").values_list("staff__username", "action", "denied", "reason"))


def test_the_admin_index_and_every_fan_row_link_the_dossier(staff, client):
    client.force_login(staff["support"])
    assert 'href="/admin/fans/dossier/">Fan dossier</a>' in client.get("/admin/").content.decode()
    root = User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.force_login(root)
    for page in ("memory/fanmemory", "memory/engagementmetrics", "facts/fact", "facts/flag", "facts/fansegment",
                 "emotions/emotionalstate", "facts/note"):
        body = client.get(f"/admin/{page}/").content.decode()
        assert f"/admin/fans/dossier/?creator_id=creator_a&amp;fan_id={FAN}" in body, page
    lookup = client.get(f"/admin/fans/dossier/?creator_id=creator_a&fan_id={FAN}").content.decode()
    assert f'value="{FAN}"' in lookup


def test_staff_without_the_support_group_are_refused_a_search_and_it_is_logged(staff, client):
    outsider = User.objects.create_user("outsider", password="pw-123456", is_staff=True)
    client.force_login(outsider)
    page = client.get("/admin/fans/dossier/")
    assert page.status_code == 403 and "written to the" not in page.content.decode()
    refused = open_dossier(client)
    assert refused.status_code == 403 and "written to the" in refused.content.decode()
    assert "private words" not in refused.content.decode()
    assert log() == [("outsider", "search", True, "TICKET-1")]


def test_admin_model_pages_and_the_flag_action_are_in_the_access_log(staff, client):
    root = User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.force_login(root)
    assert client.get("/admin/memory/fanmemory/").status_code == 200
    flag = Flag.objects.get(fan_id=FAN, reason="bot_question")
    assert client.get(f"/admin/facts/flag/{flag.pk}/change/").status_code == 200
    client.post("/admin/facts/flag/", {"action": "resolve", "_selected_action": [str(flag.pk)]})
    assert Flag.objects.get(pk=flag.pk).status == "resolved"
    assert log() == [("root", "view", False, "admin page memory.fanmemory"),
                     ("root", "view", False, "admin page facts.flag"),
                     ("root", "resolve", False, "admin page facts.flag")]
    assert {row.fan_ref for row in AccessLog.objects.all()} == {AccessLog.objects.first().fan_ref}


def test_no_dossier_without_a_reason_and_nothing_logged(staff, client):
    client.force_login(staff["support"])
    response = open_dossier(client, reason="")
    assert response.status_code == 200 and "private words" not in response.content.decode()
    assert not AccessLog.objects.exists()


def test_an_unknown_creator_is_a_warning_not_a_logged_view(staff, client):
    client.force_login(staff["support"])
    response = open_dossier(client, creator_id="no-such-creator")
    assert response.status_code == 200 and "No creator &#x27;no-such-creator&#x27;" in response.content.decode()
    assert not AccessLog.objects.exists()
    response = open_dossier(client, fan_id="f_never_seen")
    assert "holds nothing on this fan id" in response.content.decode()
    assert log() == [("support", "search", False, "TICKET-1")]


def test_the_dossier_shows_the_fan_and_logs_each_page(staff, client):
    client.force_login(staff["support"])
    response = client.get(open_dossier(client)["Location"])
    page = response.content.decode()
    for shown in ("Kevin", "Lyon", "bot_question", "Europe/Paris", "private words", "<svg", "Response style",
                  "recency", "new"):
        assert shown in page, shown
    assert "{&#x27;" not in page and "alert-success" not in page  # no raw dicts, no messages-framework banners
    assert re.search(r"<time datetime=\"[^\"]+Z\">\w{3} \d\d \w{3} \d{4}, \d\d:\d\d</time>", page)
    assert "fan's local time (Europe/Paris)" in page
    assert log() == [("support", "search", False, "TICKET-1"), ("support", "view", False, "TICKET-1")]
    assert FAN not in str(list(AccessLog.objects.values()))


def test_the_messages_are_searched_and_paged(staff, client, api):
    for number in range(30):
        post(api, message(f"x{number}", fan_id=FAN, content=f"filler {number}"))
    client.force_login(staff["support"])
    dossier = open_dossier(client)["Location"]
    first = client.get(dossier).content.decode()
    assert "page 1 of 2" in first and "filler 29" in first and "filler 0" not in first
    found = client.get(dossier, {"q": "PRIVATE"}).content.decode()
    assert "private words" in found and "filler" not in found and "Messages (1 containing" in found
    assert [entry[1] for entry in log()] == ["search", "view", "search"]


def test_support_adds_a_note_and_resolves_a_flag_but_may_not_erase(staff, client):
    client.force_login(staff["support"])
    dossier = open_dossier(client)["Location"]
    client.post(f"{dossier}note/", {"text": "Asked for a refund on PPV"})
    flag = Flag.objects.get(fan_id=FAN, reason="bot_question")
    client.post(f"{dossier}resolve/", {"flag_id": str(flag.id), "why": "told him I am the creator's assistant"})
    flag.refresh_from_db()
    assert flag.status == "resolved" and flag.resolution["by"] == "staff:support"
    assert "Asked for a refund on PPV" in client.get(dossier).content.decode()
    assert client.get(f"{dossier}erase/").status_code == 403
    assert client.post(f"{dossier}erase/", {"confirm_fan_id": FAN}).status_code == 403
    assert client.get(f"{dossier}export/").status_code == 403
    assert FanMemory.objects.filter(fan_id=FAN).exists()
    assert log()[1:] == [("support", "note", False, "TICKET-1"), ("support", "resolve", False, "TICKET-1"),
                         ("support", "view", False, "TICKET-1"), ("support", "erase", True, "TICKET-1"),
                         ("support", "erase", True, "TICKET-1"), ("support", "export", True, "TICKET-1")]


def test_a_gdpr_admin_exports_and_erases_through_confirmation_pages(staff, client):
    client.force_login(staff["boss"])
    dossier = open_dossier(client, reason="DSAR-7")["Location"]
    confirm = client.get(f"{dossier}export/").content.decode()
    assert "fan_memories" in confirm and "Download the export" in confirm
    assert "private words" in client.post(f"{dossier}export/").content.decode()
    confirm = client.get(f"{dossier}erase/").content.decode()
    assert "fan_memories</td><td>2</td>" in confirm
    refused = client.post(f"{dossier}erase/", {"confirm_fan_id": "someone-else"}).content.decode()
    assert "does not match: nothing was erased" in refused and FanMemory.objects.filter(fan_id=FAN).exists()
    proof = client.post(f"{dossier}erase/", {"confirm_fan_id": FAN}).content.decode()
    assert 'id="erasure-status">done<' in proof and "<td>fan_memories</td><td>2</td>" in proof
    assert not FanMemory.objects.filter(fan_id=FAN).exists()
    assert [entry[1] for entry in log()] == ["search", "export", "erase"]


def test_a_dossier_link_works_only_for_whom_it_was_given(staff, client):
    client.force_login(staff["support"])
    dossier = open_dossier(client)["Location"]
    client.force_login(staff["boss"])
    assert client.get(dossier).status_code == 404
    assert client.get("/admin/fans/dossier/not-a-token/").status_code == 404


def test_the_access_log_finds_a_fan_by_id_and_shortens_the_hash(staff, client):
    client.force_login(staff["support"])
    client.get(open_dossier(client)["Location"])
    open_dossier(client, fan_id="f_never_seen", reason="OTHER-2")
    root = User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.force_login(root)
    page = client.get("/admin/gdpr/accesslog/", {"q": FAN}).content.decode()
    assert page.count("TICKET-1") == 2 and "OTHER-2" not in page
    entry = AccessLog.objects.filter(reason="TICKET-1").first()
    assert entry.fan_ref not in page and f"{entry.fan_ref[:10]}…" in page


def test_staff_cannot_change_or_delete_the_access_log(staff, client):
    client.force_login(staff["support"])
    open_dossier(client)
    entry = AccessLog.objects.get()
    root = User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.force_login(root)
    assert client.get(f"/admin/gdpr/accesslog/{entry.pk}/delete/").status_code == 403
    assert client.post(f"/admin/gdpr/accesslog/{entry.pk}/change/", {"reason": "edited"}).status_code == 403
    for statement in (lambda: AccessLog.objects.update(reason="edited"), lambda: AccessLog.objects.all().delete()):
        with pytest.raises(DatabaseError), transaction.atomic():
            statement()
    assert AccessLog.objects.get().reason == "TICKET-1"


def test_the_former_lookup_address_leads_to_the_dossier(staff, client):
    client.force_login(staff["support"])
    assert client.get("/admin/gdpr/fan-lookup/")["Location"] == "/admin/fans/dossier/"


def test_support_sees_and_closes_an_open_item_and_it_is_logged(staff, client, api):
    post(api, message("m3", fan_id=FAN, content="the set was blurry"))
    client.force_login(staff["support"])
    dossier = open_dossier(client)["Location"]
    page = client.get(dossier).content.decode()
    assert 'id="open-items"' in page and "the set was blurry" in page and 'class="close-item"' in page
    item = OpenItem.objects.get(fan_id=FAN, kind="content_problem")
    client.post(f"{dossier}close-item/", {"item_id": str(item.id)})
    item.refresh_from_db()
    assert item.status == "closed" and item.closed_by == "staff:support"
    assert str(item.id) not in {entry["id"] for entry in api.get(f"/api/v1/fans/{FAN}/context/").json()["open_items"]}
    assert "closed by staff:support" in client.get(dossier).content.decode()
    assert log()[1:3] == [("support", "view", False, "TICKET-1"), ("support", "resolve", False, "TICKET-1")]
