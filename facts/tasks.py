from celery import shared_task


@shared_task(ignore_result=True)
def refresh_segments() -> int:
    from .services import segments_refresh_all

    return segments_refresh_all()
