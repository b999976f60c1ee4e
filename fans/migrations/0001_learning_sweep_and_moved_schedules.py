from django.db import migrations

from core.beat import every, retask


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0002_schedule_segment_refresh"),
        ("gdpr", "0003_access_log_append_only_groups_schedules"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        every("fans: learn events left unlearned", "fans.tasks.sweep_unlearned", 1, "minutes"),
        retask("facts.tasks.refresh_segments", "fans.tasks.refresh_segments"),
        retask("gdpr.tasks.cleanup_old_memories", "fans.tasks.cleanup_old_memories"),
    ]
