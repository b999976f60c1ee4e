"""TLS to PostgreSQL and Redis: the options the settings give the drivers.

PostgreSQL: DATABASE_URL's own query string (`?sslmode=verify-full&sslrootcert=/path/ca.pem`)
goes to libpq as is; with an sslmode, libpq is also told the lowest TLS version to accept.
Redis (cache, rate limits, broker): a `rediss://` URL is verified against REDIS_CA_FILE (the
system's CAs when unset), host name included, with the same lowest version. Both negotiate
TLS 1.3 whenever the server offers it; TLS_MIN_VERSION=TLSv1.3 refuses anything older.
"""
import ssl

from .startup import refuse

VERSIONS = {"TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.3": ssl.TLSVersion.TLSv1_3}


def min_version(name: str) -> str:
    if name not in VERSIONS:
        refuse(f"TLS_MIN_VERSION must be one of {', '.join(VERSIONS)}, not {name!r}")
    return name


def postgres_options(options: dict, lowest: str) -> dict:
    """libpq options: DATABASE_URL's, plus the lowest TLS version when TLS is asked for."""
    if options.get("sslmode", "disable") != "disable":
        return {**options, "ssl_min_protocol_version": lowest}
    return options


def redis_options(url: str, ca_file: str | None, lowest: str) -> dict:
    """redis-py SSLConnection options for a rediss:// URL; none for redis://."""
    if not url.startswith("rediss://"):
        return {}
    return {"ssl_cert_reqs": "required", "ssl_check_hostname": True, "ssl_ca_certs": ca_file,
            "ssl_min_version": VERSIONS[lowest]}
