"""The one personalization policy: a fan is personalised (profile, preferences, facts and notes in
the context, and learning of the personal profiles) only while they consent to personalization
and no open under-18 flag stands. Safety flags and the segment are never withheld.

On top of it, the rollout share (core.rollout, set per creator in the admin or with
`manage.py rollout`): personality calibration and recall are on only for the fans in it; the
others are served the default profile and no recalled memories."""
from core import consent, rollout
from facts.selectors import personalization_blocked


def personalization_on(*, creator_id: str, fan_id: str) -> bool:
    """For learning: asked once per event."""
    return consent.allowed(creator_id=creator_id, fan_id=fan_id, purpose="personalization") \
        and not personalization_blocked(creator_id=creator_id, fan_id=fan_id)


def personalized(consent_part: dict, facts_part: dict) -> bool:
    """For a context: from the cached consent and facts parts (no query)."""
    return consent_part["personalization"] and not any(flag["reason"] == "minor" for flag in facts_part["flags"])


def calibration_on(*, creator_id: str, fan_id: str) -> bool:
    """The personality profile is learned, recalibrated and served (else the default profile)."""
    return rollout.in_share(creator_id=creator_id, fan_id=fan_id)


def recall_on(*, creator_id: str, fan_id: str) -> bool:
    """Long-term recall (`relevant_memories`, POST .../recall/) answers for this fan (else nothing
    recalled). For the recall endpoints; the same share as calibration."""
    return rollout.in_share(creator_id=creator_id, fan_id=fan_id)
