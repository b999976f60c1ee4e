from django.core.management.base import BaseCommand, CommandError

from core.services import api_key_create
from core.validators import platform_id_validator


class Command(BaseCommand):
    help = "Create a creator if needed and a new API key for it. The key is printed once, alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("creator_id")

    def handle(self, *args, creator_id, **options):
        try:
            platform_id_validator(creator_id)
        except Exception:
            raise CommandError("creator_id must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -")
        raw_key = api_key_create(creator_id=creator_id)
        self.stderr.write(f"API key for creator {creator_id} (store it now: it is not kept):")
        self.stdout.write(raw_key)
