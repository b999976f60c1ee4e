from django.contrib import admin

from core.admin_base import ReadOnlyAdmin, dossier_link

from .models import CategoryPopularity, FanPreferences


@admin.register(FanPreferences)
class FanPreferencesAdmin(ReadOnlyAdmin):
    """Learned data only: written by the learner, erased through the API (GDPR)."""

    list_display = ("fan_id", "creator", "evidence_count", "last_updated", dossier_link)
    search_fields = ("=fan_id", "=creator__id")
    fields = ("creator", "fan_id", "evidence_count", "content_preferences", "topic_interests", "purchase_patterns",
              "communication_preferences", "last_updated")


@admin.register(CategoryPopularity)
class CategoryPopularityAdmin(ReadOnlyAdmin):
    list_display = ("category", "creator", "purchases", "priced_purchases", "updated_at")
    search_fields = ("=creator__id", "category")
    fields = ("creator", "category", "purchases", "priced_purchases", "updated_at")
