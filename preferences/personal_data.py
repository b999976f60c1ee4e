from gdpr.registry import FanDataSource, register

from .models import FanPreferences

register(FanDataSource(FanPreferences, cache_suffixes=("preferences",)))
