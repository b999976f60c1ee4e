# Built concurrently: the events table keeps taking writes while it is built.
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("core", "0002_rollout_switches"),
        ("memory", "0005_engagementmetrics_timed_replies"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="interactionevent",
            index=models.Index(
                condition=models.Q(("type", "message"), models.Q(("learned__contains", ["recall"]), _negated=True)),
                fields=["creator", "fan_id"], name="event_waiting_for_recall"),
        ),
    ]
