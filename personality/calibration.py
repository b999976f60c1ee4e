"""The personality calibrator's learning, as pure functions (no Django, no I/O).

A fan's learning state (`evidence`, a JSON-able dict stored encrypted on the profile) is updated
in O(1) per event by `observe_*`; `derive` turns it into the profile's fields. A full
recalibration replays the fan's history through the same functions, so both agree.
The README of this app explains the statistics, the bandit and the confidence formula.
"""
import math
import re
import statistics
from datetime import datetime

# The default tone first: ties (no evidence anywhere) go to it.
TONES = ("friendly", "flirty", "playful", "professional", "dominant")
DEFAULT_TONE = "friendly"
CALIBRATION_THRESHOLD = 5  # interactions before a fan's own profile is served (the seed's rule)

DECAY = 0.95  # per fan message: a message 14 messages old weighs half as much as the newest
LENGTH_WINDOW = 25  # message lengths kept for the median
SPEED_WINDOW = 15  # reply delays kept for the median
REPLY_WINDOW_SECONDS = 24 * 3600  # a later answer starts a new conversation, it is not a reply
EMOJIS_TRACKED = 30
PREFERRED_EMOJIS = 5
# The fan's moods, not a style to mirror: the emotions lexicon's negative emoji (a test keeps them
# in step) and the sarcastic upside-down face. Kept apart from preferred_emojis, as mood_emojis.
MOOD_EMOJIS = frozenset("⁉☠☹⚠❌👎👿💔💢💤💩🖕😐😑😒😓😔😕😖😞😟😠😡😢😣😤😥😦😧😨😩😪😫😬😭😰😱😳😴😵😶😷😾😿🙀🙁🙄🙅🤐🤒🤔🤕🤡🤢🤦🤧🤨🤬🤮🤷🥀🥱🥴🥶🫠🫥🫨🙃")
SEEN_EVENTS = 32  # recent event ids, so a redelivered task is not counted twice
SERVED_REMEMBERED = 20  # tone served with each recent ai message, for feedback without metadata

SHORT_MAX_CHARS, MEDIUM_MAX_CHARS = 40, 120
IMMEDIATE_MAX_SECONDS, DELAYED_MIN_SECONDS = 300, 1800
VARIABLE_SPREAD = math.log(10)  # q75/q25 of reply delays above 10x: "variable"

PRIOR_STRENGTH = 2.0  # the creator's population counts as at most this many of the fan's feedbacks
UCB_WIDTH = 0.5  # posterior standard deviations of optimism in the tone's index
CONFIDENCE_HALF_EVIDENCE = 10  # interactions at which the evidence term reaches 0.5

# (successes, failures) added to the tone's Beta posterior per outcome.
REWARDS = {
    "purchased": (2.0, 0.0),
    "positive": (1.0, 0.0),
    "replied": (1.0, 0.0),
    "ignored": (0.0, 1.0),
    "negative": (0.0, 2.0),
}

_PICTOGRAPH = (
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u2B1B\u2B1C\u231A\u231B\u23E9-\u23FA\u203C\u2049]"
)
EMOJI = re.compile(f"[\U0001F1E6-\U0001F1FF]{{2}}|{_PICTOGRAPH}(?:\u200D{_PICTOGRAPH})*")
_PRESENTATION = re.compile("[\uFE0E\uFE0F\U0001F3FB-\U0001F3FF]")  # variation selectors, skin tones
_REPEATED_MARKS = re.compile(r"[!?]{2,}")
_LAUGH = re.compile(r"^(?:ha|he|hi|ja|xd)+h?$")
_WORD = re.compile(r"[^\W\d_]+")
SLANG = {
    "lol", "lmao", "omg", "u", "ur", "r", "ya", "k", "kk", "pls", "plz", "idk", "btw", "gonna", "wanna",
    "tbh", "imo", "thx", "bc", "cuz", "mdr", "ptdr", "jsp", "stp", "bcp", "tkt", "slt", "wsh", "jpp",
}


# --- one message -----------------------------------------------------------------------------

def normalise(text: str) -> str:
    """One form per emoji: no variation selectors (U+FE0E/U+FE0F), no skin-tone modifiers."""
    return _PRESENTATION.sub("", text)


def emojis_in(text: str) -> list[str]:
    return EMOJI.findall(normalise(text))


