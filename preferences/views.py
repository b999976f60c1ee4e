"""Thin DRF views of the preferences app."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core.validators import checked_fan_id

from . import selectors

ERRORS = {code: OpenApiResponse(description="Error envelope") for code in (400, 401, 429, 503)}


class PreferencesView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="The fan's learned preferences (defaults for a fan with none)")
    def get(self, request, fan_id):
        return Response(selectors.fan_preferences(creator_id=request.user.creator_id, fan_id=checked_fan_id(fan_id)))
