"""Text normalisation, tokenisation, hashed n-gram features and lexicon cues (stdlib only).

The same code runs at training time (emotions/analyzer/training.py) and at run time, so the
features the model was trained on are exactly the ones it sees in production.

Pipeline for one message:
  1. cap the length (MAX_CHARS), decode literal "\\uXXXX" escapes and HTML entities, drop
     control characters, NFKC, strip emoji variation selectors / skin tones / ZWJ;
  2. URLs -> "http", @mentions and "[NAME]" -> "@user", text emoticons -> emoji;
  3. surface cues on the original casing (CAPS words, "!!!", "??", elongations);
  4. lower-case, collapse elongations ("soooo" -> "soo"), "n't" -> " not", tokenise into words,
     emoji and "!"/"?" runs; a parallel accent-free copy of every token ("génial" -> "genial");
  5. hashed features (CRC-32 with a namespace seed): word unigrams, word bigrams, negation-scoped
     unigrams ("NEG love"), char_wb 2-5 grams of every word;
  6. lexicon cues: VADER-style valence (English lexicon exported from vaderSentiment at training
     time + the hand-built French lexicon), emoji valence and the emotion tags of emoji / French
     cues (lexicon.py).
"""
from __future__ import annotations

import html
import math
import re
import unicodedata
from zlib import crc32

from . import lexicon as L

MAX_CHARS = 2000  # analyse at most this many characters of a message
MAX_TOKENS = 400

# namespaces (CRC-32 start values) and feature groups (for per-group L2 normalisation)
NS_WORD, NS_BIGRAM, NS_NEG, NS_CHAR = 0x1, 0x2, 0x3, 0x4
GROUP_WORD, GROUP_CHAR = 0, 1

_EMOJI_CLASS = (
    "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u203C\u2049\u3030\u303D"
    "\u3297\u3299"
)
_EMOJI_RE = re.compile(f"[{_EMOJI_CLASS}]")
_STRIP_RE = re.compile("[\uFE0E\uFE0F\u200D\u20E3\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]")
_CTRL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200c\u2028\u2029\u2060\ufeff]")
_UESC_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\bhttps?\b(?=\s|$)", re.I)
_MENTION_RE = re.compile(r"@\w+|\[name\]", re.I)
_ELONG_RE = re.compile(r"(.)\1{2,}", re.S)
_NT_RE = re.compile(r"n['’]t\b")
_APOS_RE = re.compile(r"[’`´‘]")
_TOKEN_RE = re.compile(rf"@user|[^\W_]+|[{_EMOJI_CLASS}]|[!?]+|[.,;:()\"]")
_CAPS_RE = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}\b")
_WORDISH_RE = re.compile(r"\b[^\W\d_]{2,}\b")
_EMOTICON_RE = re.compile(
    "(?:(?<=\\s)|^)(" + "|".join(re.escape(k) for k in sorted(L.EMOTICONS, key=len, reverse=True))
    + ")(?=\\s|$|[.,!?])"
)

_PUNCT = frozenset(".,;:()\"")
_ACCENTS = {}
for _cp in range(0xC0, 0x250):
    _ch = chr(_cp)
    _base = "".join(c for c in unicodedata.normalize("NFD", _ch) if not unicodedata.combining(c))
    if _base != _ch and _base.isascii():
        _ACCENTS[_cp] = _base
_ACCENTS.update({ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss"})


def strip_accents(s: str) -> str:
    return s.translate(_ACCENTS)


class Prepared:
    """Everything the model and the cue layer need from one message."""

    __slots__ = ("tokens", "plain", "negated", "n_words", "n_excl", "n_quest", "caps_ratio",
                 "elongated", "emoji", "has_letters", "script_lang", "complains", "praises_value")

    def __init__(self):
        self.tokens = []      # lower-case tokens (accents kept), punctuation removed
        self.plain = []       # same tokens without accents
        self.negated = []     # bool per token: inside a negation scope
        self.n_words = 0
        self.n_excl = 0
        self.n_quest = 0
        self.caps_ratio = 0.0
        self.elongated = False
        self.emoji = []       # emoji found (normalised)
        self.has_letters = False
        self.script_lang = None
        self.complains = False  # both set by the model's featurize (complaints.py)
        self.praises_value = False


def sanitize(text: str) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_CHARS]
    if "\\u" in text:
        text = _UESC_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "&" in text:
        text = html.unescape(text)
    text = _CTRL_RE.sub(" ", text)
    # surrogates (from bad decoding) cannot be encoded: drop them
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "ignore").decode("utf-8")
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _STRIP_RE.sub("", text)
    return text


