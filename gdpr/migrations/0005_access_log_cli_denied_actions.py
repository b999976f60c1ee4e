# The access log records command-line access (no staff user), refused attempts and more actions.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gdpr', '0004_alter_consent_creator_alter_consentchange_creator_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='accesslog',
            name='denied',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='accesslog',
            name='via',
            field=models.CharField(default='admin', max_length=100),
        ),
        migrations.AlterField(
            model_name='accesslog',
            name='action',
            field=models.CharField(choices=[('search', 'Search'), ('view', 'View'), ('note', 'Note'), ('resolve', 'Resolve'), ('export', 'Export'), ('erase', 'Erase')], max_length=10),
        ),
        migrations.AlterField(
            model_name='accesslog',
            name='staff',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
    ]
