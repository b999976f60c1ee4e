"""An own PostgreSQL and an own redis-server speaking TLS, with certificates made for the test.

Never the machine's shared servers: each is a new server on a free port, in a temporary directory,
stopped by pid. PostgreSQL accepts only TLS connections (pg_hba `hostssl`, `hostnossl ... reject`).
"""
import datetime
import ipaddress
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import redis
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.faults.processes import START_SECONDS, Process, free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _pem_key(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class Authority:
    """A self-signed CA that signs server certificates for 127.0.0.1 and localhost."""

    def __init__(self, name: str):
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        self.cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(now - datetime.timedelta(minutes=5))
                     .not_valid_after(now + datetime.timedelta(days=1))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                     .sign(self.key, hashes.SHA256()))

    def write_ca(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path

    def issue(self, cert_path: Path, key_path: Path) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        cert = (x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(self.cert.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(minutes=5))
                .not_valid_after(now + datetime.timedelta(days=1))
                .add_extension(x509.SubjectAlternativeName(names), critical=False)
                .sign(self.key, hashes.SHA256()))
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(_pem_key(key))
        key_path.chmod(0o600)


class TlsPostgres(Process):
    """initdb into a new directory and run `postgres` there with ssl=on; as the postgres user when
    the suite runs as root (PostgreSQL refuses to run as root)."""

    def __init__(self, authority: Authority):
        # Not under pytest's tmp_path (private to root): the postgres user must reach the directory.
        self.root = Path(tempfile.mkdtemp(prefix="fm-tls-pg-"))
        super().__init__(self.root, "postgres")
        self.authority, self.port = authority, free_port()
        self.data = self.root / "data"
        self.owner = {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}

    def start(self) -> None:
        cert, key = self.root / "server.crt", self.root / "server.key"
        self.authority.issue(cert, key)
        if self.owner:
            for path in (self.root, cert, key):
                shutil.chown(path, **self.owner)
        subprocess.run([PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync"],
                       check=True, capture_output=True, **self.owner)
        (self.data / "pg_hba.conf").write_text("local all all trust\nhostssl all all 127.0.0.1/32 trust\n"
                                               "hostnossl all all 127.0.0.1/32 reject\n")
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [PG_BIN / "postgres", "-D", self.data, "-p", str(self.port), "-c", "listen_addresses=127.0.0.1",
                 "-c", f"unix_socket_directories={self.root}", "-c", "ssl=on", "-c", f"ssl_cert_file={cert}",
                 "-c", f"ssl_key_file={key}", "-c", "fsync=off"],
                env={"PATH": os.environ["PATH"]}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                **self.owner)
        self.wait_until(self.ready, START_SECONDS, what=f"postgres to accept connections on port {self.port}")

    def ready(self) -> bool:
        try:
            with psycopg.connect(host=str(self.root), port=self.port, user="postgres", dbname="postgres"):
                return True
        except psycopg.OperationalError:
            return False

    def url(self, ca: Path) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres?sslmode=verify-full&sslrootcert={ca}"

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.root, ignore_errors=True)


class TlsRedis(Process):
    """redis-server with only a TLS port (`--port 0`); `protocols` limits the versions it offers."""

    def __init__(self, workdir: Path, authority: Authority, protocols: str = "TLSv1.2 TLSv1.3"):
        super().__init__(workdir, "redis-tls")
        self.authority, self.protocols, self.port = authority, protocols, free_port()

    def start(self) -> None:
        cert, key = self.workdir / "redis.crt", self.workdir / "redis.key"
        self.authority.issue(cert, key)
        self._spawn(["redis-server", "--port", 0, "--tls-port", self.port, "--bind", "127.0.0.1",
                     "--tls-cert-file", cert, "--tls-key-file", key, "--tls-auth-clients", "no",
                     "--tls-protocols", self.protocols, "--save", "", "--appendonly", "no",
                     "--dir", self.workdir], env={})
        self.wait_until(self.ping, START_SECONDS, what=f"redis-server to answer on TLS port {self.port}")

    stop = Process.kill9  # nothing to save

    def ping(self) -> bool:
        try:
            with redis.Redis(port=self.port, ssl=True, ssl_cert_reqs="none", socket_timeout=0.5) as client:
                return client.ping()
        except redis.RedisError:
            return False

    def url(self, db: int = 0) -> str:
        return f"rediss://127.0.0.1:{self.port}/{db}"
