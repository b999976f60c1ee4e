from django.conf import settings
from rest_framework import serializers

from core.api import StrictSerializer, platform_id_field
from memory.engagement import level_for
from memory.models import Sender


QUERY_MAX_CHARS = 2000
DATE_FORMATS = ["iso-8601", "%Y-%m-%d"]


def query_field(**kwargs):
    return serializers.CharField(max_length=QUERY_MAX_CHARS, **kwargs)


class RecallSerializer(StrictSerializer):
    query = query_field()
    k = serializers.IntegerField(min_value=1, max_value=50, default=10)
    after = serializers.DateTimeField(input_formats=DATE_FORMATS, required=False)
    before = serializers.DateTimeField(input_formats=DATE_FORMATS, required=False)
    sender = serializers.ChoiceField(choices=Sender.choices, required=False)

    def validate(self, attrs):
        if "after" in attrs and "before" in attrs and attrs["after"] >= attrs["before"]:
            raise serializers.ValidationError({"after": ["Must be earlier than before."]})
        return attrs


class RecallResultSerializer(serializers.Serializer):
    event_id = serializers.CharField()
    content = serializers.CharField()
    sender = serializers.ChoiceField(choices=Sender.choices)
    timestamp = serializers.DateTimeField()
    score = serializers.FloatField()


class RecallAnswerSerializer(serializers.Serializer):
    results = RecallResultSerializer(many=True)
    pending = serializers.IntegerField(help_text="The fan's saved messages not yet in the index.")


class ContextQuerySerializer(serializers.Serializer):
    messages = serializers.IntegerField(min_value=1, max_value=50, default=50)
    query = query_field(required=False, help_text="The message being answered: adds relevant_memories.")
    recall = serializers.IntegerField(min_value=1, max_value=50, default=8)


class BulkContextSerializer(StrictSerializer):
    fan_ids = serializers.ListField(
        child=platform_id_field(), min_length=1, max_length=settings.FANMEMORY["BULK_MAX_FANS"]
    )
    messages = serializers.IntegerField(min_value=1, max_value=50, default=50)
    queries = serializers.DictField(child=query_field(), required=False, default=dict)
    recall = serializers.IntegerField(min_value=1, max_value=50, default=8)

    def validate(self, attrs):
        unknown = sorted(set(attrs["queries"]) - set(attrs["fan_ids"]))
        if unknown:
            raise serializers.ValidationError({"queries": ["Not in fan_ids: " + ", ".join(unknown[:5])]})
        return attrs


class FanSummarySerializer(serializers.Serializer):
    fan_id = serializers.CharField()
    engagement_score = serializers.FloatField()
    engagement_level = serializers.SerializerMethodField()
    total_messages = serializers.IntegerField()
    total_purchases = serializers.IntegerField()
    total_revenue = serializers.DecimalField(max_digits=12, decimal_places=2)
    last_interaction = serializers.DateTimeField()

    def get_engagement_level(self, metrics) -> str:
        return level_for(float(metrics.engagement_score))
