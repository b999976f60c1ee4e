"""Validation of the facts endpoints: a value must fit its kind."""
import re
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rest_framework import serializers

from core.api import StrictSerializer

from .extraction.extractor import KINDS
from .models import HUMAN_SOURCES
from .segments import LIFECYCLES

MAX_TEXT = 200
MAX_NOTE = 2000
BIRTHDAY = re.compile(r"^(?:\d{4}-)?(\d{2})-(\d{2})$")


def _text(value, field="value") -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise serializers.ValidationError({field: [f"A text of 1 to {MAX_TEXT} characters."]})
    return value.strip()


def _age(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 10 <= value <= 120:
        raise serializers.ValidationError({"value": ["An age is a whole number from 10 to 120."]})
    return value


def _birthday(value):
    match = BIRTHDAY.match(value) if isinstance(value, str) else None
    try:
        date(2000, int(match.group(1)), int(match.group(2)))
    except (AttributeError, ValueError):
        raise serializers.ValidationError({"value": ["A birthday is MM-DD (or YYYY-MM-DD)."]}) from None
    return value[-5:]


def _timezone(value):
    try:
        ZoneInfo(_text(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a directory of zones
        raise serializers.ValidationError({"value": ["An IANA time zone, e.g. Europe/Paris."]}) from None
    return value.strip()


def _pet(value):
    if isinstance(value, str):
        return {"species": _text(value), "name": None}
    if not isinstance(value, dict) or set(value) - {"species", "name"} or "species" not in value:
        raise serializers.ValidationError({"value": ['A pet is {"species": ..., "name": ...} (name optional).']})
    return {"species": _text(value["species"]), "name": _text(value["name"]) if value.get("name") else None}


def _event(value):
    if not isinstance(value, dict) or set(value) != {"what", "date"}:
        raise serializers.ValidationError({"value": ['An event is {"what": ..., "date": "YYYY-MM-DD"}.']})
    try:
        when = date.fromisoformat(value["date"]) if isinstance(value["date"], str) else None
    except ValueError:
        when = None
    if when is None:
        raise serializers.ValidationError({"value": ["The date of an event is YYYY-MM-DD."]})
    return {"what": _text(value["what"]), "date": when.isoformat()}


VALUE_CHECKS = {"age": _age, "birthday": _birthday, "timezone": _timezone, "pet": _pet, "event": _event}


def checked_value(kind: str, value):
    return VALUE_CHECKS.get(kind, _text)(value)


class FactCreateSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=KINDS)
    value = serializers.JSONField()
    confidence = serializers.FloatField(min_value=0, max_value=1, default=1.0)
    source = serializers.ChoiceField(choices=HUMAN_SOURCES, default="creator")

    def validate(self, attrs):
        attrs["value"] = checked_value(attrs["kind"], attrs["value"])
        return attrs


class FactUpdateSerializer(StrictSerializer):
    value = serializers.JSONField(required=False)
    confidence = serializers.FloatField(min_value=0, max_value=1, required=False)
    source = serializers.ChoiceField(choices=HUMAN_SOURCES, default="creator")

    def validate(self, attrs):
        if "value" not in attrs and "confidence" not in attrs:
            raise serializers.ValidationError({"value": ["Send a value or a confidence."]})
        if "value" in attrs:
            attrs["value"] = checked_value(self.context["kind"], attrs["value"])
        return attrs


class FactSerializer(serializers.Serializer):
    """A fact as answered (documentation)."""

    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=KINDS)
    value = serializers.JSONField()
    confidence = serializers.FloatField()
    source = serializers.CharField()
    event_id = serializers.CharField(allow_null=True)
    first_seen = serializers.DateTimeField()
    last_seen = serializers.DateTimeField()
    history = serializers.ListField(child=serializers.DictField())


class FactQuerySerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=KINDS, required=False)


class NoteCreateSerializer(StrictSerializer):
    text = serializers.CharField(min_length=1, max_length=MAX_NOTE, trim_whitespace=True)
    author = serializers.ChoiceField(choices=HUMAN_SOURCES, default="creator")


class NoteSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField()
    author = serializers.CharField()
    created_at = serializers.DateTimeField()


class FlagQuerySerializer(StrictSerializer):
    status = serializers.ChoiceField(choices=("open", "resolved"), required=False)


class FlagResolveSerializer(StrictSerializer):
    resolved_by = serializers.CharField(min_length=1, max_length=MAX_TEXT)
    reason = serializers.CharField(min_length=1, max_length=MAX_NOTE)


class FlagSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reason = serializers.CharField()
    status = serializers.CharField()
    since = serializers.DateTimeField()
    event_id = serializers.CharField(allow_null=True)
    detail = serializers.DictField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    resolution = serializers.DictField(allow_null=True)


class ContextFactSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=KINDS)
    value = serializers.JSONField(help_text="A text, a number (age) or an object (pet, event), by kind.")
    confidence = serializers.FloatField(min_value=0, max_value=1)
    source = serializers.CharField()
    last_seen = serializers.DateTimeField()


class ContextNoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    author = serializers.CharField()
    created_at = serializers.DateTimeField()


class ContextFlagSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reason = serializers.CharField()
    since = serializers.DateTimeField()
    event_id = serializers.CharField(allow_null=True)


class SegmentSerializer(serializers.Serializer):
    lifecycle = serializers.ChoiceField(choices=LIFECYCLES)
    labels = serializers.ListField(child=serializers.CharField(), help_text="The lifecycle, then `vip` if so.")
    vip = serializers.BooleanField()
    total_spent = serializers.DecimalField(
        max_digits=12, decimal_places=2,
        help_text="Every amount added whatever its currency (what VIP is measured on): read spent_by_currency.")
    spent_by_currency = serializers.DictField(
        child=serializers.DecimalField(max_digits=14, decimal_places=2),
        help_text='The fan\'s purchases per ISO 4217 currency, as decimal strings: {"USD": "12.99", "EUR": "30.00"}.')
    largest_purchase = serializers.DecimalField(max_digits=12, decimal_places=2)
    ppv_purchase_rate = serializers.FloatField(allow_null=True)
    first_seen = serializers.DateTimeField(allow_null=True)
    last_active = serializers.DateTimeField(allow_null=True)


class FanSegmentSerializer(SegmentSerializer):
    fan_id = serializers.CharField()
