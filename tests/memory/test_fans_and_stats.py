from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from memory.models import EngagementMetrics
from tests.conftest import message, post, purchase, run_schedules


@pytest.fixture
def three_fans(api):
    now = timezone.now()
    post(api, message("a1", fan_id="f_old", occurred_at=(now - timedelta(days=60)).isoformat()))
    for index in range(6):
        post(api, message(f"b{index}", fan_id="f_busy"))
    post(api, purchase("b-p1", fan_id="f_busy", amount="20.00"))
    post(api, purchase("b-p2", fan_id="f_busy", amount="5.00"))
    post(api, message("c1", fan_id="f_new"))
    return api


def fan_ids(response):
    return [item["fan_id"] for item in response.json()["results"]]


def test_list_sorts_both_ways_and_paginates(three_fans):
    api = three_fans
    by_score = api.get("/api/v1/fans/?ordering=-engagement_score")
    assert by_score.status_code == 200 and by_score.json()["count"] == 3
    assert fan_ids(by_score)[0] == "f_busy" and fan_ids(by_score)[-1] == "f_old"
    assert fan_ids(api.get("/api/v1/fans/?ordering=engagement_score"))[0] == "f_old"
    assert fan_ids(api.get("/api/v1/fans/?ordering=-last_interaction"))[-1] == "f_old"
    page = api.get("/api/v1/fans/?ordering=last_interaction&page_size=2&page=2").json()
    assert [item["fan_id"] for item in page["results"]] == ["f_new"] and page["previous"]
    item = by_score.json()["results"][0]
    assert set(item) == {"fan_id", "engagement_score", "engagement_level", "total_messages", "total_purchases",
                         "total_revenue", "last_interaction"}


def test_list_filters_by_engagement_level_and_rejects_unknown_ones(three_fans):
    api = three_fans
    levels = {fan: EngagementMetrics.objects.get(fan_id=fan).engagement_score for fan in ("f_old", "f_busy")}
    assert levels["f_old"] < Decimal("0.33")
    assert "f_old" in fan_ids(api.get("/api/v1/fans/?engagement_level=low"))
    assert "f_old" not in fan_ids(api.get("/api/v1/fans/?engagement_level=medium"))
    response = api.get("/api/v1/fans/?engagement_level=ecstatic")
    assert response.status_code == 400 and "engagement_level" in response.json()["error"]["fields"]


def test_list_shows_only_the_creators_own_fans(three_fans, other_api):
    assert other_api.get("/api/v1/fans/").json()["count"] == 0


def test_engagement_gives_the_score_and_its_components(three_fans, other_api):
    body = three_fans.get("/api/v1/fans/f_busy/engagement/").json()
    assert 0 <= body["engagement_score"] <= 1
    assert set(body["components"]) == {"recency", "frequency", "purchases", "reply_rate"}
    expected = sum(body["weights"][name] * value for name, value in body["components"].items())
    assert body["engagement_score"] == pytest.approx(expected, abs=1e-3)
    assert body["total_purchases"] == 2 and body["total_revenue"] == "25.00"
    assert other_api.get("/api/v1/fans/f_busy/engagement/").status_code == 404


def test_stats_are_the_creators_totals(three_fans, other_api):
    three_fans.get("/api/v1/fans/f_busy/context/")
    three_fans.get("/api/v1/fans/f_busy/context/")
    stats = three_fans.get("/api/v1/stats/").json()
    assert stats["fans_with_memory"] == 3 and stats["total_messages"] == 8
    assert stats["avg_interactions_per_fan"] == pytest.approx((8 + 2) / 3, abs=0.01)  # messages and purchases
    assert stats["total_purchases"] == 2 and stats["total_revenue"] == "25.00"
    assert stats["cache_hit_rate"] == pytest.approx(0.5)  # the first read missed every part, the second hit all
    assert other_api.get("/api/v1/stats/").json()["fans_with_memory"] == 0


def test_scores_decay_with_time_when_refreshed(api):
    import time_machine

    from memory.tasks import refresh_engagement_scores

    post(api, message())
    before = EngagementMetrics.objects.get().engagement_score
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        refresh_engagement_scores.delay()
    assert EngagementMetrics.objects.get().engagement_score < before


def test_the_refresh_is_scheduled_once_in_beat(db):

    from django_celery_beat.models import PeriodicTask

    run_schedules("memory.migrations.0002_schedule_engagement_refresh")
    assert PeriodicTask.objects.filter(task="memory.tasks.refresh_engagement_scores").count() == 1


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page_size=0", "page_size=501", "page_size=-1"])
def test_a_bad_page_of_the_fan_list_is_a_400(api, query):
    post(api, message())
    response = api.get(f"/api/v1/fans/?{query}")
    assert response.status_code == 400 and query.split("=")[0] in response.json()["error"]["fields"]


def test_a_page_past_the_last_is_a_404(api):
    post(api, message())
    response = api.get("/api/v1/fans/?page=99")
    assert response.status_code == 404 and response.json()["error"]["type"] == "MEMORY_NOT_FOUND"


def test_stats_keep_revenue_per_currency(api):
    for event_id, amount, currency in (("u1", "12.99", "USD"), ("u2", "7.01", "USD"), ("e1", "30.00", "EUR")):
        body = purchase(event_id)
        body["purchase"].update(amount=amount, currency=currency)
        assert post(api, body).status_code == 201
    stats = api.get("/api/v1/stats/").json()
    assert stats["revenue_by_currency"] == {"EUR": "30.00", "USD": "20.00"}
