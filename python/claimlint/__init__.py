"""claimlint: checks news articles against a desk's rule packs (spellings, claims,
editorial hygiene), with the same Rust engine as the ``claimlint`` command line.

- ``Engine(config=None, rules=None)`` compiles the packs once; ``engine.check(text,
  path=...)`` returns what ``claimlint check --format json`` prints for the document.
- ``engine.check_arrow(batch)`` checks a ``pyarrow.RecordBatch`` of documents and returns
  a ``pyarrow.RecordBatch`` of rows (files, findings, claim statements, spellings): what
  Spark's ``mapInArrow`` needs.
- ``consensus(statements)`` and ``drift(spellings)`` compute the corpus-wide findings of
  ``claimlint report``; ``engine.report_json(...)`` assembles its JSON report.

docs/SCALE.md shows a Spark job built on these (examples/spark/report.py).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ._claimlint import ClaimlintError, Engine, __version__, consensus, drift
from ._claimlint import rows_schema_capsule as _rows_schema

__all__ = [
    "ClaimlintError",
    "Engine",
    "ROW_TYPES",
    "__version__",
    "consensus",
    "drift",
    "rows_schema",
    "check_table",
    "shared_engine",
    "report_from_rows",
]

#: The values of the ``type`` column of ``Engine.check_arrow``'s rows.
ROW_TYPES = ("file", "finding", "statement", "spelling")


def _rebuild(arguments: dict[str, Any]) -> Engine:
    """An unpickled ``Engine``: compiled again from its constructor's arguments."""
    return Engine(**arguments)


_ENGINES: dict[tuple[Any, ...], Engine] = {}


def shared_engine(
    config: Any = None,
    rules: Any = None,
    *,
    lang: str | None = None,
    date: str | None = None,
    today: str | None = None,
) -> Engine:
    """One ``Engine`` per process for the same arguments, compiled at its first use: what
    a Spark task calls so that each Python worker compiles the packs once, not once per
    partition (workers are reused across tasks)."""
    if isinstance(rules, (str, bytes)) or hasattr(rules, "__fspath__"):
        rules = [rules]
    key = (config, tuple(rules or ()), lang, date, today)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = Engine(config=config, rules=list(rules) if rules else None, lang=lang, date=date, today=today)
        _ENGINES[key] = engine
    return engine


def rows_schema() -> Any:
    """The ``pyarrow.Schema`` of ``Engine.check_arrow``'s output (needs pyarrow)."""
    return _rows_schema()


def check_table(engine: Engine, table: Any) -> Any:
    """``Engine.check_arrow`` over every batch of a ``pyarrow.Table``; returns a Table."""
    import pyarrow as pa

    batches = [engine.check_arrow(b) for b in table.to_batches()]
    return pa.Table.from_batches(batches, schema=rows_schema())


def report_from_rows(engine: Engine, rows: Iterable[Mapping[str, Any]]) -> str:
    """The JSON text of ``claimlint report -o FILE.json`` from every row of
    ``Engine.check_arrow`` (dicts with at least ``type``, ``rule`` and ``json``), on one
    machine: the statements grouped by rule for ``consensus``, the spellings by entity for
    ``drift``, as the Spark job does at scale."""
    files: list[str] = []
    diagnostics: list[Any] = []
    statements: dict[str, list[str]] = {}
    spellings: dict[str, list[str]] = {}
    for row in rows:
        kind = row["type"]
        if kind == "file":
            files.append(row["json"])
        elif kind == "finding":
            diagnostics.append(row["json"])
        elif kind == "statement":
            statements.setdefault(row["rule"], []).append(row["json"])
        elif kind == "spelling":
            spellings.setdefault(row["rule"], []).append(row["json"])
    conflicts: list[Any] = []
    for group in statements.values():
        found = consensus(group)
        diagnostics.extend(found["diagnostics"])
        conflicts.extend(found["conflicts"])
    merged: dict[str, Any] = {}
    drifted: list[Any] = []
    for group in spellings.values():
        found = drift(group)
        merged.update(found["spellings"])
        drifted.extend(found["drift"])
    return engine.report_json(files, diagnostics, conflicts, merged, drifted)
