import json

from django.contrib import admin
from django.utils.html import format_html

from core.admin_base import ReadOnlyAdmin, dossier_link

from . import calibration
from .models import CreatorToneStats, PersonalityProfile
from .selectors import creator_population


def _evidence_field(name: str):
    def show(self, obj):
        state = obj.evidence if (obj.evidence or {}).get("version") else calibration.new_state()
        explained = calibration.explain(state, creator_population(obj.creator_id))[name]
        return format_html("<pre>{}</pre>", json.dumps(explained, ensure_ascii=False, indent=2))

    show.short_description = f"evidence: {name}"
    return show


EXPLAINED = ("tone", "emoji_frequency", "preferred_emojis", "message_length_preference", "punctuation_style",
             "response_speed", "confidence_score")


@admin.register(PersonalityProfile)
class PersonalityProfileAdmin(ReadOnlyAdmin):
    list_display = ("fan_id", "creator", "tone", "confidence_score", "interaction_count", "last_calibrated", dossier_link)
    list_filter = ("tone", "message_length_preference", "punctuation_style", "response_speed")
    search_fields = ("=fan_id", "=creator__id")
    fieldsets = [
        (None, {"fields": ("creator", "fan_id", "interaction_count", "last_calibrated")}),
        *[(field, {"fields": (field, f"evidence_{field}")}) for field in EXPLAINED],
    ]
    readonly_fields = [f"evidence_{field}" for field in EXPLAINED]

    evidence_tone = _evidence_field("tone")
    evidence_emoji_frequency = _evidence_field("emoji_frequency")
    evidence_preferred_emojis = _evidence_field("preferred_emojis")
    evidence_message_length_preference = _evidence_field("message_length_preference")
    evidence_punctuation_style = _evidence_field("punctuation_style")
    evidence_response_speed = _evidence_field("response_speed")
    evidence_confidence_score = _evidence_field("confidence_score")


@admin.register(CreatorToneStats)
class CreatorToneStatsAdmin(ReadOnlyAdmin):
    list_display = ("creator", "tone", "successes", "failures", "updated_at")
    list_filter = ("tone",)
    search_fields = ("=creator__id",)
