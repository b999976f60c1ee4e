"""From model logits + lexicon cues to the public `analysis` object (numpy + stdlib)."""
from __future__ import annotations

import numpy as np

from . import lexicon as L
from .labels import EMOTIONS, GROUP_OF
from .model import remap, sigmoid, softmax

N_EMO = len(EMOTIONS)
NEUTRAL_SENTIMENT = {"sentiment": "neutral", "polarity": 0.0, "confidence": 1.0}


def empty_result():
    return {
        "sentiment": "neutral", "polarity": 0.0, "confidence": 1.0,
        "emotions": {e: 0.0 for e in EMOTIONS}, "labels": [], "intensity": 0.0,
        "language": "und", "topics": [],
    }


POSITIVE = np.array([GROUP_OF[e] == "positive" for e in EMOTIONS])
NEGATIVE = np.array([GROUP_OF[e] == "negative" for e in EMOTIONS])
# A complaint (complaints.py) is mostly negative whatever its words; praise of a purchase's worth
# ("a steal for $20") leans positive. The emotions are the model's (forcing disappointment cost the
# 28-label hold-out 0.004).
COMPLAINT_SENTIMENT, COMPLAINT_WEIGHT = np.array([1.0, 0.0, 0.0]), 0.7
VALUE_SENTIMENT, VALUE_WEIGHT = np.array([0.0, 0.0, 1.0]), 0.5
EMOJI_VALENCED = 0.1  # an emoji whose valence is at least this says something


def emotion_sentiment(scores, neutral):
    """(negative, neutral, positive) implied by the strongest emotion of each sentiment group."""
    v = np.array([scores[NEGATIVE].max(), neutral, scores[POSITIVE].max()]) + 1e-6
    return v / v.sum()


def lexicon_sentiment(compound):
    """(negative, neutral, positive) from the lexicon's compound valence (-1..1)."""
    return np.array([max(-compound, 0.0), 1.0 - abs(compound), max(compound, 0.0)])


def detect_language(model, p, cues, lang_logit):
    """ISO 639-1 code: script for non-Latin text, cue words for es/de/it/pt/nl, else en/fr."""
    if not p.has_letters:
        return "und"
    if p.script_lang:
        return p.script_lang
    fr, en = cues.get("fr", 0), cues.get("en", 0)
    other = [(n, lang) for lang, n in cues.items() if lang not in ("en", "fr")]
    if other:
        n, lang = max(other)
        if n >= 2 and n > fr and n > en:
            return lang
    score = float(lang_logit) + 0.9 * (fr - en)
    return "fr" if score > 0 else "en"


