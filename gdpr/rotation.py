"""Re-encryption of every encrypted column from an old key to the current one.

django-cryptography signs with SECRET_KEY and encrypts with a key derived from
FIELD_ENCRYPTION_KEY. To rotate, deploy the new keys with the old ones in OLD_SECRET_KEY /
OLD_FIELD_ENCRYPTION_KEY: reads then fall back to the old key, and `rotate_encryption_key`
rewrites every row under the new key in batches. It is resumable (rows the new key already
opens are skipped) and verifies each rewritten value before moving on.
"""
import pickle

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django_cryptography.core.signing import FernetSigner
from django_cryptography.fields import EncryptedMixin
from django_cryptography.utils.crypto import FernetBytes

from core.crypto import derive_field_key

def old_fernet() -> FernetBytes | None:
    old_key = getattr(settings, "OLD_FIELD_ENCRYPTION_KEY", None)
    old_secret = getattr(settings, "OLD_SECRET_KEY", None)
    if not old_key and not old_secret:
        return None
    key = derive_field_key(old_key) if old_key else settings.CRYPTOGRAPHY_KEY
    return FernetBytes(key, FernetSigner(old_secret or settings.SECRET_KEY))


def install_old_key_fallback() -> None:
    """While old keys are configured, a value the current key cannot open is read with the old one."""
    fallback = old_fernet()
    if fallback is None or getattr(EncryptedMixin, "_fanmemory_fallback", False):
        return
    current_load = EncryptedMixin._load

    def load_with_fallback(self, value):
        try:
            return current_load(self, value)
        except Exception:
            return pickle.loads(fallback.decrypt(value))

    EncryptedMixin._load = load_with_fallback
    EncryptedMixin._fanmemory_fallback = True


def encrypted_columns() -> list[tuple[type, list]]:
    found = []
    for model in apps.get_models():
        fields = [field for field in model._meta.concrete_fields if isinstance(field, EncryptedMixin)]
        if fields:
            found.append((model, fields))
    return found


def _opens(fernet: FernetBytes, token: bytes) -> bytes | None:
    """The plaintext if `fernet` really opens `token`. The HMAC covers SECRET_KEY only, so a wrong
    encryption key still "decrypts" about one token in 256 to garbage with valid padding: the
    plaintext must also be the pickle django-cryptography wrote."""
    try:
        plaintext = fernet.decrypt(token)
        if plaintext[:1] != b"\x80" or plaintext[-1:] != b".":
            return None
        pickle.loads(plaintext)
        return plaintext
    except Exception:
        return None


def rotate_table(model, fields, old: FernetBytes, batch_size: int) -> dict:
    table, pk = model._meta.db_table, model._meta.pk.column
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    counts, last = {"rotated": 0, "already": 0}, None
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            where = f"WHERE {pk} > %s " if last is not None else ""
            cursor.execute(f"SELECT {pk}, {columns} FROM {table} {where}ORDER BY {pk} LIMIT %s FOR UPDATE",
                           ([last] if last is not None else []) + [batch_size])
            rows = cursor.fetchall()
            if not rows:
                return counts
            for row in rows:
                _rotate_row(cursor, table, pk, fields, row, old, counts)
            last = rows[-1][0]


def _rotate_row(cursor, table, pk, fields, row, old, counts) -> None:
    updates = {}
    for field, raw in zip(fields, row[1:]):
        if raw is None:
            continue
        token = bytes(raw)
        if _opens(field._fernet, token) is not None:
            continue
        plaintext = _opens(old, token)
        if plaintext is None:
            raise ValueError(f"{table}: a value opens with neither key")
        new_token = field._fernet.encrypt(plaintext)
        if field._fernet.decrypt(new_token) != plaintext:
            raise ValueError(f"{table}: verification failed")
        updates[field.column] = new_token
    if not updates:
        counts["already"] += 1
        return
    assignments = ", ".join(f"{connection.ops.quote_name(column)} = %s" for column in updates)
    cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*updates.values(), row[0]])
    counts["rotated"] += 1


def rotate_all(batch_size: int = 500, report=print) -> dict:
    old = old_fernet()
    if old is None:
        raise ValueError("Set OLD_FIELD_ENCRYPTION_KEY (and OLD_SECRET_KEY if it changed) to the keys to rotate from.")
    totals = {}
    for model, fields in encrypted_columns():
        totals[model._meta.db_table] = rotate_table(model, fields, old, batch_size)
        report(f"{model._meta.db_table}: {totals[model._meta.db_table]}")
    return totals
