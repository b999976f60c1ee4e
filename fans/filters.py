import django_filters
from rest_framework.exceptions import ValidationError

from facts.segments import SEGMENTS
from facts.selectors import fans_in_segment

from memory.engagement import HIGH, MEDIUM
from memory.models import EngagementMetrics

LEVEL_RANGES = {"high": (HIGH, None), "medium": (MEDIUM, HIGH), "low": (None, MEDIUM)}
ORDERINGS = ("engagement_score", "last_interaction")


class FanFilter(django_filters.FilterSet):
    engagement_level = django_filters.ChoiceFilter(
        choices=[(level, level) for level in LEVEL_RANGES], method="filter_level"
    )
    segment = django_filters.ChoiceFilter(
        choices=[(name, name) for name in SEGMENTS], method="filter_segment",
        help_text="Lifecycle (new, active, at_risk, churned, win_back) or vip; see the README.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(value, value) for name in ORDERINGS for value in (name, f"-{name}")], method="order_by",
        help_text="engagement_score or last_interaction, prefixed with - for descending.",
    )

    class Meta:
        model = EngagementMetrics
        fields = ["engagement_level", "segment", "ordering"]

    def filter_queryset(self, queryset):
        blank = [name for name in self.Meta.fields if self.data.get(name, None) == ""]
        if blank:  # django-filter reads an empty value as no filter: the schema's enums do not hold it
            raise ValidationError({name: ["Must not be empty."] for name in blank})
        return super().filter_queryset(queryset)

    def filter_level(self, queryset, name, value):
        low, high = LEVEL_RANGES[value]
        if low is not None:
            queryset = queryset.filter(engagement_score__gte=low)
        if high is not None:
            queryset = queryset.filter(engagement_score__lt=high)
        return queryset

    def order_by(self, queryset, name, value):
        return queryset.order_by(value, "id")

    def filter_segment(self, queryset, name, value):
        return queryset.filter(fan_id__in=fans_in_segment(creator_id=self.request.user.creator_id, segment=value))
