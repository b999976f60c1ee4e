from django.conf import settings
from rest_framework import serializers

from core.api import StrictSerializer, platform_id_field
from memory.engagement import level_for


class ContextQuerySerializer(serializers.Serializer):
    messages = serializers.IntegerField(min_value=1, max_value=50, default=50)


class BulkContextSerializer(StrictSerializer):
    fan_ids = serializers.ListField(
        child=platform_id_field(), min_length=1, max_length=settings.FANMEMORY["BULK_MAX_FANS"]
    )
    messages = serializers.IntegerField(min_value=1, max_value=50, default=50)


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
