from celery import shared_task

from . import services


@shared_task(ignore_result=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def run_erasure(request_id) -> None:
    services.erasure_run(request_id=request_id)


@shared_task(ignore_result=True)
def retry_erasures() -> None:
    services.erasures_retry()

