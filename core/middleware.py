from django.conf import settings

from .db.base import query_deadline


class QueryDeadline:
    """Every query of an HTTP request has a deadline (DB_QUERY_TIMEOUT): never a hung request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with query_deadline(settings.DB_QUERY_TIMEOUT):
            return self.get_response(request)
