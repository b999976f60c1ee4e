from core.registry import FanDataSource, register

from .cache import HEAD_SUFFIX, LIST_SUFFIX
from .engagement import CONTEXT_PART as ENGAGEMENT_PART
from .models import EngagementMetrics, FanMemory, InteractionEvent

# The anchors, in the order every writer takes them: a save locks the engagement row before it
# inserts its event; a learning run locks its event; a calibration locks the engagement row.
register(
    FanDataSource(EngagementMetrics, cache_suffixes=(ENGAGEMENT_PART.cache_suffix,), anchor=True),
    FanDataSource(InteractionEvent, anchor=True),
    FanDataSource(FanMemory, cache_suffixes=(LIST_SUFFIX, HEAD_SUFFIX)),
)
