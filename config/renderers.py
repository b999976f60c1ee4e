import orjson
from rest_framework.renderers import JSONRenderer

ORJSON_OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS


def _default(value):
    # Decimal, lazy strings and other DRF-friendly types orjson does not know natively.
    return str(value)


class OrjsonRenderer(JSONRenderer):
    """DRF renderer on orjson: several times faster than the json module on the hot path."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, bytes):  # already-serialised documents pass through untouched
            return data
        return orjson.dumps(data, default=_default, option=ORJSON_OPTIONS)
