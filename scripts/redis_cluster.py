"""An own Redis Cluster of three masters on free loopback ports, and a command run against it.

    python -m scripts.redis_cluster -- COMMAND...

The command gets REDIS_CLUSTER_URL (one node's address; the client discovers the others): the hot
cache and the rate limits then live on the cluster, the broker stays where CELERY_BROKER_URL says.
The nodes keep nothing on disk and are stopped by pid when the command ends. Fails when the
cluster served no command: the run did not go through it. The bench and the fault tests start one
with `RedisClusterNodes` the same way.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

START_SECONDS = 20


def free_port() -> int:
    """A free port whose cluster bus port (+10000) is free too."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + 10000 < 65536:
            with socket.socket() as bus:
                try:
                    bus.bind(("127.0.0.1", port + 10000))
                except OSError:
                    continue
            return port


class RedisClusterNodes:
    """`masters` redis-server processes joined by `redis-cli --cluster create`, no replicas."""

    def __init__(self, masters: int = 3):
        self.ports = [free_port() for _ in range(masters)]
        self.workdir = Path(tempfile.mkdtemp(prefix="fm-redis-cluster-"))
        self.processes: list[subprocess.Popen] = []

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.ports[0]}"

    def start(self) -> "RedisClusterNodes":
        for port in self.ports:
            self.processes.append(subprocess.Popen(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                 "--cluster-config-file", str(self.workdir / f"nodes-{port}.conf"), "--dir", str(self.workdir),
                 "--save", "", "--appendonly", "no", "--logfile", str(self.workdir / f"{port}.log")]))
        self._wait_until(lambda node: node.ping())
        subprocess.run(["redis-cli", "--cluster", "create", *(f"127.0.0.1:{port}" for port in self.ports),
                        "--cluster-replicas", "0", "--cluster-yes"], check=True, stdout=subprocess.DEVNULL)
        self._wait_until(lambda node: node.cluster("info")["cluster_state"] == "ok")
        return self

    def stop(self) -> None:
        for process in self.processes:
            process.kill()
            process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def commands_processed(self) -> int:
        return sum(self.node(port).info("stats")["total_commands_processed"] for port in self.ports)

    def node(self, port: int) -> redis.Redis:
        return redis.Redis(port=port, socket_timeout=1)

    def _wait_until(self, ready) -> None:
        deadline = time.monotonic() + START_SECONDS
        for port in self.ports:
            node = self.node(port)
            while True:
                try:
                    if ready(node):
                        break
                except redis.RedisError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Redis Cluster node {port} not ready after {START_SECONDS} s")
                time.sleep(0.05)  # poll interval inside the deadline

    def __enter__(self) -> "RedisClusterNodes":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1:]
    with RedisClusterNodes() as cluster:
        before = cluster.commands_processed()
        status = subprocess.call(command, env={**os.environ, "REDIS_CLUSTER_URL": cluster.url})
        served = cluster.commands_processed() - before - len(cluster.ports)  # less the first reading's INFOs
        print(f"Redis Cluster ({len(cluster.ports)} masters) served {served} commands")
        return status or (0 if served else 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
