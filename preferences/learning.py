"""Preference learning as pure functions over a JSON-serialisable state (no Django, no I/O).

The state holds sufficient statistics (decayed evidence masses, counters, sums); every
`observe_*` call is O(1) in the fan's history. `public_view(state, now)` derives the seed's
FanPreferences fields from it. Times are UTC epoch seconds, counted per UTC hour of the week; the
view shows preferred hours and days in the fan's time zone (`tz`, given by the coordinator). See
preferences/README.md for the update rule and the decay.
"""
import math
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY = 86400.0
MONTH_DAYS = 30.44

CATEGORY_HALF_LIFE_DAYS = 180.0  # tastes drift slowly
TOPIC_HALF_LIFE_DAYS = 30.0  # what a fan talks about drifts fast
PRIOR_STRENGTH = 2.0  # pseudo-evidence holding a category score at 0.5 until evidence arrives
CONFIDENCE_HALF = 2.0  # decayed evidence weight at which confidence reaches 0.5
TOPIC_HALF = 3.0  # decayed mentions at which a topic's level reaches 0.5 (one mention: 0.25)

# Evidence weight of each signal about a category (updatePreferenceScore deltas).
WEIGHTS = {"purchase": 1.0, "purchased": 0.5, "positive": 0.5, "ignored": -0.3, "negative": -1.0}

PATTERN_KINDS = ("ppv", "tip", "custom")
SPEND_KINDS = ("ppv", "custom")  # content with a price; tips are not a price the fan accepted
REPLY_WINDOW = DAY  # a fan message later than this after ours is not a reply
MAX_CATEGORIES = 100
MAX_TOPICS = 50
MAX_TOPICS_PER_MESSAGE = 5
SEEN_EVENTS = 64
WEEK_HOURS = 7 * 24
UTC = "UTC"


def new_state() -> dict:
    return {"categories": {}, "topics": {}, "kinds": {}, "spend": {"n": 0, "s": 0.0, "ss": 0.0},
            "comm": {"week": [0] * WEEK_HOURS, "n": 0, "reply_n": 0, "reply_ls": 0.0, "await": None, "lang": {}},
            "seen": [], "popularity": {}, "tz": None}


def state_from(stored: dict | None) -> dict:
    state = {**new_state(), **(stored or {})}
    if stored and "popularity" not in stored:
        state["popularity"] = _derived_popularity(state)
    return state


def _derived_popularity(state: dict) -> dict:
    """What a state written before "popularity" was kept added to the creator's popularity: the
    purchase count of each category still tracked. Its price statistics cannot be attributed to
    categories (the state only sums them over all purchases), so they stay in the aggregate."""
    return {name: [entry["b"], 0, 0.0, 0.0] for name, entry in state["categories"].items() if entry["b"]}


