# Tenancy moves to core (state only: the tables stay); events get their learned state, messages
# their number in the fan's history. Existing events count as learned, existing messages are numbered.

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


NUMBER_MESSAGES = """
UPDATE fan_memories m SET seq = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY creator_id, fan_id ORDER BY created_at, id) AS n
      FROM fan_memories) numbered
WHERE m.id = numbered.id AND m.seq IS NULL
"""


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('emotions', '0003_alter_emotionalstate_creator'),
        ('facts', '0003_alter_creatorfactsettings_creator_alter_fact_creator_and_more'),
        ('gdpr', '0004_alter_consent_creator_alter_consentchange_creator_and_more'),
        ('memory', '0003_analysis_indexes'),
        ('personality', '0003_alter_creatortonestats_creator_and_more'),
        ('preferences', '0003_alter_categorypopularity_creator_and_more'),
    ]

    operations = [
        migrations.AlterField(
            model_name='interactionevent',
            name='creator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='core.creator'),
        ),
        migrations.AlterField(
            model_name='engagementmetrics',
            name='creator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='core.creator'),
        ),
        migrations.AlterField(
            model_name='fanmemory',
            name='creator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='core.creator'),
        ),
        migrations.AddField(
            model_name='fanmemory',
            name='seq',
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='interactionevent',
            name='learn_attempts',
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='interactionevent',
            name='learned',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=32), blank=True, default=list, size=None),
        ),
        migrations.AddField(
            model_name='interactionevent',
            name='learned_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name='interactionevent',
            index=models.Index(condition=models.Q(('learned_at__isnull', True)), fields=['received_at'], name='event_unlearned'),
        ),
        migrations.RunSQL(NUMBER_MESSAGES, migrations.RunSQL.noop),
        migrations.RunSQL("UPDATE interaction_events SET learned_at = received_at WHERE learned_at IS NULL",
                          migrations.RunSQL.noop),
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
            migrations.RemoveField(model_name='apikey', name='creator'),
            migrations.DeleteModel(name='ApiKey'),
            migrations.DeleteModel(name='Creator'),
        ]),
    ]
