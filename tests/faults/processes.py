"""Real processes for the fault tests, each started by start() and ended by pid by stop().

RedisServer, RabbitMQServer, LiveServer and CeleryWorker are subprocesses in their own process
group, with their output in `<workdir>/<name>.log` (shown when one exits early) and an environment
made only of what the test passes (and PATH): nothing leaks from the test process, e.g.
settings_test's CELERY_TASK_ALWAYS_EAGER. PgProxy runs in threads of the test process. Nothing here stops, pauses
or flushes the machine's shared PostgreSQL, Redis or RabbitMQ.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from contextlib import suppress
from pathlib import Path

import amqp
import orjson
import redis
from celery import Celery
from redis.backoff import NoBackoff
from redis.retry import Retry

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_SECONDS = 30
STOP_SECONDS = 10
REQUEST_SECONDS = 2
# Identical to GRANIAN_OPTIONS in the Makefile (serve-granian): the tests run the server as production does.
GRANIAN_OPTIONS = ["--interface", "wsgi", "--no-ws", "--respawn-failed-workers"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.05, what: str = "the condition"):
    """Poll `predicate` until it returns something truthy, and return that; fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)
    return value


class Process:
    def __init__(self, workdir: Path, name: str):
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir, self.name = workdir, name
        self.log_path = workdir / f"{name}.log"

    def _spawn(self, command: list, env: dict) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [str(part) for part in command], cwd=ROOT, env={"PATH": os.environ["PATH"], **env},
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_until(self, predicate, timeout: float, interval: float = 0.05, what: str = "the condition"):
        """wait_until(), failing at once with the log if the process exits meanwhile."""
        def check():
            assert self.alive(), f"{self.name} exited ({self.process.returncode}) waiting for {what}:\n{self.log()}"
            return predicate()
        return wait_until(check, timeout, interval, what)

    def kill9(self) -> None:
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        """SIGTERM and wait; then SIGKILL what is left of its group (the workers of a kill9'd server)."""
        self.process.terminate()
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(STOP_SECONDS)
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait()


class RedisServer(Process):
    """An own redis-server on a free port, without persistence: restart() brings it back empty."""

    def __init__(self, workdir: Path):
        super().__init__(workdir, "redis")
        self.port = free_port()

    def start(self) -> None:
        self._spawn(["redis-server", "--bind", "127.0.0.1", "--port", self.port, "--save", "",
                     "--appendonly", "no", "--dir", self.workdir], env={})
        self.wait_until(self.ping, START_SECONDS, what=f"redis-server to answer on port {self.port}")

    stop = Process.kill9  # nothing to save, and SIGKILL also ends a paused server

    def restart(self) -> None:
        self.kill9()
        self.start()

    def pause(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.pid, signal.SIGCONT)

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0, **options) -> redis.Redis:
        """A client that does not retry (as the app's django-redis one): a fault shows at once."""
        return redis.Redis(port=self.port, db=db, retry=Retry(NoBackoff(), 0), **options)

    def ping(self) -> bool:
        try:
            with self.client(socket_timeout=0.5) as client:
                return client.ping()
        except redis.RedisError:
            return False


class RabbitMQServer(Process):
    """An own RabbitMQ node (its own name, port and data directory, run as the rabbitmq user):
    kill9() ends the whole node; start() again brings it back on the same port and data."""

    def __init__(self, workdir: Path):
        super().__init__(workdir, "rabbitmq")
        self.port = free_port()
        self.data = Path(tempfile.mkdtemp(prefix="fm-rabbitmq-"))  # the rabbitmq user cannot enter pytest's tmp
        (self.data / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{self.port}\n")
        (self.data / "enabled_plugins").write_text("[].\n")
        shutil.chown(self.data, "rabbitmq", "rabbitmq")
        self.env = {"RABBITMQ_NODENAME": f"fm{self.port}@localhost", "RABBITMQ_DIST_PORT": str(free_port()),
                    "RABBITMQ_CONFIG_FILE": self.data / "rabbitmq.conf",
                    "RABBITMQ_ENABLED_PLUGINS_FILE": self.data / "enabled_plugins",
                    "RABBITMQ_MNESIA_BASE": self.data / "mnesia", "RABBITMQ_LOG_BASE": self.data / "log",
                    "RABBITMQ_FEATURE_FLAGS_FILE": self.data / "feature_flags",
                    "RABBITMQ_PID_FILE": self.data / "pid"}

    def start(self) -> None:
        self._spawn(["rabbitmq-server"], env={name: str(value) for name, value in self.env.items()})
        self.wait_until(self.answers, START_SECONDS, what=f"RabbitMQ to answer on port {self.port}")

    def kill9(self) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)  # the node runs under su, in the group of its script
        self.process.wait()

    def stop(self) -> None:
        self.kill9()
        shutil.rmtree(self.data, ignore_errors=True)

    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}//"

    def answers(self) -> bool:
        try:
            with amqp.Connection(f"127.0.0.1:{self.port}", connect_timeout=0.5) as connection:
                return connection.connected
        except (OSError, amqp.exceptions.AMQPError):
            return False


