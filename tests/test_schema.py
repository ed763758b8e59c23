"""Validation: each class of problem, with its file, line, column, value and hint.

Datasets are the small one of tests/conftest.py, written to tmp_path and then spoiled one way at
a time. Line 1 is the header; claim ``CLAIMS[i]`` is on line ``i + 2``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sample_data import ACTORS, CLAIMS, SOURCES, write_dataset

from explainer import DatasetError, Problem, load_dataset, validate
from explainer.schema import fields

CLAIM_COLUMNS = [f["name"] for f in fields("claims")]


def claim(i: int, **changes) -> tuple:
    """CLAIMS[i] with some cells changed, by column name."""
    row = list(CLAIMS[i]) + [""] * (len(CLAIM_COLUMNS) - len(CLAIMS[i]))
    for column, value in changes.items():
        row[CLAIM_COLUMNS.index(column)] = value
    return tuple(row)


def with_claims(folder: Path, **changes_by_row: dict) -> Path:
    """The small dataset with claim rows changed: ``with_claims(f, r3={"status": "x"})``."""
    rows = [claim(i, **changes_by_row.get(f"r{i}", {})) for i in range(len(CLAIMS))]
    return write_dataset(folder, claims=rows)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings_(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def only_error(folder: Path) -> Problem:
    found = errors(validate(folder))
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def where(p: Problem) -> tuple:
    return (p.file, p.line, p.column, p.value)


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# The reference: valid


def test_the_small_dataset_is_valid(tmp_path):
    assert validate(write_dataset(tmp_path / "d")) == []


def test_problem_text_says_where_what_and_what_to_do():
    p = Problem(
        "claims.csv", 4, "status", "Reported", "this value is not allowed", "Use: reported."
    )
    assert str(p) == (
        "error: claims.csv, line 4, column 'status': this value is not allowed "
        "(value 'Reported'). Use: reported."
    )
    w = Problem("actors.csv", None, None, None, "the file is empty", severity="warning")
    assert str(w) == "warning: actors.csv: the file is empty."


# --------------------------------------------------------------------------------------------------
# Columns


def test_a_missing_required_column(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "claims.csv"
    write_rows(path, [r[:7] + r[8:] for r in read_rows(path)])  # no 'status' (the 8th)
    p = only_error(folder)
    assert where(p) == ("claims.csv", 1, "status", None)
    assert p.message == "a required column is missing"
    assert "Add a column 'status'" in p.hint
    assert "id,when,public_since" in p.hint  # the whole header, to copy


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Status", "status"), ("sumary_en", "summary_en"), ("Public since", "public_since")],
)
def test_a_renamed_column_gets_the_rename_suggestion(tmp_path, written, meant):
    folder = write_dataset(tmp_path / "d")
    rewrite(folder / "claims.csv", meant, written)  # the header comes first
    p = only_error(folder)
    assert where(p) == ("claims.csv", 1, meant, None)
    assert p.hint == f"Rename column {written!r} to {meant!r}."


def test_a_missing_optional_column_is_a_warning(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "actors.csv"
    write_rows(path, [r[:4] + r[5:] for r in read_rows(path)])  # no 'country'
    problems = validate(folder)
    assert errors(problems) == []
    [w] = warnings_(problems)
    assert where(w) == ("actors.csv", 1, "country", None)
    assert "optional column is missing" in w.message
    assert load_dataset(folder).actors["country"].eq("").all()


def test_a_column_named_twice(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "actors.csv"
    rows = read_rows(path)
    write_rows(path, [[*rows[0], "role"]] + [[*r, "x"] for r in rows[1:]])
    p = only_error(folder)
    assert where(p) == ("actors.csv", 1, "role", None)
    assert p.message == "this column appears twice"


def test_a_header_with_one_column(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", "|"), encoding="utf-8")
    p = only_error(folder)
    assert (p.file, p.line, p.message) == ("sources.csv", 1, "the header has only one column")
    assert p.value.startswith("id|outlet")
    assert "Separate the columns with commas" in p.hint


def test_extra_columns_are_allowed(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "actors.csv"
    rows = read_rows(path)
    write_rows(path, [[*rows[0], "wikidata"]] + [[*r, f"Q{i}"] for i, r in enumerate(rows[1:])])
    assert validate(folder) == []
    assert load_dataset(folder).actors["wikidata"].tolist()[:2] == ["Q0", "Q1"]


# --------------------------------------------------------------------------------------------------
# Files


@pytest.mark.parametrize("content", ["", "\n\n", "  \r\n"])
def test_an_empty_file(tmp_path, content):
    folder = write_dataset(tmp_path / "d")
    (folder / "sources.csv").write_text(content, encoding="utf-8")
    found = errors(validate(folder))
    assert [where(p) for p in found] == [("sources.csv", None, None, None)]
    assert found[0].message == "the file is empty"
    assert "header row: id,outlet,title,url,published,language" in found[0].hint


def test_a_missing_file(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "actors.csv").unlink()
    found = errors(validate(folder))
    assert [(p.file, p.message) for p in found] == [("actors.csv", "the file is missing")]


def test_a_header_without_rows_is_a_warning_and_loads(tmp_path):
    folder = write_dataset(tmp_path / "d", claims=[])
    problems = validate(folder)
    assert errors(problems) == []
    [w] = problems
    assert (w.file, w.line, w.severity) == ("claims.csv", 1, "warning")
    assert "no data rows" in w.message
    ds = load_dataset(folder)
    assert len(ds.claims) == 0
    assert "when_start" in ds.claims.columns


# --------------------------------------------------------------------------------------------------
# Cells


@pytest.mark.parametrize(
    ("column", "value", "message", "hint"),
    [
        ("actor", "musc", "this id is not defined in actors.csv", "Did you mean 'musk'?"),
        ("target", "nobody", "this id is not defined in actors.csv", "Add it to actors.csv"),
        ("source", "numerma", "this id is not defined in sources.csv", "Did you mean 'numerama'?"),
        ("responds_to", "c-nothing", "this id is not defined in claims.csv", "Add it to"),
        ("involves", "xi;nobody", "an id in this list is not defined in actors.csv", "with ';'"),
        ("status", "Reported", "not one of the allowed values", "Did you mean 'reported'?"),
        ("status", "alleged", "not one of the allowed values", "established, stated, reported"),
        ("kind", "meeting", "not one of the allowed values", "contact, influence, action"),
        ("layer", "both", "not one of the allowed values", "article, context"),
        ("when", "2021-02-30", "not a date the explainer can read", "is not a real date"),
        ("when", "April 2021", "not a date the explainer can read", "not a valid EDTF date"),
        ("public_since", "2024/2023", "not a date the explainer can read", "ends before it starts"),
        ("paragraph", "x", "this is not a whole number", "Write a whole number"),
        ("paragraph", "0", "this number is too small", "at least 1"),
        ("paragraph", "1234567890123456789012", "this is not a whole number", "whole number"),
        ("id", "C 1", "does not have the expected form", "lowercase id"),
        ("kind", None, "this cell is empty but required", "Fill it in."),
        ("summary_en", None, "this cell is empty but required", "mark the row for review"),
    ],
)
def test_a_bad_cell_is_reported_where_it_is(tmp_path, column, value, message, hint):
    # CLAIMS[4] is on line 6; no claim responds to it
    folder = with_claims(tmp_path / "d", r4={column: value})
    p = only_error(folder)
    assert where(p) == ("claims.csv", 6, column, value)
    assert message in p.message
    assert hint in p.hint


@pytest.mark.parametrize(
    ("file", "column", "value", "hint"),
    [
        ("actors.csv", "type", "people", "person, organisation, state"),
        ("actors.csv", "country", "usa", "two-letter country code"),
        ("actors.csv", "id", "Musk", "lowercase id"),
        ("sources.csv", "url", "javascript:alert(1)", "http:// or https://"),
        ("sources.csv", "language", "french", "two-letter language code"),
        ("sources.csv", "published", "25/10/2024", "write an EDTF date"),
    ],
)
def test_bad_cells_in_actors_and_sources(tmp_path, file, column, value, hint):
    folder = write_dataset(tmp_path / "d")
    name = file.removesuffix(".csv")
    rows = [list(r) for r in {"actors.csv": ACTORS, "sources.csv": SOURCES}[file]]
    declared = [f["name"] for f in fields(name)]
    rows[1][declared.index(column)] = value
    write_dataset(folder, **{name: [tuple(r) for r in rows]})
    found = errors(validate(folder))
    mine = [p for p in found if p.file == file]
    assert [where(p) for p in mine] == [(file, 3, column, value)]
    assert hint in mine[0].hint
    if column == "id":  # the claims that used "musk" now point to nothing: reported too
        assert {p.column for p in found if p.file == "claims.csv"} <= {"actor", "target"}
    else:
        assert found == mine


def test_duplicate_ids_are_reported_on_each_line(tmp_path):
    folder = with_claims(tmp_path / "d", r5={"id": "c-contact"})  # CLAIMS[3] is c-contact
    found = errors(validate(folder))
    assert [where(p) for p in found] == [
        ("claims.csv", 5, "id", "c-contact"),
        ("claims.csv", 7, "id", "c-contact"),
    ]
    assert all(p.message == "this id is used by more than one row" for p in found)


def test_a_quote_of_26_words_is_too_long_and_25_is_not(tmp_path):
    words = " ".join(f"mot{i}" for i in range(26))
    p = only_error(with_claims(tmp_path / "a", r2={"quote": words}))
    assert where(p) == ("claims.csv", 4, "quote", words)
    assert p.message == "this text is too long (26 words)"
    assert p.hint == "Keep it to at most 25 words."
    shorter = words.rsplit(" ", 1)[0]
    assert errors(validate(with_claims(tmp_path / "b", r2={"quote": shorter}))) == []


def test_a_draft_row_may_leave_its_summaries_empty(tmp_path):
    folder = with_claims(
        tmp_path / "d", r4={"summary_en": None, "summary_fr": None, "review": "cue: serait"}
    )
    problems = validate(folder)
    assert errors(problems) == []
    [w] = problems
    assert where(w) == ("claims.csv", 6, "review", "cue: serait")
    assert "still needs a person" in w.message
    assert len(load_dataset(folder).claims) == len(CLAIMS)


def test_a_multi_line_cell_keeps_later_line_numbers_right(tmp_path):
    folder = with_claims(
        tmp_path / "d",
        r1={"summary_en": "First line.\nSecond line.\n\nFourth line."},  # 3 more lines
        r2={"status": "bogus"},
    )
    p = only_error(folder)
    assert where(p) == ("claims.csv", 4 + 3, "status", "bogus")
    ds = load_dataset(with_claims(tmp_path / "ok", r1={"summary_en": "One.\r\nTwo."}))
    assert ds.claims.loc[1, "summary_en"] == "One.\r\nTwo."


def test_a_referenced_table_without_ids_is_reported_once(tmp_path):
    folder = write_dataset(tmp_path / "d")
    rewrite(folder / "sources.csv", "id,outlet", "ID,outlet")
    found = errors(validate(folder))
    assert [where(p) for p in found] == [("sources.csv", 1, "id", None)]
    assert found[0].hint == "Rename column 'ID' to 'id'."


# --------------------------------------------------------------------------------------------------
# Quotes against the source text (sources/<id>.txt, one paragraph a line)

TEXT = [
    "Premier paragraphe sur Elon Musk.",
    "Le milliardaire serait en relation constante avec Vladimir Poutine depuis 2022.",
    "Il n’hésite pas à diffuser des mensonges.",
]


def quoted(folder: Path, quote: str, paragraph) -> Path:
    row = claim(3, quote=quote, paragraph=paragraph)  # c-contact, on line 5
    write_dataset(folder, claims=[*CLAIMS[:3], row, *CLAIMS[4:]])
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "numerama.txt").write_text("\n".join(TEXT) + "\n", encoding="utf-8")
    return folder


def quote_problems(folder: Path) -> list[Problem]:
    return [p for p in validate(folder) if p.line == 5]


def test_a_verbatim_quote_in_its_paragraph_passes(tmp_path):
    folder = quoted(tmp_path / "d", "serait en relation constante avec Vladimir Poutine", 2)
    assert quote_problems(folder) == []


def test_a_quote_that_is_not_in_the_text(tmp_path):
    quote = "serait en contact permanent avec Poutine"
    [p] = quote_problems(quoted(tmp_path / "d", quote, 2))
    assert where(p) == ("claims.csv", 5, "quote", quote)
    assert p.message == "this quote is not found word for word in paragraph 2 of the source text"
    assert "Copy the quote exactly" in p.hint


def test_a_quote_in_another_paragraph_says_which(tmp_path):
    [p] = quote_problems(quoted(tmp_path / "d", "Premier paragraphe", 2))
    assert (p.column, p.severity) == ("quote", "error")
    assert p.hint == "It is in paragraph 1: fix the paragraph number."


def test_a_paragraph_beyond_the_text(tmp_path):
    [p] = quote_problems(quoted(tmp_path / "d", "Premier paragraphe", 9))
    assert "paragraph 9 of the source text (which has" in p.message


def test_a_typed_apostrophe_gets_its_own_hint(tmp_path):
    [p] = quote_problems(quoted(tmp_path / "d", "Il n'hésite pas", 3))
    assert "apostrophes or quotation marks" in p.hint


def test_a_found_quote_without_paragraph_is_a_warning_with_the_number(tmp_path):
    [p] = quote_problems(quoted(tmp_path / "d", "Il n’hésite pas", None))
    assert (p.severity, p.column) == ("warning", "paragraph")
    assert p.hint == "Write 3 in the 'paragraph' column."


def test_spaces_inside_a_quote_may_differ(tmp_path):
    quote = "serait en\u00a0relation  constante"  # a non-breaking space, a double space
    assert quote_problems(quoted(tmp_path / "d", quote, 2)) == []


def test_a_claim_without_quote_needs_no_text(tmp_path):
    assert quote_problems(quoted(tmp_path / "d", "", 2)) == []


# --------------------------------------------------------------------------------------------------
# Warnings: blank lines, stray spaces


def test_blank_lines_are_skipped_with_a_warning(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "claims.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3:3] = ["", ",,,,"]  # after claim 1 (line 3): a blank line and an empty row
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    problems = validate(folder)
    assert errors(problems) == []
    [w] = problems
    assert (w.file, w.line, w.severity) == ("claims.csv", 4, "warning")
    assert "lines 4, 5, 17" in w.message
    assert len(load_dataset(folder).claims) == len(CLAIMS)


def test_stray_spaces_are_removed_with_a_warning(tmp_path):
    folder = with_claims(tmp_path / "d", r2={"actor": "  musk ", "status": "established\t"})
    problems = validate(folder)
    assert errors(problems) == []
    [w] = problems
    assert (w.file, w.line, w.column, w.severity) == ("claims.csv", 4, "actor", "warning")
    assert "1 row(s) (columns: actor, status)" in w.message
    claims = load_dataset(folder).claims
    assert (claims.loc[2, "actor"], claims.loc[2, "status"]) == ("musk", "established")


# --------------------------------------------------------------------------------------------------
# Everything at once


def test_every_problem_of_every_file_in_one_run(tmp_path):
    folder = with_claims(
        tmp_path / "d", r0={"status": "sure"}, r4={"when": "2021-13"}, r12={"actor": "elon"}
    )
    actors = read_rows(folder / "actors.csv")
    actors[3][5] = "robot"
    write_rows(folder / "actors.csv", actors)
    sources = read_rows(folder / "sources.csv")
    sources[2][4] = "someday"
    write_rows(folder / "sources.csv", sources)
    found = errors(validate(folder))
    assert [where(p) for p in found] == [
        ("actors.csv", 4, "type", "robot"),
        ("sources.csv", 3, "published", "someday"),
        ("claims.csv", 2, "status", "sure"),
        ("claims.csv", 6, "when", "2021-13"),
        ("claims.csv", 14, "actor", "elon"),
    ]
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    assert caught.value.problems == validate(folder)
    text = str(caught.value)
    assert "has 5 problem(s) to fix" in text
    for p in found:
        assert str(p) in text
    assert f"python -m explainer validate {folder}" in text
