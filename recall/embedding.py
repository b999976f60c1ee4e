"""A text's meaning as a vector, from the static word table distilled offline (recall/distillation.py).

A text's vector is the weighted mean of its words' vectors, normalised, then turned by a rotation
drawn from the hashing key and the creator: each creator's vectors are in a basis of their own, so
a copy of the index cannot look them up in the public table or compare them across creators
without the key (cosines within a creator are unchanged). This resists lookup, not analysis (a few
hundred known texts of one creator would recover that creator's rotation): the vectors stay
personal data.
"""
import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import terms

TABLE_PATH = Path(__file__).with_name("embedding.npz")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Word -> row (accent-folded forms too), int8 rows, and each row's scale times its weight."""
    with np.load(TABLE_PATH) as data:
        words = str(data["words"]).split("\n")
        rows, factors = data["rows"], data["scales"] * data["weights"]
    index = {word: number for number, word in enumerate(words)}
    for word, number in list(index.items()):
        index.setdefault(terms.fold(word), number)
    return index, rows, factors


def _forms(text: str):
    """Each word as the table knows it: as written, or else with its accents folded."""
    index = _table()[0]
    for word in terms.WORD.findall(text.lower()):
        yield word if word in index else terms.fold(word)


def dimensions() -> int:
    return _table()[1].shape[1]


def meaning(text: str) -> np.ndarray:
    """The unit vector of the text's known words (zeros when it has none), in the table's basis."""
    index, rows, factors = _table()
    found = [number for number in map(index.get, _forms(text)) if number is not None]
    if not found:
        return np.zeros(rows.shape[1], dtype=np.float32)
    total = factors[found] @ rows[found].astype(np.float32)
    return (total / (np.linalg.norm(total) or 1.0)).astype(np.float32)


@lru_cache(maxsize=64)  # 16 MiB at most per process
def rotation(key_id: str, creator_id: str) -> np.ndarray:
    """An orthogonal matrix drawn from the hashing key and the creator (256 KiB, a few ms to draw)."""
    seed_text = b"recall rotation|" + terms.term_key(key_id) + b"|" + creator_id.encode()
    seed = int.from_bytes(hashlib.sha256(seed_text).digest()[:8], "little")
    size = dimensions()
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((size, size)))
    return (q * np.sign(np.diag(r))).astype(np.float32)


def stored(text: str, key_id: str, creator_id: str) -> bytes:
    """The text's rotated vector as int8 bytes (the length of the vector is 1, so 127 is 1.0)."""
    return np.round(query_vector(text, key_id, creator_id) * 127).astype(np.int8).tobytes()


def query_vector(text: str, key_id: str, creator_id: str) -> np.ndarray:
    return rotation(key_id, creator_id) @ meaning(text)
