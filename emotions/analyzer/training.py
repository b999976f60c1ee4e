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
  * French chat phrases written by hand for training (french_chat_train.json, source "frchat"):
    20% VALIDATION, the rest TRAIN; no TEST part (the blind French chat set of tests/data is the
    test, never read here). They weigh as tweets and join the French sentiment head.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import time
from dataclasses import dataclass, field

import numpy as np

from . import text as T
from .labels import EKMAN, EKMAN_OF, GROUP_OF, GROUPS, LABELS28, SENTIMENTS

SPLIT_SEED = 20240611
TEST_FRACTION = 0.15
VAL_FRACTION = 0.15
TWEET_VAL_FRACTION = 0.20
MIN_DF = 2
FRENCH_CHAT = os.path.join(os.path.dirname(__file__), "french_chat_train.json")
FRENCH_SENTIMENT = ("fr", "frchat")  # the sources of the French sentiment head


# ----------------------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------------------
@dataclass
class Corpus:
    texts: list = field(default_factory=list)
    source: list = field(default_factory=list)   # "go", "en", "fr", "frchat", "gofr" (code-mixed copies)
    split: list = field(default_factory=list)    # "train", "val", "test"
    emo: list = field(default_factory=list)      # GoEmotions: set of label indices (0..27) else None
    sent: list = field(default_factory=list)     # tweets: 0 neg, 1 neu, 2 pos; else None

    def add_sentiment(self, text: str, source: str, split: str, label: int) -> None:
        self.texts.append(text)
        self.source.append(source)
        self.split.append(split)
        self.emo.append(None)
        self.sent.append(label)


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
                c.add_sentiment(t, src, s, l)
    with open(FRENCH_CHAT, encoding="utf-8") as f:
        chat = json.load(f)["messages"]
    perm = np.random.RandomState(SPLIT_SEED + 3).permutation(len(chat))
    val = set(perm[:int(round(TWEET_VAL_FRACTION * len(chat)))].tolist())
    for i, item in enumerate(chat):
        c.add_sentiment(item["text"], "frchat", "val" if i in val else "train", SENTIMENTS.index(item["label"]))
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
# code-mixed copies of GoEmotions (there is no labelled French chat: the French tweets are
# political and sarcastic).  Common chat words are swapped for their French chat equivalents,
# so "mdr" learns what "lol" means and "trop drôle" what "so funny" means.  Only training and
# validation rows are copied; the copies keep their source row's labels and split.
# ----------------------------------------------------------------------------------------------
EN_FR_CHAT = {
    "lol": "mdr", "lmao": "ptdr", "lmfao": "ptdr", "haha": "haha", "idk": "jsp", "i don't know": "je sais pas",
    "you're": "t'es", "you are": "t'es", "this is": "c'est", "that's": "c'est", "it's": "c'est",
    "so": "trop", "too": "trop", "very": "très", "really": "vraiment", "funny": "drôle",
    "hilarious": "trop drôle", "love": "adore", "i love": "j'adore", "thanks": "merci",
    "thank you": "merci", "great": "génial", "awesome": "génial", "amazing": "incroyable",
    "beautiful": "magnifique", "cute": "mignon", "nice": "sympa", "cool": "cool", "good": "bien",
    "bad": "nul", "terrible": "horrible", "boring": "chiant", "annoying": "relou", "sad": "triste",
    "angry": "énervé", "hate": "déteste", "i hate": "je déteste", "sorry": "désolé", "not": "pas",
    "don't": "pas", "never": "jamais", "nothing": "rien", "why": "pourquoi", "what": "quoi",
    "yes": "oui", "yeah": "ouais", "no": "non", "happy": "content", "tired": "fatigué",
    "scared": "peur", "afraid": "peur", "wow": "waouh", "stupid": "débile", "disgusting": "dégueulasse",
    "disappointed": "déçu", "proud": "fier", "excited": "trop hâte", "miss you": "tu me manques",
    "friend": "pote", "guy": "mec", "girl": "meuf", "damn": "putain", "shit": "merde", "fuck": "putain",
    "and": "et", "but": "mais", "with": "avec", "for": "pour", "the": "le", "is": "est", "i": "je",
    "you": "tu", "my": "mon", "me": "moi", "we": "on", "all": "tout", "now": "maintenant",
}
_FUNCTION_WORDS = frozenset("and but with for the is i you my me we all now so too not don't what no yes yeah "
                            "this is that's it's you're you are never nothing why".split()) | {"this is", "you are"}
