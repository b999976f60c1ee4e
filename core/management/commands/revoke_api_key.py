from django.core.management.base import BaseCommand, CommandError

from core.services import api_key_revoke


class Command(BaseCommand):
    help = "Revoke the API key with this prefix (the 8 characters after 'fm_')."

    def add_arguments(self, parser):
        parser.add_argument("prefix")

    def handle(self, *args, prefix, **options):
        if not api_key_revoke(prefix=prefix.removeprefix("fm_").split("_")[0]):
            raise CommandError("No active key with this prefix.")
        self.stdout.write("Revoked.")
