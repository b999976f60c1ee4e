"""Label sets (GoEmotions 27 + neutral, the authors' Ekman and sentiment groupings)."""

EMOTIONS = [
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise",
]
LABELS28 = EMOTIONS + ["neutral"]

# goemotions/ekman_mapping.json (Demszky et al. 2020) + neutral
EKMAN_MAPPING = {
    "anger": ["anger", "annoyance", "disapproval"],
    "disgust": ["disgust"],
    "fear": ["fear", "nervousness"],
    "joy": ["joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism",
            "relief", "pride", "admiration", "desire", "caring"],
    "sadness": ["sadness", "disappointment", "embarrassment", "grief", "remorse"],
    "surprise": ["surprise", "realization", "confusion", "curiosity"],
}
EKMAN = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]

# goemotions/sentiment_dict.json + neutral
SENTIMENT_GROUPS = {
    "positive": ["amusement", "excitement", "joy", "love", "desire", "optimism", "caring", "pride",
                 "admiration", "gratitude", "relief", "approval"],
    "negative": ["fear", "nervousness", "remorse", "embarrassment", "disappointment", "sadness",
                 "grief", "disgust", "anger", "annoyance", "disapproval"],
    "ambiguous": ["realization", "surprise", "curiosity", "confusion"],
}
GROUPS = ["positive", "negative", "ambiguous", "neutral"]
SENTIMENTS = ["negative", "neutral", "positive"]

EKMAN_OF = {e: k for k, v in EKMAN_MAPPING.items() for e in v}
EKMAN_OF["neutral"] = "neutral"
GROUP_OF = {e: k for k, v in SENTIMENT_GROUPS.items() for e in v}
GROUP_OF["neutral"] = "neutral"
