"""Learning from each saved event: one run per event, every learner exactly once, nothing swallowed.

A run locks the event (skipping it if another run holds it), reads and decrypts its message once,
applies the personalization policy and the rollout share once, and runs the learners in order,
each in a savepoint. The learners' writes and the names of those done commit together with the event, so a redelivered or
swept event never counts twice. A learner that fails is retried with backoff, alone. After commit,
the fan's hot cache is brought in line (the list re-synced, the learned parts forgotten), retried
like a learner until Redis takes it; only then is the event learned.

Erasure cannot be undone by a run: it deletes the fan's events first, so it waits for a run holding
one, and a run that starts after finds nothing to learn.
"""
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.learning import LearningInput
from core.metrics import LEARNING
from emotions.selectors import disengagement_for
from emotions.services import learn as emotions_learn
from facts.selectors import fan_timezone
from facts.services import learn as facts_learn
from memory import selectors as memory_selectors
from memory import services as memory_services
from memory.models import RECALL_LEARNER
from openitems.selectors import outcome_excuser
from openitems.services import learn as openitems_learn
from personality.services import learn as personality_learn
from preferences.services import learn as preferences_learn
from recall.services import learn as recall_learn

from . import context, policy

logger = logging.getLogger("fanmemory.learning")

HOT_CACHE = "hot_cache"
GRIEVANCE_CATEGORY_WINDOW = timedelta(days=2)  # a complaint is about a purchase at most this recent


@dataclass(frozen=True)
class Learner:
    name: str
    learn: Callable[[LearningInput], None]
    personal: bool  # builds a personalised profile: skipped while the policy says no
    calibration: bool = False  # the personality calibration: skipped for fans outside the rollout share

    def runs_for(self, given: LearningInput) -> bool:
        return (given.personalize or not self.personal) and (given.calibrate or not self.calibration)


LEARNERS = (
    # Named by their app's label: retention replays the learners of the apps whose rows it rebuilds.
    Learner("emotions", emotions_learn, personal=False),
    Learner("personality", personality_learn, personal=True, calibration=True),
    Learner("preferences", preferences_learn, personal=True),
    Learner("facts", facts_learn, personal=False),  # its safety flags are raised whatever the policy
    Learner("openitems", openitems_learn, personal=False),  # complaints and questions are service, not profile
    Learner(RECALL_LEARNER, recall_learn, personal=False),  # indexes messages while memory consent holds
)


class LearningIncomplete(Exception):
    """Some learner of the event failed; the run is retried (the others are not redone)."""

    def __init__(self, missing: str, event_pk: int | None = None):
        super().__init__(missing)
        self.event_pk = event_pk


def learn_event(event_pk: int) -> str:
    """One learning run: "learned", "skipped" (gone, learned, or held by another run) or raises."""
    learned = _learn(lambda: memory_services.event_lock_unlearned(event_pk=event_pk))
    return "skipped" if learned is None else "learned"


def learn_new_events(*, budget: int, on_failure: Callable[[int], None]) -> int:
    """Learn events no run has tried, oldest first, until none is left or `budget` runs were made;
    concurrent callers share them (each event is claimed with SKIP LOCKED). An event whose run
    fails is handed to `on_failure` (its retries, with backoff). Returns how many runs were made."""
    failed: list[int] = []
    for runs in range(budget):
        try:
            if _learn(lambda: memory_services.event_lock_next_new(excluding=failed)) is None:
                return runs
        except LearningIncomplete as exc:
            failed.append(exc.event_pk)
            on_failure(exc.event_pk)
    return budget


def _learn(lock: Callable[[], object]) -> int | None:
    """Run the learners on the event `lock` returns locked; its pk, or None when there is none."""
    with transaction.atomic():
        event = lock()
        if event is None:
            return None
        given = _input_for(event)
        done = _run_learners(event, given)
        memory_services.event_learned(event=event, done=done, complete=False)
    missing = [learner.name for learner in LEARNERS if learner.name not in done]
    if missing:
        raise LearningIncomplete(", ".join(missing), event.pk)
    if not context.hot_cache_sync(event, given.message):
        LEARNING.labels(learner=HOT_CACHE, result="failed").inc()
        raise LearningIncomplete(HOT_CACHE, event.pk)
    memory_services.event_learned_mark(event_pk=event.pk)
    return event.pk


