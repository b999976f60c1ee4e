"""Where the server's time goes under one scenario: py-spy samples every granian worker while wrk
drives the load, then prints the share of samples spent in each function (inclusive).

    .venv/bin/python bench/profile_server.py save 100     # scenario, offered req/s
Uses the database and Redis DB of bench/run.py (run `make bench` once first to seed them).
"""
import collections
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import OUT, ROOT, start_server, wrk  # noqa: E402

SECONDS = int(os.environ.get("PROFILE_SECONDS", 20))
OURS = ("memory/", "emotions/", "personality/", "preferences/", "facts/", "gdpr/", "config/", "recall/", "fans/",
        "openitems/", "core/")
RECALL_SCENARIOS = ("context_query", "recall")  # on the fans of long indexed histories
LIBRARIES = ("rest_framework/", "django/db/", "psycopg/", "redis/", "celery/", "kombu/", "django_cryptography/")


def record(server_pid: int, scenario: str, rate: float) -> Path:
    raw = OUT / f"profile-{scenario}.txt"
    spy = subprocess.Popen([str(ROOT / ".venv/bin/py-spy"), "record", "--subprocesses", "--nonblocking", "--format",
                            "raw", "--rate", "200", "--duration", str(SECONDS), "-o", str(raw), "-p", str(server_pid)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    targets = "recall_targets.txt" if scenario in RECALL_SCENARIOS else "targets.txt"
    result = wrk(scenario, 4, SECONDS, rate=rate, bulk_size=100, targets_file=targets)
    spy.wait()
    print(f"{scenario} at {rate:.0f} req/s offered: {result['rps']:.0f} req/s, p50 {result['p50_us'] / 1000:.2f} ms, "
          f"p95 {result['p95_us'] / 1000:.2f} ms")
    return raw


def inclusive_shares(raw: Path) -> tuple[int, collections.Counter]:
    total, counts = 0, collections.Counter()
    for line in raw.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        frames = stack.split(";")
        if not any("get_response" in frame for frame in frames):
            continue  # idle threads of the server
        total += int(samples)
        for name in {frame.split(" (")[0] + " " + _where(frame) for frame in frames if _where(frame)}:
            counts[name] += int(samples)
    return total, counts


def _where(frame: str) -> str:
    path = frame.partition("(")[2].rstrip(")")
    for marker in OURS + LIBRARIES:
        if marker in path:
            return marker.rstrip("/")
    return ""


def main() -> None:
    scenario, rate = sys.argv[1], float(sys.argv[2])
    OUT.mkdir(exist_ok=True)
    server = start_server()
    try:
        granian = subprocess.run(["pgrep", "-f", "-o", "granian --interface wsgi"], capture_output=True, text=True)
        raw = record(int(granian.stdout.split()[0]), scenario, rate)
    finally:
        os.killpg(server.pid, 15)
        server.wait()
    total, counts = inclusive_shares(raw)
    print(f"{total} samples inside a request; inclusive share of each function:")
    for name, samples in counts.most_common(40):
        print(f"{samples / total:6.1%}  {name}")


if __name__ == "__main__":
    main()
