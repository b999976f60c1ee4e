from rest_framework import serializers

from core.api import StrictSerializer


class ConsentUpdateSerializer(StrictSerializer):
    memory = serializers.BooleanField(required=False)
    personalization = serializers.BooleanField(required=False)
    analytics = serializers.BooleanField(required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Give at least one purpose: memory, personalization, analytics.")
        return attrs


class ErasureRequestSerializer(serializers.Serializer):
    request_id = serializers.UUIDField(source="id")
    status = serializers.CharField()
    requested_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField()
    completed_at = serializers.DateTimeField()
    proof = serializers.JSONField()
