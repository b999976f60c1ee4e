"""Precision and recall of fact extraction on tests/data/facts.jsonl, per kind and per flag."""
from pathlib import Path

from django.core.management.base import BaseCommand

from facts.extraction.evaluation import DATASET, counts_by_language, evaluate, load, table


class Command(BaseCommand):
    help = "Print precision and recall of fact extraction per fact kind and per hand-over flag."

    def add_arguments(self, parser):
        parser.add_argument("--dataset", default=str(DATASET), help="a JSONL labelled set")
        parser.add_argument("--errors", action="store_true", help="also list the messages that were wrong")

    def handle(self, *args, dataset, errors, **options):
        cases = load(Path(dataset))
        report = evaluate(cases)
        languages = ", ".join(f"{count} {lang}" for lang, count in sorted(counts_by_language(cases).items()))
        self.stdout.write(f"{report.messages} messages ({languages})\n")
        self.stdout.write(table(report))
        if errors:
            self.stdout.write("\nmistakes (expected vs found):")
            for error in report.errors:
                self.stdout.write(f"- {error}")
