from core.registry import FanDataSource, register

from .models import FanPreferences
from .services import fan_contribution_withdraw

register(FanDataSource(FanPreferences, cache_suffixes=("preferences",), before_erase=fan_contribution_withdraw,
                       relearned=True))
