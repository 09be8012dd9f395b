"""Shared fixtures: the repository, an engine, and the `claimlint` binary to compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import claimlint

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2025-12-13"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("CLAIMLINT_TODAY", TODAY)


@pytest.fixture(scope="session")
def engine() -> claimlint.Engine:
    return claimlint.Engine(today=TODAY)


def cli_binary() -> Path:
    """`CLAIMLINT_BIN`, else a built binary of this checkout (release, then debug)."""
    if os.environ.get("CLAIMLINT_BIN"):
        return Path(os.environ["CLAIMLINT_BIN"])
    for candidate in (
        ROOT / "python/target/release/claimlint",
        ROOT / "target/release/claimlint",
        ROOT / "target/debug/claimlint",
    ):
        if candidate.exists():
            return candidate
    found = shutil.which("claimlint")
    if found:
        return Path(found)
    pytest.fail("no claimlint binary: build it (cargo build) or set CLAIMLINT_BIN")


@pytest.fixture(scope="session")
def cli() -> Path:
    return cli_binary()


def run_cli(cli: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, CLAIMLINT_TODAY=TODAY)
    return subprocess.run(
        [str(cli), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def normalized(value):
    """JSON with every list sorted (by its items' canonical text): equality "after sorting"."""
    import json

    if isinstance(value, dict):
        return {k: normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [normalized(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
