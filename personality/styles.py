"""The seed's getOptimalResponseStyle: a pure function of the profile, the preferences and the
emotional state (the coordinator gives them, after its personalization policy)."""
MAX_LENGTH_BY_PREFERENCE = {"short": 80, "medium": 200, "long": 400}
MAX_EMOJIS_PER_MESSAGE = 4
MAX_TOPICS = 5


def _topic_score(value) -> float:
    if isinstance(value, dict):
        value = value.get("score", 0.0)
    return float(value) if isinstance(value, (int, float)) else 0.0


def response_style_from(profile: dict, preferences: dict, emotional_state: dict) -> dict:
    """The seed's getOptimalResponseStyle, from the parts of the context."""
    interests = preferences.get("topic_interests") or {}
    avoid = list(emotional_state.get("avoid_topics") or [])
    topics = [topic for topic in sorted(interests, key=lambda name: -_topic_score(interests[name]))
              if topic not in avoid]
    return {
        "max_length": MAX_LENGTH_BY_PREFERENCE[profile["message_length_preference"]],
        "emoji_count": round(profile["emoji_frequency"] * MAX_EMOJIS_PER_MESSAGE),
        "tone": profile["tone"],
        "topics": topics[:MAX_TOPICS],
        "avoid_topics": avoid,
    }
