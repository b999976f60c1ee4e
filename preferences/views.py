"""Thin DRF views of the preferences app."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from memory.validators import checked_fan_id

from . import selectors
from .serializers import RecommendationsSchema, RecommendationRequestSerializer, RecommendationSerializer

ERRORS = {code: OpenApiResponse(description="Error envelope") for code in (400, 401, 429, 503)}


class PreferencesView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="The fan's learned preferences (defaults for a fan with none)")
    def get(self, request, fan_id):
        return Response(selectors.fan_preferences(creator_id=request.user.creator_id, fan_id=checked_fan_id(fan_id)))


class RecommendationsView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(request=RecommendationsSchema,
                   responses={200: RecommendationSerializer(many=True), **ERRORS},
                   summary="Rank 1 to 200 available items for the fan: [{content_id, score, reason, ...}]")
    def post(self, request, fan_id):
        fan_id = checked_fan_id(fan_id)
        serializer = RecommendationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(selectors.content_recommendations(
            creator_id=request.user.creator_id, fan_id=fan_id, items=serializer.validated_data["available_content"]))
