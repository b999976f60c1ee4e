from django.contrib import admin, messages

from config.admin_base import ReadOnlyAdmin

from .models import ApiKey, Creator, EngagementMetrics, FanMemory
from .services import api_key_revoke


@admin.register(Creator)
class CreatorAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at")
    search_fields = ("id",)
    readonly_fields = ("created_at",)


@admin.register(ApiKey)
class ApiKeyAdmin(ReadOnlyAdmin):
    """Keys are created by `manage.py create_api_key`; the admin never shows a key or its hash."""

    list_display = ("prefix", "creator", "created_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "creator__id")
    fields = ("prefix", "creator", "created_at", "revoked_at")
    actions = ["revoke"]

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset):
        revoked = sum(api_key_revoke(prefix=key.prefix) for key in queryset)
        self.message_user(request, f"{revoked} key(s) revoked.", messages.SUCCESS)


@admin.register(FanMemory)
class FanMemoryAdmin(ReadOnlyAdmin):
    """Message content is never shown here: staff read it through the audited fan lookup."""

    list_display = ("event_id", "creator", "fan_id", "sender", "sentiment", "created_at")
    list_filter = ("sender", "sentiment")
    search_fields = ("=fan_id", "=event_id", "=creator__id")
    fields = ("creator", "fan_id", "event_id", "sender", "sentiment", "topics", "created_at")
    date_hierarchy = "created_at"


@admin.register(EngagementMetrics)
class EngagementMetricsAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "engagement_score", "total_messages", "total_purchases", "total_revenue",
                    "last_interaction")
    search_fields = ("=fan_id", "=creator__id")
