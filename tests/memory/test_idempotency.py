from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from memory.models import EngagementMetrics, FanMemory, InteractionEvent
from tests.conftest import client_for, message, post


def test_replay_answers_the_first_answer_and_stores_nothing_twice(api):
    first = post(api, message(content="same body"))
    again = post(api, message(content="same body"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert FanMemory.objects.count() == 1
    assert EngagementMetrics.objects.get().total_messages == 1


def test_same_event_id_with_another_body_is_a_409(api):
    post(api, message(content="first"))
    response = post(api, message(content="second"))
    assert response.status_code == 409
    assert response.json()["error"]["type"] == "CONFLICT"
    assert FanMemory.objects.get().message_content == "first"


def test_event_ids_are_scoped_by_creator(api, other_api):
    assert post(api, message(content="to a")).status_code == 201
    assert post(other_api, message(content="to b")).status_code == 201
    assert InteractionEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_identical_posts_make_one_row():
    body = message("race", content="concurrent hello")

    def send(_):
        try:
            return post(client, body)
        finally:
            connection.close()

    client = client_for("creator_race")
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(send, range(20)))
    codes = sorted(response.status_code for response in responses)
    assert codes == [200] * 19 + [201]
    assert len({response.content for response in responses}) == 1
    assert FanMemory.objects.filter(event_id="race").count() == 1
    assert InteractionEvent.objects.filter(event_id="race").count() == 1
    assert EngagementMetrics.objects.get(creator_id="creator_race").total_messages == 1
