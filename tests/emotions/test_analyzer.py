"""The shipped analyzer (emotions/analyzer/model.npz) on crafted chat messages."""
import pytest

from emotions.analyzer import OUTPUT_KEYS, analyze, analyze_many
from emotions.analyzer.labels import EMOTIONS


def test_the_contract_shape():
    result = analyze("I love this so much, thank you!!")
    assert tuple(result) == OUTPUT_KEYS
    assert list(result["emotions"]) == EMOTIONS
    assert all(0.0 <= value <= 1.0 for value in result["emotions"].values())
    assert -1.0 <= result["polarity"] <= 1.0 and 0.0 <= result["confidence"] <= 1.0
    assert 0.0 <= result["intensity"] <= 1.0
    scores = [result["emotions"][label] for label in result["labels"]]
    assert scores == sorted(scores, reverse=True)
    assert result["topics"] == []


@pytest.mark.parametrize("positive, negated", [
    ("I love this video", "I don't love this video"),
    ("this is good", "this is not good at all"),
    ("j'aime trop ta nouvelle photo", "j'aime pas ta nouvelle photo"),
    ("c'est génial", "c'est pas génial"),
])
def test_negation_flips_the_sign(positive, negated):
    assert analyze(positive)["polarity"] > 0.2
    assert analyze(negated)["polarity"] < analyze(positive)["polarity"] - 0.3


@pytest.mark.parametrize("text, sign, emotion", [
    ("😍", 1, "love"), ("❤️", 1, "love"), ("😍😍😍", 1, "love"), ("👍🏽", 1, None), ("🥺", None, None),
    ("😡", -1, "anger"), ("💔", -1, "sadness"), ("😭😭", None, "sadness"), ("👎", -1, None),
])
def test_emoji_only_messages(text, sign, emotion):
    result = analyze(text)
    if sign is not None:
        assert result["polarity"] * sign > 0.2 and result["sentiment"] == ("positive" if sign > 0 else "negative")
    if emotion is not None:
        assert emotion in result["labels"]
    assert result["language"] == "und"


@pytest.mark.parametrize("text, sentiment, label", [
    ("mdr t'es trop drôle", "positive", "amusement"),
    ("trop bien ce live, merci !!", "positive", "gratitude"),
    ("c'est nul, je suis trop déçu", "negative", "disappointment"),
    ("j'en ai marre de ces pubs", "negative", "annoyance"),
])
def test_french_slang(text, sentiment, label):
    result = analyze(text)
    assert result["language"] == "fr"
    assert result["sentiment"] == sentiment
    assert label in result["labels"]


@pytest.mark.parametrize("text, labels", [
    ("mdr", {"amusement"}), ("ptdr jsp quoi dire 😂", {"amusement", "confusion"}), ("jsp", {"confusion"}),
])
def test_french_chat_cues_give_their_emotions(text, labels):
    # Only the emotions: the sentiment of short slang-only messages is weak (see MODEL.md, limits).
    result = analyze(text)
    assert result["language"] == "fr" and labels <= set(result["labels"])


def test_elongations_and_capitals_raise_intensity():
    calm = analyze("i love it")
    loud = analyze("I LOVE IT SOOOOO MUCH!!!")
    assert loud["sentiment"] == calm["sentiment"] == "positive"
    assert loud["intensity"] > calm["intensity"]
    assert "love" in loud["labels"]


def test_languages():
    assert analyze("what are you doing tonight?")["language"] == "en"
    assert analyze("tu fais quoi ce soir ?")["language"] == "fr"
    mixed = analyze("omg c'est trop cute, love it mdr")
    assert mixed["language"] in ("fr", "en") and mixed["sentiment"] == "positive"
    assert analyze("Привет, как дела?")["language"] == "ru"


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b\u200b", "...", "\x00\x01"])
def test_empty_after_strip_is_neutral(text):
    result = analyze(text)
    assert result["sentiment"] == "neutral" and result["labels"] == [] and result["polarity"] == 0.0
    assert set(result["emotions"].values()) == {0.0}


def test_ten_thousand_characters():
    result = analyze(("I am so happy for you, this is amazing! " * 250)[:10_000])
    assert result["sentiment"] == "positive" and result["labels"]


def test_a_batch_gives_the_single_results():
    texts = ["I hate waiting", "merci beaucoup ❤️", "", "ok", "why would you do that?"]
    assert analyze_many(texts) == [analyze(text) for text in texts]


def test_questions_and_anger():
    assert "curiosity" in analyze("what camera do you use for your videos?")["labels"]
    angry = analyze("This is ridiculous, I'm so angry at you")
    assert angry["sentiment"] == "negative" and {"anger", "annoyance"} & set(angry["labels"])
