"""Macro F1 of the shipped analyzer on the held-out split, beside VADER measured in the same run."""
import os

from django.core.management.base import BaseCommand

from emotions.management.commands.train_emotion_model import DEFAULT_DATA

REFERENCES = {
    "goemotions_28": "BERT-base 0.46-0.50", "ekman_7": "BERT-base 0.62", "sentiment_groups_4": "BERT-base 0.70",
    "tweets_en_3class": "XLM-R 0.68", "tweets_fr_3class": "XLM-R 0.72",
}


class Command(BaseCommand):
    help = "Evaluate the emotion analyzer on the hold-out (needs the `train` extra for VADER)."

    def add_arguments(self, parser):
        parser.add_argument("--data", default=os.environ.get("EMOTION_DATA_DIR", DEFAULT_DATA))
        parser.add_argument("--model", default=None, help="artifact to evaluate (default: the shipped one)")

    def handle(self, *args, data, model, **options):
        from emotions.analyzer import analyze_many, load_model
        from emotions.analyzer.evaluation import evaluate

        loaded = load_model(model)
        report = evaluate(os.path.abspath(data), lambda texts: analyze_many(texts, model=loaded), loaded.meta)
        if report["expected_digest"] and report["digest"] != report["expected_digest"]:
            self.stderr.write("warning: the hold-out differs from the one recorded in the artifact")
        n = report["n"]
        self.stdout.write(f"hold-out: {n['goemotions']} GoEmotions rows, {n['en']} English and {n['fr']} "
                          f"French tweets (split {report['digest']})\n")
        self.stdout.write("| figure | ours | VADER | published |\n|---|---|---|---|")
        for name, (ours, vader) in report["figures"].items():
            vader_text = "n/a" if vader is None else f"{vader:.3f}"
            self.stdout.write(f"| {name} | {ours:.3f} | {vader_text} | {REFERENCES.get(name, '')} |")
        self.stdout.write("\nper-label F1 (28 labels): " + ", ".join(
            f"{name} {value:.2f}" for name, value in report["per_label"].items()))
