import orjson
from django.core.management.base import BaseCommand

from gdpr.services import erasure_request, erasure_run


class Command(BaseCommand):
    help = "Erase everything held on a fan for a creator now, and print the proof (counts only)."

    def add_arguments(self, parser):
        parser.add_argument("creator_id")
        parser.add_argument("fan_id")

    def handle(self, *args, creator_id, fan_id, **options):
        request = erasure_request(creator_id=creator_id, fan_id=fan_id, requested_by="purge_fan command")
        request = erasure_run(request_id=request.pk)
        self.stdout.write(orjson.dumps({"request_id": str(request.pk), "status": request.status,
                                        "proof": request.proof}).decode())
