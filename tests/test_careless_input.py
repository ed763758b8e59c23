"""The second round of careless and hostile input (issue 15): checks that were missing, and
messages a person can act on. Each problem names its file, line, column and value where they
exist; nothing here raises anything but a Problem list.
"""

from __future__ import annotations

import csv
import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_data import CLAIMS, write_dataset

from explainer import Problem, load_dataset, validate
from explainer.__main__ import main
from explainer.schema import fields


def sample_data_columns() -> list[str]:
    """The columns of a row of sample_data.CLAIMS, in order (the declared ones but 'review')."""
    return [f["name"] for f in fields("claims")][:15]


COLUMN = {name: k for k, name in enumerate(sample_data_columns())}


def changed(row: tuple, **values: object) -> tuple:
    out = list(row)
    for name, value in values.items():
        out[COLUMN[name]] = value
    return tuple(out)


def claims_with(*rows: tuple) -> list[tuple]:
    return [*CLAIMS, *rows]


def problems_at(folder: Path, column: str | None = None) -> list[Problem]:
    return [p for p in validate(folder) if column is None or p.column == column]


def only(problems: list[Problem], words: str) -> Problem:
    found = [p for p in problems if words in p.message]
    assert len(found) == 1, "\n".join(map(str, problems))
    return found[0]


# --------------------------------------------------------------------------------------------------
# responds_to: itself, a circle, a non-denial; a denial answering nothing; article and context rows

LAST = len(CLAIMS) + 2  # the line of the first added row (line 1 is the header)


def test_a_claim_that_answers_itself_is_an_error(tmp_path):
    row = changed(CLAIMS[0], id="c-self", responds_to="c-self", kind="denial")
    p = only(problems_at(write_dataset(tmp_path / "d", claims=claims_with(row))), "itself")
    assert (p.file, p.line, p.column, p.value, p.severity) == (
        "claims.csv",
        LAST,
        "responds_to",
        "c-self",
        "error",
    )


@pytest.mark.parametrize("size", [2, 3, 5])
def test_claims_answering_each_other_in_a_circle_are_one_error(tmp_path, size):
    ids = [f"c-ring-{k}" for k in range(size)]
    rows = [
        changed(CLAIMS[0], id=ids[k], kind="denial", responds_to=ids[(k + 1) % size])
        for k in range(size)
    ]
    p = only(problems_at(write_dataset(tmp_path / "d", claims=claims_with(*rows))), "circle")
    assert p.severity == "error" and (p.line, p.column) == (LAST, "responds_to")
    assert " → ".join([*ids, ids[0]]) in p.message
    with pytest.raises(ValueError, match="circle"):
        load_dataset(tmp_path / "d")


def test_a_chain_that_is_no_circle_is_fine(tmp_path):
    rows = [
        changed(CLAIMS[0], id="c-a", kind="denial", responds_to="c-b"),
        changed(CLAIMS[0], id="c-b", kind="denial", responds_to="c-contact"),
    ]
    problems = problems_at(write_dataset(tmp_path / "d", claims=claims_with(*rows)))
    assert not [p for p in problems if p.severity == "error"], problems


def test_only_a_denial_answers_and_a_denial_answers_something(tmp_path):
    rows = [
        changed(CLAIMS[0], id="c-answering", kind="stance", responds_to="c-contact"),
        changed(CLAIMS[0], id="c-lonely", kind="denial", responds_to=""),
    ]
    problems = problems_at(write_dataset(tmp_path / "d", claims=claims_with(*rows)))
    a = only(problems, "only a denial")
    assert (a.line, a.column, a.value, a.severity) == (LAST, "responds_to", "c-contact", "warning")
    b = only(problems, "answers no claim")
    assert (b.line, b.column, b.severity) == (LAST + 1, "responds_to", "warning")


