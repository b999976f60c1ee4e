from rest_framework import serializers

from core.api import StrictSerializer

from .calibration import REWARDS, TONES

TONE_HELP = ("One of the creator's enabled tones (dominant only when the creator switches it on), learned from "
             "what the fan does after ai messages (replies, their speed, length and mood; silences; purchases) "
             "and from explicit feedback.")


class ToneFeedbackSerializer(StrictSerializer):
    """The seed's InteractionFeedback: an outcome of an earlier ai message of the fan."""

    about_event_id = serializers.CharField(min_length=1, max_length=128)
    outcome = serializers.ChoiceField(choices=sorted(REWARDS))


class ProfileSerializer(serializers.Serializer):
    """The seed's PersonalityProfile (documentation of the answer)."""

    fan_id = serializers.CharField()
    tone = serializers.ChoiceField(choices=TONES, help_text=TONE_HELP)
    emoji_frequency = serializers.FloatField(min_value=0, max_value=1)
    message_length_preference = serializers.ChoiceField(choices=("short", "medium", "long"))
    punctuation_style = serializers.ChoiceField(choices=("casual", "proper"))
    preferred_emojis = serializers.ListField(child=serializers.CharField(),
                                             help_text="The fan's most used positive or neutral emoji: safe to mirror.")
    mood_emojis = serializers.ListField(child=serializers.CharField(),
                                        help_text="The fan's most used negative or sarcastic emoji (🙄 🙃 😔): their "
                                                  "mood, not to send back.")
    response_speed = serializers.ChoiceField(choices=("immediate", "delayed", "variable"))
    confidence_score = serializers.FloatField(min_value=0, max_value=1)
    last_calibrated = serializers.DateTimeField(allow_null=True)
    interaction_count = serializers.IntegerField(min_value=0)


class ResponseStyleSerializer(serializers.Serializer):
    """The seed's ResponseStyle (documentation of the answer)."""

    max_length = serializers.IntegerField()
    emoji_count = serializers.IntegerField()
    tone = serializers.ChoiceField(choices=TONES, help_text=TONE_HELP)
    topics = serializers.ListField(child=serializers.CharField())
    avoid_topics = serializers.ListField(child=serializers.CharField())
