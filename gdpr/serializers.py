from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from core.api import StrictSerializer


@extend_schema_serializer(component_name="ConsentUpdate")
class ConsentUpdateSerializer(StrictSerializer):
    min_properties = 1
    memory = serializers.BooleanField(required=False)
    personalization = serializers.BooleanField(required=False)
    analytics = serializers.BooleanField(required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Give at least one purpose: memory, personalization, analytics.")
        return attrs


class ErasureProofSerializer(serializers.Serializer):
    tables = serializers.DictField(child=serializers.IntegerField(), required=False, help_text="Rows removed per table.")
    aggregates_adjusted = serializers.DictField(child=serializers.IntegerField(), required=False,
                                                help_text="Creator-level totals the fan's share was withdrawn from.")
    cache_keys_removed = serializers.IntegerField(required=False)


@extend_schema_serializer(component_name="Erasure")
class ErasureRequestSerializer(serializers.Serializer):
    request_id = serializers.UUIDField(source="id")
    status = serializers.CharField()
    requested_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    proof = ErasureProofSerializer(help_text="Counts only (empty until the first attempt); no personal data.")


class ConsentSerializer(serializers.Serializer):
    memory = serializers.BooleanField()
    personalization = serializers.BooleanField()
    analytics = serializers.BooleanField()


class ConsentChangeSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=("memory", "personalization", "analytics"))
    granted = serializers.BooleanField()
    changed_at = serializers.DateTimeField()


class ConsentBodySerializer(serializers.Serializer):
    fan_id = serializers.CharField()
    consent = ConsentSerializer(help_text="Granted until withdrawn.")
    history = ConsentChangeSerializer(many=True, help_text="Every change, oldest first.")


class ExportSerializer(serializers.Serializer):
    schema_version = serializers.IntegerField()
    exported_at = serializers.DateTimeField()
    creator_id = serializers.CharField()
    fan_id = serializers.CharField()
    data = serializers.DictField(child=serializers.ListField(child=serializers.DictField()),
                                 help_text="Every row held on the fan, decrypted, per table.")
