from django.contrib import admin, messages

from . import rollout
from .admin_base import ReadOnlyAdmin
from .models import ApiKey, Creator, ServiceMode
from .services import api_key_revoke


class SwitchAdmin(admin.ModelAdmin):
    """A rollout switch changed here is seen by this process at once, by the others within
    SWITCH_CACHE_SECONDS (core.rollout)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        rollout.forget()


@admin.register(Creator)
class CreatorAdmin(SwitchAdmin):
    list_display = ("id", "rollout_percent", "created_at")
    search_fields = ("id",)

    def get_readonly_fields(self, request, obj=None):
        return ("id", "created_at") if obj else ("created_at",)  # a changed id would be another creator


@admin.register(ServiceMode)
class ServiceModeAdmin(SwitchAdmin):
    list_display = ("__str__", "retry_after_seconds", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return not ServiceMode.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(ReadOnlyAdmin):
    """Keys are created by `manage.py create_api_key`; the admin never shows a key or its hash."""

    list_display = ("prefix", "creator", "created_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "creator__id")
    fields = ("prefix", "creator", "created_at", "revoked_at")
    actions = ["revoke"]

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset):
        revoked = sum(api_key_revoke(prefix=key.prefix) for key in queryset)
        self.message_user(request, f"{revoked} key(s) revoked.", messages.SUCCESS)
