"""Every emoji reads something: the hand table's, else the sense its CLDR names give
(emotions/analyzer/emoji_derived.json, built by `manage.py build_emoji_table`)."""
import json

from django.core.management import call_command

from emotions.analyzer import analyze
from emotions.analyzer.labels import EMOTIONS
from emotions.analyzer.lexicon import DERIVED_EMOJI, DERIVED_EMOJI_PATH, EMOJI


def test_the_committed_table_is_what_the_build_writes(tmp_path):
    call_command("build_emoji_table", "--out", str(tmp_path / "table.json"), stdout=open("/dev/null", "w"))
    assert (tmp_path / "table.json").read_text(encoding="utf-8") == DERIVED_EMOJI_PATH.read_text(encoding="utf-8")


def test_the_derived_table_adds_to_the_hand_table_with_valences_and_emotions_of_the_analyzer():
    assert len(DERIVED_EMOJI) > 1000 and not set(DERIVED_EMOJI) & set(EMOJI)
    assert all(-1 <= valence <= 1 and set(tags.split()) <= set(EMOTIONS) for valence, tags in DERIVED_EMOJI.values())
    assert json.loads(DERIVED_EMOJI_PATH.read_text(encoding="utf-8"))  # one JSON object


def test_an_emoji_outside_the_hand_table_reads_as_its_name_says_alone_after_a_word_and_in_a_sequence():
    # 🧟 zombie, 🚷 "no pedestrians", 😼 a cat's wry smile: none is in the hand table
    assert "🧟" not in EMOJI and analyze("🧟")["polarity"] < 0 and analyze("🧟")["labels"][0] == "fear"
    assert analyze("🚷")["sentiment"] == "negative" and analyze("ok 🧟")["polarity"] < 0
    assert analyze("😼")["polarity"] > 0
    assert analyze("🧟\u200d\u2640\ufe0f")["polarity"] < 0  # woman zombie: a ZWJ sequence reads as its parts


def test_an_emoji_beside_a_word_or_two_says_what_the_message_means():
    assert analyze("ok 👎")["sentiment"] == "negative" and analyze("ok 👍")["sentiment"] == "positive"
    assert analyze("merci 😡")["polarity"] < 0 < analyze("merci 🥰")["polarity"]
