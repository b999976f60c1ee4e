"""Seed the benchmark database: CREATORS x FANS x MESSAGES realistic conversations.

Writes bench/out/targets.txt ("<api key> <fan_id>" per fan). Skips seeding when the database
already holds the expected number of messages (keys are then recreated). Also RECALL_FANS fans of
RECALL_MESSAGES messages each, indexed for recall, in bench/out/recall_targets.txt.
"""
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_dev")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from emotions.services import analyze_text  # noqa: E402
from core.models import Creator  # noqa: E402
from fans.learning import LEARNERS  # noqa: E402
from memory.models import EngagementMetrics, FanMemory, InteractionEvent  # noqa: E402
from core.services import api_key_create  # noqa: E402
from recall.models import IndexEntry  # noqa: E402
from recall.services import entry_save  # noqa: E402

CREATORS = int(os.environ.get("BENCH_CREATORS", 5))
FANS = int(os.environ.get("BENCH_FANS", 2000))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", 60))
RECALL_FANS = int(os.environ.get("BENCH_RECALL_FANS", 20))
RECALL_MESSAGES = int(os.environ.get("BENCH_RECALL_MESSAGES", 1000))
LEARNED = [learner.name for learner in LEARNERS]  # the recall fans' events, as after their learning runs
OUT = ROOT / "bench" / "out"

FAN_LINES = [
    "hey babe how was your day?", "omg you look amazing in that pic 😍", "just got back from the gym, so tired",
    "coucou toi, tu fais quoi ce soir ?", "trop bien ta dernière vidéo mdr", "can I get something custom for my bday?",
    "haha you're so funny", "I missed you today", "j'ai passé une journée horrible au taf", "what are you up to?",
    "that set was 🔥🔥🔥", "do you like cosplay?", "my dog Max says hi", "I'm so bored at work lol",
]
AI_LINES = [
    "hey you 😘 my day was great, even better now", "aww thank you, you always know what to say",
    "coucou ! je pense à toi 💕", "I have something special for you later...", "tell me more about your day",
]


def seed() -> None:
    rng = random.Random(42)
    analyses = {line: analyze_text(line) for line in FAN_LINES + AI_LINES}
    now = timezone.now()
    for c in range(CREATORS):
        creator, _ = Creator.objects.get_or_create(id=f"bench_c{c}")
        for start in range(0, FANS, 100):
            rows, metrics = [], []
            for f in range(start, min(FANS, start + 100)):
                fan_id = f"fan_{c}_{f}"
                first = now - timedelta(days=rng.randint(5, 60))
                at = first
                for m in range(MESSAGES):
                    sender = "fan" if m % 2 == 0 else "ai"
                    line = rng.choice(FAN_LINES if sender == "fan" else AI_LINES)
                    at = at + timedelta(minutes=rng.randint(1, 600))
                    analysis = analyses[line]
                    rows.append(FanMemory(creator=creator, fan_id=fan_id, event_id=f"seed-{fan_id}-{m}", sender=sender,
                                          sentiment=analysis["sentiment"], topics=analysis["topics"],
                                          message_content=line, metadata={"seed": True}, analysis=analysis,
                                          created_at=at))
                metrics.append(EngagementMetrics(creator=creator, fan_id=fan_id, total_messages=MESSAGES,
                                                 fan_messages=MESSAGES // 2, first_interaction=first,
                                                 last_interaction=at, engagement_score=round(rng.random(), 2)))
            FanMemory.objects.bulk_create(rows, batch_size=2000)
            EngagementMetrics.objects.bulk_create(metrics, ignore_conflicts=True)
        print(f"seeded creator {c + 1}/{CREATORS}", flush=True)


def seed_recall() -> None:
    """Long histories for the recall rows: varied lines, each message saved and indexed."""
    rng = random.Random(7)
    creator, _ = Creator.objects.get_or_create(id="bench_c0")
    start = timezone.now() - timedelta(days=400)
    for f in range(RECALL_FANS):
        fan_id = f"recall_fan_{f}"
        with transaction.atomic():
            for m in range(RECALL_MESSAGES):
                sender = "fan" if m % 2 == 0 else "ai"
                line = f"{rng.choice(FAN_LINES if sender == 'fan' else AI_LINES)} {rng.choice(FAN_LINES)}"
                at = start + timedelta(days=8 * (m // 20), minutes=m % 20)  # sessions of 20 messages
                row = FanMemory.objects.create(creator=creator, fan_id=fan_id, event_id=f"seed-{fan_id}-{m}",
                                               sender=sender, message_content=line, created_at=at)
                InteractionEvent.objects.create(creator=creator, fan_id=fan_id, event_id=row.event_id, type="message",
                                                occurred_at=at, body_hash="seed", learned=LEARNED, learned_at=at)
                entry_save(creator_id=creator.id, fan_id=fan_id,
                           message={"event_id": row.event_id, "sender": sender, "content": line, "at": at})
            EngagementMetrics.objects.create(creator=creator, fan_id=fan_id, total_messages=RECALL_MESSAGES,
                                             fan_messages=RECALL_MESSAGES // 2, first_interaction=start,
                                             last_interaction=at, engagement_score=0.5)
        print(f"recall fans {f + 1}/{RECALL_FANS}", flush=True)


def write_targets() -> None:
    OUT.mkdir(exist_ok=True)
    lines, keys = [], [api_key_create(creator_id=f"bench_c{c}") for c in range(CREATORS)]
    for c, key in enumerate(keys):
        lines += [f"{key} fan_{c}_{f}" for f in range(FANS)]
    (OUT / "targets.txt").write_text("\n".join(lines) + "\n")
    (OUT / "recall_targets.txt").write_text("".join(f"{keys[0]} recall_fan_{f}\n" for f in range(RECALL_FANS)))


if __name__ == "__main__":
    if FanMemory.objects.exclude(fan_id__startswith="recall_fan_").count() < CREATORS * FANS * MESSAGES:
        FanMemory.objects.all().delete()
        IndexEntry.objects.all().delete()
        EngagementMetrics.objects.all().delete()
        seed()
    recall_rows = RECALL_FANS * RECALL_MESSAGES
    if (IndexEntry.objects.filter(fan_id__startswith="recall_fan_").count() != recall_rows
            or InteractionEvent.objects.filter(fan_id__startswith="recall_fan_").count() != recall_rows):
        IndexEntry.objects.all().delete()
        InteractionEvent.objects.filter(fan_id__startswith="recall_fan_").delete()
        FanMemory.objects.filter(fan_id__startswith="recall_fan_").delete()
        EngagementMetrics.objects.filter(fan_id__startswith="recall_fan_").delete()
        seed_recall()
    with connection.cursor() as cursor:  # fresh statistics, as a live database has
        cursor.execute("VACUUM ANALYZE")
    write_targets()
    print(f"{CREATORS * FANS} fans ready", flush=True)
