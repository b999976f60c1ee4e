from core.registry import FanDataSource, register

from .models import PersonalityProfile
from .services import fan_contribution_withdraw

register(FanDataSource(PersonalityProfile, cache_suffixes=("personality",),
                       before_erase=fan_contribution_withdraw, relearned=True))
