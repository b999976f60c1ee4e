"""Distil recall's static word table from multilingual-e5-small and write recall/embedding.npz."""
from django.core.management.base import BaseCommand

from recall.embedding import TABLE_PATH


class Command(BaseCommand):
    help = "Build recall's static word table (offline, deterministic, about 10 minutes; needs the `distill` extra)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(TABLE_PATH))

    def handle(self, *args, out, **options):
        from recall.distillation import build

        self.stdout.write(self.style.SUCCESS(f"artifact sha256 {build(out, log=self.stdout.write)}"))
