from django.core.management.base import BaseCommand

from core.management.ids import checked_id
from core.services import api_key_create


class Command(BaseCommand):
    help = "Create a creator if needed and a new API key for it. The key is printed once, alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("creator_id")

    def handle(self, *args, creator_id, **options):
        checked_id("creator_id", creator_id)
        raw_key = api_key_create(creator_id=creator_id)
        self.stderr.write(f"API key for creator {creator_id} (store it now: it is not kept):")
        self.stdout.write(raw_key)
