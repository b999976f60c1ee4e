"""Thin DRF views of the facts app: validate, call one service or selector, answer."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors, results_of, validated
from core.errors import ServiceError
from core.validators import FanIdInUrl

from . import selectors, services
from .serializers import (
    FactCreateSerializer,
    FactQuerySerializer,
    FactSerializer,
    FactUpdateSerializer,
    FanSegmentSerializer,
    FlagQuerySerializer,
    FlagResolveSerializer,
    FlagSerializer,
    NoteCreateSerializer,
    NoteSerializer,
)

class FanView(FanIdInUrl, APIView):
    """Checks the fan id of the URL (a 400 in the envelope when it is not a platform id)."""

    schema_tag = "facts"


class FactListView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(parameters=[FactQuerySerializer], responses={200: results_of("FactList", FactSerializer)},
                   summary="The fan's facts (extracted, inferred, or set by people), with their history")
    def get(self, request, fan_id):
        query = validated(FactQuerySerializer, request.query_params.dict())
        return Response({"results": selectors.fan_facts(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        kind=query.get("kind"))})

    @extend_schema(request=FactCreateSerializer, responses={201: FactSerializer, 200: FactSerializer, **errors(403)},
                   summary="Set a fact as the creator or staff: it wins over extraction, which never overwrites it",
                   description="201 for a new fact; 200 when it replaces the fan's value of this kind (the old "
                               "value goes to `history`). The value must fit the kind: an age is a number, a pet "
                               '`{"species", "name"}`, an event `{"what", "date"}`, a birthday MM-DD, a time zone '
                               "an IANA name.")
    def post(self, request, fan_id):
        data = validated(FactCreateSerializer, request.data)
        fact, created = services.fact_set(creator_id=request.user.creator_id, fan_id=fan_id, **data)
        return Response(selectors.fact_to_dict(fact), status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class FactDetailView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=FactUpdateSerializer,
                   responses={200: FactSerializer, **errors(409, not_found="no such fact for this fan.")},
                   summary="Correct a fact (the old value goes to its history; the fact becomes a human one)")
    def patch(self, request, fan_id, fact_id):
        kind = selectors.fact_kind(creator_id=request.user.creator_id, fan_id=fan_id, fact_id=fact_id)
        if kind is None:
            raise ServiceError("MEMORY_NOT_FOUND", "No such fact for this fan.")
        changes = validated(FactUpdateSerializer, request.data, kind=kind)
        source = changes.pop("source")
        fact = services.fact_update(creator_id=request.user.creator_id, fan_id=fan_id, fact_id=fact_id,
                                    changes=changes, source=source)
        return Response(selectors.fact_to_dict(fact))

    @extend_schema(responses={204: None, **errors(not_found="no such fact for this fan.")}, summary="Delete a fact")
    def delete(self, request, fan_id, fact_id):
        services.fact_delete(creator_id=request.user.creator_id, fan_id=fan_id, fact_id=fact_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class NoteListView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: results_of("NoteList", NoteSerializer)}, summary="Free-text notes on the fan",
                   description="Newest first.")
    def get(self, request, fan_id):
        return Response({"results": selectors.fan_notes(creator_id=request.user.creator_id, fan_id=fan_id)})

    @extend_schema(request=NoteCreateSerializer, responses={201: NoteSerializer, **errors(403)}, summary="Add a note")
    def post(self, request, fan_id):
        data = validated(NoteCreateSerializer, request.data)
        note = services.note_add(creator_id=request.user.creator_id, fan_id=fan_id, **data)
        return Response(selectors.note_to_dict(note), status=status.HTTP_201_CREATED)


class NoteDetailView(FanView):
    rate_limit_scope = "save"

    @extend_schema(responses={204: None, **errors(not_found="no such note for this fan.")}, summary="Delete a note")
    def delete(self, request, fan_id, note_id):
        services.note_delete(creator_id=request.user.creator_id, fan_id=fan_id, note_id=note_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FlagListView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(parameters=[FlagQuerySerializer], responses={200: results_of("FlagList", FlagSerializer)},
                   summary="Hand-over flags of the fan (status=open or resolved)",
                   description="Newest first. An open flag means: hand the conversation to a person (`minor` "
                               "also stops all personalization until resolved).")
    def get(self, request, fan_id):
        query = validated(FlagQuerySerializer, request.query_params.dict())
        return Response({"results": selectors.fan_flags(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        status=query.get("status"))})


class FlagResolveView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=FlagResolveSerializer,
                   responses={200: FlagSerializer, **errors(not_found="no such flag for this fan.")},
                   summary="Resolve a hand-over flag, with who and why (idempotent)")
    def post(self, request, fan_id, flag_id):
        data = validated(FlagResolveSerializer, request.data)
        flag = services.flag_resolve(creator_id=request.user.creator_id, fan_id=fan_id, flag_id=flag_id,
                                     resolved_by=data["resolved_by"], why=data["reason"])
        return Response(selectors.flag_to_dict(flag))


class SegmentView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(responses={200: FanSegmentSerializer}, summary="The fan's lifecycle and spend segment",
                   description="Lifecycle new, active, at_risk, churned or win_back, and `vip` (spend at or above "
                               "the creator's 90th percentile of paying fans).")
    def get(self, request, fan_id):
        return Response(selectors.fan_segment(creator_id=request.user.creator_id, fan_id=fan_id))
