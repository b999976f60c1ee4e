"""Text preparation and the guards that keep a pattern match from becoming a wrong fact.

`Text` holds the message twice: `orig` (NFC, straight quotes) for values, and `low`, the same
string lowercased and accent-folded character by character, so that a span found in `low` is the
same span in `orig`. Patterns are written against `low` without accents ("celibataire").
"""
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                         "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})
_FOLD = {}
for _cp in range(0xC0, 0x250):
    _base = unicodedata.normalize("NFD", chr(_cp))[0].lower()
    if len(_base) == 1 and _base.isascii():
        _FOLD[_cp] = _base
_FOLD[0x130] = "i"


# Chat drops apostrophes ("moi c est Anna", "j habite a Paris", "je m appelle", "i m", "don t"): the
# space is read as the apostrophe in `low` (one character for one, so spans still line up with `orig`).
_NOT_T = "|".join(rf"(?<=\b{word})" for word in ("don", "can", "won", "isn", "didn", "doesn", "wasn", "aren"))
_ELISION = re.compile(r"(?<![a-z'])(?:j|l|d|qu) (?=[aeiouyh])|(?<![a-z'])c (?=est\b|etait\b)"
                      r"|(?<![a-z'])i (?=m\b)|(?<![a-z'])(?<!\bi )m (?=appel|a |as |en )"
                      rf"|(?<![a-z'])t (?=es |as |etais )|(?:{_NOT_T}) (?=t\b)")


def _restore_elisions(low: str) -> str:
    return _ELISION.sub(lambda match: match.group(0)[:-1] + "'", low)


def fold(text: str) -> str:
    """Lowercase and strip accents, keeping one character per character."""
    folded = text.translate(_FOLD).lower()
    if len(folded) != len(text):  # a rare character that lowercases to two: fold one by one
        folded = "".join(ch.translate(_FOLD).lower()[:1] or ch for ch in text)
    return folded


EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")
SENTENCE_END = re.compile(r"(?:[!?]+|(?<!\d)\.(?!\d)|\n|;)+")
CLAUSE_BREAK = re.compile(r",|:| - |\bbut\b|\bmais\b|\bso\b|\bdonc\b|\bbecause\b|\bparce que\b|\band i\b"
                          r"|\bet je\b|\bet j'|\bet moi\b|\bwhile\b|\bwhereas\b|\band you\b|\band u\b|\bet toi\b|\bet vous\b")
QUESTION_OPENER = re.compile(
    r"\b(?:are|r|do|did|does|would|will|can|could|have|should|were|was|is) (?:you|u|ya|it|this|that|there)\b"
    r"|\b(?:can|could|may|should) i\b|\b(?:what|what's|whats|when|where|who|why|how|which|wyd|hbu|wbu)\b"
    r"|\best[- ]ce\b|\b(?:tu|t') ?(?:as|es|fais|veux|peux|viens|habites|aimes)\b.*$|\bas-tu\b|\bes-tu\b"
    r"|\b(?:quel|quelle|quels|quelles|combien|pourquoi|comment|ou)\b|\bright$|\bc'est ca$|\bnon$"
)
HYPOTHETICAL = re.compile(
    r"\b(?:if|what if|imagine|imagining|suppose|supposing|let's say|lets say|pretend|wish(?! me luck)|wishing|would|i'd"
    r"|id love|could|might|maybe|someday|one day|dream|dreaming|in another life|when i grow up|want to be"
    r"|wanna be|hope to|hoping to|plan to|going to be|gonna be|love to|like to be|si|s'il|imagine"
    r"|supposons|j'aimerais|j'aimerai|je voudrais|je reve|un jour|dans une autre vie|peut-etre|si j'etais"
    r"|quand je serai|j'adorerais)\b"
)
REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|tell|asked|asks|claims|claimed|thinks|think|goes|went like|was like"
    r"|is like|a dit|m'a dit|dit que|disait|raconte|m'a raconte|croit|pense que|m'a demande)\b"
)
NEGATION_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bpas|\bjamais|\bplus|\bne|\bn'|\bnon)\s*$")
STRONG_JOKE = re.compile(
    r"\b(?:jk|j/k|just kidding|just joking|kidding|je rigole|je plaisante|je deconne|c'est une blague"
    r"|not really|yeah right|oh sure|as if|c'est ca|ouais c'est ca|in my dreams|dans mes reves)\b|/s\b|🙄|😒"
)
# Retractions take back what came before them ("I'm 12 jk I'm 32"): they count only after the fact.
RETRACTION = re.compile(r"\b(?:jk|j/k|just kidding|just joking|kidding|je rigole|je plaisante|je deconne"
                        r"|c'est une blague|not really)\b")
