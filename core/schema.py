"""The OpenAPI schema as the API behaves (drf-spectacular): the key scheme, one tag per domain,
descriptions only where written for API users, and a postprocessing hook that documents the error
envelope on every error answer, the platform id pattern of every fan id and the refusal of
unknown fields in request bodies."""
from django.core.validators import RegexValidator
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .api import ERROR_DESCRIPTIONS, StrictSerializer
from .errors import STATUS_OF

ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_BODY_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "enum": sorted(STATUS_OF)},
        "message": {"type": "string", "description": "For people; never holds personal data."},
        "recoverable": {"type": "boolean", "description": "Whether the same request may succeed later."},
        "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
                   "description": "For `INVALID_DATA`: the problems of each field."},
    },
    "required": ["type", "message", "recoverable"],
}
ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error envelope of the API, whatever the status.",
    "properties": {"error": {"$ref": "#/components/schemas/ErrorBody"}},
    "required": ["error"],
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before retrying."}}
FAN_ID = {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[A-Za-z0-9_.:@-]{1,255}$"}
ALWAYS = (401, 429, 500, 503)
# DRF's text fields refuse NUL characters, and a trimmed one also a blank text.
NO_NUL_PATTERN = r"^[^\x00]*$"
TEXT_PATTERN = r"^[^\x00]*[^\s\x00][^\x00]*$"


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "core.auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "`Authorization: Bearer <api key>`; the key's creator is the tenant."}


class ApiSchema(AutoSchema):
    """Docstrings are for maintainers: an operation is described by its extend_schema only. The tag
    is the view's `schema_tag`. A StrictSerializer's body refuses unknown fields
    (`additionalProperties: false`) and may need `min_properties` of them."""

    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request" and isinstance(serializer, StrictSerializer):
            schema["additionalProperties"] = False
            if getattr(serializer, "min_properties", 0):
                schema["minProperties"] = serializer.min_properties
        return schema

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        regex = any(isinstance(validator, RegexValidator) for validator in field.validators)
        if direction == "request" and isinstance(field, serializers.CharField) and not regex:
            schema["pattern"] = TEXT_PATTERN if field.trim_whitespace and not field.allow_blank else NO_NUL_PATTERN
        return schema

    def get_description(self):
        return ""

    def get_tags(self):
        return [getattr(self.view, "schema_tag", "operations")]


def document_errors(result, generator, request, public):
    """Postprocessing hook (SPECTACULAR_SETTINGS)."""
    result["components"].setdefault("schemas", {})["ErrorBody"] = ERROR_BODY_SCHEMA
    for operation in (op for methods in result["paths"].values() for op in methods.values()):
        _error_answers(operation)
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["name"] == "fan_id":
                parameter["schema"] = dict(FAN_ID)
    _published_patterns(result)
    schemas = result["components"]["schemas"]
    for schema in schemas.values():
        schema.pop("description", None)  # serializers' docstrings are for maintainers
    schemas["Error"] = ERROR_SCHEMA
    return result


def _error_answers(operation: dict) -> None:
    if "requestBody" in operation:
        operation["requestBody"]["required"] = True  # a missing body is a 400 everywhere
    responses = operation["responses"]
    codes = set(ALWAYS)
    if operation.get("parameters") or "requestBody" in operation:
        codes.add(400)
    if "requestBody" in operation:
        codes.add(413)
    for code in sorted(codes):
        responses.setdefault(str(code), {"description": ERROR_DESCRIPTIONS[code]})
    for code, response in responses.items():
        if int(code) >= 400:
            response["content"] = {"application/json": {"schema": ERROR_REF}}
            if code in ("429", "503"):
                response["headers"] = RETRY_AFTER


def _published_patterns(schema) -> None:
    """Python's end anchor `\\Z` (no newline before the end) is `$` in the schema's ECMA dialect."""
    if isinstance(schema, dict):
        if isinstance(schema.get("pattern"), str):
            schema["pattern"] = schema["pattern"].replace("\\Z", "$")
        for value in schema.values():
            _published_patterns(value)
    elif isinstance(schema, list):
        for value in schema:
            _published_patterns(value)
