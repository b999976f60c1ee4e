"""The personality calibrator's learning, as pure functions (no Django, no I/O).

A fan's learning state (`evidence`, a JSON-able dict stored encrypted on the profile) is updated
in O(1) per event by `observe_*`; `derive` turns it into the profile's fields. A full
recalibration replays the fan's history through the same functions, so both agree.
The README of this app explains the statistics, the bandit and the confidence formula.
"""
import math
import re
import statistics
from dataclasses import dataclass
from datetime import datetime

# The default tone first: ties (no evidence anywhere) go to it.
TONES = ("friendly", "flirty", "playful", "professional", "dominant")
DEFAULT_TONE = "friendly"
# Served unless the creator chooses otherwise (personality.models.CreatorTones): `dominant` only
# when the creator switches it on.
DEFAULT_ENABLED_TONES = ("friendly", "flirty", "playful", "professional")
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
SERVED_REMEMBERED = 100  # tone served with each recent ai message: feedback without metadata, replays

SHORT_MAX_CHARS, MEDIUM_MAX_CHARS = 40, 120
IMMEDIATE_MAX_SECONDS, DELAYED_MIN_SECONDS = 300, 1800
VARIABLE_SPREAD = math.log(10)  # q75/q25 of reply delays above 10x: "variable"

PRIOR_STRENGTH = 2.0  # the creator's population counts as at most this many of the fan's feedbacks
UCB_WIDTH = 0.5  # posterior standard deviations of optimism in the tone's index
CONFIDENCE_HALF_EVIDENCE = 10  # interactions at which the evidence term reaches 0.5

# (successes, failures) added to the tone's Beta posterior per explicit outcome (feedback events
# and the adjustTone endpoint).
REWARDS = {
    "purchased": (2.0, 0.0),
    "positive": (1.0, 0.0),
    "replied": (1.0, 0.0),
    "ignored": (0.0, 1.0),
    "negative": (0.0, 2.0),
}

# Outcomes read from what the fan does after an ai message (implicit: no one has to send feedback).
# A reply is one observation split between success and failure by its share (`reply_share`); a
# message left without an answer is an `ignored`; a purchase soon after it, half a `purchased`.
IGNORED_AFTER_SECONDS = 3600  # another outgoing message after this long with no answer: ignored
REPLY_SHARE_BASE = 0.6  # an average reply in a neutral mood: a mild success
REPLY_SHARE_ENGAGEMENT = 0.3  # how far speed and length move it (±0.15)
REPLY_SHARE_MOOD = 0.5  # how far the analyzer's polarity moves it (±0.5)
SLOW_REPLY_SECONDS = REPLY_WINDOW_SECONDS  # speed counts 0 at a day, 1 within IMMEDIATE_MAX_SECONDS
IMPLICIT_IGNORED = (0.0, 1.0)
IMPLICIT_PURCHASED = (1.0, 0.0)
UNPROMPTED_PURCHASES = frozenset({"subscription"})  # renewals answer no message


@dataclass(frozen=True)
class Credit:
    """Evidence for one tone: `cause` an explicit outcome, or implicit "replied", "ignored",
    "purchased"; `about` the ai message's event id."""

    tone: str
    successes: float
    failures: float
    cause: str
    about: str


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
        "tone": {"own": {}, "direct": {}, "direct_feedbacks": 0, "feedbacks": 0, "served": [], "contributed": {},
                 "awaiting": None},
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


def observe_fan_message(state: dict, text: str, at: datetime, polarity: float | None = None) -> list[Credit]:
    """A fan message: the style statistics, and the outcome of the ai message it answers (its
    speed, its length against the fan's usual, its mood: the analyzer's `polarity`)."""
    usual_length = typical_length(state)
    state["fan_messages"] += 1
    emoji, found = state["emoji"], emojis_in(text)
    emoji["with"] = emoji["with"] * DECAY + (1.0 if found else 0.0)
    emoji["weight"] = emoji["weight"] * DECAY + 1.0
    counts = {symbol: count * DECAY for symbol, count in emoji["counts"].items()}
    for symbol in found:
        counts[symbol] = counts.get(symbol, 0.0) + 1.0
    emoji["counts"] = dict(sorted(counts.items(), key=lambda item: -item[1])[:EMOJIS_TRACKED])

    length = message_length(text)
    state["length"]["recent"] = (state["length"]["recent"] + [length])[-LENGTH_WINDOW:]

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
    return _settle_reply(state, now, length, usual_length, polarity)


def observe_outgoing(state: dict, at: datetime, event_id: str | None = None, tone: str | None = None) -> list[Credit]:
    """An ai or creator message; `tone` is the tone served with it (ai messages). The ai message
    before it, unanswered for over IGNORED_AFTER_SECONDS, was ignored; answered sooner, the fan
    answers the newer one. A creator's message takes the conversation over: no tone awaits."""
    speed, now = state["speed"], _timestamp(at)
    speed["last_outgoing"] = now if speed["last_outgoing"] is None else max(speed["last_outgoing"], now)
    credits = _settle_unanswered(state, now, IGNORED_AFTER_SECONDS)
    tones = state["tone"]
    if event_id is not None and tone in TONES:
        tones["served"] = (tones["served"] + [[event_id, tone]])[-SERVED_REMEMBERED:]
        tones["awaiting"] = {"event_id": event_id, "tone": tone, "at": now, "replied": False, "bought": False}
    elif now >= _awaiting_since(tones):
        tones["awaiting"] = None
    return credits


