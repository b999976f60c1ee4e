"""Periodic tasks that data migrations register with django-celery-beat (visible in the admin)."""
from django.db import migrations


def every(name: str, task: str, interval: int, period: str) -> migrations.RunPython:
    """A migration operation that schedules `task` every `interval` `period`s (idempotent)."""

    def schedule(apps, schema_editor):
        interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
        schedule_row, _ = interval_model.objects.get_or_create(every=interval, period=period)
        apps.get_model("django_celery_beat", "PeriodicTask").objects.get_or_create(
            name=name, defaults={"task": task, "interval": schedule_row})

    def unschedule(apps, schema_editor):
        apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=name).delete()

    return migrations.RunPython(schedule, unschedule)


def retask(old_task: str, new_task: str) -> migrations.RunPython:
    """A migration operation that points the periodic tasks of `old_task` at `new_task` (moved code)."""

    def move(apps, schema_editor):
        apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=old_task).update(task=new_task)

    def back(apps, schema_editor):
        apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=new_task).update(task=old_task)

    return migrations.RunPython(move, back)
