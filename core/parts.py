"""What each app contributes to the memory context: a named part, cached under its own key.

An app's selectors module exposes a ContextPart; `memory.selectors` fetches every part of every
requested fan in one Redis round trip and asks `load_many` (one query per table) for misses.
`load_many` returns a part for every fan asked, the documented default when nothing is learned.
"""
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ContextPart:
    name: str
    cache_suffix: str
    ttl: int
    load_many: Callable[[str, list[str]], dict[str, dict]]


def rows_by_fan(queryset, creator_id: str, fan_ids: list[str]) -> dict:
    return {row.fan_id: row for row in queryset.filter(creator_id=creator_id, fan_id__in=fan_ids)}
