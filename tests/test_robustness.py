"""Spreadsheet-made data and hostile input: accepted, or refused with a message; never a crash.

The first half tries each spreadsheet reality on the small dataset (tests/conftest.py): a UTF-8
byte-order mark, Windows-1252, semicolons, Windows and old Mac line endings, UTF-16, a workbook
saved under a .csv name, binary data, broken quotes, extra cells, nameless columns. The second
half is property tests: random valid datasets load, and survive a write-read round trip; a random
bad cell is reported at its line and column; random bytes never raise anything but a Problem list.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sample_data import ACTORS, CLAIMS, SOURCES, write_dataset

from explainer import DatasetError, Problem, load_dataset, save_dataset, validate
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import FORMULA_START, fields

TABLES = ("actors", "sources", "claims")
COLUMNS = {name: [f["name"] for f in fields(name)] for name in TABLES}


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def encode_table(
    header: list[str],
    rows: list[tuple],
    *,
    delimiter: str = ",",
    newline: str = "\n",
    encoding: str = "utf-8",
) -> bytes:
    # Each row is written with "\r\n" (so that a cell holding a lone "\r" is quoted, as
    # spreadsheets do), then rows are joined with the line ending asked for.
    lines = []
    for row in [header, *rows]:
        cells = ["" if v is None else str(v) for v in row]
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerow(
            cells + [""] * (len(header) - len(cells))
        )
        lines.append(out.getvalue().removesuffix("\r\n"))
    return "".join(line + newline for line in lines).encode(encoding)


def write_variant(folder: Path, tables: dict[str, list[tuple]] | None = None, **how) -> Path:
    """The dataset written the way a spreadsheet would (delimiter, newline, encoding)."""
    tables = tables or {"actors": ACTORS, "sources": SOURCES, "claims": CLAIMS}
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        (folder / f"{name}.csv").write_bytes(encode_table(COLUMNS[name], tables[name], **how))
    return folder


def assert_same_dataset(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


@pytest.fixture
def reference(tmp_path):
    return load_dataset(write_dataset(tmp_path / "reference"))


# --------------------------------------------------------------------------------------------------
# Spreadsheet realities that are accepted


@pytest.mark.parametrize(
    ("how", "warning"),
    [
        ({"encoding": "utf-8-sig"}, None),  # Excel "CSV UTF-8": a byte-order mark
        ({"newline": "\r\n"}, None),  # Windows line endings
        ({"newline": "\r"}, None),  # old Mac line endings
        ({"delimiter": ";"}, None),  # French Excel
        ({"delimiter": ";", "newline": "\r\n", "encoding": "utf-8-sig"}, None),
        ({"encoding": "cp1252"}, "read as Windows-1252"),  # Excel's default "CSV"
        ({"delimiter": ";", "newline": "\r\n", "encoding": "cp1252"}, "read as Windows-1252"),
        ({"delimiter": "\t", "encoding": "utf-16"}, "UTF-16"),  # Excel "Unicode Text"
    ],
)
def test_spreadsheet_files_read_as_the_plain_file(tmp_path, reference, how, warning):
    folder = write_variant(tmp_path / "variant", **how)
    problems = validate(folder)
    assert errors(problems) == []
    if warning is None:
        assert problems == []
    else:  # each file with accented letters gets one warning that says what to check
        assert problems, "a person should check the accents"
        for p in problems:
            assert warning in p.message
            assert p.severity == "warning"
            assert "CSV UTF-8" in p.hint  # how to save it
    assert_same_dataset(load_dataset(folder), reference)


def test_windows_1252_warning_names_the_first_line_to_check(tmp_path):
    folder = write_variant(tmp_path / "d", encoding="cp1252")
    by_file = {p.file: p for p in validate(folder)}
    # actors.csv: "Sergueï" (line 4) is the first non-ASCII letter; claims.csv: line 2 ("intéresse")
    assert by_file["actors.csv"].line == 4
    assert by_file["claims.csv"].line == 2
    assert "Check the accented letters" in by_file["claims.csv"].hint


def test_trailing_empty_columns_and_rows_are_ignored(tmp_path, reference):
    folder = write_dataset(tmp_path / "d")
    path = folder / "claims.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=",", lineterminator="\r\n").writerows(
        [[*r, "", "", ""] for r in rows] + [[""] * (len(rows[0]) + 3)] * 2
    )
    path.write_text(out.getvalue(), encoding="utf-8")
    problems = validate(folder)
    assert [(p.severity, p.line) for p in problems] == [("warning", 15)]  # the blank rows, 15-16
    assert_same_dataset(load_dataset(folder), reference)


# --------------------------------------------------------------------------------------------------
# Files that are refused, with how to fix them


def spoil(tmp_path, data: bytes, name: str = "claims.csv") -> list[Problem]:
    folder = write_dataset(tmp_path / "d")
    (folder / name).write_bytes(data)
    with pytest.raises(DatasetError):
        load_dataset(folder)
    return errors(validate(folder))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(50), "spreadsheet workbook (.xlsx or .ods)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "Excel 97-2003 workbook (.xls)"),
        (b"%PDF-1.7\n" + bytes(20), "PDF document"),
        (b"id,when\n\x81\x8d\x8f\x90\x9d\n", "neither UTF-8 nor Windows-1252"),
        (b"id,when\nc1,2021\x00\n", "binary data (NUL characters)"),
    ],
)
def test_files_that_are_not_csv_text_are_refused(tmp_path, data, message):
    [p] = spoil(tmp_path, data)
    assert p.file == "claims.csv"
    assert message in p.message
    assert "CSV UTF-8 (comma delimited)" in p.hint
    assert "Unicode (UTF-8)" in p.hint  # LibreOffice's words too


def test_an_unclosed_quote_is_reported_at_its_row(tmp_path):
    good = write_dataset(tmp_path / "good")
    text = (good / "claims.csv").read_bytes().decode()
    text += 'c-open,2022,2022,"musk,,,action,stated,a,b,,numerama,,,article,\r\n'  # line 15
    [p] = spoil(tmp_path, text.encode())
    assert (p.file, p.line, p.column) == ("claims.csv", 15, None)
    assert "never closed" in p.message
    assert '""' in p.hint  # how to write a quote inside a cell


@pytest.mark.parametrize(
    "cell",
    ['"musk" and co', '"musk'],  # text after a closing quote; a quote closed rows later
)
def test_a_misplaced_quote_is_reported_at_its_row(tmp_path, cell):
    good = write_dataset(tmp_path / "good")
    lines = (good / "claims.csv").read_bytes().decode().split("\r\n")
    lines[6] = lines[6].replace(",musk,", f",{cell},", 1)
    [p] = spoil(tmp_path, "\r\n".join(lines).encode())
    assert (p.file, p.line) == ("claims.csv", 7)
    assert "does not end its cell" in p.message
    assert '""' in p.hint


def test_a_row_with_too_many_cells(tmp_path):
    good = write_dataset(tmp_path / "good")
    lines = (good / "claims.csv").read_bytes().decode().split("\r\n")
    lines[2] += ",surplus,more"
    [p] = spoil(tmp_path, "\r\n".join(lines).encode())
    assert (p.file, p.line, p.column, p.value) == ("claims.csv", 3, None, "surplus,more")
    assert p.message == "this row has 18 cells but the header has 16"
    assert "between double quotes" in p.hint


def test_a_nameless_column_with_values(tmp_path):
    good = write_dataset(tmp_path / "good")
    lines = (good / "actors.csv").read_bytes().decode().split("\r\n")
    lines[0] += ","
    lines[3] += ",stray"
    [p] = spoil(tmp_path, "\r\n".join(lines).encode(), "actors.csv")
    assert (p.file, p.line, p.value) == ("actors.csv", 4, "stray")
    assert "column 7 has no name" in p.message


def test_a_folder_named_like_a_table(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "claims.csv").unlink()
    (folder / "claims.csv").mkdir()
    [p] = errors(validate(folder))
    assert (p.file, p.message) == ("claims.csv", "this is a folder, not a file")


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_dataset_folder_that_is_not_one(tmp_path, kind):
    path = tmp_path / "nowhere"
    if kind == "file":
        path.write_text("id\n", encoding="utf-8")
    [p] = validate(path)
    assert p.file == str(path)
    expected = "this is a file, not a folder" if kind == "file" else "this folder does not exist"
    assert p.message == expected
    assert "actors.csv, sources.csv and claims.csv" in p.hint
    with pytest.raises(DatasetError, match=re.escape(expected)):
        load_dataset(path)


def test_a_source_text_saved_by_excel_is_read_with_a_warning(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "sources").mkdir()
    # "record" is the source of a claim without quote: nothing else to report
    (folder / "sources" / "record.txt").write_bytes(
        "Premier paragraphe.\r\nIl a été accusé.\r\n".encode("cp1252")
    )
    problems = validate(folder)
    assert [(p.file, p.line, p.severity) for p in problems] == [
        ("sources/record.txt", 2, "warning"),
        ("sources.csv", 2, "warning"),  # numerama's quotes: no text to check them against
    ]
    assert load_dataset(folder).texts["record"][:2] == ["Premier paragraphe.", "Il a été accusé."]


# --------------------------------------------------------------------------------------------------
# Random valid datasets (hypothesis)

# Text as people type it, accents, quotes, separators, markup, line breaks and formula-like starts
# included; cells are trimmed (the reader trims them, with a warning) and hold no NUL.
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.one_of(
    st.text(CHARS, min_size=1, max_size=25),
    st.sampled_from(["=1+1", "+33 1 23", "-5 %", "@musk", "'=quoted", "<script>x</script>"]),
    st.sampled_from(['He said "yes"', "a,b;c", "line one\nline two", "crlf\r\ninside", "é à ç «»"]),
).map(str.strip)
GUARDED = re.compile("'+[" + re.escape(FORMULA_START) + "]")
# What a hand-made file may hold: a cell that looks guarded ('=x) is read as guarded (=x).
HAND_TEXT = TEXT.filter(lambda v: v != "" and not GUARDED.match(v))
SLUG = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
DATES = st.one_of(
    st.sampled_from(["2002~", "2021-04", "2022/..", "../2021", "2024-10-24/2024-10-31", "199X"]),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31)).map(date.isoformat),
    st.integers(1700, 2200).map(str),
)


@st.composite
def datasets(draw) -> dict[str, list[tuple]]:
    actor_ids = draw(st.lists(SLUG, min_size=1, max_size=4, unique=True))
    actors = [
        (
            a,
            draw(HAND_TEXT),
            draw(HAND_TEXT),
            draw(st.one_of(st.just(""), HAND_TEXT)),
            draw(st.sampled_from(["", "US", "RU", "FR"])),
            draw(st.sampled_from(["person", "organisation", "state", "platform", "outlet"])),
        )
        for a in actor_ids
    ]
    source_ids = draw(st.lists(SLUG, min_size=1, max_size=3, unique=True))
    sources = [
        (s, draw(HAND_TEXT), draw(HAND_TEXT), draw(st.sampled_from(["", "https://example.org/a"])),
         draw(DATES), draw(st.sampled_from(["fr", "en"])), draw(st.one_of(st.just(""), HAND_TEXT)))
        for s in source_ids
    ]  # fmt: skip
    claim_ids = draw(st.lists(SLUG, min_size=1, max_size=8, unique=True))
    claims = []
    for k, c in enumerate(claim_ids):
        involved = draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True))
        claims.append(
            (
                c,
                draw(DATES),
                draw(DATES),
                draw(st.sampled_from(actor_ids)),
                draw(st.sampled_from(["", *actor_ids])),
                ";".join(involved),
                draw(st.sampled_from(KIND_ORDER)),
                draw(st.sampled_from(STATUS_ORDER)),
                draw(HAND_TEXT),
                draw(HAND_TEXT),
                draw(st.one_of(st.just(""), HAND_TEXT)),
                draw(st.sampled_from(source_ids)),
                draw(st.one_of(st.just(""), st.integers(1, 10**6).map(str))),
                # an earlier claim: a valid dataset has no claim answering itself, no circle
                draw(st.sampled_from(["", *claim_ids[:k]])),
                draw(st.sampled_from(["article", "context"])),
                "",
            )
        )
    return {"actors": actors, "sources": sources, "claims": claims}


SPREADSHEET = st.fixed_dictionaries(
    {
        "delimiter": st.sampled_from([",", ";"]),
        "newline": st.sampled_from(["\n", "\r\n"]),
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    }
)
SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _encodable(tables: dict[str, list[tuple]], how: dict) -> bool:
    # cp1252 only for text it can hold and that does not happen to read as other UTF-8 text.
    for name in TABLES:
        try:
            data = encode_table(COLUMNS[name], tables[name], **how)
        except UnicodeEncodeError:
            return False
        if how["encoding"] == "cp1252":
            try:
                if data.decode("utf-8") != data.decode("cp1252"):
                    return False
            except UnicodeDecodeError:
                pass
    return True


@SLOW
@given(datasets(), SPREADSHEET)
def test_random_valid_datasets_load_and_round_trip(tmp_path_factory, tables, how):
    assume(_encodable(tables, how))
    folder = write_variant(tmp_path_factory.mktemp("random"), tables, **how)
    problems = validate(folder)
    assert errors(problems) == [], "\n".join(map(str, problems))
    loaded = load_dataset(folder)
    for name in TABLES:  # every cell reads back as written
        frame = getattr(loaded, name)
        for row, expected in zip(
            frame[COLUMNS[name]].itertuples(index=False), tables[name], strict=True
        ):
            cells = ["" if pd.isna(v) else str(v) for v in row]
            # A column the strategy does not write (note_fr, say) reads as empty.
            assert cells[: len(expected)] == [str(v) for v in expected][: len(cells)]
            assert all(cell == "" for cell in cells[len(expected) :])
    again = load_dataset(save_dataset(loaded, tmp_path_factory.mktemp("saved")))
    assert_same_dataset(again, loaded)


@SLOW
@given(st.lists(TEXT.filter(bool), min_size=13, max_size=13))
def test_any_text_round_trips_and_no_written_cell_starts_a_formula(tmp_path_factory, texts):
    ds = load_dataset(write_dataset(tmp_path_factory.mktemp("d")))
    ds.claims["summary_en"] = texts
    ds.claims["quote"] = [t if len(t.split()) <= 25 else "" for t in texts]
    folder = save_dataset(ds, tmp_path_factory.mktemp("saved"))
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            for cell in row:
                assert not cell[:1] or cell[0] not in FORMULA_START, cell
    again = load_dataset(folder)
    assert again.claims["summary_en"].tolist() == texts
    assert_same_dataset(again, ds)


# --------------------------------------------------------------------------------------------------
# A random bad cell is reported at its line and column

BAD = {
    "status": st.sampled_from(["Reported", "rumour", "établi", "?"]),
    "kind": st.sampled_from(["meeting", "Contact", "x"]),
    "when": st.sampled_from(["2021-13", "2021-02-30", "April 2021", "24/10/2024", "2025/2024"]),
    "public_since": st.sampled_from(["soon", "2021-00", "../.."]),
    "actor": st.just("zz_unknown"),
    "source": st.just("zz_unknown"),
    "paragraph": st.sampled_from(["-3", "abc", "0", "2.5"]),
    "layer": st.sampled_from(["both", "Article"]),
    "id": st.sampled_from(["Bad Id", "-x", "é"]),
}


def _line_breaks(row: tuple) -> int:
    # How many lines a row takes beyond its first, counted as the CSV reader counts them.
    return sum(len(re.findall(r"\r\n|\r|\n", str(v))) for v in row)


@SLOW
@given(datasets(), st.data())
def test_a_random_bad_cell_is_reported_at_its_line_and_column(tmp_path_factory, tables, data):
    claims = tables["claims"]
    i = data.draw(st.integers(0, len(claims) - 1), label="row")
    column = data.draw(st.sampled_from(sorted(BAD)), label="column")
    value = data.draw(BAD[column], label="value")
    j = COLUMNS["claims"].index(column)
    if column == "id":  # a renamed claim must not leave another claim answering nothing
        claims = [(*c[:13], "" if c[13] == claims[i][0] else c[13], *c[14:]) for c in claims]
    claims[i] = (*claims[i][:j], value, *claims[i][j + 1 :])
    folder = write_variant(tmp_path_factory.mktemp("bad"), {**tables, "claims": claims})
    line = 2 + sum(_line_breaks(c) + 1 for c in claims[:i])
    found = errors(validate(folder))
    assert [(p.file, p.line, p.column, p.value) for p in found] == [
        ("claims.csv", line, column, value)
    ], "\n".join(map(str, found))


# --------------------------------------------------------------------------------------------------
# Random bytes and random CSV never raise anything but problems


def _never_raises(folder: Path) -> None:
    problems = validate(folder)
    assert all(isinstance(p, Problem) for p in problems)
    for p in problems:
        str(p)  # printable
    try:
        load_dataset(folder)
    except DatasetError as err:
        assert err.problems
        assert any(p.severity == "error" for p in err.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["actors.csv", "sources.csv", "claims.csv"]), st.binary(max_size=400))
def test_random_bytes_never_raise(tmp_path_factory, name, data):
    folder = write_dataset(tmp_path_factory.mktemp("bytes"))
    (folder / name).write_bytes(data)
    _never_raises(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["actors.csv", "sources.csv", "claims.csv"]),
    st.lists(st.lists(st.text(max_size=12), max_size=20), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
)
def test_random_csv_never_raises(tmp_path_factory, name, rows, delimiter, keep_header):
    folder = write_dataset(tmp_path_factory.mktemp("csv"))
    header = [COLUMNS[name.removesuffix(".csv")]] if keep_header else []
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(header + rows)
    (folder / name).write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
    _never_raises(folder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_source_text_never_raises(tmp_path_factory, data):
    folder = write_dataset(tmp_path_factory.mktemp("text"))
    (folder / "sources").mkdir()
    (folder / "sources" / "numerama.txt").write_bytes(data)
    _never_raises(folder)
