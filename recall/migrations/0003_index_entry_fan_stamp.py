# Built concurrently: a live index table keeps taking writes while it is built.
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("core", "0002_rollout_switches"),
        ("recall", "0002_index_entry_vector"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="indexentry",
            index=models.Index(fields=["creator", "fan_id", "id"], name="recall_entry_fan_stamp"),
        ),
        RemoveIndexConcurrently(model_name="indexentry", name="recall_entry_fan_time"),
    ]
