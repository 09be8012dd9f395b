"""Arrow batches in and out, and the corpus-wide steps on one machine."""

from __future__ import annotations

import json
import random

import pyarrow as pa
import pytest

import claimlint
from conftest import ROOT, normalized, run_cli


def corpus_batch(string_type=pa.string()):
    paths = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file())
    return pa.record_batch(
        {
            "path": pa.array([f"corpus/{p.name}" for p in paths], string_type),
            "text": pa.array([p.read_bytes() for p in paths], pa.binary()),
        }
    )


def test_rows_have_the_schema_and_the_json_of_check(engine):
    out = engine.check_arrow(corpus_batch())
    assert isinstance(out, pa.RecordBatch)
    assert out.schema == claimlint.rows_schema()
    rows = out.to_pylist()
    assert {r["type"] for r in rows} == set(claimlint.ROW_TYPES)
    findings = [r for r in rows if r["type"] == "finding"]
    for r in findings:
        body = json.loads(r["json"])
        assert (r["path"], r["rule"], r["kind"], r["severity"]) == (
            body["path"], body["rule"], body["kind"], body["severity"])
        assert r["line"] == body["span"]["line"]
    one = "corpus/claims-en-errors.md"
    expected = engine.check((ROOT / one).read_bytes(), path=one)
    assert [json.loads(r["json"]) for r in findings if r["path"] == one] == expected["diagnostics"]
    (file,) = [json.loads(r["json"]) for r in rows if r["type"] == "file" and r["path"] == one]
    assert file == expected["files"][0]


def test_string_columns_and_metadata_columns(engine):
    batch = pa.record_batch(
        {
            "id": ["a", "b", None],
            "text": pa.array(["Il est à Mink.", "Lukashenka met officials in Minsk.", "x"], pa.large_string()),
            "format": ["md", None, "txt"],
            "lang": ["fr", "en", None],
            "date": ["2020-01-02", None, None],
        }
    )
    rows = engine.check_arrow(batch).to_pylist()
    files = {r["id"]: json.loads(r["json"]) for r in rows if r["type"] == "file"}
    assert files["a"]["path"] == "a.md" and files["a"]["lang"] == "fr"
    assert files["a"]["date"] == "2020-01-02"
    assert files["b"]["path"] == "b"
    assert files[None]["path"] == "row-2.txt"
    spelling = [r for r in rows if r["type"] == "spelling" and r["id"] == "b"]
    assert {(r["rule"], r["form"], r["lang"], r["count"]) for r in spelling} >= {
        ("belarus/lukashenko", "Lukashenka", "en", 1)
    }


def test_missing_text_column_is_a_value_error(engine):
    with pytest.raises(ValueError, match='no "text" column'):
        engine.check_arrow(pa.record_batch({"id": ["a"]}))
    with pytest.raises(TypeError, match="string or binary"):
        engine.check_arrow(pa.record_batch({"text": [1]}))
    with pytest.raises(TypeError):
        engine.check_arrow("not a batch")


def test_one_machine_report_equals_the_command_line(engine, cli, tmp_path):
    out = tmp_path / "cli.json"
    run_cli(cli, "report", "--no-config", "corpus", "-o", str(out))
    rows = engine.check_arrow(corpus_batch()).to_pylist()
    random.Random(7).shuffle(rows)
    ours = claimlint.report_from_rows(engine, rows)
    expected = out.read_text()
    assert normalized(json.loads(ours)) == normalized(json.loads(expected))
    assert ours == expected  # the same text, byte for byte


def test_consensus_ignores_row_order(engine):
    rows = engine.check_arrow(corpus_batch()).to_pylist()
    statements = [r["json"] for r in rows if r["type"] == "statement"]
    assert statements
    first = claimlint.consensus(statements)
    random.Random(1).shuffle(statements)
    assert claimlint.consensus(statements) == first
    as_dicts = claimlint.consensus([json.loads(s) for s in statements])
    assert as_dicts == first
    for finding in first["diagnostics"]:
        assert finding["kind"] == "claim.conflict"
        assert finding["labels"][0]["path"] != finding["path"]


def test_consensus_needs_two_documents_to_agree():
    row = {
        "path": "a.md", "index": 0, "rule": "p/r", "about": "x", "value": "120",
        "text": "120", "context": "120",
        "interval": {"lo": 120.0, "lo_inclusive": True, "hi": 120.0, "hi_inclusive": True},
        "span": {"start": 0, "end": 3, "line": 1, "column": 1, "end_line": 1,
                 "end_column": 4, "source_start": 0, "source_end": 3},
    }
    rows = [dict(row, path=p) for p in ("a.md", "b.md")]
    rows.append(dict(row, path="c.md", value="104", interval=dict(row["interval"], lo=104.0, hi=104.0)))
    found = claimlint.consensus(rows)
    (finding,) = found["diagnostics"]
    assert finding["path"] == "c.md"
    assert finding["message"].startswith("2 documents say 120; this one says 104")
    (group,) = found["conflicts"]
    assert group["supporting"] == ["a.md", "b.md"]
    assert claimlint.consensus(rows[:1] + rows[2:])["diagnostics"] == []
    unbounded = dict(row, path="d.md", interval=dict(row["interval"], hi=None))
    assert claimlint.consensus([unbounded])["diagnostics"] == []


def test_bad_rows_are_value_errors():
    with pytest.raises(ValueError, match='"interval"'):
        claimlint.consensus([{"path": "a", "index": 0}])
    with pytest.raises(TypeError):
        claimlint.consensus("not a list")
    with pytest.raises(ValueError):
        claimlint.drift(["{not json"])


def test_drift_marks_roles():
    def row(path, form, role):
        return {"path": path, "entity": "belarus/lukashenko", "lang": "en", "form": form,
                "count": 1, "role": role}

    found = claimlint.drift([row("a.md", "Lukashenko", "house"), row("b.md", "Lukashenka", "variant"),
                             row("b.md", "Lukashenka", "variant")])
    assert found["spellings"]["belarus/lukashenko"]["en"]["Lukashenka"] == {"b.md": 2}
    (d,) = found["drift"]
    assert d["forms"] == ["Lukashenka", "Lukashenko"]
    assert [(r["form"], r["role"], r["documents"]) for r in d["roles"]] == [
        ("Lukashenka", "variant", ["b.md"]), ("Lukashenko", "house", ["a.md"])]
    assert claimlint.drift([row("a.md", "Lukashenko", "house")])["drift"] == []


def test_tables_and_shared_engines(engine):
    table = pa.Table.from_batches([corpus_batch(), corpus_batch()])
    out = claimlint.check_table(engine, table)
    assert out.schema == claimlint.rows_schema()
    assert out.num_rows == 2 * engine.check_arrow(corpus_batch()).num_rows
    assert claimlint.shared_engine() is claimlint.shared_engine(None, [])
    assert claimlint.shared_engine(lang="fr") is not claimlint.shared_engine()
