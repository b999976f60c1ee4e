"""Simulated fans who disengage (and fans who stay steady): precision, recall and days to
detection of each disengagement detector (emotions/state.py), checked once a day as time passes.

    .venv/bin/python bench/disengagement_sim.py   (writes bench/results/disengagement.md)

Each fan has their own habits (messages a day, length, reply delay, mood), drawn at random, with
noise (Poisson message counts, log-normal delays and lengths, Gaussian polarity). A disengaging fan changes one habit on day CHANGE_DAY (shorter messages, slower
replies, a negative mood, or fewer messages / silence); steady fans keep theirs. The detectors are
run on the same evidence the service stores, without the database (polarities are drawn, not
analysed: this measures the detectors, not the analyzer).
"""
import random
import sys
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from emotions import state as st  # noqa: E402

DAY = 86400.0
DAYS, CHANGE_DAY, FANS_PER_KIND, START = 60, 35, 200, 1_767_225_600.0  # 2026-01-01
KINDS = ("steady", "short_responses", "long_delays", "negative_sentiment", "reduced_frequency")


def fan_habits(rng):
    return {"rate": rng.choice([0.5, 1, 2, 3, 5, 8]), "length": rng.uniform(25, 150),
            "delay": rng.choice([60, 300, 900, 3600, 4 * 3600]), "mood": rng.uniform(-0.1, 0.6)}


def changed(habits, kind, rng):
    h = dict(habits)
    if kind == "short_responses":
        h["length"] = max(3.0, h["length"] * rng.uniform(0.1, 0.35))
    elif kind == "long_delays":
        h["delay"] = max(h["delay"] * rng.uniform(8, 20), 6 * 3600)
    elif kind == "negative_sentiment":
        h["mood"] = rng.uniform(-0.8, -0.4)
    elif kind == "reduced_frequency":
        h["rate"] = h["rate"] * rng.choice([0.0, 0.1, 0.2])
    return h


def events(kind, rng):
    """Every outgoing message and fan reply over the DAYS days, in time order."""
    habits = fan_habits(rng)
    after = changed(habits, kind, rng)
    out = []
    for day in range(DAYS):
        h = after if (kind != "steady" and day >= CHANGE_DAY) else habits
        for _ in range(_poisson(rng, h["rate"])):
            sent = START + day * DAY + rng.uniform(8, 23) * 3600
            polarity = max(-1.0, min(1.0, rng.gauss(h["mood"], 0.35)))
            length = max(1, int(rng.lognormvariate(0, 0.6) * h["length"]))
            out.append((sent, "out", None, 0))
            out.append((sent + rng.lognormvariate(0, 0.8) * h["delay"], "fan", polarity, length))
    return sorted(out, key=lambda e: e[0])


def simulate(kind, rng):
    evidence = st.new_evidence()
    first_seen = {"_checks": 0, "_flagged_checks": {}}
    pending = events(kind, rng)
    for day in range(DAYS):
        check = START + (day + 1) * DAY - 3600  # 23:00 every day
        while pending and pending[0][0] <= check:
            at, who, polarity, length = pending.pop(0)
            if who == "out":
                st.observe_outgoing(evidence, at)
            else:
                analysis = {"polarity": polarity, "sentiment": st.sentiment_of(polarity),
                            "intensity": abs(polarity), "labels": []}
                st.observe_fan_message(evidence, at, analysis, length, [])
        for signal in st.disengagement(evidence, check):
            first_seen.setdefault(signal["type"], []).append(day)
            flagged = first_seen["_flagged_checks"]
            flagged[signal["type"]] = flagged.get(signal["type"], 0) + 1
        first_seen["_checks"] += 1
    return first_seen


def _poisson(rng, lam):
    import math
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def main():
    rng = random.Random(42)
    outcomes = {kind: [simulate(kind, rng) for _ in range(FANS_PER_KIND)] for kind in KINDS}
    lines = ["# Disengagement detectors on simulated fans", "",
             f"`bench/disengagement_sim.py`: {FANS_PER_KIND} fans per kind, {DAYS} days, the change on day "
             f"{CHANGE_DAY}, detectors checked daily at 23:00. A detection counts as true when the fan changed "
             "that habit and the signal fires on or after the change; any other firing (a steady fan, another "
             "kind of change, or before the change) is a false alarm. Recall: changed fans detected by day "
             f"{DAYS}.", "",
             "| signal | precision | recall | median days to detection | p90 days | steady fans ever flagged | "
             "steady fans flagged at a given daily check |",
             "|---|---|---|---|---|---|---|"]
    for kind in KINDS[1:]:
        tp = fp = 0
        delays = []
        for fan_kind in KINDS:
            for seen in outcomes[fan_kind]:
                days = seen.get(kind, [])
                true_days = [d for d in days if d >= CHANGE_DAY] if fan_kind == kind else []
                false_days = [d for d in days if d not in true_days]
                if true_days:
                    tp += 1
                    delays.append(min(true_days) - CHANGE_DAY)
                if false_days:
                    fp += 1
        steady_flagged = sum(1 for seen in outcomes["steady"] if kind in seen)
        checks = sum(seen["_checks"] for seen in outcomes["steady"])
        per_check = sum(seen["_flagged_checks"].get(kind, 0) for seen in outcomes["steady"]) / checks
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / FANS_PER_KIND
        med = median(delays) if delays else float("nan")
        p90 = sorted(delays)[int(0.9 * (len(delays) - 1))] if delays else float("nan")
        lines.append(f"| {kind} | {precision:.2f} | {recall:.2f} | {med:.0f} | {p90:.0f} | "
                     f"{steady_flagged}/{FANS_PER_KIND} | {per_check:.1%} |")
    steady_any = sum(1 for seen in outcomes["steady"] if set(seen) - {"_checks", "_flagged_checks"})
    lines += ["", f"Steady fans with any signal at any time over {DAYS} days: {steady_any}/{FANS_PER_KIND}."]
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench" / "results" / "disengagement.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