def is_proper(text: str) -> bool | None:
    """Proper: starts with a capital, ends with . ! ? or …, no !!/??, no chat slang, not shouting.
    None when the message has too few letters to judge (an emoji, "ok")."""
    words = EMOJI.sub(" ", normalise(text)).strip()
    letters = [char for char in words if char.isalpha()]
    if len(letters) < 3:
        return None
    lowered = {word.lower() for word in _WORD.findall(words)}
    return (
        letters[0].isupper()
        and words[-1] in ".!?…"
        and not _REPEATED_MARKS.search(words)
        and not lowered & SLANG
        and not any(_LAUGH.match(word) for word in lowered)
        and not (len(letters) > 6 and all(char.isupper() for char in letters))
    )


def message_length(text: str) -> int:
    return len(normalise(text).strip())


# --- the learning state ----------------------------------------------------------------------

def new_state() -> dict:
    return {
        "version": 1,
        "interactions": 0,
        "fan_messages": 0,
        "seen": [],
        "emoji": {"with": 0.0, "weight": 0.0, "counts": {}},
        "length": {"recent": []},
        "punctuation": {"proper": 0.0, "weight": 0.0},
        "speed": {"recent": [], "last_outgoing": None, "last_fan": None},
        "tone": {"own": {}, "direct": {}, "direct_feedbacks": 0, "feedbacks": 0, "served": [], "contributed": {}},
    }


def already_seen(state: dict, event_id: str) -> bool:
    """Remember the event; True if it was already counted (a redelivered task)."""
    if event_id in state["seen"]:
        return True
    state["seen"] = (state["seen"] + [event_id])[-SEEN_EVENTS:]
    return False


def count_interaction(state: dict) -> None:
    state["interactions"] += 1


def _timestamp(at: datetime) -> float:
    return at.timestamp()


def observe_fan_message(state: dict, text: str, at: datetime) -> None:
    state["fan_messages"] += 1
    emoji, found = state["emoji"], emojis_in(text)
    emoji["with"] = emoji["with"] * DECAY + (1.0 if found else 0.0)
    emoji["weight"] = emoji["weight"] * DECAY + 1.0
    counts = {symbol: count * DECAY for symbol, count in emoji["counts"].items()}
    for symbol in found:
        counts[symbol] = counts.get(symbol, 0.0) + 1.0
    emoji["counts"] = dict(sorted(counts.items(), key=lambda item: -item[1])[:EMOJIS_TRACKED])

    state["length"]["recent"] = (state["length"]["recent"] + [message_length(text)])[-LENGTH_WINDOW:]

    proper = is_proper(text)
    if proper is not None:
        punctuation = state["punctuation"]
        punctuation["proper"] = punctuation["proper"] * DECAY + (1.0 if proper else 0.0)
        punctuation["weight"] = punctuation["weight"] * DECAY + 1.0

    speed, now = state["speed"], _timestamp(at)
    last_out, last_fan = speed["last_outgoing"], speed["last_fan"]
    if last_out is not None and (last_fan is None or last_out > last_fan) and 0 <= now - last_out <= REPLY_WINDOW_SECONDS:
        speed["recent"] = (speed["recent"] + [round(now - last_out, 1)])[-SPEED_WINDOW:]
    speed["last_fan"] = now if last_fan is None else max(last_fan, now)


def observe_outgoing(state: dict, at: datetime, event_id: str | None = None, tone: str | None = None) -> None:
    """An ai or creator message; `tone` is the tone served with it (ai messages), for later feedback."""
    speed, now = state["speed"], _timestamp(at)
    speed["last_outgoing"] = now if speed["last_outgoing"] is None else max(speed["last_outgoing"], now)
    if event_id is not None and tone in TONES:
        state["tone"]["served"] = (state["tone"]["served"] + [[event_id, tone]])[-SERVED_REMEMBERED:]


def served_with(state: dict, event_id: str) -> str | None:
    return next((tone for served_id, tone in state["tone"]["served"] if served_id == event_id), None)


def observe_feedback(state: dict, tone: str, outcome: str, direct: bool = False) -> None:
    """One outcome of a message served in `tone`. Direct feedback (the adjustTone endpoint) is not
    in the event history, so it is also kept apart to survive a recalibration."""
    tones = state["tone"]
    _credit(tones["own"], tone, outcome)
    tones["feedbacks"] += 1
    if direct:
        _credit(tones["direct"], tone, outcome)
        tones["direct_feedbacks"] += 1


def _credit(book: dict, tone: str, outcome: str) -> None:
    successes, failures = REWARDS[outcome]
    current = book.get(tone, [0.0, 0.0])
    book[tone] = [current[0] + successes, current[1] + failures]


