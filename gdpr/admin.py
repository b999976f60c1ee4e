"""The GDPR records in the admin: access log, erasure requests, retention runs (read-only)."""
from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import AccessLog, ErasureRequest, RetentionRun


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "staff", "action", "creator_id", "fan_ref", "reason")
    list_filter = ("action",)
    search_fields = ("creator_id", "fan_ref", "reason", "staff__username")


@admin.register(ErasureRequest)
class ErasureRequestAdmin(ReadOnlyAdmin):
    list_display = ("id", "creator", "status", "requested_at", "deadline", "completed_at", "attempts", "requested_by")
    list_filter = ("status",)
    exclude = ("pending_fan_id",)


@admin.register(RetentionRun)
class RetentionRunAdmin(ReadOnlyAdmin):
    list_display = ("started_at", "finished_at", "cutoff", "dry_run", "counts")