def postprocess(model, items, logits):
    """items: [(Prepared, cues, lex)], logits (n, H) -> the analysis dict of each item."""
    H = model.heads
    emo_p = sigmoid(logits[:, H["emo28"]])
    emo_s = remap(emo_p, model.thr["emo28"])            # 28 scores, tuned threshold -> 0.5
    sent_joint = softmax(logits[:, H["sent"]])
    sent_fr = softmax(logits[:, H["sent_fr"]])
    lang_logit = logits[:, H["lang"]][:, 0]
    meta = model.meta
    tau = meta["polarity_threshold"]
    w_fr = meta.get("fr_head_weight", 0.5)
    out = []
    for i, (p, cues, lex) in enumerate(items):
        if not p.tokens:
            out.append(empty_result())
            continue
        lang = detect_language(model, p, cues, lang_logit[i])
        P = sent_joint[i]
        if lang == "fr":
            P = (1.0 - w_fr) * P + w_fr * sent_fr[i]
        scores = emo_s[i, :N_EMO].astype(np.float64)
        neutral = float(emo_s[i, N_EMO])
        cue = lex[6]
        valences = [entry[0] for entry in map(L.emoji_entry, p.emoji) if entry]  # hand table, else derived
        n_emoji_val = sum(1 for v in valences if abs(v) >= EMOJI_VALENCED)
        emoji_only = p.n_words == 0
        # --- cue layer: emoji (any language) and French chat cues ---------------------------
        if cue:
            if emoji_only:
                wc = 0.95
            elif lang == "fr":
                wc = 0.75
            else:
                wc = 0.55
            c = np.array([cue.get(e, 0.0) for e in EMOTIONS])
            scores = 1.0 - (1.0 - scores) * (1.0 - wc * c)
            if emoji_only:
                neutral = 0.0 if c.max() >= 0.45 else neutral
        # --- late fusion: the sentiment implied by the emotions and by the lexicon -----------
        we, wl = meta.get("emotion_sentiment_weight", 0.0), meta.get("lexicon_weight", 0.0)
        if we or wl:
            P = (1.0 - we - wl) * P + we * emotion_sentiment(scores, neutral) + wl * lexicon_sentiment(lex[2])
        if emoji_only and (p.emoji or lex[3]):
            # emoji / emoticons only: the text model has nothing to go on, trust the table
            v = float(np.mean(valences)) if valences else 0.0
            a = 0.9 if valences else 0.0
            Pe = np.array([max(-v, 0.0), 1.0 - abs(v), max(v, 0.0)])
            P = (1.0 - a) * P + a * Pe
        elif n_emoji_val:
            v = float(np.mean(valences))
            # beside a word or two ("ok 👎", "merci 🙄") the emoji says what the message means
            a = 0.8 if p.n_words <= 2 else min(0.5, 0.2 * n_emoji_val) * (1.0 if p.n_words <= 12 else 0.5)
            Pe = np.array([max(-v, 0.0), 1.0 - abs(v), max(v, 0.0)])
            P = (1.0 - a) * P + a * Pe
        if p.complains:
            P = (1.0 - COMPLAINT_WEIGHT) * P + COMPLAINT_WEIGHT * COMPLAINT_SENTIMENT
        elif p.praises_value:
            P = (1.0 - VALUE_WEIGHT) * P + VALUE_WEIGHT * VALUE_SENTIMENT
        polarity = float(P[2] - P[0])
        # The cut is tuned on text (hardly any row is emoji alone): emoji alone read by the table's sign.
        cut = EMOJI_VALENCED if emoji_only and valences else tau
        if polarity >= cut:
            sentiment, conf = "positive", float(P[2])
        elif polarity <= -cut:
            sentiment, conf = "negative", float(P[0])
        else:
            sentiment, conf = "neutral", float(P[1])
        # --- labels ---------------------------------------------------------------------------
        order = np.argsort(-scores, kind="stable")
        labels = [EMOTIONS[k] for k in order if scores[k] >= 0.5]
        if not labels and scores[order[0]] > max(neutral, 0.25):
            labels = [EMOTIONS[order[0]]]  # every message carries something: the best head beats neutral
        if labels and meta.get("neutral_rule") == "head" and neutral >= 0.5 \
                and neutral > scores[order[0]] and not cue:
            labels = []
        # --- intensity --------------------------------------------------------------------------
        top = float(scores[order[0]]) if labels else 0.0
        base = max(abs(polarity), (top - 0.5) * 2.0 if labels else 0.0)
        boost = (0.15 * min(p.n_excl, 3) / 3.0 + 0.15 * min(p.caps_ratio * 2.0, 1.0)
                 + (0.1 if p.elongated else 0.0) + 0.05 * min(len(p.emoji), 3))
        intensity = min(1.0, 0.75 * base + boost) if (labels or sentiment != "neutral") \
            else min(0.3, 0.3 * base + boost * 0.5)
        out.append({
            "sentiment": sentiment,
            "polarity": round(max(-1.0, min(1.0, polarity)), 4),
            "confidence": round(min(1.0, max(0.0, conf)), 4),
            "emotions": {e: round(float(s), 4) for e, s in zip(EMOTIONS, scores)},
            "labels": labels,
            "intensity": round(float(intensity), 4),
            "language": lang,
            "topics": [],
        })
    return out
