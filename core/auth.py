"""Bearer API keys. The key's creator is the request's tenant, always.

Keys look like `fm_<prefix>_<secret>`; only their SHA-256 is stored. Lookups are cached in the
process for API_KEY_CACHE_SECONDS, so a revocation reaches other processes within that delay.
"""
import hashlib
import secrets
import threading
from dataclasses import dataclass

from cachetools import TTLCache
from django.conf import settings
from rest_framework import authentication, exceptions

from .selectors import active_key_creator

KEY_PREFIX_LABEL = "fm"


@dataclass(frozen=True)
class CreatorPrincipal:
    """The authenticated caller: a creator, known by id, with no database object attached."""

    creator_id: str
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


def creator_for_key(raw_key: str) -> str | None:
    digest = hash_key(raw_key)
    with _cache_lock:
        if digest in _key_cache:
            return _key_cache[digest]
    creator_id = active_key_creator(key_hash=digest)
    with _cache_lock:
        _key_cache[digest] = creator_id
    return creator_id


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header:
            return None
        if header[0].decode("latin-1") != self.keyword or len(header) != 2:
            raise exceptions.AuthenticationFailed()
        try:
            raw_key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed()
        creator_id = creator_for_key(raw_key)
        if creator_id is None:
            raise exceptions.AuthenticationFailed()
        return CreatorPrincipal(creator_id), None

    def authenticate_header(self, request):
        return self.keyword
