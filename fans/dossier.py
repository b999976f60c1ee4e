"""A fan's dossier for support staff: who the fan is, how they feel and buy, what the assistant
is told, and their messages (decrypted, searched in Python: they are encrypted at rest). Reads only;
the admin views (fans/admin.py) log every access."""
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from emotions import selectors as emotions
from facts import selectors as facts
from gdpr.selectors import consents_for
from memory import selectors as memory
from openitems import selectors as openitems

from . import context, queries

MESSAGES_PER_PAGE = 25
# Open flags that put a person on the conversation before anything else.
ALERTS = {"minor": "Under 18", "self_harm": "Self-harm", "distress": "Distress", "threat": "Threat"}


@dataclass(frozen=True)
class Fan:
    creator_id: str
    fan_id: str


def profile(fan: Fan) -> dict:
    ids = {"creator_id": fan.creator_id, "fan_id": fan.fan_id}
    flags = sorted(facts.fan_flags(**ids), key=lambda flag: flag["status"] != "open")
    items = sorted(openitems.fan_items(**ids), key=lambda item: item["status"] != "open")
    fan_facts = facts.fan_facts(**ids)
    alerts = [{**flag, "label": ALERTS[flag["reason"]]} for flag in flags
              if flag["status"] == "open" and flag["reason"] in ALERTS]
    return {
        "alerts": alerts, "minor": any(flag["reason"] == "minor" for flag in alerts),
        "facts": fan_facts, "notes": facts.fan_notes(**ids), "flags": flags, "open_items": items,
        "segment": facts.fan_segment(**ids), "engagement": queries.fan_engagement(**ids),
        "emotional_state": context.emotional_state(**ids),
        "signals": emotions.disengagement_for(**ids),
        "personality": context.personal_part(**ids, part=context.PERSONALITY),
        "preferences": context.personal_part(**ids, part=context.PREFERENCES),
        "response_style": context.response_style(**ids),
        "consent": consents_for(fan.creator_id, [fan.fan_id])[fan.fan_id],
        "zone": fan_zone(fan_facts),
    }


def fan_zone(fan_facts: list[dict]) -> ZoneInfo | None:
    """The fan's time zone, stated or inferred (a fact), if any."""
    for fact in fan_facts:
        if fact["kind"] == "timezone":
            try:
                return ZoneInfo(fact["value"])
            except (ZoneInfoNotFoundError, ValueError, TypeError):
                return None
    return None


def messages(fan: Fan) -> list[dict]:
    """Every message of the fan, oldest first, with its analysis (decrypted)."""
    return memory.fan_messages(creator_id=fan.creator_id, fan_id=fan.fan_id)


def message_page(all_messages: list[dict], *, query: str, number, zone: ZoneInfo | None):
    """The page of the newest-first messages containing `query` (case-insensitive), with local times."""
    needle = query.casefold()
    found = [message for message in reversed(all_messages) if needle in message["content"].casefold()]
    page = Paginator(found, MESSAGES_PER_PAGE).get_page(number)
    page.object_list = [{**message, "local": local_time(message["at"], zone)} for message in page.object_list]
    return page


def local_time(moment: datetime, zone: ZoneInfo | None) -> str:
    return timezone.localtime(moment, zone or ZoneInfo("UTC")).strftime("%a %d %b %Y, %H:%M")


def sentiment_points(all_messages: list[dict]) -> list[tuple[datetime, float]]:
    """(when, polarity) of each fan message: the sentiment over time."""
    return [(message["at"], float((message["analysis"] or {}).get("polarity", 0.0)))
            for message in all_messages if message["sender"] == "fan"]


def signal_times(signals: list[dict]) -> list[tuple[datetime, dict]]:
    return [(parse_datetime(signal["detected_at"]), signal) for signal in signals]
