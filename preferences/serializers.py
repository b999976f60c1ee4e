from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from core.validators import PLATFORM_ID_PATTERN

MAX_ITEMS = 200
KINDS = ("ppv", "tip", "custom", "subscription")


class ContentItemSerializer(serializers.Serializer):
    content_id = serializers.RegexField(PLATFORM_ID_PATTERN, max_length=255)
    category = serializers.RegexField(r"^[a-z0-9_-]{1,64}$", required=False, default="")
    kind = serializers.ChoiceField(choices=KINDS, default="ppv")
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True,
                                     default=None)
    tags = serializers.ListField(child=serializers.CharField(min_length=1, max_length=64), max_length=20,
                                 required=False, default=list)


class RecommendationRequestSerializer(serializers.Serializer):
    """Errors of an item are reported as `available_content[<index>].<field>`."""

    available_content = serializers.ListField(child=serializers.JSONField(), min_length=1, max_length=MAX_ITEMS)

    def validate(self, attrs):
        unknown = set(self.initial_data) - set(self.fields) if isinstance(self.initial_data, dict) else set()
        errors = {name: ["Unknown field."] for name in sorted(unknown)}
        items, seen = [], set()
        for index, raw in enumerate(attrs["available_content"]):
            where = f"available_content[{index}]"
            if not isinstance(raw, dict):
                errors[where] = ["Must be an object."]
                continue
            item = ContentItemSerializer(data=raw)
            if not item.is_valid():
                errors.update({f"{where}.{field}": list(messages) for field, messages in item.errors.items()})
                continue
            for name in sorted(set(raw) - set(item.fields)):
                errors[f"{where}.{name}"] = ["Unknown field."]
            if item.validated_data["content_id"] in seen:
                errors[f"{where}.content_id"] = ["Duplicate content_id."]
            seen.add(item.validated_data["content_id"])
            items.append(item.validated_data)
        if errors:
            raise serializers.ValidationError(errors)
        return {"available_content": [
            {**item, "price": float(item["price"]) if item["price"] is not None else None} for item in items
        ]}


@extend_schema_serializer(component_name="Recommendations")
class RecommendationsSchema(serializers.Serializer):
    """The request as documented in the OpenAPI schema (validated by RecommendationRequestSerializer)."""

    available_content = ContentItemSerializer(many=True, min_length=1, max_length=MAX_ITEMS)


class SignalsSerializer(serializers.Serializer):
    category = serializers.FloatField(help_text="The category's probability for this fan, 1 for the best of the request")
    price_fit = serializers.FloatField(allow_null=True, help_text="Closeness to the usual spend; null if unknown")
    topics = serializers.FloatField(help_text="The fan's strongest interest among the item's topics")


class RecommendationSerializer(serializers.Serializer):
    content_id = serializers.CharField()
    score = serializers.FloatField(help_text="0..1, higher first; 0 for content already bought")
    reason = serializers.CharField()
    already_bought = serializers.BooleanField()
    signals = SignalsSerializer()
