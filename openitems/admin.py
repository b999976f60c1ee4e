"""Admin of the open-items app. Summaries are the fan's words: they are read in the fan dossier
(fans.admin, audited); here staff see kinds, statuses and times."""
from django.contrib import admin

from core.admin_base import ReadOnlyAdmin, dossier_link

from .models import OpenItem


@admin.register(OpenItem)
class OpenItemAdmin(ReadOnlyAdmin):
    list_display = ("kind", "status", "fan_id", "creator", "category", "event_id", "since", "closed_at", "closed_by",
                    dossier_link)
    list_filter = ("status", "kind")
    search_fields = ("=fan_id", "=creator__id", "=event_id")
    fields = ("creator", "fan_id", "kind", "status", "category", "event_id", "since", "closed_at", "closed_by")
    ordering = ("-since",)
