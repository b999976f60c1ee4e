# The rollout switches (core.rollout): the service mode's one row and each creator's share.

import django.core.validators
from django.db import migrations, models


def create_the_mode_row(apps, schema_editor):
    apps.get_model("core", "ServiceMode").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ServiceMode',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, editable=False, primary_key=True, serialize=False)),
                ('read_only', models.BooleanField(default=False, help_text='Every API write answers 503 READ_ONLY; reads are served.')),
                ('retry_after_seconds', models.PositiveIntegerField(default=60, help_text='The Retry-After of a refused write.')),
                ('updated_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'db_table': 'service_mode',
            },
        ),
        migrations.AddField(
            model_name='creator',
            name='rollout_percent',
            field=models.PositiveSmallIntegerField(default=100, help_text="Share of this creator's fans (0-100) with personality calibration and recall on; the others are served defaults.", validators=[django.core.validators.MaxValueValidator(100)]),
        ),
        migrations.AddConstraint(
            model_name='creator',
            constraint=models.CheckConstraint(condition=models.Q(('rollout_percent__lte', 100)), name='creator_rollout_percent_max_100'),
        ),
        migrations.AddConstraint(
            model_name='servicemode',
            constraint=models.CheckConstraint(condition=models.Q(('id', 1)), name='service_mode_single_row'),
        ),
        migrations.RunPython(create_the_mode_row, migrations.RunPython.noop),
    ]
