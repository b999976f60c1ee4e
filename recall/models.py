"""The recall index: one entry per saved message, holding no text.

`terms` are the message's stemmed words (and its sender's name) as keyed hashes, 4 bytes each, in
order: equal words give equal hashes under one key, and nothing in the row reads back as a word.
`vector` is the message's meaning (recall.embedding), int8, turned by a rotation of the same key.
`speaker` is the sender's name (metadata.sender_name), its words hashed as the terms are, so a
query that names someone can favour what they wrote. `key_id` names that key, so queries can
still be matched while an old key is rotated out. `format` says what an entry holds (FORMAT now):
older entries are re-indexed by `manage.py reindex_memories --stale`.
"""
from django.db import models

FORMAT = 2  # 0: terms only; 1: terms and vector; 2: terms, vector and speaker


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
    speaker = models.BinaryField(default=b"")  # empty when the platform sent no sender name
    format = models.PositiveSmallIntegerField()

    class Meta:
        db_table = "recall_index_entries"
        constraints = [models.UniqueConstraint(fields=["creator", "event_id"], name="recall_entry_unique")]
        # (creator, fan, id): the count and highest id that stamp a fan's cached arrays, read from the index alone
        indexes = [models.Index(fields=["creator", "fan_id", "id"], name="recall_entry_fan_stamp")]
