"""Simulated fans against the personality calibrator's pure learning functions (no database).

Each of 1,000 fans (20 creators x 50 fans) has a hidden best tone, a hidden emoji appetite
(the chance that one of their messages holds emoji), a hidden typical message length and a
punctuation habit. Every round the fan writes a message, the assistant answers in the tone the
policy serves, and the fan reacts: a success (purchased, positive, replied) with the hidden
probability of that tone, else a failure (ignored, negative). Fans of one creator share a taste:
their best tones are drawn from the creator's own tone popularity, so the creator's population is
informative, but every creator also has fans who like something else.

Reported: the share of fans served their best tone after 5, 10 and 20 feedback events, the
cumulative regret (sum over rounds of p(best tone) - p(served tone)) against always serving the
best tone, for the calibrator and the baselines; then the error of the learned style.

    .venv/bin/python bench/personality_sim.py [--fans-per-creator 50] [--seed 7]
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from personality import calibration as cal  # noqa: E402

CREATORS = 20
ROUNDS = 20
CHECKPOINTS = (5, 10, 20)
SUCCESS_KINDS = (("purchased", 0.2), ("positive", 0.3), ("replied", 0.5))
FAILURE_KINDS = (("ignored", 0.7), ("negative", 0.3))
WORDS = "you look so good today i want to see more of that new set send me something nice please".split()
FAVOURITES = ["😍", "🔥", "❤️", "😘", "🥰", "😂", "👀", "💦", "👍🏽", "🙈"]


def pick(rng: random.Random, weighted) -> str:
    return rng.choices([name for name, _ in weighted], [weight for _, weight in weighted])[0]


SETTING = {}  # the scenario being simulated (SCENARIOS below)


def creator_taste(rng: random.Random) -> list[float]:
    """The share of the creator's fans whose best tone is each tone: a signature tone and the rest."""
    low, high = SETTING["signature"]
    share = rng.uniform(low, high)
    signature = rng.randrange(len(cal.TONES))
    return [share if index == signature else (1 - share) / (len(cal.TONES) - 1) for index in range(len(cal.TONES))]


def make_fan(rng: random.Random, popularity: list[float]) -> dict:
    best = rng.choices(cal.TONES, popularity)[0]
    success = {tone: rng.uniform(*SETTING["others"]) for tone in cal.TONES}
    success[best] = rng.uniform(*SETTING["best"])
    length_class = rng.choice(("short", "medium", "long"))
    length = {"short": rng.uniform(10, 40), "medium": rng.uniform(45, 115), "long": rng.uniform(130, 300)}
    return {
        "best": best,
        "success": success,
        "emoji": rng.random(),
        "favourites": rng.sample(FAVOURITES, 3),
        "length_class": length_class,
        "length": length[length_class],
        "proper": rng.random() < 0.5,
    }


def write_message(rng: random.Random, fan: dict) -> str:
    target = fan["length"] * rng.lognormvariate(0, 0.35)
    if rng.random() < 0.1:  # an outlier: a wall of text or a one-word answer
        target *= rng.choice((4, 0.25))
    words = []
    while len(" ".join(words)) < target:
        words.append(rng.choice(WORDS))
    text = " ".join(words)
    proper = rng.random() < (0.85 if fan["proper"] else 0.15)
    text = (text[0].upper() + text[1:] + ".") if proper else text + rng.choice(("", " lol", "!!"))
    if rng.random() < fan["emoji"]:
        text += " " + "".join(rng.choices(fan["favourites"], k=rng.randint(1, 3)))
    return text


def react(rng: random.Random, fan: dict, tone: str) -> str:
    return pick(rng, SUCCESS_KINDS) if rng.random() < fan["success"][tone] else pick(rng, FAILURE_KINDS)


# --- policies: each takes (fan state, creator population, fan key) ---------------------------

def calibrator(state, population, key):
    return cal.choose_tone(state, population)


