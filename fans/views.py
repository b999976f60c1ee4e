"""The views that need several apps: interactions, contexts, the fan list, stats, deletion, and the
endpoints computed from another app's data (calibration, tone feedback, response style,
recommendations). Thin: validate, call one action or selector, answer."""
import logging

from django.db import InterfaceError, OperationalError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import ERRORS
from core.breakers import DATABASE
from core.errors import ServiceError, envelope, flatten_fields, service_error_body
from core.metrics import RETRIEVAL_SECONDS, SAVE_SECONDS
from core.validators import FanIdInUrl
from memory import selectors as memory_selectors
from memory.serializers import BatchSerializer, InteractionSerializer
from memory.services import body_hash
from personality.serializers import ProfileSerializer, ResponseStyleSerializer, ToneFeedbackSerializer
from preferences.serializers import RecommendationRequestSerializer, RecommendationSerializer, RecommendationsSchema

from . import actions, context, queries
from .filters import FanFilter
from .serializers import (BulkContextSerializer, ContextQuerySerializer, FanSummarySerializer, RecallAnswerSerializer,
                          RecallSerializer)

logger = logging.getLogger("fanmemory.fans")


def save_one(creator_id: str, raw_event) -> actions.SaveOutcome:
    serializer = InteractionSerializer(data=raw_event)
    serializer.is_valid(raise_exception=True)
    return actions.interaction_save(creator_id=creator_id, event=serializer.validated_data,
                                    raw_hash=body_hash(raw_event))


class InteractionViewSet(viewsets.ViewSet):
    rate_limit_scopes = {"create": "save", "batch": "bulk"}

    @extend_schema(request=InteractionSerializer, responses={201: OpenApiTypes.OBJECT, 200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="Save one interaction event (idempotent on event_id)")
    def create(self, request):
        with SAVE_SECONDS.time():
            outcome = save_one(request.user.creator_id, request.data)
        return Response(outcome.body, status=outcome.status)

    @extend_schema(request=BatchSerializer, responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="Save up to 500 events; one bad event does not reject the others")
    @action(detail=False, methods=["post"])
    def batch(self, request):
        serializer = BatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        results = [self._batch_item(request.user.creator_id, raw) for raw in serializer.validated_data["events"]]
        return Response({"results": results})

    @staticmethod
    def _batch_item(creator_id: str, raw_event) -> dict:
        event_id = raw_event.get("event_id") if isinstance(raw_event, dict) else None
        event_id = event_id if isinstance(event_id, str) else None
        try:
            outcome = save_one(creator_id, raw_event)
        except ValidationError as exc:
            error = envelope("INVALID_DATA", "Invalid input.", True, flatten_fields(exc.detail))
            return {"event_id": event_id, "status": 400, **error}
        except ServiceError as exc:
            return {"event_id": event_id, "status": exc.status_code, **service_error_body(exc)}
        except (OperationalError, InterfaceError):
            return {"event_id": event_id, "status": 503,
                    **envelope("DATABASE_ERROR", "The database is unavailable: retry this event later.")}
        except Exception as exc:  # one event's failure must not lose the others' results
            logger.error("batch event failed: %s", type(exc).__name__)
            return {"event_id": event_id, "status": 500,
                    **envelope("INTERNAL", "This event could not be saved.", True)}
        return {"event_id": event_id, "status": outcome.status, "result": outcome.body}


def _degraded(request) -> bool:
    """Served from the cache alone while PostgreSQL is unreachable (the key verified from Redis,
    or the database circuit not closed)."""
    return request.user.degraded or DATABASE.state != "closed"


def _marked(response: Response, degraded: bool) -> Response:
    if degraded:
        response["X-Degraded"] = "database"
    return response


class FanPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:  # DRF's answer to a page that is not a number or past the end
            raise ValidationError({"page": ["Must be a page number from 1 to the last page."]}) from None


class FanViewSet(FanIdInUrl, viewsets.GenericViewSet):
    lookup_field = "fan_id"
    lookup_value_regex = "[^/]+"
    rate_limit_scope = "retrieval"
    rate_limit_scopes = {"bulk_context": "bulk", "destroy": "save"}
    only_reads = False  # bulk_context's POST only reads: served in read-only mode (core.rollout)
    filterset_class = FanFilter
    pagination_class = FanPagination
    serializer_class = FanSummarySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request user
            return memory_selectors.fans_with_memory(creator_id="")
        return memory_selectors.fans_with_memory(creator_id=self.request.user.creator_id).order_by("-last_interaction", "id")

    @extend_schema(summary="The creator's fans with memory", responses={200: FanSummarySerializer(many=True), **ERRORS})
    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        if "ordering" in request.query_params:
            queryset = queryset.order_by(*queryset.query.order_by, "id")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(FanSummarySerializer(page, many=True).data)

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="Engagement score (0..1) and the metrics behind it")
    @action(detail=True, methods=["get"])
    def engagement(self, request, fan_id=None):
        engagement = memory_selectors.fan_engagement(creator_id=request.user.creator_id, fan_id=fan_id)
        if engagement is None:
            raise ServiceError("MEMORY_NOT_FOUND", "No memory of this fan.")
        return Response(engagement)

    @extend_schema(parameters=[ContextQuerySerializer], responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="The fan's memory context (defaults and is_new for an unknown fan)")
    @action(detail=True, methods=["get"])
    def context(self, request, fan_id=None):
        query = ContextQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        with RETRIEVAL_SECONDS.labels(kind="context").time():
            contexts = context.contexts(
                creator_id=request.user.creator_id, fan_ids=[fan_id], messages=query.validated_data["messages"]
            )
            if "query" in query.validated_data:
                queries.with_relevant_memories(contexts, creator_id=request.user.creator_id,
                                               queries={fan_id: query.validated_data["query"]},
                                               k=query.validated_data["recall"])
        degraded = _degraded(request)
        return _marked(Response({**contexts[fan_id], "degraded": degraded}), degraded)

    @extend_schema(request=BulkContextSerializer, responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="Memory contexts of 1 to 100 fans")
    @action(detail=False, methods=["post"], url_path="bulk-context", only_reads=True)
    def bulk_context(self, request):
        serializer = BulkContextSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with RETRIEVAL_SECONDS.labels(kind="bulk").time():
            contexts = context.contexts(
                creator_id=request.user.creator_id,
                fan_ids=serializer.validated_data["fan_ids"],
                messages=serializer.validated_data["messages"],
            )
            queries.with_relevant_memories(contexts, creator_id=request.user.creator_id,
                                           queries=serializer.validated_data["queries"],
                                           k=serializer.validated_data["recall"])
        degraded = _degraded(request)
        return _marked(Response({"results": contexts, "degraded": degraded}), degraded)

    @extend_schema(responses={204: None, **ERRORS}, summary="Forget everything held on the fan")
    def destroy(self, request, fan_id=None):
        actions.fan_erase_requested(creator_id=request.user.creator_id, fan_id=fan_id, requested_by="delete endpoint")
        return Response(status=status.HTTP_204_NO_CONTENT)


