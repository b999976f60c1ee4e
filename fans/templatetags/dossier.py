"""Template filters of the fan dossier."""
from django import template
from django.utils.dateparse import parse_datetime

register = template.Library()


@register.filter
def when(iso: str | None) -> str:
    """An ISO 8601 UTC timestamp as people read it."""
    moment = parse_datetime(iso) if iso else None
    return f"{moment:%d %b %Y, %H:%M} UTC" if moment else "—"
