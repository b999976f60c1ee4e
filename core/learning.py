"""What a learning app is given for one saved event (the coordinator builds it once per event)."""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LearningInput:
    # The saved event (memory's row): creator_id, fan_id, event_id, type, occurred_at, purchase_kind,
    # amount, currency, content_id, category, about_event_id, outcome, metadata.
    event: Any
    # The event's message, decrypted once for every learner: event_id, content, sender, at (a
    # datetime), timestamp, sentiment, topics, metadata, analysis. None for purchases and feedback.
    message: dict | None
    # For a feedback: the ai message it is about (same shape), when it still exists.
    target: dict | None
    # The one personalization policy's answer for this fan (consent, boundaries, minors).
    personalize: bool
    # The rollout share's answer (fans.policy.calibration_on): the personality profile is learned.
    calibrate: bool
    engagement_level: Callable[[], str | None]
    fan_activity: Callable[[], dict]  # spend and activity totals (memory)
    at_risk: Callable[[], bool]  # any disengagement signal (emotions), read after emotions learned
    fan_timezone: Callable[[], str | None]  # the fan's IANA time zone when known (facts), else None
    # Categories of the fan's purchases of the last two days before the event, newest first (memory).
    recent_categories: Callable[[], list[str]] = lambda: []
    # For a feedback: a negative outcome of an ai message sent right after a grievance of the fan
    # (openitems): the content is to blame, not the tone.
    outcome_excused: Callable[[], bool] = lambda: False
