"""Writes of the recall index: one entry per saved message, after commit, through the learner list."""
from core import consent
from core.learning import LearningInput

from . import embedding, terms
from .models import FORMAT, IndexEntry


def learn(given: LearningInput) -> None:
    """Index the event's message (a no-op for purchases, feedback and withdrawn memory consent)."""
    message, event = given.message, given.event
    if message is None or not consent.allowed(creator_id=event.creator_id, fan_id=event.fan_id, purpose="memory"):
        return
    entry_save(creator_id=event.creator_id, fan_id=event.fan_id, message=message)


def entry_save(*, creator_id: str, fan_id: str, message: dict) -> None:
    sender_name = str((message.get("metadata") or {}).get("sender_name") or "")
    key_id = terms.key_ids()[0]
    hashed = terms.hashed(terms.words(f"{sender_name} {message['content']}"), key_id)
    vector = embedding.stored(f"{sender_name}: {message['content']}", key_id, creator_id)
    speaker = terms.hashed(terms.name_words(sender_name), key_id)
    entry = IndexEntry(creator_id=creator_id, event_id=message["event_id"], fan_id=fan_id, sender=message["sender"],
                       occurred_at=message["at"], key_id=key_id, terms=hashed.tobytes(), vector=vector,
                       speaker=speaker.tobytes(), format=FORMAT)
    IndexEntry.objects.bulk_create([entry], update_conflicts=True, unique_fields=["creator", "event_id"],
                                   update_fields=["fan_id", "sender", "occurred_at", "key_id", "terms", "vector",
                                                  "speaker", "format"])
