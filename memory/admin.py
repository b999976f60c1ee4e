from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import EngagementMetrics, FanMemory


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
