"""Reads of the recall index: BM25 over each message and its neighbours in the same session.

A message is scored with the two before and the two after it in its session (a question is often
answered across a turn and its reply), its own words counting double. Only the query's terms are
counted, on hashes, so a search reads the fan's entries once and decrypts nothing.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from . import terms
from .models import IndexEntry

SESSION_GAP = timedelta(hours=1)
NEIGHBOURS = 2
OWN_WEIGHT = 2
K1, B = 1.2, 0.75
MAX_QUERY_TERMS = 64


@dataclass(frozen=True)
class Hit:
    event_id: str
    sender: str
    occurred_at: datetime
    score: float


def search(*, creator_id: str, fan_id: str, query: str, k: int, after=None, before=None,
           sender: str | None = None, exclude: frozenset = frozenset()) -> list[Hit]:
    query_terms = list(dict.fromkeys(terms.words(query)))[:MAX_QUERY_TERMS]
    rows = list(IndexEntry.objects.filter(creator_id=creator_id, fan_id=fan_id).order_by("occurred_at", "id")
                .values_list("event_id", "sender", "occurred_at", "key_id", "terms"))
    if not rows or not query_terms:
        return []
    counts, lengths = _term_counts(rows, query_terms)
    sessions = _sessions([row[2] for row in rows])
    scores = _bm25(_windowed(counts, sessions), _windowed(lengths[:, None], sessions)[:, 0])
    wanted = [i for i in np.argsort(-scores, kind="stable") if scores[i] > 0
              and _kept(rows[i], after=after, before=before, sender=sender, exclude=exclude)]
    return [Hit(rows[i][0], rows[i][1], rows[i][2], round(float(scores[i]), 4)) for i in wanted[:k]]


def entry_count(*, creator_id: str, fan_id: str) -> int:
    return IndexEntry.objects.filter(creator_id=creator_id, fan_id=fan_id).count()


def _kept(row, *, after, before, sender, exclude) -> bool:
    event_id, row_sender, at = row[0], row[1], row[2]
    return (event_id not in exclude and (sender is None or row_sender == sender)
            and (after is None or at >= after) and (before is None or at < before))


def _term_counts(rows, query_terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """How often each query term occurs in each entry (rows x terms), and each entry's length."""
    blobs = [np.frombuffer(bytes(row[4]), dtype="<u4") for row in rows]
    lengths = np.array([len(blob) for blob in blobs], dtype=float)
    owners = np.repeat(np.arange(len(rows)), lengths.astype(int))
    hashes = np.concatenate(blobs) if blobs else np.zeros(0, dtype="<u4")
    key_of_token = np.repeat(np.array([row[3] for row in rows]), lengths.astype(int))
    counts = np.zeros((len(rows), len(query_terms)))
    for key_id in set(row[3] for row in rows):
        under_key = key_of_token == key_id
        for column, term_hash in enumerate(terms.hashed(query_terms, key_id)):
            counts[:, column] += np.bincount(owners[under_key & (hashes == term_hash)], minlength=len(rows))
    return counts, lengths


def _sessions(times: list[datetime]) -> np.ndarray:
    gaps = [False] + [later - earlier > SESSION_GAP for earlier, later in zip(times, times[1:])]
    return np.cumsum(gaps)


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
