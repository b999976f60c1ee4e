"""A complaint reads negative however it is dressed; sincere praise with the same words stays positive.

The sentences are new here (neither set's): the dev set (emotions/analyzer/sarcasm_dev.json) chose
the patterns, the blind set (tests/data/sarcasm_blind.json) is only measured (make eval-analyzer)."""
import json
from pathlib import Path

import pytest

from emotions.analyzer import analyze

DEV_SET = Path(__file__).resolve().parents[2] / "emotions" / "analyzer" / "sarcasm_dev.json"


@pytest.mark.parametrize("text", [
    "wow amazing, paid $25 and the clip freezes at 12 seconds",
    "thanks for the quick reply but my custom still hasn't arrived",
    "oh great, charged me twice again",
    "super, ça fait trois jours que j attends une réponse",
    "merci hein, le lien marche toujours pas",
    "so worth it 🙄",
])
def test_a_sarcastic_or_polite_complaint_reads_negative(text):
    assert analyze(text)["sentiment"] == "negative"


@pytest.mark.parametrize("text", [
    "wow amazing, best set you've ever posted",
    "the video wouldn't play at first but it works now, thank you!!",
    "the photos were not blurry at all this time, perfect",
    "this song is awful but i love it",
    "a bargain for $15, honestly",
    "franchement ça vaut grave le coup, merci",
    "lol the refund thing was a joke, just kidding, I love the set",
])
def test_sincere_praise_with_the_same_words_stays_positive(text):
    assert analyze(text)["sentiment"] == "positive"


def test_the_dev_set_guard_holds():
    """A regression guard (the patterns were chosen on this set): 0.95 of its complaints read negative,
    0.9 of its praise positive."""
    messages = json.loads(DEV_SET.read_text(encoding="utf-8"))["messages"]
    read = {m["text"]: analyze(m["text"])["sentiment"] for m in messages}
    complaints = [m for m in messages if m["label"] == "negative"]
    praise = [m for m in messages if m["label"] == "positive"]
    assert sum(read[m["text"]] == "negative" for m in complaints) / len(complaints) >= 0.95
    assert sum(read[m["text"]] == "positive" for m in praise) / len(praise) >= 0.9
