#!/usr/bin/env python3
"""`claimlint report` on Apache Spark: the same checks and cross-document report over an
archive too large for one machine.

    python examples/spark/report.py corpus -o report.json
    spark-submit examples/spark/report.py s3://desk/archive.parquet --parquet \\
        -o report.json --out-dir s3://desk/claimlint/2026-11-28

Input: a folder of articles (read with Spark's `binaryFile`: .md, .markdown, .txt, .html,
.htm, hidden files skipped), or with `--parquet` a table with `id` (or `path`), `text`
(string or binary) and optional `format` (md, txt, html), `lang`, `date`.

Steps: each partition is checked by one `claimlint.Engine` per Python worker
(`mapInArrow`: Arrow batches in and out, no Python object per document); the rows
(files, findings, claim statements, spellings) are written as Parquet under `--out-dir`;
claim statements are grouped by rule and given to `claimlint.consensus`, spellings by
entity to `claimlint.drift` (`groupBy(...).applyInArrow`); the driver writes the JSON
report of `claimlint report -o FILE.json`. docs/SCALE.md has the details and limits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from urllib.parse import unquote, urlparse

import claimlint

EXTENSIONS = ("md", "markdown", "txt", "html", "htm")
GROUP_SCHEMA = "part string, json string"

def engine_for(settings: tuple) -> claimlint.Engine:
    """One engine per Python worker process (Spark reuses workers across tasks): the
    packs are compiled once, not once per partition. The cache lives in the claimlint
    module, so that no engine travels with the pickled task."""
    config, rules, lang, date, today = settings
    return claimlint.shared_engine(config, list(rules), lang=lang, date=date, today=today)


def display_root(folder: str) -> str:
    """The folder's name as `claimlint` shows paths under it: relative to the working
    folder when inside it, else absolute."""
    absolute = os.path.abspath(folder)
    cwd = os.getcwd()
    if absolute == cwd:
        return ""
    if absolute.startswith(cwd + os.sep):
        return os.path.relpath(absolute, cwd)
    return absolute


def check_files(settings: tuple, root: str, shown: str):
    """The `mapInArrow` function over `binaryFile` rows (`path` URI, `content`)."""

    def run(batches):
        import pyarrow as pa

        engine = engine_for(settings)
        for batch in batches:
            names = []
            for uri in batch.column("path").to_pylist():
                parsed = urlparse(uri)
                local = unquote(parsed.path) if parsed.scheme in ("", "file") else None
                if local is not None and local.startswith(root + "/"):
                    rel = local[len(root) + 1 :]
                    names.append(f"{shown}/{rel}" if shown else rel)
                else:
                    names.append(uri)
            docs = pa.record_batch(
                {"path": pa.array(names, pa.string()), "text": batch.column("content")}
            )
            yield engine.check_arrow(docs)

    return run


def check_table(settings: tuple):
    """The `mapInArrow` function over Parquet rows (`id`/`path`, `text`, ...)."""

    def run(batches):
        engine = engine_for(settings)
        for batch in batches:
            yield engine.check_arrow(batch)

    return run


def consensus_group(table):
    """Per rule: `claimlint.consensus` over its statements."""
    import pyarrow as pa

    found = claimlint.consensus(table.column("json").to_pylist())
    parts = ["diagnostic"] * len(found["diagnostics"]) + ["conflict"] * len(found["conflicts"])
    rows = [json.dumps(x) for x in found["diagnostics"] + found["conflicts"]]
    return pa.table({"part": pa.array(parts, pa.string()), "json": pa.array(rows, pa.string())})


def drift_group(table):
    """Per entity: `claimlint.drift` over its spellings."""
    import pyarrow as pa

    found = claimlint.drift(table.column("json").to_pylist())
    parts = ["spellings"] + ["drift"] * len(found["drift"])
    rows = [json.dumps(found["spellings"])] + [json.dumps(x) for x in found["drift"]]
    return pa.table({"part": pa.array(parts, pa.string()), "json": pa.array(rows, pa.string())})


def apply_grouped(df, key: str, fn):
    grouped = df.groupBy(key)
    if hasattr(grouped, "applyInArrow"):  # Spark 4
        return grouped.applyInArrow(fn, schema=GROUP_SCHEMA)
    import pyarrow as pa  # Spark 3.4/3.5: the same function through pandas

    return grouped.applyInPandas(
        lambda pdf: fn(pa.Table.from_pandas(pdf, preserve_index=False)).to_pandas(),
        schema=GROUP_SCHEMA,
    )


def rows_ddl() -> str:
    types = {"string": "string", "int64": "bigint"}
    return ", ".join(
        f"`{f.name}` {types[str(f.type)]}" for f in claimlint.rows_schema()
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a folder of articles, or a Parquet table with --parquet")
    ap.add_argument("--parquet", action="store_true", help="the input is a Parquet table")
    ap.add_argument("-o", "--output", required=True, help="the JSON report to write")
    ap.add_argument("--out-dir", help="write files, findings, statements, spellings as Parquet here")
    ap.add_argument("--rules", action="append", default=[], help="pack file or folder (repeat)")
    ap.add_argument("--config", help="a claimlint.toml")
    ap.add_argument("--lang", help="default language of undeclared documents")
    ap.add_argument("--date", help="default date of undated documents")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--partitions", type=int, help="partitions to check (default: 2 per core)")
    ap.add_argument("--timings", action="store_true", help="print each step's time on stderr")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("claimlint-report")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # run with python, not spark-submit
        builder = builder.master("local[*]")
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    last = [started]

    def step(name: str) -> None:
        if args.timings:
            now = time.monotonic()
            print(f"  {name}: {now - last[0]:.1f} s", file=sys.stderr)
            last[0] = now

    # Fail on a broken pack or config here, with claimlint's message, before any task.
    today = os.environ.get("CLAIMLINT_TODAY")
    settings = (args.config, tuple(args.rules), args.lang, args.date, today)
    try:
        driver_engine = engine_for(settings)
    except claimlint.ClaimlintError as err:
        print(err, file=sys.stderr)
        return 2

    if args.parquet:
        docs = spark.read.parquet(args.input)
        check = check_table(settings)
    else:
        root = os.path.abspath(args.input).rstrip("/")
        docs = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load(args.input)
            .select("path", "content")
        )
        ext = F.lower(F.regexp_extract("path", r"\.([^./]+)$", 1))
        hidden = F.substring_index("path", root + "/", -1).rlike(r"(^|/)\.")
        docs = docs.where(ext.isin(*EXTENSIONS) & ~hidden)
        check = check_files(settings, root, display_root(args.input))
    parts = args.partitions or 2 * spark.sparkContext.defaultParallelism
    # The groups (one per rule, one per entity) are few: as many shuffle partitions as cores.
    spark.conf.set("spark.sql.shuffle.partitions", str(spark.sparkContext.defaultParallelism))
    if docs.rdd.getNumPartitions() > parts:
        docs = docs.coalesce(parts)
    else:
        docs = docs.repartition(parts)

    rows = docs.mapInArrow(check, rows_ddl()).persist()
    if args.timings:
        rows.count()
        step("check (mapInArrow)")

    if args.out_dir:
        for kind in claimlint.ROW_TYPES:
            rows.where(F.col("type") == kind).write.mode("overwrite").parquet(
                f"{args.out_dir.rstrip('/')}/{kind}s"
            )

    step("parquet")
    statements = rows.where(F.col("type") == "statement").select("rule", "json")
    spellings = rows.where(F.col("type") == "spelling").select("rule", "json")
    conflicts = apply_grouped(statements, "rule", consensus_group).collect()
    step("consensus")
    drifts = apply_grouped(spellings, "rule", drift_group).collect()
    step("drift")

    files = [r.json for r in rows.where(F.col("type") == "file").select("json").toLocalIterator()]
    diagnostics: list = [
        r.json for r in rows.where(F.col("type") == "finding").select("json").toLocalIterator()
    ]
    diagnostics += [r.json for r in conflicts if r.part == "diagnostic"]
    groups = [r.json for r in conflicts if r.part == "conflict"]
    merged: dict = {}
    for r in drifts:
        if r.part == "spellings":
            merged.update(json.loads(r.json))
    drift = [r.json for r in drifts if r.part == "drift"]
    step("collect")
    report = driver_engine.report_json(files, diagnostics, groups, merged, drift)
    step("report")
    rows.unpersist()
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(report)
    summary = json.loads(report)["summary"]
    elapsed = time.monotonic() - started
    print(
        f"{summary['files']} files checked in {elapsed:.1f} s: {summary['errors']} errors, "
        f"{summary['warnings']} warnings, {summary['infos']} infos; report in {args.output}",
        file=sys.stderr,
    )
    spark.stop()
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
