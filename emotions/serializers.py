from rest_framework import serializers

from core.api import StrictSerializer, StringField, not_blank

from .analyzer.labels import EMOTIONS

MAX_TEXT = 10_000
MAX_TEXTS = 100


def text_field(**kwargs):
    return StringField(min_length=1, max_length=MAX_TEXT, trim_whitespace=False, **kwargs)


class AnalyzeSerializer(StrictSerializer):
    """Either `text` (one message) or `texts` (1 to 100 messages)."""

    text = text_field(required=False, validators=[not_blank])
    texts = serializers.ListField(child=text_field(validators=[not_blank]), min_length=1,
                                  max_length=MAX_TEXTS, required=False)

    def validate(self, attrs):
        if ("text" in attrs) == ("texts" in attrs):
            raise serializers.ValidationError({"text": ["Give exactly one of `text` or `texts`."]})
        return attrs


class AnalyzeTextSerializer(StrictSerializer):
    """One message (documentation of AnalyzeSerializer's first form)."""

    text = text_field(validators=[not_blank])


class AnalyzeTextsSerializer(StrictSerializer):
    """1 to 100 messages (documentation of AnalyzeSerializer's second form)."""

    texts = serializers.ListField(child=text_field(validators=[not_blank]), min_length=1, max_length=MAX_TEXTS)


class AnalysisSerializer(serializers.Serializer):
    """The contract's EmotionalAnalysis (documentation of the answer)."""

    sentiment = serializers.ChoiceField(choices=("positive", "negative", "neutral"))
    polarity = serializers.FloatField(min_value=-1, max_value=1)
    confidence = serializers.FloatField(min_value=0, max_value=1)
    emotions = serializers.DictField(child=serializers.FloatField(min_value=0, max_value=1),
                                     help_text="The 27 GoEmotions emotions: " + ", ".join(EMOTIONS))
    labels = serializers.ListField(child=serializers.ChoiceField(choices=EMOTIONS))
    intensity = serializers.FloatField(min_value=0, max_value=1)
    language = serializers.CharField(help_text="ISO 639-1 code ('und' when there are no words)")
    topics = serializers.ListField(child=serializers.CharField())


class AnalysisBatchSerializer(serializers.Serializer):
    results = AnalysisSerializer(many=True)


class SentimentPointSerializer(serializers.Serializer):
    timestamp = serializers.DateTimeField()
    sentiment = serializers.ChoiceField(choices=("positive", "negative", "neutral"))
    polarity = serializers.FloatField()
    intensity = serializers.FloatField()


class EmotionalStateSerializer(serializers.Serializer):
    """The seed's EmotionalState (+ the decayed score and the topics to avoid)."""

    current_sentiment = serializers.ChoiceField(choices=("positive", "negative", "neutral"))
    sentiment_score = serializers.FloatField(min_value=-1, max_value=1)
    sentiment_history = SentimentPointSerializer(many=True)
    dominant_emotions = serializers.ListField(child=serializers.CharField())
    engagement_level = serializers.ChoiceField(choices=("high", "medium", "low"))
    last_positive_interaction = serializers.DateTimeField(allow_null=True)
    last_negative_interaction = serializers.DateTimeField(allow_null=True)
    avoid_topics = serializers.ListField(child=serializers.CharField())


class SignalSerializer(serializers.Serializer):
    """The seed's DisengagementSignal (+ the figures it was judged on)."""

    type = serializers.ChoiceField(choices=("short_responses", "long_delays", "negative_sentiment",
                                            "reduced_frequency"))
    severity = serializers.ChoiceField(choices=("low", "medium", "high"))
    detected_at = serializers.DateTimeField()
    suggested_action = serializers.CharField()
    evidence = serializers.DictField()
