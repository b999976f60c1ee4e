"""What the fan-data commands share: the audit line of the access log."""
import getpass

from gdpr.services import access_record


def add_reason_argument(parser) -> None:
    parser.add_argument("--reason", default="command line", help="ticket id or reason, written to the access log")


def record_cli_access(command: str, *, action: str, creator_id: str, fan_id: str, reason: str) -> None:
    access_record(action=action, creator_id=creator_id, fan_id=fan_id, reason=reason,
                  via=f"manage.py {command} (user {getpass.getuser()})")
