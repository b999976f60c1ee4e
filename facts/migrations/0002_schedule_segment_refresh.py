from django.db import migrations

from core.beat import every


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [every("facts: refresh lifecycle segments", "facts.tasks.refresh_segments", 1, "hours")]
