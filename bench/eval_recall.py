"""Evidence recall of the recall endpoint on LoCoMo (`make eval-recall`), beside two baselines.

Each conversation of ../shared/data/locomo-dev/ (read there), then the French chat written by hand
for the project (bench/data/french-chat-recall.json, its own format), is saved as one fan through the API
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
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from inprocess import ROOT, setup_django

setup_django()

import numpy as np  # noqa: E402
from rank_bm25 import BM25Okapi  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from django.db import connection, transaction  # noqa: E402

from core.services import api_key_create  # noqa: E402
from fans.learning import _input_for as input_for  # noqa: E402  (what a learning run gives its learners)
from memory.models import InteractionEvent  # noqa: E402
from memory.selectors import fan_messages  # noqa: E402
from recall.services import learn as recall_learn  # noqa: E402

CREATOR = "eval-recall"
KS = (5, 10, 20, 50)
CATEGORIES = {1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop"}
WORD = __import__("re").compile(r"\w+")


@dataclass
class Conversation:
    fan_id: str
    fan_name: str
    sessions: list  # (start, [{"speaker", "id", "text"}]), oldest first
    questions: list  # {"question", "evidence": {ids}, "category"}


def locomo(path: Path) -> list[Conversation]:
    conversations = []
    for item in json.loads(path.read_text()):
        talk, sessions, number = item["conversation"], [], 1
        while f"session_{number}" in talk:
            start = datetime.strptime(talk[f"session_{number}_date_time"], "%I:%M %p on %d %B, %Y")
            sessions.append((start.replace(tzinfo=timezone.utc), [
                {"speaker": turn["speaker"], "id": turn["dia_id"], "text": turn["text"]} for turn in talk[f"session_{number}"]]))
            number += 1
        questions = [{"question": qa["question"], "evidence": {e.strip() for e in qa["evidence"]}, "category": qa["category"]}
                     for qa in item["qa"]]
        conversations.append(Conversation(f"locomo-{item['sample_id']}", talk["speaker_a"], sessions, questions))
    return conversations


def hand_written(path: Path) -> list[Conversation]:
    """The project's own format (bench/data/french-chat-recall.json): turn ids are "session:turn"."""
    data = json.loads(path.read_text())
    sessions = [(datetime.fromisoformat(session["starts"]),
                 [{"speaker": speaker, "id": f"{number}:{index}", "text": text}
                  for index, (speaker, text) in enumerate(session["turns"], 1)])
                for number, session in enumerate(data["sessions"], 1)]
    category = {name: number for number, name in CATEGORIES.items()}
    questions = [{"question": q["question"], "evidence": set(q["evidence"]), "category": category[q["kind"]]}
                 for q in data["questions"]]
    return [Conversation("hand-french", data["fan"], sessions, questions)]


def turns_of(conversation: Conversation) -> list[dict]:
    """Every turn with its time: sessions keep their dates, moved so the last ends yesterday."""
    last_start, last_turns = conversation.sessions[-1]
    shift = (datetime.now(timezone.utc) - timedelta(days=1)) - (last_start + timedelta(seconds=30 * len(last_turns)))
    return [{**turn, "at": start + shift + timedelta(seconds=30 * index)}
            for start, turns in conversation.sessions for index, turn in enumerate(turns)]


def save(client: APIClient, conversation: Conversation, turns: list[dict]) -> None:
    fan_id = conversation.fan_id
    client.delete(f"/api/v1/fans/{fan_id}/")
    events = [{"event_id": f"{fan_id}:{turn['id']}", "fan_id": fan_id, "type": "message",
               "occurred_at": turn["at"].isoformat(),
               "message": {"content": turn["text"],
                           "sender": "fan" if turn["speaker"] == conversation.fan_name else "creator"},
               "metadata": {"sender_name": turn["speaker"]}} for turn in turns]
    for start in range(0, len(events), 500):
        answer = client.post("/api/v1/interactions/batch/", {"events": events[start:start + 500]}, format="json")
        assert answer.status_code == 200, answer.content
    client.post(f"/api/v1/fans/{fan_id}/facts/", {"kind": "name", "value": conversation.fan_name}, format="json")


def ranked_by_service(client, fan_id: str, question: str) -> list[str]:
    answer = client.post(f"/api/v1/fans/{fan_id}/recall/", {"query": question, "k": max(KS)}, format="json")
    assert answer.status_code == 200, answer.content
    return [result["event_id"] for result in answer.json()["results"]]


def bm25_ranker(fan_id: str):
    stored = fan_messages(creator_id=CREATOR, fan_id=fan_id)
    index = BM25Okapi([WORD.findall(message["content"].lower()) or ["_"] for message in stored])
    ids = [message["event_id"] for message in stored]
    return lambda question: [ids[i] for i in np.argsort(-index.get_scores(WORD.findall(question.lower())))[:max(KS)]]


def evaluate(conversations: list[Conversation]) -> dict:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_key_create(creator_id=CREATOR)}")
    scores = defaultdict(list)  # (method, k, category) -> recall of each question
    latencies = []
    for conversation in conversations:
        fan_id = conversation.fan_id
        turns = turns_of(conversation)
        save(client, conversation, turns)
        window = [f"{fan_id}:{turn['id']}" for turn in turns[-50:]]
        bm25 = bm25_ranker(fan_id)
        for qa in conversation.questions:
            evidence = {f"{fan_id}:{turn_id}" for turn_id in qa["evidence"]}
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


def indexing_cost(fan_id: str) -> None:
    """The worker's cost of indexing one message: the recall learner's run in a learning run (its
    consent check, words, vector and upsert; the event's message is read once for all learners,
    before), for each message of the fan again; and the index's size."""
    seconds = []
    for event in InteractionEvent.objects.filter(creator_id=CREATOR, fan_id=fan_id, type="message").order_by("id"):
        given = input_for(event)
        started = time.perf_counter()
        with transaction.atomic():
            recall_learn(given)
        seconds.append(time.perf_counter() - started)
    p50, p95, p99 = np.percentile(np.array(seconds) * 1000, [50, 95, 99])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('recall_index_entries'), count(*) FROM recall_index_entries")
        size, entries = cursor.fetchone()
    print(f"\nindexing one message ({len(seconds)} of {fan_id}): p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms;"
          f" index size {size / 1024 / entries * 1000:.0f} KiB per 1,000 messages (table and its indexes,"
          f" {entries} entries)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locomo", type=Path, default=ROOT.parent / "shared" / "data" / "locomo-dev" / "locomo-dev.json",
                        help="LoCoMo conversations (read where they are, never copied)")
    parser.add_argument("--french", type=Path, default=ROOT / "bench" / "data" / "french-chat-recall.json")
    arguments = parser.parse_args()
    for name, conversations in (("LoCoMo (the dev split was tuned on: a regression guard)", locomo(arguments.locomo)),
                                ("French, written by hand before any tuning (blind)", hand_written(arguments.french))):
        print(f"\n## {name}")
        report(evaluate(conversations))
    indexing_cost(conversations[0].fan_id)


if __name__ == "__main__":
    main()
