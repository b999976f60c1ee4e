import django_filters

from facts.segments import SEGMENTS
from facts.selectors import fans_in_segment

from memory.engagement import HIGH, MEDIUM
from memory.models import EngagementMetrics

LEVEL_RANGES = {"high": (HIGH, None), "medium": (MEDIUM, HIGH), "low": (None, MEDIUM)}


class FanFilter(django_filters.FilterSet):
    engagement_level = django_filters.ChoiceFilter(
        choices=[(level, level) for level in LEVEL_RANGES], method="filter_level"
    )
    segment = django_filters.ChoiceFilter(
        choices=[(name, name) for name in SEGMENTS], method="filter_segment",
        help_text="Lifecycle (new, active, at_risk, churned, win_back) or vip; see the README.",
    )
    ordering = django_filters.OrderingFilter(
        fields=("engagement_score", "last_interaction"),
        help_text="engagement_score or last_interaction, prefixed with - for descending.",
    )

    class Meta:
        model = EngagementMetrics
        fields = ["engagement_level", "segment"]

    def filter_level(self, queryset, name, value):
        low, high = LEVEL_RANGES[value]
        if low is not None:
            queryset = queryset.filter(engagement_score__gte=low)
        if high is not None:
            queryset = queryset.filter(engagement_score__lt=high)
        return queryset

    def filter_segment(self, queryset, name, value):
        return queryset.filter(fan_id__in=fans_in_segment(creator_id=self.request.user.creator_id, segment=value))
