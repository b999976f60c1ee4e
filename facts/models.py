"""Facts about a fan, notes by people, hand-over flags, lifecycle and spend segments.

Values, notes, history and flag details are encrypted at rest; kinds, sources, statuses, ids and
timestamps stay plain and indexed (creator and fan first) because encrypted columns support no
lookups. A multi-valued fact (pets, likes, events...) is told apart by `slot`, a keyed hash of
its normalised value: unique per fan without writing the value in clear.
"""
import uuid

from django.db import models
from django_cryptography.fields import encrypt

from .extraction.extractor import FLAG_REASONS, KINDS


class FactSource(models.TextChoices):
    EXTRACTED = "extracted"
    INFERRED = "inferred"
    CREATOR = "creator"
    STAFF = "staff"


HUMAN_SOURCES = (FactSource.CREATOR, FactSource.STAFF)


class Fact(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=[(kind, kind) for kind in KINDS])
    slot = models.CharField(max_length=32, blank=True, default="")
    value = encrypt(models.JSONField())
    confidence = models.FloatField(default=1.0)
    source = models.CharField(max_length=10, choices=FactSource.choices)
    event_id = models.CharField(max_length=128, blank=True, default="")
    # Earlier values, newest last: [{"value", "confidence", "source", "event_id", "until"}].
    history = encrypt(models.JSONField(default=list))
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "fan_facts"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id", "kind", "slot"], name="fan_fact_unique")]
        indexes = [models.Index(fields=["creator", "fan_id", "-last_seen"], name="fact_creator_fan_seen"),
                   models.Index(fields=["creator", "source"], name="fact_creator_source")]

    def __str__(self):
        return f"{self.kind} fact of a fan of {self.creator_id}"

    @property
    def is_human(self) -> bool:
        return self.source in HUMAN_SOURCES


class Note(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    text = encrypt(models.TextField())
    author = models.CharField(max_length=10, choices=[(s, s) for s in HUMAN_SOURCES], default=FactSource.CREATOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "fan_notes"
        indexes = [models.Index(fields=["creator", "fan_id", "-created_at"], name="note_creator_fan_time")]

    def __str__(self):
        return f"note on a fan of {self.creator_id}"


class FlagStatus(models.TextChoices):
    OPEN = "open"
    RESOLVED = "resolved"


class Flag(models.Model):
    """A hand-over to a human, raised by a message or a tip. One open flag per reason and fan."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    reason = models.CharField(max_length=20, choices=[(reason, reason) for reason in FLAG_REASONS])
    status = models.CharField(max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN)
    event_id = models.CharField(max_length=128, blank=True, default="")
    raised_at = models.DateTimeField()
    detail = encrypt(models.JSONField(default=dict))
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = encrypt(models.JSONField(default=dict))  # {"by", "why"}

    class Meta:
        db_table = "fan_flags"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id", "reason"], condition=models.Q(status="open"),
                                               name="fan_flag_one_open_per_reason")]
        indexes = [models.Index(fields=["creator", "fan_id", "status"], name="flag_creator_fan_status"),
                   models.Index(fields=["status", "reason", "-raised_at"], name="flag_status_reason_time")]

    def __str__(self):
        return f"{self.reason} flag ({self.status}) on a fan of {self.creator_id}"


class Lifecycle(models.TextChoices):
    NEW = "new"
    ACTIVE = "active"
    AT_RISK = "at_risk"
    CHURNED = "churned"
    WIN_BACK = "win_back"


class FanSegment(models.Model):
    """Spend figures and the timestamps the lifecycle is computed from (at read time, so it moves
    with the clock); `lifecycle` is the label as of `computed_at`, kept for filters and the admin."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    lifecycle = models.CharField(max_length=10, choices=Lifecycle.choices, default=Lifecycle.NEW)
    is_vip = models.BooleanField(default=False)
    at_risk = models.BooleanField(default=False)
    first_seen = models.DateTimeField(null=True, blank=True)
    last_active = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    total_spent = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    largest_purchase = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    # Purchases per ISO 4217 currency, decimal strings ({"USD": "12.99"}): total_spent adds them all.
    spent_by_currency = models.JSONField(default=dict)
    offers_sent = models.PositiveIntegerField(default=0)
    offers_bought = models.PositiveIntegerField(default=0)
    # Fan messages per UTC hour (24 counts), for the time zone inferred from active hours.
    active_hours = encrypt(models.JSONField(default=list))
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "fan_segments"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id"], name="fan_segment_unique")]
        indexes = [models.Index(fields=["creator", "lifecycle"], name="segment_creator_lifecycle"),
                   models.Index(fields=["creator", "-total_spent"], name="segment_creator_spent"),
                   models.Index(fields=["creator", "last_active"], name="segment_creator_active")]

    def __str__(self):
        return f"segment of a fan of {self.creator_id}"


class CreatorFactSettings(models.Model):
    """Per-creator settings of the facts app (no fan data)."""

    creator = models.OneToOneField("core.Creator", on_delete=models.CASCADE, primary_key=True)
    handover_tip_amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        db_table = "facts_creator_settings"
        verbose_name_plural = "creator fact settings"

    def __str__(self):
        return f"fact settings of {self.creator_id}"