def observe_purchase(state: dict, at: datetime, kind: str) -> list[Credit]:
    """A purchase within a day of an ai message (not a subscription renewal): half a `purchased`
    for its tone, once per message."""
    awaiting, now = state["tone"].get("awaiting"), _timestamp(at)
    if (not awaiting or awaiting["bought"] or kind in UNPROMPTED_PURCHASES
            or not 0 <= now - awaiting["at"] <= REPLY_WINDOW_SECONDS):
        return []
    awaiting["bought"] = True
    return [Credit(awaiting["tone"], *IMPLICIT_PURCHASED, "purchased", awaiting["event_id"])]


def reply_share(delay: float, length: int, usual_length: float | None, polarity: float | None) -> float:
    """The success share of a reply: REPLY_SHARE_BASE, moved by engagement (speed on a log scale
    from 5 minutes to a day, length against the fan's median; unknown: average) and by mood."""
    speed = 1.0 - math.log(max(delay, IMMEDIATE_MAX_SECONDS) / IMMEDIATE_MAX_SECONDS) / math.log(
        SLOW_REPLY_SECONDS / IMMEDIATE_MAX_SECONDS)
    fullness = min(1.0, length / usual_length) if usual_length else 0.5
    engagement = (max(0.0, speed) + fullness) / 2.0
    mood = max(-1.0, min(1.0, polarity or 0.0))
    share = REPLY_SHARE_BASE + REPLY_SHARE_ENGAGEMENT * (engagement - 0.5) + REPLY_SHARE_MOOD * mood
    return round(max(0.0, min(1.0, share)), 4)


def _awaiting_since(tones: dict) -> float:
    awaiting = tones.get("awaiting")
    return awaiting["at"] if awaiting else float("-inf")


def _settle_unanswered(state: dict, now: float, after: float) -> list[Credit]:
    """The awaiting ai message, neither answered nor bought after `after` seconds: ignored."""
    awaiting = state["tone"].get("awaiting")
    if not awaiting or awaiting["replied"] or awaiting["bought"] or now - awaiting["at"] <= after:
        return []
    state["tone"]["awaiting"] = None
    return [Credit(awaiting["tone"], *IMPLICIT_IGNORED, "ignored", awaiting["event_id"])]


def _settle_reply(state: dict, now: float, length: int, usual_length: float | None,
                  polarity: float | None) -> list[Credit]:
    late = _settle_unanswered(state, now, REPLY_WINDOW_SECONDS)  # a day later: a new conversation
    awaiting = state["tone"].get("awaiting")
    if late or not awaiting or awaiting["replied"] or now < awaiting["at"]:
        return late
    awaiting["replied"] = True
    share = reply_share(now - awaiting["at"], length, usual_length, polarity)
    return [Credit(awaiting["tone"], share, round(1.0 - share, 4), "replied", awaiting["event_id"])]


def served_with(state: dict, event_id: str) -> str | None:
    return next((tone for served_id, tone in state["tone"]["served"] if served_id == event_id), None)


def feedback_credit(tone: str, outcome: str, about: str = "") -> Credit:
    """An explicit outcome (a feedback event or the adjustTone endpoint) of a message in `tone`."""
    successes, failures = REWARDS[outcome]
    return Credit(tone, successes, failures, outcome, about)


def apply_credit(state: dict, credit: Credit, direct: bool = False) -> None:
    """Add the evidence to the fan's own. Direct feedback (the adjustTone endpoint) is not in the
    event history, so it is also kept apart to survive a recalibration."""
    tones = state["tone"]
    _credit(tones["own"], credit)
    tones["feedbacks"] += 1
    if direct:
        _credit(tones["direct"], credit)
        tones["direct_feedbacks"] += 1


def observe_feedback(state: dict, tone: str, outcome: str, direct: bool = False) -> None:
    apply_credit(state, feedback_credit(tone, outcome), direct)


def _credit(book: dict, credit: Credit) -> None:
    current = book.get(credit.tone, [0.0, 0.0])
    book[credit.tone] = [current[0] + credit.successes, current[1] + credit.failures]


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


def record_contribution(state: dict, credit: Credit) -> None:
    _credit(contribution(state), credit)


def others(population: dict, state: dict) -> dict[str, tuple[float, float]]:
    """The creator's totals without this fan's contribution: the prior of its own evidence, so it
    is not counted twice, and the same whether the evidence was learned event by event or replayed."""
    mine = contribution(state)
    return {tone: (max(0.0, successes - mine.get(tone, (0.0, 0.0))[0]),
                   max(0.0, failures - mine.get(tone, (0.0, 0.0))[1]))
            for tone, (successes, failures) in population.items()}


