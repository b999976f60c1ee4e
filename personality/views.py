"""Thin DRF views of the personality app."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core.validators import FanIdInUrl

from . import selectors
from .serializers import ProfileSerializer

ERRORS = {code: OpenApiResponse(description="Error envelope") for code in (400, 401, 429, 503)}


class FanView(FanIdInUrl, APIView):
    """Checks the fan id of the URL (a 400 in the envelope when it is not a platform id)."""


class PersonalityView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ProfileSerializer, **ERRORS},
                   summary="The fan's personality profile (the creator's prior until 5 interactions)")
    def get(self, request, fan_id):
        return Response(selectors.fan_profile(creator_id=request.user.creator_id, fan_id=fan_id))