def contribution(state: dict) -> dict:
    """(successes, failures) per tone this fan's feedback added to the creator's totals, withdrawn on
    erasure. It is kept apart from "own": a recalibration rebuilds "own" from the remaining history
    (and may credit a feedback to another tone), but never touches the creator's totals.

    States written before it was kept start from "own", the best that can be derived: it is exact
    unless the profile was recalibrated since (history purged, tone re-attributed)."""
    tones = state["tone"]
    if "contributed" not in tones:
        tones["contributed"] = {tone: list(pair) for tone, pair in tones["own"].items()}
    return tones["contributed"]


def record_contribution(state: dict, tone: str, outcome: str) -> None:
    _credit(contribution(state), tone, outcome)


def restore_direct_feedback(state: dict, previous_tones: dict) -> None:
    """After a replay of the history, add back the feedback given directly (not in the history)."""
    tones = state["tone"]
    for tone, (successes, failures) in previous_tones["direct"].items():
        current = tones["own"].get(tone, [0.0, 0.0])
        tones["own"][tone] = [current[0] + successes, current[1] + failures]
    tones["direct"] = {tone: list(pair) for tone, pair in previous_tones["direct"].items()}
    tones["direct_feedbacks"] = previous_tones["direct_feedbacks"]
    tones["feedbacks"] += previous_tones["direct_feedbacks"]


# --- the tone: Beta posteriors shrunk toward the creator's population ------------------------

def posteriors(own: dict, population: dict) -> dict[str, tuple[float, float]]:
    """Beta(alpha, beta) per tone: a uniform Beta(1, 1), plus the creator's population success
    rate p counted as k = min(PRIOR_STRENGTH, population evidence) pseudo-feedbacks, plus the
    fan's own successes and failures."""
    result = {}
    for tone in TONES:
        pop_s, pop_f = population.get(tone, (0.0, 0.0))
        rate = (pop_s + 1.0) / (pop_s + pop_f + 2.0)
        strength = min(PRIOR_STRENGTH, pop_s + pop_f)
        fan_s, fan_f = own.get(tone, (0.0, 0.0))
        result[tone] = (1.0 + strength * rate + fan_s, 1.0 + strength * (1.0 - rate) + fan_f)
    return result


def _mean(pair: tuple[float, float]) -> float:
    return pair[0] / (pair[0] + pair[1])


def _variance(pair: tuple[float, float]) -> float:
    alpha, beta = pair
    return alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1.0))


def best_by_mean(beliefs: dict[str, tuple[float, float]]) -> str:
    return max(TONES, key=lambda tone: _mean(beliefs[tone]))  # max keeps the first of equals


def population_tone(population: dict) -> str:
    """What works for the creator's fans: served before a fan is calibrated."""
    return best_by_mean(posteriors({}, population))


def ucb_index(pair: tuple[float, float]) -> float:
    return _mean(pair) + UCB_WIDTH * math.sqrt(_variance(pair))


def choose_tone(state: dict, population: dict) -> str:
    """The served tone: deterministic, so the same evidence always serves the same tone."""
    if state["interactions"] < CALIBRATION_THRESHOLD:
        return population_tone(population)
    beliefs = posteriors(state["tone"]["own"], population)
    return max(TONES, key=lambda tone: ucb_index(beliefs[tone]))


# --- style fields ----------------------------------------------------------------------------

def emoji_frequency(state: dict) -> float | None:
    emoji = state["emoji"]
    return emoji["with"] / emoji["weight"] if emoji["weight"] else None


def _most_used(state: dict, mood: bool) -> list[str]:
    counts = state["emoji"]["counts"]
    chosen = [symbol for symbol in counts if (symbol in MOOD_EMOJIS) == mood]
    return sorted(chosen, key=lambda symbol: -counts[symbol])[:PREFERRED_EMOJIS]


def preferred_emojis(state: dict) -> list[str]:
    """The fan's most used positive or neutral emoji: safe to mirror."""
    return _most_used(state, mood=False)


def mood_emojis(state: dict) -> list[str]:
    """The fan's most used negative or sarcastic emoji: how the fan feels, never to send back."""
    return _most_used(state, mood=True)


def length_class(length: float) -> str:
    return "short" if length <= SHORT_MAX_CHARS else "medium" if length <= MEDIUM_MAX_CHARS else "long"


