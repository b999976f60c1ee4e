"""One clear line when PostgreSQL or Redis is not reachable, instead of a traceback."""
import os
import socket
import sys
from urllib.parse import unquote, urlparse

DEFAULTS = {
    "PostgreSQL": ("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fanmemory",
                   "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", 5432),
    "Redis": ("REDIS_URL", "redis://127.0.0.1:6379/0",
              "redis-server --daemonize yes --port 6379 --save '' --appendonly no", 6379),
}


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def postgres_login_problem(url) -> str | None:
    """Why PostgreSQL refuses this URL's login (None: it accepts it). The database itself may be
    missing: `make migrate` creates it, so the login is tried on the `postgres` database."""
    import psycopg

    from core.db.causes import connection_cause

    try:
        psycopg.connect(host=url.hostname or "127.0.0.1", port=url.port or 5432, user=unquote(url.username or ""),
                        password=unquote(url.password or ""), dbname="postgres", connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        return connection_cause(str(exc))
    return None


def main() -> int:
    for service, (variable, default, how_to_start, default_port) in DEFAULTS.items():
        url = urlparse(os.environ.get(variable, default))
        host, port = url.hostname or "127.0.0.1", url.port or default_port
        if not reachable(host, port):
            sys.stderr.write(f"{service} is not reachable at {host}:{port} ({variable}): start it with `{how_to_start}`.\n")
            return 1
        problem = postgres_login_problem(url) if service == "PostgreSQL" else None
        if problem:
            sys.stderr.write(f"PostgreSQL at {host}:{port} refused the login ({variable}): {problem}.\n")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
