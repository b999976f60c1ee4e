"""Fan data of the facts app: facts, notes, flags and segments (export and erasure walk these)."""
from core.registry import FanDataSource, register

from .models import Fact, FactSource, FanSegment, Flag, Note

FACTS_SUFFIX = "facts"


def facts_expire(*, creator_id: str, fan_id: str, cutoff) -> int:
    """Facts read from messages and not stated again since the cutoff (people's facts stay)."""
    learned = Fact.objects.filter(creator_id=creator_id, fan_id=fan_id, last_seen__lt=cutoff,
                                  source__in=[FactSource.EXTRACTED, FactSource.INFERRED])
    return learned.delete()[0]


def flags_expire(*, creator_id: str, fan_id: str, cutoff) -> int:
    """Flags raised by messages older than the cutoff: their evidence is gone."""
    return Flag.objects.filter(creator_id=creator_id, fan_id=fan_id, raised_at__lt=cutoff).delete()[0]


register(
    FanDataSource(Fact, cache_suffixes=(FACTS_SUFFIX,), expire_before=facts_expire),
    FanDataSource(Note, cache_suffixes=(FACTS_SUFFIX,)),
    FanDataSource(Flag, cache_suffixes=(FACTS_SUFFIX,), expire_before=flags_expire),
    FanDataSource(FanSegment, cache_suffixes=(FACTS_SUFFIX,)),
)
