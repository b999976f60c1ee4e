import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django_cryptography.fields import encrypt

from .calibration import DEFAULT_ENABLED_TONES


class Tone(models.TextChoices):
    FLIRTY = "flirty"
    FRIENDLY = "friendly"
    PROFESSIONAL = "professional"
    PLAYFUL = "playful"
    DOMINANT = "dominant"


class LengthPreference(models.TextChoices):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class PunctuationStyle(models.TextChoices):
    CASUAL = "casual"
    PROPER = "proper"


class ResponseSpeed(models.TextChoices):
    IMMEDIATE = "immediate"
    DELAYED = "delayed"
    VARIABLE = "variable"


class PersonalityProfile(models.Model):
    """The seed's personality_profiles: the style that works with one fan of one creator."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    tone = models.CharField(max_length=20, choices=Tone.choices, default=Tone.FRIENDLY)
    emoji_frequency = models.DecimalField(max_digits=3, decimal_places=2, default=0.5)
    message_length_preference = models.CharField(
        max_length=10, choices=LengthPreference.choices, default=LengthPreference.MEDIUM
    )
    punctuation_style = models.CharField(max_length=10, choices=PunctuationStyle.choices, default=PunctuationStyle.CASUAL)
    preferred_emojis = encrypt(models.JSONField(default=list))
    mood_emojis = encrypt(models.JSONField(default=list))
    response_speed = models.CharField(max_length=20, choices=ResponseSpeed.choices, default=ResponseSpeed.VARIABLE)
    confidence_score = models.DecimalField(max_digits=3, decimal_places=2, default=0.0)
    interaction_count = models.PositiveIntegerField(default=0)
    last_calibrated = models.DateTimeField(null=True, blank=True)
    # Learning state (style statistics, tone posteriors): personal, so encrypted.
    evidence = encrypt(models.JSONField(default=dict))

    class Meta:
        db_table = "personality_profiles"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id"], name="personality_profiles_unique")]

    def __str__(self):
        return f"personality of a fan of {self.creator_id}"


class CreatorToneStats(models.Model):
    """Tone outcomes summed over all fans of one creator: the population prior a new fan starts from.

    An aggregate of many fans with no fan id; updated O(1) per feedback (F() increments)."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    tone = models.CharField(max_length=20, choices=Tone.choices)
    successes = models.FloatField(default=0.0)
    failures = models.FloatField(default=0.0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "personality_creator_tones"
        constraints = [models.UniqueConstraint(fields=["creator", "tone"], name="personality_creator_tone_unique")]
        verbose_name = "creator tone statistics"
        verbose_name_plural = "creator tone statistics"

    def __str__(self):
        return f"{self.tone} with the fans of {self.creator_id}"


def default_enabled_tones() -> list[str]:
    return list(DEFAULT_ENABLED_TONES)


class CreatorTones(models.Model):
    """The tones a creator lets the assistant serve (and so explore) with its fans. No row: every
    tone but `dominant`, which a creator must switch on."""

    creator = models.OneToOneField("core.Creator", on_delete=models.CASCADE, primary_key=True)
    enabled_tones = ArrayField(models.CharField(max_length=20, choices=Tone.choices), default=default_enabled_tones,
                               help_text="The tones served to this creator's fans; at least one.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "personality_creator_settings"
        verbose_name = "creator's tones"
        verbose_name_plural = "creators' tones"
        constraints = [models.CheckConstraint(condition=models.Q(enabled_tones__len__gte=1),
                                              name="personality_creator_tones_not_empty")]

    def __str__(self):
        return f"tones of {self.creator_id}"
