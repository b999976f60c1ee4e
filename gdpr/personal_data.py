from .models import Consent, ConsentChange
from core.registry import FanDataSource, register

register(
    FanDataSource(Consent, cache_suffixes=("consent",)),
    FanDataSource(ConsentChange),
)
