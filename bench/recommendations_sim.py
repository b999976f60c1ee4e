"""Recommendation quality on simulated fans (no database: the pure learning and ranking functions).

A creator sells a catalogue of items (category, kind, price, tags). Each simulated fan has a
hidden taste over categories (Dirichlet around the creator's category popularity), a budget
(log-normal) and a few topics they like; they chat (messages carry topics), get offers (which
they buy, ignore or refuse) and buy on their own, over time. After 5, 20 and 50 interactions
we show the fan 40 random items they do not own, draw the one they buy next from the same
choice model, and score each ranker on it: hit rate at 3 (the bought item in the top 3) and
NDCG at 10 (one relevant item: 1 / log2(rank + 1) if ranked in the top 10).

Rankers: ours (preferences.learning + preferences.recommendations, with the creator's category
popularity as cold-start prior), ours on categories only (no price fit, no topics), item
popularity (sales per item among 500 other fans of the creator) and random.

    .venv/bin/python bench/recommendations_sim.py [--fans 1000] [--seed 11] [--concentrations 3 12]
"""
import argparse
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preferences import learning, recommendations  # noqa: E402
from preferences.topics import TOPICS  # noqa: E402

CATEGORIES = {  # category: topics its items are usually tagged with
    "lingerie": ("lingerie", "fashion"), "feet": ("feet",), "cosplay": ("cosplay", "anime"),
    "workout": ("fitness", "sports"), "roleplay": ("roleplay",), "gaming": ("gaming",),
    "travel_vlog": ("travel", "holidays"), "cooking": ("food",), "outfits": ("fashion",),
    "music": ("music",), "pets": ("pets",), "night_out": ("nightlife",),
}
CHECKPOINTS = (5, 20, 50)
AVAILABLE = 40
CATALOGUE = 300
TRAINING_FANS = 500
STEP = {"message": 0.45, "offer": 0.20, "purchase": 0.35}
TASTE_CONCENTRATION = 3.0  # Dirichlet mass (sum of its parameters): low = fans concentrated on few categories
PRICE_TOLERANCE = 0.45  # log-price spread a fan accepts around their budget
TAG_APPEAL = 1.0  # extra appeal of an item tagged with a topic the fan likes


def dirichlet(rng, alphas):
    draws = [rng.gammavariate(a, 1.0) for a in alphas]
    total = sum(draws)
    return [d / total for d in draws]


def make_creator(rng):
    names = list(CATEGORIES)
    rng.shuffle(names)
    raw = [1 / (rank + 1) ** 0.9 for rank in range(len(names))]
    popularity = {name: w / sum(raw) for name, w in zip(names, raw)}
    items = []
    for index in range(CATALOGUE):
        category = rng.choices(names, weights=[popularity[n] ** 0.5 for n in names])[0]
        kind = "custom" if rng.random() < 0.1 else "ppv"
        price = round(math.exp(rng.gauss(math.log(14), 0.7)) * (3 if kind == "custom" else 1), 2)
        home = CATEGORIES[category]
        tags = [home[0]] if rng.random() < 0.9 else []
        if len(home) > 1 and rng.random() < 0.5:
            tags.append(home[1])
        if rng.random() < 0.3:
            tags.append(rng.choice(TOPICS))
        items.append({"content_id": f"c{index}", "category": category, "kind": kind, "price": price,
                      "tags": list(dict.fromkeys(tags))})
    return popularity, items


