"""The two CSV readers (issue 14): pandas' C parser for clean comma files, the tolerant reader for
everything else. Whichever reads a file, the dataset and its warnings are the same; a file the C
parser could read differently from the strict csv module goes to the tolerant reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sample_data import write_dataset

from explainer import load_dataset, schema, validate
from explainer.dataset import DATA_DIR
from explainer.synthetic import write_synthetic

HEADER = [f["name"] for f in schema.fields("claims")]


def _clean_cells(text: str, name: str) -> tuple[list[str], list[list[str]]] | None:
    """What the C parser path makes of ``text``: header and columns, or None (tolerant reader)."""
    shape = schema._clean_shape(text, name)
    if shape is None:
        return None
    cut = schema._clean_columns(io.StringIO(text), shape)
    if cut is None:
        return None
    columns, marks = cut
    # What the reader says of each column's marks is what the table would find itself.
    assert marks == [schema._may_hold_marks(c) for c in columns]
    return shape.header, columns


def _tolerant_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "_clean_file_shape", lambda *args: None)
    monkeypatch.setattr(schema, "_clean_shape", lambda *args: None)


def _assert_same_both_ways(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load_dataset(folder)
    fast_problems = validate(folder)
    with monkeypatch.context() as m:
        _tolerant_only(m)
        slow = load_dataset(folder)
        slow_problems = validate(folder)
    for name in ("claims", "actors", "sources"):
        pd.testing.assert_frame_equal(getattr(fast, name), getattr(slow, name))
    assert fast.warnings == slow.warnings
    assert fast_problems == slow_problems


def _clean(path: Path, name: str) -> bool:
    return _clean_cells(path.read_text(encoding="utf-8"), name) is not None


@pytest.mark.parametrize("which", ["bundled", "synthetic", "template", "sample"])
def test_both_readers_load_the_same_dataset(which, tmp_path, monkeypatch):
    if which == "bundled":
        folder = DATA_DIR
    elif which == "synthetic":
        folder = write_synthetic(tmp_path / "s", 500)
    elif which == "template":
        folder = DATA_DIR / "template"
    else:
        folder = write_dataset(tmp_path / "d")
    # The fast path is taken (else this test compares the tolerant reader with itself).
    assert all(_clean(folder / f"{name}.csv", name) for name in schema.TABLES)
    _assert_same_both_ways(folder, monkeypatch)


def _claims_text(rows: list[list[str]], lineterminator: str = "\r\n") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def _row(**cells: str) -> list[str]:
    base = dict.fromkeys(HEADER, "")
    base.update(id="c1", when="2021", public_since="2021", actor="musk", kind="action")
    base.update(status="stated", summary_en="a", summary_fr="b", source="numerama")
    base.update(cells)
    return [base[c] for c in HEADER]


@pytest.mark.parametrize(
    "text",
    [
        'He said "yes", twice',  # a quoted cell with escaped quotes and a comma
        '"',
        '""',
        "  padded  ",  # stray spaces: a warning, the same either way
        "'=1+1",  # a formula guard
        "Ünïcode — « guillemets »",
        "tab\there",
    ],
)
def test_clean_files_with_awkward_cells_read_the_same(text, tmp_path, monkeypatch):
    folder = write_dataset(tmp_path / "d")
    (folder / "claims.csv").write_text(_claims_text([_row(summary_en=text)]), encoding="utf-8")
    assert _clean(folder / "claims.csv", "claims")
    _assert_same_both_ways(folder, monkeypatch)


@pytest.mark.parametrize(
    ("why", "body"),
    [
        ("text after a closing quote", 'c1,2021,2021,musk,,,action,stated,"a"b,x,numerama\r\n'),
        ("an empty quoted cell then text", 'c1,2021,2021,musk,,,action,stated,""a,x,numerama\r\n'),
        ("a quote swallowing separators", 'c1,2021,2021,"musk,,,action,stated,"a b",x,n\r\n'),
        ("a quote inside an unquoted cell", 'c1,2021,2021,musk,,,action,stated,a"b,x,numerama\r\n'),
        ("an unclosed quote", 'c1,2021,2021,musk,,,action,stated,"a,x,numerama\r\n'),
        ("a cell over two lines", 'c1,2021,2021,musk,,,action,stated,"a\r\nb",x,numerama\r\n'),
        ("a short row", "c1,2021,2021,musk\r\n"),
        ("a row longer than the header", "c1" + ",x" * len(HEADER) + "\r\n"),
        ("a blank line", "\r\nc1,2021,2021,musk,,,action,stated,a,b,numerama\r\n"),
        ("a row of blank cells", " ," * (len(HEADER) - 1) + " \r\n"),
        ("an old Mac line end", "c1,2021,2021,musk,,,action,stated,a,b,numerama\r"),
    ],
)
def test_unclean_files_go_to_the_tolerant_reader(why, body):
    text = ",".join(HEADER) + "\r\n" + body
    assert _clean_cells(text, "claims") is None, why


@pytest.mark.parametrize(
    "text",
    [
        "id;when;public_since;actor\r\nc1;2021;2021;musk\r\n",  # semicolons
        "sep=,\r\nid,when,public_since\r\nc1,2021,2021\r\n",  # Excel's hint line
        "Claims of the article\r\nid,when,public_since\r\nc1,2021,2021\r\n",  # a title line
        "\r\nid,when\r\nc1,2021\r\n",  # a blank first line
    ],
)
def test_other_shapes_go_to_the_tolerant_reader(text):
    assert _clean_cells(text, "claims") is None


def test_a_cell_past_the_csv_limit_is_worded_by_the_tolerant_reader(tmp_path):
    # A small limit of our own: the limit is process-wide, and another module may have raised it.
    old = csv.field_size_limit(1000)
    try:
        folder = write_dataset(tmp_path / "d")
        huge = "x" * 1001
        (folder / "claims.csv").write_text(_claims_text([_row(summary_en=huge)]), encoding="utf-8")
        assert not _clean(folder / "claims.csv", "claims")
        [problem] = [p for p in validate(folder) if p.severity == "error"]
    finally:
        csv.field_size_limit(old)
    assert "more than a cell may hold (1,000)" in problem.message


# Any character but line breaks (a cell over two lines is the tolerant reader's) and NUL; quotes,
# commas and apostrophes above all, which csv.writer quotes and escapes.
cells = st.text(
    st.one_of(
        st.sampled_from("\",' =+-@ \t;"),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"),
    ),
    max_size=12,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(rows=st.lists(st.lists(cells, min_size=len(HEADER), max_size=len(HEADER)), max_size=6))
def test_any_written_table_is_cut_the_same_by_both_readers(rows):
    # Any table csv.writer writes on one line a row, the C parser cuts into the same cells as the
    # strict csv module; the frames built from them then cannot differ.
    assume(all("".join(row).strip() for row in rows))  # a row of blank cells is a blank line
    text = _claims_text(rows)
    clean = _clean_cells(text, "claims")
    assert clean is not None
    header, columns = clean
    expected = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert header == [c.strip() for c in expected[0]]
    assert [list(r) for r in zip(*columns, strict=True)] == expected[1:]


def test_checking_a_slice_of_rows_at_a_time_finds_the_same_problems(tmp_path, monkeypatch):
    # Duplicate ids in different slices, a bad status, a bad date, an unknown actor, a missing
    # summary: the same problems, in the same places, whether pandera sees the rows at once or
    # three at a time (as it does for a large table).
    rows = [_row(id=f"c{i}") for i in range(10)]
    rows[1][HEADER.index("id")] = "c8"
    rows[4][HEADER.index("status")] = "rumour"
    rows[5][HEADER.index("when")] = "2021-13"
    rows[7][HEADER.index("actor")] = "nobody"
    rows[9][HEADER.index("summary_en")] = ""
    folder = write_dataset(tmp_path / "d")
    (folder / "claims.csv").write_text(_claims_text(rows), encoding="utf-8")
    whole = validate(folder)
    monkeypatch.setattr(schema, "_SLICE_ROWS", 3)
    sliced = validate(folder)
    assert sorted(whole, key=str) == sorted(sliced, key=str)
    found = {(p.line, p.column) for p in whole if p.severity == "error"}
    assert {(3, "id"), (10, "id"), (6, "status"), (7, "when"), (9, "actor")} <= found
    assert (11, "summary_en") in found
