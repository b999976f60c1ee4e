from django.urls import register_converter


class FanIdConverter:
    """A fan id in a URL: any segment matches, the view checks it (core.validators.FanIdInUrl),
    so that a bad id is a 400 as the contract says."""

    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FanIdConverter, "fan")
