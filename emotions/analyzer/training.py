"""Training of the emotion / sentiment / language heads (needs scikit-learn, scipy, vaderSentiment).

Deterministic: fixed seeds, stable CRC-32 hashing, single-threaded liblinear/lbfgs solvers, and
sorted iteration everywhere, so the same data gives the same artifact byte for byte.

Data splits (fixed by SPLIT_SEED, recorded in the artifact):
  * GoEmotions train.tsv: 15% TEST hold-out (never trained on by the shipped model, used by
    `evaluate_emotion_model`), 15% VALIDATION (per-label thresholds and hyper-parameters),
    70% TRAIN.  The shipped model is fitted on TRAIN + VALIDATION with the thresholds chosen on
    VALIDATION by a model fitted on TRAIN only.
  * UMSAB tweets (en, fr): the val files are the TEST hold-out; 20% of each train file is
    VALIDATION, the rest TRAIN (same scheme as above).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import time
from dataclasses import dataclass, field

import numpy as np

from . import text as T
from .labels import EMOTIONS, LABELS28, EKMAN, GROUPS, SENTIMENTS

SPLIT_SEED = 20240611
TEST_FRACTION = 0.15
VAL_FRACTION = 0.15
TWEET_VAL_FRACTION = 0.20
MIN_DF = 2


# ----------------------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------------------
@dataclass
class Corpus:
    texts: list = field(default_factory=list)
    source: list = field(default_factory=list)   # "go", "en", "fr"
    split: list = field(default_factory=list)    # "train", "val", "test"
    emo: list = field(default_factory=list)      # GoEmotions: set of label indices (0..27) else None
    sent: list = field(default_factory=list)     # tweets: 0 neg, 1 neu, 2 pos; else None


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def load_corpus(data_dir: str) -> Corpus:
    c = Corpus()
    go = os.path.join(data_dir, "goemotions")
    labels = [l.strip() for l in read_lines(os.path.join(go, "labels.txt")) if l.strip()]
    if labels != LABELS28:
        raise ValueError(f"unexpected GoEmotions labels.txt: {labels}")
    rows = []
    for line in read_lines(os.path.join(go, "train.tsv")):
        if not line.strip():
            continue
        parts = line.split("\t")
        rows.append((parts[0], frozenset(int(x) for x in parts[1].split(","))))
    rng = np.random.RandomState(SPLIT_SEED)
    perm = rng.permutation(len(rows))
    n_test = int(round(TEST_FRACTION * len(rows)))
    n_val = int(round(VAL_FRACTION * len(rows)))
    split = np.empty(len(rows), dtype=object)
    split[perm[:n_test]] = "test"
    split[perm[n_test:n_test + n_val]] = "val"
    split[perm[n_test + n_val:]] = "train"
    for (t, labs), s in zip(rows, split):
        c.texts.append(t)
        c.source.append("go")
        c.split.append(s)
        c.emo.append(labs)
        c.sent.append(None)
    for lang in ("english", "french"):
        d = os.path.join(data_dir, "umsab", lang)
        src = lang[:2]
        for part in ("train", "val"):
            texts = read_lines(os.path.join(d, f"{part}_text.txt"))
            labs = read_lines(os.path.join(d, f"{part}_labels.txt"))
            pairs = [(t, int(l)) for t, l in zip(texts, labs) if l.strip()]
            if part == "train":
                rng = np.random.RandomState(SPLIT_SEED + (1 if src == "en" else 2))
                perm = rng.permutation(len(pairs))
                n_val = int(round(TWEET_VAL_FRACTION * len(pairs)))
                sp = np.empty(len(pairs), dtype=object)
                sp[perm[:n_val]] = "val"
                sp[perm[n_val:]] = "train"
            else:
                sp = ["test"] * len(pairs)
            for (t, l), s in zip(pairs, sp):
                c.texts.append(t)
                c.source.append(src)
                c.split.append(s)
                c.emo.append(None)
                c.sent.append(l)
    return c


def split_digest(c: Corpus) -> str:
    """Fingerprint of the test hold-out (to check that evaluation uses the same split)."""
    h = hashlib.sha256()
    for t, s, src in zip(c.texts, c.split, c.source):
        if s == "test":
            h.update(src.encode() + b"\0" + t.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def vader_lexicon() -> dict:
    """The VADER lexicon (word -> mean valence), read from the vaderSentiment package."""
    import vaderSentiment
    path = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
    lex = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                w = parts[0].strip().lower()
                if w and " " not in w and any(ch.isalpha() for ch in w) and w.isascii() \
                        and all(ch.isalnum() or ch in "'-" for ch in w):
                    lex[w.replace("'", "")] = float(parts[1])
    return lex


# ----------------------------------------------------------------------------------------------
# labels
# ----------------------------------------------------------------------------------------------
def targets(c: Corpus, idx):
    """Label matrices for rows idx: emo28 (n,28), ekman7 (n,7), groups4 (n,4), sent3 (n,) -1 = none."""
    n = len(idx)
    emo = np.zeros((n, 28), dtype=np.int8)
    ekm = np.zeros((n, len(EKMAN)), dtype=np.int8)
    grp = np.zeros((n, len(GROUPS)), dtype=np.int8)
    sent = np.full(n, -1, dtype=np.int8)
    from .labels import EKMAN_OF, GROUP_OF
    for r, i in enumerate(idx):
        labs = c.emo[i]
        if labs is not None:
            for l in labs:
                emo[r, l] = 1
                name = LABELS28[l]
                ekm[r, EKMAN.index(EKMAN_OF[name])] = 1
                grp[r, GROUPS.index(GROUP_OF[name])] = 1
            g = grp[r]
            pos, neg = g[GROUPS.index("positive")], g[GROUPS.index("negative")]
            if pos and not neg:
                sent[r] = 2
            elif neg and not pos:
                sent[r] = 0
            elif not pos and not neg:
                sent[r] = 1
        else:
            sent[r] = c.sent[i]
    return emo, ekm, grp, sent


# ----------------------------------------------------------------------------------------------
# features
# ----------------------------------------------------------------------------------------------
class Featurized:
    """Per-document hashed counts + dense features, computed once per corpus."""

    def __init__(self, texts, en_lex):
        self.word, self.char, self.dense, self.cue_hint = [], [], [], []
        for t in texts:
            p = T.prepare(t)
            w, ch = T.hashed_features(p)
            cues = T.language_cues(p)
            hint = T.lang_hint(cues)
            lex = T.lexicon_scores(p, en_lex, hint)
            self.word.append(w)
            self.char.append(ch)
            self.dense.append(T.dense_features(p, lex, cues))
        self.dense = np.asarray(self.dense, dtype=np.float32)


class Vocab:
    def __init__(self, ids, idf, group):
        self.ids, self.idf, self.group = ids, idf, group
        self.index = {int(h): k for k, h in enumerate(ids)}


def build_vocab(F: Featurized, rows, min_df=MIN_DF) -> Vocab:
    from collections import Counter
    dfw, dfc = Counter(), Counter()
    for i in rows:
        dfw.update(F.word[i].keys())
        dfc.update(F.char[i].keys())
    n = len(rows)
    keep = {}
    for df, g in ((dfw, T.GROUP_WORD), (dfc, T.GROUP_CHAR)):
        for h, d in df.items():
            if d >= min_df and h not in keep:
                keep[h] = (d, g)
    ids = np.array(sorted(keep), dtype=np.uint32)
    df_arr = np.array([keep[int(h)][0] for h in ids], dtype=np.float64)
    group = np.array([keep[int(h)][1] for h in ids], dtype=np.uint8)
    idf = (np.log((1.0 + n) / (1.0 + df_arr)) + 1.0).astype(np.float32)
    return Vocab(ids, idf, group)


def matrix(F: Featurized, rows, vocab: Vocab, dense_scale=1.0):
    import scipy.sparse as sp
    indptr = [0]
    indices, data = [], []
    V = len(vocab.ids)
    for i in rows:
        for feats in (F.word[i], F.char[i]):
            cols, vals = [], []
            for h, cnt in feats.items():
                k = vocab.index.get(h)
                if k is not None:
                    cols.append(k)
                    vals.append((1.0 + np.log(cnt)) * vocab.idf[k])
            if vals:
                v = np.asarray(vals, dtype=np.float64)
                v /= np.sqrt((v * v).sum())
                indices.extend(cols)
                data.extend(v.tolist())
        d = F.dense[i]
        nz = np.nonzero(d)[0]
        indices.extend((V + nz).tolist())
        data.extend((d[nz] * dense_scale).tolist())
        indptr.append(len(indices))
    X = sp.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(rows), V + T.N_DENSE))
    X.sort_indices()
    return X
