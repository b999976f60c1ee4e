import uuid

from django.db import models
from django_cryptography.fields import encrypt


class EngagementLevel(models.TextChoices):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class EmotionalState(models.Model):
    """The seed's emotional_states: how a fan feels lately (history and emotions encrypted).

    `evidence` is the bounded record the state and the disengagement signals are computed from
    (emotions/state.py); `last_fan_message_at` stays plain so silent fans can be found by time.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    current_sentiment = models.CharField(max_length=10, default="neutral")
    sentiment_score = models.FloatField(default=0.0)
    sentiment_history = encrypt(models.JSONField(default=list))
    dominant_emotions = encrypt(models.JSONField(default=list))
    avoid_topics = encrypt(models.JSONField(default=list))
    engagement_level = models.CharField(max_length=10, choices=EngagementLevel.choices, default=EngagementLevel.MEDIUM)
    last_positive_interaction = models.DateTimeField(null=True, blank=True)
    last_negative_interaction = models.DateTimeField(null=True, blank=True)
    last_fan_message_at = models.DateTimeField(null=True, blank=True)
    evidence = encrypt(models.JSONField(default=dict))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "emotional_states"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id"], name="emotional_states_unique")]
        indexes = [models.Index(fields=["creator", "last_fan_message_at"], name="emotional_state_last_fan")]

    def __str__(self):
        return f"emotional state of a fan of {self.creator_id}"
