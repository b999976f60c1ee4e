"""Index the messages saved before the recall index existed (or under a learner list without it).

Resumable: each message is indexed and marked in its own transaction, so a stopped run starts again
where it was."""
from django.core.management.base import BaseCommand
from tqdm import tqdm

from core.management.ids import checked_creator
from fans.learning import catch_up
from memory.selectors import events_missing


class Command(BaseCommand):
    help = "Build the recall index for saved messages not yet in it."

    def add_arguments(self, parser):
        parser.add_argument("--creator", help="only this creator's messages")

    def handle(self, *args, creator=None, **options):
        if creator is not None:
            checked_creator(creator)
        events = events_missing(learner="recall", creator_id=creator)
        indexed = sum(catch_up(event_pk=pk, learner_name="recall")
                      for pk in tqdm(events, unit="message", disable=None, file=self.stderr))
        self.stdout.write(f"{indexed} message(s) indexed")
