"""Evaluate preferences.topics on the hand-labelled set tests/data/topics.jsonl.

Prints micro precision / recall / F1 (overall, per topic, per language) and the
single-thread per-message latency (p50 / p95 / p99).  No Django needed.

    .venv/bin/python bench/topics_eval.py             # language passed from the set
    .venv/bin/python bench/topics_eval.py --auto      # language auto-detected
    .venv/bin/python bench/topics_eval.py --errors    # also list every mistake
    .venv/bin/python bench/topics_eval.py --histories tests/data/topic_histories_blind15.json
        # fan histories through the interest learner: top topics' precision / recall, and how far
        # the expected interests stand above the others
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from preferences import learning  # noqa: E402
from preferences.topics import TOPICS, extract_topics  # noqa: E402

DATA = ROOT / "tests" / "data" / "topics.jsonl"


def load(path: Path = DATA) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            unknown = set(row["topics"]) - set(TOPICS)
            if unknown:
                raise SystemExit(f"{path}:{lineno}: unknown topics {sorted(unknown)}")
            rows.append(row)
    return rows


def lang_arg(row: dict, auto: bool) -> str | None:
    if auto:
        return None
    return row["lang"] if row["lang"] in ("en", "fr") else None


def evaluate(rows: list[dict], auto: bool = False) -> dict:
    """Micro counts overall, per topic and per message language, plus mistakes."""
    tp, fp, fn = Counter(), Counter(), Counter()
    by_lang = {}
    mistakes = []
    exact = 0
    for row in rows:
        gold = set(row["topics"])
        pred = set(extract_topics(row["text"], lang_arg(row, auto)))
        lc = by_lang.setdefault(row["lang"], Counter())
        for t in pred & gold:
            tp[t] += 1
            lc["tp"] += 1
        for t in pred - gold:
            fp[t] += 1
            lc["fp"] += 1
        for t in gold - pred:
            fn[t] += 1
            lc["fn"] += 1
        if pred == gold:
            exact += 1
        else:
            mistakes.append((row, sorted(pred - gold), sorted(gold - pred)))
    return {"tp": tp, "fp": fp, "fn": fn, "by_lang": by_lang, "mistakes": mistakes, "exact": exact, "n": len(rows)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def micro(result: dict) -> tuple[float, float, float]:
    return prf(sum(result["tp"].values()), sum(result["fp"].values()), sum(result["fn"].values()))


def latency(rows: list[dict], repeats: int = 20) -> dict:
    """Per-message wall time in microseconds over `repeats` passes (single thread)."""
    samples = []
    texts = [(r["text"], lang_arg(r, False)) for r in rows]
    for text, lang in texts:  # warm-up
        extract_topics(text, lang)
    for _ in range(repeats):
        for text, lang in texts:
            t0 = time.perf_counter_ns()
            extract_topics(text, lang)
            samples.append((time.perf_counter_ns() - t0) / 1000)
    samples.sort()
    q = statistics.quantiles(samples, n=100)
    long_text = " ".join(r["text"] for r in rows)[:10_000]
    t0 = time.perf_counter_ns()
    for _ in range(20):
        extract_topics(long_text)
    long_us = (time.perf_counter_ns() - t0) / 1000 / 20
    return {"n": len(samples), "p50": q[49], "p95": q[94], "p99": q[98], "max": samples[-1],
            "mean": statistics.fmean(samples), "long_10k_chars": long_us}


def top_topics(interests: dict[str, float]) -> set[str]:
    """The context evaluation's reading (bench/context_eval.py): the 3 strongest, each at least half the first."""
    ranked = sorted(((score, topic) for topic, score in interests.items() if score > 0), key=lambda p: (-p[0], p[1]))
    return {topic for score, topic in ranked[:3] if score >= ranked[0][0] / 2} if ranked else set()


