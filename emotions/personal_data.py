from core.registry import FanDataSource, register

from .models import EmotionalState

register(FanDataSource(EmotionalState, cache_suffixes=("emotion", "signals"), relearned=True))
