"""The one personalization policy: a fan is personalised (profile, preferences, facts and notes in
the context, and learning of the personal profiles) only while they consent to personalization
and no open under-18 flag stands. Safety flags and the segment are never withheld."""
from core import consent
from facts.selectors import personalization_blocked


def personalization_on(*, creator_id: str, fan_id: str) -> bool:
    """For learning: asked once per event."""
    return consent.allowed(creator_id=creator_id, fan_id=fan_id, purpose="personalization") \
        and not personalization_blocked(creator_id=creator_id, fan_id=fan_id)


def personalized(consent_part: dict, facts_part: dict) -> bool:
    """For a context: from the cached consent and facts parts (no query)."""
    return consent_part["personalization"] and not any(flag["reason"] == "minor" for flag in facts_part["flags"])
