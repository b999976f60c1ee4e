#!/usr/bin/env python
import os
import sys

HOW_TO_START = {
    "PostgreSQL": "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    "Redis": "redis-server --daemonize yes --port 6379 --save '' --appendonly no",
}


def unreachable_service(exc: BaseException) -> str | None:
    """Which backing service a connection error comes from, if any."""
    import psycopg
    import redis
    from django.db.utils import OperationalError

    if isinstance(exc, (OperationalError, psycopg.OperationalError)) and "connect" in str(exc).lower():
        return "PostgreSQL"
    if isinstance(exc, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)):
        return "Redis"
    return None


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except Exception as exc:
        service = unreachable_service(exc)
        if service is None:
            raise
        sys.stderr.write(service_problem(service, exc) + "\n")
        sys.exit(2)


def service_problem(service: str, exc: BaseException) -> str:
    from core.db.causes import UNREACHABLE, connection_cause

    cause = connection_cause(str(exc)) if service == "PostgreSQL" else UNREACHABLE
    if cause != UNREACHABLE:
        return f"PostgreSQL refused the connection: {cause}."
    return (f"{service} is unreachable ({type(exc).__name__}): start it with `{HOW_TO_START[service]}`"
            " or set DATABASE_URL / REDIS_URL.")


if __name__ == "__main__":
    main()
