"""The memory context of one or many fans, assembled part by part, each part named here.

One Redis round trip reads every cached part of every fan (and the fan's generation); misses are
loaded with one query per table for all the fans that missed, then refilled only if the fan's
generation did not move meanwhile (a write or an erasure happened) and the fan is still on record
(core.cache). The policy is applied once, the response style computed once.
"""
from datetime import timedelta
from functools import lru_cache

from django.conf import settings

from core import cache, keys
from core.metrics import CACHE_LOOKUPS
from core.parts import ContextPart
from emotions.selectors import CONTEXT_PART as EMOTIONS
from emotions.selectors import SIGNALS_PART as SIGNALS
from emotions.selectors import signals_from, worst_severity
from facts.selectors import CONTEXT_PART as FACTS
from facts.selectors import context_entries
from gdpr.selectors import CONTEXT_PART as CONSENT
from memory import cache as message_cache
from memory.engagement import CONTEXT_PART as ENGAGEMENT
from memory.engagement import with_disengagement
from memory.selectors import recent_messages_for
from openitems.selectors import CONTEXT_PART as OPEN_ITEMS
from openitems.selectors import context_entries as open_items_entries
from personality.selectors import CONTEXT_PART as PERSONALITY
from personality.selectors import default_profile
from personality.styles import response_style_from
from preferences.selectors import CONTEXT_PART as PREFERENCES
from preferences.selectors import default_preferences

from . import policy

PARTS: tuple[ContextPart, ...] = (PERSONALITY, PREFERENCES, EMOTIONS, ENGAGEMENT, CONSENT, FACTS, SIGNALS, OPEN_ITEMS)
ENGAGEMENT_SUFFIX = ENGAGEMENT.cache_suffix
# Every cached part of a fan that an event can change (the list has its own sync).
LEARNED_SUFFIXES = tuple(part.cache_suffix for part in PARTS)


def contexts(*, creator_id: str, fan_ids: list[str], messages: int = 50) -> dict[str, dict]:
    fan_ids = list(dict.fromkeys(fan_ids))
    lists, parts = fetch_parts(creator_id, fan_ids, PARTS, with_messages=True)
    return {fan_id: _assemble(creator_id, fan_id, lists[fan_id], parts[fan_id], messages) for fan_id in fan_ids}


def fan_parts(*, creator_id: str, fan_id: str, wanted: tuple[ContextPart, ...]) -> dict:
    """Some parts of one fan, read through the cache (for the endpoints that serve one part)."""
    return fetch_parts(creator_id, [fan_id], wanted, with_messages=False)[1][fan_id]


def fetch_parts(creator_id: str, fan_ids: list[str], wanted, with_messages: bool):
    cached = _read_cache(creator_id, fan_ids, wanted, with_messages)
    lists, generations, parts = _split_cached(cached, fan_ids, wanted, with_messages)
    refills, missed = [], 0
    if with_messages:
        refills, missed = _fill_lists(creator_id, fan_ids, lists, generations)
    part_refills, parts_missed = _fill_parts(creator_id, fan_ids, wanted, generations, parts)
    refills, missed = refills + part_refills, missed + parts_missed
    if cached is not None and refills:
        on_record = cache.fans_on_record(creator_id, {fan_id for fan_id, _ in refills})  # after the loads
        queues = [queue for fan_id, queue in refills if fan_id in on_record]
        queues.append(lambda pipe: pipe.hincrby(keys.creator_stats_key(creator_id), "misses", missed))
        cache.run("context refill", lambda pipe: [queue(pipe) for queue in queues])
    return lists, parts


def _read_cache(creator_id: str, fan_ids: list[str], wanted, with_messages: bool) -> list | None:
    def build(pipe):
        pipe.hincrby(keys.creator_stats_key(creator_id), "lookups", len(fan_ids) * (with_messages + len(wanted)))
        for fan_id in fan_ids:
            pipe.get(keys.generation_key(creator_id, fan_id))
            if with_messages:
                message_cache.queue_read(pipe, creator_id, fan_id)
            for part in wanted:
                pipe.get(keys.fan_key(creator_id, fan_id, part.cache_suffix))

    return cache.run("context read", build)