def epoch(moment: datetime) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def iso(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat().replace("+00:00", "Z")


def day_of_week(seconds: float) -> int:
    """0 = Sunday ... 6 = Saturday, in UTC (the seed's convention)."""
    return (datetime.fromtimestamp(seconds, timezone.utc).weekday() + 1) % 7


def hour_of_day(seconds: float) -> int:
    return datetime.fromtimestamp(seconds, timezone.utc).hour


def set_timezone(state: dict, zone: str | None) -> None:
    """The fan's time zone, as the facts app knows it now (None: unknown)."""
    state["tz"] = zone


def _count_time(counts: dict, at: float) -> None:
    """One more event at `at`, per UTC hour of the week (0 = Sunday 00:00). A state written before
    keeps its separate UTC day and hour counts, served in UTC."""
    if "week" in counts:
        counts["week"][day_of_week(at) * 24 + hour_of_day(at)] += 1
    else:
        counts["days"][day_of_week(at)] += 1
        counts["hours"][hour_of_day(at)] += 1


def _offset_hours(zone: str | None, now: float) -> int | None:
    """The zone's offset from UTC at `now`, to the nearest whole hour (None: no usable zone)."""
    if not zone or zone == UTC:
        return None
    try:
        offset = datetime.fromtimestamp(now, ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return math.floor(offset.total_seconds() / 3600 + 0.5)


def local_days_hours(counts: dict, zone: str | None, now: float) -> tuple[list[int], list[int], str]:
    """(day counts 0 = Sunday, hour counts, the zone used): the UTC hours of the week shifted by the
    zone's current offset (whole hours; a DST change moves a season's counts by one hour)."""
    if "week" not in counts:
        return counts["days"], counts["hours"], UTC
    offset = _offset_hours(zone, now)
    days, hours = [0] * 7, [0] * 24
    for utc_hour, count in enumerate(counts["week"]):
        local = (utc_hour + (offset or 0)) % WEEK_HOURS
        days[local // 24] += count
        hours[local % 24] += count
    return days, hours, zone if offset is not None else UTC


def decay(elapsed_seconds: float, half_life_days: float) -> float:
    return 0.5 ** (max(0.0, elapsed_seconds) / (half_life_days * DAY))


def _advance(entry: dict, at: float, half_life_days: float, masses: tuple[str, ...]) -> float:
    """Bring the entry's masses forward to `at` if it is newer; return the weight of evidence seen at `at`.

    Late (out-of-order) evidence is decayed by how much older it is than the entry.
    """
    last = entry["at"]
    if last is None or at >= last:
        if last is not None:
            factor = decay(at - last, half_life_days)
            for name in masses:
                entry[name] *= factor
        entry["at"] = at
        return 1.0
    return decay(last - at, half_life_days)


def _cap(entries: dict, limit: int, strength) -> None:
    while len(entries) > limit:
        del entries[min(entries, key=lambda name: strength(entries[name]))]


def mark_seen(state: dict, event_key) -> bool:
    """Remember an event; False if it was already learned (a redelivered task must not count twice)."""
    if event_key in state["seen"]:
        return False
    state["seen"] = (state["seen"] + [event_key])[-SEEN_EVENTS:]
    return True


# --- observations --------------------------------------------------------------------------

def update_category(state: dict, category: str, delta: float, at: float) -> dict:
    """The seed's updatePreferenceScore: positive delta is evidence for, negative against."""
    categories = state["categories"]
    entry = categories.get(category) or {"p": 0.0, "n": 0.0, "e": 0.0, "k": 0, "b": 0, "at": None}
    weight = _advance(entry, at, CATEGORY_HALF_LIFE_DAYS, ("p", "n", "e"))
    if delta > 0:
        entry["p"] += delta * weight
    else:
        entry["n"] -= delta * weight
    entry["e"] += abs(delta) * weight
    entry["k"] += 1
    categories[category] = entry
    _cap(categories, MAX_CATEGORIES, lambda item: item["e"])
    return entry


def popularity_delta(*, category: str, kind: str, amount: float) -> list | None:
    """What one purchase adds to its category's row of the creator's popularity: [purchases, priced
    purchases, log amount, its square]; None if nothing (a tip without a category)."""
    priced = kind in SPEND_KINDS and amount > 0
    if not category and not priced:
        return None
    log_amount = math.log(amount) if priced else 0.0
    return [1 if category else 0, int(priced), log_amount, log_amount * log_amount]


def observe_purchase(state: dict, *, kind: str, amount: float, category: str, at: float) -> None:
    delta = popularity_delta(category=category, kind=kind, amount=amount)
    if delta:  # kept so that an erasure can withdraw exactly this from the creator's popularity
        total = state["popularity"].get(category, [0, 0, 0.0, 0.0])
        state["popularity"][category] = [mine + added for mine, added in zip(total, delta)]
    if category:
        update_category(state, category, WEIGHTS["purchase"], at)["b"] += 1
    if kind in PATTERN_KINDS:
        stats = state["kinds"].setdefault(kind, {"c": 0, "sum": 0.0, "first": at, "last": at,
                                                 "week": [0] * WEEK_HOURS})
        stats["c"] += 1
        stats["sum"] += amount
        stats["first"], stats["last"] = min(stats["first"], at), max(stats["last"], at)
        _count_time(stats, at)
    if kind in SPEND_KINDS and amount > 0:
        spend, log_amount = state["spend"], math.log(amount)
        spend["n"] += 1
        spend["s"] += log_amount
        spend["ss"] += log_amount * log_amount


def observe_offer_feedback(state: dict, *, category: str, outcome: str, at: float) -> bool:
    """Feedback on an offer of `category`: purchased/positive count for it, ignored/negative against."""
    if not category or outcome not in WEIGHTS:
        return False
    update_category(state, category, WEIGHTS[outcome], at)
    return True


def observe_message(state: dict, *, sender: str, at: float, topics=(), language: str | None = None) -> None:
    comm = state["comm"]
    if sender != "fan":
        if comm["await"] is None:
            comm["await"] = at  # the reply delay runs from our first unanswered message
        return
    if comm["await"] is not None and at >= comm["await"]:
        delay = at - comm["await"]
        if delay <= REPLY_WINDOW:
            comm["reply_n"] += 1
            comm["reply_ls"] += math.log(max(delay, 1.0))
        comm["await"] = None
    comm["n"] += 1
    _count_time(comm, at)
    if language:
        comm["lang"][language] = comm["lang"].get(language, 0) + 1
        _cap(comm["lang"], 10, lambda count: count)
    for topic in list(dict.fromkeys(topics))[:MAX_TOPICS_PER_MESSAGE]:
        entry = state["topics"].get(topic) or {"m": 0.0, "at": None}
        entry["m"] += _advance(entry, at, TOPIC_HALF_LIFE_DAYS, ("m",))
        state["topics"][topic] = entry
    _cap(state["topics"], MAX_TOPICS, _topic_strength)


def _topic_strength(entry: dict) -> float:
    """Log of the mass brought to a common time, to compare topics updated at different times."""
    return math.log(max(entry["m"], 1e-12)) + entry["at"] / (TOPIC_HALF_LIFE_DAYS * DAY) * math.log(2)


# --- the public view -----------------------------------------------------------------------

def category_view(category: str, entry: dict, now: float) -> dict:
    factor = decay(now - entry["at"], CATEGORY_HALF_LIFE_DAYS)
    positive, negative, evidence = entry["p"] * factor, entry["n"] * factor, entry["e"] * factor
    return {
        "category": category,
        "score": round((positive + PRIOR_STRENGTH * 0.5) / (positive + negative + PRIOR_STRENGTH), 4),
        "confidence": round(evidence / (evidence + CONFIDENCE_HALF), 4),
        "evidence_count": entry["k"],
        "last_interaction": iso(entry["at"]),
        "purchases": entry["b"],
        "positive": round(positive, 4),
        "negative": round(negative, 4),
    }


def preferred(counts: list[int], limit: int) -> list[int]:
    """The values counted at least half as often as the most frequent one, strongest first."""
    top = max(counts)
    if not top:
        return []
    ranked = sorted((value for value, count in enumerate(counts) if count * 2 >= top), key=lambda v: (-counts[v], v))
    return ranked[:limit]


def pattern_view(kind: str, stats: dict, now: float, zone: str | None = None) -> dict:
    months = max(1.0, (now - stats["first"]) / DAY / MONTH_DAYS)
    days, hours, used = local_days_hours(stats, zone, now)
    return {
        "content_type": kind,
        "average_amount": money(stats["sum"] / stats["c"]),
        "frequency": round(stats["c"] / months, 2),
        "preferred_days": preferred(days, 3),
        "preferred_hours": preferred(hours, 3),
        "timezone": used,
        "purchase_count": stats["c"],
        "total_amount": money(stats["sum"]),
        "last_purchase_at": iso(stats["last"]),
    }


def money(value: float) -> str:
    """An amount as the API gives money: a decimal string with two places ("12.99"), never a float."""
    return str(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def spending_view(spend: dict) -> dict:
    if not spend["n"]:
        return {"purchases": 0, "typical_amount": None, "low": None, "high": None}
    mean = spend["s"] / spend["n"]
    sd = math.sqrt(max(0.0, spend["ss"] / spend["n"] - mean * mean))
    return {"purchases": spend["n"], "typical_amount": money(math.exp(mean)),
            "low": money(math.exp(mean - sd)), "high": money(math.exp(mean + sd))}


def reply_speed(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return "immediate" if seconds < 120 else "fast" if seconds < 1800 else "slow"


def communication_view(comm: dict, now: float, zone: str | None = None) -> dict:
    typical = math.exp(comm["reply_ls"] / comm["reply_n"]) if comm["reply_n"] else None
    days, hours, used = local_days_hours(comm, zone, now)
    return {
        "active_hours": preferred(hours, 4),
        "active_days": preferred(days, 3),
        "timezone": used,
        "reply_speed": reply_speed(typical),
        "typical_reply_seconds": round(typical) if typical is not None else None,
        "reply_samples": comm["reply_n"],
        "messages_observed": comm["n"],
        "language": max(comm["lang"], key=comm["lang"].get) if comm["lang"] else None,
    }


def topic_interests(topics: dict, now: float) -> dict[str, float]:
    """Each topic's level (its decayed mentions M: M / (M + TOPIC_HALF)) times the square root of its
    share of the fan's strongest topic: a topic named once beside one the fan talks about every day
    stays far below it, while a fan's only topic keeps its level."""
    masses = {topic: entry["m"] * decay(now - entry["at"], TOPIC_HALF_LIFE_DAYS) for topic, entry in topics.items()}
    strongest = max(masses.values(), default=0.0)
    interests = {}
    for topic, mass in masses.items():
        interest = round(mass / (mass + TOPIC_HALF) * math.sqrt(mass / strongest), 3) if strongest > 0 else 0.0
        if interest >= 0.01:
            interests[topic] = interest
    return interests


def public_view(state: dict, now: float) -> dict:
    """content_preferences, topic_interests, purchase_patterns, communication_preferences, spending at `now`."""
    categories = [category_view(name, entry, now) for name, entry in state["categories"].items()]
    categories.sort(key=lambda item: (-item["score"], -item["confidence"], item["category"]))
    interests = topic_interests(state["topics"], now)
    return {
        "content_preferences": {item["category"]: item for item in categories},
        "topic_interests": dict(sorted(interests.items(), key=lambda kv: (-kv[1], kv[0]))),
        "purchase_patterns": [pattern_view(kind, state["kinds"][kind], now, state.get("tz"))
                              for kind in PATTERN_KINDS if kind in state["kinds"]],
        "communication_preferences": communication_view(state["comm"], now, state.get("tz")),
        "spending": spending_view(state["spend"]),
    }
