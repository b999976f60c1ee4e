"""Consent, erasure requests with their proof, retention runs and the staff access log.

None of these tables keeps a fan id in clear once its work is done: fans are referred to by
`fan_ref`, a keyed hash (core.refs.fan_ref), so the proofs and the audit trail survive erasure.
"""
import uuid

from django.conf import settings
from django.db import models
from django_cryptography.fields import encrypt


class Purpose(models.TextChoices):
    MEMORY = "memory"
    PERSONALIZATION = "personalization"
    ANALYTICS = "analytics"


class Consent(models.Model):
    """The current consent of a fan for one purpose (absent = granted, the documented default)."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    granted = models.BooleanField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "gdpr_consents"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id", "purpose"], name="consent_unique")]
        indexes = [models.Index(fields=["creator", "purpose", "granted"], name="consent_creator_purpose")]

    def __str__(self):
        return f"{self.purpose} consent"


class ConsentChange(models.Model):
    """Every change of consent: the history the contract returns."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    granted = models.BooleanField()
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "gdpr_consent_changes"
        indexes = [models.Index(fields=["creator", "fan_id", "changed_at"], name="consent_change_fan")]

    def __str__(self):
        return f"{self.purpose} {'granted' if self.granted else 'withdrawn'}"


class ErasureStatus(models.TextChoices):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ErasureRequest(models.Model):
    """A request to forget a fan, and its proof (counts only). The fan id is kept encrypted only
    until the work is done, so a failed attempt can be retried; then only the hash remains."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_ref = models.CharField(max_length=64, db_index=True)
    pending_fan_id = encrypt(models.CharField(max_length=255, null=True, blank=True))
    status = models.CharField(max_length=10, choices=ErasureStatus.choices, default=ErasureStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.CharField(max_length=150, default="api")
    proof = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "gdpr_erasure_requests"
        indexes = [models.Index(fields=["status", "deadline"], name="erasure_status_deadline")]

    def __str__(self):
        return f"erasure {self.id} ({self.status})"


class RetentionRun(models.Model):
    id = models.BigAutoField(primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    cutoff = models.DateTimeField()
    dry_run = models.BooleanField(default=False)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "gdpr_retention_runs"

    def __str__(self):
        return f"retention run {self.started_at:%Y-%m-%d %H:%M}"


class AccessAction(models.TextChoices):
    SEARCH = "search"  # a fan looked up, or the fan's messages searched
    VIEW = "view"
    NOTE = "note"
    RESOLVE = "resolve"  # a hand-over flag resolved, or an open item closed
    EXPORT = "export"
    ERASE = "erase"


class AccessLog(models.Model):
    """Append-only record of staff access to fan data (a database trigger refuses changes): each
    admin page, search, note, export and erasure, each refused attempt, each command-line export
    and purge (`staff` empty, `via` naming the command and the operating-system user)."""

    id = models.BigAutoField(primary_key=True)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                              blank=True)
    via = models.CharField(max_length=100, default="admin")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=10, choices=AccessAction.choices)
    denied = models.BooleanField(default=False)
    creator_id = models.CharField(max_length=255)
    fan_ref = models.CharField(max_length=64)
    reason = models.CharField(max_length=200)

    class Meta:
        db_table = "gdpr_access_log"
        ordering = ["-at"]
        indexes = [models.Index(fields=["creator_id", "fan_ref"], name="access_log_fan")]
        permissions = [
            ("read_fan_memory", "Can read a fan's memory, giving a reason"),
            ("export_fan_data", "Can export a fan's data from the admin"),
            ("erase_fan_data", "Can erase a fan's data from the admin"),
        ]

    def __str__(self):
        return f"{self.action} by {self.staff_id or self.via} at {self.at:%Y-%m-%d %H:%M}"
