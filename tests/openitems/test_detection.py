"""Detection of open items in both languages, and what is not one (a positive message is no complaint)."""
import pytest

from openitems.detection import category_named, detect, settles, settles_refund, tells_outcome


def kinds(text, analysis=None):
    return [found.kind for found in detect(text, analysis)]


@pytest.mark.parametrize("text, kind", [
    # the examples
    ("the set was blurry", "content_problem"),
    ("the video cut at 10 s", "content_problem"),
    ("I want a refund", "refund"),
    ("my exam is Friday", "follow_up"),
    ("my grandma is in hospital", "follow_up"),
    # English
    ("the link doesn't work", "content_problem"),
    ("i never got the video i paid for", "content_problem"),
    ("honestly that set was disappointing, not worth 15 bucks", "complaint"),
    ("this is a rip off", "complaint"),
    ("can i get my money back?", "refund"),
    ("I have a job interview tomorrow, wish me luck", "follow_up"),
    ("when will you post the beach set?", "unanswered_question"),
    # French, with and without apostrophes
    ("la vidéo est floue", "content_problem"),
    ("le lien marche pas", "content_problem"),
    ("j ai jamais reçu la vidéo", "content_problem"),
    ("la vidéo coupe à 10 secondes", "content_problem"),
    ("je veux être remboursé", "refund"),
    ("franchement je suis déçu", "complaint"),
    ("c est nul ce set", "complaint"),
    ("pas terrible ce set", "complaint"),
    ("mon exam est vendredi", "follow_up"),
    ("ma grand-mère est à l’hôpital", "follow_up"),
    ("ma mamie est a l hopital depuis hier", "follow_up"),
    ("tu peux m envoyer la vidéo de la plage ?", "unanswered_question"),
])
def test_an_item_is_found_in_english_and_french(text, kind):
    assert kinds(text) == [kind]


@pytest.mark.parametrize("text", [
    "great set!! 😍", "I love this set, not disappointed at all", "this is not bad", "how are you?", "ça va ?",
    "tu fais quoi ce soir ?", "my day was terrible", "nothing works at my job lol", "thanks, it works now",
    "c est bon merci", "pas déçu du tout", "j'adore la vidéo", "haha really?", "I passed my exam yesterday",
    "wyd?", "what are you up to tonight?", "you there?", "et toi ?",
])
def test_what_is_not_an_item(text):
    assert kinds(text) == []


def test_a_clearly_positive_message_opens_no_complaint_whatever_a_word_says():
    text = "that set was a scam of how hot it was"
    assert kinds(text) == ["complaint"]
    assert kinds(text, {"sentiment": "positive", "polarity": 0.8}) == []


def test_the_summary_is_the_fans_sentence():
    found = detect("Hey babe. Honestly the lingerie set was blurry, can you resend? Love you")
    assert [(item.kind, item.summary) for item in found] == [
        ("content_problem", "Honestly the lingerie set was blurry, can you resend?")]


@pytest.mark.parametrize("text", ["thanks, it works now", "all good now thanks", "never mind, got it now",
                                  "c'est bon merci", "c est bon merci", "ça marche merci !", "c est réglé"])
def test_settling_messages(text):
    assert settles(text)


@pytest.mark.parametrize("text", ["it still doesn't work", "ça marche pas", "c est pas bon", "c'est bon ?",
                                  "does it work?"])
def test_not_settling(text):
    assert not settles(text)


def test_refunds_and_follow_ups_are_settled_by_their_own_words():
    assert settles_refund("I've refunded you, sorry babe", outgoing=True)
    assert settles_refund("je t ai remboursé", outgoing=True)
    assert settles_refund("got my refund thanks", outgoing=False)
    assert not settles_refund("no refunds sorry", outgoing=True)
    assert tells_outcome("the exam went well!!", "exam")
    assert tells_outcome("mamie est sortie de l'hôpital", "hospital")
    assert not tells_outcome("so stressed about the exam", "exam")


def test_the_category_named_among_the_recent_ones():
    assert category_named("the lingerie set was blurry", ["cosplay", "lingerie"]) == "lingerie"
    assert category_named("the set was blurry", ["cosplay", "lingerie"]) is None


def test_an_answer_is_told_from_a_dodge():
    from openitems.detection import answers
    question = "is the live show still on saturday?"
    assert answers("Yes! 8pm as usual", question)
    assert answers("the live show moved to sunday", question)
    assert not answers("I love that you're so into it! 🥰", question)
    assert not answers("haha you're so curious 😜", question)
    assert answers("Haha wrong! It's Attack on Titan", "what's your favorite anime?")
