import uuid

from django.db import models


class ErasureStatus(models.TextChoices):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ErasureRequest(models.Model):
    """A request to forget a fan, and its proof. Holds no personal data: the fan is kept only as
    a keyed hash, so the proof survives the erasure it proves."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("memory.Creator", on_delete=models.CASCADE)
    fan_ref = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=ErasureStatus.choices, default=ErasureStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    proof = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "gdpr_erasure_requests"
        indexes = [models.Index(fields=["status", "deadline"], name="erasure_status_deadline")]

    def __str__(self):
        return f"erasure {self.id} ({self.status})"
