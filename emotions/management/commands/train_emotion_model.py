"""Train the emotion analyzer from ../shared/data and write emotions/analyzer/model.npz."""
import os

from django.conf import settings
from django.core.management.base import BaseCommand

from emotions.analyzer import MODEL_PATH

DEFAULT_DATA = os.path.join(settings.BASE_DIR, "..", "shared", "data")


class Command(BaseCommand):
    help = "Train the emotion / sentiment analyzer (deterministic; needs the `train` extra)."

    def add_arguments(self, parser):
        parser.add_argument("--data", default=os.environ.get("EMOTION_DATA_DIR", DEFAULT_DATA))
        parser.add_argument("--out", default=MODEL_PATH)

    def handle(self, *args, data, out, **options):
        from emotions.analyzer.training import train

        result = train(os.path.abspath(data), os.path.abspath(out), log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"artifact sha256 {result['sha256']}"))