_AUGMENT_RE = None
AUGMENT_MIN_SWAPS = 3


def code_mixed(text: str):
    """The French-chat copy of an English comment, or None when too few words have a match."""
    import re
    global _AUGMENT_RE
    if _AUGMENT_RE is None:
        keys = sorted(EN_FR_CHAT, key=len, reverse=True)
        _AUGMENT_RE = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w'])", re.I)
    found = [m.lower() for m in _AUGMENT_RE.findall(text)]
    if len(found) < AUGMENT_MIN_SWAPS or not any(m not in _FUNCTION_WORDS for m in found):
        return None
    return _AUGMENT_RE.sub(lambda m: EN_FR_CHAT[m.group(1).lower()], text)


def add_code_mixed(c: Corpus) -> int:
    n = 0
    for i in range(len(c.texts)):
        if c.source[i] != "go" or c.split[i] == "test":
            continue
        mixed = code_mixed(c.texts[i])
        if mixed is None:
            continue
        c.texts.append(mixed)
        c.source.append("gofr")
        c.split.append(c.split[i])
        c.emo.append(c.emo[i])
        c.sent.append(None)
        n += 1
    return n


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


# ----------------------------------------------------------------------------------------------
# fitting
# ----------------------------------------------------------------------------------------------
EMO_C = 1.0          # inverse regularisation of the 28 one-vs-rest emotion heads
SENT_C = 1.0         # the joint sentiment head (GoEmotions groups + tweets)
FR_C = 2.0           # the French tweets sentiment head
LANG_C = 1.0
TWEET_WEIGHT = 4.0   # a tweet weighs as much as 4 Reddit comments in the joint sentiment head
DENSE_SCALE = 1.0
AUGMENT = os.environ.get("EMOTION_AUGMENT", "1") != "0"  # the code-mixed copies (see EN_FR_CHAT)
COPY_WEIGHT = 0.5    # a code-mixed copy weighs half a comment in the emotion heads
HEADS = (("emo28", 28), ("sent", 3), ("sent_fr", 3), ("lang", 1))


def _binary_lr(X, y, C, weight=None):
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(solver="liblinear", C=C, class_weight="balanced", max_iter=200,
                             random_state=0)
    clf.fit(X, y, sample_weight=weight)
    return clf.coef_[0], float(clf.intercept_[0])


def _multi_lr(X, y, C, weight=None):
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(solver="lbfgs", C=C, max_iter=1000, random_state=0)
    clf.fit(X, y, sample_weight=weight)
    if list(clf.classes_) != [0, 1, 2]:
        raise ValueError("sentiment head needs the three classes")
    return clf.coef_, clf.intercept_


