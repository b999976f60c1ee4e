from django.core.management.base import BaseCommand, CommandError

from gdpr.rotation import rotate_all


class Command(BaseCommand):
    help = ("Re-encrypt every encrypted column from OLD_FIELD_ENCRYPTION_KEY / OLD_SECRET_KEY to the current keys,"
            " in batches, verifying each row; safe to run again after an interruption.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size=500, **options):
        try:
            totals = rotate_all(batch_size=batch_size, report=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc))
        rotated = sum(counts["rotated"] for counts in totals.values())
        self.stdout.write(f"Done: {rotated} row(s) re-encrypted.")
