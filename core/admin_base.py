"""What every app's admin shares."""
from urllib.parse import urlencode

from django.contrib import admin
from django.dispatch import Signal
from django.urls import reverse
from django.utils.html import format_html

# Sent with `request`, `action` ("view" or "resolve") and `fans`, a set of (creator_id, fan_id), when
# an admin page shows or changes fans' rows: the coordinator writes it to the access log (fans.admin).
fan_rows_accessed = Signal()


def rows_accessed(request, model, action: str, rows) -> None:
    fans = {(row.creator_id, row.fan_id) for row in rows if hasattr(row, "fan_id")}
    if fans:
        fan_rows_accessed.send(sender=model, request=request, action=action, fans=fans)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff look, services write: fan data changes through the API and GDPR erasure only. Each
    list or detail page showing rows with a `fan_id` is reported (fan_rows_accessed) for the
    access log; the access log's own rows name fans only by a keyed hash and are not reported."""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            rows_accessed(request, self.model, "view", changelist.result_list)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = getattr(response, "context_data", {}).get("original")
        if shown is not None:
            rows_accessed(request, self.model, "view", [shown])
        return response

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.display(description="Fan dossier")
def dossier_link(row) -> str:
    """A row's fan, opened in the fan dossier (fans.admin; the reason is asked there)."""
    query = urlencode({"creator_id": row.creator_id, "fan_id": row.fan_id})
    return format_html('<a href="{}?{}">Fan dossier</a>', reverse("fan-lookup"), query)
