from django.urls import register_converter

from .validators import PLATFORM_ID_PATTERN


class FanIdConverter:
    """A platform id in a URL: anything else does not match (404 in the envelope)."""

    regex = PLATFORM_ID_PATTERN.strip("^$")

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FanIdConverter, "fan")
