"""Thin DRF views of the personality app."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from memory.validators import FanIdInUrl

from . import selectors, services
from .serializers import ToneFeedbackSerializer, ProfileSerializer, ResponseStyleSerializer

ERRORS = {code: OpenApiResponse(description="Error envelope") for code in (400, 401, 429, 503)}


class FanView(FanIdInUrl, APIView):
    """Checks the fan id of the URL (a 400 in the envelope when it is not a platform id)."""


class PersonalityView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ProfileSerializer, **ERRORS},
                   summary="The fan's personality profile (the creator's prior until 5 interactions)")
    def get(self, request, fan_id):
        return Response(selectors.fan_profile(creator_id=request.user.creator_id, fan_id=fan_id))


class CalibrateView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=None, responses={200: ProfileSerializer, **ERRORS},
                   summary="Recalibrate the profile from the whole history now (a failure serves the previous one)")
    def post(self, request, fan_id):
        return Response(services.personality_calibrate(creator_id=request.user.creator_id, fan_id=fan_id))


class FeedbackView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=ToneFeedbackSerializer,
                   responses={200: ProfileSerializer, 404: OpenApiResponse(description="Unknown event"), **ERRORS},
                   summary="Apply one outcome of an earlier ai message to the fan's tone (adjustTone)")
    def post(self, request, fan_id):
        serializer = ToneFeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(services.personality_feedback_apply(
            creator_id=request.user.creator_id, fan_id=fan_id, **serializer.validated_data))


class ResponseStyleView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ResponseStyleSerializer, **ERRORS},
                   summary="The optimal response style for the fan (getOptimalResponseStyle)")
    def get(self, request, fan_id):
        return Response(selectors.fan_response_style(creator_id=request.user.creator_id, fan_id=fan_id))
