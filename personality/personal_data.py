from gdpr.registry import FanDataSource, register

from .models import PersonalityProfile

register(FanDataSource(PersonalityProfile, cache_suffixes=("personality", "response_style")))
