"""Tenancy: creators and their API keys."""
from django.db import models

PLATFORM_ID_MAX = 255


class Creator(models.Model):
    id = models.CharField(primary_key=True, max_length=PLATFORM_ID_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "creators"

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

