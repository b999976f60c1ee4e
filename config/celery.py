import os
import time

from celery import Celery, signals
from prometheus_client import multiprocess

from core.metrics import TASK_RETRIES, TASK_SECONDS, serve_worker_metrics

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("fanmemory")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# A publish refused by the broker is tried once more, at once, then left to the sweep (fans.actions);
# the timeouts that bound each try are CELERY_BROKER_TRANSPORT_OPTIONS in the settings.
app.conf.task_publish_retry_policy = {"max_retries": 1, "interval_start": 0, "interval_step": 0, "interval_max": 0}


# Metrics of the worker (core.metrics): every task's run time and outcome, its retries, and the
# counters the tasks bump (learning, calibrations, errors), served on WORKER_METRICS_BIND.
_started: dict[str, float] = {}


@signals.task_prerun.connect
def _task_started(task_id, task, **kwargs):
    _started[task_id] = time.monotonic()


@signals.task_postrun.connect
def _task_ended(task_id, task, state=None, **kwargs):
    started = _started.pop(task_id, None)
    if started is not None:
        TASK_SECONDS.labels(task=task.name, state=state or "UNKNOWN").observe(time.monotonic() - started)


@signals.task_retry.connect
def _task_retried(sender=None, **kwargs):
    TASK_RETRIES.labels(task=sender.name).inc()


@signals.worker_init.connect
def _serve_metrics(**kwargs):
    from django.conf import settings

    if settings.WORKER_METRICS_BIND:
        serve_worker_metrics(settings.WORKER_METRICS_BIND, settings.METRICS_TOKEN)


@signals.worker_process_shutdown.connect
def _forget_process(pid=None, **kwargs):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid or os.getpid())
