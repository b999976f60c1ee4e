"""Analyzer speed: single-message latency (p50/p95/p99, one thread), batch of 100, cold load and
resident memory, for the learned analyzer and, in the same run, the old baseline and VADER.

    OMP_NUM_THREADS=1 .venv/bin/python bench/analyzer_bench.py   (writes bench/results/analyzer.md)
Messages are synthetic chat lines (no dataset text), English, French, mixed and emoji.
"""
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LINES = [
    "hey babe how was your day?", "omg you look amazing in that pic 😍", "just got back from the gym, so tired",
    "coucou toi, tu fais quoi ce soir ?", "trop bien ta dernière vidéo mdr", "can I get something custom for my bday?",
    "haha you're so funny", "I missed you today", "j'ai passé une journée horrible au taf", "what are you up to?",
    "that set was 🔥🔥🔥", "I'm not happy with the last video tbh", "ptdr jsp quoi te dire 😂", "😭😭",
    "I LOVE YOU SOOOO MUCH!!!", "c'est pas terrible ce que tu postes en ce moment",
    "thank you so much for the birthday message ❤️", "why didn't you answer me yesterday??",
]
RUNS = int(os.environ.get("BENCH_RUNS", 3000))


def messages(n, seed=7):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = rng.choice(LINES)
        if rng.random() < 0.3:
            text = text + " " + rng.choice(LINES)
        out.append(text)
    return out


def percentiles(samples):
    samples = sorted(samples)
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))] * 1000  # noqa: E731
    return pick(0.5), pick(0.95), pick(0.99)


def measure(name, analyze_one, analyze_batch):
    texts = messages(RUNS)
    for text in texts[:200]:
        analyze_one(text)
    samples = []
    for text in texts:
        start = time.perf_counter()
        analyze_one(text)
        samples.append(time.perf_counter() - start)
    batches = []
    for k in range(20):
        chunk = texts[k * 100:(k + 1) * 100]
        start = time.perf_counter()
        analyze_batch(chunk)
        batches.append(time.perf_counter() - start)
    p50, p95, p99 = percentiles(samples)
    return {"name": name, "p50": p50, "p95": p95, "p99": p99, "batch100": sorted(batches)[len(batches) // 2] * 1000}


CHILD = """
import sys, time
sys.path.insert(0, {root!r})


def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


base = rss_mb()
start = time.perf_counter()
{load}
load = time.perf_counter() - start
f("warm up 😍")
print(load, base, rss_mb())
"""
LOADERS = {
    "learned analyzer": "from emotions.analyzer import analyze, load_model\nload_model()\nf = analyze",
    "old baseline": "from emotions.baseline import analyze as f",
    "VADER": "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer\n"
             "f = SentimentIntensityAnalyzer().polarity_scores",
}


def cold(name):
    """Import + load time and peak RSS, in a fresh process (python itself: the `python` row)."""
    code = CHILD.format(root=str(ROOT), load=LOADERS[name])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1"}).stdout.split()
    load, base, rss = map(float, out)
    return load * 1000, base, rss


def main():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from emotions import baseline
    from emotions.analyzer import analyze, analyze_many

    vader = SentimentIntensityAnalyzer()
    rows = [
        measure("learned analyzer", analyze, analyze_many),
        measure("old baseline", baseline.analyze, lambda ts: [baseline.analyze(t) for t in ts]),
        measure("VADER", vader.polarity_scores, lambda ts: [vader.polarity_scores(t) for t in ts]),
    ]
    lines = ["# Analyzer benchmark", "",
             f"`bench/analyzer_bench.py`, one thread (OMP_NUM_THREADS=1), {RUNS} synthetic chat messages "
             "(English, French, mixed, emoji), 2 shared cores. Cold load and RSS in a fresh process.", "",
             "| analyzer | p50 ms | p95 ms | p99 ms | batch of 100, ms | cold load ms | RSS after load MB (python alone) |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        load, base, rss = cold(row["name"])
        lines.append(f"| {row['name']} | {row['p50']:.3f} | {row['p95']:.3f} | {row['p99']:.3f} | "
                     f"{row['batch100']:.1f} | {load:.0f} | {rss:.0f} ({base:.0f}) |")
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results" / "analyzer.md"
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