WEAK_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|mdr|ptdr|xd)\b|😂|🤣|😜|😝|😆")


@dataclass
class Text:
    orig: str
    low: str
    sentences: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, ends with '?'
    clauses: list[tuple[int, int]] = field(default_factory=list)
    _clause_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    strong_jokes: list[int] = field(default_factory=list)
    retractions: set[int] = field(default_factory=set)
    weak_joke: bool = False

    def sentence_of(self, pos: int) -> tuple[int, int, bool]:
        return self.sentences[max(0, bisect_right(self._sentence_starts, pos) - 1)]

    def clause_of(self, pos: int) -> tuple[int, int]:
        return self.clauses[max(0, bisect_right(self._clause_starts, pos) - 1)]

    def clause_text(self, pos: int) -> str:
        start, end = self.clause_of(pos)
        return self.low[start:end]


def prepare(raw: str) -> Text:
    orig = unicodedata.normalize("NFC", raw).translate(_QUOTES)
    low = _restore_elisions(fold(orig))
    text = Text(orig=orig, low=low)
    start = 0
    for match in SENTENCE_END.finditer(low):
        text.sentences.append((start, match.end(), "?" in match.group()))
        start = match.end()
    if start < len(low):
        text.sentences.append((start, len(low), False))
    if not text.sentences:
        text.sentences.append((0, 0, False))
    text._sentence_starts = [s[0] for s in text.sentences]
    cuts = {0, len(low)}
    for pattern in (SENTENCE_END, EMOJI, CLAUSE_BREAK):
        for match in pattern.finditer(low):
            cuts.add(match.start())
            cuts.add(match.end())
    bounds = sorted(cuts)
    text.clauses = [(a, b) for a, b in zip(bounds, bounds[1:])] or [(0, 0)]
    text._clause_starts = [c[0] for c in text.clauses]
    text.strong_jokes = [m.start() for m in STRONG_JOKE.finditer(low)]
    text.retractions = {m.start() for m in RETRACTION.finditer(low)}
    text.weak_joke = WEAK_JOKE.search(low) is not None
    return text


# --- guards ---------------------------------------------------------------------------------

def in_question(text: Text, pos: int) -> bool:
    """The position is inside the question part of a sentence ending with '?' (or opening with one)."""
    start, end, asks = text.sentence_of(pos)
    clause_start, _ = text.clause_of(pos)
    opener = QUESTION_OPENER.search(text.low, clause_start, end)
    if opener and opener.start() <= pos + 1 and _clause_opens_with(text.low, clause_start, opener.start()):
        return True
    if not asks:
        return False
    opener = QUESTION_OPENER.search(text.low, start, end)
    if opener is not None:
        return opener.start() <= pos + 1
    last_clause_start = text.clause_of(max(start, end - 2))[0]
    return pos >= last_clause_start


def _clause_opens_with(low: str, clause_start: int, at: int) -> bool:
    """A question opener counts without a '?' only at the head of its clause ("do you like sushi")."""
    head = low[clause_start:at].strip(" ,.!-")
    return head in ("", "so", "and", "et", "ok", "okay", "alors", "hey", "lol", "btw", "hi", "bon")


def is_hypothetical(text: Text, pos: int) -> bool:
    start, _ = text.clause_of(pos)
    sentence_start = text.sentence_of(pos)[0]
    return HYPOTHETICAL.search(text.low, min(start, sentence_start), pos) is not None


def is_reported(text: Text, pos: int) -> bool:
    """Reported speech or a quotation: someone else's words, not a statement of the fan."""
    sentence_start = text.sentence_of(pos)[0]
    if REPORTED.search(text.low, sentence_start, pos):
        return True
    return text.low.count('"', 0, pos) % 2 == 1


def negated(text: Text, pos: int) -> bool:
    window = text.low[max(0, pos - 12):pos]
    return NEGATION_BEFORE.search(window) is not None


def joked(text: Text, pos: int) -> bool:
    """A retraction later in the same sentence, or another strong joke marker anywhere in it."""
    start, end, _ = text.sentence_of(pos)
    for marker in text.strong_jokes:
        if start <= marker <= end + 3 and (marker > pos or marker not in text.retractions):
            return True
    return False
