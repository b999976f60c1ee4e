from tests.conftest import message, post


def test_metrics_are_prometheus_text_without_ids(api, client, settings):
    settings.METRICS_TOKEN = "a-metrics-token"
    post(api, message(fan_id="fan_secret_id", content="hello"))
    api.get("/api/v1/fans/fan_secret_id/context/")
    api.get("/api/v1/fans/nobody/context/")
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer a-metrics-token")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for name in ("fanmemory_retrieval_seconds_bucket", "fanmemory_save_seconds_bucket",
                 'fanmemory_cache_lookups_total{part="messages",result="miss"}', "fanmemory_fans_with_memory",
                 "fanmemory_db_connections_in_use", "fanmemory_redis_memory_bytes"):
        assert name in text
    assert "fan_secret_id" not in text and "creator_a" not in text
    fans = [line for line in text.splitlines() if line.startswith("fanmemory_fans_with_memory ")]
    assert float(fans[0].split()[1]) == 1.0
