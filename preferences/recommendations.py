"""Ranking of available content for one fan: pure functions (no Django, no I/O).

score = category × (PRICE_FLOOR + (1 - PRICE_FLOOR) × price_fit) × (1 + TOPIC_BOOST × topics) / (1 + TOPIC_BOOST)

- category: the probability that the fan's next purchase is in the item's category. The fan's
  decayed purchase evidence per category is blended with the creator's category popularity,
  the fan's own share weighing more as evidence grows (w = P / (P + PRIOR_PURCHASES)), then
  multiplied by how often offers of that category were accepted rather than ignored or
  refused. Scaled so that the best category of the request is 1; when nothing is known of any
  of the request's categories (no evidence of the fan, no sale to the creator's fans), every
  item's category is NO_EVIDENCE_CATEGORY, the neutral score of a category the fan never showed.
- price_fit: how close the price is to what the fan usually pays, on a log scale (a Gaussian
  around the fan's typical amount, shrunk toward the creator's fans' typical amount by
  PRIOR_PURCHASES pseudo-purchases; cheaper than usual is penalised half as much as dearer).
  Neutral (1) when nothing is known.
- topics: the fan's strongest topic interest among the topics of the item's tags and category.
A category the fan has just complained about (`held_back`, the coordinator's) steps back: its
category signal is multiplied by HELD_BACK, and the reason says why.
Already-bought items are kept, marked `already_bought`, scored 0 and ranked last.
"""
import math
from dataclasses import dataclass
from functools import lru_cache

from .topics import TOPICS, extract_topics

PRIOR_PURCHASES = 2.0
NO_EVIDENCE_CATEGORY = 0.5  # as a category's preference score before any evidence
PRICE_FLOOR = 0.1
TOPIC_BOOST = 0.5
TOPIC_REASON_MIN = 0.25
PRICE_SIGMA_FLOOR = 0.3  # log-price spread never assumed narrower than this
PRICE_MEAN_UNCERTAINTY = 0.5  # uncertainty of a typical log amount learned from one purchase
TOPIC_SET = frozenset(TOPICS)
HELD_BACK = 0.2  # below any category the fan merely never bought (NO_EVIDENCE_CATEGORY)


