"""`make run`'s demo creator and key. Keys are stored only hashed, so the raw demo key is kept in
a git-ignored local file (.run/demo-key) to be reused by the next run; when that file is missing
or its key no longer works, the creator's earlier keys are revoked and a new one is written there."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.auth import hash_key
from core.models import ApiKey
from core.selectors import active_key_creator
from core.services import api_key_create, api_key_revoke

DEMO_CREATOR = "demo-creator"


class Command(BaseCommand):
    help = "Create the demo creator and its API key (reused from .run/demo-key), and print how to use it."

    def add_arguments(self, parser):
        parser.add_argument("--key-file", default=str(Path(settings.BASE_DIR) / ".run" / "demo-key"))

    def handle(self, *args, key_file, **options):
        path = Path(key_file)
        raw_key = path.read_text().strip() if path.exists() else ""
        if raw_key and active_key_creator(key_hash=hash_key(raw_key)) == DEMO_CREATOR:
            said = f"Reusing the demo key kept in {path}."
        else:
            revoked = self._revoke_demo_keys()
            raw_key = api_key_create(creator_id=DEMO_CREATOR)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(raw_key + "\n")
            said = f"New demo key, kept in {path}; {revoked} earlier demo key(s) revoked."
        self.stdout.write(f"\nDemo creator: {DEMO_CREATOR}\n{said}\n\n    export FM_KEY={raw_key}\n")

    @staticmethod
    def _revoke_demo_keys() -> int:
        prefixes = ApiKey.objects.filter(creator_id=DEMO_CREATOR, revoked_at__isnull=True).values_list("prefix", flat=True)
        return sum(api_key_revoke(prefix=prefix) for prefix in list(prefixes))