def typical_length(state: dict) -> float | None:
    recent = state["length"]["recent"]
    return statistics.median(recent) if recent else None


def proper_share(state: dict) -> float | None:
    punctuation = state["punctuation"]
    return punctuation["proper"] / punctuation["weight"] if punctuation["weight"] else None


def response_speed(state: dict) -> str:
    delays = state["speed"]["recent"]
    if len(delays) < 3:
        return "variable"
    q1, median, q3 = statistics.quantiles(delays, n=4, method="inclusive")
    if math.log(max(q3, 1.0)) - math.log(max(q1, 1.0)) > VARIABLE_SPREAD:
        return "variable"
    if median <= IMMEDIATE_MAX_SECONDS:
        return "immediate"
    return "delayed" if median >= DELAYED_MIN_SECONDS else "variable"


# --- confidence ------------------------------------------------------------------------------

def _normal_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def contradictions(state: dict, population: dict) -> dict[str, float]:
    """Each signal's contradiction in 0..1: 0 when all evidence agrees, 1 when it is split evenly."""
    found = {}
    share = proper_share(state)
    if share is not None:
        found["punctuation"] = 1.0 - abs(2.0 * share - 1.0)
    recent = state["length"]["recent"]
    if recent:
        usual = length_class(statistics.median(recent))
        found["length"] = min(1.0, 2.0 * sum(length_class(value) != usual for value in recent) / len(recent))
    if state["tone"]["feedbacks"]:
        beliefs = posteriors(state["tone"]["own"], population)
        (first, a), (second, b) = sorted(beliefs.items(), key=lambda item: -_mean(item[1]))[:2]
        gap = _mean(a) - _mean(b)
        spread = math.sqrt(_variance(a) + _variance(b))
        found["tone"] = 2.0 * (1.0 - _normal_cdf(gap / spread))
    return found


def confidence(state: dict, population: dict) -> float:
    """n / (n + 10) x (1 - mean contradiction), n = interactions."""
    interactions = state["interactions"]
    found = contradictions(state, population)
    agreement = 1.0 - (sum(found.values()) / len(found) if found else 0.0)
    return round(min(0.99, interactions / (interactions + CONFIDENCE_HALF_EVIDENCE) * agreement), 2)


# --- the profile ---------------------------------------------------------------------------

def derive(state: dict, population: dict) -> dict:
    """The profile's fields from the learning state (the served tone included)."""
    frequency = emoji_frequency(state)
    length = typical_length(state)
    share = proper_share(state)
    return {
        "tone": choose_tone(state, population),
        "emoji_frequency": round(frequency, 2) if frequency is not None else 0.5,
        "message_length_preference": length_class(length) if length is not None else "medium",
        "punctuation_style": "proper" if share is not None and share >= 0.5 else "casual",
        "preferred_emojis": preferred_emojis(state),
        "mood_emojis": mood_emojis(state),
        "response_speed": response_speed(state),
        "confidence_score": confidence(state, population),
        "interaction_count": state["interactions"],
    }


def explain(state: dict, population: dict) -> dict:
    """The evidence behind each field of the profile, for the admin."""
    beliefs = posteriors(state["tone"]["own"], population)
    share, frequency, length = proper_share(state), emoji_frequency(state), typical_length(state)
    return {
        "tone": {
            tone: {
                "fan (successes, failures)": state["tone"]["own"].get(tone, [0.0, 0.0]),
                "creator's fans (successes, failures)": list(population.get(tone, (0.0, 0.0))),
                "posterior mean": round(_mean(beliefs[tone]), 3),
                "index (mean + 0.5 sd)": round(ucb_index(beliefs[tone]), 3),
            }
            for tone in TONES
        },
        "emoji_frequency": {"decayed share of messages with emoji": frequency and round(frequency, 3),
                            "decayed messages counted": round(state["emoji"]["weight"], 2)},
        "preferred_emojis": {symbol: round(count, 2) for symbol, count in state["emoji"]["counts"].items()},
        "message_length_preference": {"median length": length, "recent lengths": state["length"]["recent"]},
        "punctuation_style": {"decayed share of proper messages": share and round(share, 3),
                              "decayed messages judged": round(state["punctuation"]["weight"], 2)},
        "response_speed": {"recent reply delays (s)": state["speed"]["recent"]},
        "confidence_score": {"interactions": state["interactions"], "feedbacks": state["tone"]["feedbacks"],
                             "contradictions": {name: round(value, 3)
                                                for name, value in contradictions(state, population).items()}},
    }
