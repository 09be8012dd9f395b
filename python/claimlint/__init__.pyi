"""Type stubs of claimlint (the Rust extension ``claimlint._claimlint`` and its helpers)."""

from os import PathLike
from typing import Any, Final, Iterable, Mapping, Sequence, TypedDict

__version__: Final[str]
ROW_TYPES: Final[tuple[str, str, str, str]]

class ClaimlintError(Exception):
    """The config or a rule pack is broken; ``str(err)`` is claimlint's diagnostic text."""

class Span(TypedDict):
    start: int
    end: int
    line: int
    column: int

class Statement(TypedDict, total=False):
    rule: str
    span: Span
    text: str
    value: str
    known: str
    verdict: str  # "agrees" | "contradicts" | "unknown"
    ambiguous: bool

class FileInfo(TypedDict, total=False):
    path: str
    lang: str
    lang_source: str
    date: str
    date_source: str
    encoding: str
    statements: list[Statement]

class Label(TypedDict):
    path: str
    span: Span
    message: str

class Diagnostic(TypedDict, total=False):
    path: str
    rule: str
    kind: str
    severity: str  # "error" | "warning" | "info"
    message: str
    span: Span
    text: str
    fix: dict[str, Any]
    labels: list[Label]
    help: str

class Summary(TypedDict):
    files: int
    errors: int
    warnings: int
    infos: int

class CheckResult(TypedDict):
    """What ``claimlint check --format json`` prints for one document."""

    version: int
    files: list[FileInfo]
    diagnostics: list[Diagnostic]
    summary: Summary

class Consensus(TypedDict):
    diagnostics: list[Diagnostic]
    conflicts: list[dict[str, Any]]

class Drift(TypedDict):
    spellings: dict[str, dict[str, dict[str, dict[str, int]]]]
    drift: list[dict[str, Any]]

Row = Mapping[str, Any] | str

class Engine:
    """Packs and config loaded and compiled once; checks any number of documents.

    Raises ``ClaimlintError`` when the config or a pack is broken, ``ValueError`` for a
    bad argument."""

    def __init__(
        self,
        config: str | PathLike[str] | None = None,
        rules: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None,
        *,
        lang: str | None = None,
        date: str | None = None,
        today: str | None = None,
        encoding: str | None = None,
        max_findings: int = 100_000,
    ) -> None: ...
    def check(
        self,
        text: str | bytes,
        path: str | None = None,
        *,
        format: str | None = None,
        lang: str | None = None,
        date: str | None = None,
    ) -> CheckResult:
        """Checks one document: what ``claimlint check --format json`` prints for it."""
    def check_arrow(self, batch: Any) -> Any:
        """Checks a ``pyarrow.RecordBatch`` (``text``; ``path``/``id``, ``format``,
        ``lang``, ``date``) and returns a ``pyarrow.RecordBatch`` of rows (``rows_schema()``)."""
    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        """Pickles as the constructor's arguments; unpickling compiles the packs again."""
    def house_styles(self) -> dict[str, dict[str, Any]]:
        """The packs' house style, variants and wrong forms by entity rule id."""
    def report_json(
        self,
        files: Iterable[Row],
        diagnostics: Iterable[Row],
        conflicts: Iterable[Row],
        spellings: Mapping[str, Any],
        drift: Iterable[Row],
    ) -> str:
        """The JSON text of ``claimlint report -o FILE.json`` from its pieces."""

def consensus(statements: Iterable[Row]) -> Consensus:
    """Cross-document conflicts among "statement" rows, as ``claimlint report``."""

def drift(spellings: Iterable[Row]) -> Drift:
    """House-style drift among "spelling" rows, as ``claimlint report``."""

def rows_schema() -> Any:
    """The ``pyarrow.Schema`` of ``Engine.check_arrow``'s output."""

def check_table(engine: Engine, table: Any) -> Any:
    """``Engine.check_arrow`` over every batch of a ``pyarrow.Table``."""

def report_from_rows(engine: Engine, rows: Iterable[Mapping[str, Any]]) -> str:
    """``claimlint report``'s JSON from every row of ``Engine.check_arrow``, on one machine."""

def shared_engine(
    config: str | PathLike[str] | None = None,
    rules: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None,
    *,
    lang: str | None = None,
    date: str | None = None,
    today: str | None = None,
) -> Engine:
    """One ``Engine`` per process for the same arguments (one per Spark Python worker)."""
