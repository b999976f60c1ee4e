from django.db import migrations

from core.beat import every


class Migration(migrations.Migration):
    dependencies = [
        ("memory", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [every("memory: refresh engagement scores", "memory.tasks.refresh_engagement_scores", 1, "hours")]
