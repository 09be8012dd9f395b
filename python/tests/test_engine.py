"""The engine API: `check` returns what `claimlint check --format json` prints."""

from __future__ import annotations

import json

import pytest

import claimlint
from conftest import ROOT, TODAY, run_cli


def test_check_finds_a_wrong_spelling_and_a_claim(engine):
    result = engine.check(
        "Il est arrivé à Mink. M. Loukachenko dirige le pays depuis plus de quarante ans.",
        path="a.md",
        lang="fr",
        date=TODAY,
    )
    assert set(result) == {"version", "files", "diagnostics", "summary"}
    (file,) = result["files"]
    assert (file["path"], file["lang"], file["date"]) == ("a.md", "fr", TODAY)
    kinds = {d["kind"] for d in result["diagnostics"]}
    assert {"spelling.wrong", "claim.since"} <= kinds
    wrong = next(d for d in result["diagnostics"] if d["kind"] == "spelling.wrong")
    assert wrong["text"] == "Mink"
    assert wrong["fix"] == {"replacement": "Minsk"}
    assert wrong["span"]["line"] == 1
    (statement,) = file["statements"]
    assert statement["verdict"] == "contradicts"
    assert statement["rule"] == "belarus/lukashenko-in-power"
    assert result["summary"]["errors"] >= 2


@pytest.mark.parametrize("name", ["claims-en-errors.md", "clean-en-briefing.html", "claims-fr-erreurs.txt"])
def test_check_equals_the_command_line(engine, cli, name):
    path = f"corpus/{name}"
    expected = json.loads(run_cli(cli, "check", "--no-config", path, "--format", "json").stdout)
    got = engine.check((ROOT / path).read_bytes(), path=path)
    assert got == expected


def test_format_names_the_document(engine):
    md = engine.check("# Minsk\n\nIl est à *Mink*.\n", path="note", format="md", lang="fr")
    assert md["files"][0]["path"] == "note.md"
    assert [d["text"] for d in md["diagnostics"]] == ["Mink"]
    same = engine.check("x", path="a.md", format="markdown")
    assert same["files"][0]["path"] == "a.md"


def test_clean_text_has_no_finding(engine):
    result = engine.check("Le président a reçu une délégation à Minsk mardi.", lang="fr")
    assert result["diagnostics"] == []
    assert result["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 0}


def test_bytes_are_decoded_like_files(engine):
    result = engine.check(b"caf\xe9 \xe0 Mink", path="old.txt")
    (finding,) = result["diagnostics"]
    assert finding["kind"] == "input.encoding"
    latin = claimlint.Engine(today=TODAY, encoding="windows-1252")
    decoded = latin.check(b"Il est arriv\xe9 \xe0 Mink.", path="old.txt", lang="fr")
    assert [d["text"] for d in decoded["diagnostics"]] == ["Mink"]


def test_a_broken_pack_raises_with_the_diagnostic_text(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text('format = 1\n\n[pack]\nid = "x"\n\n[[entity]]\nid = "e"\nprefered = "E"\n')
    with pytest.raises(claimlint.ClaimlintError) as err:
        claimlint.Engine(rules=[pack])
    text = str(err.value)
    assert "bad.toml" in text
    assert "prefered" in text
    assert "×" in text  # miette's graphical report


def test_missing_rules_raise(tmp_path):
    with pytest.raises(claimlint.ClaimlintError, match="rules.error"):
        claimlint.Engine(rules=str(tmp_path / "nothing"))


def test_custom_pack(tmp_path):
    pack = tmp_path / "desk.toml"
    pack.write_text(
        'format = 1\n\n[pack]\nid = "desk"\n\n[[entity]]\nid = "tsikhanouskaya"\n'
        'preferred = { en = "Tsikhanouskaya", fr = "Tsikhanovskaïa" }\nwrong = ["Tikhanovskaya"]\n'
    )
    engine = claimlint.Engine(rules=pack, today=TODAY)
    result = engine.check("Tikhanovskaya spoke in Vilnius.", lang="en")
    assert [(d["rule"], d["kind"]) for d in result["diagnostics"]] == [
        ("desk/tsikhanouskaya", "spelling.wrong")
    ]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"lang": "de"}, "unknown language"),
        ({"date": "13/12/2025"}, "not a date"),
        ({"format": "docx"}, "unknown format"),
    ],
)
def test_bad_arguments_are_value_errors(engine, kwargs, message):
    with pytest.raises(ValueError, match=message):
        engine.check("text", **kwargs)


def test_text_must_be_str_or_bytes(engine):
    with pytest.raises(TypeError):
        engine.check(42)


def test_house_styles(engine):
    house = engine.house_styles()
    assert house["belarus/minsk"]["preferred"]["fr"] == "Minsk"


def test_an_engine_pickles_as_its_arguments(tmp_path):
    import pickle

    pack = tmp_path / "desk.toml"
    pack.write_text('format = 1\n\n[pack]\nid = "desk"\n\n[[entity]]\nid = "vilnius"\n'
                    'preferred = { en = "Vilnius", fr = "Vilnius" }\nwrong = ["Wilno"]\n')
    engine = claimlint.Engine(rules=[pack], lang="en", today=TODAY)
    copy = pickle.loads(pickle.dumps(engine))
    text = "Officials met in Wilno."
    assert copy.check(text) == engine.check(text)
    assert [d["rule"] for d in copy.check(text)["diagnostics"]] == ["desk/vilnius"]
