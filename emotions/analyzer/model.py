"""Numpy-only inference: one gather + one dot product over all heads stacked in one matrix."""
from __future__ import annotations

import json

import numpy as np

from . import complaints
from . import text as T

_SQRT_EPS = 1e-12


class Model:
    """The trained artifact (emotions/analyzer/model.npz) and the maths to apply it."""

    def __init__(self, path):
        with np.load(path, allow_pickle=False) as z:
            self.ids = z["ids"].astype(np.uint32)          # sorted CRC-32 feature hashes (V,)
            self.idf = z["idf"].astype(np.float32)         # (V,)
            self.group = z["group"].astype(np.int64)       # (V,) 0 word-level, 1 char n-gram
            self.W8 = z["W"]                               # (V, H) int8 quantised weights
            self.scale = z["w_scale"].astype(np.float32)   # (H,) de-quantisation scales
            self.Wd = z["Wd"].astype(np.float32)           # (N_DENSE, H) dense-feature weights
            self.b = z["b"].astype(np.float32)             # (H,)
            words = z["lex_words"]
            vals = z["lex_vals"].astype(np.float64)
            self.meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        self.en_lex = dict(zip(words.tolist(), vals.tolist()))
        self.V = len(self.ids)
        self.heads = {name: slice(a, b) for name, (a, b) in self.meta["heads"].items()}
        self.thr = {name: np.asarray(v, dtype=np.float32) for name, v in self.meta["thresholds"].items()}
        if self.meta.get("n_dense") != T.N_DENSE:
            raise ValueError("model artifact does not match the featurizer (n_dense)")

    # ------------------------------------------------------------------------------------------
    def featurize(self, text):
        p = T.prepare(text)
        p.complains, p.praises_value = complaints.read(text[:T.MAX_CHARS], p.emoji)
        cues = T.language_cues(p)
        hint = T.lang_hint(cues)
        lex = T.lexicon_scores(p, self.en_lex, hint)
        return p, cues, lex

    def logits(self, items):
        """items: list of (Prepared, cues, lex).  Returns (n, H) float32 logits."""
        n = len(items)
        keys, cnts, docs = [], [], []
        dense = np.empty((n, T.N_DENSE), dtype=np.float32)
        for d, (p, cues, lex) in enumerate(items):
            w, c = T.hashed_features(p)
            if w:
                keys.extend(w.keys())
                cnts.extend(w.values())
                docs.extend([d] * len(w))
            if c:
                keys.extend(c.keys())
                cnts.extend(c.values())
                docs.extend([d] * len(c))
            dense[d] = T.dense_features(p, lex, cues)
        out = dense @ self.Wd + self.b
        if not keys:
            return out
        keys = np.fromiter(keys, dtype=np.uint32, count=len(keys))
        pos = np.searchsorted(self.ids, keys)
        pos[pos >= self.V] = 0
        hit = self.ids[pos] == keys
        if not hit.any():
            return out
        pos = pos[hit]
        cnt = np.asarray(cnts, dtype=np.float32)[hit]
        doc = np.asarray(docs, dtype=np.int64)[hit]
        val = (1.0 + np.log(cnt)) * self.idf[pos]
        slot = doc * 2 + self.group[pos]
        norm = np.sqrt(np.bincount(slot, weights=val * val, minlength=2 * n)) + _SQRT_EPS
        val = val / norm[slot]
        contrib = self.W8[pos].astype(np.float32) * val[:, None]
        if n == 1:
            out[0] += contrib.sum(axis=0) * self.scale
        else:
            starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
            out[doc[starts]] += np.add.reduceat(contrib, starts, axis=0) * self.scale
        return out


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def remap(p, thr):
    """Monotone piecewise-linear map of probabilities so each head's tuned threshold -> 0.5."""
    thr = np.clip(thr, 0.02, 0.98)
    return np.where(p < thr, 0.5 * p / thr, 0.5 + 0.5 * (p - thr) / (1.0 - thr))
