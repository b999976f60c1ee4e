"""Validation and documented shapes of the open-items endpoints and context entries."""
from rest_framework import serializers

from core.api import StrictSerializer

from .detection import KINDS
from .models import ItemStatus

MAX_CLOSER = 150


class OpenItemQuerySerializer(StrictSerializer):
    status = serializers.ChoiceField(choices=ItemStatus.choices, required=False)


class OpenItemCloseSerializer(StrictSerializer):
    closed_by = serializers.ChoiceField(choices=("creator", "staff"), default="creator",
                                        help_text="Who closes it: the creator (default) or staff.")


class ContextOpenItemSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=KINDS)
    summary = serializers.CharField(help_text="The fan's own words (the sentence that opened the item).")
    since = serializers.DateTimeField()
    event_id = serializers.CharField(allow_null=True, help_text="The message that opened it.")
    category = serializers.CharField(allow_null=True, help_text="The content category complained about, if known: "
                                                                "offers of it step back while the item is open.")


class OpenItemSerializer(ContextOpenItemSerializer):
    status = serializers.ChoiceField(choices=ItemStatus.choices)
    closed_at = serializers.DateTimeField(allow_null=True)
    closed_by = serializers.CharField(allow_null=True, help_text='"creator", "staff:<user>" or "message" (settled '
                                                                 "by a later event).")
