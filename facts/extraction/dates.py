"""Dates said in a message, resolved against the moment the message was sent (folded text)."""
import re
from datetime import date, timedelta

from .lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er)?"

DAY_MONTH = re.compile(rf"\b(?:the |le )?{_DAY}(?: of)? ({_MONTH})\b")
MONTH_DAY = re.compile(rf"\b({_MONTH})\.? {_DAY}\b")
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
ONLY_DAY = re.compile(rf"\b(?:on the|the|le) {_DAY}\b")

RELATIVE = re.compile(
    rf"\b(today|tonight|aujourd'hui|ce soir|tomorrow|tmrw|tmr|demain|this weekend|ce weekend|ce week-end"
    rf"|in (\d+|{'|'.join(NUMBER_WORDS)}) days?|dans (\d+|{'|'.join(NUMBER_WORDS)}) jours?"
    rf"|(?:next |this |on |ce |prochain )?({_WEEKDAY})(?: prochain)?)\b"
)
PAST = re.compile(r"\b(yesterday|hier|last (?:week|month|year|night)|ago|la semaine derniere|il y a)\b")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(today: date, month: int, day: int) -> date | None:
    found = _safe_date(today.year, month, day)
    if found is not None and found < today:
        found = _safe_date(today.year + 1, month, day)
    return found


def month_day(low: str) -> tuple[int, int] | None:
    """(month, day) of a calendar date written in the text ("March 14", "le 12 avril", "9/21/1988")."""
    if match := DAY_MONTH.search(low):
        return MONTHS[match.group(2)], int(match.group(1))
    if match := MONTH_DAY.search(low):
        return MONTHS[match.group(1)], int(match.group(2))
    if match := NUMERIC.search(low):
        first, second = int(match.group(1)), int(match.group(2))
        month, day = (first, second) if first <= 12 else (second, first)  # US order unless impossible
        return (month, day) if _safe_date(2000, month, day) else None
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def upcoming_date(low: str, today: date) -> date | None:
    """The first future (or today's) date the text speaks of; None when it speaks of the past."""
    if PAST.search(low):
        return None
    if found := month_day(low):
        return _upcoming(today, *found)
    if match := RELATIVE.search(low):
        word = match.group(1)
        if word in ("today", "tonight", "aujourd'hui", "ce soir"):
            return today
        if word in ("tomorrow", "tmrw", "tmr", "demain"):
            return today + timedelta(days=1)
        if word in ("this weekend", "ce weekend", "ce week-end"):
            return today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        if match.group(2) or match.group(3):
            return today + timedelta(days=_count(match.group(2) or match.group(3)))
        weekday = WEEKDAYS[match.group(4)]
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if match := ONLY_DAY.search(low):
        day = int(match.group(1))
        month = today.month if day >= today.day else today.month % 12 + 1
        return _upcoming(today, month, day)
    return None
