from datetime import timedelta

import pytest
from django.utils import timezone

from core import breakers
from gdpr.models import ErasureRequest
from memory.models import InteractionEvent
from tests.conftest import message, post, purchase

TOKEN = "a-metrics-token"


def test_metrics_are_prometheus_text_without_ids(api, client, settings):
    settings.METRICS_TOKEN = TOKEN
    post(api, message(fan_id="fan_secret_id", content="hello"))
    api.get("/api/v1/fans/fan_secret_id/context/")
    api.get("/api/v1/fans/nobody/context/")
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for name in ("fanmemory_retrieval_seconds_bucket", "fanmemory_save_seconds_bucket",
                 'fanmemory_cache_lookups_total{part="messages",result="miss"}', "fanmemory_fans_with_memory",
                 "fanmemory_db_connections_in_use", "fanmemory_redis_memory_bytes"):
        assert name in text
    assert "fan_secret_id" not in text and "creator_a" not in text
    fans = [line for line in text.splitlines() if line.startswith("fanmemory_fans_with_memory ")]
    assert float(fans[0].split()[1]) == 1.0


def scrape(client, token=TOKEN) -> dict[str, float]:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
            for line in response.content.decode().splitlines() if line and not line.startswith("#")}


@pytest.mark.parametrize("configured, header", [
    (TOKEN, None), (TOKEN, "Bearer wrong-token"), (TOKEN, TOKEN), (None, "Bearer "), (None, "Bearer None")])
def test_metrics_need_the_token(db, client, settings, configured, header):
    settings.METRICS_TOKEN = configured
    response = client.get("/metrics", **({"HTTP_AUTHORIZATION": header} if header else {}))
    assert response.status_code == 403 and response.json()["error"]["type"] == "FORBIDDEN"
    assert b"fanmemory_" not in response.content


def test_shared_state_gauges(api, client, settings):
    settings.METRICS_TOKEN = TOKEN
    post(api, message("m1", fan_id="f_1"))
    post(api, message("m2", fan_id="f_1"))
    post(api, purchase("p1", fan_id="f_2"))
    samples = scrape(client)
    assert samples["fanmemory_fans_with_memory"] == 2
    assert samples["fanmemory_avg_interactions_per_fan"] == 1.5  # (2 messages + 1 purchase) / 2 fans
    assert samples["fanmemory_learning_lag_seconds"] == 0  # eager in the suite: learned at once
    assert samples["fanmemory_learning_sweep_after_seconds"] == settings.FANMEMORY["LEARN_SWEEP_AFTER_SECONDS"]
    assert samples["fanmemory_erasures_at_risk"] == 0
    assert 0 < samples["fanmemory_db_connections_open"] <= samples["fanmemory_db_connections_max"]

    InteractionEvent.objects.filter(event_id="m2").update(learned_at=None, received_at=timezone.now() - timedelta(minutes=7))
    ErasureRequest.objects.create(creator_id="creator_a", fan_ref="x" * 64, deadline=timezone.now() + timedelta(hours=2))
    samples = scrape(client)
    assert 420 <= samples["fanmemory_learning_lag_seconds"] < 480
    assert samples["fanmemory_erasures_at_risk"] == 1


def test_an_open_circuit_shows(db, client, settings):
    settings.METRICS_TOKEN = TOKEN
    assert scrape(client)['fanmemory_circuit_open{circuit="cache"}'] == 0
    for _ in range(breakers.CACHE.failures):
        breakers.CACHE.failed()
    samples = scrape(client)
    assert samples['fanmemory_circuit_open{circuit="cache"}'] == 1
    assert samples['fanmemory_circuit_open{circuit="database"}'] == 0
    breakers.CACHE.succeeded()
    assert scrape(client)['fanmemory_circuit_open{circuit="cache"}'] == 0
