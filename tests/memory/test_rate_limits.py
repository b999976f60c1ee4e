from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.conftest import client_for, message, post

CONTRACT = {
    "retrieval": {"creator": "1000/minute", "fan": "100/minute"},
    "save": {"creator": "500/minute", "fan": "50/minute"},
    "bulk": {"creator": "10/minute"},
}


def fire(count, request):
    def send(index):
        try:
            return request(index).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=16) as pool:
        return list(pool.map(send, range(count)))


@pytest.mark.django_db(transaction=True)
def test_concurrent_context_reads_past_the_fan_limit_let_exactly_the_limit_through(settings):
    settings.RATE_LIMITS = CONTRACT
    client = client_for("creator_rl")
    codes = fire(130, lambda i: client.get("/api/v1/fans/f_1/context/"))
    assert codes.count(200) == 100 and codes.count(429) == 30
    response = client.get("/api/v1/fans/f_1/context/")
    assert response.status_code == 429
    assert response.json()["error"]["type"] == "RATE_LIMIT_EXCEEDED"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert client.get("/api/v1/fans/f_2/context/").status_code == 200  # another fan has its own budget


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_past_the_fan_limit_let_exactly_the_limit_through(settings):
    settings.RATE_LIMITS = CONTRACT
    client = client_for("creator_rl")
    codes = fire(70, lambda i: post(client, message(f"e{i}", content=f"hi {i}")))
    assert codes.count(201) == 50 and codes.count(429) == 20


@pytest.mark.django_db(transaction=True)
def test_the_creator_limit_spans_fans_and_creators_are_independent(settings):
    settings.RATE_LIMITS = {**CONTRACT, "retrieval": {"creator": "20/minute", "fan": "100/minute"}}
    client, other = client_for("creator_rl"), client_for("creator_other")
    codes = fire(30, lambda i: client.get(f"/api/v1/fans/f_{i}/context/"))
    assert codes.count(200) == 20
    assert other.get("/api/v1/fans/f_1/context/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_bulk_is_limited_per_creator(settings):
    settings.RATE_LIMITS = CONTRACT
    client = client_for("creator_rl")
    codes = fire(12, lambda i: client.post("/api/v1/fans/bulk-context/", {"fan_ids": ["f_1"]}, format="json"))
    assert codes.count(200) == 10 and codes.count(429) == 2
