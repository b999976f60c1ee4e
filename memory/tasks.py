from celery import shared_task

from .learning import learn_from_event_now


@shared_task(ignore_result=True, acks_late=True)
def learn_from_event(event_pk: int) -> None:
    learn_from_event_now(event_pk)
