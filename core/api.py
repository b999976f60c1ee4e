"""What every app's API shares: strict serializers, the platform id field, the documented errors."""
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from .validators import PLATFORM_ID_PATTERN

ERRORS = {code: OpenApiResponse(description="Error envelope") for code in (400, 401, 409, 413, 429, 503)}


class StrictSerializer(serializers.Serializer):
    """Rejects fields it does not know, so a client's typo is a 400, not silently dropped."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields)
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in sorted(unknown)})
        return super().to_internal_value(data)


def platform_id_field(**kwargs):
    return serializers.RegexField(PLATFORM_ID_PATTERN, max_length=255, trim_whitespace=False, **kwargs)
