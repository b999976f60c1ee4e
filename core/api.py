"""What every app's API shares: strict serializers, the platform id field, the documented errors
(their envelope is added to every error response by core.schema), list answers."""
import re
from decimal import Decimal

from django.core.validators import RegexValidator
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import OpenApiResponse, extend_schema_field, inline_serializer
from rest_framework import serializers

from .validators import PLATFORM_ID_PATTERN

ERROR_DESCRIPTIONS = {
    400: "`INVALID_DATA`: a fan id, parameter or body the contract refuses; `fields` names each problem.",
    401: "`UNAUTHENTICATED`: no key, an unknown or revoked key, or another scheme than `Bearer`.",
    403: "`CONSENT_WITHDRAWN`: the fan withdrew consent to memory, nothing was stored.",
    404: "`MEMORY_NOT_FOUND`: nothing of this kind for this creator.",
    409: "`CONFLICT`: the id was already used with another body, or the value exists already.",
    413: "`PAYLOAD_TOO_LARGE`: the body is over the size limit.",
    429: "`RATE_LIMIT_EXCEEDED`: retry after `Retry-After` seconds.",
    500: "`INTERNAL`: an unexpected error (no detail is given).",
    503: "`DATABASE_ERROR` (or `READ_ONLY`): the service cannot answer now; retry after `Retry-After` seconds.",
}


def errors(*codes: int, **described: str) -> dict:
    """Error answers of an operation beyond the ones every operation has (core.schema adds those):
    `errors(409, not_found="No such fact for this fan.")`."""
    responses = {code: OpenApiResponse(description=ERROR_DESCRIPTIONS[code]) for code in codes}
    if "not_found" in described:
        responses[404] = OpenApiResponse(description=f"`MEMORY_NOT_FOUND`: {described['not_found']}")
    return responses


def validated(serializer_class, data, **context) -> dict:
    """The serializer's validated data, or the 400 of the envelope."""
    serializer = serializer_class(data=data, context=context)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def results_of(name: str, item) -> serializers.Serializer:
    """`{"results": [item, ...]}`, as the list endpoints answer."""
    return inline_serializer(name=name, fields={"results": item(many=True)})


@extend_schema_field({"$ref": "#/components/schemas/ErrorBody"})
class ErrorBodyField(serializers.DictField):
    """The body of the error envelope (its schema is written by core.schema)."""


# JSON bodies hold the types the schema names: DRF would take 0 for false and 12 for "12".
JSON_TYPES = ((serializers.BooleanField, (bool,), "a boolean"), (serializers.CharField, (str,), "a string"),
              (serializers.IntegerField, (int,), "an integer"), (serializers.FloatField, (int, float), "a number"))


def _type_errors(fields, data: dict) -> dict:
    errors = {}
    for name, field in fields.items():
        value = data.get(name)
        for field_class, types, named in JSON_TYPES:
            if value is not None and isinstance(field, field_class) and (
                    not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
                errors[name] = [f"Must be {named}."]
    return errors


class StrictSerializer(serializers.Serializer):
    """For JSON bodies: rejects fields it does not know, so a client's typo is a 400, not silently
    dropped, and values of another JSON type than the field's."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            errors = {name: ["Unknown field."] for name in sorted(set(data) - set(self.fields))}
            errors.update(_type_errors(self.fields, data))
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class StringField(serializers.CharField):
    """A JSON string only (a list's items are not checked by StrictSerializer)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# Some character that is not white space as JSON Schema (ECMAScript) reads it, so the published
# pattern and the check agree (Python's str.isspace() also counts \x1c-\x1f and \x85).
not_blank = RegexValidator(r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]",
                           message="Must not be blank.")


class PlatformIdField(StringField, serializers.RegexField):
    pass


def platform_id_field(**kwargs):
    return PlatformIdField(PLATFORM_ID_PATTERN, max_length=255, trim_whitespace=False, **kwargs)


class MoneyField(serializers.DecimalField):
    """An amount of money, at least 0, with cents: a JSON string ("12.99") or a number (rounded to the cent)."""

    def __init__(self, maximum: Decimal, **kwargs):
        super().__init__(max_digits=12, decimal_places=2, min_value=0, max_value=maximum, coerce_to_string=True,
                         **kwargs)
        set_override(self, "field", {
            "oneOf": [{"type": "string", "pattern": _money_pattern(maximum)},
                      {"type": "number", "minimum": 0, "maximum": float(maximum)}],
            "description": 'A string such as "12.99", or a number (rounded to the cent).'})

    def validate_empty_values(self, data):
        if isinstance(data, str) and not data.strip():  # DRF would read a blank as null
            self.fail("invalid")
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int, float)):
            self.fail("invalid")
        if not isinstance(data, str):
            data = f"{data:.2f}"
        elif not _MONEY.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


_MONEY = re.compile(r"\d{1,10}(?:\.\d{1,2})?")


def _money_pattern(maximum: Decimal) -> str:
    whole = int(maximum)
    if maximum == whole and str(whole).rstrip("0") == "1":  # a power of ten: below it, or exactly it
        return rf"^(?:\d{{1,{len(str(whole)) - 1}}}(?:\.\d{{1,2}})?|{whole}(?:\.0{{1,2}})?)$"
    return rf"^\d{{1,{len(str(whole))}}}(?:\.\d{{1,2}})?$"
