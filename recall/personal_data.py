"""Fan data of the recall app: the index entries (export skips no row; erasure deletes them)."""
from core.registry import FanDataSource, register

from .models import IndexEntry


def entries_expire(*, creator_id: str, fan_id: str, cutoff) -> int:
    """Entries of messages older than the cutoff: retention dropped the messages themselves."""
    return IndexEntry.objects.filter(creator_id=creator_id, fan_id=fan_id, occurred_at__lt=cutoff).delete()[0]


register(FanDataSource(IndexEntry, expire_before=entries_expire))
