"""Thin DRF views of the emotions app."""
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core.validators import FanIdInUrl

from . import selectors, services
from .serializers import (AnalysisBatchSerializer, AnalysisSerializer, AnalyzeSerializer, AnalyzeTextSerializer,
                          AnalyzeTextsSerializer, SignalSerializer)

ANALYSIS_OR_BATCH = PolymorphicProxySerializer(
    component_name="AnalysisOrBatch", serializers=[AnalysisSerializer, AnalysisBatchSerializer],
    resource_type_field_name=None)
TEXT_OR_TEXTS = PolymorphicProxySerializer(
    component_name="AnalyzeTextOrTexts", serializers=[AnalyzeTextSerializer, AnalyzeTextsSerializer],
    resource_type_field_name=None)


class AnalyzeView(APIView):
    rate_limit_scope = "retrieval"
    only_reads = True  # stores nothing: served in read-only mode (core.rollout)
    schema_tag = "emotions"

    @extend_schema(request=TEXT_OR_TEXTS, responses={200: ANALYSIS_OR_BATCH},
                   summary="Analyse `text` (an analysis) or 1 to 100 `texts` ({results: [...]}); stores nothing")
    def post(self, request):
        serializer = AnalyzeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "text" in data:
            return Response(services.analyze_text(data["text"]))
        return Response({"results": services.analyze_texts(data["texts"])})


class DisengagementView(FanIdInUrl, APIView):
    rate_limit_scope = "retrieval"
    schema_tag = "emotions"

    @extend_schema(responses={200: SignalSerializer(many=True)},
                   summary="The fan's current disengagement signals, [] when none (detectDisengagement)")
    def get(self, request, fan_id):
        return Response(selectors.disengagement_for(creator_id=request.user.creator_id, fan_id=fan_id))
