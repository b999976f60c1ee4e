"""Reads of the recall index: words (BM25) and meaning (static vectors) fused.

Words: BM25 over each message with the two before and the two after it in its session (a question
is often answered across a turn and its reply), its own words counting double; only the query's
terms are counted, on hashes. Meaning: the cosine of the message's vector and the query's. Each is
standardised over the fan's messages and the two added, meaning weighted SEMANTIC_WEIGHT. A message
is found when it shares a term with the query or its meaning stands SEMANTIC_FLOOR deviations above
the fan's mean (unrelated texts still have cosines of 0.2-0.4 in a static table). Both constants
were chosen on LoCoMo's dev split. A search reads the fan's entries once and decrypts nothing.
"""
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import connection

from . import embedding, terms
from .models import IndexEntry

SESSION_GAP = timedelta(hours=1)
NEIGHBOURS = 2
OWN_WEIGHT = 2
K1, B = 1.2, 0.75
SEMANTIC_WEIGHT = 0.35
SEMANTIC_FLOOR = 2.0
MAX_QUERY_TERMS = 64


@dataclass(frozen=True)
class Hit:
    event_id: str
    sender: str
    score: float


def search(*, creator_id: str, fan_id: str, query: str, k: int, after=None, before=None,
           sender: str | None = None, exclude: frozenset = frozenset()) -> list[Hit]:
    query_terms = list(dict.fromkeys(terms.words(query)))[:MAX_QUERY_TERMS]
    rows = _entries(creator_id, fan_id) if query_terms or embedding.meaning(query).any() else []
    if not rows:
        return []
    lexical = _lexical(rows, query_terms)
    meaning = _standardised(*_semantic(rows, query, creator_id))
    scores = _standardised(lexical) + SEMANTIC_WEIGHT * meaning
    wanted = [i for i in np.argsort(-scores, kind="stable") if (lexical[i] > 0 or meaning[i] >= SEMANTIC_FLOOR)
              and _kept(rows[i], after=after, before=before, sender=sender, exclude=exclude)]
    return [Hit(rows[i][0], rows[i][1], round(float(scores[i]), 4)) for i in wanted[:k]]


def _entries(creator_id: str, fan_id: str) -> list[tuple]:
    """(event_id, sender, epoch seconds, key_id, terms, vector) of the fan's entries, oldest first."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT event_id, sender, extract(epoch FROM occurred_at)::float8, key_id, terms, vector "
                       f"FROM {IndexEntry._meta.db_table} WHERE creator_id = %s AND fan_id = %s "
                       "ORDER BY occurred_at, id", [creator_id, fan_id])
        return cursor.fetchall()


def _kept(row, *, after, before, sender, exclude) -> bool:
    event_id, row_sender, at = row[0], row[1], row[2]
    return (event_id not in exclude and (sender is None or row_sender == sender)
            and (after is None or at >= after.timestamp()) and (before is None or at < before.timestamp()))


def _lexical(rows, query_terms: list[str]) -> np.ndarray:
    if not query_terms:
        return np.zeros(len(rows))
    counts, lengths = _term_counts(rows, query_terms)
    sessions = np.cumsum(np.diff([row[2] for row in rows], prepend=rows[0][2]) > SESSION_GAP.total_seconds())
    return _bm25(_windowed(counts, sessions), _windowed(lengths[:, None], sessions)[:, 0])


def _semantic(rows, query: str, creator_id: str) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each entry's vector with the query's under the entry's key, and which entries have
    one (not those indexed before vectors, under a retired key, or from a table of another size)."""
    similarity, vectored = np.zeros(len(rows)), np.zeros(len(rows), dtype=bool)
    size = embedding.dimensions()
    for key_id in terms.key_ids():
        under_key = [i for i, row in enumerate(rows) if row[3] == key_id and len(row[5]) == size]
        if under_key:
            vectors = np.frombuffer(b"".join(rows[i][5] for i in under_key), dtype=np.int8).reshape(len(under_key), -1)
            similarity[under_key] = vectors @ embedding.query_vector(query, key_id, creator_id) / 127
            vectored[under_key] = True
    return similarity, vectored


def _standardised(scores: np.ndarray, over: np.ndarray | None = None) -> np.ndarray:
    """Scores in deviations from the mean of the rows `over` (all by default); the others 0."""
    over = np.ones(len(scores), dtype=bool) if over is None else over
    spread = scores[over].std() if over.any() else 0.0
    return np.where(over, (scores - scores[over].mean()) / spread, 0.0) if spread else np.zeros_like(scores)


def _term_counts(rows, query_terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """How often each query term occurs in each entry (rows x terms), and each entry's length."""
    sizes = np.array([len(row[4]) // 4 for row in rows], dtype=int)
    owners = np.repeat(np.arange(len(rows)), sizes)
    hashes = np.frombuffer(b"".join(row[4] for row in rows), dtype="<u4")
    key_numbers = {key_id: number for number, key_id in enumerate(terms.key_ids())}
    key_of_token = np.repeat(np.array([key_numbers.get(row[3], -1) for row in rows]), sizes)  # -1: a retired key
    counts = np.zeros((len(rows), len(query_terms)))
    for key_id, key_number in key_numbers.items():
        under_key = key_of_token == key_number
        for column, term_hash in enumerate(terms.hashed(query_terms, key_id)):
            counts[:, column] += np.bincount(owners[under_key & (hashes == term_hash)], minlength=len(rows))
    return counts, sizes.astype(float)


def _windowed(values: np.ndarray, sessions: np.ndarray) -> np.ndarray:
    """Each row's values counted OWN_WEIGHT times plus its neighbours' in the same session."""
    total = values * OWN_WEIGHT
    for offset in range(1, NEIGHBOURS + 1):
        same = sessions[offset:] == sessions[:-offset]
        total[offset:] += values[:-offset] * same[:, None]
        total[:-offset] += values[offset:] * same[:, None]
    return total


def _bm25(counts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    documents = len(counts)
    frequency = (counts > 0).sum(axis=0)
    idf = np.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
    norm = K1 * (1 - B + B * lengths / max(lengths.mean(), 1.0))
    return ((counts * (K1 + 1)) / (counts + norm[:, None]) * idf).sum(axis=1)
