"""A text's meaning as a vector, from the static word table distilled offline (recall/distillation.py).

A text's vector is the weighted mean of its words' vectors, normalised, then turned by a rotation
derived from the field encryption key: stored vectors are in a basis of the key's own, so they
cannot be matched against the public table without the key (cosines are unchanged). This is
pseudonymisation, not encryption: the vectors stay personal data.
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


@lru_cache(maxsize=4)
def rotation(key_id: str) -> np.ndarray:
    """An orthogonal matrix drawn from the hashing key's own seed."""
    seed = int.from_bytes(hashlib.sha256(b"recall rotation|" + terms.term_key(key_id)).digest()[:8], "little")
    size = dimensions()
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((size, size)))
    return (q * np.sign(np.diag(r))).astype(np.float32)


def stored(text: str, key_id: str) -> bytes:
    """The text's rotated vector as int8 bytes (the length of the vector is 1, so 127 is 1.0)."""
    return np.round(rotation(key_id) @ meaning(text) * 127).astype(np.int8).tobytes()


def query_vector(text: str, key_id: str) -> np.ndarray:
    return rotation(key_id) @ meaning(text)
