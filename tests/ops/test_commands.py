"""Operator commands: bad or unknown ids are one line and a non-zero exit; every export and purge
is in the access log; `make run`'s demo key is reused, or the earlier ones revoked."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from core.auth import hash_key
from core.models import ApiKey
from core.selectors import active_key_creator
from gdpr.models import AccessLog
from memory.models import FanMemory
from tests.conftest import message, post

ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize("command", ["export_fan_data", "purge_fan"])
@pytest.mark.parametrize("creator_id, fan_id, says", [
    ("no-such-creator", "f_1", "Unknown creator 'no-such-creator'."),
    ("creator_a", "f_never_seen", "Creator 'creator_a' holds nothing on this fan id."),
    ("creator_a", "bad/id", "fan_id must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."),
    ("bad creator", "f_1", "creator_id must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."),
])
def test_fan_commands_refuse_unknown_and_bad_ids(api, command, creator_id, fan_id, says):
    post(api, message())
    with pytest.raises(CommandError) as refused:
        call_command(command, creator_id, fan_id)
    assert str(refused.value) == says
    assert FanMemory.objects.count() == 1 and not AccessLog.objects.exists()


def test_a_refusal_is_one_line_and_a_non_zero_exit():
    result = subprocess.run([sys.executable, "manage.py", "purge_fan", "no such creator", "f"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: creator_id must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."]


@pytest.mark.parametrize("command, refusal", [
    (["reindex_memories", "--creator", "nobody"], "Unknown creator 'nobody'."),
    (["reindex_memories", "--creator", "no such"], "creator_id must be"),
    (["create_api_key", "no such creator"], "creator_id must be"),
    (["revoke_api_key", "fm_nope"], "No active key with this prefix."),
])
def test_key_and_index_commands_refuse_bad_input(transactional_db, command, refusal):
    with pytest.raises(CommandError, match=re.escape(refusal)):
        call_command(*command)


def test_segment_rebuild_refuses_an_unknown_creator(transactional_db):
    with pytest.raises(CommandError, match="Unknown creator 'nobody'."):
        call_command("rebuild_fan_segments", "--creator", "nobody")


def test_command_line_exports_and_purges_are_in_the_access_log(api, tmp_path):
    post(api, message())
    call_command("export_fan_data", "creator_a", "f_1", "--output", str(tmp_path / "out.json"), "--reason", "T-9")
    call_command("purge_fan", "creator_a", "f_1")
    log = list(AccessLog.objects.order_by("at").values("staff", "action", "reason", "via", "creator_id"))
    assert [(row["action"], row["reason"], row["staff"]) for row in log] == [
        ("export", "T-9", None), ("erase", "command line", None)]
    assert log[0]["via"].startswith("manage.py export_fan_data (user ") and log[1]["via"].startswith("manage.py purge_fan")
    assert "f_1" not in str(list(AccessLog.objects.values()))


def demo_setup(key_file) -> str:
    from io import StringIO

    out = StringIO()
    call_command("demo_setup", "--key-file", str(key_file), stdout=out)
    return out.getvalue()


def test_the_demo_key_is_reused_then_replaced_with_the_old_ones_revoked(transactional_db, tmp_path):
    key_file = tmp_path / "demo-key"
    first = demo_setup(key_file)
    raw_key = key_file.read_text().strip()
    assert "New demo key" in first and f"export FM_KEY={raw_key}" in first
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    second = demo_setup(key_file)
    assert "Reusing the demo key" in second and f"export FM_KEY={raw_key}" in second
    assert ApiKey.objects.filter(creator_id="demo-creator").count() == 1
    key_file.unlink()
    third = demo_setup(key_file)
    assert "1 earlier demo key(s) revoked" in third
    assert active_key_creator(key_hash=hash_key(raw_key)) is None
    assert active_key_creator(key_hash=hash_key(key_file.read_text().strip())) == "demo-creator"


def test_a_wrong_database_user_is_named_as_a_refused_login():
    env = {**os.environ, "DATABASE_URL": "postgres://no_such_role@127.0.0.1:5432/fanmemory_nowhere",
           "DJANGO_SETTINGS_MODULE": "config.settings_dev"}
    migrate = subprocess.run([sys.executable, "manage.py", "migrate"], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)
    assert migrate.returncode == 2
    assert migrate.stderr.strip() == ("PostgreSQL refused the connection: authentication failed: "
                                      "check the user and password in DATABASE_URL.")
    check = subprocess.run([sys.executable, "-c", "import sys; from scripts.check_services import main; "
                            "sys.exit(main())"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert check.returncode == 1 and "refused the login (DATABASE_URL): authentication failed" in check.stderr