def _run_learners(event, given: LearningInput) -> list[str]:
    done = list(event.learned)
    for learner in LEARNERS:
        if learner.name in done:
            continue
        if not learner.runs_for(given):
            done.append(learner.name)
            continue
        try:
            with transaction.atomic():
                learner.learn(given)
        except Exception as exc:  # counted and retried, the other learners go on
            logger.error("learner %s failed: %s", learner.name, type(exc).__name__)
            LEARNING.labels(learner=learner.name, result="failed").inc()
            continue
        LEARNING.labels(learner=learner.name, result="ok").inc()
        done.append(learner.name)
    return done


def _input_for(event) -> LearningInput:
    creator_id, fan_id = event.creator_id, event.fan_id
    message = target = None
    if event.type == "message":
        message = memory_selectors.message_of_event(creator_id=creator_id, event_id=event.event_id)
    elif event.type == "feedback":
        target = memory_selectors.message_of_event(creator_id=creator_id, event_id=event.about_event_id)
    return LearningInput(
        event=event, message=message, target=target,
        personalize=policy.personalization_on(creator_id=creator_id, fan_id=fan_id),
        calibrate=policy.calibration_on(creator_id=creator_id, fan_id=fan_id),
        engagement_level=lambda: (memory_selectors.fan_engagement(creator_id=creator_id, fan_id=fan_id)
                                  or {}).get("engagement_level"),
        fan_activity=lambda: memory_selectors.fan_activity(creator_id=creator_id, fan_id=fan_id),
        at_risk=lambda: bool(disengagement_for(creator_id=creator_id, fan_id=fan_id)),
        fan_timezone=lambda: fan_timezone(creator_id=creator_id, fan_id=fan_id),
        recent_categories=lambda: memory_selectors.recent_purchase_categories(
            creator_id=creator_id, fan_id=fan_id, before=event.occurred_at, within=GRIEVANCE_CATEGORY_WINDOW),
        outcome_excused=lambda: outcome_excuser(creator_id=creator_id, fan_id=fan_id)(
            event.outcome, target["at"] if target else event.occurred_at),
    )


def relearn(*, creator_id: str, fan_id: str, learners: set[str]) -> int:
    """Replay the fan's events through the named learners, oldest first, in the caller's transaction
    (after their rows were deleted: retention). Returns how many events were replayed."""
    events = memory_selectors.fan_events(creator_id=creator_id, fan_id=fan_id)
    for event in events:
        given = _input_for(event)
        for learner in LEARNERS:
            if learner.name in learners and learner.runs_for(given):
                learner.learn(given)
    return len(events)


def catch_up(*, event_pk: int, learner_name: str) -> bool:
    """Run one learner on a learned event it has not seen (a learner added later); False when the
    event is gone or that learner already learned it."""
    learner = next(learner for learner in LEARNERS if learner.name == learner_name)
    with transaction.atomic():
        event = memory_services.event_lock_missing(event_pk=event_pk, learner=learner_name)
        if event is None:
            return False
        learner.learn(_input_for(event))
        memory_services.event_learner_done(event=event, learner=learner_name)
    return True


def events_to_sweep() -> list[int]:
    """Events left unlearned (broker down at save time, worker killed, retries spent by a
    transient fault) for longer than the sweep waits, and not given up on."""
    older_than = timezone.now() - timedelta(seconds=settings.FANMEMORY["LEARN_SWEEP_AFTER_SECONDS"])
    return memory_selectors.unlearned_events(before=older_than, max_attempts=settings.FANMEMORY["LEARN_MAX_ATTEMPTS"])
