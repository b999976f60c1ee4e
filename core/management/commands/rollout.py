from django.core.management.base import BaseCommand, CommandError

from core import rollout
from core.models import Creator


class Command(BaseCommand):
    help = ("Show or change the rollout switches (seen by every process within SWITCH_CACHE_SECONDS): "
            "--read-only on|off, --creator ID --percent N (the share of its fans with calibration and recall).")

    def add_arguments(self, parser):
        parser.add_argument("--read-only", choices=["on", "off"])
        parser.add_argument("--retry-after", type=int, help="seconds, the Retry-After of refused writes")
        parser.add_argument("--creator")
        parser.add_argument("--percent", type=int)

    def handle(self, *args, read_only, retry_after, creator, percent, **options):
        if (creator is None) != (percent is None):
            raise CommandError("--creator and --percent go together.")
        if retry_after is not None and (read_only is None or retry_after < 1):
            raise CommandError("--retry-after (1 or more seconds) goes with --read-only.")
        if read_only is not None:
            rollout.read_only_set(on=read_only == "on", retry_after=retry_after)
        if creator is not None:
            try:
                rollout.share_set(creator_id=creator, percent=percent)
            except (ValueError, LookupError) as exc:
                raise CommandError(str(exc)) from None
        self._show()

    def _show(self):
        mode = rollout.service_mode()
        state = f"read-only (writes answer 503, Retry-After {mode.retry_after_seconds})" if mode.read_only else "normal"
        self.stdout.write(f"service mode: {state}")
        for creator_id, percent in Creator.objects.exclude(rollout_percent=100).order_by("pk").values_list(
                "pk", "rollout_percent"):
            self.stdout.write(f"creator {creator_id}: {percent}% of fans with calibration and recall")
        self.stdout.write("every other creator: 100%")
