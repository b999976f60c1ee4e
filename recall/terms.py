"""Text to index terms: words, stop words dropped, stemmed (English or French, guessed from the
stop words), accents folded, then hashed under a key derived from the field encryption key."""
import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np
import snowballstemmer

from core.crypto import field_keys

WORD = re.compile(r"[^\W_]+")
STOP_EN = frozenset(
    "a an the and or but if of to in on at by for with about from as is are was were be been being do does "
    "did doing have has had having i me my mine you your yours he him his she her hers it its we us our they "
    "them their what which who whom whose when where why how this that these those there here not no so than "
    "too very can could will would shall should may might must just also up down out over into then once all "
    "any both each few more most other some such only own same s t don now ok oh yeah hey hi".split())
STOP_FR = frozenset(
    "le la les un une des du de d l et ou mais si à a au aux en dans sur par pour avec sans sous ce cet cette "
    "ces c ça cela je j me m moi tu te t toi il elle on nous vous ils elles lui leur leurs mon ma mes ton ta "
    "tes son sa ses notre nos votre vos qui que qu quoi dont où quand comment pourquoi est es suis sommes "
    "êtes sont été être ai as avons avez ont avait était fait faire ne n pas plus très y se s".split())
STEMMERS = {"en": snowballstemmer.stemmer("english"), "fr": snowballstemmer.stemmer("french")}


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Stemmed, folded content words, in order."""
    found = WORD.findall(text.lower())
    french = sum(w in STOP_FR for w in found) > sum(w in STOP_EN for w in found)
    stemmer = STEMMERS["fr" if french else "en"]
    kept = [w for w in found if w not in STOP_EN and w not in STOP_FR]
    return [fold(stem) for stem in stemmer.stemWords(kept)]


def name_words(text: str) -> list[str]:
    """A name's words, lowercased and accents folded but not stemmed: the same in any language."""
    return [fold(word) for word in WORD.findall(text.lower())]


@lru_cache(maxsize=4)
def _derived_key(field_key: bytes) -> bytes:
    return hashlib.sha256(b"fan-memory recall terms v1|" + field_key).digest()


def _key_id(term_key: bytes) -> str:
    return hashlib.sha256(b"key id|" + term_key).hexdigest()[:8]


def _term_keys() -> dict[str, bytes]:
    """The hashing keys by id, current first (then the old one while a rotation is under way)."""
    return {_key_id(key): key for key in map(_derived_key, field_keys())}


def key_ids() -> list[str]:
    return list(_term_keys())


def term_key(key_id: str) -> bytes:
    return _term_keys()[key_id]


def hashed(terms: list[str], key_id: str) -> np.ndarray:
    key = term_key(key_id)
    return np.array([int.from_bytes(hashlib.blake2b(t.encode(), key=key, digest_size=4).digest(), "little")
                     for t in terms], dtype="<u4")
