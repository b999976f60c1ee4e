"""Bearer API keys. The key's creator is the request's tenant, always.

Keys look like `fm_<prefix>_<secret>`; only their SHA-256 is stored. Lookups are cached in the
process for API_KEY_CACHE_SECONDS, so a revocation reaches other processes within that delay.
Each lookup is also kept in Redis, sealed, under the key's hash: when PostgreSQL is unreachable a
key is verified from there (degraded reads), and revoking a key deletes that entry.
"""
import hashlib
import secrets
import threading
from dataclasses import dataclass

from cachetools import TTLCache
from django.conf import settings
from django.db import DatabaseError
from rest_framework import authentication, exceptions

from . import cache
from .selectors import active_key_creator

KEY_PREFIX_LABEL = "fm"


@dataclass(frozen=True)
class CreatorPrincipal:
    """The authenticated caller: a creator, known by id, with no database object attached."""

    creator_id: str
    degraded: bool = False  # verified from the Redis key cache: PostgreSQL is unreachable
    is_authenticated: bool = True
    is_staff: bool = False

    @property
    def pk(self) -> str:
        return self.creator_id


def hash_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def generate_key() -> tuple[str, str]:
    """A new (raw key, prefix)."""
    prefix = secrets.token_hex(4)
    return f"{KEY_PREFIX_LABEL}_{prefix}_{secrets.token_urlsafe(32)}", prefix


_cache_lock = threading.Lock()
_key_cache: TTLCache = TTLCache(maxsize=10_000, ttl=settings.FANMEMORY["API_KEY_CACHE_SECONDS"])


def forget_cached_keys() -> None:
    with _cache_lock:
        _key_cache.clear()


def stored_key_name(digest: str) -> str:
    return f"fm:apikey:{digest}"


def forget_stored_key(key_hash: str) -> None:
    cache.run("key forget", lambda pipe: pipe.delete(stored_key_name(key_hash)))


def creator_for_key(raw_key: str) -> tuple[str | None, bool]:
    """The key's creator (None: unknown or revoked) and whether it was verified without PostgreSQL."""
    digest = hash_key(raw_key)
    with _cache_lock:
        if digest in _key_cache:
            return _key_cache[digest], False
    try:
        creator_id = active_key_creator(key_hash=digest)
    except DatabaseError:
        stored = cache.run("key read", lambda pipe: pipe.get(stored_key_name(digest)))
        creator_id = cache.load(stored[0]) if stored else None
        if creator_id is None:
            raise
        return creator_id, True
    with _cache_lock:
        _key_cache[digest] = creator_id
    if creator_id is not None:
        cache.run("key store", lambda pipe: pipe.set(stored_key_name(digest), cache.dump(creator_id),
                                                      ex=settings.FANMEMORY["API_KEY_STORE_SECONDS"]))
    return creator_id, False


class WrongScheme(exceptions.AuthenticationFailed):
    public_message = "Wrong authentication scheme: send `Authorization: Bearer <api key>`."


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header:
            return None
        if header[0].decode("latin-1").lower() != self.keyword.lower():
            raise WrongScheme()
        if len(header) != 2:
            raise exceptions.AuthenticationFailed()
        try:
            raw_key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed()
        creator_id, degraded = creator_for_key(raw_key)
        if creator_id is None:
            raise exceptions.AuthenticationFailed()
        return CreatorPrincipal(creator_id, degraded), None

    def authenticate_header(self, request):
        return self.keyword
