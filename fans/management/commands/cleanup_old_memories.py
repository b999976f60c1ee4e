from django.core.management.base import BaseCommand

from fans.maintenance import retention_run


class Command(BaseCommand):
    help = "Delete messages and events older than the retention period (RETENTION_MONTHS, 24 by default)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        run = retention_run(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"Older than {run.cutoff:%Y-%m-%d}: {verb} {run.counts}")
