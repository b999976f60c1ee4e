"""The recall index: one entry per saved message, holding no text.

`terms` are the message's stemmed words (and its sender's name) as keyed hashes, 4 bytes each, in
order: equal words give equal hashes under one key, and nothing in the row reads back as a word.
`vector` is the message's meaning (recall.embedding), int8, turned by a rotation of the same key.
`key_id` names that key, so queries can still be matched while an old key is rotated out.
"""
from django.db import models


class IndexEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    event_id = models.CharField(max_length=128)
    sender = models.CharField(max_length=10)
    occurred_at = models.DateTimeField()
    key_id = models.CharField(max_length=8)
    terms = models.BinaryField()
    vector = models.BinaryField(default=b"")  # empty for entries indexed before vectors: lexical only

    class Meta:
        db_table = "recall_index_entries"
        constraints = [models.UniqueConstraint(fields=["creator", "event_id"], name="recall_entry_unique")]
        indexes = [models.Index(fields=["creator", "fan_id", "occurred_at"], name="recall_entry_fan_time")]
