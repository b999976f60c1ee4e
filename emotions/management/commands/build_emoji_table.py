"""Write emotions/analyzer/emoji_derived.json: the valence and emotions of every emoji the hand
table leaves out, from its CLDR names (emotions.analyzer.emoji_names; the `emoji` and `vaderSentiment` packages of the dev extra)."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from emotions.analyzer.lexicon import DERIVED_EMOJI_PATH, EMOJI, FR_LEXICON


class Command(BaseCommand):
    help = "Build the derived emoji table from the emoji's English and French names (deterministic)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=DERIVED_EMOJI_PATH)

    def handle(self, *args, out, **options):
        import emoji
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        from emotions.analyzer.emoji_names import derived_table

        emoji.config.load_language("fr")

        table = derived_table(emoji.EMOJI_DATA, EMOJI, SentimentIntensityAnalyzer().lexicon, FR_LEXICON)
        lines = (f"{json.dumps(symbol, ensure_ascii=False)}: {json.dumps(entry)}" for symbol, entry in sorted(table.items()))
        out.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")  # one emoji a line
        self.stdout.write(self.style.SUCCESS(f"{len(table)} emoji written to {out}"))
