"""GDPR endpoints: export, erasure (and its status), consent."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors
from core.errors import ServiceError
from core.validators import FanIdInUrl

from . import selectors, services
from .serializers import ConsentBodySerializer, ConsentUpdateSerializer, ErasureRequestSerializer, ExportSerializer


class FanExportView(FanIdInUrl, APIView):
    rate_limit_scope = "retrieval"
    schema_tag = "gdpr"

    @extend_schema(responses={200: ExportSerializer}, summary="Everything held on the fan (Art. 15, 20)",
                   description="One JSON document: every row held on the fan for this creator, decrypted, per table.")
    def get(self, request, fan_id):
        return Response(services.fan_data_export(creator_id=request.user.creator_id, fan_id=fan_id))


class FanErasureView(FanIdInUrl, APIView):
    rate_limit_scope = "save"
    schema_tag = "gdpr"

    @extend_schema(request=None, responses={202: ErasureRequestSerializer},
                   summary="Erase everything held on the fan (done within seconds, at most 72 h)",
                   description="Follow `request_id` with `GET /gdpr/erasure-requests/{request_id}/` for the status "
                               "and, once done, the proof (counts only).")
    def post(self, request, fan_id):
        erasure = services.erasure_request(creator_id=request.user.creator_id, fan_id=fan_id)
        erasure.refresh_from_db()
        return Response(ErasureRequestSerializer(erasure).data, status=status.HTTP_202_ACCEPTED)


class ErasureRequestView(APIView):
    rate_limit_scope = "retrieval"
    schema_tag = "gdpr"

    @extend_schema(responses={200: ErasureRequestSerializer, **errors(not_found="no such erasure request.")},
                   summary="Status and proof of an erasure")
    def get(self, request, request_id):
        erasure = selectors.erasure_request_for(creator_id=request.user.creator_id, request_id=request_id)
        if erasure is None:
            raise ServiceError("MEMORY_NOT_FOUND", "No such erasure request.")
        return Response(ErasureRequestSerializer(erasure).data)


class FanConsentView(FanIdInUrl, APIView):
    rate_limit_scope = "retrieval"
    schema_tag = "gdpr"

    @extend_schema(responses={200: ConsentBodySerializer}, summary="Consent per purpose, with history",
                   description="Each purpose (memory, personalization, analytics) is granted until withdrawn.")
    def get(self, request, fan_id):
        return Response(_consent_body(request.user.creator_id, fan_id))

    @extend_schema(request=ConsentUpdateSerializer, responses={200: ConsentBodySerializer},
                   summary="Grant or withdraw consent per purpose",
                   description="`memory` withdrawn refuses the fan's new messages (403 `CONSENT_WITHDRAWN`); "
                               "`personalization` withdrawn serves defaults; `analytics` withdrawn leaves the fan "
                               "out of `/stats/`.")
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
