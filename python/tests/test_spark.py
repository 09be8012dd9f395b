"""The Spark job (examples/spark/report.py) in local mode equals `claimlint report`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, TODAY, normalized, run_cli

JOB = ROOT / "examples/spark/report.py"


def run_job(*args: str, cwd) -> subprocess.CompletedProcess:
    env = dict(os.environ, CLAIMLINT_TODAY=TODAY, PYSPARK_PYTHON=sys.executable,
               PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run([sys.executable, str(JOB), *args, "--master", "local[2]"],
                          cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr[-4000:]
    return done


def compare(cli, folder: str, cwd, tmp_path):
    expected = tmp_path / "cli.json"
    run_cli(cli, "report", "--no-config", folder, "-o", str(expected), cwd=cwd)
    got = tmp_path / "spark.json"
    run_job(folder, "-o", str(got), "--out-dir", str(tmp_path / "parquet"), cwd=cwd)
    ours, theirs = json.loads(got.read_text()), json.loads(expected.read_text())
    assert ours["summary"] == theirs["summary"]
    for section in ("diagnostics", "conflicts", "drift", "files", "totals", "worst", "house", "spellings"):
        assert normalized(ours[section]) == normalized(theirs[section]), section
    assert normalized(ours) == normalized(theirs)
    return ours


def test_spark_job_on_the_corpus(cli, tmp_path):
    report = compare(cli, "corpus", ROOT, tmp_path)
    assert report["summary"]["files"] == 20
    assert report["conflicts"] or report["drift"]
    import pyarrow.parquet as pq

    findings = pq.read_table(tmp_path / "parquet/findings")
    across = sum(len(g["outliers"]) for g in report["conflicts"])  # one finding per outlier
    assert findings.num_rows == len(report["diagnostics"]) - across
    assert set(findings.column("type").to_pylist()) == {"finding"}


def test_spark_job_on_a_generated_archive(cli, tmp_path):
    count = int(os.environ.get("CLAIMLINT_ARCHIVE", "2000"))
    subprocess.run([sys.executable, str(ROOT / "bench/gen_archive.py"), str(tmp_path / "archive"),
                    str(count), "7"], check=True, capture_output=True)
    report = compare(cli, "archive", tmp_path, tmp_path)
    assert report["summary"]["files"] == count
    assert report["conflicts"] and report["drift"]


def test_spark_job_on_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({
        "id": ["a", "b", "c"],
        "text": ["Il est à Mink.", "Lukashenka met Lukashenko aides.", "Clean copy."],
        "format": ["md", "txt", None],
        "lang": ["fr", "en", "en"],
        "date": ["2024-05-01", None, None],
    }), tmp_path / "docs.parquet")
    run_job(str(tmp_path / "docs.parquet"), "--parquet", "-o", str(tmp_path / "r.json"), cwd=tmp_path)
    report = json.loads((tmp_path / "r.json").read_text())
    assert sorted(f["path"] for f in report["files"]) == ["a.md", "b.txt", "c"]
    assert any(d["text"] == "Mink" for d in report["diagnostics"])
