"""The fan's consent per purpose, read through the one reader the gdpr app registers at start-up,
so that any app can ask without knowing the gdpr app."""
from collections.abc import Callable

_reader: list[Callable[..., bool]] = []


def register_reader(reader: Callable[..., bool]) -> None:
    _reader[:] = [reader]


def allowed(*, creator_id: str, fan_id: str, purpose: str) -> bool:
    return _reader[0](creator_id=creator_id, fan_id=fan_id, purpose=purpose)
