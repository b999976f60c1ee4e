"""Authenticated encryption of cache entries that hold message text (AES-256-GCM).

The key is derived from FIELD_ENCRYPTION_KEY, so a Redis dump shows no message text. An entry
that cannot be opened (key rotated, corrupted) is treated as a cache miss by the callers.
"""
import hashlib
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf import pbkdf2
from django.conf import settings

NONCE_BYTES = 12
KDF_ITERATIONS = 30000  # django-cryptography's own derivation, so old keys derive the same way


class SealError(ValueError):
    pass


@lru_cache(maxsize=4)
def _cipher(field_key: bytes) -> AESGCM:
    # settings.CRYPTOGRAPHY_KEY is the key django-cryptography derived from FIELD_ENCRYPTION_KEY.
    return AESGCM(hashlib.sha256(b"fan-memory cache v1|" + field_key).digest())


def seal(plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _cipher(settings.CRYPTOGRAPHY_KEY).encrypt(nonce, plaintext, None)


def unseal(token: bytes) -> bytes:
    try:
        return _cipher(settings.CRYPTOGRAPHY_KEY).decrypt(token[:NONCE_BYTES], token[NONCE_BYTES:], None)
    except (InvalidTag, ValueError) as exc:
        raise SealError("cache entry cannot be opened") from exc


@lru_cache(maxsize=4)
def derive_field_key(raw_key: str) -> bytes:
    """The key django-cryptography derives from a FIELD_ENCRYPTION_KEY (settings.CRYPTOGRAPHY_KEY)."""
    kdf = pbkdf2.PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=settings.CRYPTOGRAPHY_SALT,
                            iterations=KDF_ITERATIONS)
    return kdf.derive(raw_key.encode())


def field_keys() -> list[bytes]:
    """The current field key, then the old one while a rotation is under way."""
    old = getattr(settings, "OLD_FIELD_ENCRYPTION_KEY", None)
    return [settings.CRYPTOGRAPHY_KEY] + ([derive_field_key(old)] if old else [])
