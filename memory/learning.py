"""Hands one committed event to each learning app's entry point (incremental, off the request)."""
import logging

from emotions.services import on_interaction as emotions_on_interaction
from facts.selectors import personalization_blocked
from facts.services import on_interaction as facts_on_interaction
from gdpr.selectors import purpose_allowed
from personality.services import on_interaction as personality_on_interaction
from preferences.services import on_interaction as preferences_on_interaction

from .models import InteractionEvent

logger = logging.getLogger("fanmemory.learning")

LEARNERS = (
    ("emotions", emotions_on_interaction),
    ("personality", personality_on_interaction),
    ("preferences", preferences_on_interaction),
    ("facts", facts_on_interaction),  # checks consent itself: its flags must be raised regardless
)
# Learners that build a personalised profile: skipped while the fan withholds that consent.
PERSONALIZATION = {"personality", "preferences"}


def learn_from_event_now(event_pk: int) -> None:
    event = InteractionEvent.objects.filter(pk=event_pk).first()
    if event is None:  # erased meanwhile
        return
    personalize = purpose_allowed(creator_id=event.creator_id, fan_id=event.fan_id, purpose="personalization") \
        and not personalization_blocked(creator_id=event.creator_id, fan_id=event.fan_id)
    for name, learner in LEARNERS:
        if name in PERSONALIZATION and not personalize:
            continue
        try:
            learner(event)
        except Exception as exc:  # one app's failure must not stop the others; the old profile stays
            logger.error("learning failed in %s: %s", name, type(exc).__name__)
