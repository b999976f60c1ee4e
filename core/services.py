"""Writes of the tenancy: creators and their API keys."""
from django.db import transaction
from django.utils import timezone

from .auth import forget_cached_keys, forget_stored_key, generate_key, hash_key
from .models import ApiKey, Creator


def creator_ensure(*, creator_id: str) -> Creator:
    return Creator.objects.get_or_create(id=creator_id)[0]


@transaction.atomic
def api_key_create(*, creator_id: str) -> str:
    """Create the creator if needed and a new key for it; returns the raw key (shown once)."""
    creator = creator_ensure(creator_id=creator_id)
    raw_key, prefix = generate_key()
    ApiKey.objects.create(creator=creator, prefix=prefix, key_hash=hash_key(raw_key))
    return raw_key


def api_key_revoke(*, prefix: str) -> bool:
    active = ApiKey.objects.filter(prefix=prefix, revoked_at__isnull=True)
    hashes = list(active.values_list("key_hash", flat=True))
    revoked = active.update(revoked_at=timezone.now())
    for key_hash in hashes:
        forget_stored_key(key_hash)
    forget_cached_keys()
    return bool(revoked)
