"""Periodic work across apps: segments as time passes, retention of history and what was learned from it."""
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import registry
from emotions.selectors import disengagement_for, disengagement_for_many
from facts.services import segment_refresh, segments_refresh_all
from gdpr import services as gdpr_services
from memory import selectors as memory_selectors
from memory import services as memory_services

from . import context, learning


def segments_refresh() -> int:
    return segments_refresh_all(signals_for=disengagement_for_many)


def segment_rebuild(*, creator_id: str, fan_id: str):
    return segment_refresh(creator_id=creator_id, fan_id=fan_id,
                           activity=memory_selectors.fan_activity(creator_id=creator_id, fan_id=fan_id),
                           at_risk=bool(disengagement_for(creator_id=creator_id, fan_id=fan_id)))


def retention_run(*, dry_run: bool = False):
    """Delete messages and events past retention, and what was learned only from them: a fan whose
    whole history expired keeps nothing (every registered table and cache key, as an erasure); for
    the others the learned profiles are recomputed from the history that remains (derived_expire)."""
    cutoff = timezone.now() - timedelta(days=30.44 * settings.FANMEMORY["RETENTION_MONTHS"])
    record = gdpr_services.retention_started(cutoff=cutoff, dry_run=dry_run)
    purged = memory_services.history_purge_before(cutoff=cutoff, batch_size=settings.FANMEMORY["RETENTION_BATCH"],
                                                  dry_run=dry_run)
    expired = recomputed = 0
    for creator_id, fan_id in purged["fans"]:
        if memory_selectors.fan_has_history(creator_id=creator_id, fan_id=fan_id):
            recomputed += bool(derived_expire(creator_id=creator_id, fan_id=fan_id, cutoff=cutoff))
        else:
            gdpr_services.fan_data_erase(creator_id=creator_id, fan_id=fan_id)
            expired += 1
    return gdpr_services.retention_finished(record=record, counts={
        **purged["tables"], "fans_expired": expired, "fans_recomputed": recomputed})


def derived_expire(*, creator_id: str, fan_id: str, cutoff) -> dict[str, int]:
    """What was learned from the fan's history before `cutoff`, gone: the wholly derived rows are
    rebuilt from the events that remain, facts and flags whose evidence is older are deleted, the
    segment recomputed. The fan's engagement row (the erasure's anchor) is locked throughout.
    Returns rows removed per table ({} when the fan has no memory)."""
    sources = registry.sources()
    relearned = [source for source in sources if source.relearned]
    with transaction.atomic():
        if not memory_services.fan_anchor_lock(creator_id=creator_id, fan_id=fan_id):
            return {}
        removed = {}
        for source in relearned:
            if source.before_erase is not None:
                source.before_erase(creator_id=creator_id, fan_id=fan_id)
            removed[source.label] = source.rows(creator_id, fan_id).delete()[0]
        for source in sources:
            if source.expire_before is not None:
                removed[source.label] = source.expire_before(creator_id=creator_id, fan_id=fan_id, cutoff=cutoff)
        learning.relearn(creator_id=creator_id, fan_id=fan_id,
                         learners={source.model._meta.app_label for source in relearned})
        segment_rebuild(creator_id=creator_id, fan_id=fan_id)
    context.forget_learned(creator_id=creator_id, fan_id=fan_id)
    return removed
