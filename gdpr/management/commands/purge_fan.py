import orjson
from django.core.management.base import BaseCommand

from core.management.ids import checked_fan
from gdpr.models import AccessAction
from gdpr.services import erasure_request, erasure_run

from ._access import add_reason_argument, record_cli_access


class Command(BaseCommand):
    help = "Erase everything held on a fan for a creator now, and print the proof (counts only)."

    def add_arguments(self, parser):
        parser.add_argument("creator_id")
        parser.add_argument("fan_id")
        add_reason_argument(parser)

    def handle(self, *args, creator_id, fan_id, reason, **options):
        checked_fan(creator_id, fan_id)
        record_cli_access("purge_fan", action=AccessAction.ERASE, creator_id=creator_id, fan_id=fan_id, reason=reason)
        request = erasure_request(creator_id=creator_id, fan_id=fan_id, requested_by="purge_fan command")
        request = erasure_run(request_id=request.pk)
        self.stdout.write(orjson.dumps({"request_id": str(request.pk), "status": request.status,
                                        "proof": request.proof}).decode())
