"""Index the messages saved before the recall index existed (or under a learner list without it);
with --stale, also those indexed in an older format or under an older key.

Resumable: each message is indexed and marked in its own transaction, so a stopped run starts again
where it was (stale entries are first marked as not indexed, BATCH at a time)."""
from django.core.management.base import BaseCommand
from tqdm import tqdm

from core.management.ids import checked_creator
from fans.learning import catch_up
from memory.selectors import events_missing
from memory.services import events_learner_undo
from recall.selectors import stale_entries

BATCH = 1000


class Command(BaseCommand):
    help = "Build the recall index for saved messages not yet in it."

    def add_arguments(self, parser):
        parser.add_argument("--creator", help="only this creator's messages")
        parser.add_argument("--stale", action="store_true",
                            help="also re-index entries of an older format or under an older key")

    def handle(self, *args, creator=None, stale=False, **options):
        if creator is not None:
            checked_creator(creator)
        if stale:
            for creator_id, event_ids in stale_entries(creator_id=creator).items():
                for start in range(0, len(event_ids), BATCH):
                    events_learner_undo(creator_id=creator_id, event_ids=event_ids[start:start + BATCH],
                                        learner="recall")
        events = events_missing(learner="recall", creator_id=creator)
        indexed = sum(catch_up(event_pk=pk, learner_name="recall")
                      for pk in tqdm(events, unit="message", disable=None, file=self.stderr))
        self.stdout.write(f"{indexed} message(s) indexed")
