"""The ids a management command is given: platform ids of a creator (and fan) the database holds.
A refusal is one line and a non-zero exit (CommandError); the fan id is never echoed."""
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from core.selectors import creator_exists, fan_on_record
from core.validators import platform_id_validator

ID_RULE = "1 to 255 characters from A-Z a-z 0-9 _ . : @ -"


def checked_id(name: str, value: str) -> None:
    try:
        platform_id_validator(value)
    except ValidationError:
        raise CommandError(f"{name} must be {ID_RULE}.") from None


def checked_creator(creator_id: str) -> str:
    checked_id("creator_id", creator_id)
    if not creator_exists(creator_id=creator_id):
        raise CommandError(f"Unknown creator {creator_id!r}.")
    return creator_id


def checked_fan(creator_id: str, fan_id: str) -> tuple[str, str]:
    checked_id("fan_id", fan_id)
    checked_creator(creator_id)
    if not fan_on_record(creator_id=creator_id, fan_id=fan_id):
        raise CommandError(f"Creator {creator_id!r} holds nothing on this fan id.")
    return creator_id, fan_id
