"""Reads of the recall index: words (BM25) and meaning (static vectors) fused.

Words: BM25 over each message with the two before and the two after it in its session (a question
is often answered across a turn and its reply), its own words counting double; only the query's
terms are counted, on hashes. Meaning: the cosine of the message's vector and the query's. Each is
standardised over the fan's messages and the two added, meaning weighted SEMANTIC_WEIGHT. A message
is found when it shares a term with the query or its meaning stands SEMANTIC_FLOOR deviations above
the fan's mean (unrelated texts still have cosines of 0.2-0.4 in a static table). A message whose
sender the query names (by the sender name the platform sent, or the fan by their name fact) gains
SPEAKER_WEIGHT, one of the time the query speaks of ("last week", recall.dates) DATE_WEIGHT. The
constants were chosen on LoCoMo's dev split (DATE_WEIGHT was not: its questions name no dates). A
search decrypts nothing.

A fan's entries are read once into arrays (FanIndex) and kept in the process (CACHED_FANS of them,
least recently used out). Each search first asks PostgreSQL for the entries' count and highest id,
an index-only read: any entry added, re-indexed under another key or deleted (erasure, retention)
changes the pair or the key ids, and the arrays are read again; when entries were only added (a
new message, the usual case), only those are read and appended.
"""
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from . import dates, embedding, terms
from .models import FORMAT, IndexEntry

SESSION_GAP = timedelta(hours=1)
NEIGHBOURS = 2
OWN_WEIGHT = 2
K1, B = 1.2, 0.75
SEMANTIC_WEIGHT = 0.85
SEMANTIC_FLOOR = 2.0
SPEAKER_WEIGHT = 0.5
DATE_WEIGHT = 0.5
MAX_QUERY_TERMS = 64
CACHED_FANS = 128  # about 300 KiB a fan of 1,000 messages: 40 MiB at most per process


@dataclass(frozen=True)
class Hit:
    event_id: str
    sender: str
    score: float


@dataclass(frozen=True)
class FanIndex:
    """A fan's entries as arrays, oldest first: what a search needs, and the stamp it was read at."""
    stamp: tuple
    event_ids: list[str]
    senders: np.ndarray
    times: np.ndarray  # epoch seconds
    sessions: np.ndarray  # conversation number of each entry (a new one after SESSION_GAP)
    lengths: np.ndarray  # terms in each entry
    token_hashes: np.ndarray  # every entry's term hashes, end to end
    token_owners: np.ndarray  # the entry of each hash
    token_keys: np.ndarray  # the key number (in stamp's key ids) of each hash; -1 for a retired key
    vectors: np.ndarray  # entries x dimensions, int8; zero rows for entries without a usable vector
    vector_keys: np.ndarray  # the key number of each entry's vector; -1 when it has none usable
    speakers: np.ndarray  # the number of each entry's speaker in speaker_names; -1 when unnamed
    speaker_names: list[tuple[int, frozenset]]  # each speaker's key number and name hashes


_cache: OrderedDict[tuple[str, str], FanIndex] = OrderedDict()
_cache_lock = threading.Lock()


def search(*, creator_id: str, fan_id: str, query: str, k: int, after=None, before=None,
           sender: str | None = None, exclude: frozenset = frozenset(), fan_name: str = "") -> list[Hit]:
    query_terms = list(dict.fromkeys(terms.words(query)))[:MAX_QUERY_TERMS]
    query_meaning = embedding.meaning(query)
    index = fan_index(creator_id, fan_id) if query_terms or query_meaning.any() else None
    if index is None:
        return []
    lexical = _lexical(index, query_terms)
    meaning = _standardised(*_semantic(index, query_meaning, creator_id))
    scores = (_standardised(lexical) + SEMANTIC_WEIGHT * meaning + SPEAKER_WEIGHT * _named(index, query, fan_name)
              + DATE_WEIGHT * _in_window(index, dates.window(query, timezone.now())))
    found = ((lexical > 0) | (meaning >= SEMANTIC_FLOOR)) & _kept(index, after=after, before=before, sender=sender)
    ranked = (i for i in np.flatnonzero(found)[np.argsort(-scores[found], kind="stable")]
              if index.event_ids[i] not in exclude)
    return [Hit(index.event_ids[i], str(index.senders[i]), round(float(scores[i]), 4))
            for _, i in zip(range(k), ranked)]


