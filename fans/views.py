"""The views that need several apps: interactions, contexts, the fan list, stats, deletion, and the
endpoints computed from another app's data (calibration, tone feedback, response style,
recommendations). Thin: validate, call one action or selector, answer."""
import logging

from django.db import InterfaceError, OperationalError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors
from core.breakers import DATABASE
from core.errors import ServiceError, envelope, flatten_fields, service_error_body
from core.metrics import RETRIEVAL_SECONDS, SAVE_SECONDS
from core.validators import FanIdInUrl
from emotions.serializers import EmotionalStateSerializer
from memory import selectors as memory_selectors
from memory.serializers import BatchSerializer, EngagementSerializer, InteractionSerializer, StatsSerializer
from memory.services import body_hash
from personality.serializers import ProfileSerializer, ResponseStyleSerializer, ToneFeedbackSerializer
from preferences.serializers import (CategoryPreferenceSerializer, PreferenceDeltaSerializer, PreferencesSerializer,
                                     RecommendationRequestSerializer, RecommendationSerializer, RecommendationsSchema)
from preferences.services import CATEGORY_PATTERN

from . import actions, context, queries
from .filters import FanFilter
from .serializers import (BatchResultSerializer, BulkContextResultSerializer, BulkContextSerializer,
                          ContextQuerySerializer, ContextSerializer, FanSummarySerializer, InteractionResultSerializer,
                          RecallAnswerSerializer, RecallSerializer)

logger = logging.getLogger("fanmemory.fans")


def save_one(creator_id: str, raw_event) -> actions.SaveOutcome:
    serializer = InteractionSerializer(data=raw_event)
    serializer.is_valid(raise_exception=True)
    return actions.interaction_save(creator_id=creator_id, event=serializer.validated_data,
                                    raw_hash=body_hash(raw_event))


