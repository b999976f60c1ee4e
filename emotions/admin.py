"""The emotional states in the admin: levels and dates only; the history, emotions and evidence are
personal data, read through the audited fan dossier."""
from django.contrib import admin

from core.admin_base import ReadOnlyAdmin, dossier_link

from .models import EmotionalState


@admin.register(EmotionalState)
class EmotionalStateAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "current_sentiment", "sentiment_score", "engagement_level",
                    "last_fan_message_at", "updated_at", dossier_link)
    list_filter = ("current_sentiment", "engagement_level")
    search_fields = ("=fan_id", "=creator__id")
    fields = ("creator", "fan_id", "current_sentiment", "sentiment_score", "engagement_level",
              "last_positive_interaction", "last_negative_interaction", "last_fan_message_at", "updated_at")
    ordering = ("-updated_at",)
