from gdpr.registry import FanDataSource, register

from .models import EngagementMetrics, FanMemory, InteractionEvent

register(
    FanDataSource(InteractionEvent),
    FanDataSource(FanMemory, cache_suffixes=("messages", "messages:gen")),
    FanDataSource(EngagementMetrics, cache_suffixes=("engagement",)),
)
