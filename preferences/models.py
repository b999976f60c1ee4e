import uuid

from django.db import models
from django_cryptography.fields import encrypt


class FanPreferences(models.Model):
    """The seed's fan_preferences: learned tastes, interests and habits (all encrypted)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("memory.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    content_preferences = encrypt(models.JSONField(default=dict))
    topic_interests = encrypt(models.JSONField(default=dict))
    purchase_patterns = encrypt(models.JSONField(default=list))
    communication_preferences = encrypt(models.JSONField(default=dict))
    last_updated = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "fan_preferences"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id"], name="fan_preferences_unique")]
        verbose_name_plural = "fan preferences"

    def __str__(self):
        return f"preferences of a fan of {self.creator_id}"
