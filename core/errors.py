"""One error envelope for every error the service returns.

{"error": {"type": "...", "message": "...", "recoverable": bool, "fields": {...}}}
Messages never carry personal data: they are written here, not copied from exceptions.
"""
import logging
from functools import wraps

from django.conf import settings

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .metrics import ERRORS

logger = logging.getLogger("fanmemory.errors")

DB_RETRY_AFTER_SECONDS = 5


# The contract's error types and their HTTP statuses: the one place where a domain error meets HTTP.
STATUS_OF = {
    "INVALID_DATA": 400, "UNAUTHENTICATED": 401, "FORBIDDEN": 403, "CONSENT_WITHDRAWN": 403,
    "MEMORY_NOT_FOUND": 404, "METHOD_NOT_ALLOWED": 405, "CONFLICT": 409, "PAYLOAD_TOO_LARGE": 413,
    "RATE_LIMIT_EXCEEDED": 429, "INTERNAL": 500, "DATABASE_ERROR": 503, "READ_ONLY": 503,
}


class ServiceError(Exception):
    """A domain error of the contract: a type and a message safe to show (no personal data).
    Services raise it; the API maps its type to a status here, never in the services."""

    def __init__(self, error_type: str, message: str, recoverable: bool = True, fields: dict | None = None,
                 retry_after: int | None = None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.recoverable = recoverable
        self.fields = fields
        self.retry_after = retry_after

    @property
    def status_code(self) -> int:
        return STATUS_OF[self.error_type]


def invalid(fields: dict) -> ServiceError:
    return ServiceError("INVALID_DATA", "Invalid input.", fields=flatten_fields(fields))


def envelope(error_type: str, message: str, recoverable: bool = True, fields: dict | None = None) -> dict:
    body = {"type": error_type, "message": message, "recoverable": recoverable}
    if fields:
        body["fields"] = fields
    return {"error": body}


def flatten_fields(detail) -> dict:
    if isinstance(detail, dict):
        return {key: _messages(value) for key, value in detail.items()}
    return {"non_field_errors": _messages(detail)}


def _messages(value) -> list:
    if isinstance(value, list):
        out = []
        for item in value:
            out.extend(_messages(item) if isinstance(item, (list, dict)) else [str(item)])
        return out
    if isinstance(value, dict):
        return [f"{key}: {msg}" for key, inner in value.items() for msg in _messages(inner)]
    return [str(value)]


_SIMPLE = {
    exceptions.NotAuthenticated: ("UNAUTHENTICATED", "Authentication credentials were not provided."),
    exceptions.AuthenticationFailed: ("UNAUTHENTICATED", "Invalid or revoked API key."),
    exceptions.PermissionDenied: ("FORBIDDEN", "You do not have permission to perform this action."),
    exceptions.NotFound: ("MEMORY_NOT_FOUND", "Not found."),
    exceptions.MethodNotAllowed: ("METHOD_NOT_ALLOWED", "Method not allowed."),
    exceptions.NotAcceptable: ("INVALID_DATA", "Cannot produce the requested media type."),
    exceptions.UnsupportedMediaType: ("INVALID_DATA", "Send the body as application/json."),
    exceptions.ParseError: ("INVALID_DATA", "The body is not valid JSON."),
    exceptions.Throttled: ("RATE_LIMIT_EXCEEDED", "Too many requests: retry later."),
}


def api_exception_handler(exc, context):
    if isinstance(exc, ServiceError):
        return service_error_response(exc)
    if isinstance(exc, (OperationalError, InterfaceError)):
        _log(exc, context)
        return Response(
            envelope("DATABASE_ERROR", "The database is unavailable: retry later."),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(DB_RETRY_AFTER_SECONDS)},
        )
    if isinstance(exc, RequestDataTooBig):
        return Response(envelope("PAYLOAD_TOO_LARGE", "The request body is too large."), status=413)
    if not isinstance(exc, (exceptions.APIException, Http404, DjangoPermissionDenied)):
        _log(exc, context)
        return Response(envelope("INTERNAL", "Internal error.", recoverable=False), status=500)

    response = drf_exception_handler(exc, context)
    response.data = _envelope_for(exc, response)
    ERRORS.labels(type=response.data["error"]["type"]).inc()
    return response


def service_error_response(exc: ServiceError) -> Response:
    ERRORS.labels(type=exc.error_type).inc()
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    return Response(service_error_body(exc), status=exc.status_code, headers=headers)


def service_error_body(exc: ServiceError) -> dict:
    return envelope(exc.error_type, exc.message, exc.recoverable, exc.fields)


def _envelope_for(exc, response) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        return envelope("INVALID_DATA", "Invalid input.", True, flatten_fields(exc.detail))
    for exc_class, (error_type, message) in _SIMPLE.items():
        if isinstance(exc, exc_class):
            return envelope(error_type, getattr(exc, "public_message", message))
    if response.status_code == 404:
        return envelope("MEMORY_NOT_FOUND", "Not found.")
    if response.status_code == 403:
        return envelope("FORBIDDEN", "Forbidden.")
    return envelope("INVALID_DATA", "Invalid request.")


def _log(exc, context) -> None:
    ERRORS.labels(type="INTERNAL" if not isinstance(exc, (OperationalError, InterfaceError)) else "DATABASE_ERROR").inc()
    view = context.get("view")
    route = type(view).__name__ if view is not None else "unknown"
    # Type and route only: exception messages can quote personal data (SQL parameters, bodies).
    logger.error("error %s in %s", type(exc).__name__, route, exc_info=settings.DEBUG)


# Django-level handlers (routes outside DRF: unknown URLs, crashes before a view).
def not_found(request, exception=None):
    return JsonResponse(envelope("MEMORY_NOT_FOUND", "No such route."), status=404)


# The last route: an unknown URL is this envelope under DEBUG too (not Django's page of every route),
# whatever the method (no CSRF refusal first).
unknown_route = csrf_exempt(not_found)


def unanswered_method(request, allowed: tuple[str, ...]) -> HttpResponse | None:
    """For a plain Django view: OPTIONS lists the allowed methods, another method is a 405 in the envelope."""
    if request.method in allowed:
        return None
    status_code, body = (200, {}) if request.method == "OPTIONS" else (405, envelope("METHOD_NOT_ALLOWED",
                                                                                      "Method not allowed."))
    return JsonResponse(body, status=status_code, headers={"Allow": ", ".join((*allowed, "OPTIONS"))})


def allow_methods(*allowed: str):
    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def checked(request, *args, **kwargs):
            return unanswered_method(request, allowed) or view(request, *args, **kwargs)
        return checked
    return decorate


def server_error(request):
    return JsonResponse(envelope("INTERNAL", "Internal error.", recoverable=False), status=500)


def bad_request(request, exception=None):
    return JsonResponse(envelope("INVALID_DATA", "Bad request."), status=400)


def permission_denied(request, exception=None):
    return JsonResponse(envelope("FORBIDDEN", "Forbidden."), status=403)
