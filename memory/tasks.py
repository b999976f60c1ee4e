from celery import shared_task

from .learning import learn_from_event_now


@shared_task(ignore_result=True, acks_late=True)
def learn_from_event(event_pk: int) -> None:
    learn_from_event_now(event_pk)


@shared_task(ignore_result=True)
def refresh_engagement_scores() -> int:
    from .engagement import scores_refresh

    return scores_refresh()
