"""Fast topic extraction for English and French fan messages.

    >>> from preferences.topics import extract_topics
    >>> extract_topics("just got back from the gym 💪")
    ['fitness']
    >>> extract_topics("mon chat dort sur mon clavier", "fr")
    ['pets']

Pure standard library (no Django, no network, no model): keyword, prefix,
phrase and emoji matching over the taxonomy in ``taxonomy.py``.  See
``README.md`` in this folder for the taxonomy, the matching rules and the
measured precision/recall/latency.
"""

from __future__ import annotations

import logging

from .matcher import TopicMatcher, normalize, tokenize

__all__ = ["TOPICS", "extract_topics", "topic_scores", "TopicMatcher", "normalize", "tokenize"]

logger = logging.getLogger(__name__)

_MATCHER = TopicMatcher()

#: Topic names, in taxonomy order (also the tie-break order of extract_topics).
TOPICS: list[str] = list(_MATCHER.topics)


def extract_topics(text: str, language: str | None = None) -> list[str]:
    """Topics mentioned in ``text``, strongest first (ties in taxonomy order).

    ``language`` ("en", "fr", or None/"mix" to auto-detect) only decides how
    language-ambiguous words are read ("chat" is a cat in French); English and
    French cues are always both looked for, so mixed messages work.
    Returns [] when no topic is found.  Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _MATCHER.extract(text, language)
    except Exception as exc:  # pragma: no cover - defensive: a topic tagger must never break a request
        logger.error("topic extraction failed: %s", type(exc).__name__)  # no traceback: it may quote the message
        return []


def topic_scores(text: str, language: str | None = None) -> dict[str, float]:
    """Raw per-topic weights (for debugging and tuning); {} on empty input."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        return _MATCHER.scores(text, language)
    except Exception as exc:  # pragma: no cover
        logger.error("topic scoring failed: %s", type(exc).__name__)  # no traceback: it may quote the message
        return {}
