from celery import shared_task
from django.conf import settings

from . import learning, maintenance


@shared_task(ignore_result=True, acks_late=True, autoretry_for=(learning.LearningIncomplete,), retry_backoff=2,
             retry_backoff_max=300, retry_jitter=True, max_retries=8)
def learn(event_pk: int) -> str:
    return learning.learn_event(event_pk)


@shared_task(ignore_result=True, acks_late=True)
def learn_new() -> int:
    """Woken by saves: learn what was saved (the database is the queue). An event that fails goes
    to `learn`, with its backoff; past the batch, a new wake-up takes the rest."""
    runs = learning.learn_new_events(budget=settings.FANMEMORY["LEARN_BATCH"],
                                     on_failure=lambda event_pk: learn.apply_async((event_pk,), countdown=2))
    if runs == settings.FANMEMORY["LEARN_BATCH"]:
        learn_new.delay()
    return runs


@shared_task(ignore_result=True)
def sweep_unlearned() -> int:
    """Beat: hand every event left unlearned to learning again; returns how many."""
    events = learning.events_to_sweep()
    for event_pk in events:
        learn.delay(event_pk)
    return len(events)


@shared_task(ignore_result=True)
def refresh_segments() -> int:
    return maintenance.segments_refresh()


@shared_task(ignore_result=True)
def cleanup_old_memories() -> dict:
    return maintenance.retention_run().counts