@lru_cache(maxsize=4096)
def item_topics(category: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    words = [word.strip().lower() for word in (*tags, category) if word and word.strip()]
    found = [word for word in words if word in TOPIC_SET]
    found += extract_topics(" . ".join(word.replace("_", " ") for word in words)) if words else []
    return tuple(dict.fromkeys(found))


def category_weights(categories: set[str], content_preferences: dict, popularity: dict) -> dict[str, float]:
    """Unnormalised probability that the next purchase falls in each category."""
    known = len(set(popularity) | categories)
    total_popularity = sum(popularity.values())
    positive_total = sum(entry.get("positive", 0.0) for entry in content_preferences.values())
    weights = {}
    for category in categories:
        entry = content_preferences.get(category, {})
        positive, negative = entry.get("positive", 0.0), entry.get("negative", 0.0)
        prior = (popularity.get(category, 0) + 1) / (total_popularity + known)
        share = (positive + PRIOR_PURCHASES * prior) / (positive_total + PRIOR_PURCHASES)
        weights[category] = share * (positive + 1) / (positive + negative + 1)
    return weights


def _any_evidence(categories, content_preferences: dict, popularity: dict) -> bool:
    return any(popularity.get(category) or (content_preferences.get(category) or {}).get("evidence_count")
               for category in categories)


@dataclass(frozen=True)
class PriceModel:
    mean: float  # log of the typical amount (the fan's, shrunk toward the creator's)
    sigma: float
    fan_purchases: int
    shown_typical: float  # the fan's own typical amount if known, else the creator's: for reasons

    def fit(self, price) -> float | None:
        if price is None or price <= 0:
            return None
        z = (math.log(price) - self.mean) / self.sigma
        if z < 0:
            z /= 2
        return math.exp(-z * z / 2)


def _log_spend(spending: dict | None) -> tuple[int, float, float]:
    """(purchases, mean, spread) of the log amounts of a spending dict (learning.spending_view)."""
    if not spending or not spending.get("purchases"):
        return 0, 0.0, 0.0
    spread = (math.log(float(spending["high"])) - math.log(float(spending["low"]))) / 2  # decimal strings
    return spending["purchases"], math.log(float(spending["typical_amount"])), spread


def price_model(spending: dict | None, prior: dict | None) -> PriceModel | None:
    n, mean, spread = _log_spend(spending)
    prior_n, prior_mean, prior_spread = _log_spend(prior)
    if not (n or prior_n):
        return None
    fan_purchases, shown = n, math.exp(mean if n else prior_mean)
    if prior_n:
        weight = n / (n + PRIOR_PURCHASES)
        mean = weight * mean + (1 - weight) * prior_mean
        spread = weight * spread + (1 - weight) * prior_spread
        n += PRIOR_PURCHASES
    sigma = math.sqrt(max(spread, PRICE_SIGMA_FLOOR) ** 2 + PRICE_MEAN_UNCERTAINTY ** 2 / n)
    return PriceModel(mean, sigma, fan_purchases, shown)


def rank(items: list[dict], preferences: dict, creator: dict | None = None, bought=frozenset(),
         held_back=frozenset()) -> list[dict]:
    """Rank `items` ({content_id, category, kind, price, tags}) for the fan described by `preferences`.

    `creator` is the cold-start prior: {"categories": {category: purchases}, "spending": spending dict};
    `held_back` the categories of the fan's open complaints.
    """
    popularity = (creator or {}).get("categories") or {}
    content_preferences = preferences.get("content_preferences") or {}
    interests = preferences.get("topic_interests") or {}
    prices = price_model(preferences.get("spending"), (creator or {}).get("spending"))
    weights = category_weights({item.get("category") or "" for item in items}, content_preferences, popularity)
    best = max(weights.values(), default=0.0) or 1.0
    if not _any_evidence(weights, content_preferences, popularity):
        best /= NO_EVIDENCE_CATEGORY
    ranked = []
    for index, item in enumerate(items):
        category = item.get("category") or ""
        affinity = weights[category] / best * (HELD_BACK if category in held_back else 1.0)
        fit = prices.fit(item.get("price")) if prices else None
        topics = item_topics(category, tuple(item.get("tags") or ()))
        topic, interest = max(((t, interests.get(t, 0.0)) for t in topics), key=lambda kv: kv[1], default=(None, 0.0))
        score = affinity * (PRICE_FLOOR + (1 - PRICE_FLOOR) * (1.0 if fit is None else fit))
        score *= (1 + TOPIC_BOOST * interest) / (1 + TOPIC_BOOST)
        already = item["content_id"] in bought
        ranked.append((already, -score, index, {
            "content_id": item["content_id"],
            "score": 0.0 if already else round(score, 4),
            "reason": "Already bought." if already else held_back_reason(category, held_back) + reason(
                category, content_preferences.get(category), popularity, item.get("price"), fit, prices,
                topic if interest >= TOPIC_REASON_MIN else None),
            "already_bought": already,
            "signals": {"category": round(affinity, 4), "price_fit": None if fit is None else round(fit, 4),
                        "topics": round(interest, 4)},
        }))
    ranked.sort(key=lambda row: row[:3])
    return [row[3] for row in ranked]


def held_back_reason(category: str, held_back) -> str:
    return f"Held back: the fan complained about {category} content. " if category in held_back else ""


def reason(category: str, entry: dict | None, popularity: dict, price, fit, prices: PriceModel | None,
           topic: str | None) -> str:
    """A short sentence naming what drove the score."""
    parts = []
    label = category or "uncategorised"
    entry = entry or {}
    if entry.get("purchases"):
        count = entry["purchases"]
        parts.append(f"bought {label} content {count} time{'s' if count > 1 else ''}")
        if entry.get("negative", 0) >= 0.5:
            parts.append(f"but ignored some {label} offers")
    elif entry.get("negative", 0) > entry.get("positive", 0):
        parts.append(f"ignored or declined {label} offers")
    elif entry.get("positive", 0) > 0:
        parts.append(f"liked {label} offers")
    elif category in popularity and popularity[category] >= max(popularity.values()) / 2:
        parts.append(f"{label} sells well with this creator's fans")
    if fit is not None:
        whose = "usual spend" if prices.fan_purchases else "what fans usually pay"
        typical = prices.shown_typical
        if fit >= 0.7:
            parts.append(f"price close to {whose} (~{typical:.2f})")
        else:
            parts.append(f"{'pricier' if price > math.exp(prices.mean) else 'cheaper'} than {whose} (~{typical:.2f})")
    if topic:
        parts.append(f"matches interest in {topic.replace('_', ' ')}")
    if not parts:
        return "No history yet: neutral rank."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
