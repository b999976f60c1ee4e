"""Fan data of the facts app: facts, notes, flags and segments (export and erasure walk these)."""
from core.registry import FanDataSource, register

from .models import Fact, FanSegment, Flag, Note

FACTS_SUFFIX = "facts"

register(
    FanDataSource(Fact, cache_suffixes=(FACTS_SUFFIX,)),
    FanDataSource(Note, cache_suffixes=(FACTS_SUFFIX,)),
    FanDataSource(Flag, cache_suffixes=(FACTS_SUFFIX,)),
    FanDataSource(FanSegment, cache_suffixes=(FACTS_SUFFIX,)),
)
