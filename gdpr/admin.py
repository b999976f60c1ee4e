"""The GDPR records in the admin: access log, erasure requests, retention runs (read-only)."""
import re

from django.contrib import admin

from core.admin_base import ReadOnlyAdmin
from core.refs import fan_ref
from core.validators import PLATFORM_ID_PATTERN

from .models import AccessLog, ErasureRequest, RetentionRun

PLATFORM_ID_REGEX = re.compile(PLATFORM_ID_PATTERN)


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    """Searchable by fan id: the log keeps only a keyed hash of (creator, fan), so the term is hashed
    the same way with each creator of the log."""

    list_display = ("at", "staff", "via", "action", "denied", "creator_id", "fan", "reason")
    list_filter = ("action", "denied")
    search_fields = ("creator_id", "reason", "staff__username")
    search_help_text = "A fan id, a creator id, a reason (ticket) or a staff name."

    @admin.display(description="fan (hash)", ordering="fan_ref")
    def fan(self, entry):
        return f"{entry.fan_ref[:10]}…"

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term and PLATFORM_ID_REGEX.fullmatch(term):
            creators = AccessLog.objects.values_list("creator_id", flat=True).distinct()
            found = found | queryset.filter(fan_ref__in=[fan_ref(creator, term) for creator in creators])
        return found, duplicates


@admin.register(ErasureRequest)
class ErasureRequestAdmin(ReadOnlyAdmin):
    list_display = ("id", "creator", "status", "requested_at", "deadline", "completed_at", "attempts", "requested_by")
    list_filter = ("status",)
    exclude = ("pending_fan_id",)


@admin.register(RetentionRun)
class RetentionRunAdmin(ReadOnlyAdmin):
    list_display = ("started_at", "finished_at", "cutoff", "dry_run", "counts")
