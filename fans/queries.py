"""The endpoints computed from several apps' data: the coordinator gives each app what it needs."""
from core.errors import ServiceError, invalid
from emotions.selectors import disengagement_for, worst_severity
from gdpr.selectors import fans_without
from memory import selectors as memory_selectors
from memory import services as memory_services
from memory.engagement import with_disengagement
from openitems.selectors import held_back_categories, outcome_excuser
from personality.services import personality_calibrate, personality_feedback_apply
from preferences.selectors import content_recommendations as rank_content
from recall import selectors as recall_selectors

from . import context, policy


def creator_stats(*, creator_id: str) -> dict:
    """The creator's totals, without the fans who withdrew consent to analytics."""
    return memory_selectors.creator_stats(creator_id=creator_id,
                                          excluded_fans=fans_without(creator_id=creator_id, purpose="analytics"))


def fan_engagement(*, creator_id: str, fan_id: str) -> dict | None:
    """The fan's engagement with its parts, damped by the current disengagement signals as the
    context's is; None for a fan with no memory."""
    engagement = memory_selectors.fan_engagement(creator_id=creator_id, fan_id=fan_id)
    if engagement is None:
        return None
    return with_disengagement(engagement, worst_severity(disengagement_for(creator_id=creator_id, fan_id=fan_id)))


def calibrate(*, creator_id: str, fan_id: str) -> dict:
    if not policy.calibration_on(creator_id=creator_id, fan_id=fan_id):  # outside the rollout share
        return context.personal_part(creator_id=creator_id, fan_id=fan_id, part=context.PERSONALITY)

    def history():
        # The fan's engagement row is the erasure's anchor: locked here, an erasure waits for this
        # transaction, and after one there is nothing to read (core.registry).
        if not memory_services.fan_anchor_lock(creator_id=creator_id, fan_id=fan_id):
            return [], {}
        events = memory_selectors.fan_events(creator_id=creator_id, fan_id=fan_id)
        messages = memory_selectors.fan_messages(creator_id=creator_id, fan_id=fan_id)
        return events, {message["event_id"]: message for message in messages}

    excuser = outcome_excuser(creator_id=creator_id, fan_id=fan_id)

    def excused(event, target: dict | None) -> bool:
        return excuser(event.outcome, target["at"] if target else event.occurred_at)

    return personality_calibrate(creator_id=creator_id, fan_id=fan_id, history=history, excused=excused)


def tone_feedback_apply(*, creator_id: str, fan_id: str, about_event_id: str, outcome: str) -> dict:
    message = memory_selectors.message_of_event(creator_id=creator_id, event_id=about_event_id)
    if message is None:
        raise ServiceError("MEMORY_NOT_FOUND", "No message with this event_id.")
    if message["fan_id"] != fan_id:
        raise invalid({"about_event_id": ["This message belongs to another fan."]})
    if message["sender"] != "ai":
        raise invalid({"about_event_id": ["Feedback must be about an ai message."]})
    if not policy.calibration_on(creator_id=creator_id, fan_id=fan_id):  # outside the rollout share
        return context.personal_part(creator_id=creator_id, fan_id=fan_id, part=context.PERSONALITY)
    return personality_feedback_apply(creator_id=creator_id, fan_id=fan_id, message=message, outcome=outcome)


def content_recommendations(*, creator_id: str, fan_id: str, items: list[dict]) -> list[dict]:
    preferences = context.personal_part(creator_id=creator_id, fan_id=fan_id, part=context.PREFERENCES)
    purchased = memory_selectors.purchased_content_ids(creator_id=creator_id, fan_id=fan_id)
    return rank_content(creator_id=creator_id, items=items, preferences=preferences, purchased=purchased,
                        held_back=held_back_categories(creator_id=creator_id, fan_id=fan_id))


def recall(*, creator_id: str, fan_id: str, query: str, k: int, exclude: frozenset = frozenset(), **filters) -> dict:
    """The fan's messages most relevant to the query, best first, and how many wait to be indexed
    (nothing recalled for a fan outside the creator's rollout share)."""
    if not policy.recall_on(creator_id=creator_id, fan_id=fan_id):
        return {"results": [], "pending": 0}
    pending = memory_selectors.messages_waiting_for_recall(creator_id=creator_id, fan_id=fan_id)
    fan_name = context.fan_name(creator_id=creator_id, fan_id=fan_id)
    return {"results": _recalled(creator_id, fan_id, query, k, exclude, filters, fan_name), "pending": pending}


def _recalled(creator_id: str, fan_id: str, query: str, k: int, exclude: frozenset, filters: dict,
              fan_name: str) -> list[dict]:
    hits = recall_selectors.search(creator_id=creator_id, fan_id=fan_id, query=query, k=k, exclude=exclude,
                                   fan_name=fan_name, **filters)
    messages = memory_selectors.message_texts(creator_id=creator_id, event_ids=[hit.event_id for hit in hits])
    return [{"event_id": hit.event_id, "content": messages[hit.event_id]["content"], "sender": hit.sender,
             "timestamp": messages[hit.event_id]["timestamp"], "score": hit.score}
            for hit in hits if hit.event_id in messages]


def with_relevant_memories(contexts: dict[str, dict], *, creator_id: str, queries: dict[str, str], k: int) -> None:
    """Add `relevant_memories` to the contexts of the fans asked about, none already in recent_messages."""
    for fan_id, query in queries.items():
        if fan_id not in contexts:
            continue
        recent = frozenset(message["event_id"] for message in contexts[fan_id]["recent_messages"])
        if not policy.recall_on(creator_id=creator_id, fan_id=fan_id):
            contexts[fan_id]["relevant_memories"] = []
            continue
        fan_name = context.name_in(contexts[fan_id]["facts"])
        contexts[fan_id]["relevant_memories"] = _recalled(creator_id, fan_id, query, k, recent, {}, fan_name)
