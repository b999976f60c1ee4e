"""TLS to PostgreSQL, the cache and the broker, against servers the test starts with its own CA.

`manage.py check_connections` runs with production settings (config.settings) and the environment
an operator would set: DATABASE_URL with sslmode=verify-full and sslrootcert, rediss:// URLs and
REDIS_CA_FILE. It connects as the service does and reads the negotiated version from each server
(PostgreSQL's pg_stat_ssl, the Redis socket).
"""
import subprocess
import sys

import pytest

from tests.conftest import process_keys
from tests.faults.processes import ROOT

from .servers import Authority, TlsPostgres, TlsRedis

RUN_SECONDS = 60


@pytest.fixture(scope="module")
def authority():
    return Authority("fan-memory test CA")


@pytest.fixture(scope="module")
def postgres(authority):
    server = TlsPostgres(authority)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_tls(authority, tmp_path):
    server = TlsRedis(tmp_path / "redis", authority)
    server.start()
    yield server
    server.stop()


def check_connections(postgres, redis_server, ca, **extra) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", "WARMUP": "false",
           "DATABASE_URL": postgres.url(ca), "REDIS_URL": redis_server.url(0),
           "CELERY_BROKER_URL": redis_server.url(1), "REDIS_CA_FILE": str(ca), **process_keys(), **extra}
    return subprocess.run([sys.executable, "manage.py", "check_connections", "--require-tls"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=RUN_SECONDS)


def states(result) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)


def test_every_connection_is_verified_tls_1_3(postgres, redis_tls, authority, tmp_path):
    result = check_connections(postgres, redis_tls, authority.write_ca(tmp_path / "ca.pem"))
    assert result.returncode == 0, result.stdout + result.stderr
    found = states(result)
    for name in ("database", "cache", "broker"):
        assert found[name].startswith("TLS TLSv1.3 "), found


def test_a_server_certificate_from_another_ca_is_refused(postgres, redis_tls, tmp_path):
    stranger = Authority("someone else").write_ca(tmp_path / "other-ca.pem")
    result = check_connections(postgres, redis_tls, stranger)
    assert result.returncode != 0
    found = states(result)
    for name in ("database", "cache", "broker"):
        assert found[name].startswith("FAILED") and "certificate verify failed" in found[name], found


def test_tls_min_version_is_honoured(postgres, authority, tmp_path):
    ca = authority.write_ca(tmp_path / "ca.pem")
    old_redis = TlsRedis(tmp_path / "old-redis", authority, protocols="TLSv1.2")
    old_redis.start()
    try:
        default = check_connections(postgres, old_redis, ca)
        strict = check_connections(postgres, old_redis, ca, TLS_MIN_VERSION="TLSv1.3")
    finally:
        old_redis.stop()
    assert default.returncode == 0 and states(default)["cache"].startswith("TLS TLSv1.2 "), default.stdout
    assert strict.returncode != 0
    assert states(strict)["cache"].startswith("FAILED") and states(strict)["database"].startswith("TLS TLSv1.3 ")


def test_a_bad_tls_min_version_is_one_line(postgres, redis_tls, authority, tmp_path):
    result = check_connections(postgres, redis_tls, authority.write_ca(tmp_path / "ca.pem"), TLS_MIN_VERSION="SSLv3")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "fan-memory refuses to start: TLS_MIN_VERSION must be one of TLSv1.2, TLSv1.3, not 'SSLv3'"]