def stale_entries(*, creator_id: str | None = None) -> dict[str, list[str]]:
    """Event ids of the entries indexed in an older format or under a key other than the current
    one (a rotation is finished once none is left), by creator."""
    rows = IndexEntry.objects.filter(Q(format__lt=FORMAT) | ~Q(key_id=terms.key_ids()[0]))
    if creator_id is not None:
        rows = rows.filter(creator_id=creator_id)
    stale: dict[str, list[str]] = {}
    for creator, event_id in rows.values_list("creator_id", "event_id").iterator():
        stale.setdefault(creator, []).append(event_id)
    return stale


def fan_index(creator_id: str, fan_id: str) -> FanIndex | None:
    """The fan's entries as arrays, read again only when they changed (only the new entries when
    entries were only added, after the others); None when there are none."""
    stamp = _stamp(creator_id, fan_id)
    with _cache_lock:
        cached = _cache.get((creator_id, fan_id))
        if cached is not None and cached.stamp == stamp:
            _cache.move_to_end((creator_id, fan_id))
            return cached
    index = _extended(cached, creator_id, fan_id, stamp) if cached is not None else None
    index = index or _arrays(_rows(creator_id, fan_id))
    with _cache_lock:
        _cache.pop((creator_id, fan_id), None)
        if index is not None:
            _cache[(creator_id, fan_id)] = index
            while len(_cache) > CACHED_FANS:
                _cache.popitem(last=False)
    return index


def _stamp(creator_id: str, fan_id: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), coalesce(max(id), 0) FROM {IndexEntry._meta.db_table} "
                       "WHERE creator_id = %s AND fan_id = %s", [creator_id, fan_id])
        return (*cursor.fetchone(), tuple(terms.key_ids()), embedding.dimensions())


def _rows(creator_id: str, fan_id: str, after_id: int = 0) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, event_id, sender, extract(epoch FROM occurred_at)::float8, key_id, terms, vector, "
                       f"speaker FROM {IndexEntry._meta.db_table} WHERE creator_id = %s AND fan_id = %s AND id > %s "
                       "ORDER BY occurred_at, id", [creator_id, fan_id, after_id])
        return cursor.fetchall()


def _extended(cached: FanIndex, creator_id: str, fan_id: str, stamp: tuple) -> FanIndex | None:
    """The cached arrays with the entries added since, when nothing else changed (no entry gone, no
    key or table change) and the new ones come after the others; else None (read them all)."""
    added = stamp[0] - cached.stamp[0]
    if added <= 0 or stamp[1] <= cached.stamp[1] or stamp[2:] != cached.stamp[2:]:
        return None
    rows = _rows(creator_id, fan_id, after_id=cached.stamp[1])
    if len(rows) != added or rows[0][3] < cached.times[-1]:
        return None
    return _joined(cached, _arrays(rows))


