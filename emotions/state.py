"""The fan's emotional state and disengagement signals, as pure functions of a bounded evidence.

The evidence (one encrypted JSON per fan) holds only what these functions need, oldest first:
  recent   the last RECENT fan messages: time, polarity, sentiment, intensity, labels, length
  delays   the last DELAYS reply delays of the fan (seconds from an outgoing message to the reply)
  days     fan messages per UTC day, for the last DAYS days
  awaiting time of the oldest creator/ai message the fan has not answered yet (None when none)
  topics   per topic the fan mentioned: [mentions, summed polarity], the MAX_TOPICS most recent
  seen     the last event ids applied (a re-delivered event is applied once)
Times are POSIX seconds (UTC). Every threshold is named here and documented in emotions/README.md.
"""
from __future__ import annotations

from datetime import datetime, timezone
from statistics import median

VERSION = 1
RECENT, DELAYS, DAYS, SEEN, MAX_TOPICS, HISTORY = 40, 30, 60, 200, 30, 50
DAY = 86400.0

# current sentiment: an exponentially decayed mean of the fan's polarities
DECAY_PER_MESSAGE = 0.65          # the weight of the previous state when a message arrives...
DECAY_HALF_LIFE_DAYS = 3.0        # ...shrunk further by the time since the previous message
SENTIMENT_CUT = 0.15              # |decayed polarity| >= this: positive / negative
DOMINANT_WINDOW, DOMINANT_SHARE, DOMINANT_MAX = 20, 0.2, 3
AVOID_MIN_MENTIONS, AVOID_MEAN_POLARITY = 2, -0.3

# disengagement: each recent figure against the fan's own baseline (older evidence)
MIN_BASELINE_MESSAGES = 10        # lengths / sentiments older than the recent window needed
RECENT_MESSAGES = 5               # the recent window (messages)
SHORT_RATIO = (0.4, 0.25, 0.15)   # recent median length / baseline median: low, medium, high
SHORT_MIN_BASELINE_CHARS = 20     # a fan who always writes "ok" cannot get shorter
MIN_BASELINE_DELAYS = 5
RECENT_DELAYS = 5                 # the recent delays judged (their median)
DELAY_RATIO = (4.0, 8.0, 16.0)    # current delay / baseline median delay: low, medium, high
DELAY_MIN_SECONDS = 3600.0        # a delay under an hour is never "long"
NEGATIVE_LEVEL = (-0.25, -0.45, -0.65)  # mean polarity of the recent window: low, medium, high
NEGATIVE_DROP = 0.4               # ...and at least this far below the fan's baseline mean
NEGATIVE_MIN_SHARE = 0.6          # ...with this share of the recent messages negative
FREQUENCY_WINDOW_DAYS = 7
MIN_BASELINE_DAYS = 14            # days of history before the recent window
MIN_BASELINE_RATE = 0.3           # messages per day: rarer fans have no usable rate
FREQUENCY_RATIO = (0.4, 0.2, 0.05)  # recent rate / baseline rate: low, medium, high
MIN_EXPECTED_IN_WINDOW = 10       # the ratio is judged only when the fan usually sends this many a week
SILENCE_GAPS = 5.0                # silence longer than this many usual gaps (and >= 2 days)...
SILENCE_MIN_DAYS = 2.0            # ...is reduced frequency even before the window shows it
SEVERITIES = ("low", "medium", "high")

ACTIONS = {
    "short_responses": {
        "low": "Ask an open question about something they enjoy instead of a yes/no question.",
        "medium": "Switch topic to one of their favourite interests and keep your own message short.",
        "high": "Stop pushing content; send a short personal check-in that invites a real answer.",
    },
    "long_delays": {
        "low": "Do not double-message; wait for the reply and keep the next message light.",
        "medium": "Send one short, low-pressure follow-up about a topic they liked.",
        "high": "Re-engage with something exclusive or personal (a voice note, a teaser) and no sales ask.",
    },
    "negative_sentiment": {
        "low": "Acknowledge their mood and answer with empathy before anything else.",
        "medium": "Pause promotions; ask what is wrong and address it directly.",
        "high": "No selling: apologise if relevant, validate their feelings, and flag the fan for the creator.",
    },
    "reduced_frequency": {
        "low": "Send a friendly check-in that references your last conversation.",
        "medium": "Offer something new to come back for (a preview or a question about their plans).",
        "high": "Win-back message: a personal note from the creator, optionally a small gift or discount.",
    },
}


def new_evidence() -> dict:
    return {"version": VERSION, "recent": [], "delays": [], "days": {}, "awaiting": None,
            "topics": {}, "seen": [], "last_fan_at": None}


def evidence_of(raw) -> dict:
    return raw if isinstance(raw, dict) and raw.get("version") == VERSION else new_evidence()


def already_seen(evidence: dict, event_id: str) -> bool:
    return event_id in evidence["seen"]


def mark_seen(evidence: dict, event_id: str) -> None:
    evidence["seen"] = (evidence["seen"] + [event_id])[-SEEN:]


