"""A deliberately simple lexicon baseline, used until the learned analyzer is shipped.

It counts a few English and French positive and negative words and emoji, flips on a
preceding negation, and reports joy or sadness accordingly. Its shape is the contract's.
"""
import re

EMOTIONS = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity",
    "desire", "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear",
    "gratitude", "grief", "joy", "love", "nervousness", "optimism", "pride", "realization", "relief",
    "remorse", "sadness", "surprise",
)
POSITIVE = {"love", "like", "great", "good", "amazing", "happy", "thanks", "thank", "beautiful", "nice",
            "adore", "aime", "bien", "super", "génial", "genial", "merci", "belle", "heureux", "cool",
            "😍", "❤", "😘", "😊", "🥰", "👍", "🔥"}
NEGATIVE = {"hate", "bad", "sad", "awful", "terrible", "angry", "boring", "nul", "nulle", "triste",
            "déteste", "deteste", "horrible", "mauvais", "énervé", "😡", "😢", "😭", "👎", "💔"}
NEGATIONS = {"not", "don't", "dont", "never", "no", "pas", "jamais", "ne", "n'"}
FRENCH_HINTS = {"je", "tu", "pas", "est", "trop", "mdr", "ptdr", "merci", "bien", "c'est", "jsp", "et", "le", "la"}
TOKEN = re.compile(r"[\w']+|[^\w\s]", re.UNICODE)


def analyze(text: str) -> dict:
    tokens = [token.lower() for token in TOKEN.findall(text.replace("\ufe0f", "")[:5000])]
    score = 0
    for index, token in enumerate(tokens):
        sign = 1 if token in POSITIVE else -1 if token in NEGATIVE else 0
        if sign and index and tokens[index - 1] in NEGATIONS:
            sign = -sign
        score += sign
    polarity = max(-1.0, min(1.0, score / 3))
    sentiment = "positive" if polarity > 0 else "negative" if polarity < 0 else "neutral"
    emotions = dict.fromkeys(EMOTIONS, 0.0)
    if sentiment != "neutral":
        emotions["joy" if polarity > 0 else "sadness"] = abs(polarity)
    french = sum(token in FRENCH_HINTS for token in tokens)
    return {
        "sentiment": sentiment,
        "polarity": round(polarity, 4),
        "confidence": 0.5,
        "emotions": emotions,
        "labels": [name for name, value in emotions.items() if value > 0],
        "intensity": round(abs(polarity), 4),
        "language": "fr" if french >= 1 else "en",
        "topics": [],
    }
