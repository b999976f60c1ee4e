"""Recompute the segment of every fan with memory (fans known before the facts app, or after a fix)."""
from django.core.management.base import BaseCommand

from core.management.ids import checked_creator
from fans.maintenance import segment_rebuild
from memory.selectors import fans_with_memory_ids


class Command(BaseCommand):
    help = "Recompute spend, lifecycle and VIP of every fan with memory, one fan at a time."

    def add_arguments(self, parser):
        parser.add_argument("--creator", help="only this creator's fans")

    def handle(self, *args, creator=None, **options):
        if creator is not None:
            checked_creator(creator)
        count = 0
        for creator_id, fan_id in fans_with_memory_ids(creator_id=creator):
            segment_rebuild(creator_id=creator_id, fan_id=fan_id)
            count += 1
        self.stdout.write(f"{count} fan segment(s) recomputed")