def _day(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")


def _date(day: str) -> float:
    return datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()


def observe_outgoing(evidence: dict, at: float) -> None:
    """A creator or ai message: the fan now owes a reply (the oldest unanswered one counts)."""
    last_fan = evidence["last_fan_at"]
    if evidence["awaiting"] is None and (last_fan is None or at >= last_fan):
        evidence["awaiting"] = at


def observe_fan_message(evidence: dict, at: float, analysis: dict, length: int, topics: list[str]) -> None:
    awaiting = evidence["awaiting"]
    if awaiting is not None and at >= awaiting:
        evidence["delays"] = (evidence["delays"] + [at - awaiting])[-DELAYS:]
        evidence["awaiting"] = None
    point = {"at": at, "polarity": float(analysis.get("polarity", 0.0)),
             "sentiment": analysis.get("sentiment", "neutral"),
             "intensity": float(analysis.get("intensity", 0.0)),
             "labels": list(analysis.get("labels") or [])[:5], "length": length}
    recent = evidence["recent"] + [point]
    recent.sort(key=lambda p: p["at"])
    evidence["recent"] = recent[-RECENT:]
    day = _day(at)
    days = dict(evidence["days"], **{day: evidence["days"].get(day, 0) + 1})
    evidence["days"] = {d: days[d] for d in sorted(days)[-DAYS:]}
    evidence["last_fan_at"] = max(at, evidence["last_fan_at"] or at)
    topic_stats = evidence["topics"]
    for topic in topics:
        count, total = topic_stats.pop(topic, (0, 0.0))
        topic_stats[topic] = (count + 1, total + point["polarity"])
    evidence["topics"] = dict(list(topic_stats.items())[-MAX_TOPICS:])
    return point


# --- the emotional state --------------------------------------------------------------------

def decayed_score(points: list[dict]) -> float:
    """Each message pulls the score towards its polarity; the past weighs less after a long gap."""
    score, previous = 0.0, None
    for point in points:
        keep = DECAY_PER_MESSAGE
        if previous is not None:
            keep *= 0.5 ** (max(0.0, point["at"] - previous) / (DECAY_HALF_LIFE_DAYS * DAY))
        score = keep * score + (1.0 - keep) * point["polarity"] if previous is not None else point["polarity"]
        previous = point["at"]
    return score


def sentiment_of(score: float) -> str:
    return "positive" if score >= SENTIMENT_CUT else "negative" if score <= -SENTIMENT_CUT else "neutral"


def dominant_emotions(points: list[dict]) -> list[str]:
    window = points[-DOMINANT_WINDOW:]
    if not window:
        return []
    weights = {}
    for rank, point in enumerate(window, start=1):
        for label in point["labels"]:
            weights[label] = weights.get(label, 0.0) + rank / len(window)  # newer counts more
    counts = {label: sum(label in p["labels"] for p in window) for label in weights}
    present = [label for label in weights if counts[label] / len(window) >= DOMINANT_SHARE]
    return sorted(present, key=lambda label: (-weights[label], label))[:DOMINANT_MAX]


def avoid_topics(evidence: dict) -> list[str]:
    """Topics the fan keeps bringing up in a negative mood: the response style steers clear."""
    stats = evidence["topics"]
    bad = [t for t, (count, total) in stats.items()
           if count >= AVOID_MIN_MENTIONS and total / count <= AVOID_MEAN_POLARITY]
    return sorted(bad, key=lambda t: stats[t][1] / stats[t][0])


def history_point(point: dict) -> dict:
    """The seed's SentimentDataPoint."""
    return {"timestamp": datetime.fromtimestamp(point["at"], tz=timezone.utc).isoformat().replace("+00:00", "Z"),
            "sentiment": point["sentiment"], "polarity": round(point["polarity"], 4),
            "intensity": round(point["intensity"], 4)}


def add_history(history: list[dict], point: dict) -> list[dict]:
    """The bounded sentiment history, oldest first."""
    def moment(p):
        return datetime.fromisoformat(p["timestamp"].replace("Z", "+00:00"))

    return sorted(history + [history_point(point)], key=moment)[-HISTORY:]


def last_at(points: list[dict], sentiment: str, previous: float | None) -> float | None:
    times = [p["at"] for p in points if p["sentiment"] == sentiment]
    candidates = [t for t in (max(times) if times else None, previous) if t is not None]
    return max(candidates) if candidates else None


# --- disengagement ----------------------------------------------------------------------------

def _severity(value: float, cuts: tuple, higher_is_worse: bool) -> str | None:
    level = None
    for name, cut in zip(SEVERITIES, cuts):
        if (value >= cut) if higher_is_worse else (value <= cut):
            level = name
    return level


def _signal(kind: str, severity: str, detected_at: float, **evidence) -> dict:
    return {"type": kind, "severity": severity,
            "detected_at": datetime.fromtimestamp(detected_at, tz=timezone.utc).isoformat().replace("+00:00", "Z"),
            "suggested_action": ACTIONS[kind][severity],
            "evidence": {k: round(v, 3) if isinstance(v, float) else v for k, v in evidence.items()}}


def short_responses(evidence: dict) -> dict | None:
    recent = evidence["recent"]
    if len(recent) < MIN_BASELINE_MESSAGES + RECENT_MESSAGES:
        return None
    baseline = median(p["length"] for p in recent[:-RECENT_MESSAGES])
    now = median(p["length"] for p in recent[-RECENT_MESSAGES:])
    if baseline < SHORT_MIN_BASELINE_CHARS:
        return None
    severity = _severity(now / baseline, SHORT_RATIO, higher_is_worse=False)
    if severity is None:
        return None
    return _signal("short_responses", severity, recent[-1]["at"], recent_median_chars=now,
                   baseline_median_chars=baseline)


def long_delays(evidence: dict, now: float) -> dict | None:
    delays = evidence["delays"]
    if len(delays) >= MIN_BASELINE_DELAYS + RECENT_DELAYS:
        older, current = delays[:-RECENT_DELAYS], median(delays[-RECENT_DELAYS:])
    else:  # too few to judge recent replies: only a reply that is still awaited counts
        older, current = delays, 0.0
    if len(older) < MIN_BASELINE_DELAYS:
        return None
    baseline = max(median(older), 60.0)
    pending = now - evidence["awaiting"] if evidence["awaiting"] is not None else 0.0
    worst = max(current, pending)
    if worst < DELAY_MIN_SECONDS:
        return None
    severity = _severity(worst / baseline, DELAY_RATIO, higher_is_worse=True)
    if severity is None:
        return None
    if pending >= current:  # found by silence: crossed when the wait passed the low threshold
        detected = evidence["awaiting"] + max(DELAY_RATIO[0] * baseline, DELAY_MIN_SECONDS)
    else:
        detected = evidence["recent"][-1]["at"] if evidence["recent"] else now
    return _signal("long_delays", severity, min(detected, now), current_delay_seconds=worst,
                   baseline_delay_seconds=baseline, waiting_for_reply=pending >= current)


def negative_sentiment(evidence: dict) -> dict | None:
    recent = evidence["recent"]
    window = recent[-RECENT_MESSAGES:]
    if len(window) < 3:
        return None
    mean_now = sum(p["polarity"] for p in window) / len(window)
    share = sum(p["sentiment"] == "negative" for p in window) / len(window)
    older = recent[:-RECENT_MESSAGES]
    if len(older) >= MIN_BASELINE_MESSAGES:
        baseline = sum(p["polarity"] for p in older) / len(older)
        if mean_now - baseline > -NEGATIVE_DROP:
            return None
    else:  # no baseline yet: only a clearly negative window counts
        baseline = None
        if mean_now > NEGATIVE_LEVEL[1]:
            return None
    severity = _severity(mean_now, NEGATIVE_LEVEL, higher_is_worse=False)
    if severity is None or share < NEGATIVE_MIN_SHARE:
        return None
    return _signal("negative_sentiment", severity, window[-1]["at"], recent_mean_polarity=mean_now,
                   baseline_mean_polarity=baseline, negative_share=share)


def reduced_frequency(evidence: dict, now: float) -> dict | None:
    days = evidence["days"]
    if not days or evidence["last_fan_at"] is None:
        return None
    window_day = _day(now - FREQUENCY_WINDOW_DAYS * DAY)
    baseline_days = (_date(window_day) - _date(min(days))) / DAY
    if baseline_days < MIN_BASELINE_DAYS:
        return None
    older = sum(n for d, n in days.items() if d < window_day)
    recent = sum(n for d, n in days.items() if d > window_day)
    baseline_rate = older / baseline_days
    if baseline_rate < MIN_BASELINE_RATE:
        return None
    ratio = (recent / FREQUENCY_WINDOW_DAYS) / baseline_rate
    severity = None
    if baseline_rate * FREQUENCY_WINDOW_DAYS >= MIN_EXPECTED_IN_WINDOW:
        severity = _severity(ratio, FREQUENCY_RATIO, higher_is_worse=False)
    silence = now - evidence["last_fan_at"]
    usual_gap = DAY / baseline_rate
    if severity is None and silence >= max(SILENCE_GAPS * usual_gap, SILENCE_MIN_DAYS * DAY):
        severity = "low"
    if severity is None:
        return None
    return _signal("reduced_frequency", severity, now, recent_per_day=recent / FREQUENCY_WINDOW_DAYS,
                   baseline_per_day=baseline_rate, silent_days=silence / DAY)


def disengagement(evidence: dict, now: float) -> list[dict]:
    """The current signals, strongest first ([] for a steady fan)."""
    found = [short_responses(evidence), long_delays(evidence, now), negative_sentiment(evidence),
             reduced_frequency(evidence, now)]
    signals = [s for s in found if s is not None]
    return sorted(signals, key=lambda s: -SEVERITIES.index(s["severity"]))
