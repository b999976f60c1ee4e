"""What hash partitioning by creator would cost and give, measured on the bench database.

Copies fan_memories into a clone hash-partitioned by creator_id (PARTITIONS partitions; the primary
key becomes (creator_id, id), as PostgreSQL requires the partition key in every unique index),
times the copy and its index build, then times a fan's last 50 messages (the context's query) on
both tables, interleaved, over the same random fans. The clone is dropped at the end. Part of
`make bench-scaling`, after the bench database is seeded; writes bench/results/partitions.md.
"""
import os
import random
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

import psycopg

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fanmemory_bench")
RESULTS = Path(__file__).resolve().parent / "results" / "partitions.md"
PARTITIONS = int(os.environ.get("PROBE_PARTITIONS", 8))
LOOKUPS = int(os.environ.get("PROBE_LOOKUPS", 2000))
LAST_50 = ("SELECT id, message_content, created_at FROM {} WHERE creator_id = %s AND fan_id = %s "
           "ORDER BY created_at DESC LIMIT 50")


def timed(cursor, sql: str, *params) -> float:
    started = time.perf_counter()
    cursor.execute(sql, params)
    return time.perf_counter() - started


def build_clone(cursor) -> dict:
    cursor.execute("DROP TABLE IF EXISTS fan_memories_hashed")
    cursor.execute("CREATE TABLE fan_memories_hashed (LIKE fan_memories INCLUDING DEFAULTS) "
                   "PARTITION BY HASH (creator_id)")
    for remainder in range(PARTITIONS):
        cursor.execute(f"CREATE TABLE fan_memories_hashed_{remainder} PARTITION OF fan_memories_hashed "
                       f"FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {remainder})")
    return {
        "copy_s": timed(cursor, "INSERT INTO fan_memories_hashed SELECT * FROM fan_memories"),
        "primary_key_s": timed(cursor, "ALTER TABLE fan_memories_hashed ADD PRIMARY KEY (creator_id, id)"),
        "fan_index_s": timed(cursor, "CREATE INDEX ON fan_memories_hashed (creator_id, fan_id, created_at DESC)"),
    }


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"p50 {cuts[49] * 1000:.3f} ms, p95 {cuts[94] * 1000:.3f} ms"


def main() -> None:
    with psycopg.connect(URL, autocommit=True) as conn, conn.cursor() as cursor:
        rows, size = cursor.execute(
            "SELECT count(*), pg_total_relation_size('fan_memories') FROM fan_memories").fetchone()
        fans = cursor.execute("SELECT DISTINCT creator_id, fan_id FROM fan_memories").fetchall()
        build = build_clone(cursor)
        cursor.execute("ANALYZE fan_memories_hashed")
        spread = cursor.execute(
            "SELECT tableoid::regclass, count(*) FROM fan_memories_hashed GROUP BY 1 ORDER BY 1").fetchall()
        sample = random.Random(7).choices(fans, k=LOOKUPS)
        times = {"fan_memories": [], "fan_memories_hashed": []}
        for creator_id, fan_id in sample:
            for table in times:
                times[table].append(timed(cursor, LAST_50.format(table), creator_id, fan_id))
        cursor.execute("DROP TABLE fan_memories_hashed")
    lines = [
        f"fan_memories: {rows} rows, {size / 1e6:.0f} MB with its indexes ({size / rows:.0f} bytes a message), "
        f"{len(fans)} fans",
        f"copy into {PARTITIONS} hash partitions: {build['copy_s']:.1f} s ({rows / build['copy_s']:.0f} rows/s), "
        f"primary key {build['primary_key_s']:.1f} s, fan index {build['fan_index_s']:.1f} s",
        "rows per partition: " + ", ".join(str(count) for _, count in spread),
        *[f"a fan's last 50 messages, {table}: {percentiles(samples)} over {LOOKUPS} fans"
          for table, samples in times.items()],
    ]
    RESULTS.write_text(f"# Hash partitioning probe ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
                       "`bench/partition_probe.py`)\n\n" + "".join(f"- {line}\n" for line in lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
