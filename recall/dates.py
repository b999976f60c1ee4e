"""The time a query speaks of, in English or French: "yesterday", "last week", "le mois dernier",
"three days ago", "il y a 2 semaines", "in May", "en mai 2025", "in 2024". A search favours the
messages of that window; it does not filter on it (people misremember when they said things).
Windows are in UTC days; the most recent past month is meant when no year is given."""
import re
from datetime import datetime, timedelta

from .terms import fold

MONTHS = {name: number for number, names in enumerate([
    ("january", "jan", "janvier"), ("february", "feb", "fevrier"), ("march", "mar", "mars"),
    ("april", "apr", "avril"), ("may", "mai"), ("june", "jun", "juin"), ("july", "jul", "juillet"),
    ("august", "aug", "aout"), ("september", "sep", "sept", "septembre"), ("october", "oct", "octobre"),
    ("november", "nov", "novembre"), ("december", "dec", "decembre")], 1) for name in names}
UNITS = {"day": 1, "days": 1, "jour": 1, "jours": 1, "week": 7, "weeks": 7, "semaine": 7, "semaines": 7,
         "month": 30, "months": 30, "mois": 30, "year": 365, "years": 365, "an": 365, "ans": 365}
NUMBERS = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3,
           "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "few": 3, "quelques": 3}
AMBIGUOUS = {"may", "mar", "mars", "jan", "sept", "dec"}  # words too ("sept" is seven in French)
AGO = re.compile(r"\b(?:(\d+|[a-z]+) (day|days|week|weeks|month|months|year|years) ago"
                 r"|il y a (\d+|[a-z]+) (jour|jours|semaine|semaines|mois|an|ans))\b")
MONTH = re.compile(r"\b(?:in|en|on|au mois de|during|last|this)? ?(" + "|".join(MONTHS) + r")\b(?: (\d{4}))?")
YEAR = re.compile(r"\b(?:in|en|during) (\d{4})\b")


def window(query: str, now: datetime) -> tuple[datetime, datetime] | None:
    """(start, end) of the time the query speaks of, or None when it names none."""
    text = fold(query.lower()).replace("’", "'")
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for finder in (_relative, _ago, _month, _year):
        found = finder(text, today)
        if found:
            return found
    return None


def _relative(text: str, today: datetime):
    week_start = today - timedelta(days=today.weekday())
    month_start = today.replace(day=1)
    named = {
        r"\b(yesterday|hier)\b": (today - timedelta(days=1), today),
        r"\b(today|this morning|tonight|aujourd'hui|ce matin|ce soir)\b": (today, today + timedelta(days=1)),
        r"\b(last week|la semaine derniere|la semaine passee)\b": (week_start - timedelta(days=7), week_start),
        r"\b(this week|cette semaine)\b": (week_start, today + timedelta(days=1)),
        r"\b(last month|le mois dernier|le mois passe)\b": (_month_before(month_start), month_start),
        r"\b(this month|ce mois-ci|ce mois ci)\b": (month_start, today + timedelta(days=1)),
        r"\b(last year|l'an dernier|l'annee derniere|l'an passe)\b": (today.replace(year=today.year - 1, month=1, day=1),
                                                                       today.replace(month=1, day=1)),
    }
    return next((span for pattern, span in named.items() if re.search(pattern, text)), None)


def _ago(text: str, today: datetime):
    match = AGO.search(text)
    if not match:
        return None
    amount, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    count = int(amount) if amount.isdigit() else NUMBERS.get(amount)
    if count is None:
        return None
    days = count * UNITS[unit]
    spread = max(1, days // 4)  # "three weeks ago" is roughly, not exactly, 21 days ago
    return today - timedelta(days=days + spread), today - timedelta(days=days - spread - 1)


def _month(text: str, today: datetime):
    for match in MONTH.finditer(text):
        name, year = match.group(1), match.group(2)
        if name in AMBIGUOUS and not (year or match.group(0).strip() != name):
            continue  # a month only after "in", "en", ... or with a year
        number = MONTHS[name]
        year = int(year) if year else (today.year if number <= today.month else today.year - 1)
        start = datetime(year, number, 1, tzinfo=today.tzinfo)
        return start, _month_after(start)
    return None


def _year(text: str, today: datetime):
    match = YEAR.search(text)
    if not match:
        return None
    year = int(match.group(1))
    return datetime(year, 1, 1, tzinfo=today.tzinfo), datetime(year + 1, 1, 1, tzinfo=today.tzinfo)


def _month_before(month_start: datetime) -> datetime:
    return (month_start - timedelta(days=1)).replace(day=1)


def _month_after(month_start: datetime) -> datetime:
    return (month_start + timedelta(days=32)).replace(day=1)
