from celery import shared_task

from . import learning, maintenance


@shared_task(ignore_result=True, acks_late=True, autoretry_for=(learning.LearningIncomplete,), retry_backoff=2,
             retry_backoff_max=300, retry_jitter=True, max_retries=8)
def learn(event_pk: int) -> str:
    return learning.learn_event(event_pk)


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
