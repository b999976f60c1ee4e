"""Erasure withdraws the fan's contribution from the creator-level aggregates (tone totals,
category popularity): what is left is exactly what the other fans alone would have produced."""
import pytest

from gdpr.services import fan_data_erase
from personality.models import CreatorToneStats, PersonalityProfile
from preferences.models import CategoryPopularity, FanPreferences
from tests.conftest import client_for, feedback, message, post, purchase

KEPT, GONE = "f_kept", "f_gone"


def buy(event_id, fan_id, amount, category=None, kind="ppv"):
    body = purchase(event_id, fan_id=fan_id, amount=amount, kind=kind)
    if category:
        body["purchase"]["category"] = category
    return body


def served(client, event_id, fan_id, tone, outcome):
    ai = message(event_id, fan_id=fan_id, content="Hey you!", sender="ai", metadata={"tone": tone})
    assert post(client, ai).status_code == 201
    assert post(client, feedback(f"{event_id}-fb", event_id, fan_id=fan_id, outcome=outcome)).status_code == 201


def kept_fan_acts(client):
    served(client, "k-ai1", KEPT, "playful", "positive")
    served(client, "k-ai2", KEPT, "flirty", "negative")
    for body in (buy("k-p1", KEPT, "12.00", "feet"), buy("k-p2", KEPT, "30.00", "lingerie", kind="custom"),
                 buy("k-p3", KEPT, "8.00")):
        assert post(client, body).status_code == 201


def gone_fan_acts(client):
    served(client, "g-ai1", GONE, "playful", "purchased")
    served(client, "g-ai2", GONE, "dominant", "ignored")  # a tone only this fan was served
    for body in (buy("g-p1", GONE, "20.00", "feet"), buy("g-p2", GONE, "0.50", "cosplay"),  # a negative log
                 buy("g-p3", GONE, "5.00", kind="tip"), buy("g-p4", GONE, "15.00")):
        assert post(client, body).status_code == 201
    response = client.post(f"/api/v1/fans/{GONE}/personality/feedback/",
                           {"about_event_id": "g-ai1", "outcome": "positive"}, format="json")
    assert response.status_code == 200  # direct feedback: not in the history, still in the totals
    assert client.post(f"/api/v1/fans/{GONE}/personality/calibrate/").status_code == 200


def aggregates(creator_id: str) -> dict:
    tones = {row.tone: (row.successes, row.failures) for row in CreatorToneStats.objects.filter(creator_id=creator_id)}
    categories = {row.category: (row.purchases, row.priced_purchases, round(row.log_amount_sum, 9),
                                 round(row.log_amount_square_sum, 9))
                  for row in CategoryPopularity.objects.filter(creator_id=creator_id)}
    return {"tones": tones, "categories": categories}


@pytest.fixture
def two_fans(api, other_api):
    """creator_a: the kept and the gone fan; creator_b: the same fan ids; creator_c: the kept fan alone."""
    kept_fan_acts(api)
    gone_fan_acts(api)
    kept_fan_acts(other_api)
    gone_fan_acts(other_api)
    kept_fan_acts(client_for("creator_c"))
    alone = aggregates("creator_c")
    assert alone["tones"] and alone["categories"] and aggregates("creator_a") != alone
    return alone


def erase_by_request(client) -> dict:
    request_id = client.post(f"/api/v1/fans/{GONE}/erasure/").json()["request_id"]
    status = client.get(f"/api/v1/gdpr/erasure-requests/{request_id}/").json()
    assert status["status"] == "done"
    return status["proof"]


def test_erasure_leaves_exactly_what_the_other_fan_alone_produced(api, two_fans):
    other_creator = aggregates("creator_b")
    proof = erase_by_request(api)
    assert aggregates("creator_a") == two_fans
    # flirty's success: the purchase k-p1 soon after that ai message (an implicit outcome)
    assert aggregates("creator_a")["tones"] == {"playful": (1.0, 0.0), "flirty": (1.0, 2.0)}
    assert set(aggregates("creator_a")["categories"]) == {"feet", "lingerie", ""}  # cosplay's row is gone
    assert aggregates("creator_b") == other_creator
    assert proof["aggregates_adjusted"] == {"personality_creator_tones": 2, "category_popularity": 3}


def test_deleting_the_fan_withdraws_its_contribution_too(api, two_fans):
    other_creator = aggregates("creator_b")
    assert api.delete(f"/api/v1/fans/{GONE}/").status_code == 204
    assert aggregates("creator_a") == two_fans
    assert aggregates("creator_b") == other_creator


def test_erasing_twice_withdraws_once(api, two_fans):
    assert api.delete(f"/api/v1/fans/{GONE}/").status_code == 204
    again = fan_data_erase(creator_id="creator_a", fan_id=GONE)
    assert again["aggregates_adjusted"] == {"personality_creator_tones": 0, "category_popularity": 0}
    assert api.delete(f"/api/v1/fans/{GONE}/").status_code == 204
    assert aggregates("creator_a") == two_fans


def test_a_fan_that_later_comes_back_counts_from_zero(api, two_fans):
    assert api.delete(f"/api/v1/fans/{GONE}/").status_code == 204
    served(api, "again-ai", GONE, "dominant", "positive")
    assert api.delete(f"/api/v1/fans/{GONE}/").status_code == 204
    assert aggregates("creator_a") == two_fans


def test_the_only_fan_erased_leaves_no_aggregate_row(api):
    gone_fan_acts(api)
    assert aggregates("creator_a")["tones"] and aggregates("creator_a")["categories"]
    erase_by_request(api)
    assert aggregates("creator_a") == {"tones": {}, "categories": {}}


def test_states_written_before_the_contribution_was_kept_withdraw_what_they_can(api, two_fans):
    profile = PersonalityProfile.objects.get(creator_id="creator_a", fan_id=GONE)
    evidence = profile.evidence
    del evidence["tone"]["contributed"]
    PersonalityProfile.objects.filter(pk=profile.pk).update(evidence=evidence)
    row = FanPreferences.objects.get(creator_id="creator_a", fan_id=GONE)
    state = row.learning_state
    del state["popularity"]
    FanPreferences.objects.filter(pk=row.pk).update(learning_state=state)

    erase_by_request(api)
    left = aggregates("creator_a")
    assert left["tones"] == two_fans["tones"]  # derived from the fan's own tone credits
    purchases = {category: counts[0] for category, counts in left["categories"].items() if counts[0]}
    assert purchases == {category: counts[0] for category, counts in two_fans["categories"].items() if counts[0]}
    # the old state sums its prices over all categories: they cannot be withdrawn row by row
    assert left["categories"]["cosplay"][:2] == (0, 1)
