"""Reads of the tenancy."""
from .models import ApiKey


def active_key_creator(*, key_hash: str) -> str | None:
    return (
        ApiKey.objects.filter(key_hash=key_hash, revoked_at__isnull=True)
        .values_list("creator_id", flat=True)
        .first()
    )
