"""What every app's admin shares."""
from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff look, services write: fan data changes through the API and GDPR erasure only."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
