from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from rest_framework.exceptions import ValidationError

PLATFORM_ID_PATTERN = r"^[A-Za-z0-9_.:@-]{1,255}\Z"

platform_id_validator = RegexValidator(
    PLATFORM_ID_PATTERN, "Must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."
)


def checked_fan_id(fan_id: str) -> str:
    """The fan id of a URL, or a 400 in the envelope (the contract: a bad id is a 400, not a 404)."""
    try:
        platform_id_validator(fan_id)
    except DjangoValidationError as exc:
        raise ValidationError({"fan_id": exc.messages}) from None
    return fan_id


class FanIdInUrl:
    """View mixin: checks the URL's fan id before the handler runs."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "fan_id" in kwargs:
            checked_fan_id(kwargs["fan_id"])