def _arrays(rows: list[tuple]) -> FanIndex | None:
    if not rows:
        return None
    key_ids = tuple(terms.key_ids())
    size = embedding.dimensions()
    key_numbers = {key_id: number for number, key_id in enumerate(key_ids)}
    entry_keys = np.array([key_numbers.get(row[4], -1) for row in rows])
    times = np.array([row[3] for row in rows])
    lengths = np.array([len(row[5]) // 4 for row in rows])
    usable = np.array([len(row[6]) == size for row in rows]) & (entry_keys >= 0)
    vectors = np.zeros((len(rows), size), dtype=np.int8)
    if usable.any():
        vectors[usable] = np.frombuffer(b"".join(row[6] for row, ok in zip(rows, usable) if ok),
                                        dtype=np.int8).reshape(-1, size)
    return FanIndex(
        stamp=(len(rows), max(row[0] for row in rows), key_ids, size),
        event_ids=[row[1] for row in rows], senders=np.array([row[2] for row in rows]), times=times,
        sessions=_sessions(times), lengths=lengths.astype(float),
        token_hashes=np.frombuffer(b"".join(row[5] for row in rows), dtype="<u4"),
        token_owners=np.repeat(np.arange(len(rows)), lengths), token_keys=np.repeat(entry_keys, lengths),
        vectors=vectors, vector_keys=np.where(usable, entry_keys, -1), **_speakers(rows, entry_keys))


def _joined(old: FanIndex, new: FanIndex) -> FanIndex:
    """`new`'s entries after `old`'s (the new speakers numbered after the old ones)."""
    speaker_names = list(old.speaker_names)
    renumbered = [_number_of(name, speaker_names) for name in new.speaker_names]
    times = np.concatenate([old.times, new.times])
    return FanIndex(
        stamp=(len(old.event_ids) + len(new.event_ids), new.stamp[1], *new.stamp[2:]),
        event_ids=old.event_ids + new.event_ids, senders=np.concatenate([old.senders, new.senders]), times=times,
        sessions=_sessions(times), lengths=np.concatenate([old.lengths, new.lengths]),
        token_hashes=np.concatenate([old.token_hashes, new.token_hashes]),
        token_owners=np.concatenate([old.token_owners, new.token_owners + len(old.event_ids)]),
        token_keys=np.concatenate([old.token_keys, new.token_keys]), vectors=np.vstack([old.vectors, new.vectors]),
        vector_keys=np.concatenate([old.vector_keys, new.vector_keys]),
        speakers=np.concatenate([old.speakers, np.array([renumbered[n] if n >= 0 else -1 for n in new.speakers],
                                                        dtype=old.speakers.dtype)]),
        speaker_names=speaker_names)


def _number_of(name: tuple[int, frozenset], names: list[tuple[int, frozenset]]) -> int:
    """The speaker's number in `names`, added at the end when new."""
    if name not in names:
        names.append(name)
    return names.index(name)


def _sessions(times: np.ndarray) -> np.ndarray:
    return np.cumsum(np.diff(times, prepend=times[0]) > SESSION_GAP.total_seconds())


def _speakers(rows, entry_keys: np.ndarray) -> dict:
    """Each entry's speaker as a number, and each speaker's name hashes (with their key's number)."""
    numbers: dict[tuple[int, bytes], int] = {}
    speakers = [numbers.setdefault((key, bytes(row[7])), len(numbers)) if row[7] and key >= 0 else -1
                for row, key in zip(rows, entry_keys)]
    names = [(key, frozenset(np.frombuffer(name, dtype="<u4").tolist())) for key, name in numbers]
    return {"speakers": np.array(speakers), "speaker_names": names}


def _named(index: FanIndex, query: str, fan_name: str) -> np.ndarray:
    """1 for the entries written by someone the query names, else 0."""
    words = terms.name_words(query)
    hashes = [frozenset(terms.hashed(words, key_id).tolist()) for key_id in index.stamp[2]]
    named = [number for number, (key, name) in enumerate(index.speaker_names) if name & hashes[key]]
    found = np.isin(index.speakers, named)
    if fan_name and set(terms.name_words(fan_name)) & set(words):
        found |= index.senders == "fan"
    return found.astype(float)


def _kept(index: FanIndex, *, after, before, sender) -> np.ndarray:
    kept = np.ones(len(index.event_ids), dtype=bool)
    if sender is not None:
        kept &= index.senders == sender
    if after is not None:
        kept &= index.times >= after.timestamp()
    if before is not None:
        kept &= index.times < before.timestamp()
    return kept


def _in_window(index: FanIndex, span) -> np.ndarray:
    if span is None:
        return np.zeros(len(index.event_ids))
    return ((index.times >= span[0].timestamp()) & (index.times < span[1].timestamp())).astype(float)


def _lexical(index: FanIndex, query_terms: list[str]) -> np.ndarray:
    if not query_terms:
        return np.zeros(len(index.event_ids))
    counts = _term_counts(index, query_terms)
    return _bm25(_windowed(counts, index.sessions), _windowed(index.lengths[:, None], index.sessions)[:, 0])


def _semantic(index: FanIndex, query_meaning: np.ndarray, creator_id: str) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each entry's vector with the query's under the entry's key, and which entries have
    one (not those indexed before vectors, under a retired key, or from a table of another size)."""
    similarity = np.zeros(len(index.event_ids))
    for key_number, key_id in enumerate(index.stamp[2]):
        under_key = index.vector_keys == key_number
        if under_key.any():
            query_vector = embedding.rotation(key_id, creator_id) @ query_meaning
            similarity[under_key] = index.vectors[under_key] @ query_vector / 127
    return similarity, index.vector_keys >= 0


def _standardised(scores: np.ndarray, over: np.ndarray | None = None) -> np.ndarray:
    """Scores in deviations from the mean of the rows `over` (all by default); the others 0."""
    over = np.ones(len(scores), dtype=bool) if over is None else over
    spread = scores[over].std() if over.any() else 0.0
    return np.where(over, (scores - scores[over].mean()) / spread, 0.0) if spread else np.zeros_like(scores)


def _term_counts(index: FanIndex, query_terms: list[str]) -> np.ndarray:
    """How often each query term occurs in each entry (entries x terms)."""
    entries = len(index.event_ids)
    counts = np.zeros((entries, len(query_terms)))
    for key_number, key_id in enumerate(index.stamp[2]):
        under_key = index.token_keys == key_number
        for column, term_hash in enumerate(terms.hashed(query_terms, key_id)):
            counts[:, column] += np.bincount(index.token_owners[under_key & (index.token_hashes == term_hash)],
                                             minlength=entries)
    return counts


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
