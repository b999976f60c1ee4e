"""Run a command with the database behind an own PgBouncer in transaction pooling mode.

    python -m scripts.with_pgbouncer TEST_DATABASE -- COMMAND...

PgBouncer (Debian's, running as the postgres user) listens on a free loopback port in front of the
PostgreSQL of DATABASE_URL (127.0.0.1:5432 by default); the command gets DATABASE_URL pointing at
it and DB_TRANSACTION_POOLING=true. PgBouncer keeps server connections to the test database open,
so the test database is dropped here, directly, once PgBouncer is stopped (pytest keeps it:
--reuse-db). Fails when PgBouncer served no transaction: the run did not go through it.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import psycopg
from psycopg import sql

START_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def config(workdir: Path, port: int, upstream, user: str) -> Path:
    (workdir / "users.txt").write_text(f'"{user}" ""\n')
    ini = workdir / "pgbouncer.ini"
    ini.write_text(f"""[databases]
* = host={upstream.hostname or "127.0.0.1"} port={upstream.port or 5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {workdir / "users.txt"}
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
admin_users = {user}
logfile = {workdir / "pgbouncer.log"}
log_connections = 0
log_disconnections = 0
""")
    shutil.chown(workdir, "postgres")
    for path in workdir.iterdir():
        shutil.chown(path, "postgres")
    return ini


def connect(port: int, dbname: str, user: str) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=port, user=user, dbname=dbname, autocommit=True,
                           connect_timeout=2, prepare_threshold=None)


def wait_for(port: int, user: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            connect(port, "pgbouncer", user).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # poll interval inside the deadline


def transactions_served(port: int, user: str) -> int:
    with connect(port, "pgbouncer", user) as admin:
        rows = admin.cursor().execute("SHOW STATS").fetchall()
    return sum(row[1] for row in rows if row[0] != "pgbouncer")


def main(argv: list[str]) -> int:
    test_database, command = argv[0], argv[argv.index("--") + 1:]
    upstream = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fanmemory"))
    user = upstream.username or "postgres"
    workdir, port = Path(tempfile.mkdtemp(prefix="fm-pgbouncer-")), free_port()
    bouncer = subprocess.Popen(["pgbouncer", "--quiet", "--user", "postgres", str(config(workdir, port, upstream, user))])
    try:
        wait_for(port, user)
        url = upstream._replace(netloc=f"{user}@127.0.0.1:{port}").geturl()
        status = subprocess.call(command, env={**os.environ, "DATABASE_URL": url, "DB_TRANSACTION_POOLING": "true",
                                               "TEST_DATABASE_NAME": test_database})
        served = transactions_served(port, user)
        print(f"PgBouncer (transaction pooling) served {served} transactions")
        return status or (0 if served else 1)
    finally:
        bouncer.terminate()
        bouncer.wait()
        with psycopg.connect(host=upstream.hostname or "127.0.0.1", port=upstream.port or 5432, user=user,
                             dbname="postgres", autocommit=True) as direct:
            direct.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(test_database)))
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