def prepare(text: str) -> Prepared:
    p = Prepared()
    text = sanitize(text)
    if not text.strip():
        return p
    text = _URL_RE.sub(" http ", text)
    text = _MENTION_RE.sub(" @user ", text)
    text = _EMOTICON_RE.sub(lambda m: L.EMOTICONS[m.group(1)], text)
    # surface cues on original casing
    words = _WORDISH_RE.findall(text)
    if words:
        caps = len(_CAPS_RE.findall(text))
        p.caps_ratio = caps / len(words) if len(words) >= 2 or caps == 0 else 0.5
    p.n_excl = text.count("!")
    p.n_quest = text.count("?")
    low = text.lower()
    collapsed = _ELONG_RE.sub(r"\1\1", low)
    p.elongated = len(collapsed) != len(low)
    low = _APOS_RE.sub("'", collapsed)
    low = _NT_RE.sub(" not", low)
    toks = _TOKEN_RE.findall(low)[:MAX_TOKENS]
    neg_left = 0
    tokens, negated = [], []
    for t in toks:
        if t in _PUNCT:
            neg_left = 0
            continue
        c = t[0]
        if c == "!" or c == "?":
            neg_left = 0
            tokens.append(t[:2])
            negated.append(False)
            continue
        tokens.append(t)
        negated.append(neg_left > 0)
        if neg_left:
            neg_left -= 1
        if t in L.NEGATORS:
            neg_left = 3
    p.tokens = tokens
    p.plain = [strip_accents(t) for t in tokens] if not low.isascii() else tokens
    p.negated = negated
    n_words = 0
    for t in tokens:
        c = t[0]
        if c.isalnum() or c == "@":
            n_words += 1
            p.has_letters = True
        elif _EMOJI_RE.match(c):
            p.emoji.append(c)
    p.n_words = n_words
    if p.has_letters and not low.isascii():
        p.script_lang = script_language(low)
    return p


def script_language(low: str):
    counts = {}
    latin = 0
    for ch in low:
        o = ord(ch)
        if o < 0x250:
            if ch.isalpha():
                latin += 1
            continue
        for a, b, code in L.SCRIPTS:
            if a <= o <= b:
                counts[code] = counts.get(code, 0) + 1
                break
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if code == "zh" and ("ja" in counts):
        code = "ja"
    return code if n > latin else None


def hashed_features(p: Prepared):
    """Return two dicts {feature_hash: count}: word-level features and char n-grams."""
    word = {}
    char = {}
    plain = p.plain
    prev = None
    for i, t in enumerate(plain):
        b = t.encode("utf-8")
        h = crc32(b, NS_WORD)
        word[h] = word.get(h, 0) + 1
        if prev is not None:
            h = crc32(prev + b" " + b, NS_BIGRAM)
            word[h] = word.get(h, 0) + 1
        prev = b
        if p.negated[i]:
            h = crc32(b, NS_NEG)
            word[h] = word.get(h, 0) + 1
        c0 = t[0]
        if c0.isalnum():
            w = " " + t + " "
            n = len(w)
            for k in range(2, 6):
                if k > n:
                    break
                for j in range(n - k + 1):
                    h = crc32(w[j:j + k].encode("utf-8"), NS_CHAR)
                    char[h] = char.get(h, 0) + 1
    return word, char


# ----------------------------------------------------------------------------------------------
# Lexicon valence (a compact re-implementation of VADER's core rules, bilingual) and cue emotions
# ----------------------------------------------------------------------------------------------
_FR_PHRASES = {}
for _k in L.FR_LEXICON:
    if " " in _k:
        _parts = tuple(_k.split())
        _FR_PHRASES.setdefault(len(_parts), set()).add(_parts)
_PHRASE_LENS = sorted(_FR_PHRASES, reverse=True)
_FR_EN_COLLISIONS = frozenset("pain sale con mal rage fin chat pour vie coin sort lol hate".split())
_EMO_W = (0.85, 0.6, 0.45, 0.35)