def thompson_same_prior(state, population, key):
    """Ablation: Thompson sampling on the same posteriors (seeded, so reads would be stable)."""
    if state["interactions"] < cal.CALIBRATION_THRESHOLD:
        return cal.population_tone(population)
    beliefs = cal.posteriors(state["tone"]["own"], population)
    rng = random.Random(f"{key}:{state['tone']['feedbacks']}")
    draws = {tone: rng.betavariate(*beliefs[tone]) for tone in cal.TONES}
    return max(cal.TONES, key=draws.get)


def without_creator_prior(state, population, key):
    """Ablation: the same bandit with a uniform prior (no shrinkage toward the creator's fans)."""
    return cal.choose_tone(state, {}) if state["interactions"] >= cal.CALIBRATION_THRESHOLD else cal.DEFAULT_TONE


def fixed_tone(state, population, key):
    return cal.DEFAULT_TONE


def best_raw_average(state, population, key):
    """Greedy: every tone tried once, then the best raw success rate of the fan's own outcomes."""
    trials = state["raw"]
    untried = [tone for tone in cal.TONES if tone not in trials]
    if untried:
        return untried[0]
    return max(cal.TONES, key=lambda tone: trials[tone][0] / trials[tone][1])


def oracle_model(state, population, key):
    """Reference, not deployable: knows how the simulator works (each fan has one best tone, the
    creator's true taste, the mean success rates) and serves the most probable best tone."""
    high, low = (sum(SETTING["best"]) / 2, sum(SETTING["others"]) / 2)
    log_posterior = {}
    for best, share in zip(cal.TONES, state["taste"]):
        value = math.log(share)
        for tone, (successes, trials) in state["raw"].items():
            rate = high if tone == best else low
            value += successes * math.log(rate) + (trials - successes) * math.log(1 - rate)
        log_posterior[best] = value
    return max(cal.TONES, key=log_posterior.get)


POLICIES = {
    "**calibrator** (Beta-UCB, shrunk to the creator's fans)": calibrator,
    "ablation: Thompson sampling, same posteriors": thompson_same_prior,
    "ablation: Beta-UCB without the creator prior": without_creator_prior,
    "baseline: fixed tone (friendly)": fixed_tone,
    "baseline: best raw average (greedy)": best_raw_average,
    "reference: oracle of the simulator's model": oracle_model,
}
SCENARIOS = {
    "clear favourite": {"signature": (0.5, 0.8), "best": (0.6, 0.9), "others": (0.05, 0.35)},
    "subtle favourite": {"signature": (0.5, 0.8), "best": (0.5, 0.8), "others": (0.1, 0.4)},
    "no creator signature": {"signature": (0.2, 0.2), "best": (0.6, 0.9), "others": (0.05, 0.35)},
}
MAIN_SCENARIO = "clear favourite"


def simulate(policy, fans_per_creator: int, seed: int) -> dict:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    creators = []
    for _ in range(CREATORS):
        taste = creator_taste(rng)
        fans = [make_fan(rng, taste) for _ in range(fans_per_creator)]
        states = [{**cal.new_state(), "raw": {}, "taste": taste} for _ in fans]
        creators.append({"population": {}, "fans": fans, "states": states})
    on_best = {checkpoint: 0 for checkpoint in CHECKPOINTS}
    regret = 0.0
    for round_index in range(ROUNDS):
        at = start + timedelta(hours=round_index)
        for creator_index, creator in enumerate(creators):
            population = creator["population"]
            for fan_index, (fan, state) in enumerate(zip(creator["fans"], creator["states"])):
                key = f"c{creator_index}:f{fan_index}"
                cal.observe_fan_message(state, write_message(rng, fan), at)
                cal.count_interaction(state)
                tone = policy(state, population, key)
                regret += fan["success"][fan["best"]] - fan["success"][tone]
                outcome = react(rng, fan, tone)
                cal.observe_feedback(state, tone, outcome)
                cal.count_interaction(state)
                raw = state["raw"].setdefault(tone, [0, 0])
                raw[0] += cal.REWARDS[outcome][0] > 0
                raw[1] += 1
                pop = population.setdefault(tone, [0.0, 0.0])
                pop[0] += cal.REWARDS[outcome][0]
                pop[1] += cal.REWARDS[outcome][1]
                if round_index + 1 in CHECKPOINTS:
                    on_best[round_index + 1] += policy(state, population, key) == fan["best"]
    fans = [(fan, state, creator["population"]) for creator in creators
            for fan, state in zip(creator["fans"], creator["states"])]
    return {"on_best": {k: v / len(fans) for k, v in on_best.items()}, "regret": regret / len(fans), "fans": fans}


