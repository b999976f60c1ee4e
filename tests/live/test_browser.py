"""Real Chromium (Debian's, driven by Playwright) against the live server as `make serve` runs it:
granian, WhiteNoise, DEBUG off. Screenshots of the steps go to SCREENSHOTS_DIR (a temporary directory
unless set: `SCREENSHOTS_DIR=docs/screenshots make test` refreshes the committed ones)."""
import importlib
import os
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect, sync_playwright

from core.services import api_key_create
from gdpr.models import AccessLog
from memory.models import FanMemory

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or Path(tempfile.gettempdir()) / "fanmemory-screenshots")
FAN = "f_kevin"
PASSWORD = "pw-browser-1"


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API keeps an event loop in this thread: the test's own ORM reads are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())  # nothing but the server itself: a CDN would fail here
    yield context.new_page()
    context.close()


@pytest.fixture
def fan(live, settings):
    """A fan with facts, an open distress flag, a purchase and messages over a few days."""
    key = api_key_create(creator_id="creator_demo")
    events = [
        ("m1", "2026-11-20T19:00:00Z", "fan", "hi! I am Kevin, 34, from Lyon 😍 love your pics"),
        ("a1", "2026-11-20T19:05:00Z", "ai", "hey Kevin, thank you! how was your day?"),
        ("m2", "2026-11-22T20:10:00Z", "fan", "are you a bot?"),
        ("m3", "2026-11-25T21:30:00Z", "fan", "meh. ok"),
        ("m4", "2026-11-28T22:00:00Z", "fan", "I feel so alone and sad tonight"),
        ("m5", "2026-11-29T22:00:00Z", "fan", "I hate this, everything is awful 😡"),
        ("m6", "2026-11-30T22:30:00Z", "fan", "so angry and disappointed, worst week ever"),
        ("m7", "2026-12-01T23:00:00Z", "fan", "I am sad, I hate it, nothing works 😞"),
    ]
    for event_id, at, sender, content in events:
        status, _ = live.request("/api/v1/interactions/", {"event_id": event_id, "fan_id": FAN, "type": "message",
                                                          "occurred_at": at, "message": {"content": content,
                                                                                         "sender": sender}}, key=key)
        assert status == 201
    live.request("/api/v1/interactions/", {"event_id": "p1", "fan_id": FAN, "type": "purchase",
                                           "purchase": {"kind": "ppv", "amount": "14.99", "currency": "USD"}}, key=key)
    live.request(f"/api/v1/fans/{FAN}/facts/", {"kind": "timezone", "value": "Europe/Paris"}, key=key)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # the server's (not MD5)
    importlib.import_module("gdpr.migrations.0003_access_log_append_only_groups_schedules").create_groups(apps, None)
    for name, group in (("sam", "support"), ("gina", "gdpr admin")):
        User.objects.create_user(name, password=PASSWORD, is_staff=True).groups.add(Group.objects.get(name=group))
    User.objects.create_superuser("root", "root@example.com", PASSWORD)
    return key


def log_in(page, live, username):
    page.goto(f"{live.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(f"Welcome, {username}")


def open_dossier(page, reason):
    page.get_by_role("link", name="Fan dossier").first.click()
    page.fill("#id_creator_id", "creator_demo")
    page.fill("#id_fan_id", FAN)
    page.fill("#id_reason", reason)
    page.click("text=Open the dossier")
    expect(page.locator("#fan-id")).to_have_text(FAN)


def shoot(page, name, full_page=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=full_page)


def test_support_reads_a_dossier_resolves_a_flag_and_is_refused_an_erasure(live, fan, page):
    log_in(page, live, "sam")
    open_dossier(page, "TICKET-42")
    expect(page.locator("#alerts")).to_contain_text("Distress")
    expect(page.locator("#facts")).to_contain_text("Lyon")
    expect(page.locator("#flags")).to_contain_text("bot_question")
    expect(page.locator("svg.sentiment-chart > circle")).to_have_count(7)  # the fan's messages
    expect(page.locator("svg.sentiment-chart g.signal")).to_contain_text("negative sentiment")
    expect(page.locator("#message-list")).to_contain_text("I feel so alone and sad tonight")
    expect(page.locator("#message-list time").first).to_have_text("Wed 02 Dec 2026, 00:00")  # Paris time
    shoot(page, "dossier-support", full_page=True)
    page.fill("#message-search input[name=q]", "bot")
    page.click("#message-search input[type=submit]")
    expect(page.locator("#message-list tbody tr")).to_have_count(1)
    bot_flag = page.locator("#flags tr", has_text="bot_question")
    bot_flag.locator("input[name=why]").fill("told him he talks to the creator's team")
    bot_flag.locator("input[type=submit]").click()
    expect(page.locator("#flags tr", has_text="bot_question")).to_contain_text("staff:sam")
    page.click("#erase-link")
    expect(page.locator(".errornote")).to_contain_text("not allowed to erase")
    assert FanMemory.objects.filter(fan_id=FAN).count() == 8
    shoot(page, "erasure-refused")


def test_a_gdpr_admin_erases_through_the_confirmation_and_the_log_shows_each_step(live, fan, page):
    log_in(page, live, "gina")
    open_dossier(page, "DSAR-7")
    page.click("#erase-link")
    expect(page.locator("#what-goes")).to_contain_text("fan_memories")
    shoot(page, "erase-confirmation")
    page.fill("#id_confirm_fan_id", FAN)
    page.click("text=Erase everything")
    expect(page.locator("#erasure-status")).to_have_text("done")
    expect(page.locator("#proof")).to_contain_text("fan_memories")
    shoot(page, "erasure-proof")
    assert not FanMemory.objects.filter(fan_id=FAN).exists()
    page.context.clear_cookies()
    log_in(page, live, "root")
    page.goto(f"{live.url}/admin/gdpr/accesslog/")
    page.fill("#searchbar", FAN)
    page.press("#searchbar", "Enter")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Erase")
    shoot(page, "access-log-by-fan-id")
    assert AccessLog.objects.filter(reason="DSAR-7").count() == 3


def test_the_docs_render_operations_offline(live, page):
    page.goto(f"{live.url}/api/docs/")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/fans/{fan_id}/context/")).to_be_visible()
    shoot(page, "api-docs-offline")


def test_the_admin_has_its_css_under_the_production_server(live, fan, page):
    log_in(page, live, "root")
    stylesheet = page.request.get(f"{live.url}/static/admin/css/base.css")
    assert stylesheet.status == 200 and "text/css" in stylesheet.headers["content-type"]
    header_colour = page.eval_on_selector("#header", "element => getComputedStyle(element).backgroundColor")
    assert header_colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the admin's own stylesheet applies
    shoot(page, "admin-index")
