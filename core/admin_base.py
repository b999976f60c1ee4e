"""What every app's admin shares."""
from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff look, services write: fan data changes through the API and GDPR erasure only."""

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