def fit_heads(c: Corpus, F: Featurized, rows, log=print):
    """Fit every head on `rows`; returns (vocab, W (V+N_DENSE, H), b (H,))."""
    rows = np.asarray(sorted(rows))
    vocab = build_vocab(F, rows)
    X = matrix(F, rows, vocab, DENSE_SCALE)
    emo, _, _, sent = targets(c, rows)
    src = np.array([c.source[i] for i in rows])
    H = sum(n for _, n in HEADS)
    W = np.zeros((X.shape[1], H), dtype=np.float64)
    b = np.zeros(H, dtype=np.float64)
    go = np.flatnonzero(np.isin(src, ("go", "gofr")))
    Xg = X[go]
    copy_weight = np.where(src[go] == "gofr", COPY_WEIGHT, 1.0)
    t0 = time.time()
    for k in range(28):
        W[:, k], b[k] = _binary_lr(Xg, emo[go, k], EMO_C, copy_weight)
    log(f"  emotion heads: {time.time() - t0:.0f}s")
    has = np.flatnonzero(sent >= 0)
    weight = np.where(np.isin(src[has], ("go", "gofr")), 1.0, TWEET_WEIGHT)
    coef, icpt = _multi_lr(X[has], sent[has], SENT_C, weight)
    W[:, 28:31], b[28:31] = coef.T, icpt
    fr = np.flatnonzero(np.isin(src, FRENCH_SENTIMENT))
    coef, icpt = _multi_lr(X[fr], sent[fr], FR_C)
    W[:, 31:34], b[31:34] = coef.T, icpt
    W[:, 34], b[34] = _binary_lr(X, np.isin(src, ("fr", "frchat", "gofr")).astype(int), LANG_C)
    log(f"  all heads: {time.time() - t0:.0f}s, vocabulary {len(vocab.ids)}")
    return vocab, W, b


def export(path, vocab: Vocab, W, b, en_lex, meta):
    """Write the artifact: int8 weights per head (scale = max |w| / 127), dense weights in float."""
    V = len(vocab.ids)
    Wt, Wd = W[:V], W[V:] * DENSE_SCALE
    keep = np.abs(Wt).max(axis=1) > 0           # features no head uses are dropped
    scale = np.abs(Wt[keep]).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    W8 = np.clip(np.rint(Wt[keep] / scale), -127, 127).astype(np.int8)
    heads, a = {}, 0
    for name, n in HEADS:
        heads[name] = [a, a + n]
        a += n
    meta = dict(meta, heads=heads, n_dense=T.N_DENSE, dense_names=list(T.DENSE_NAMES))
    words = sorted(en_lex)
    buf = io.BytesIO()
    np.savez_compressed(
        buf, ids=vocab.ids[keep], idf=vocab.idf[keep].astype(np.float16), group=vocab.group[keep],
        W=W8, w_scale=scale.astype(np.float32), Wd=Wd.astype(np.float32), b=b.astype(np.float32),
        lex_words=np.array(words), lex_vals=np.array([en_lex[w] for w in words], dtype=np.float32),
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8))
    data = _zero_zip_times(buf.getvalue())
    with open(path, "wb") as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


def _zero_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so the same weights give the same bytes."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ----------------------------------------------------------------------------------------------
# tuning on the validation split, through the run-time code
# ----------------------------------------------------------------------------------------------
DEFAULT_META = {"polarity_threshold": 0.15, "fr_head_weight": 0.5, "neutral_rule": "head",
                "thresholds": {"emo28": [0.5] * 28}}


def best_thresholds(prob, truth):
    """Per label, the probability cut that maximises F1 on validation (grid of 0.01)."""
    grid = np.arange(0.05, 0.96, 0.01)
    out = []
    for k in range(prob.shape[1]):
        y = truth[:, k].astype(bool)
        best, best_t = -1.0, 0.5
        for t in grid:
            p = prob[:, k] >= t
            tp = np.sum(p & y)
            f1 = 2 * tp / max(1, p.sum() + y.sum())
            if f1 > best + 1e-9:
                best, best_t = f1, float(t)
        out.append(round(best_t, 2))
    return out