class PgProxy:
    """A TCP proxy in front of PostgreSQL, in threads of the test process.

    normal: forwards both ways. cut(): closes every connection and closes new ones at once (the
    database is gone). stall(): accepts and reads, forwards nothing, old and new connections alike
    (a hung database: nothing answers, nothing is refused). restore(): normal; held bytes go on.
    """

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self._lock = threading.Lock()
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._cut = False
        self._flowing = threading.Event()
        self._flowing.set()

    def start(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def stop(self) -> None:
        self._listener.shutdown(socket.SHUT_RDWR)  # wakes accept()
        self._listener.close()
        self.cut()

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            pairs = list(self._pairs)
        for pair in pairs:
            self._drop(pair)
        self._flowing.set()  # held bytes now meet closed sockets

    def stall(self) -> None:
        self._flowing.clear()

    def restore(self) -> None:
        self._cut = False
        self._flowing.set()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # stop()
                return
            with self._lock:
                if self._cut:
                    client.close()
                    continue
                try:
                    pair = (client, socket.create_connection(self.upstream))
                except OSError:  # PostgreSQL refuses: so does the proxy
                    client.close()
                    continue
                self._pairs.add(pair)
            for source, sink in (pair, pair[::-1]):
                threading.Thread(target=self._pump, args=(source, sink, pair), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, pair) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                self._flowing.wait()
                sink.sendall(data)
        self._drop(pair)

    def _drop(self, pair) -> None:
        with self._lock:
            self._pairs.discard(pair)
        for sock in pair:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the pump blocked in recv()
            sock.close()


class LiveServer(Process):
    """The WSGI app under granian as `make serve` runs it, with `env` as its whole environment."""

    def __init__(self, env: dict, workdir: Path, workers: int = 2):
        super().__init__(workdir, "granian")
        self.env, self.workers = env, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        metrics = self.workdir / "metrics"  # as make serve: the workers share their samples there
        metrics.mkdir(exist_ok=True)
        self._spawn([BIN / "granian", *GRANIAN_OPTIONS, "--host", "127.0.0.1", "--port", self.port,
                     "--workers", self.workers, "--blocking-threads", 2, "config.wsgi:application"],
                    env={**self.env, "PROMETHEUS_MULTIPROC_DIR": str(metrics)})
        self.wait_until(lambda: self.request("/healthz")[0] == 200 and len(self.worker_pids()) == self.workers
                        and self.workers_started(), START_SECONDS, what=f"granian to start {self.workers} workers")

    def worker_pids(self) -> list[int]:
        """The server's child processes, read from /proc: its workers."""
        return sorted(int(pid) for children in Path(f"/proc/{self.pid}/task").glob("*/children")
                      for pid in children.read_text().split())

    def workers_started(self) -> bool:
        """Every worker granian spawned has loaded the app, by its log. Until then a SIGTERM that
        reaches the worker is lost and granian's shutdown waits for it forever (granian 2.8.7)."""
        log = self.log()
        return log.count("] Spawning worker-") == log.count("] Started worker-")

    def request(self, path: str, body=None, key: str | None = None, method: str | None = None,
                timeout: float = REQUEST_SECONDS) -> tuple[int | None, bytes]:
        """GET `path` (POST `body` as JSON if given, or `method`); (status, body), or (None, b"") when
        nothing answers within `timeout` s."""
        headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {key}"} if key else {})}
        request = urllib.request.Request(self.url + path, None if body is None else orjson.dumps(body), headers,
                                         method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError:
            return None, b""


class CeleryWorker(Process):
    """One Celery worker, pool solo: the task runs in the worker's only process, so kill9() ends the
    task mid-way together with the broker connection (acks_late: the broker still holds the task)."""

    def __init__(self, env: dict, workdir: Path):
        super().__init__(workdir, "celery")
        self.env = env
        self.hostname = f"faults-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"

    def start(self) -> None:
        self._spawn([BIN / "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1", "--loglevel=WARNING",
                     "--hostname", self.hostname, "--without-heartbeat", "--without-gossip", "--without-mingle"],
                    env=self.env)
        # not the current app: the test process's own tasks keep theirs
        with Celery(broker=self.env["CELERY_BROKER_URL"], set_as_current=False) as app:
            self.wait_until(lambda: app.control.ping([self.hostname], timeout=0.5), START_SECONDS,
                            what=f"{self.hostname} to answer ping")
