"""The one registry of personal data. Each app declares, in its own `personal_data.py`, the
models that hold data about a fan (keyed by creator and fan) and the Redis key suffixes where
it caches them; export and erasure walk this registry and nothing else.

A source may also declare `before_erase(creator_id=, fan_id=)`: called in the erasure's
transaction before the learned rows are deleted, it withdraws the fan's contribution from the
app's creator-level aggregates and returns the number of aggregate rows adjusted per table.

Retention (the coordinator's) expires what was learned from deleted history: a source that is
`relearned` (wholly derived from the events) is deleted and rebuilt by replaying the events that
remain; a source may instead declare `expire_before(creator_id=, fan_id=, cutoff=)`, deleting
the rows whose evidence is older than the cutoff and returning how many.

Anchors are erased first: the rows that every writer of data derived from the fan locks for its
transaction (a learning run locks its event, a calibration the fan's engagement row). So an
erasure waits for a writer in flight and then deletes what it wrote, and a writer that starts
after it finds no anchor and writes nothing: erased data never comes back."""
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FanDataSource:
    model: type
    creator_field: str = "creator_id"
    fan_field: str = "fan_id"
    cache_suffixes: tuple[str, ...] = field(default=())
    before_erase: Callable[..., dict[str, int]] | None = None
    anchor: bool = False
    relearned: bool = False
    expire_before: Callable[..., int] | None = None

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
