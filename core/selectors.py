"""Reads of the tenancy."""
from . import registry
from .models import ApiKey, Creator


def active_key_creator(*, key_hash: str) -> str | None:
    return (
        ApiKey.objects.filter(key_hash=key_hash, revoked_at__isnull=True)
        .values_list("creator_id", flat=True)
        .first()
    )


def creator_exists(*, creator_id: str) -> bool:
    return Creator.objects.filter(id=creator_id).exists()


def fan_on_record(*, creator_id: str, fan_id: str) -> bool:
    """Whether any registered table holds a row of the fan for this creator (core.registry)."""
    return any(source.rows(creator_id, fan_id).exists() for source in registry.sources())
