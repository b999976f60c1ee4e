"""GDPR endpoints: export, erasure (and its status), consent."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import ServiceError
from core.validators import FanIdInUrl
from core.api import ERRORS

from . import selectors, services
from .serializers import ConsentUpdateSerializer, ErasureRequestSerializer


class FanExportView(FanIdInUrl, APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS}, summary="Everything held on the fan (Art. 15, 20)")
    def get(self, request, fan_id):
        return Response(services.fan_data_export(creator_id=request.user.creator_id, fan_id=fan_id))


class FanErasureView(FanIdInUrl, APIView):
    rate_limit_scope = "save"

    @extend_schema(request=None, responses={202: ErasureRequestSerializer, **ERRORS},
                   summary="Erase everything held on the fan (done within seconds, at most 72 h)")
    def post(self, request, fan_id):
        erasure = services.erasure_request(creator_id=request.user.creator_id, fan_id=fan_id)
        erasure.refresh_from_db()
        return Response(ErasureRequestSerializer(erasure).data, status=status.HTTP_202_ACCEPTED)


class ErasureRequestView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ErasureRequestSerializer, **ERRORS}, summary="Status and proof of an erasure")
    def get(self, request, request_id):
        erasure = selectors.erasure_request_for(creator_id=request.user.creator_id, request_id=request_id)
        if erasure is None:
            raise ServiceError("MEMORY_NOT_FOUND", "No such erasure request.")
        return Response(ErasureRequestSerializer(erasure).data)


class FanConsentView(FanIdInUrl, APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS}, summary="Consent per purpose, with history")
    def get(self, request, fan_id):
        return Response(_consent_body(request.user.creator_id, fan_id))

    @extend_schema(request=ConsentUpdateSerializer, responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="Grant or withdraw consent per purpose")
    def put(self, request, fan_id):
        serializer = ConsentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.consent_update(creator_id=request.user.creator_id, fan_id=fan_id, changes=serializer.validated_data)
        return Response(_consent_body(request.user.creator_id, fan_id))


def _consent_body(creator_id: str, fan_id: str) -> dict:
    return {
        "fan_id": fan_id,
        "consent": selectors.consents_for(creator_id, [fan_id])[fan_id],
        "history": selectors.consent_history(creator_id=creator_id, fan_id=fan_id),
    }
