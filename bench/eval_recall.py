"""Evidence recall of the recall endpoint on LoCoMo (`make eval-recall`), beside two baselines.

Each conversation of ../shared/data/locomo-dev/, then of the French set written by hand
(bench/data/recall-fr.json, LoCoMo's shape), is saved as one fan through the API
(in-process, with the real database, Redis, middleware and learning run): speaker A's turns as
`fan`, speaker B's as `creator`, each with `metadata.sender_name`, the fan's name as a `name` fact,
sessions moved forward so the last one ends yesterday, turns 30 s apart. Every question of
categories 1-4 is asked through `POST /fans/{id}/recall/`; recall@k is the share of its evidence
turns among the k returned (LoCoMo's own measure). In the same run: the last 50 messages (the
context's window) and plain BM25 (rank_bm25, lowercased words) over the same stored text.

The dev conversations were used to choose the ranking: their figures guard against regressions,
they do not measure it. Nothing of LoCoMo is written into the repository.
"""
import argparse
import json
import os
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_dev")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("RATE_LIMITS_JSON", json.dumps({
    scope: {"creator": "1000000/minute", "fan": "1000000/minute"} for scope in ("retrieval", "save", "bulk")}))
django.setup()

import numpy as np  # noqa: E402
from rank_bm25 import BM25Okapi  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from core.services import api_key_create  # noqa: E402
from memory.selectors import fan_messages  # noqa: E402

CREATOR = "eval-recall"
KS = (5, 10, 20, 50)
CATEGORIES = {1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop"}
WORD = __import__("re").compile(r"\w+")


def session_start(text: str) -> datetime:
    return datetime.strptime(text, "%I:%M %p on %d %B, %Y").replace(tzinfo=timezone.utc)


def turns_of(conversation: dict) -> list[dict]:
    """Every turn with its time: sessions keep their dates, moved so the last ends yesterday."""
    sessions, number = [], 1
    while f"session_{number}" in conversation:
        sessions.append((session_start(conversation[f"session_{number}_date_time"]), conversation[f"session_{number}"]))
        number += 1
    last_start, last_turns = sessions[-1]
    shift = (datetime.now(timezone.utc) - timedelta(days=1)) - (last_start + timedelta(seconds=30 * len(last_turns)))
    return [{**turn, "at": start + shift + timedelta(seconds=30 * index)}
            for start, turns in sessions for index, turn in enumerate(turns)]


def save(client: APIClient, fan_id: str, conversation: dict, turns: list[dict]) -> None:
    client.delete(f"/api/v1/fans/{fan_id}/")
    events = [{"event_id": f"{fan_id}:{turn['dia_id']}", "fan_id": fan_id, "type": "message",
               "occurred_at": turn["at"].isoformat(),
               "message": {"content": turn["text"],
                           "sender": "fan" if turn["speaker"] == conversation["speaker_a"] else "creator"},
               "metadata": {"sender_name": turn["speaker"]}} for turn in turns]
    for start in range(0, len(events), 500):
        answer = client.post("/api/v1/interactions/batch/", {"events": events[start:start + 500]}, format="json")
        assert answer.status_code == 200, answer.content
    client.post(f"/api/v1/fans/{fan_id}/facts/", {"kind": "name", "value": conversation["speaker_a"]}, format="json")


def ranked_by_service(client, fan_id: str, question: str) -> list[str]:
    answer = client.post(f"/api/v1/fans/{fan_id}/recall/", {"query": question, "k": max(KS)}, format="json")
    assert answer.status_code == 200, answer.content
    return [result["event_id"] for result in answer.json()["results"]]


def bm25_ranker(fan_id: str):
    stored = fan_messages(creator_id=CREATOR, fan_id=fan_id)
    index = BM25Okapi([WORD.findall(message["content"].lower()) or ["_"] for message in stored])
    ids = [message["event_id"] for message in stored]
    return lambda question: [ids[i] for i in np.argsort(-index.get_scores(WORD.findall(question.lower())))[:max(KS)]]


def evaluate(items: list[dict]) -> dict:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_key_create(creator_id=CREATOR)}")
    scores = defaultdict(list)  # (method, k, category) -> recall of each question
    latencies = []
    for item in items:
        fan_id = f"locomo-{item['sample_id']}"
        turns = turns_of(item["conversation"])
        save(client, fan_id, item["conversation"], turns)
        window = [f"{fan_id}:{turn['dia_id']}" for turn in turns[-50:]]
        bm25 = bm25_ranker(fan_id)
        for qa in item["qa"]:
            evidence = {f"{fan_id}:{dia_id.strip()}" for dia_id in qa["evidence"]}
            if qa["category"] not in CATEGORIES or not evidence:
                continue
            started = time.perf_counter()
            service = ranked_by_service(client, fan_id, qa["question"])
            latencies.append(time.perf_counter() - started)
            for method, ranked in (("recall", service), ("bm25", bm25(qa["question"])), ("last-50", window)):
                for k in KS:
                    found = len(evidence & set(ranked[:k])) / len(evidence)
                    scores[(method, k, "all")].append(found)
                    scores[(method, k, qa["category"])].append(found)
    return {"scores": scores, "latencies": latencies}


def report(result: dict) -> None:
    scores = result["scores"]
    questions = len(scores[("recall", 10, "all")])
    print(f"\n{questions} questions (categories 1-4)\n")
    print("| method | @5 | @10 | @20 | @50 | " + " | ".join(f"@10 {name}" for name in CATEGORIES.values()) + " |")
    print("|---|---|---|---|---|" + "---|" * len(CATEGORIES))
    for method in ("recall", "bm25", "last-50"):
        overall = " | ".join(f"{np.mean(scores[(method, k, 'all')]):.3f}" for k in KS)
        by_category = " | ".join(f"{np.mean(scores[(method, 10, c)]):.2f}" if scores[(method, 10, c)] else "-"
                                 for c in CATEGORIES)
        print(f"| {method} | {overall} | {by_category} |")
    p50, p95, p99 = np.percentile(np.array(result["latencies"]) * 1000, [50, 95, 99])
    print(f"\nrecall endpoint, in-process, k=50: p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")


SETS = {
    "LoCoMo dev (tuned on: a regression guard)": ROOT.parent / "shared" / "data" / "locomo-dev" / "locomo-dev.json",
    "French, hand-written before any tuning (blind)": ROOT / "bench" / "data" / "recall-fr.json",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", help="a LoCoMo-shaped JSON file (default: both sets)")
    paths = {path: Path(path) for path in parser.parse_args().data or []} or SETS
    for name, path in paths.items():
        print(f"\n## {name}")
        report(evaluate(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