class StatsView(APIView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS}, summary="The creator's totals")
    def get(self, request):
        return Response(queries.creator_stats(creator_id=request.user.creator_id))


class FanView(FanIdInUrl, APIView):
    """Checks the fan id of the URL (a 400 in the envelope when it is not a platform id)."""


class PersonalityView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ProfileSerializer, **ERRORS},
                   summary="The fan's personality profile (the creator's prior until 5 interactions)")
    def get(self, request, fan_id):
        return Response(context.personal_part(creator_id=request.user.creator_id, fan_id=fan_id,
                                              part=context.PERSONALITY))


class PreferencesView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   summary="The fan's learned preferences (defaults for a fan with none)")
    def get(self, request, fan_id):
        return Response(context.personal_part(creator_id=request.user.creator_id, fan_id=fan_id,
                                              part=context.PREFERENCES))


class CalibrateView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=None, responses={200: ProfileSerializer, **ERRORS},
                   summary="Recalibrate the profile from the whole history now (a failure serves the previous one)")
    def post(self, request, fan_id):
        return Response(queries.calibrate(creator_id=request.user.creator_id, fan_id=fan_id))


class ToneFeedbackView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=ToneFeedbackSerializer,
                   responses={200: ProfileSerializer, 404: OpenApiResponse(description="Unknown event"), **ERRORS},
                   summary="Apply one outcome of an earlier ai message to the fan's tone (adjustTone)")
    def post(self, request, fan_id):
        serializer = ToneFeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(queries.tone_feedback_apply(creator_id=request.user.creator_id, fan_id=fan_id,
                                                    **serializer.validated_data))


class ResponseStyleView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: ResponseStyleSerializer, **ERRORS},
                   summary="The optimal response style for the fan (getOptimalResponseStyle)")
    def get(self, request, fan_id):
        return Response(context.response_style(creator_id=request.user.creator_id, fan_id=fan_id))


class RecommendationsView(FanView):
    rate_limit_scope = "retrieval"
    only_reads = True  # served in read-only mode (core.rollout)

    @extend_schema(request=RecommendationsSchema, responses={200: RecommendationSerializer(many=True), **ERRORS},
                   summary="Rank 1 to 200 available items for the fan: [{content_id, score, reason, ...}]")
    def post(self, request, fan_id):
        serializer = RecommendationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(queries.content_recommendations(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        items=serializer.validated_data["available_content"]))


class RecallView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(request=RecallSerializer, responses={200: RecallAnswerSerializer, **ERRORS},
                   summary="What the fan said before that matters for this query: the best k messages of the whole history")
    def post(self, request, fan_id):
        serializer = RecallSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with RETRIEVAL_SECONDS.labels(kind="recall").time():
            return Response(queries.recall(creator_id=request.user.creator_id, fan_id=fan_id,
                                           **serializer.validated_data))
