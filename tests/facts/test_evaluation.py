"""The labelled set and the quality targets of fact extraction: a regression fails CI."""
from io import StringIO

from django.core.management import call_command

from facts.extraction.evaluation import evaluate, load

CASES = load()


def test_the_labelled_set_is_large_bilingual_and_full_of_hard_negatives():
    assert len(CASES) >= 400
    languages = {case["lang"] for case in CASES}
    assert languages == {"en", "fr"} and sum(case["lang"] == "fr" for case in CASES) >= 100
    negatives = [case for case in CASES if not case["facts"] and not case["flags"]]
    assert len(negatives) >= 150
    assert sum(case["sender"] == "creator" for case in CASES) >= 20
    assert sum("?" in case["message"] for case in negatives) >= 30


def test_extraction_meets_its_targets():
    report = evaluate(CASES)
    assert report.facts_total.precision >= 0.95 and report.facts_total.recall >= 0.70
    assert report.flags_total.precision >= 0.90 and report.flags_total.recall >= 0.70
    assert report.flags["minor"].recall >= 0.95 and report.flags["self_harm"].recall >= 0.95
    assert all(score.precision is None or score.precision >= 0.85 for score in report.kinds.values())


def test_the_command_prints_precision_and_recall_per_kind_and_flag():
    out = StringIO()
    call_command("evaluate_fact_extraction", stdout=out)
    printed = out.getvalue()
    assert f"{len(CASES)} messages" in printed
    for name in ("| age |", "| pet |", "| boundary |", "flag `minor`", "flag `self_harm`", "**all facts**"):
        assert name in printed
