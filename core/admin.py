from django.contrib import admin, messages

from .admin_base import ReadOnlyAdmin
from .models import ApiKey, Creator
from .services import api_key_revoke


@admin.register(Creator)
class CreatorAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at")
    search_fields = ("id",)
    readonly_fields = ("created_at",)


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