def history_interests(history: dict) -> dict[str, float]:
    """One message a day at noon UTC through the learner; the interests read after the last one."""
    state, start = learning.new_state(), 1_767_268_800.0  # 2026-01-01 12:00 UTC
    for day, text in enumerate(history["messages"]):
        state_at = start + day * learning.DAY
        learning.observe_message(state, sender="fan", at=state_at,
                                 topics=extract_topics(text, history["lang"]), language=history["lang"])
    return learning.public_view(state, start + (len(history["messages"]) - 1) * learning.DAY)["topic_interests"]


def evaluate_histories(path: Path) -> None:
    histories = json.loads(path.read_text(encoding="utf-8"))["histories"]
    tp = fp = fn = 0
    expected_scores, other_scores = [], []
    for history in histories:
        interests = history_interests(history)
        expected, top = set(history["expected"]), top_topics(interests)
        tp, fp, fn = tp + len(top & expected), fp + len(top - expected), fn + len(expected - top)
        expected_scores += [interests.get(topic, 0.0) for topic in expected]
        other_scores += [score for topic, score in interests.items() if topic not in expected]
        if top != expected:
            print(f"  {history['id']}: top {sorted(top)} expected {sorted(expected)} {interests}")
    p, r, f = prf(tp, fp, fn)
    print(f"histories={len(histories)}  top topics: precision={p:.3f}  recall={r:.3f}  F1={f:.3f}")
    print(f"interest of expected topics: mean={statistics.fmean(expected_scores):.3f}  "
          f"min={min(expected_scores):.3f}; of the others: mean={statistics.fmean(other_scores or [0]):.3f}  "
          f"max={max(other_scores or [0]):.3f}  ({len(other_scores)} other topics with an interest)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--auto", action="store_true", help="do not pass the language, let the extractor detect it")
    ap.add_argument("--errors", action="store_true", help="list every misclassified message")
    ap.add_argument("--repeats", type=int, default=20, help="latency passes over the set (default 20)")
    ap.add_argument("--histories", type=Path, help="a JSON set of fan histories with their expected top topics")
    args = ap.parse_args(argv)
    if args.histories:
        evaluate_histories(args.histories)
        return 0

    rows = load()
    res = evaluate(rows, auto=args.auto)
    p, r, f = micro(res)
    langs = Counter(row["lang"] for row in rows)
    print(f"data: {DATA.relative_to(ROOT)}  messages={len(rows)}  " + " ".join(f"{k}={v}" for k, v in sorted(langs.items()))
          + f"  no-topic={sum(1 for row in rows if not row['topics'])}  labels={sum(len(row['topics']) for row in rows)}")
    print(f"language: {'auto-detected' if args.auto else 'from the data set (mix -> auto)'}")
    print()
    print(f"OVERALL micro  precision={p:.3f}  recall={r:.3f}  F1={f:.3f}  "
          f"exact-match={res['exact']}/{res['n']} ({res['exact'] / res['n']:.1%})")
    for lang, c in sorted(res["by_lang"].items()):
        lp, lr, lf = prf(c["tp"], c["fp"], c["fn"])
        print(f"  lang={lang:<4} precision={lp:.3f}  recall={lr:.3f}  F1={lf:.3f}")
    print()
    print(f"{'topic':<14}{'support':>8}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'F1':>7}")
    for t in TOPICS:
        tp, fp, fn = res["tp"][t], res["fp"][t], res["fn"][t]
        tp_, tr_, tf_ = prf(tp, fp, fn)
        print(f"{t:<14}{tp + fn:>8}{tp:>5}{fp:>5}{fn:>5}{tp_:>8.3f}{tr_:>8.3f}{tf_:>7.3f}")
    print()
    lat = latency(rows, args.repeats)
    print(f"latency per message (single thread, {lat['n']} calls): p50={lat['p50']:.1f}us  p95={lat['p95']:.1f}us  "
          f"p99={lat['p99']:.1f}us  max={lat['max']:.1f}us  mean={lat['mean']:.1f}us")
    print(f"latency for one 10,000-char message: {lat['long_10k_chars'] / 1000:.2f}ms")
    if args.errors:
        print()
        print(f"mistakes ({len(res['mistakes'])}):")
        for row, extra, missing in res["mistakes"]:
            print(f"  [{row['lang']}] {row['text']!r}  +{extra} -{missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
