"""Money in every answer: amounts kept per currency (engagement, segments, stats) and decimal
strings everywhere, never floats."""
import re

from tests.conftest import message, post, purchase

MONEY_KEY = re.compile(r"amount|revenue|spent|largest_purchase|^low$|^high$|price")


def floats_for_money(value, path=""):
    """The paths of money fields given as floats, anywhere in a JSON answer."""
    if isinstance(value, dict):
        nested = [found for key, item in value.items() for found in floats_for_money(item, f"{path}.{key}")]
        return nested + [f"{path}.{key}" for key, item in value.items()
                         if MONEY_KEY.search(str(key)) and isinstance(item, float)]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in floats_for_money(item, f"{path}[{index}]")]
    return []


def paid(event_id, amount, currency, kind="ppv"):
    body = purchase(event_id, amount=amount, kind=kind)
    body["purchase"]["currency"] = currency
    return body


def test_amounts_are_kept_per_currency_and_given_as_decimal_strings(api):
    assert post(api, message("hello", content="hi there")).status_code == 201
    for body in (paid("p1", "12.99", "USD"), paid("p2", "12.99", "USD", kind="tip"), paid("p3", "30.00", "EUR"),
                 paid("p4", "0.10", "EUR", kind="custom")):
        assert post(api, body).status_code == 201
    expected = {"EUR": "30.10", "USD": "25.98"}

    engagement = api.get("/api/v1/fans/f_1/engagement/").json()
    assert engagement["revenue_by_currency"] == expected
    context = api.get("/api/v1/fans/f_1/context/").json()
    assert context["engagement_metrics"]["revenue_by_currency"] == expected
    segment = api.get("/api/v1/fans/f_1/segment/").json()
    assert segment["spent_by_currency"] == expected and segment["total_spent"] == "56.08"
    assert api.get("/api/v1/stats/").json()["revenue_by_currency"] == expected
    preferences = api.get("/api/v1/fans/f_1/preferences/").json()
    ppv = next(pattern for pattern in preferences["purchase_patterns"] if pattern["content_type"] == "ppv")
    assert (ppv["average_amount"], ppv["total_amount"]) == ("21.50", "42.99")  # added whatever the currency
    assert isinstance(preferences["spending"]["typical_amount"], str)

    answers = {"engagement": engagement, "context": context, "segment": segment, "preferences": preferences,
               "stats": api.get("/api/v1/stats/").json(), "fans": api.get("/api/v1/fans/").json()}
    assert {name: floats_for_money(answer) for name, answer in answers.items()} == {name: [] for name in answers}


def test_a_fan_without_purchases_has_no_currency(api):
    assert post(api, message("hello", content="hi there")).status_code == 201
    assert api.get("/api/v1/fans/f_1/engagement/").json()["revenue_by_currency"] == {}
    assert api.get("/api/v1/fans/f_1/segment/").json()["spent_by_currency"] == {}
    assert api.get("/api/v1/fans/f_unknown/context/").json()["engagement_metrics"]["revenue_by_currency"] == {}
