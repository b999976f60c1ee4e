import json

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from core.admin_base import ReadOnlyAdmin, dossier_link

from . import calibration
from .models import CreatorTones, CreatorToneStats, PersonalityProfile, Tone
from .selectors import creator_population, enabled_tones
from .services import creator_tones_set


def _evidence_field(name: str):
    def show(self, obj):
        state = obj.evidence if (obj.evidence or {}).get("version") else calibration.new_state()
        prior = calibration.others(creator_population(obj.creator_id), state)
        explained = calibration.explain(state, prior, enabled_tones(obj.creator_id))[name]
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


class CreatorTonesForm(forms.ModelForm):
    enabled_tones = forms.MultipleChoiceField(choices=Tone.choices, widget=forms.CheckboxSelectMultiple,
                                              help_text="The tones served to this creator's fans; at least one. "
                                                        "Without a row: all but dominant.")

    class Meta:
        model = CreatorTones
        fields = ("creator", "enabled_tones")


@admin.register(CreatorTones)
class CreatorTonesAdmin(admin.ModelAdmin):
    """A creator's choice, not fan data: editable. Saved through the service, which forgets the
    cached profiles that may now serve another tone."""

    form = CreatorTonesForm
    list_display = ("creator", "enabled_tones", "updated_at")
    search_fields = ("=creator__id",)

    def get_readonly_fields(self, request, obj=None):
        return ("creator", "updated_at") if obj else ("updated_at",)

    def save_model(self, request, obj, form, change):
        creator_tones_set(creator_id=obj.creator_id, tones=form.cleaned_data["enabled_tones"])
