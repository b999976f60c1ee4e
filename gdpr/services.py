"""Export and erasure of everything held on a fan for one creator, by walking the registry."""
from django.db import transaction

from memory.cache import run
from memory.keys import fan_key

from . import registry

EXPORT_SCHEMA_VERSION = 1


def fan_cache_keys(creator_id: str, fan_id: str) -> list[str]:
    suffixes = sorted({suffix for source in registry.sources() for suffix in source.cache_suffixes})
    return [fan_key(creator_id, fan_id, suffix) for suffix in suffixes]


def fan_data_erase(*, creator_id: str, fan_id: str) -> dict:
    """Delete every registered row and cache key of the fan; returns the proof (counts only)."""
    with transaction.atomic():
        tables = {source.label: source.rows(creator_id, fan_id).delete()[0] for source in registry.sources()}
    cache_keys = fan_cache_keys(creator_id, fan_id)
    result = run("erasure", lambda pipe: pipe.delete(*cache_keys), atomic=True)
    return {"tables": tables, "cache_keys_removed": result[0] if result else None}


def fan_data_export(*, creator_id: str, fan_id: str) -> dict:
    data = {}
    for source in registry.sources():
        fields = [f.name for f in source.model._meta.concrete_fields]
        data[source.label] = [
            {name: getattr(row, name if not _is_fk(source.model, name) else f"{name}_id") for name in fields}
            for row in source.rows(creator_id, fan_id).order_by("pk")
        ]
    return {"schema_version": EXPORT_SCHEMA_VERSION, "creator_id": creator_id, "fan_id": fan_id, "data": data}


def _is_fk(model, name: str) -> bool:
    return model._meta.get_field(name).is_relation
