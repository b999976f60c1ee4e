"""The time a recall query speaks of, in English and French."""
from datetime import date, datetime, timezone

import pytest

from recall.dates import window

NOW = datetime(2026, 12, 2, 20, 0, tzinfo=timezone.utc)  # a Wednesday


@pytest.mark.parametrize("query, start, end", [
    ("what did I say yesterday?", date(2026, 12, 1), date(2026, 12, 2)),
    ("t'as fait quoi la semaine dernière ?", date(2026, 11, 23), date(2026, 11, 30)),
    ("the film I mentioned last month", date(2026, 11, 1), date(2026, 12, 1)),
    ("il y a deux semaines", date(2026, 11, 15), date(2026, 11, 22)),
    ("three days ago", date(2026, 11, 28), date(2026, 12, 1)),  # give or take a day
    ("the trip in May", date(2026, 5, 1), date(2026, 6, 1)),
    ("en février", date(2026, 2, 1), date(2026, 3, 1)),  # no year: the last February
    ("en août 2025", date(2025, 8, 1), date(2025, 9, 1)),
    ("what happened in 2024", date(2024, 1, 1), date(2025, 1, 1)),
])
def test_a_query_names_its_time(query, start, end):
    found = window(query, NOW)
    assert found is not None and (found[0].date(), found[1].date()) == (start, end)


@pytest.mark.parametrize("query", ["may I ask you something", "sept jours sans toi", "when did Jan call?",
                                   "what is your dog called", "mars est ma planète préférée"])
def test_words_that_look_like_dates_are_not(query):
    assert window(query, NOW) is None
