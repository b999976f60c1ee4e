"""Compiles ``taxonomy.py`` into lookup tables and matches messages against them.

Pure standard library, no Django, no I/O.  The tables are built once at
import time; ``TopicMatcher.scores`` is then a handful of dict lookups per
word (see README.md for the algorithm and the measured latency).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import taxonomy as _tax

_LANGS = ("en", "fr")

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------
_APOSTROPHES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00c6": "ae", "\u00df": "ss",
})
_COMBINING = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[a-z0-9]+")
_ELONGATED = re.compile(r"([a-z])\1\1+")


def normalize(text: str) -> str:
    """Lower case, unify apostrophes, strip accents (keeps emoji)."""
    text = text.lower().translate(_APOSTROPHES)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text


def tokenize(norm: str) -> list[str]:
    """Words of an already normalised text (apostrophes and hyphens split words)."""
    return _WORD.findall(norm)


def _singulars(tok: str) -> list[str]:
    """Candidate singular forms (en + fr), most specific first."""
    out = []
    n = len(tok)
    if n > 4 and tok.endswith("ies"):
        out.append(tok[:-3] + "y")
    if n > 3 and tok.endswith("s"):
        out.append(tok[:-1])
        if n > 4 and tok.endswith("es"):
            out.append(tok[:-2])
    elif n > 3 and tok.endswith("x"):
        out.append(tok[:-1])
    return out


# --------------------------------------------------------------------------
# Compiled structures
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Spec:
    """One token of a phrase pattern."""
    kind: str                 # "lit" | "prefix" | "any" | "num"
    words: frozenset = frozenset()
    prefixes: tuple = ()

    def match(self, tok: str) -> bool:
        if self.kind == "lit":
            return tok in self.words
        if self.kind == "any":
            return True
        if self.kind == "num":
            return tok.isdigit()
        return tok in self.words or tok.startswith(self.prefixes)


@dataclass
class _Phrase:
    specs: tuple
    topics: dict = field(default_factory=dict)   # topic -> weight; empty = ignore
    ignore: bool = False


def _norm_entry(entry: str) -> str:
    entry = normalize(entry)
    # keep the pattern syntax, split words like the tokenizer does
    entry = re.sub(r"[^a-z0-9*|<>@_\s]", " ", entry)
    return " ".join(entry.split())


def _compile_spec(piece: str, classes: dict[str, list[str]]) -> _Spec:
    if piece == "*":
        return _Spec("any")
    if piece == "<num>":
        return _Spec("num")
    words, prefixes = set(), []
    for alt in piece.split("|"):
        if alt.startswith("@"):
            for member in classes[alt[1:]]:
                member = _norm_entry(member)
                if " " not in member:  # multi-word members only work as standalone entries
                    words.add(member)
        elif alt.endswith("*"):
            prefixes.append(alt[:-1])
        elif alt:
            words.add(alt)
    if prefixes:
        return _Spec("prefix", frozenset(words), tuple(prefixes))
    return _Spec("lit", frozenset(words))


class TopicMatcher:
    """Keyword/phrase/emoji topic matcher built from a taxonomy module."""

    def __init__(self, tax=_tax):
        self.tax = tax
        self.topics: list[str] = list(tax.TAXONOMY)
        self._order = {t: i for i, t in enumerate(self.topics)}
        self.threshold = tax.THRESHOLD
        # word -> {topic: weight}; the merged table serves words that mean the
        # same in both languages, per-language tables serve FALSE_FRIENDS.
        self.words: dict[str, dict[str, float]] = {}
        self.ff_words: dict[str, dict[str, dict[str, float]]] = {lang: {} for lang in _LANGS}
        self.prefixes: dict[str, dict[str, float]] = {}
        # phrase indexes: by (first, second) literal words, by first literal
        # word when the second token is not a literal, then phrases starting
        # with a number or a prefix.
        self.phrases_by_pair: dict[tuple[str, str], list[_Phrase]] = {}
        self.phrases_by_first: dict[str, list[_Phrase]] = {}
        self.phrases_num: list[_Phrase] = []
        self.phrases_prefix: list[_Phrase] = []
        self._phrase_prefixes: tuple = ()
        self.emoji: dict[str, dict[str, float]] = {}
        self.vocab: set[str] = set()
        self.false_friends = {_norm_entry(w) for w in tax.FALSE_FRIENDS}
        self.context = {_norm_entry(k): v for k, v in tax.CONTEXT.items()}
        self.stop = {lang: {_norm_entry(w) for w in ws} for lang, ws in tax.STOPWORDS.items()}
        self.num_words = {_norm_entry(w) for w in tax.CLASSES.get("num_word", ())}
        self._phrase_keys: dict[tuple, _Phrase] = {}
        self.max_prefix = 0
        self._build()

    # ------------------------------------------------------------------ build
    def _add_weight(self, table: dict, key: str, topic: str, weight: float) -> None:
        slot = table.setdefault(key, {})
        slot[topic] = max(slot.get(topic, 0.0), weight)

    def _add_phrase(self, pieces: list[str], topic: str | None, weight: float) -> None:
        key = tuple(pieces)
        phrase = self._phrase_keys.get(key)
        if phrase is None:
            specs = tuple(_compile_spec(p, self.tax.CLASSES) for p in pieces)
            phrase = _Phrase(specs)
            self._phrase_keys[key] = phrase
            first, second = specs[0], specs[1] if len(specs) > 1 else None
            if first.kind == "lit":
                for w in first.words:
                    if second is not None and second.kind == "lit":
                        for w2 in second.words:
                            self.phrases_by_pair.setdefault((w, w2), []).append(phrase)
                    else:
                        self.phrases_by_first.setdefault(w, []).append(phrase)
            elif first.kind == "num":
                self.phrases_num.append(phrase)
            elif first.kind == "prefix":
                self.phrases_prefix.append(phrase)
                self._phrase_prefixes += first.prefixes + tuple(first.words)
            else:
                raise ValueError(f"a phrase cannot start with '*': {' '.join(pieces)!r}")
            for spec in specs:
                self.vocab.update(spec.words)
        if topic is None:
            phrase.ignore = True
        else:
            phrase.topics[topic] = max(phrase.topics.get(topic, 0.0), weight)

    def _add_entry(self, raw: str, topic: str, weight: float, lang: str) -> None:
        entry = _norm_entry(raw)
        if not entry:
            return
        pieces = entry.split()
        if len(pieces) == 1 and entry.startswith("@") and "|" not in entry:
            for member in self.tax.CLASSES[entry[1:]]:
                self._add_entry(member, topic, weight, lang)
            return
        if len(pieces) > 1 or "|" in entry or entry == "<num>":
            self._add_phrase(pieces, topic, weight)
        elif entry.endswith("*"):
            prefix = entry[:-1]
            if len(prefix) < 3:
                raise ValueError(f"prefix too short in taxonomy: {raw!r}")
            self._add_weight(self.prefixes, prefix, topic, weight)
            self.max_prefix = max(self.max_prefix, len(prefix))
        elif entry in self.false_friends:
            self._add_weight(self.ff_words[lang], entry, topic, weight)
            self.vocab.add(entry)
        else:
            self._add_weight(self.words, entry, topic, weight)
            self.vocab.add(entry)

    def _build(self) -> None:
        tax = self.tax
        for topic, spec in tax.TAXONOMY.items():
            for lang in _LANGS:
                lex = spec.get(lang, {})
                for raw in lex.get("strong", ()):
                    self._add_entry(raw, topic, tax.STRONG, lang)
                for raw in lex.get("weak", ()):
                    self._add_entry(raw, topic, tax.WEAK, lang)
            emoji = spec.get("emoji", {})
            for kind, weight in (("strong", tax.STRONG), ("weak", tax.WEAK)):
                for ch in emoji.get(kind, ""):
                    if ch in "\ufe0f\u200d":
                        continue
                    self._add_weight(self.emoji, normalize(ch), topic, weight)
        for lang in _LANGS:
            for raw in tax.IGNORE.get(lang, ()):
                entry = _norm_entry(raw)
                if entry:
                    self._add_phrase(entry.split(), None, 0.0)
        for index in (self.phrases_by_pair, self.phrases_by_first):
            for lst in index.values():
                lst.sort(key=lambda p: -len(p.specs))
        for ws in self.stop.values():
            self.vocab.update(ws)

    # ------------------------------------------------------------------ match
    def _known(self, tok: str) -> bool:
        if tok in self.vocab:
            return True
        for s in _singulars(tok):
            if s in self.vocab:
                return True
        return self._prefix_hit(tok) is not None

    def _canonical(self, tok: str) -> str:
        """Undo elongations ("gymmm" -> "gym", "feeeet" -> "feet")."""
        if not _ELONGATED.search(tok) or tok in self.vocab:
            return tok
        two = _ELONGATED.sub(r"\1\1", tok)
        if self._known(two):
            return two
        one = _ELONGATED.sub(r"\1", tok)
        if self._known(one):
            return one
        return two

    def _prefix_hit(self, tok: str):
        for k in range(min(len(tok), self.max_prefix), 2, -1):
            hit = self.prefixes.get(tok[:k])
            if hit is not None:
                return tok[:k], hit
        return None

    def detect_language(self, tokens: list[str]) -> str | None:
        en = fr = 0
        stop_en, stop_fr = self.stop["en"], self.stop["fr"]
        for t in tokens:
            if t in stop_en:
                en += 1
            if t in stop_fr:
                fr += 1
        if en == fr == 0:
            return None
        return "fr" if fr > en else "en"

    def _word_language(self, tokens: list[str], i: int, default: str) -> str:
        for j in (i - 1, i - 2):
            if j < 0:
                break
            t = tokens[j]
            in_fr, in_en = t in self.stop["fr"], t in self.stop["en"]
            if in_fr != in_en:
                return "fr" if in_fr else "en"
        return default

    def _lookup(self, tokens: list[str], i: int, default_lang: str):
        """(lexicon key, {topic: weight}) for the word at i, or None.

        A false friend is read through the lexicon of its language only.
        Otherwise the exact (or singular) word and the longest matching prefix
        are both used ("cook" is a weak work cue *and*, via "cook*", food).
        """
        tok = tokens[i]
        word_hit = None
        for cand in (tok, *_singulars(tok)):
            if cand in self.false_friends:
                lang = self._word_language(tokens, i, default_lang)
                hit = self.ff_words[lang].get(cand)
                return (cand, hit) if hit else None
            hit = self.words.get(cand)
            if hit is not None:
                word_hit = (cand, hit)
                break
        prefix_hit = self._prefix_hit(tok)
        if word_hit is None:
            return prefix_hit
        if prefix_hit is None:
            return word_hit
        merged = dict(prefix_hit[1])
        for topic, w in word_hit[1].items():
            merged[topic] = max(merged.get(topic, 0.0), w)
        return word_hit[0], merged

    def _blocked(self, key: str, tokens: list[str], i: int) -> bool:
        rule = self.context.get(key)
        if not rule:
            return False
        if i > 0 and rule.get("prev_num"):
            p = tokens[i - 1]
            if p.isdigit() or p in self.num_words:
                return True
        prev = rule.get("prev")
        if prev:
            for j in range(max(0, i - rule.get("window", 1)), i):
                if tokens[j] in prev:
                    return True
        nxt = rule.get("next")
        if nxt and i + 1 < len(tokens) and tokens[i + 1] in nxt:
            return True
        return False

    def _phrases_at(self, tokens: list[str], i: int):
        """Longest positive phrase and longest ignore phrase starting at i."""
        n = len(tokens)
        tok = tokens[i]
        groups = []
        if i + 1 < n:
            g = self.phrases_by_pair.get((tok, tokens[i + 1]))
            if g:
                groups.append(g)
        g = self.phrases_by_first.get(tok)
        if g:
            groups.append(g)
        if self.phrases_num and tok.isdigit():
            groups.append(self.phrases_num)
        if self._phrase_prefixes and tok.startswith(self._phrase_prefixes):
            groups.append(self.phrases_prefix)
        best_pos = best_ign = None
        pos_len = ign_len = 0
        for group in groups:
            for ph in group:
                size = len(ph.specs)
                if i + size > n:
                    continue
                pos_ok = ph.topics and size > pos_len
                ign_ok = ph.ignore and size > ign_len
                if not (pos_ok or ign_ok):
                    continue
                specs = ph.specs
                for k in range(size):
                    if not specs[k].match(tokens[i + k]):
                        break
                else:
                    if pos_ok:
                        best_pos, pos_len = ph, size
                    if ign_ok:
                        best_ign, ign_len = ph, size
        return best_pos, best_ign

    def scores(self, text: str, language: str | None = None) -> dict[str, float]:
        """Topic -> accumulated weight (unthresholded)."""
        if len(text) > self.tax.MAX_CHARS:
            text = text[: self.tax.MAX_CHARS]
        norm = normalize(text)
        tokens = [self._canonical(t) for t in tokenize(norm)]
        out: dict[str, float] = {}

        if tokens:
            lang = language if language in _LANGS else (self.detect_language(tokens) or "en")
            n = len(tokens)
            consumed = [False] * n
            # 1. phrases.  A positive phrase that overlaps an ignore phrase is
            #    dropped unless it strictly contains it ("course a pied"
            #    contains the trap "a pied"; "i'm tired" loses to "tired of").
            #    The remaining positives are taken longest first.
            positives, ignores = [], []
            for i in range(n):
                pos, ign = self._phrases_at(tokens, i)
                if pos is not None:
                    positives.append((i, i + len(pos.specs), pos))
                if ign is not None:
                    ignores.append((i, i + len(ign.specs)))
            if ignores and positives:
                positives = [
                    (ps, pe, ph) for ps, pe, ph in positives
                    if all(ie <= ps or pe <= is_ or (ps <= is_ and ie <= pe and pe - ps > ie - is_)
                           for is_, ie in ignores)
                ]
            if len(positives) > 1:
                positives.sort(key=lambda m: (m[0] - m[1], m[0]))
            for start, end, ph in positives:
                if any(consumed[start:end]):
                    continue
                for k in range(start, end):
                    consumed[k] = True
                for topic, w in ph.topics.items():
                    out[topic] = out.get(topic, 0.0) + w
            for start, end in ignores:
                for k in range(start, end):
                    consumed[k] = True
            # 2. single words and prefixes
            for i, tok in enumerate(tokens):
                if consumed[i]:
                    continue
                hit = self._lookup(tokens, i, lang)
                if hit is None:
                    continue
                key, topics = hit
                if self._blocked(key, tokens, i):
                    continue
                for topic, w in topics.items():
                    out[topic] = out.get(topic, 0.0) + w

        # 3. emoji (each distinct emoji counts once)
        if not norm.isascii():
            emoji = self.emoji
            for ch in set(norm):
                hit = emoji.get(ch)
                if hit:
                    for topic, w in hit.items():
                        out[topic] = out.get(topic, 0.0) + w
        return out

    def extract(self, text: str, language: str | None = None) -> list[str]:
        found = [(t, s) for t, s in self.scores(text, language).items() if s >= self.threshold - 1e-9]
        found.sort(key=lambda ts: (-ts[1], self._order[ts[0]]))
        return [t for t, _ in found]
