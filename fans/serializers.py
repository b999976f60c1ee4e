from django.conf import settings
from rest_framework import serializers

from core.api import ErrorBodyField, StrictSerializer, StringField, not_blank, platform_id_field
from emotions.serializers import AnalysisSerializer, EmotionalStateSerializer, SignalSerializer
from facts.serializers import ContextFactSerializer, ContextFlagSerializer, ContextNoteSerializer, SegmentSerializer
from gdpr.serializers import ConsentSerializer
from memory.engagement import level_for
from memory.models import EventType, Sender
from memory.serializers import EngagementMetricsSerializer, RecentMessageSerializer
from openitems.serializers import ContextOpenItemSerializer
from personality.serializers import ProfileSerializer, ResponseStyleSerializer
from preferences.serializers import PreferencesSerializer


QUERY_MAX_CHARS = 2000
DATE_FORMATS = ["iso-8601", "%Y-%m-%d"]


def query_field(**kwargs):
    return StringField(max_length=QUERY_MAX_CHARS, trim_whitespace=False, **kwargs)


class RecallSerializer(StrictSerializer):
    query = query_field(validators=[not_blank])
    k = serializers.IntegerField(min_value=1, max_value=50, default=10)
    after = serializers.DateTimeField(input_formats=DATE_FORMATS, required=False)
    before = serializers.DateTimeField(input_formats=DATE_FORMATS, required=False)
    sender = serializers.ChoiceField(choices=Sender.choices, required=False)


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
    query = query_field(required=False, allow_blank=True,
                        help_text="The message being answered: adds relevant_memories (a blank one adds nothing).")
    recall = serializers.IntegerField(min_value=1, max_value=50, default=8)


class BulkContextSerializer(StrictSerializer):
    fan_ids = serializers.ListField(
        child=platform_id_field(), min_length=1, max_length=settings.FANMEMORY["BULK_MAX_FANS"]
    )
    messages = serializers.IntegerField(min_value=1, max_value=50, default=50)
    queries = serializers.DictField(child=query_field(validators=[not_blank]), required=False, default=dict,
                                    help_text="The message being answered, per fan id (ids not in fan_ids are ignored).")
    recall = serializers.IntegerField(min_value=1, max_value=50, default=8)


class FanSummarySerializer(serializers.Serializer):
    fan_id = serializers.CharField()
    engagement_score = serializers.FloatField()
    engagement_level = serializers.SerializerMethodField()
    total_messages = serializers.IntegerField()
    total_purchases = serializers.IntegerField()
    total_revenue = serializers.DecimalField(max_digits=12, decimal_places=2)
    last_interaction = serializers.DateTimeField(allow_null=True)

    def get_engagement_level(self, metrics) -> str:
        return level_for(float(metrics.engagement_score))


# --- answers (documentation of the schema) -------------------------------------------------

class InteractionResultSerializer(serializers.Serializer):
    event_id = serializers.CharField()
    fan_id = serializers.CharField()
    type = serializers.ChoiceField(choices=EventType.choices)
    occurred_at = serializers.DateTimeField()
    analysis = AnalysisSerializer(required=False, help_text="For messages only.")


class BatchItemResultSerializer(serializers.Serializer):
    event_id = serializers.CharField(allow_null=True, help_text="null when the item had no usable event_id.")
    status = serializers.IntegerField(help_text="The status this event alone would have had: 201, 200, 4xx, 503.")
    result = InteractionResultSerializer(required=False, help_text="When saved (201) or replayed (200).")
    error = ErrorBodyField(required=False, help_text="Otherwise: the error envelope's body.")


class BatchResultSerializer(serializers.Serializer):
    results = BatchItemResultSerializer(many=True, help_text="One per event, in the order sent.")


class ContextSerializer(serializers.Serializer):
    """The seed's MemoryContext, and what the apps add to it."""

    fan_id = serializers.CharField()
    creator_id = serializers.CharField()
    is_new = serializers.BooleanField(help_text="No memory of this fan yet: defaults are served.")
    recent_messages = RecentMessageSerializer(many=True, help_text="At most `messages` (50), oldest first.")
    personality_profile = ProfileSerializer()
    preferences = PreferencesSerializer()
    emotional_state = EmotionalStateSerializer()
    engagement_metrics = EngagementMetricsSerializer()
    disengagement = SignalSerializer(many=True, help_text="The current disengagement signals, strongest first "
                                                          "(as GET .../disengagement/); [] when none.")
    response_style = ResponseStyleSerializer()
    consent = ConsentSerializer(help_text="Why defaults may be served: personalization or memory withdrawn.")
    last_interaction = serializers.DateTimeField(allow_null=True)
    facts = ContextFactSerializer(many=True, help_text="Empty while personalization is off or an under-18 flag is open.")
    notes = ContextNoteSerializer(many=True, help_text="The 10 latest; empty while personalization is off.")
    segment = SegmentSerializer()
    flags = ContextFlagSerializer(many=True, help_text="Open hand-over flags: hand the conversation to a person.")
    open_items = ContextOpenItemSerializer(
        many=True, help_text="Complaints, refund requests, content problems, unanswered questions and things to "
                             "follow up, oldest first (at most 10), until closed or settled by a later message.")
    relevant_memories = RecallResultSerializer(
        many=True, required=False, help_text="Only with `query`: older messages relevant to it, best first, none of "
                                             "them in recent_messages.")
    degraded = serializers.BooleanField(
        required=False, help_text="true: served from the cache while the database is unreachable (X-Degraded: "
                                  "database); in bulk answers it is given once, beside `results`.")


class BulkContextResultSerializer(serializers.Serializer):
    results = serializers.DictField(child=ContextSerializer(), help_text="The context of each fan id asked for.")
    degraded = serializers.BooleanField()