def _pooled(prior: dict, own: dict) -> dict[str, tuple[float, float]]:
    return {tone: (prior.get(tone, (0.0, 0.0))[0] + own.get(tone, (0.0, 0.0))[0],
                   prior.get(tone, (0.0, 0.0))[1] + own.get(tone, (0.0, 0.0))[1])
            for tone in TONES}


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


def explored(enabled) -> tuple[str, ...]:
    """The tones that may be served, in TONES' order (ties go to the first); never none."""
    return tuple(tone for tone in TONES if tone in enabled) or DEFAULT_ENABLED_TONES


def best_by_mean(beliefs: dict[str, tuple[float, float]], enabled=TONES) -> str:
    return max(explored(enabled), key=lambda tone: _mean(beliefs[tone]))  # max keeps the first of equals


def population_tone(population: dict, enabled=DEFAULT_ENABLED_TONES) -> str:
    """What works for the creator's fans: served before a fan is calibrated."""
    return best_by_mean(posteriors({}, population), enabled)


def ucb_index(pair: tuple[float, float]) -> float:
    return _mean(pair) + UCB_WIDTH * math.sqrt(_variance(pair))


def choose_tone(state: dict, prior: dict, enabled=DEFAULT_ENABLED_TONES) -> str:
    """The served tone among the creator's enabled ones: deterministic, so the same evidence always
    serves the same tone. Before calibration it is the creator's population tone (`prior`, the other
    fans, pooled with this fan's evidence so far: what the default profile shows)."""
    own = state["tone"]["own"]
    if state["interactions"] < CALIBRATION_THRESHOLD:
        return population_tone(_pooled(prior, own), enabled)
    beliefs = posteriors(own, prior)
    return max(explored(enabled), key=lambda tone: ucb_index(beliefs[tone]))


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


def contradictions(state: dict, prior: dict, enabled=DEFAULT_ENABLED_TONES) -> dict[str, float]:
    """Each signal's contradiction in 0..1: 0 when all evidence agrees, 1 when it is split evenly."""
    found = {}
    share = proper_share(state)
    if share is not None:
        found["punctuation"] = 1.0 - abs(2.0 * share - 1.0)
    recent = state["length"]["recent"]
    if recent:
        usual = length_class(statistics.median(recent))
        found["length"] = min(1.0, 2.0 * sum(length_class(value) != usual for value in recent) / len(recent))
    candidates = explored(enabled)
    if state["tone"]["feedbacks"] and len(candidates) > 1:
        beliefs = posteriors(state["tone"]["own"], prior)
        a, b = sorted((beliefs[tone] for tone in candidates), key=lambda pair: -_mean(pair))[:2]
        gap = _mean(a) - _mean(b)
        spread = math.sqrt(_variance(a) + _variance(b))
        found["tone"] = 2.0 * (1.0 - _normal_cdf(gap / spread))
    return found


def confidence(state: dict, prior: dict, enabled=DEFAULT_ENABLED_TONES) -> float:
    """n / (n + 10) x (1 - mean contradiction), n = interactions."""
    interactions = state["interactions"]
    found = contradictions(state, prior, enabled)
    agreement = 1.0 - (sum(found.values()) / len(found) if found else 0.0)
    return round(min(0.99, interactions / (interactions + CONFIDENCE_HALF_EVIDENCE) * agreement), 2)


# --- the profile ---------------------------------------------------------------------------

def derive(state: dict, prior: dict, enabled=DEFAULT_ENABLED_TONES) -> dict:
    """The profile's fields from the learning state (the served tone included); `prior` is the
    creator's other fans (`others`)."""
    frequency = emoji_frequency(state)
    length = typical_length(state)
    share = proper_share(state)
    return {
        "tone": choose_tone(state, prior, enabled),
        "emoji_frequency": round(frequency, 2) if frequency is not None else 0.5,
        "message_length_preference": length_class(length) if length is not None else "medium",
        "punctuation_style": "proper" if share is not None and share >= 0.5 else "casual",
        "preferred_emojis": preferred_emojis(state),
        "mood_emojis": mood_emojis(state),
        "response_speed": response_speed(state),
        "confidence_score": confidence(state, prior, enabled),
        "interaction_count": state["interactions"],
    }


def explain(state: dict, prior: dict, enabled=DEFAULT_ENABLED_TONES) -> dict:
    """The evidence behind each field of the profile, for the admin."""
    beliefs = posteriors(state["tone"]["own"], prior)
    share, frequency, length = proper_share(state), emoji_frequency(state), typical_length(state)
    return {
        "tone": {
            tone: {
                "fan (successes, failures)": state["tone"]["own"].get(tone, [0.0, 0.0]),
                "creator's other fans (successes, failures)": list(prior.get(tone, (0.0, 0.0))),
                "enabled by the creator": tone in explored(enabled),
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
                                                for name, value in contradictions(state, prior, enabled).items()}},
    }
