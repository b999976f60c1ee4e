"""Reads of the gdpr app: consent (also a part of the memory context) and erasure requests."""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core import cache, keys, registry
from core.parts import ContextPart

from .models import Consent, ConsentChange, ErasureRequest, ErasureStatus, Purpose

PURPOSES = tuple(Purpose.values)
CONSENT_SUFFIX = "consent"


def consents_for(creator_id: str, fan_ids: list[str]) -> dict[str, dict]:
    """Consent per purpose for each fan; a purpose never withdrawn is granted (the default)."""
    consent = {fan_id: dict.fromkeys(PURPOSES, True) for fan_id in fan_ids}
    rows = Consent.objects.filter(creator_id=creator_id, fan_id__in=fan_ids).values_list("fan_id", "purpose", "granted")
    for fan_id, purpose, granted in rows:
        consent[fan_id][purpose] = granted
    return consent


def purpose_allowed(*, creator_id: str, fan_id: str, purpose: str) -> bool:
    """From the cached consent part when there is one (context reads fill it, consent changes
    forget it after commit), else from the database."""
    key = keys.fan_key(creator_id, fan_id, CONSENT_SUFFIX)
    cached = cache.run("consent read", lambda pipe: pipe.get(key))
    consent = cache.load(cached[0]) if cached else None
    if consent is not None:
        return consent.get(purpose, True)
    return not Consent.objects.filter(creator_id=creator_id, fan_id=fan_id, purpose=purpose, granted=False).exists()


def fans_without(*, creator_id: str, purpose: str):
    """Fan ids of this creator who withdrew `purpose` (a queryset usable in a subquery)."""
    return Consent.objects.filter(creator_id=creator_id, purpose=purpose, granted=False).values("fan_id")


def consent_history(*, creator_id: str, fan_id: str) -> list[dict]:
    changes = ConsentChange.objects.filter(creator_id=creator_id, fan_id=fan_id).order_by("changed_at", "id")
    return [{"purpose": c.purpose, "granted": c.granted, "changed_at": c.changed_at} for c in changes]


def erasure_request_for(*, creator_id: str, request_id) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(creator_id=creator_id, id=request_id).first()


CONTEXT_PART = ContextPart(
    name="consent", cache_suffix=CONSENT_SUFFIX, ttl=settings.FANMEMORY["PERSONALITY_TTL"], load_many=consents_for
)


def erasures_at_risk() -> int:
    """Erasure requests still open within ERASURE_ALERT_HOURS of their deadline, or past it."""
    close = timezone.now() + timedelta(hours=settings.FANMEMORY["ERASURE_ALERT_HOURS"])
    return ErasureRequest.objects.exclude(status=ErasureStatus.DONE).filter(deadline__lt=close).count()


def fan_data_counts(*, creator_id: str, fan_id: str) -> dict[str, int]:
    """Rows held on the fan per registered table: what an export holds and an erasure deletes."""
    return {source.label: source.rows(creator_id, fan_id).count() for source in registry.sources()}
