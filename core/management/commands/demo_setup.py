from django.core.management.base import BaseCommand

from core.services import api_key_create

DEMO_CREATOR = "demo-creator"


class Command(BaseCommand):
    help = "Create the demo creator and a fresh API key for it, and print how to use it."

    def handle(self, *args, **options):
        raw_key = api_key_create(creator_id=DEMO_CREATOR)
        self.stdout.write(f"\nDemo creator: {DEMO_CREATOR}\nAPI key (shown once):\n\n    export FM_KEY={raw_key}\n")