def test_article_and_context_rows_are_where_they_say(tmp_path):
    rows = [
        changed(CLAIMS[0], id="c-untied", quote="", paragraph=None, layer="article"),
        changed(CLAIMS[2], id="c-ctx", paragraph=4, layer="context"),
    ]
    problems = problems_at(write_dataset(tmp_path / "d", claims=claims_with(*rows)))
    a = only(problems, "neither a quote nor a paragraph")
    assert (a.line, a.column, a.severity) == (LAST, "quote", "warning")
    b = only(problems, "context row has a paragraph")
    assert (b.line, b.column, b.value, b.severity) == (LAST + 1, "paragraph", "4", "warning")


def test_the_bundled_data_has_no_such_problem():
    problems = validate()
    assert problems == [], "\n".join(map(str, problems))


# --------------------------------------------------------------------------------------------------
# Source texts: missing or misnamed


def test_a_missing_or_misnamed_source_text_is_reported(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "sources").mkdir()
    (folder / "sources" / "numerama.TXT").write_text("text", encoding="utf-8")
    (folder / "sources" / "numerma.txt").write_text("text", encoding="utf-8")
    problems = validate(folder)
    missing = only(problems, "there is no sources/numerama.txt")
    assert (missing.file, missing.line, missing.column, missing.value) == (
        "sources.csv",
        2,
        "id",
        "numerama",
    )
    assert "12 quote(s)" in missing.message and "numerama.TXT" in missing.hint
    upper = next(p for p in problems if p.file == "sources/numerama.TXT")
    assert "not read" in upper.message and "Rename it to numerama.txt" in upper.hint
    typo = next(p for p in problems if p.file == "sources/numerma.txt")
    assert "no source in sources.csv has this id" in typo.message
    assert "Rename it to numerama.txt" in typo.hint
    assert not [p for p in problems if p.severity == "error"]


# --------------------------------------------------------------------------------------------------
# Digits: 0-9 only, for paragraphs as for dates, with the fix spelled out

NON_ASCII_DIGITS = st.text(alphabet=st.sampled_from("１２３٠١٢٣۴५৬๗"), min_size=1, max_size=3)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(digits=NON_ASCII_DIGITS)
def test_a_paragraph_in_other_digits_is_one_error_with_the_fix(tmp_path_factory, digits):
    row = changed(CLAIMS[0], id="c-digits", paragraph=digits)
    folder = write_dataset(tmp_path_factory.mktemp("d"), claims=claims_with(row))
    problems = [p for p in validate(folder) if p.line == LAST]
    assert len(problems) == 1, "\n".join(map(str, problems))  # no "the paragraph is empty"
    [p] = problems
    assert (p.column, p.value, p.severity) == ("paragraph", digits, "error")
    ascii_form = "".join(str(int(d)) for d in digits)
    assert f"digits 0-9: '{ascii_form}'" in p.hint


def test_a_date_in_other_digits_is_refused_with_the_fix(tmp_path):
    row = changed(CLAIMS[0], id="c-date", when="٢٠٢٢-١٠")
    p = only(problems_at(write_dataset(tmp_path / "d", claims=claims_with(row)), "when"), "date")
    assert p.line == LAST and "'2022-10'" in p.hint


# --------------------------------------------------------------------------------------------------
# Messages a person can act on


def test_a_huge_cell_names_its_column_and_is_cut(tmp_path, capsys):
    row = changed(CLAIMS[0], id="c-huge", summary_en="word " * 30_000)
    folder = write_dataset(tmp_path / "d", claims=claims_with(row))
    [p] = [p for p in validate(folder) if p.severity == "error"]
    assert (p.file, p.line, p.column) == ("claims.csv", LAST, "summary_en")
    assert "150,000 characters" in p.message and "shorten" in p.hint
    assert len(str(p)) < 1000
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert len(out) < 2000 and "summary_en" in out


def test_a_long_value_is_cut_in_every_message(tmp_path):
    row = changed(CLAIMS[0], id="c-long", status="x" * 5000)
    folder = write_dataset(tmp_path / "d", claims=claims_with(row))
    p = only(problems_at(folder, "status"), "allowed values")
    assert p.value == "x" * 5000  # kept whole for a program
    assert "(5,000 characters)" in str(p) and len(str(p)) < 600  # cut for a person


