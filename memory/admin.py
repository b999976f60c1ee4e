from django.contrib import admin

from core.admin_base import ReadOnlyAdmin, dossier_link

from .engagement import HIGH, MEDIUM
from .models import EngagementMetrics, FanMemory


@admin.register(FanMemory)
class FanMemoryAdmin(ReadOnlyAdmin):
    """Message content is never shown here: staff read it through the audited fan lookup."""

    list_display = ("event_id", "creator", "fan_id", "sender", "sentiment", "created_at", dossier_link)
    list_filter = ("sender", "sentiment")
    ordering = ("-created_at",)
    search_fields = ("=fan_id", "=event_id", "=creator__id")
    fields = ("creator", "fan_id", "event_id", "sender", "sentiment", "topics", "created_at")
    date_hierarchy = "created_at"


class EngagementLevelFilter(admin.SimpleListFilter):
    title = parameter_name = "engagement level"

    def lookups(self, request, model_admin):
        return (("high", "high"), ("medium", "medium"), ("low", "low"))

    def queryset(self, request, queryset):
        ranges = {"high": {"engagement_score__gte": HIGH},
                  "medium": {"engagement_score__gte": MEDIUM, "engagement_score__lt": HIGH},
                  "low": {"engagement_score__lt": MEDIUM}}
        return queryset.filter(**ranges[self.value()]) if self.value() in ranges else queryset


class BuyerFilter(admin.SimpleListFilter):
    title, parameter_name = "purchases", "buyer"

    def lookups(self, request, model_admin):
        return (("yes", "has bought"), ("no", "never bought"))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(total_purchases__gt=0)
        return queryset.filter(total_purchases=0) if self.value() == "no" else queryset


@admin.register(EngagementMetrics)
class EngagementMetricsAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "engagement_score", "total_messages", "total_purchases", "total_revenue",
                    "last_interaction", dossier_link)
    list_filter = (EngagementLevelFilter, ("last_interaction", admin.DateFieldListFilter), BuyerFilter)
    search_fields = ("=fan_id", "=creator__id")
    ordering = ("-last_interaction",)
