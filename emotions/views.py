"""Thin DRF views of the emotions app."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from personality.views import ERRORS, FanView

from . import selectors, services
from .serializers import AnalysisSerializer, AnalyzeSerializer, EmotionalStateSerializer, SignalSerializer


class AnalyzeView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(request=AnalyzeSerializer,
                   responses={200: OpenApiResponse(AnalysisSerializer, description="An analysis for `text`, "
                                                   "or {results: [...]} (AnalysisBatch) for `texts`"), **ERRORS},
                   summary="Analyse one text or 1 to 100 texts (stores nothing)")
    def post(self, request):
        serializer = AnalyzeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "text" in data:
            return Response(services.analyze_text(data["text"]))
        return Response({"results": services.analyze_texts(data["texts"])})


class EmotionalStateView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: EmotionalStateSerializer, **ERRORS},
                   summary="The fan's emotional state (defaults for a fan with no messages)")
    def get(self, request, fan_id):
        return Response(selectors.fan_emotional_state(creator_id=request.user.creator_id, fan_id=fan_id))


class DisengagementView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: SignalSerializer(many=True), **ERRORS},
                   summary="The fan's current disengagement signals, [] when none (detectDisengagement)")
    def get(self, request, fan_id):
        return Response(selectors.disengagement_for(creator_id=request.user.creator_id, fan_id=fan_id))
