"""Open items of a fan: complaints, refund requests, content problems, unanswered questions and
things to ask about later, each open until the creator, staff or a later message closes it.

The summary (the fan's words) and the follow-up's subject are encrypted at rest; kind, status,
category, ids and times stay plain and indexed (creator and fan first). `slot` keeps one open item
per follow-up subject (a keyed hash of it) and per event.
"""
import uuid

from django.db import models
from django_cryptography.fields import encrypt

from .detection import KINDS


class ItemStatus(models.TextChoices):
    OPEN = "open"
    CLOSED = "closed"


class OpenItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=24, choices=[(kind, kind) for kind in KINDS])
    slot = models.CharField(max_length=128, blank=True, default="")
    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.OPEN)
    summary = encrypt(models.TextField())
    subject = encrypt(models.CharField(max_length=32, blank=True, default=""))
    category = models.CharField(max_length=64, blank=True, default="")  # of the content complained about
    event_id = models.CharField(max_length=128, blank=True, default="")
    since = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.CharField(max_length=150, blank=True, default="")  # "creator", "staff:<user>", "message"
    closed_event_id = models.CharField(max_length=128, blank=True, default="")

    class Meta:
        db_table = "fan_open_items"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id", "kind", "slot"],
                                               condition=models.Q(status="open"), name="open_item_one_per_slot")]
        indexes = [models.Index(fields=["creator", "fan_id", "status", "since"], name="open_item_fan_status")]

    def __str__(self):
        return f"{self.kind} ({self.status}) of a fan of {self.creator_id}"
