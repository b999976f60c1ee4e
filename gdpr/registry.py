"""The one registry of personal data. Each app declares, in its own `personal_data.py`, the
models that hold data about a fan (keyed by creator and fan) and the Redis key suffixes where
it caches them; export and erasure walk this registry and nothing else."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FanDataSource:
    model: type
    creator_field: str = "creator_id"
    fan_field: str = "fan_id"
    cache_suffixes: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return self.model._meta.db_table

    def rows(self, creator_id: str, fan_id: str):
        return self.model.objects.filter(**{self.creator_field: creator_id, self.fan_field: fan_id})


_sources: dict[str, FanDataSource] = {}


def register(*sources: FanDataSource) -> None:
    for source in sources:
        _sources[source.label] = source


def sources() -> list[FanDataSource]:
    return list(_sources.values())


def registered_models() -> set[type]:
    return {source.model for source in _sources.values()}