def _split_cached(cached: list | None, fan_ids: list[str], wanted, with_messages: bool):
    lists = {fan_id: None for fan_id in fan_ids}
    generations, parts = {}, {fan_id: {} for fan_id in fan_ids}
    if cached is None:
        return lists, generations, parts
    stride = 1 + with_messages + len(wanted)
    for index, fan_id in enumerate(fan_ids):
        row = cached[1 + index * stride:1 + (index + 1) * stride]
        generations[fan_id] = row[0]
        if with_messages and row[1]:
            lists[fan_id] = message_cache.decode_messages(row[1])
        for part, raw in zip(wanted, row[1 + with_messages:]):
            value = cache.load(raw)
            if value is not None:
                parts[fan_id][part.name] = value
    return lists, generations, parts


def _fill_lists(creator_id: str, fan_ids: list[str], lists: dict, generations: dict) -> tuple[list, int]:
    """Load the lists that missed; returns their conditional rebuilds (fan id, queue) and how many missed."""
    missing = [fan_id for fan_id in fan_ids if lists[fan_id] is None]
    _count_lookups("messages", len(fan_ids), len(missing))
    if not missing:
        return [], 0
    loaded, heads = recent_messages_for(creator_id, missing)
    lists.update(loaded)
    return [(fan_id, lambda pipe, f=fan_id: message_cache.queue_rebuild(pipe, creator_id, f, generations.get(f),
                                                                        loaded[f], heads[f]))
            for fan_id in missing], len(missing)


def _fill_parts(creator_id: str, fan_ids: list[str], wanted, generations: dict, parts: dict) -> tuple[list, int]:
    """Load the parts that missed (one query per part for all fans); returns their conditional
    refills (fan id, queue; one per fan) and how many parts missed."""
    values, missed = {}, 0
    for part in wanted:
        missing = [fan_id for fan_id in fan_ids if part.name not in parts[fan_id]]
        _count_lookups(part.cache_suffix, len(fan_ids), len(missing))
        if not missing:
            continue
        missed += len(missing)
        for fan_id, value in part.load_many(creator_id, missing).items():
            parts[fan_id][part.name] = value
            values.setdefault(fan_id, {})[part.cache_suffix] = (value, part.ttl)
    return [(fan_id, lambda pipe, f=fan_id, v=fan_values: cache.queue_refill(pipe, creator_id, f, generations.get(f), v))
            for fan_id, fan_values in values.items()], missed


@lru_cache(maxsize=64)
def _lookup_counter(part: str, result: str):
    return CACHE_LOOKUPS.labels(part=part, result=result)


def _count_lookups(part: str, looked_up: int, missed: int) -> None:
    if looked_up > missed:
        _lookup_counter(part, "hit").inc(looked_up - missed)
    if missed:
        _lookup_counter(part, "miss").inc(missed)


def _as_served(creator_id: str, fan_id: str, parts: dict) -> tuple[dict | None, dict | None, bool]:
    """(profile, preferences, personalized) after the policy: defaults for a fan not personalised,
    the default profile for a fan outside the creator's rollout share."""
    profile, preferences = parts.get(PERSONALITY.name), parts.get(PREFERENCES.name)
    personalized = policy.personalized(parts[CONSENT.name], parts[FACTS.name])
    if not personalized:
        return default_profile(fan_id), default_preferences(fan_id), False
    if profile is not None and not policy.calibration_on(creator_id=creator_id, fan_id=fan_id):
        profile = default_profile(fan_id)
    return profile, preferences, True


def _agreeing(parts: dict) -> tuple[list[dict], dict, dict]:
    """(disengagement signals, engagement, emotional state), the engagement damped by the signals
    and the emotional state's level the engagement's: the three never disagree."""
    signals = signals_from(parts[SIGNALS.name])
    engagement = with_disengagement(parts[ENGAGEMENT.name], worst_severity(signals))
    emotional_state = {**parts[EMOTIONS.name], "engagement_level": engagement["engagement_level"]}
    return signals, engagement, emotional_state


