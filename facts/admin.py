"""Admin of the facts app. Values and note texts are personal data: they are read through the audited
fan lookup of the gdpr admin, as messages are; here staff see kinds, sources, flags and segments."""
from django.contrib import admin, messages

from core.admin_base import ReadOnlyAdmin, dossier_link, rows_accessed

from . import services
from .models import CreatorFactSettings, Fact, FanSegment, Flag, FlagStatus, Note


@admin.register(Fact)
class FactAdmin(ReadOnlyAdmin):
    list_display = ("kind", "fan_id", "creator", "source", "confidence", "event_id", "first_seen", "last_seen",
                    dossier_link)
    list_filter = ("kind", "source")
    search_fields = ("=fan_id", "=creator__id", "=event_id")
    fields = ("creator", "fan_id", "kind", "source", "confidence", "event_id", "first_seen", "last_seen")


@admin.register(Note)
class NoteAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "author", "created_at", dossier_link)
    list_filter = ("author",)
    search_fields = ("=fan_id", "=creator__id")
    fields = ("creator", "fan_id", "author", "created_at")


class OpenFlagFilter(admin.SimpleListFilter):
    """Open flags by default: a new under-18 or self-harm flag is the first thing staff see."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return (("open", "open"), ("resolved", "resolved"), ("all", "all"))

    def queryset(self, request, queryset):
        value = self.value() or "open"
        return queryset if value == "all" else queryset.filter(status=value)

    def choices(self, changelist):
        current = self.value() or "open"
        for value, label in self.lookup_choices:
            yield {"selected": current == value, "query_string": changelist.get_query_string({self.parameter_name: value}),
                   "display": label}


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("reason", "status", "fan_id", "creator", "event_id", "raised_at", "resolved_at", dossier_link)
    list_filter = (OpenFlagFilter, "reason")
    search_fields = ("=fan_id", "=creator__id", "=event_id")
    fields = ("creator", "fan_id", "reason", "status", "event_id", "raised_at", "resolved_at")
    ordering = ("-raised_at",)
    actions = ["resolve"]

    @admin.action(description="Resolve selected flags (reviewed by staff)")
    def resolve(self, request, queryset):
        flags = list(queryset.filter(status=FlagStatus.OPEN))
        for flag in flags:
            services.flag_resolve(creator_id=flag.creator_id, fan_id=flag.fan_id, flag_id=flag.id,
                                  resolved_by=f"staff:{request.user.get_username()}", why="reviewed in the admin")
            rows_accessed(request, self.model, "resolve", [flag])
        self.message_user(request, f"{len(flags)} flag(s) resolved.", messages.SUCCESS)


@admin.register(FanSegment)
class FanSegmentAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "lifecycle", "is_vip", "at_risk", "total_spent", "largest_purchase",
                    "offers_sent", "offers_bought", "last_active", "computed_at", dossier_link)
    list_filter = ("lifecycle", "is_vip", "at_risk")
    search_fields = ("=fan_id", "=creator__id")
    exclude = ("active_hours",)


@admin.register(CreatorFactSettings)
class CreatorFactSettingsAdmin(admin.ModelAdmin):
    list_display = ("creator", "handover_tip_amount")
    search_fields = ("=creator__id",)