def style_errors(fans) -> dict:
    emoji_errors, length_errors, mean_errors, length_hits, punctuation_hits = [], [], [], 0, 0
    for fan, state, _ in fans:
        emoji_errors.append(abs(cal.emoji_frequency(state) - fan["emoji"]))
        learned = cal.typical_length(state)
        length_errors.append(abs(learned - fan["length"]) / fan["length"])
        mean_errors.append(abs(statistics.fmean(state["length"]["recent"]) - fan["length"]) / fan["length"])
        length_hits += cal.length_class(learned) == fan["length_class"]
        punctuation_hits += (cal.proper_share(state) >= 0.5) == fan["proper"]
    return {
        "emoji_mae": statistics.fmean(emoji_errors),
        "emoji_p90": statistics.quantiles(emoji_errors, n=10)[-1],
        "length_rel_median": statistics.median(length_errors),
        "length_rel_mean": statistics.median(mean_errors),
        "length_class": length_hits / len(fans),
        "punctuation": punctuation_hits / len(fans),
        "confidence": statistics.fmean(cal.confidence(state, population) for _, state, population in fans),
    }


def report(results: dict, errors: dict, fans: int, seed: int) -> str:
    lines = [
        f"# Personality calibration: simulated fans ({fans} fans, {CREATORS} creators, seed {seed})",
        "",
        "Share of fans served their best tone after N feedback events, and cumulative regret over "
        f"{ROUNDS} events against always serving the best tone (expected successes lost per fan).",
        "Scenarios: `signature` = share of a creator's fans whose best tone is the creator's signature "
        "tone (the rest spread evenly), `best`/`others` = ranges of the success probability of a fan's "
        "best tone and of the other tones.",
    ]
    for scenario, by_policy in results.items():
        lines += [
            "",
            f"## {scenario}: {', '.join(f'{name} {low:g}-{high:g}' for name, (low, high) in SCENARIOS[scenario].items())}",
            "",
            "| policy | best tone @5 | @10 | @20 | regret / fan |",
            "|---|---|---|---|---|",
        ]
        for name, result in by_policy.items():
            shares = " | ".join(f"{result['on_best'][k]:.1%}" for k in CHECKPOINTS)
            lines.append(f"| {name} | {shares} | {result['regret']:.2f} |")
    lines += [
        "",
        f"## Learned style after {ROUNDS} messages per fan ({MAIN_SCENARIO}), against the hidden truth",
        "",
        "| measure | value |",
        "|---|---|",
        f"| emoji_frequency: mean absolute error | {errors['emoji_mae']:.3f} |",
        f"| emoji_frequency: 90th percentile of the error | {errors['emoji_p90']:.3f} |",
        f"| typical length (median of the last {cal.LENGTH_WINDOW}): median relative error | "
        f"{errors['length_rel_median']:.1%} |",
        f"| typical length if it were the mean instead: median relative error | {errors['length_rel_mean']:.1%} |",
        f"| message_length_preference: right class | {errors['length_class']:.1%} |",
        f"| punctuation_style: right class | {errors['punctuation']:.1%} |",
        f"| mean confidence_score after {2 * ROUNDS} interactions | {errors['confidence']:.2f} |",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fans-per-creator", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    results = {}
    for scenario, setting in SCENARIOS.items():
        SETTING.update(setting)
        policies = POLICIES if scenario == MAIN_SCENARIO else {
            name: policy for name, policy in POLICIES.items() if not name.startswith("ablation")}
        results[scenario] = {name: simulate(policy, args.fans_per_creator, args.seed)
                             for name, policy in policies.items()}
    errors = style_errors(results[MAIN_SCENARIO][next(iter(POLICIES))]["fans"])
    text = report(results, errors, CREATORS * args.fans_per_creator, args.seed)
    print(text)
    out = ROOT / "bench" / "results" / "personality_sim.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
