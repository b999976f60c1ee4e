from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from decimal import Decimal

import orjson
from django.conf import settings
from django.utils import timezone
from rest_framework import serializers

from core.api import MoneyField, StrictSerializer, platform_id_field

from .models import EventType, FeedbackOutcome, PurchaseKind, Sender


class MessageSerializer(StrictSerializer):
    content = serializers.CharField(min_length=1, max_length=10_000, trim_whitespace=False)
    sender = serializers.ChoiceField(choices=Sender.choices)

    def validate_content(self, value):
        if not value.strip():
            raise serializers.ValidationError("Must not be blank.")
        if "\x00" in value:
            raise serializers.ValidationError("Must not contain NUL characters.")
        return value


# Nothing a platform sends predates online fan platforms: older dates are typos or epoch zeros.
OLDEST_EVENT = datetime(2000, 1, 1, tzinfo=dt_timezone.utc)
MAX_PURCHASE_AMOUNT = Decimal("100000.00")


class PurchaseSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=PurchaseKind.choices)
    # A cap keeps the running totals (numeric(12, 2)) far from overflowing.
    amount = MoneyField(MAX_PURCHASE_AMOUNT)
    currency = serializers.RegexField(r"^[A-Z]{3}$", default="USD")
    content_id = platform_id_field(required=False)
    category = serializers.RegexField(r"^[a-z0-9_-]{1,64}$", required=False)


class FeedbackSerializer(StrictSerializer):
    about_event_id = serializers.CharField(min_length=1, max_length=128)
    outcome = serializers.ChoiceField(choices=FeedbackOutcome.choices)


MAX_METADATA_DEPTH = 32


def json_depth(value, limit: int = MAX_METADATA_DEPTH + 1) -> int:
    """Nesting depth of a JSON value, counted no further than `limit` (so a hostile body is cheap)."""
    depth, level = 0, [value]
    while level and depth < limit:
        depth += 1
        level = [child for item in level if isinstance(item, (dict, list))
                 for child in (item.values() if isinstance(item, dict) else item)]
    return depth


class InteractionSerializer(StrictSerializer):
    event_id = serializers.CharField(min_length=1, max_length=128, trim_whitespace=False)
    fan_id = platform_id_field()
    type = serializers.ChoiceField(choices=EventType.choices)
    occurred_at = serializers.DateTimeField(required=False)
    message = MessageSerializer(required=False)
    purchase = PurchaseSerializer(required=False)
    feedback = FeedbackSerializer(required=False)
    metadata = serializers.DictField(required=False, default=dict)

    def validate_event_id(self, value):
        if not value.isprintable() or value != value.strip():
            raise serializers.ValidationError("Must be printable, without surrounding spaces.")
        return value

    def validate_occurred_at(self, value):
        limit = timezone.now() + timedelta(seconds=settings.FANMEMORY["MAX_FUTURE_SECONDS"])
        if value > limit:
            raise serializers.ValidationError("Must not be more than 5 minutes in the future.")
        if value < OLDEST_EVENT:
            raise serializers.ValidationError(f"Must not be before {OLDEST_EVENT:%Y-%m-%d}.")
        return value

    def validate_metadata(self, value):
        if json_depth(value) > MAX_METADATA_DEPTH:
            raise serializers.ValidationError(f"Must be nested at most {MAX_METADATA_DEPTH} levels deep.")
        try:
            size = len(orjson.dumps(value))
        except orjson.JSONEncodeError:
            raise serializers.ValidationError("Numbers must fit in 64 bits.") from None
        if size > settings.FANMEMORY["MAX_METADATA_BYTES"]:
            raise serializers.ValidationError("Must be at most 8 KB once serialised.")
        return value

    def validate(self, attrs):
        event_type = attrs["type"]
        errors = {}
        for name in EventType.values:
            if name == event_type and name not in attrs:
                errors[name] = [f"Required when type is {event_type}."]
            elif name != event_type and name in attrs:
                errors[name] = [f"Not allowed when type is {event_type}."]
        if errors:
            raise serializers.ValidationError(errors)
        attrs.setdefault("occurred_at", timezone.now())
        return attrs


