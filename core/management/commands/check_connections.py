"""Connect to PostgreSQL, the cache and the broker as the service does, and say which go over TLS."""
import ssl

from celery import current_app
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from redis.cluster import RedisCluster

from core.cache import redis_client


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        on, version, cipher = cursor.fetchone()
    return f"TLS {version} ({cipher})" if on else "not TLS"


def _redis_tls(client) -> str:
    client.ping()
    pool = client.connection_pool
    link = pool.get_connection()
    try:
        sock = link._sock
        return f"TLS {sock.version()} ({sock.cipher()[0]})" if isinstance(sock, ssl.SSLSocket) else "not TLS"
    finally:
        pool.release(link)


def cache() -> str:
    client = redis_client()
    if isinstance(client, RedisCluster):
        client = client.get_redis_connection(client.get_default_node())
    return _redis_tls(client)


def broker() -> str:
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        if conn.transport_cls not in ("redis", "rediss"):
            return f"{conn.transport_cls}: TLS {'on' if conn.ssl else 'off'} (version not inspected)"
        return _redis_tls(conn.default_channel.client)


CHECKS = {"database": database, "cache": cache, "broker": broker}


class Command(BaseCommand):
    help = "Connect to the database, the cache and the broker; print whether each is TLS and its version."

    def add_arguments(self, parser):
        parser.add_argument("--require-tls", action="store_true", help="fail unless every connection is TLS")

    def handle(self, *args, require_tls, **options):
        failed = []
        for name, check in CHECKS.items():
            try:
                state = check()
            except Exception as exc:  # the connection's own error (host, certificate), never data
                state = f"FAILED {type(exc).__name__}: {next(iter(str(exc).strip().splitlines()), '')}"
            if state.startswith("FAILED") or (require_tls and not state.startswith("TLS")):
                failed.append(name)
            self.stdout.write(f"{name}: {state}")
        if failed:
            raise CommandError(f"not connected{' over TLS' if require_tls else ''}: {', '.join(failed)}")
