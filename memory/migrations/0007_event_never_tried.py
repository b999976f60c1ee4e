# Built concurrently: the events table keeps taking writes while it is built.
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("memory", "0006_event_waiting_for_recall"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="interactionevent",
            index=models.Index(condition=models.Q(("learn_attempts", 0), ("learned_at__isnull", True)),
                               fields=["received_at"], name="event_never_tried"),
        ),
    ]