class InteractionViewSet(viewsets.ViewSet):
    rate_limit_scopes = {"create": "save", "batch": "bulk"}
    schema_tag = "interactions"

    @extend_schema(request=InteractionSerializer, summary="Save one interaction event (idempotent on event_id)",
                   description="Exactly the object named by `type` is required. A message is analysed at once "
                               "(`analysis`); learning happens after the answer. Sending the same `event_id` with "
                               "the same body again answers 200 and the first answer; with another body, 409.",
                   responses={201: InteractionResultSerializer,
                              200: OpenApiResponse(InteractionResultSerializer, description="A replay: the first answer."),
                              **errors(403, 409)})
    def create(self, request):
        with SAVE_SECONDS.time():
            outcome = save_one(request.user.creator_id, request.data)
        return Response(outcome.body, status=outcome.status)

    @extend_schema(request=BatchSerializer, responses={200: BatchResultSerializer},
                   summary="Save up to 500 events; one bad event does not reject the others",
                   description="Each event is validated and saved as `POST /interactions/` would; the answer holds "
                               "one result per event, in order, with the status it alone would have had.")
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
    """`page` and `page_size` are positive whole numbers (a 400 otherwise, where DRF would fall back
    to the default size); a page past the last one is a 404."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        for name, highest in (("page", None), ("page_size", self.max_page_size)):
            _checked_number(request.query_params, name, highest)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:  # past the last page
            raise ServiceError("MEMORY_NOT_FOUND", "No such page: past the last one.") from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == "page_size":
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


def _checked_number(params, name: str, highest: int | None) -> None:
    value = params.get(name)
    if value is None:
        return
    if not value.isascii() or not value.isdigit() or int(value) < 1 or (highest and int(value) > highest):
        upto = f" to {highest}" if highest else ""
        raise ValidationError({name: [f"Must be a whole number from 1{upto}."]})


class FanViewSet(FanIdInUrl, viewsets.GenericViewSet):
    schema_tag = "fans"
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

    @extend_schema(summary="The creator's fans with memory",
                   description="Paginated (`page`, `page_size` up to 500), newest interaction first unless `ordering` "
                               "says otherwise.",
                   responses={200: FanSummarySerializer(many=True), **errors(not_found="a page past the last one.")})
    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(FanSummarySerializer(page, many=True).data)

    @extend_schema(responses={200: EngagementSerializer, **errors(not_found="no memory of this fan.")},
                   summary="Engagement score (0..1) and the metrics behind it (getEngagementScore)",
                   description="activity_score = 0.35 recency + 0.25 frequency + 0.25 purchases + 0.15 reply rate; "
                               "engagement_score is it damped by the worst disengagement signal (x0.9 low, x0.75 "
                               "medium, x0.5 high), so a fan with a high-severity signal is never `high`.")
    @action(detail=True, methods=["get"])
    def engagement(self, request, fan_id=None):
        engagement = queries.fan_engagement(creator_id=request.user.creator_id, fan_id=fan_id)
        if engagement is None:
            raise ServiceError("MEMORY_NOT_FOUND", "No memory of this fan.")
        return Response(engagement)

    @extend_schema(parameters=[ContextQuerySerializer], responses={200: ContextSerializer},
                   summary="The fan's memory context (getMemoryContext)", tags=["context"],
                   description="Everything to read before answering the fan. A fan with no memory yet gets "
                               "`is_new: true`, no messages and default profiles, so there is always an answer.")
    @action(detail=True, methods=["get"])
    def context(self, request, fan_id=None):
        query = ContextQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        with RETRIEVAL_SECONDS.labels(kind="context").time():
            contexts = context.contexts(
                creator_id=request.user.creator_id, fan_ids=[fan_id], messages=query.validated_data["messages"]
            )
            if query.validated_data.get("query", "").strip():
                queries.with_relevant_memories(contexts, creator_id=request.user.creator_id,
                                               queries={fan_id: query.validated_data["query"]},
                                               k=query.validated_data["recall"])
        degraded = _degraded(request)
        return _marked(Response({**contexts[fan_id], "degraded": degraded}), degraded)

    @extend_schema(request=BulkContextSerializer, responses={200: BulkContextResultSerializer}, tags=["context"],
                   summary="Memory contexts of 1 to 100 fans (getMemoriesForFans)")
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

    @extend_schema(responses={204: None}, summary="Forget everything held on the fan (clearMemory)",
                   description="Synchronous: the database rows and cached parts are gone when it answers. An "
                               "unknown fan is a 204 too.")
    def destroy(self, request, fan_id=None):
        actions.fan_erase_requested(creator_id=request.user.creator_id, fan_id=fan_id, requested_by="delete endpoint")
        return Response(status=status.HTTP_204_NO_CONTENT)


class StatsView(APIView):
    rate_limit_scope = "retrieval"
    schema_tag = "fans"

    @extend_schema(responses={200: StatsSerializer}, summary="The creator's totals (getMemoryStats)",
                   description="Fans who withdrew consent to analytics are left out.")
    def get(self, request):
        return Response(queries.creator_stats(creator_id=request.user.creator_id))


class FanView(FanIdInUrl, APIView):
    """Checks the fan id of the URL (a 400 in the envelope when it is not a platform id)."""


class PersonalityView(FanView):
    rate_limit_scope = "retrieval"
    schema_tag = "personality"

    @extend_schema(responses={200: ProfileSerializer},
                   summary="The fan's personality profile (the creator's prior until 5 interactions)")
    def get(self, request, fan_id):
        return Response(context.personal_part(creator_id=request.user.creator_id, fan_id=fan_id,
                                              part=context.PERSONALITY))


class PreferencesView(FanView):
    rate_limit_scope = "retrieval"
    schema_tag = "preferences"

    @extend_schema(responses={200: PreferencesSerializer},
                   summary="The fan's learned preferences (getPredictedPreferences)",
                   description="Defaults for a fan with none, or while personalization is off.")
    def get(self, request, fan_id):
        return Response(context.personal_part(creator_id=request.user.creator_id, fan_id=fan_id,
                                              part=context.PREFERENCES))


# Written out: drf-spectacular publishes every PATCH body as partial, and `delta` is required.
PREFERENCE_DELTA_SCHEMA = {
    "type": "object", "required": ["delta"], "additionalProperties": False,
    "properties": {"delta": {"type": "number", "minimum": -1, "maximum": 1,
                             "description": "The weight of the evidence: a purchase counts 1, an ignored offer -0.3."}},
}


class PreferenceScoreView(FanView):
    rate_limit_scope = "save"
    schema_tag = "preferences"

    @extend_schema(request={"application/json": PREFERENCE_DELTA_SCHEMA},
                   parameters=[OpenApiParameter("category", OpenApiTypes.STR, OpenApiParameter.PATH,
                                                pattern=CATEGORY_PATTERN.pattern,
                                                description="A content category: 1 to 64 of a-z 0-9 _ -.")],
                   responses={200: CategoryPreferenceSerializer,
                              403: OpenApiResponse(description="`CONSENT_WITHDRAWN`: personalization is off for this "
                                                               "fan; nothing was stored."),
                              **errors(not_found="no memory of this fan.")},
                   summary="Move the fan's score of one category (updatePreferenceScore)",
                   description="`delta` in -1..1 is evidence for (> 0) or against (< 0) the category, weighed as a "
                               "purchase (1) or an ignored offer (-0.3) would be. Answers the category's new "
                               "preference. 403 `CONSENT_WITHDRAWN` while personalization is off for the fan.")
    def patch(self, request, fan_id, category):
        serializer = PreferenceDeltaSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(actions.preference_score_change(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        category=category, **serializer.validated_data))


class CalibrateView(FanView):
    rate_limit_scope = "save"
    schema_tag = "personality"

    @extend_schema(request=None, responses={200: ProfileSerializer},
                   summary="Recalibrate the profile from the whole history now (a failure serves the previous one)")
    def post(self, request, fan_id):
        return Response(queries.calibrate(creator_id=request.user.creator_id, fan_id=fan_id))


class ToneFeedbackView(FanView):
    rate_limit_scope = "save"
    schema_tag = "personality"

    @extend_schema(request=ToneFeedbackSerializer,
                   responses={200: ProfileSerializer, **errors(not_found="no message with this `about_event_id`.")},
                   summary="Apply one outcome of an earlier ai message to the fan's tone (adjustTone)")
    def post(self, request, fan_id):
        serializer = ToneFeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(queries.tone_feedback_apply(creator_id=request.user.creator_id, fan_id=fan_id,
                                                    **serializer.validated_data))


class ResponseStyleView(FanView):
    rate_limit_scope = "retrieval"
    schema_tag = "personality"

    @extend_schema(responses={200: ResponseStyleSerializer},
                   summary="The optimal response style for the fan (getOptimalResponseStyle)")
    def get(self, request, fan_id):
        return Response(context.response_style(creator_id=request.user.creator_id, fan_id=fan_id))


class EmotionalStateView(FanView):
    rate_limit_scope = "retrieval"
    schema_tag = "emotions"

    @extend_schema(responses={200: EmotionalStateSerializer},
                   summary="The fan's emotional state (defaults for a fan with no messages)",
                   description="`engagement_level` is the engagement's, as the context serves it.")
    def get(self, request, fan_id):
        return Response(context.emotional_state(creator_id=request.user.creator_id, fan_id=fan_id))


class RecommendationsView(FanView):
    rate_limit_scope = "retrieval"
    only_reads = True  # served in read-only mode (core.rollout)
    schema_tag = "preferences"

    @extend_schema(request=RecommendationsSchema, responses={200: RecommendationSerializer(many=True)},
                   summary="Rank 1 to 200 available items for the fan (getContentRecommendations)",
                   description="Best first; content the fan already bought scores 0.")
    def post(self, request, fan_id):
        serializer = RecommendationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(queries.content_recommendations(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        items=serializer.validated_data["available_content"]))


class RecallView(FanView):
    rate_limit_scope = "retrieval"
    only_reads = True  # stores nothing: served in read-only mode (core.rollout)
    schema_tag = "context"

    @extend_schema(request=RecallSerializer, responses={200: RecallAnswerSerializer},
                   summary="What the fan said before that matters for this query: the best k messages of the whole history",
                   description="Best first. `pending` counts the fan's messages not yet indexed. An unknown fan, or a fan "
                               "outside the creator's rollout share, gets no results.")
    def post(self, request, fan_id):
        serializer = RecallSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with RETRIEVAL_SECONDS.labels(kind="recall").time():
            return Response(queries.recall(creator_id=request.user.creator_id, fan_id=fan_id,
                                           **serializer.validated_data))
