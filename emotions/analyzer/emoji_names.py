"""Valence and emotions of every emoji the hand table (lexicon.EMOJI) leaves out, read from the
emoji's own names: the Unicode CLDR short names in English and French that the `emoji` package
ships. Built offline by `manage.py build_emoji_table` into emoji_derived.json (deterministic, committed);
nothing here runs in the service.

A name's words are read through the analyzer's word knowledge: NAME_WORDS first (the words that
carry a sense in emoji names, "pouting", "steam", "rolling" eyes, "thumbs down", each with the
emotion it names), else VADER's English lexicon and the French lexicon, scaled to -1..1. The
valence is their mean; the emotions are those named by the words on the valence's side. A name
with none of them ("pizza", "rocket", "teddy bear") reads PLAIN_VALENCE and no emotion: an emoji
sent to a creator is friendly unless its name says otherwise.

Skin tones, variation selectors and ZWJ are stripped before lookup (emotions.analyzer.text), so
only single code points are listed: a ZWJ sequence reads as its parts. Flags (regional indicator
pairs) and keycaps are left out: they read neutral.
"""
import re
import unicodedata

PLAIN_VALENCE = 0.15
NAME_PHRASES = {"broken heart": (-0.8, "sadness"), "thumbs down": (-0.7, "disapproval"),
                "thumbs up": (0.7, "approval"), "tears of joy": (0.6, "amusement"), "no entry": (-0.5, "disapproval"),
                "cross mark": (-0.5, "disapproval"), "middle finger": (-0.8, "anger"),
                "rolling eyes": (-0.5, "annoyance"), "raised eyebrow": (-0.3, "confusion")}
# The words of emoji names that carry a sense, by the emotion they name.
_SENSES = {
    "sadness": {"frowning": -0.5, "crying": -0.6, "pensive": -0.4, "weary": -0.5, "tired": -0.5, "sleepy": -0.3,
                "yawning": -0.3, "broken": -0.7, "wilted": -0.5, "sad": -0.6, "downcast": -0.5, "bags": -0.3,
                "melting": -0.3, "headstone": -0.6, "coffin": -0.6, "funeral": -0.6, "low": -0.3},
    "disappointment": {"disappointed": -0.6, "unamused": -0.5, "expressionless": -0.3, "diagonal": -0.3,
                       "decreasing": -0.4, "shrugging": -0.2},
    "anger": {"pouting": -0.6, "steam": -0.6, "angry": -0.7, "enraged": -0.8, "anger": -0.7, "symbols": -0.6,
              "ogre": -0.5, "goblin": -0.4},
    "annoyance": {"facepalming": -0.5, "confounded": -0.5, "persevering": -0.4, "clown": -0.3, "exploding": -0.3},
    "nervousness": {"worried": -0.5, "anxious": -0.5, "sweat": -0.3, "shaking": -0.3, "woozy": -0.3},
    "fear": {"fearful": -0.6, "anguished": -0.6, "screaming": -0.6, "warning": -0.5, "sos": -0.6, "skull": -0.6,
             "crossbones": -0.6, "biohazard": -0.6, "radioactive": -0.5, "tornado": -0.5, "zombie": -0.3,
             "blood": -0.5},
    "disgust": {"nauseated": -0.7, "vomiting": -0.8, "poo": -0.4, "microbe": -0.5, "cockroach": -0.6, "rat": -0.4,
                "mosquito": -0.5},
    "disapproval": {"prohibited": -0.5, "ng": -0.4, "lying": -0.5, "gesturing": -0.3},
    "caring": {"thermometer": -0.4, "head-bandage": -0.4, "medical": -0.3, "mask": -0.3, "sneezing": -0.4,
               "hugging": 0.6},
    "joy": {"smiling": 0.6, "grinning": 0.6, "beaming": 0.6, "birthday": 0.6, "celebration": 0.6},
    "love": {"heart": 0.7, "hearts": 0.7, "kiss": 0.6, "kissing": 0.6, "love": 0.7},
    "excitement": {"party": 0.6, "sparkles": 0.5, "sparkling": 0.5},
    "admiration": {"star": 0.4, "clapping": 0.4, "trophy": 0.6, "medal": 0.5},
    "gratitude": {"gift": 0.6},
}
NAME_WORDS = {word: (valence, sense) for sense, words in _SENSES.items() for word, valence in words.items()}


def name_sense(english: str, french: str, vader: dict, french_lexicon: dict) -> tuple[float, str]:
    """The mean valence of a name's words (-1..1), or PLAIN_VALENCE when none carries one, and the
    emotions its words name, strongest first."""
    english = english.lower()
    cues = [sense for phrase, sense in NAME_PHRASES.items() if phrase in english]
    cues += [NAME_WORDS[word] for word in english.split() if word in NAME_WORDS]
    cues += [(vader[word] / 4, "") for word in english.split() if word not in NAME_WORDS and word in vader]
    for word in french.lower().split():
        entry = french_lexicon.get(_fold(word)) or french_lexicon.get(word)
        if entry is not None:
            cues.append((entry[0] / 4, ""))
    if not cues:
        return PLAIN_VALENCE, ""
    valence = max(-1.0, min(1.0, sum(value for value, _ in cues) / len(cues)))
    senses = dict.fromkeys(sense for value, sense in sorted(cues, key=lambda cue: -abs(cue[0]))
                           if sense and value * valence > 0)
    return round(valence, 3), " ".join(senses)


def derived_table(emoji_data: dict, hand: dict, vader: dict, french_lexicon: dict) -> dict:
    """Emoji -> [valence, "emotion tags"] for the single-code-point emoji not in the hand table."""
    table = {}
    for symbol, data in sorted(emoji_data.items()):
        bare = re.sub("[\ufe0e\ufe0f]", "", symbol)
        if len(bare) != 1 or bare in hand or bare in table or _is_modifier(bare) \
                or unicodedata.normalize("NFKC", bare) != bare:  # the analyzer reads 🈲 as 禁, ™ as TM
            continue
        table[bare] = list(name_sense(_words(data.get("en", "")), _words(data.get("fr", "")), vader, french_lexicon))
    return table


def _is_modifier(symbol: str) -> bool:
    """Regional indicators (halves of flags) and skin tones: no sense alone."""
    return 0x1F1E6 <= ord(symbol) <= 0x1F1FF or 0x1F3FB <= ord(symbol) <= 0x1F3FF


def _words(name: str) -> str:
    return name.strip(":").replace("_", " ")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
