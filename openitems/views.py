"""Thin DRF views of the open-items app: validate, call one service or selector, answer."""
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors, results_of, validated
from core.validators import FanIdInUrl

from . import selectors, services
from .serializers import OpenItemCloseSerializer, OpenItemQuerySerializer, OpenItemSerializer


class FanView(FanIdInUrl, APIView):
    schema_tag = "open items"


class OpenItemListView(FanView):
    rate_limit_scope = "retrieval"

    @extend_schema(parameters=[OpenItemQuerySerializer], responses={200: results_of("OpenItemList", OpenItemSerializer)},
                   summary="The fan's open items: complaints, refund requests, content problems, questions, "
                           "follow-ups (status=open or closed)",
                   description="Newest first. An item opens from a fan message and closes when the creator or "
                               "staff close it, or when a later event settles it: the fan says it works now, the "
                               "question is answered, the refund made, the follow-up asked about.")
    def get(self, request, fan_id):
        query = validated(OpenItemQuerySerializer, request.query_params.dict())
        return Response({"results": selectors.fan_items(creator_id=request.user.creator_id, fan_id=fan_id,
                                                        status=query.get("status"))})


class OpenItemCloseView(FanView):
    rate_limit_scope = "save"

    @extend_schema(request=OpenItemCloseSerializer,
                   responses={200: OpenItemSerializer, **errors(not_found="no such open item for this fan.")},
                   summary="Close an open item (idempotent: a closed item keeps its first closing)")
    def post(self, request, fan_id, item_id):
        data = validated(OpenItemCloseSerializer, request.data)
        item = services.item_close(creator_id=request.user.creator_id, fan_id=fan_id, item_id=item_id,
                                   closed_by=data["closed_by"])
        return Response(selectors.item_to_dict(item))
