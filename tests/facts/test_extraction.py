"""The extractor on each kind and language, and the guards that keep wrong facts out (pure, no DB)."""
from datetime import datetime, timezone

import pytest

from facts.extraction.evaluation import fact_key
from facts.extraction.extractor import extract

WEDNESDAY = datetime(2026, 3, 4, 15, 0, tzinfo=timezone.utc)


def facts_of(text, sender="fan"):
    return {(fact.kind, fact_key(fact.kind, fact.value)) for fact in extract(text, sender=sender, sent_at=WEDNESDAY).facts}


def flags_of(text, sender="fan"):
    return set(extract(text, sender=sender, sent_at=WEDNESDAY).flags)


@pytest.mark.parametrize("text, expected", [
    ("hey my name is Mike", ("name", "mike")),
    ("je m'appelle Karim", ("name", "karim")),
    ("im 27 btw", ("age", "27")),
    ("j'ai 29 ans", ("age", "29")),
    ("my birthday is March 14", ("birthday", "03-14")),
    ("mon anniversaire c'est le 12 avril", ("birthday", "04-12")),
    ("it's my birthday today!!", ("birthday", "03-04")),
    ("I live in Montreal", ("city", "montreal")),
    ("j'habite à Marseille", ("city", "marseille")),
    ("I'm French, sorry for my english", ("country", "france")),
    ("je suis belge", ("country", "belgium")),
    ("I'm on EST btw", ("timezone", "america/new_york")),
    ("je suis à l'heure de Paris", ("timezone", "europe/paris")),
    ("I'm a nurse, long shifts", ("job", "nurse")),
    ("je bosse comme plombier", ("job", "plombier")),
    ("I'm divorced, finally free", ("relationship", "divorced")),
    ("je suis célibataire depuis 2 ans", ("relationship", "single")),
    ("I have a dog named Max", ("pet", "dog:max")),
    ("j'ai un chat qui s'appelle Moustache", ("pet", "cat:moustache")),
    ("I'm really into hiking", ("like", "hiking")),
    ("je joue au foot le dimanche", ("like", "foot")),
    ("I hate cilantro", ("dislike", "cilantro")),
    ("je déteste le froid", ("dislike", "froid")),
    ("my exam is Friday, wish me luck", ("event", "exam@2026-03-06")),
    ("je pars en vacances lundi", ("event", "vacation@2026-03-09")),
    ("don't call me baby", ("boundary", "don't call me baby")),
    ("ne m'appelle pas bébé stp", ("boundary", "don't call me bebe")),
])
def test_each_kind_in_english_and_french(text, expected):
    assert expected in facts_of(text)


@pytest.mark.parametrize("text", [
    "how old are you?", "are you single?", "do you have a dog?",                    # questions
    "if I was single I'd marry you", "si j'avais un chien je l'appellerais Rex",  # hypotheticals
    "my wife said \"I'm 29 forever\" lol", "he told me he's from Paris",           # someone else's words
    "yeah I'm a doctor, sure 🙄", "je suis pompier mdr non je rigole",              # jokes
    "I'm not married", "I don't have a dog", "je suis plus célibataire",           # negations
    "my son is 12 and already taller than me", "when I was 22 I went to Ibiza",    # someone else, the past
    "i'm 5 min from home", "I'm 6'2 and 200 lbs lol", "I'm a big fan of your work",
    "my dog died last year 😢", "mon chien est mort hier", "I'm married to my job lol",       # idioms, the past
    "I'm single-handedly keeping you in business", "I'm 18+ obviously lol", "j'habite à la campagne",
])
def test_hard_negatives_give_no_fact(text):
    assert facts_of(text) == set()


def test_the_creators_own_lines_are_not_facts_about_the_fan():
    assert facts_of("I'm 24 and my dog Bella says hi", sender="creator") == set()
    assert flags_of("are you real? I want to die lol", sender="creator") == set()
    assert facts_of("I'm 24 and my dog Bella says hi") == {("age", "24"), ("pet", "dog:bella")}


def test_a_correction_is_marked_as_one():
    [fact] = extract("actually I'm 31, not 30", sent_at=WEDNESDAY).facts
    assert (fact.kind, fact.value, fact.correction) == ("age", 31, True)
    [plain] = extract("I'm 30", sent_at=WEDNESDAY).facts
    assert plain.correction is False


@pytest.mark.parametrize("text, reason", [
    ("are you real?", "bot_question"), ("t'es une IA ?", "bot_question"),
    ("can you make me a custom video?", "custom_request"), ("tu fais des vidéos perso ?", "custom_request"),
    ("I want to die", "self_harm"), ("j'ai envie d'en finir", "self_harm"),
    ("I've been having panic attacks all week", "distress"), ("je me sens tellement seul", "distress"),
    ("I know where you live", "threat"), ("tu vas le regretter", "threat"),
    ("I'm 16", "minor"), ("j'ai 15 ans", "minor"), ("jsuis en seconde au lycée", "minor"),
])
def test_each_flag_in_english_and_french(text, reason):
    assert reason in flags_of(text)


@pytest.mark.parametrize("text", [
    "you're really hot", "for real you're amazing", "thanks for the custom video, loved it",
    "this workout is killing me lol", "I could die for your pics", "je suis mort de rire",
    "you're killing me with that outfit", "when i was 17 i had a poster of you", "my little brother is 16",
    "is it real that you live in Miami?", "you make me want to die of happiness 😍",
])
def test_idioms_and_other_people_raise_no_flag(text):
    assert flags_of(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("moi c'est Dana", {("name", "dana")}),
    ("moi c est Anna ... j habite à Paris", {("name", "anna"), ("city", "paris")}),
    ("j ai 27 ans et j habite a Lille", {("age", "27"), ("city", "lille")}),
    ("I live in Chicago", {("city", "chicago")}),
    ("my girlfriend left me", {("relationship", "single"), ("event", "breakup@2026-03-04")}),
    ("je me suis fait larguer hier", {("relationship", "single"), ("event", "breakup@2026-03-04")}),
    ("I hate pineapple on pizza", {("dislike", "pineapple on pizza")}),
    ("je déteste l'ananas sur la pizza", {("dislike", "ananas sur la pizza")}),
    ("night shifts at the hospital", {("job", "a hospital")}),
    ("cette semaine j'enchaine les gardes à l'hôpital", {("job", "hopital")}),
    ("my grandma is in hospital", {("event", "grandma in hospital@2026-03-04")}),
    ("ma mère est hospitalisée", {("event", "mom in hospital@2026-03-04")}),
])
def test_issue_15_misses_are_found_with_their_kind(text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize("text", [
    "moi c'est pareil", "moi c'est Netflix et pizza ce soir", "moi c'est Marseille", "c est pas grave",
    "my girlfriend left me some cookies", "if my wife left me I'd be lost", "did your boyfriend leave you?",
    "my buddy's girlfriend left him", "we broke up the party early", "elle l'a quitté pour son boss",
    "my girlfriend hates pineapple on pizza", "do you hate pineapple on pizza?",
    "my brother works night shifts at the hospital", "a movie about night shifts at the hospital",
    "ma soeur fait des gardes à l'hôpital", "my grandpa was in hospital in 2019", "is your mom in hospital?",
    '"my mom is in hospital" is the oldest excuse', "j habite pas à Paris", "tu habites a Lyon ?",
])
def test_the_new_patterns_keep_the_guards(text):
    assert facts_of(text) == set()


def test_apostrophes_restored_in_chat_keep_the_spans_of_the_original():
    [name] = extract("moi c est Anna", sent_at=WEDNESDAY).facts
    assert name.value == "Anna"
