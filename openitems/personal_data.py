"""Fan data of the open-items app (export and erasure walk it)."""
from core.registry import FanDataSource, register

from .models import OpenItem

OPEN_ITEMS_SUFFIX = "open_items"


def items_expire(*, creator_id: str, fan_id: str, cutoff) -> int:
    """Items opened by messages older than the cutoff: their evidence is gone with the messages."""
    return OpenItem.objects.filter(creator_id=creator_id, fan_id=fan_id, since__lt=cutoff).delete()[0]


register(FanDataSource(OpenItem, cache_suffixes=(OPEN_ITEMS_SUFFIX,), expire_before=items_expire))
