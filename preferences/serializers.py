from decimal import Decimal

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from core.api import MoneyField, StrictSerializer, StringField, platform_id_field

MAX_ITEMS = 200
KINDS = ("ppv", "tip", "custom", "subscription")


class ContentItemSerializer(StrictSerializer):
    content_id = platform_id_field()
    category = serializers.RegexField(r"^[a-z0-9_-]{1,64}$", required=False, default="")
    kind = serializers.ChoiceField(choices=KINDS, default="ppv")
    price = MoneyField(Decimal("9999999999.99"), required=False, allow_null=True, default=None)
    tags = serializers.ListField(child=StringField(min_length=1, max_length=64), max_length=20,
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
class RecommendationsSchema(StrictSerializer):
    """The request as documented in the OpenAPI schema (validated by RecommendationRequestSerializer)."""

    available_content = serializers.ListField(child=ContentItemSerializer(), min_length=1, max_length=MAX_ITEMS)


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


class PreferenceDeltaSerializer(StrictSerializer):
    """The seed's updatePreferenceScore: evidence for (delta > 0) or against (delta < 0) a category."""

    delta = serializers.FloatField(min_value=-1, max_value=1,
                                   help_text="The weight of the evidence: a purchase counts 1, an ignored offer -0.3.")


class CategoryPreferenceSerializer(serializers.Serializer):
    category = serializers.CharField()
    score = serializers.FloatField(min_value=0, max_value=1)
    confidence = serializers.FloatField(min_value=0, max_value=1)
    evidence_count = serializers.IntegerField(min_value=0)
    last_interaction = serializers.DateTimeField(allow_null=True)
    purchases = serializers.IntegerField(min_value=0)
    positive = serializers.FloatField()
    negative = serializers.FloatField()


MONEY_HELP = ("A decimal string (\"12.99\"): amounts as paid, added whatever their currency (not converted; per "
              "currency: engagement_metrics.revenue_by_currency).")
DAYS_HELP = ("Days of the week as the seed numbers them: 0 = Sunday ... 6 = Saturday, in the fan's local time "
             "(`timezone`).")
HOURS_HELP = "Hours of the day (0-23) in the fan's local time (`timezone`)."
TIMEZONE_HELP = ("The zone the days and hours are in: the fan's IANA time zone when known (stated, or inferred from "
                 "when they write, e.g. Etc/GMT-1), else UTC. Shifted by its current offset, to the nearest hour.")


class PurchasePatternSerializer(serializers.Serializer):
    content_type = serializers.ChoiceField(choices=KINDS)
    average_amount = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=MONEY_HELP)
    frequency = serializers.FloatField(help_text="Purchases per month.")
    preferred_days = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6),
                                           help_text=DAYS_HELP)
    preferred_hours = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=23),
                                            help_text=HOURS_HELP)
    timezone = serializers.CharField(help_text=TIMEZONE_HELP)
    purchase_count = serializers.IntegerField(min_value=0)
    total_amount = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=MONEY_HELP)
    last_purchase_at = serializers.DateTimeField(allow_null=True)


class CommunicationSerializer(serializers.Serializer):
    active_hours = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=23),
                                         help_text=HOURS_HELP)
    active_days = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), help_text=DAYS_HELP)
    timezone = serializers.CharField(help_text=TIMEZONE_HELP)
    reply_speed = serializers.ChoiceField(choices=("immediate", "fast", "slow"), allow_null=True)
    typical_reply_seconds = serializers.IntegerField(allow_null=True)
    reply_samples = serializers.IntegerField(min_value=0)
    messages_observed = serializers.IntegerField(min_value=0)
    language = serializers.CharField(allow_null=True, help_text="ISO 639-1 code of most of the fan's messages.")


class SpendingSerializer(serializers.Serializer):
    purchases = serializers.IntegerField(min_value=0)
    typical_amount = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, help_text=MONEY_HELP)
    low = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, help_text=MONEY_HELP)
    high = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, help_text=MONEY_HELP)


class PreferencesSerializer(serializers.Serializer):
    """The seed's PredictedPreferences (documentation of the answer)."""

    fan_id = serializers.CharField()
    content_preferences = serializers.DictField(child=CategoryPreferenceSerializer(),
                                                help_text="Per content category, strongest first.")
    topic_interests = serializers.DictField(child=serializers.FloatField(min_value=0, max_value=1))
    purchase_patterns = PurchasePatternSerializer(many=True)
    communication_preferences = CommunicationSerializer()
    spending = SpendingSerializer()
    evidence_count = serializers.IntegerField(min_value=0)
    last_updated = serializers.DateTimeField(allow_null=True)
