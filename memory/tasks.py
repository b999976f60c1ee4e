from celery import shared_task

from .engagement import scores_refresh


@shared_task(ignore_result=True)
def refresh_engagement_scores() -> int:
    return scores_refresh()
