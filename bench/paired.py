"""Before and after in one run: a few scenarios against the server of another commit and the server
of this tree, taking turns (ROUNDS rounds), on the same seeded database, Redis DB and port as
bench/run.py. The other commit's tree is checked out under bench/out/paired-<commit>.

    .venv/bin/python bench/paired.py 8fed53e        # after `make bench` once (it seeds the data)
"""
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import OUT, ROOT, calibrate_kind, cpu_per_request, cpu_seconds_by_tier, flush_bench_redis, prepare  # noqa: E402
from run import prime_cache, start_server, stop_server, wrk  # noqa: E402

ROUNDS = 2
SCENARIOS = (  # name, wrk mode, connections, offered req/s (None: saturation)
    ("save at 100 req/s", "save", 4, 100),
    ("save, saturation (8 connections)", "save", 8, None),
    ("load mix at 200 req/s", "mix", 16, 200),
)


def tree_of(commit: str) -> Path:
    tree = OUT / f"paired-{commit}"
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT, check=True)
        (tree / ".venv").symlink_to(ROOT / ".venv")  # the same packages: only the code differs
    return tree


def measure(root: Path) -> dict[str, str]:
    server = start_server(root=root)
    try:
        flush_bench_redis()
        prime_cache()
        figures, kind = {}, calibrate_kind()
        for name, mode, connections, rate in SCENARIOS:
            cpu_before = cpu_seconds_by_tier()
            result = wrk(mode, connections, 15, rate=rate, extra=kind, bulk_size=10)
            errors = result["errors"] + result["status_errors"]
            figures[name] = (f"{result['rps']:.0f} req/s, p50 {result['p50_us'] / 1000:.1f} ms, p95 "
                             f"{result['p95_us'] / 1000:.1f} ms, {errors} errors; CPU per request: "
                             + cpu_per_request(cpu_before, cpu_seconds_by_tier(), result["requests"]))
        return figures
    finally:
        stop_server(server)


def main(commit: str) -> None:
    prepare()
    trees = {commit: tree_of(commit), "this tree": ROOT}
    for round_number in range(1, ROUNDS + 1):
        for label, root in trees.items():
            for name, figures in measure(root).items():
                print(f"round {round_number} | {label} | {name} | {figures}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
