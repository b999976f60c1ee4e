from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.beat import every

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION gdpr_access_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'gdpr_access_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER gdpr_access_log_append_only BEFORE UPDATE OR DELETE ON gdpr_access_log
FOR EACH ROW EXECUTE FUNCTION gdpr_access_log_append_only();
"""
DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS gdpr_access_log_append_only ON gdpr_access_log;
DROP FUNCTION IF EXISTS gdpr_access_log_append_only();
"""

GROUPS = {
    "support": ["read_fan_memory", "view_creator", "view_fanmemory", "view_engagementmetrics"],
    "gdpr admin": ["read_fan_memory", "export_fan_data", "erase_fan_data", "view_accesslog", "view_creator",
                   "view_fanmemory", "view_engagementmetrics", "view_erasurerequest", "view_retentionrun"],
}
def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.add(*permission_model.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("gdpr", "0002_consent_erasure_retention_access_log"),
        ("memory", "0002_schedule_engagement_refresh"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunSQL(APPEND_ONLY, DROP_APPEND_ONLY),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        every("gdpr: retry erasures and watch deadlines", "gdpr.tasks.retry_erasures", 5, "minutes"),
        every("gdpr: delete memories past retention", "gdpr.tasks.cleanup_old_memories", 1, "days"),
    ]
