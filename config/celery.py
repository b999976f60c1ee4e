import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("fanmemory")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# A broker that stops answering without closing the connection (a paused or partitioned Redis)
# must not hold a save: kombu's Redis transport waits forever by default. A publish gives up after
# its socket timeout, tried twice (once more on a fresh connection after a broker restart), and the
# event is left to the sweep (fans.actions). Kept here, next to the app, until the settings get
# CELERY_BROKER_TRANSPORT_OPTIONS.
app.conf.broker_transport_options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
app.conf.task_publish_retry_policy = {"max_retries": 1, "interval_start": 0, "interval_step": 0, "interval_max": 0}