def tune(c: Corpus, model, rows, log=print):
    """Thresholds of the 28 emotion heads, the polarity cut and the weight of the French head."""
    from .analysis import postprocess
    from .model import sigmoid
    rows = sorted(rows)
    items = [model.featurize(c.texts[i]) for i in rows]
    logits = model.logits(items)
    emo, _, _, sent = targets(c, rows)
    src = np.array([c.source[i] for i in rows])
    go = np.flatnonzero(src == "go")
    thr = best_thresholds(sigmoid(logits[go][:, model.heads["emo28"]]), emo[go])
    model.thr["emo28"] = np.asarray(thr, dtype=np.float32)
    model.meta["thresholds"] = {"emo28": thr}
    best = (-1.0, None)
    for tau, w_fr, we, wl in itertools.product((0.05, 0.1, 0.15, 0.2, 0.25, 0.3), (0.0, 0.5, 1.0),
                                               (0.0, 0.15, 0.3, 0.45), (0.0, 0.15, 0.3)):
        if True:
            model.meta.update(polarity_threshold=tau, fr_head_weight=w_fr, emotion_sentiment_weight=we,
                              lexicon_weight=wl)
            res = postprocess(model, items, logits)
            pred = np.array([SENTIMENTS.index(r["sentiment"]) for r in res])
            score = np.mean([macro_f1_multiclass(sent[(src == s) & (sent >= 0)],
                                                 pred[(src == s) & (sent >= 0)], 3)
                             for s in ("go", "en", "fr", "frchat")])
            if score > best[0] + 1e-9:
                best = (score, (tau, w_fr, we, wl))
    tau, w_fr, we, wl = best[1]
    log(f"  tuned: polarity cut {tau}, French head weight {w_fr}, emotion-implied sentiment weight {we}, "
        f"lexicon weight {wl} (validation mean F1 {best[0]:.3f})")
    return {"polarity_threshold": tau, "fr_head_weight": w_fr, "emotion_sentiment_weight": we,
            "lexicon_weight": wl, "neutral_rule": "head", "thresholds": {"emo28": thr}}


# ----------------------------------------------------------------------------------------------
# metrics
# ----------------------------------------------------------------------------------------------
def macro_f1_multiclass(y, p, k):
    f = []
    for cl in range(k):
        tp = np.sum((p == cl) & (y == cl))
        denom = np.sum(p == cl) + np.sum(y == cl)
        f.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f))


def macro_f1_multilabel(Y, P):
    Y, P = Y.astype(bool), P.astype(bool)
    tp = (Y & P).sum(axis=0)
    denom = Y.sum(axis=0) + P.sum(axis=0)
    return float(np.mean(np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)))


# ----------------------------------------------------------------------------------------------
# the whole run
# ----------------------------------------------------------------------------------------------
def train(data_dir: str, out_path: str, log=print) -> dict:
    t0 = time.time()
    c = load_corpus(data_dir)
    if AUGMENT:
        log(f"code-mixed copies of GoEmotions rows: {add_code_mixed(c)}")
    en_lex = vader_lexicon()
    F = Featurized(c.texts, en_lex)
    log(f"featurized {len(c.texts)} texts in {time.time() - t0:.0f}s")
    train_rows = [i for i, s in enumerate(c.split) if s == "train"]
    val_rows = [i for i, s in enumerate(c.split) if s == "val"]
    log("stage 1: fit on train, tune on validation")
    vocab, W, b = fit_heads(c, F, train_rows, log)
    tmp = out_path + ".stage1"
    export(tmp, vocab, W, b, en_lex, DEFAULT_META)
    from .model import Model
    meta = tune(c, Model(tmp), val_rows, log)
    os.remove(tmp)
    log("stage 2: fit on train + validation with the tuned cuts")
    vocab, W, b = fit_heads(c, F, train_rows + val_rows, log)
    meta.update(split_seed=SPLIT_SEED, test_digest=split_digest(c), trained_rows=len(train_rows) + len(val_rows))
    digest = export(out_path, vocab, W, b, en_lex, meta)
    log(f"wrote {out_path} ({os.path.getsize(out_path) / 1e6:.1f} MB, sha256 {digest[:16]}) "
        f"in {time.time() - t0:.0f}s")
    return {"sha256": digest, "seconds": time.time() - t0}
