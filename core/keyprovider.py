"""Envelope encryption of the service's secrets: a data key stored only wrapped by a provider.

A secret NAME may be given as NAME_WRAPPED_FILE, a file holding the secret wrapped (encrypted) by
the key provider named in KEY_PROVIDER. At start-up the provider unwraps it once; the plain value
lives only in the process's memory. The `file` provider wraps with AES-256-GCM under a
key-encryption key read from KEY_ENCRYPTION_KEY_FILE (mounted from a secret store, never beside
the wrapped file).

This is the seam for a KMS or Vault: a provider is any object with `wrap(bytes) -> bytes` and
`unwrap(bytes) -> bytes`. An AWS KMS provider would call KMS `Encrypt`/`Decrypt` with the key id
of KMS_KEY_ID; a Vault provider the transit engine's `encrypt`/`decrypt`. Register it in
PROVIDERS; nothing else changes.

Pure Python (no Django): settings use it, and so does the command line that makes the files:
    python -m core.keyprovider new-kek KEK_FILE        # a new key-encryption key (mode 0600)
    python -m core.keyprovider wrap OUT_FILE           # a new random data key, wrapped
    python -m core.keyprovider wrap --stdin OUT_FILE   # wrap an existing key read from stdin
(`wrap` uses KEY_PROVIDER and KEY_ENCRYPTION_KEY_FILE from the environment.)
"""
import argparse
import base64
import binascii
import os
import secrets
import sys
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

WRAPPED_PREFIX = b"fm-wrapped-v1:"
AAD = b"fan-memory data key"
NONCE_BYTES = 12
KEK_BYTES = 32
DATA_KEY_BYTES = 32


class KeyProviderError(Exception):
    """A provider cannot be built or cannot unwrap: the message is safe to print (no key material)."""


class KeyProvider(Protocol):
    def wrap(self, data_key: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes) -> bytes: ...


class FileKeyProvider:
    """AES-256-GCM under a key-encryption key kept in a file (base64 of 32 random bytes)."""

    def __init__(self, kek_path: str):
        self._aead = AESGCM(_read_kek(kek_path))

    def wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return WRAPPED_PREFIX + base64.b64encode(nonce + self._aead.encrypt(nonce, data_key, AAD))

    def unwrap(self, wrapped: bytes) -> bytes:
        wrapped = wrapped.strip()
        if not wrapped.startswith(WRAPPED_PREFIX):
            raise KeyProviderError("the wrapped key file is not in the file provider's format")
        try:
            blob = base64.b64decode(wrapped[len(WRAPPED_PREFIX):], validate=True)
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], AAD)
        except (binascii.Error, InvalidTag, ValueError):
            raise KeyProviderError("the wrapped key cannot be opened with this key-encryption key") from None


def _read_kek(path: str) -> bytes:
    try:
        kek = base64.b64decode(_read(path), validate=True)
    except binascii.Error:
        raise KeyProviderError(f"KEY_ENCRYPTION_KEY_FILE {path} is not base64") from None
    if len(kek) != KEK_BYTES:
        raise KeyProviderError(f"KEY_ENCRYPTION_KEY_FILE {path} must hold {KEK_BYTES} bytes, base64-encoded")
    return kek


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read().strip()
    except OSError as exc:
        raise KeyProviderError(f"cannot read {path}: {exc.strerror}") from None


def _file_provider(environ) -> KeyProvider:
    kek_path = environ.get("KEY_ENCRYPTION_KEY_FILE")
    if not kek_path:
        raise KeyProviderError("KEY_PROVIDER=file needs KEY_ENCRYPTION_KEY_FILE")
    return FileKeyProvider(kek_path)


PROVIDERS = {"file": _file_provider}


def provider_from(environ) -> KeyProvider:
    name = environ.get("KEY_PROVIDER", "file")
    if name not in PROVIDERS:
        raise KeyProviderError(f"unknown KEY_PROVIDER {name!r} (known: {', '.join(sorted(PROVIDERS))})")
    return PROVIDERS[name](environ)


def unwrap_file(path: str, environ) -> str:
    """The secret held wrapped in `path`, as text."""
    try:
        return provider_from(environ).unwrap(_read(path)).decode()
    except UnicodeDecodeError:
        raise KeyProviderError(f"the key wrapped in {path} is not text") from None


def new_data_key() -> bytes:
    return secrets.token_urlsafe(DATA_KEY_BYTES).encode()  # 43 characters of text, usable as any key


def _write_new(path: str, content: bytes) -> None:
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as file:
        file.write(content + b"\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.keyprovider")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("new-kek", help="write a new key-encryption key").add_argument("path")
    wrap = commands.add_parser("wrap", help="write a wrapped data key (a new one, or --stdin)")
    wrap.add_argument("path")
    wrap.add_argument("--stdin", action="store_true", help="wrap the key read from stdin")
    args = parser.parse_args(argv)
    try:
        if args.command == "new-kek":
            _write_new(args.path, base64.b64encode(os.urandom(KEK_BYTES)))
        else:
            data_key = sys.stdin.buffer.read().strip() if args.stdin else new_data_key()
            _write_new(args.path, provider_from(os.environ).wrap(data_key))
    except (KeyProviderError, OSError) as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
