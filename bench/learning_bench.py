"""What one worker process learns: saves at saturation with no worker running leave a backlog, then
one `celery -A config worker --concurrency 1` learns it. Prints events a second and CPU per event
of the worker, PostgreSQL and Redis, from the first event learned until 99% are (a server stopped
right after a save may leave its last events to the sweep, which is not run here).

    .venv/bin/python bench/learning_bench.py [COMMIT]    # after `make bench` once (it seeds the data)

With COMMIT, that commit's server and worker are measured first, then this tree's (bench/paired.py's
checkout), for before and after in one run. Events left unlearned by earlier benchmarks (they run
no worker) are marked given up first, so that only this run's saves are learned.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import tree_of  # noqa: E402
from run import ENV, ROOT, cpu_seconds_by_tier, flush_bench_redis, prepare, start_server, stop_server, wrk  # noqa: E402

TIERS = {"celery": "worker", "postgres": "PostgreSQL", "redis-server": "Redis"}
SAVE_SECONDS = 10
GIVEN_UP = 20  # FANMEMORY["LEARN_MAX_ATTEMPTS"]


def sql(statement: str) -> int:
    import psycopg

    with psycopg.connect(ENV["DATABASE_URL"], autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchone()[0] if cursor.description else 0


def cpu_seconds() -> dict[str, float]:
    used = cpu_seconds_by_tier(TIERS)
    del used["wrk"]  # wrk ran before the measured window
    return used


def backlog() -> int:
    return sql(f"SELECT count(*) FROM interaction_events WHERE learned_at IS NULL AND learn_attempts < {GIVEN_UP}")


def measure(root: Path) -> str:
    sql(f"UPDATE interaction_events SET learn_attempts = {GIVEN_UP} WHERE learned_at IS NULL")
    sql("VACUUM ANALYZE interaction_events")  # now, not by autovacuum during the measurement
    flush_bench_redis()
    server = start_server(root=root)
    try:
        wrk("save", 8, SAVE_SECONDS)
    finally:
        stop_server(server)
    saved = backlog()
    worker = subprocess.Popen([str(ROOT / ".venv/bin/celery"), "-A", "config", "worker", "--concurrency", "1",
                               "--loglevel", "WARNING"], cwd=root, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        timed = wait_for(lambda count: count < saved, 120, "the first event learned")
        clock, cpu_before = time.monotonic(), cpu_seconds()
        left = wait_for(lambda count: count <= saved // 100, 900, "99% of the backlog learned")
        seconds, cpu_after = time.monotonic() - clock, cpu_seconds()
        timed -= left
    finally:
        os.killpg(worker.pid, 15)
        worker.wait()
    per_event = ", ".join(f"{tier} {(cpu_after[tier] - cpu_before[tier]) * 1000 / timed:.1f} ms" for tier in cpu_after)
    return f"{saved} saved; the last {timed} learned in {seconds:.1f} s: {timed / seconds:.0f} events/s; CPU per event: {per_event}"


def wait_for(done, timeout: float, what: str) -> int:
    deadline = time.monotonic() + timeout
    while not done(count := backlog()):
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.2)  # polling the backlog: a measurement, not test synchronisation
    return count


def main(commit: str | None) -> None:
    prepare()
    trees = ({commit: tree_of(commit)} if commit else {}) | {"this tree": ROOT}
    for label, root in trees.items():
        print(f"{label}: {measure(root)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
