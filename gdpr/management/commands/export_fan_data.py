from pathlib import Path

import orjson
from django.core.management.base import BaseCommand

from core.management.ids import checked_fan
from gdpr.models import AccessAction
from gdpr.services import fan_data_export

from ._access import add_reason_argument, record_cli_access


class Command(BaseCommand):
    help = "Print (or write to --output) every datum held on a fan for a creator, decrypted, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("creator_id")
        parser.add_argument("fan_id")
        parser.add_argument("--output", help="file to write instead of stdout")
        add_reason_argument(parser)

    def handle(self, *args, creator_id, fan_id, output=None, reason, **options):
        checked_fan(creator_id, fan_id)
        record_cli_access("export_fan_data", action=AccessAction.EXPORT, creator_id=creator_id, fan_id=fan_id,
                          reason=reason)
        document = orjson.dumps(fan_data_export(creator_id=creator_id, fan_id=fan_id),
                                default=str, option=orjson.OPT_INDENT_2)
        if output:
            Path(output).write_bytes(document)
            self.stderr.write(f"Written to {output}.")
        else:
            self.stdout.write(document.decode())
