"""Periodic work across apps: segments as time passes, retention of history and what was learned from it."""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from emotions.selectors import disengagement_for, disengagement_for_many
from facts.services import segment_refresh, segments_refresh_all
from gdpr import services as gdpr_services
from memory import selectors as memory_selectors
from memory import services as memory_services


def segments_refresh() -> int:
    return segments_refresh_all(signals_for=disengagement_for_many)


def segment_rebuild(*, creator_id: str, fan_id: str):
    return segment_refresh(creator_id=creator_id, fan_id=fan_id,
                           activity=memory_selectors.fan_activity(creator_id=creator_id, fan_id=fan_id),
                           at_risk=bool(disengagement_for(creator_id=creator_id, fan_id=fan_id)))


def retention_run(*, dry_run: bool = False):
    """Delete messages and events past retention; a fan whose whole history has expired keeps
    nothing learned from it either (every registered table and cache key, as an erasure)."""
    cutoff = timezone.now() - timedelta(days=30.44 * settings.FANMEMORY["RETENTION_MONTHS"])
    record = gdpr_services.retention_started(cutoff=cutoff, dry_run=dry_run)
    purged = memory_services.history_purge_before(cutoff=cutoff, batch_size=settings.FANMEMORY["RETENTION_BATCH"],
                                                  dry_run=dry_run)
    expired = [(creator_id, fan_id) for creator_id, fan_id in purged["fans"]
               if not memory_selectors.fan_has_history(creator_id=creator_id, fan_id=fan_id)]
    for creator_id, fan_id in expired:
        gdpr_services.fan_data_erase(creator_id=creator_id, fan_id=fan_id)
    return gdpr_services.retention_finished(record=record, counts={**purged["tables"], "fans_expired": len(expired)})