def _assemble(creator_id: str, fan_id: str, history: list[dict], parts: dict, messages: int) -> dict:
    consent = parts[CONSENT.name]
    profile, preferences, personalized = _as_served(creator_id, fan_id, parts)
    signals, engagement, emotional_state = _agreeing(parts)
    return {
        "fan_id": fan_id,
        "creator_id": creator_id,
        "is_new": engagement["last_interaction"] is None,
        "recent_messages": history[-messages:],
        "personality_profile": profile,
        "preferences": preferences,
        "emotional_state": emotional_state,
        "engagement_metrics": engagement,
        "disengagement": signals,
        "response_style": response_style_from(profile, preferences, emotional_state),
        "consent": consent,
        "last_interaction": engagement["last_interaction"],
        **context_entries(parts[FACTS.name], personalization=personalized),
        **open_items_entries(parts[OPEN_ITEMS.name]),
    }


def personal_part(*, creator_id: str, fan_id: str, part: ContextPart) -> dict:
    """The fan's profile or preferences as the context serves them: after the policy."""
    parts = fan_parts(creator_id=creator_id, fan_id=fan_id, wanted=(part, CONSENT, FACTS))
    profile, preferences, _ = _as_served(creator_id, fan_id, parts)
    return profile if part is PERSONALITY else preferences


def fan_name(*, creator_id: str, fan_id: str) -> str:
    """The fan's name fact, read through the cache ("" when none is known)."""
    return name_in(fan_parts(creator_id=creator_id, fan_id=fan_id, wanted=(FACTS,))[FACTS.name]["facts"])


def name_in(facts: list[dict]) -> str:
    return next((str(fact["value"]) for fact in facts if fact["kind"] == "name"), "")


def response_style(*, creator_id: str, fan_id: str) -> dict:
    """The seed's getOptimalResponseStyle for one fan, from the same parts and policy as the context."""
    parts = fan_parts(creator_id=creator_id, fan_id=fan_id, wanted=(PERSONALITY, PREFERENCES, EMOTIONS, CONSENT, FACTS))
    profile, preferences, _ = _as_served(creator_id, fan_id, parts)
    return response_style_from(profile, preferences, parts[EMOTIONS.name])


def emotional_state(*, creator_id: str, fan_id: str) -> dict:
    """The fan's emotional state as the context serves it (its level the engagement's)."""
    parts = fan_parts(creator_id=creator_id, fan_id=fan_id, wanted=(ENGAGEMENT, EMOTIONS, SIGNALS))
    return _agreeing(parts)[2]


def forget_learned(*, creator_id: str, fan_id: str) -> bool:
    """Every learned part and the list of the fan, under a new generation (after a recompute)."""
    suffixes = (*LEARNED_SUFFIXES, message_cache.LIST_SUFFIX, message_cache.HEAD_SUFFIX)
    return cache.forget(creator_id, fan_id, *suffixes)


def hot_cache_sync(event, message: dict | None) -> bool:
    """After an event is learned: the list holds its message (or is dropped to be rebuilt) and
    every part it changed is forgotten, under a new generation. False when Redis failed."""
    creator_id, fan_id = event.creator_id, event.fan_id

    def build(pipe):
        if message is not None:
            late = message["at"] < event.received_at - timedelta(seconds=settings.FANMEMORY["LATE_EVENT_SECONDS"])
            cached = {name: message[name] for name in message_cache.MESSAGE_FIELDS}
            message_cache.queue_push(pipe, creator_id, fan_id, cached, message["seq"], late)
        pipe.delete(*(keys.fan_key(creator_id, fan_id, suffix) for suffix in LEARNED_SUFFIXES))
        cache.bump_generation(pipe, creator_id, fan_id)

    return cache.run("learned sync", build, atomic=True) is not None
