"""Production settings refuse to start without real keys; keys come from the environment, a file or
the key provider. Each case runs a real process (manage.py, the Celery worker, the WSGI module)."""
import hashlib
import subprocess
import sys

import pytest

from core import keyprovider
from core.startup import DEV_ENCRYPTION_KEY, DEV_SECRET_KEY
from tests.conftest import message, post
from tests.faults.processes import ROOT
from tests.personality.test_worker import test_database_url

RUN_SECONDS = 60
REAL_SECRET = "s" * 20 + "-a-real-secret-key-from-the-store"
REAL_FIELD_KEY = "f" * 20 + "-a-real-field-encryption-key-xyz"
# Prints a digest of each key the process ended up with (never the key).
SHOW_KEYS = ("import hashlib, config; from django.conf import settings; "
             "print(*(hashlib.sha256(k.encode()).hexdigest() for k in (settings.SECRET_KEY, settings.FIELD_ENCRYPTION_KEY)))")


def run(*command, **env) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", "WARMUP": "false", **env}
    return subprocess.run([*command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_SECONDS)


def refused(result) -> str:
    """The one line of a refused start (and nothing else on stderr)."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1 and lines[0].startswith("fan-memory refuses to start: "), result.stderr
    return lines[0]


def digests(result) -> list[str]:
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def sha(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


PROGRAMS = {
    "manage.py": [sys.executable, "manage.py", "check"],
    "celery worker": [f"{ROOT}/.venv/bin/celery", "-A", "config", "worker", "--pool=solo"],
    "celery beat": [f"{ROOT}/.venv/bin/celery", "-A", "config", "beat"],
    "wsgi": [sys.executable, "-c", "import config.wsgi"],
}


@pytest.mark.parametrize("program", PROGRAMS)
def test_no_keys_no_start(program):
    line = refused(run(*PROGRAMS[program]))
    assert "SECRET_KEY is not set" in line and "FIELD_ENCRYPTION_KEY is not set" in line


@pytest.mark.parametrize("keys, problem", [
    ({"SECRET_KEY": DEV_SECRET_KEY, "FIELD_ENCRYPTION_KEY": REAL_FIELD_KEY}, "SECRET_KEY is a development key"),
    ({"SECRET_KEY": REAL_SECRET, "FIELD_ENCRYPTION_KEY": DEV_ENCRYPTION_KEY}, "FIELD_ENCRYPTION_KEY is a development key"),
    ({"SECRET_KEY": REAL_SECRET, "FIELD_ENCRYPTION_KEY": "short"}, "FIELD_ENCRYPTION_KEY is shorter than 32"),
])
def test_development_or_short_keys_are_refused(keys, problem):
    assert problem in refused(run(*PROGRAMS["manage.py"], **keys))


def test_real_keys_from_the_environment_start():
    result = run(sys.executable, "-c", SHOW_KEYS, SECRET_KEY=REAL_SECRET, FIELD_ENCRYPTION_KEY=REAL_FIELD_KEY)
    assert digests(result) == [sha(REAL_SECRET), sha(REAL_FIELD_KEY)]


def test_development_settings_start_with_the_development_keys():
    result = run(sys.executable, "-c", SHOW_KEYS, DJANGO_SETTINGS_MODULE="config.settings_dev")
    assert digests(result) == [sha(DEV_SECRET_KEY), sha(DEV_ENCRYPTION_KEY)]


def test_keys_from_files(tmp_path):
    (tmp_path / "secret").write_text(REAL_SECRET + "\n")  # a trailing newline, as editors and `echo` leave
    (tmp_path / "field").write_text(REAL_FIELD_KEY)
    result = run(sys.executable, "-c", SHOW_KEYS, SECRET_KEY_FILE=str(tmp_path / "secret"),
                 FIELD_ENCRYPTION_KEY_FILE=str(tmp_path / "field"))
    assert digests(result) == [sha(REAL_SECRET), sha(REAL_FIELD_KEY)]


def test_a_missing_file_or_two_sources_is_one_line(tmp_path):
    line = refused(run(*PROGRAMS["manage.py"], SECRET_KEY_FILE=str(tmp_path / "nowhere"),
                       FIELD_ENCRYPTION_KEY=REAL_FIELD_KEY))
    assert "SECRET_KEY_FILE: cannot read" in line
    line = refused(run(*PROGRAMS["manage.py"], SECRET_KEY=REAL_SECRET, SECRET_KEY_FILE=str(tmp_path / "x"),
                       FIELD_ENCRYPTION_KEY=REAL_FIELD_KEY))
    assert "SECRET_KEY and SECRET_KEY_FILE are all set" in line


def keyprovider_cli(*args, stdin: str | None = None, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.keyprovider", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, env={"PATH": "/usr/bin:/bin", **env}, timeout=RUN_SECONDS)


def test_a_key_wrapped_by_the_file_provider(tmp_path):
    kek, wrapped = tmp_path / "kek", tmp_path / "field.wrapped"
    assert keyprovider_cli("new-kek", str(kek)).returncode == 0
    assert keyprovider_cli("wrap", "--stdin", str(wrapped), stdin=REAL_FIELD_KEY,
                           KEY_ENCRYPTION_KEY_FILE=str(kek)).returncode == 0
    assert REAL_FIELD_KEY not in wrapped.read_text() and oct(wrapped.stat().st_mode)[-3:] == "600"
    result = run(sys.executable, "-c", SHOW_KEYS, SECRET_KEY=REAL_SECRET, KEY_PROVIDER="file",
                 KEY_ENCRYPTION_KEY_FILE=str(kek), FIELD_ENCRYPTION_KEY_WRAPPED_FILE=str(wrapped))
    assert digests(result) == [sha(REAL_SECRET), sha(REAL_FIELD_KEY)]

    other_kek = tmp_path / "other-kek"
    keyprovider_cli("new-kek", str(other_kek))
    line = refused(run(*PROGRAMS["manage.py"], SECRET_KEY=REAL_SECRET, KEY_ENCRYPTION_KEY_FILE=str(other_kek),
                       FIELD_ENCRYPTION_KEY_WRAPPED_FILE=str(wrapped)))
    assert "cannot be opened with this key-encryption key" in line and REAL_FIELD_KEY not in line


def test_a_new_data_key_is_long_random_text(tmp_path):
    kek = tmp_path / "kek"
    keyprovider_cli("new-kek", str(kek))
    provider = keyprovider.FileKeyProvider(str(kek))
    for name in ("a", "b"):
        assert keyprovider_cli("wrap", str(tmp_path / name), KEY_ENCRYPTION_KEY_FILE=str(kek)).returncode == 0
    first, second = (provider.unwrap((tmp_path / name).read_bytes()).decode() for name in ("a", "b"))
    assert first != second and len(first) >= 32
    assert keyprovider_cli("new-kek", str(kek)).returncode == 1  # never overwrites a key


def test_the_file_provider_refuses_a_tampered_key(tmp_path):
    kek = tmp_path / "kek"
    keyprovider_cli("new-kek", str(kek))
    provider = keyprovider.FileKeyProvider(str(kek))
    wrapped = bytearray(provider.wrap(b"a data key of enough length to matter"))
    wrapped[-3] = ord("A") if wrapped[-3] != ord("A") else ord("B")
    with pytest.raises(keyprovider.KeyProviderError):
        provider.unwrap(bytes(wrapped))
    with pytest.raises(keyprovider.KeyProviderError, match="KEY_PROVIDER"):
        keyprovider.provider_from({"KEY_PROVIDER": "vault"})


def test_rows_encrypted_before_are_read_with_the_key_wrapped(api, tmp_path, settings):
    """Moving a key into the provider changes nothing for the data: same key, same rows."""
    post(api, message(content="said before the key moved"))
    kek, wrapped = tmp_path / "kek", tmp_path / "field.wrapped"
    keyprovider_cli("new-kek", str(kek))
    keyprovider_cli("wrap", "--stdin", str(wrapped), stdin=settings.FIELD_ENCRYPTION_KEY,
                    KEY_ENCRYPTION_KEY_FILE=str(kek))
    result = run(sys.executable, "manage.py", "export_fan_data", "creator_a", "f_1", DATABASE_URL=test_database_url(),
                 REDIS_URL=settings.REDIS_URL, SECRET_KEY=settings.SECRET_KEY, KEY_ENCRYPTION_KEY_FILE=str(kek),
                 FIELD_ENCRYPTION_KEY_WRAPPED_FILE=str(wrapped))
    assert result.returncode == 0, result.stderr
    assert "said before the key moved" in result.stdout