def lexicon_scores(p: Prepared, en_lex: dict, lang_hint: str):
    """VADER-like valence of the message.

    Returns (pos_sum, neg_sum, compound, n_hits, emoji_pos, emoji_neg, cue_emotions) where
    cue_emotions maps emotion -> strength in 0..1 from emoji and French cues (a negated
    positive cue gives "disapproval" instead of its own tags).
    """
    toks, plain = p.tokens, p.plain
    n = len(toks)
    vals = [0.0] * n
    tags = [None] * n
    used = [False] * n        # part of a French phrase (boosters/negation already inside)
    fr = L.FR_LEXICON
    for ln in _PHRASE_LENS:
        phrases = _FR_PHRASES[ln]
        for i in range(n - ln + 1):
            if used[i]:
                continue
            key = tuple(plain[i:i + ln])
            if key in phrases:
                v, tg = fr[" ".join(key)]
                vals[i] = v
                tags[i] = tg
                for j in range(i, i + ln):
                    used[j] = True
    emoji_pos = emoji_neg = 0.0
    is_fr = lang_hint == "fr"
    for i in range(n):
        if used[i]:
            continue
        t = toks[i]
        e = L.EMOJI.get(t)
        if e is None and t in L.DERIVED_EMOJI:  # its emotions only: the model's features know the hand table
            tags[i] = L.DERIVED_EMOJI[t][1]
            continue
        if e is not None:
            v = e[0]
            if v > 0:
                emoji_pos += v
            else:
                emoji_neg -= v
            vals[i] = v * 3.0
            tags[i] = e[1]
            continue
        entry = fr.get(t) or fr.get(plain[i])
        if entry is not None and (is_fr or plain[i] not in en_lex):
            vals[i] = entry[0]
            if is_fr:
                tags[i] = entry[1]
            continue
        if is_fr and plain[i] in _FR_EN_COLLISIONS:
            continue
        v = en_lex.get(plain[i])
        if v is not None:
            vals[i] = v
    pos = neg = 0.0
    hits = 0
    cue = {}
    for i in range(n):
        v = vals[i]
        tg = tags[i]
        if not v and not tg:
            continue
        flipped = False
        if v:
            hits += 1
            if i and not used[i]:
                b = L.BOOSTERS.get(plain[i - 1])
                if b:
                    v += b if v > 0 else -b
            if p.negated[i] or (is_fr and not used[i] and i + 1 < n
                                and plain[i + 1] in L.FR_POST_NEGATORS):
                v *= -0.74
                flipped = True
            if v > 0:
                pos += v
            else:
                neg -= v
        if tg:
            if flipped:
                if vals[i] > 0:
                    cue["disapproval"] = max(cue.get("disapproval", 0.0), 0.6)
                continue
            for r, tag in enumerate(tg.split()):
                w = _EMO_W[r if r < 3 else 3]
                if cue.get(tag, 0.0) < w:
                    cue[tag] = w
    # "!" emphasis (VADER adds up to 4 * 0.292 towards the dominant sign)
    if p.n_excl and (pos or neg):
        amp = min(p.n_excl, 4) * 0.292
        if pos >= neg:
            pos += amp
        else:
            neg += amp
    s = pos - neg
    compound = s / math.sqrt(s * s + 15.0)
    return pos, neg, compound, hits, emoji_pos, emoji_neg, cue


def language_cues(p: Prepared):
    """Counts of distinctive function words / slang per language."""
    counts = {}
    for t, pl in zip(p.tokens, p.plain):
        for lang, words in L.LANG_CUES.items():
            if t in words or pl in words:
                counts[lang] = counts.get(lang, 0) + 1
    # French elisions: "c'est", "j'ai", "l'" -> tokens "c","j","l","qu","d","m","t","s","n"
    return counts


DENSE_NAMES = (
    "lex_pos", "lex_neg", "lex_compound", "lex_hits", "emoji_pos", "emoji_neg", "n_excl",
    "n_quest", "caps_ratio", "elongated", "negation", "n_words", "fr_cues", "en_cues",
    "compound_x_fr",
)
N_DENSE = len(DENSE_NAMES)


def dense_features(p: Prepared, lex, cues):
    pos, neg, compound, hits, epos, eneg, _ = lex
    fr = cues.get("fr", 0)
    en = cues.get("en", 0)
    tot = fr + en
    fr_share = fr / tot if tot else 0.0
    return [
        pos / (pos + 4.0),
        neg / (neg + 4.0),
        compound,
        min(hits, 5) / 5.0,
        epos / (epos + 1.0),
        eneg / (eneg + 1.0),
        min(p.n_excl, 3) / 3.0,
        min(p.n_quest, 3) / 3.0,
        p.caps_ratio,
        1.0 if p.elongated else 0.0,
        1.0 if any(p.negated) else 0.0,
        math.log1p(p.n_words) / 4.0,
        fr_share,
        (en / tot) if tot else 0.0,
        compound * fr_share,
    ]


def lang_hint(cues) -> str:
    """'fr' when French cue words outnumber English ones (used to gate the lexicons)."""
    return "fr" if cues.get("fr", 0) > cues.get("en", 0) else "en"
