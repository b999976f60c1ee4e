import django_filters

from .engagement import HIGH, MEDIUM
from .models import EngagementMetrics

LEVEL_RANGES = {"high": (HIGH, None), "medium": (MEDIUM, HIGH), "low": (None, MEDIUM)}


class FanFilter(django_filters.FilterSet):
    engagement_level = django_filters.ChoiceFilter(
        choices=[(level, level) for level in LEVEL_RANGES], method="filter_level"
    )
    ordering = django_filters.OrderingFilter(
        fields=("engagement_score", "last_interaction"),
        help_text="engagement_score or last_interaction, prefixed with - for descending.",
    )

    class Meta:
        model = EngagementMetrics
        fields = ["engagement_level"]

    def filter_level(self, queryset, name, value):
        low, high = LEVEL_RANGES[value]
        if low is not None:
            queryset = queryset.filter(engagement_score__gte=low)
        if high is not None:
            queryset = queryset.filter(engagement_score__lt=high)
        return queryset
