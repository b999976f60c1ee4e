from datetime import datetime, timezone


def iso_utc(moment: datetime | None) -> str | None:
    """ISO-8601 in UTC with a Z, as the contract returns every timestamp."""
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