def _csv_text(folder: Path, name: str) -> str:
    return (folder / f"{name}.csv").read_text(encoding="utf-8")


def _as_semicolons(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        csv.reader(io.StringIO(text, newline=""))
    )
    return out.getvalue()


def test_excels_sep_line_is_skipped_and_lines_stay_right(tmp_path):
    folder = write_dataset(tmp_path / "d")
    text = _as_semicolons(_csv_text(folder, "claims")).replace(";reported;", ";rumoured;", 1)
    (folder / "claims.csv").write_text("sep=;\r\n" + text, encoding="utf-8")
    problems = validate(folder)
    hint = only(problems, "separator hint")
    assert (hint.line, hint.severity, hint.value) == (1, "warning", "sep=;")
    [error] = [p for p in problems if p.severity == "error"]
    assert (error.line, error.column, error.value) == (3, "status", "rumoured")


@pytest.mark.parametrize("semicolons", [False, True])
def test_a_title_row_above_the_header_is_one_error(tmp_path, semicolons):
    folder = write_dataset(tmp_path / "d")
    text = _csv_text(folder, "claims")
    if semicolons:
        text = _as_semicolons(text)
    (folder / "claims.csv").write_text("Claims of the article\r\n\r\n" + text, encoding="utf-8")
    problems = [p for p in validate(folder) if p.file == "claims.csv"]
    assert len(problems) == 1, "\n".join(map(str, problems))
    [p] = problems
    assert p.line == 3 and "not line 1" in p.message and p.value == "Claims of the article"
    assert "Delete the line(s) above the header" in p.hint


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_is_read_and_named(tmp_path, encoding):
    folder = write_dataset(tmp_path / "d")
    reference = load_dataset(folder)
    text = _csv_text(folder, "claims")
    (folder / "claims.csv").write_bytes(text.encode(encoding))
    ds = load_dataset(folder)
    assert ds.claims["summary_fr"].tolist() == reference.claims["summary_fr"].tolist()
    warning = only(ds.warnings, "UTF-16")
    assert "without its byte-order mark" in warning.message


# --------------------------------------------------------------------------------------------------
# Files that would block or never end, and readers that go away: a message, never a hang


def _cli(*args: str, cwd: Path, shell_tail: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "explainer", *args]
    if shell_tail:
        command = [" ".join(map(shlex.quote, command)) + shell_tail]
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=120, shell=bool(shell_tail),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("what", ["fifo", "dev-zero", "huge-json"])
def test_a_file_that_would_block_or_never_end_is_refused(tmp_path, what):
    folder = write_dataset(tmp_path / "d")
    claims = folder / "claims.csv"
    if what == "fifo":
        claims.unlink()
        os.mkfifo(claims)
    elif what == "dev-zero":
        claims.unlink()
        claims.symlink_to("/dev/zero")
    else:
        (folder / "datapackage.json").write_text("[" * 100_000, encoding="utf-8")
    result = _cli("validate", "d", cwd=tmp_path)
    if what == "huge-json":
        assert result.returncode == 0 and "datapackage.json: this file cannot be read" in (
            result.stdout
        )
    else:
        assert result.returncode == 1
        assert "claims.csv: this is not a regular file" in result.stdout


def test_a_fifo_as_the_article_is_refused(tmp_path):
    os.mkfifo(tmp_path / "article.txt")
    result = _cli("draft", "article.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_output_cut_short_by_its_reader_is_no_traceback(tmp_path):
    rows = [changed(CLAIMS[0], id=f"c-{k}", status="rumoured") for k in range(3000)]
    write_dataset(tmp_path / "d", claims=rows)
    result = _cli("validate", "d", cwd=tmp_path, shell_tail=" | head -1")
    assert result.stdout.startswith("error: claims.csv, line 2")
    assert "Error" not in result.stderr, result.stderr