class Fan:
    concentration = TASTE_CONCENTRATION

    def __init__(self, rng, popularity):
        names = list(popularity)
        self.rng = rng
        self.taste = dict(zip(names, dirichlet(rng, [self.concentration * popularity[n] for n in names])))
        self.budget = math.exp(rng.gauss(math.log(14), 0.5))
        favourites = sorted(self.taste, key=self.taste.get, reverse=True)[:2]
        self.topics = {CATEGORIES[name][0]: self.taste[name] for name in favourites}
        self.topics[rng.choice(TOPICS)] = 0.3  # an interest unrelated to what they buy
        self.bought = set()
        self.at = 1_700_000_000.0
        self.state = learning.new_state()

    def utility(self, item):
        z = (math.log(item["price"]) - math.log(self.budget)) / PRICE_TOLERANCE
        liked_tag = any(tag in self.topics for tag in item["tags"])
        return self.taste[item["category"]] * math.exp(-z * z / 2) * (1 + TAG_APPEAL * liked_tag)

    def choose(self, items):
        options = [item for item in items if item["content_id"] not in self.bought]
        return self.rng.choices(options, weights=[self.utility(item) + 1e-12 for item in options])[0]

    def buy(self, item):
        self.bought.add(item["content_id"])
        learning.observe_purchase(self.state, kind=item["kind"], amount=item["price"], category=item["category"],
                                  at=self.at)

    def step(self, items, popularity):
        """One interaction: a message, an answered offer or a purchase. Returns the item bought, if any."""
        self.at += self.rng.expovariate(1 / (20 * 3600))
        kind = self.rng.choices(list(STEP), weights=list(STEP.values()))[0]
        if kind == "message":
            roll, topics = self.rng.random(), []
            if roll < 0.6:
                topics = self.rng.choices(list(self.topics), weights=list(self.topics.values()))
            elif roll < 0.7:
                topics = [self.rng.choice(TOPICS)]
            learning.observe_message(self.state, sender="fan", at=self.at, topics=topics, language="en")
            return None
        if kind == "offer":  # the creator pushes what sells
            offer = self.rng.choices(items, weights=[popularity[item["category"]] for item in items])[0]
            if offer["content_id"] in self.bought:
                return None
            z = (math.log(offer["price"]) - math.log(self.budget)) / PRICE_TOLERANCE
            if self.rng.random() < min(0.9, 2.5 * self.taste[offer["category"]] * math.exp(-z * z / 2)):
                learning.observe_offer_feedback(self.state, category=offer["category"], outcome="purchased", at=self.at)
                self.buy(offer)
                return offer
            outcome = "negative" if self.rng.random() < 0.1 else "ignored"
            learning.observe_offer_feedback(self.state, category=offer["category"], outcome=outcome, at=self.at)
            return None
        item = self.choose(items)
        self.buy(item)
        return item


def ndcg10(rank):
    return 1 / math.log2(rank + 1) if rank <= 10 else 0.0


def evaluate(fans, items, popularity, rng):
    training_items, training_categories = {}, {}
    spend = {"n": 0, "s": 0.0, "ss": 0.0}
    for _ in range(TRAINING_FANS):
        fan = Fan(rng, popularity)
        for _ in range(CHECKPOINTS[-1]):
            bought = fan.step(items, popularity)
            if bought:
                training_items[bought["content_id"]] = training_items.get(bought["content_id"], 0) + 1
                training_categories[bought["category"]] = training_categories.get(bought["category"], 0) + 1
                spend["n"] += 1
                spend["s"] += math.log(bought["price"])
                spend["ss"] += math.log(bought["price"]) ** 2
    creator = {"categories": training_categories, "spending": learning.spending_view(spend)}

    def ours(fan, available, full=True):
        preferences = learning.public_view(fan.state, fan.at)
        prior = creator
        if not full:  # ablation: category evidence and popularity only
            preferences = {"content_preferences": preferences["content_preferences"]}
            prior = {"categories": training_categories}
        return [row["content_id"] for row in recommendations.rank(available, preferences, prior, fan.bought)]

    rankers = {
        "ours": ours,
        "ours, categories only": lambda fan, available: ours(fan, available, full=False),
        "popularity": lambda fan, available: [item["content_id"] for item in sorted(
            available, key=lambda item: (-training_items.get(item["content_id"], 0), rng.random()))],
        "random": lambda fan, available: rng.sample([item["content_id"] for item in available], len(available)),
    }
    results = {(name, k): [0, 0.0, 0] for name in rankers for k in CHECKPOINTS}
    purchases_seen = {k: 0 for k in CHECKPOINTS}
    seconds = {name: 0.0 for name in rankers}
    done = 0
    for _ in range(fans):
        fan = Fan(rng, popularity)
        for k in CHECKPOINTS:
            while done < k:
                fan.step(items, popularity)
                done += 1
            purchases_seen[k] += len(fan.bought)
            available = rng.sample([item for item in items if item["content_id"] not in fan.bought], AVAILABLE)
            target = fan.choose(available)["content_id"]
            for name, ranker in rankers.items():
                started = time.perf_counter()
                order = ranker(fan, available)
                seconds[name] += time.perf_counter() - started
                rank = order.index(target) + 1
                cell = results[(name, k)]
                cell[0] += rank <= 3
                cell[1] += ndcg10(rank)
                cell[2] += 1
        done = 0
    return results, purchases_seen, seconds


