"""Tenancy: creators and their API keys; the service's rollout switches (core.rollout)."""
from django.core.validators import MaxValueValidator
from django.db import models

PLATFORM_ID_MAX = 255


class Creator(models.Model):
    id = models.CharField(primary_key=True, max_length=PLATFORM_ID_MAX)
    created_at = models.DateTimeField(auto_now_add=True)
    rollout_percent = models.PositiveSmallIntegerField(
        default=100, validators=[MaxValueValidator(100)],
        help_text="Share of this creator's fans (0-100) with personality calibration and recall on; "
                  "the others are served defaults.")

    class Meta:
        db_table = "creators"
        constraints = [models.CheckConstraint(condition=models.Q(rollout_percent__lte=100),
                                              name="creator_rollout_percent_max_100")]

    def __str__(self):
        return self.id


class ApiKey(models.Model):
    """Only a SHA-256 of the key is stored; the prefix finds it in the admin and for revocation."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey(Creator, on_delete=models.CASCADE, related_name="api_keys")
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "api_keys"

    def __str__(self):
        return f"{self.prefix}… ({self.creator_id})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None



class ServiceMode(models.Model):
    """The one row (id 1) of the service's mode, read by every process (core.rollout)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    read_only = models.BooleanField(default=False, help_text="Every API write answers 503 READ_ONLY; reads are served.")
    retry_after_seconds = models.PositiveIntegerField(default=60, help_text="The Retry-After of a refused write.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "service_mode"
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="service_mode_single_row")]

    def __str__(self):
        return "read-only" if self.read_only else "normal"
