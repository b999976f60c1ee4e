from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("recall", "0003_index_entry_fan_stamp"),
    ]

    operations = [
        migrations.AddField(model_name="indexentry", name="speaker", field=models.BinaryField(default=b"")),
        # Entries saved before: 1 (they may have a vector; none has a speaker), so --stale re-indexes them.
        migrations.AddField(model_name="indexentry", name="format", field=models.PositiveSmallIntegerField(default=1),
                            preserve_default=False),
    ]
