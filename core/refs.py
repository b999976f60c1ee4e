import hashlib
import hmac

from django.conf import settings


def fan_ref(creator_id: str, fan_id: str) -> str:
    """A keyed hash naming a fan without keeping the id: stable for one creator and fan."""
    message = f"{creator_id}\x00{fan_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
