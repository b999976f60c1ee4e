"""How often open items are raised on real messages that are not about the creator's content:
UMSAB tweets (English and French, read from ../shared/data, never copied), by sentiment label.
A tweet is no fan message, so questions and follow-ups there may be right; grievances on a
positive tweet are false positives. Usage: python bench/openitems_false_positives.py [data dir]"""
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openitems.detection import detect  # noqa: E402

LABELS = {"0": "negative", "1": "neutral", "2": "positive"}


def rates(root: Path) -> None:
    for language in ("english", "french"):
        for split in ("train", "val"):
            texts = (root / language / f"{split}_text.txt").read_text().split("\n")
            labels = (root / language / f"{split}_labels.txt").read_text().split("\n")
            counts, totals = Counter(), Counter()
            for text, label in zip(texts, labels):
                totals[LABELS[label]] += 1
                for found in detect(text):
                    counts[LABELS[label], found.kind] += 1
            for label in ("positive", "neutral", "negative"):
                kinds = {kind: counts[label, kind] for kind in
                         ("complaint", "refund", "content_problem", "unanswered_question", "follow_up") if counts[label, kind]}
                print(f"{language} {split} {label}: {totals[label]} tweets, items {kinds}")


if __name__ == "__main__":
    rates(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/umsab"))
