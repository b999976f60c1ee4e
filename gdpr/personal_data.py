from .models import Consent, ConsentChange
from .registry import FanDataSource, register

register(
    FanDataSource(Consent, cache_suffixes=("consent",)),
    FanDataSource(ConsentChange),
)