class BatchSerializer(StrictSerializer):
    events = serializers.ListField(
        child=serializers.JSONField(allow_null=True), min_length=1, max_length=settings.FANMEMORY["BATCH_MAX_EVENTS"],
        help_text="Events as `POST /interactions/` takes them; each is validated on its own."
    )


# --- answers (documentation of the schema) -------------------------------------------------

class RecentMessageSerializer(serializers.Serializer):
    event_id = serializers.CharField()
    content = serializers.CharField()
    sender = serializers.ChoiceField(choices=Sender.choices)
    timestamp = serializers.DateTimeField()
    sentiment = serializers.ChoiceField(choices=("positive", "negative", "neutral"))
    topics = serializers.ListField(child=serializers.CharField())
    metadata = serializers.DictField(help_text="The metadata sent with the event.")


class EngagementMetricsSerializer(serializers.Serializer):
    engagement_score = serializers.FloatField(
        min_value=0, max_value=1, help_text="activity_score damped by the worst disengagement signal "
                                            "(x0.9 low, x0.75 medium, x0.5 high).")
    engagement_level = serializers.ChoiceField(choices=("low", "medium", "high"),
                                               help_text="Of engagement_score: high >= 0.66, medium >= 0.33.")
    activity_score = serializers.FloatField(
        min_value=0, max_value=1, help_text="0.35 recency + 0.25 frequency + 0.25 purchases + 0.15 reply rate.")
    disengagement_severity = serializers.ChoiceField(
        choices=("low", "medium", "high"), allow_null=True,
        help_text="The worst current disengagement signal's severity; null when none.")
    total_messages = serializers.IntegerField(min_value=0)
    total_purchases = serializers.IntegerField(min_value=0)
    total_revenue = serializers.DecimalField(
        max_digits=12, decimal_places=2,
        help_text="Every amount added whatever its currency (kept for compatibility): read revenue_by_currency.")
    revenue_by_currency = serializers.DictField(
        child=serializers.DecimalField(max_digits=14, decimal_places=2),
        help_text='The fan\'s purchases per ISO 4217 currency, as decimal strings: {"USD": "12.99", "EUR": "30.00"}.')
    avg_response_time_seconds = serializers.IntegerField(allow_null=True)
    first_interaction = serializers.DateTimeField(allow_null=True)
    last_interaction = serializers.DateTimeField(allow_null=True)


class EngagementPartsSerializer(serializers.Serializer):
    recency = serializers.FloatField(min_value=0, max_value=1)
    frequency = serializers.FloatField(min_value=0, max_value=1)
    purchases = serializers.FloatField(min_value=0, max_value=1)
    reply_rate = serializers.FloatField(min_value=0, max_value=1)


class EngagementSerializer(EngagementMetricsSerializer):
    fan_id = serializers.CharField()
    components = EngagementPartsSerializer(help_text="Each part of the score, in 0..1.")
    weights = EngagementPartsSerializer(help_text="The weight of each part in the score.")


class StatsSerializer(serializers.Serializer):
    creator_id = serializers.CharField()
    fans_with_memory = serializers.IntegerField(min_value=0)
    total_messages = serializers.IntegerField(min_value=0)
    avg_interactions_per_fan = serializers.FloatField(min_value=0, help_text="Messages and purchases per fan.")
    total_purchases = serializers.IntegerField(min_value=0)
    total_revenue = serializers.DecimalField(
        max_digits=14, decimal_places=2,
        help_text="Every amount added whatever its currency (kept for compatibility): read revenue_by_currency.")
    revenue_by_currency = serializers.DictField(
        child=serializers.DecimalField(max_digits=14, decimal_places=2),
        help_text='Total purchases per ISO 4217 currency, as decimal strings: {"USD": "12.99", "EUR": "30.00"}.')
    cache_hit_rate = serializers.FloatField(allow_null=True, help_text="null before the first context read.")
