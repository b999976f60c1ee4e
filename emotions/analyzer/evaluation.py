"""Held-out evaluation of the shipped artifact against VADER, both measured in the same run.

The test rows are the hold-out of training.load_corpus (15% of GoEmotions train.tsv, the UMSAB
val files): the shipped model never saw them.  Our figures come from the run-time code path
(the `analysis` objects the service returns), not from the raw heads.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .labels import EKMAN, EKMAN_OF, GROUP_OF, GROUPS, LABELS28, SENTIMENTS
from .training import load_corpus, macro_f1_multiclass, macro_f1_multilabel, split_digest, targets

# Emoji sent alone, with the sign a reader gives them (not from the data: a sanity check of the
# emoji layer, which the training data cannot teach).
EMOJI_SIGNS = {
    "😍": 1, "❤️": 1, "🥰": 1, "👍🏽": 1, "🔥": 1, "😂": 1, "🥳": 1, "🙏": 1, "💕": 1, "😊": 1,
    "😡": -1, "😢": -1, "💔": -1, "👎": -1, "😞": -1, "🤮": -1, "😤": -1, "😒": -1, "😠": -1, "😭": -1,
}


# Emoji labelled by hand before the derived table was built, never used for choosing (its note says how).
BLIND_EMOJI = Path(__file__).resolve().parents[2] / "tests" / "data" / "emoji_signs_blind.json"
# Chat messages labelled by hand before the complaint reading existed, never used for choosing.
BLIND_SARCASM = BLIND_EMOJI.with_name("sarcasm_blind.json")
BLIND_FRENCH_CHAT = BLIND_EMOJI.with_name("french_chat_blind.json")


def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def vader_sentiment(analyzer, texts):
    compound = np.array([analyzer.polarity_scores(t)["compound"] for t in texts])
    cls = np.where(compound >= 0.05, 2, np.where(compound <= -0.05, 0, 1))
    return cls, compound


def _label_sets(results):
    """Predicted 28-label sets from the analysis objects: `labels`, or neutral when empty."""
    out = np.zeros((len(results), 28), dtype=np.int8)
    for r, res in enumerate(results):
        names = res["labels"] or ["neutral"]
        for name in names:
            out[r, LABELS28.index(name)] = 1
    return out


def _collapse(Y28, names, of):
    out = np.zeros((len(Y28), len(names)), dtype=np.int8)
    for k, label in enumerate(LABELS28):
        out[:, names.index(of[label])] |= Y28[:, k]
    return out


def _pearson(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.std() == 0 or b.std() == 0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def evaluate(data_dir: str, analyze_many, model_meta: dict) -> dict:
    c = load_corpus(data_dir)
    digest = split_digest(c)
    rows = [i for i, s in enumerate(c.split) if s == "test"]
    src = np.array([c.source[i] for i in rows])
    texts = [c.texts[i] for i in rows]
    emo, _, _, sent = targets(c, rows)
    results = analyze_many(texts)
    ours_cls = np.array([SENTIMENTS.index(r["sentiment"]) for r in results])
    ours_pol = np.array([r["polarity"] for r in results])
    vader = _vader()
    v_cls, v_pol = vader_sentiment(vader, texts)

    go = src == "go"
    pred28 = _label_sets([r for r, g in zip(results, go) if g])
    Y28 = emo[go]
    v_groups = np.zeros((go.sum(), 4), dtype=np.int8)
    for r, cl in enumerate(v_cls[go]):
        v_groups[r, GROUPS.index({2: "positive", 0: "negative", 1: "neutral"}[int(cl)])] = 1
    figures = {
        "goemotions_28": (macro_f1_multilabel(Y28, pred28), None),
        "ekman_7": (macro_f1_multilabel(_collapse(Y28, EKMAN, EKMAN_OF), _collapse(pred28, EKMAN, EKMAN_OF)), None),
        "sentiment_groups_4": (macro_f1_multilabel(_collapse(Y28, GROUPS, GROUP_OF),
                                                   _collapse(pred28, GROUPS, GROUP_OF)),
                               macro_f1_multilabel(_collapse(Y28, GROUPS, GROUP_OF), v_groups)),
    }
    known = go & (sent >= 0)
    figures["goemotions_pos_neg_neu"] = (macro_f1_multiclass(sent[known], ours_cls[known], 3),
                                         macro_f1_multiclass(sent[known], v_cls[known], 3))
    for lang in ("en", "fr"):
        m = src == lang
        figures[f"tweets_{lang}_3class"] = (macro_f1_multiclass(sent[m], ours_cls[m], 3),
                                            macro_f1_multiclass(sent[m], v_cls[m], 3))
        figures[f"tweets_{lang}_pearson"] = (_pearson(ours_pol[m], sent[m] - 1), _pearson(v_pol[m], sent[m] - 1))
    emoji = list(EMOJI_SIGNS)
    signs = np.array(list(EMOJI_SIGNS.values()))
    ours_e = np.sign([r["polarity"] for r in analyze_many(emoji)])
    v_e = np.sign(vader_sentiment(vader, emoji)[1])
    figures["emoji_alone_sign_accuracy"] = (float(np.mean(ours_e == signs)), float(np.mean(v_e == signs)))
    figures.update(blind_emoji_figures(analyze_many, vader))
    figures.update(blind_chat_figures(analyze_many, vader))
    per_label = {}
    for k, name in enumerate(LABELS28):
        per_label[name] = macro_f1_multilabel(Y28[:, [k]], pred28[:, [k]])
    return {"figures": figures, "per_label": per_label, "digest": digest,
            "expected_digest": model_meta.get("test_digest"),
            "n": {"goemotions": int(go.sum()), "en": int((src == "en").sum()), "fr": int((src == "fr").sum())}}


def blind_emoji_figures(analyze_many, vader) -> dict:
    """Balanced accuracy (mean of the positive and negative recalls) of the sign of emoji sent
    alone, and after "ok", on the blind hand-labelled set; also on its emoji the hand table lacks."""
    from .lexicon import EMOJI

    labelled = json.loads(BLIND_EMOJI.read_text(encoding="utf-8"))
    signs = {symbol: 1 for symbol in labelled["positive"].split()} | {s: -1 for s in labelled["negative"].split()}
    unseen = {symbol: sign for symbol, sign in signs.items() if symbol.replace("\ufe0f", "") not in EMOJI}
    cases = {f"blind_emoji_alone_balanced ({len(signs)})": signs,
             f"blind_emoji_not_in_hand_table_balanced ({len(unseen)})": unseen,
             f"blind_ok_plus_emoji_balanced ({len(signs)})": {f"ok {symbol}": sign for symbol, sign in signs.items()}}
    figures = {}
    for name, truth in cases.items():
        texts, expected = list(truth), np.array(list(truth.values()))
        figures[name] = (_balanced(expected, [r["polarity"] for r in analyze_many(texts)]),
                         _balanced(expected, vader_sentiment(vader, texts)[1]))
    return figures


def blind_chat_figures(analyze_many, vader) -> dict:
    """On the blind chat sets: the share of complaints (sarcastic or polite) read negative and of
    sincere praise read positive; French chat 3-class macro F1."""
    figures = {}
    messages = json.loads(BLIND_SARCASM.read_text(encoding="utf-8"))["messages"]
    for name, kinds, wanted in (("complaints_read_negative", ("sarcastic_complaint", "complaint_with_positive_words"), 0),
                                ("sincere_praise_read_positive", ("sincere_praise",), 2)):
        texts = [m["text"] for m in messages if m["kind"] in kinds]
        ours = [SENTIMENTS.index(r["sentiment"]) for r in analyze_many(texts)]
        figures[f"blind_{name} ({len(texts)})"] = (float(np.mean(np.array(ours) == wanted)),
                                                   float(np.mean(vader_sentiment(vader, texts)[0] == wanted)))
    messages = json.loads(BLIND_FRENCH_CHAT.read_text(encoding="utf-8"))["messages"]
    texts, truth = [m["text"] for m in messages], np.array([SENTIMENTS.index(m["label"]) for m in messages])
    ours = np.array([SENTIMENTS.index(r["sentiment"]) for r in analyze_many(texts)])
    figures[f"blind_french_chat_3class ({len(texts)})"] = (macro_f1_multiclass(truth, ours, 3),
                                                          macro_f1_multiclass(truth, vader_sentiment(vader, texts)[0], 3))
    return figures


def _balanced(expected: np.ndarray, polarity) -> float:
    found = np.sign(polarity)
    return float(np.mean([np.mean(found[expected == side] == side) for side in (1, -1)]))
