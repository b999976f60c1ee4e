"""The message store: interaction events, fan memories and engagement metrics.

Ids, timestamps, enums and amounts are plain indexed columns; message content, metadata and
analyses are encrypted at rest with django-cryptography (they support no lookups).
Every table leads its keys with the creator, so it can be partitioned by creator later.
"""
import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django_cryptography.fields import encrypt

from core.models import PLATFORM_ID_MAX, Creator


class EventType(models.TextChoices):
    MESSAGE = "message"
    PURCHASE = "purchase"
    FEEDBACK = "feedback"


class Sender(models.TextChoices):
    FAN = "fan"
    CREATOR = "creator"
    AI = "ai"


class Sentiment(models.TextChoices):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"


class PurchaseKind(models.TextChoices):
    PPV = "ppv"
    TIP = "tip"
    CUSTOM = "custom"
    SUBSCRIPTION = "subscription"


class FeedbackOutcome(models.TextChoices):
    REPLIED = "replied"
    IGNORED = "ignored"
    PURCHASED = "purchased"
    POSITIVE = "positive"
    NEGATIVE = "negative"


RECALL_LEARNER = "recall"  # fans.learning's name of the learner that indexes messages


class InteractionEvent(models.Model):
    """Every accepted event, keyed by the client's event_id: the idempotency record.

    `response` is the answer given the first time, replayed on an identical retry.
    Purchases and feedback live here for the learning apps.
    """

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey(Creator, on_delete=models.CASCADE, db_constraint=True)
    fan_id = models.CharField(max_length=PLATFORM_ID_MAX)
    event_id = models.CharField(max_length=128)
    type = models.CharField(max_length=10, choices=EventType.choices)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    body_hash = models.CharField(max_length=64)
    purchase_kind = models.CharField(max_length=12, choices=PurchaseKind.choices, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    content_id = models.CharField(max_length=PLATFORM_ID_MAX, blank=True)
    category = models.CharField(max_length=64, blank=True)
    about_event_id = models.CharField(max_length=128, blank=True)
    outcome = models.CharField(max_length=10, choices=FeedbackOutcome.choices, blank=True)
    metadata = encrypt(models.JSONField(default=dict))
    response = encrypt(models.JSONField(default=dict))
    # Learning (fans.learning): the learners done so far, how many runs, when it was all done.
    learned = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    learn_attempts = models.PositiveSmallIntegerField(default=0)
    learned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "interaction_events"
        constraints = [
            models.UniqueConstraint(fields=["creator", "event_id"], name="interaction_event_unique"),
        ]
        indexes = [
            models.Index(fields=["creator", "fan_id", "occurred_at"], name="event_creator_fan_time"),
            models.Index(fields=["received_at"], name="event_unlearned", condition=models.Q(learned_at__isnull=True)),
            # The learning queue (fans.learning.learn_new_events) claims from this one: it holds only
            # the events no run has tried, not those waiting for a retry or given up.
            models.Index(fields=["received_at"], name="event_never_tried",
                         condition=models.Q(learned_at__isnull=True, learn_attempts=0)),
            # The recall endpoint's `pending` count reads this index alone: it holds only the few
            # messages not yet indexed, so the count costs the same for a fan of any history.
            models.Index(fields=["creator", "fan_id"], name="event_waiting_for_recall",
                         condition=models.Q(type="message") & ~models.Q(learned__contains=[RECALL_LEARNER])),
        ]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class FanMemory(models.Model):
    """One message of a conversation (the seed's fan_memories)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey(Creator, on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=PLATFORM_ID_MAX)
    event_id = models.CharField(max_length=128)
    seq = models.PositiveIntegerField(null=True)  # the message's number in the fan's history (1, 2, ...)
    sender = models.CharField(max_length=10, choices=Sender.choices)
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices, null=True, blank=True)
    topics = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    message_content = encrypt(models.TextField())
    metadata = encrypt(models.JSONField(default=dict))
    analysis = encrypt(models.JSONField(default=dict))
    created_at = models.DateTimeField()

    class Meta:
        db_table = "fan_memories"
        constraints = [
            models.UniqueConstraint(fields=["creator", "event_id"], name="fan_memory_event_unique"),
        ]
        indexes = [
            models.Index(fields=["creator", "fan_id", "-created_at"], name="memory_creator_fan_time"),
            models.Index(fields=["-created_at"], name="memory_created_at"),
            # The analysis columns the assistant and analytics filter on: "negative messages", "about gym".
            models.Index(fields=["creator", "sentiment", "-created_at"], name="memory_creator_sentiment"),
            GinIndex(fields=["topics"], name="memory_topics"),
        ]
        verbose_name = "fan memory"
        verbose_name_plural = "fan memories"

    def __str__(self):
        return f"{self.sender} message {self.event_id}"


class EngagementMetrics(models.Model):
    """Running totals per fan, updated in the transaction of each event. A row = a fan with memory."""

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey(Creator, on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=PLATFORM_ID_MAX)
    engagement_score = models.DecimalField(max_digits=3, decimal_places=2, default=0.5)
    total_messages = models.PositiveIntegerField(default=0)
    fan_messages = models.PositiveIntegerField(default=0)
    total_purchases = models.PositiveIntegerField(default=0)
    total_revenue = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    avg_response_time_seconds = models.PositiveIntegerField(null=True, blank=True)
    response_samples = models.PositiveIntegerField(default=0)
    timed_replies = models.PositiveIntegerField(default=0)  # the replies averaged: within a session
    awaiting_reply_since = models.DateTimeField(null=True, blank=True)
    first_interaction = models.DateTimeField(null=True, blank=True)
    last_interaction = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "engagement_metrics"
        constraints = [
            models.UniqueConstraint(fields=["creator", "fan_id"], name="engagement_metrics_unique"),
        ]
        indexes = [
            models.Index(fields=["creator", "-engagement_score"], name="engagement_creator_score"),
            models.Index(fields=["creator", "-last_interaction"], name="engagement_creator_last"),
        ]
        verbose_name_plural = "engagement metrics"

    def __str__(self):
        return f"engagement of a fan of {self.creator_id}"
