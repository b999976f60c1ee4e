"""Offline, CPU, inline emotion + sentiment analyzer for fan chat messages (English / French).

Public API:
    analyze(text) -> dict            one message
    analyze_many(texts) -> list      a batch (same results, cheaper per item)
    load_model() / warm_up()         load the artifact (lazily, once per process)

Runtime needs numpy and the standard library only.  See emotions/MODEL.md.
"""
from __future__ import annotations

import os
import threading

from .labels import EMOTIONS

__all__ = ["analyze", "analyze_many", "load_model", "warm_up", "EMOTIONS", "MODEL_PATH",
           "OUTPUT_KEYS"]

MODEL_PATH = os.environ.get(
    "EMOTION_MODEL_PATH", os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.npz"))
OUTPUT_KEYS = ("sentiment", "polarity", "confidence", "emotions", "labels", "intensity",
               "language", "topics")
BATCH_CHUNK = 256

_model = None
_lock = threading.Lock()


def load_model(path: str | None = None):
    """Load (once) and return the model.  Thread-safe; later calls return the cached object."""
    global _model
    if path is not None:
        from .model import Model
        return Model(path)
    m = _model
    if m is not None:
        return m
    with _lock:
        if _model is None:
            from .model import Model
            _model = Model(MODEL_PATH)
        return _model


def warm_up() -> None:
    """Load the artifact and run one message through every code path (call at process start)."""
    analyze_many(["warm up: I love it 😍 !!!", "trop bien mdr", ""])


def _analyze_batch(model, texts):
    from .analysis import empty_result, postprocess
    items = []
    for t in texts:
        try:
            items.append(model.featurize(t if isinstance(t, str) else ("" if t is None else str(t))))
        except Exception:  # never raise on odd input: fall back to the empty analysis
            items.append(None)
    ok = [i for i, it in enumerate(items) if it is not None]
    results = [empty_result() for _ in texts]
    if ok:
        sub = [items[i] for i in ok]
        logits = model.logits(sub)
        for i, r in zip(ok, postprocess(model, sub, logits)):
            results[i] = r
    return results


def analyze(text: str, model=None) -> dict:
    """Analyse one message.  Never raises on a str (empty, emoji only, very long, ...)."""
    return _analyze_batch(model or load_model(), [text])[0]


def analyze_many(texts, model=None) -> list:
    """Analyse many messages at once; results in the same order."""
    texts = list(texts)
    model = model or load_model()
    out = []
    for k in range(0, len(texts), BATCH_CHUNK):
        out.extend(_analyze_batch(model, texts[k:k + BATCH_CHUNK]))
    return out