def table(results, purchases_seen, fans, seconds):
    lines = ["| ranker | interactions | purchases seen (mean) | hit@3 | NDCG@10 |", "|---|---:|---:|---:|---:|"]
    for name in dict.fromkeys(name for name, _ in results):
        for k in CHECKPOINTS:
            hits, ndcg, n = results[(name, k)]
            p = hits / n
            se = math.sqrt(p * (1 - p) / n)
            lines.append(f"| {name} | {k} | {purchases_seen[k] / fans:.1f} | {p:.3f} ± {se:.3f} | {ndcg / n:.3f} |")
    lines.append("")
    lines.append("| interactions | hit@3 ours / popularity | NDCG@10 ours / popularity |")
    lines.append("|---:|---:|---:|")
    for k in CHECKPOINTS:
        ours, pop = results[("ours", k)], results[("popularity", k)]
        lines.append(f"| {k} | {ours[0] / max(pop[0], 1):.2f}× (+{(ours[0] - pop[0]) / ours[2]:.3f}) "
                     f"| {ours[1] / max(pop[1], 1e-9):.2f}× (+{(ours[1] - pop[1]) / ours[2]:.3f}) |")
    lines.append("")
    per_call = seconds["ours"] / (fans * len(CHECKPOINTS)) * 1000
    lines.append(f"Ranking {AVAILABLE} items with `public_view` + `rank`: {per_call:.2f} ms a call (this machine).")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--concentrations", type=float, nargs="+", default=[TASTE_CONCENTRATION, 12.0],
                        help="Dirichlet mass of the fans' tastes around the creator's popularity (one run each)")
    args = parser.parse_args()
    sections = []
    for concentration in args.concentrations:
        rng = random.Random(args.seed)
        Fan.concentration = concentration
        popularity, items = make_creator(rng)
        started = time.perf_counter()
        results, purchases_seen, seconds = evaluate(args.fans, items, popularity, rng)
        elapsed = time.perf_counter() - started
        sections.append(f"## Taste concentration {concentration:g}\n\n({elapsed:.0f} s)\n\n"
                        + table(results, purchases_seen, args.fans, seconds) + "\n")
    header = (f"# Recommendation simulator\n\n{args.fans} test fans and {TRAINING_FANS} training fans per run, "
              f"catalogue of {CATALOGUE} items in {len(CATEGORIES)} categories, {AVAILABLE} available items a "
              f"request, seed {args.seed}: `.venv/bin/python bench/recommendations_sim.py`. "
              "Taste concentration is the Dirichlet mass of each fan's category taste around the creator's "
              "popularity (3: most fans stick to one or two categories; 12: tastes close to the crowd's). "
              "± is one standard error.\n")
    text = header + "\n" + "\n".join(sections)
    print(text)
    out = ROOT / "bench" / "results" / "recommendations_sim.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text)


if __name__ == "__main__":
    main()
