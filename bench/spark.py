#!/usr/bin/env python3
"""Throughput of the Spark job (examples/spark/report.py) against the command line on
one generated archive (bench/RESULTS.md, "Spark").

Usage: bench/spark.py CLAIMLINT_BIN [COUNT] [CORES]

Needs the claimlint package and pyspark in the running Python (.ci/python's venv) and
Java. Prints one line per run: seconds and documents per second. The runs:

- cli: `claimlint report ARCHIVE -o x.json --jobs CORES`
- cli-1: the same on one core (`--jobs 1`)
- arrow-1: `Engine.check_arrow` over the archive on one core, batches of 1,000, without
  Spark: the Arrow path alone (reading files, building batches, checking, rows out)
- report-1: the same plus the corpus-wide steps on one machine (`report_from_rows`)
- spark: the job in `local[CORES]`, JVM start included
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(label: str, count: int, fn) -> float:
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"{label:10} {elapsed:8.2f} s  {count / elapsed:8.0f} docs/s", flush=True)
    return elapsed


def main() -> None:
    cli = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
    cores = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    os.environ.setdefault("CLAIMLINT_TODAY", "2025-12-13")
    work = Path(tempfile.mkdtemp(prefix="claimlint-spark-bench-"))
    subprocess.run([sys.executable, str(ROOT / "bench/gen_archive.py"), str(work / "archive"),
                    str(count), "1"], check=True, capture_output=True)
    files = sorted(p for p in (work / "archive").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in files)
    print(f"archive: {count} articles, {size / 1e6:.1f} MB, {cores} cores")

    def cli_run(jobs: int) -> None:
        subprocess.run([cli, "report", "--no-config", "archive", "-o", "cli.json", "--jobs",
                        str(jobs)], cwd=work, check=False, capture_output=True)

    timed("cli", count, lambda: cli_run(cores))
    timed("cli-1", count, lambda: cli_run(1))

    import pyarrow as pa

    import claimlint

    engine = claimlint.Engine()
    rows: list = []

    def arrow() -> None:
        rows.clear()
        for i in range(0, len(files), 1000):
            chunk = files[i : i + 1000]
            batch = pa.record_batch({
                "path": [str(p.relative_to(work)) for p in chunk],
                "text": pa.array([p.read_bytes() for p in chunk], pa.binary()),
            })
            rows.append(engine.check_arrow(batch))

    timed("arrow-1", count, arrow)

    def one_machine() -> None:
        arrow()
        table = pa.Table.from_batches(rows)
        (work / "py.json").write_text(claimlint.report_from_rows(engine, table.to_pylist()))

    timed("report-1", count, one_machine)
    same = (work / "py.json").read_text() == (work / "cli.json").read_text()
    print(f"one-machine report equals the CLI's byte for byte: {same}")

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    job: list = []
    timed("spark", count, lambda: job.append(subprocess.run(
        [sys.executable, str(ROOT / "examples/spark/report.py"), "archive", "-o", "spark.json",
         "--master", f"local[{cores}]"], cwd=work, env=env, check=False, capture_output=True,
        text=True)))
    # The job's own line: the time from its Spark session on (JVM start excluded).
    print("job:", job[0].stderr.strip().splitlines()[-1])
    spark = json.loads((work / "spark.json").read_text())
    print(f"spark report summary equals the CLI's: "
          f"{spark['summary'] == json.loads((work / 'cli.json').read_text())['summary']}")


if __name__ == "__main__":
    main()
