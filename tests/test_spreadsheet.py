"""Workbooks (.xlsx, .ods): read with the same checks as CSV, written back to the same dataset."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sample_data import write_dataset

import explainer as ex
from explainer import schema
from explainer.spreadsheet import WorkbookError, save_workbook, write_template

DECLARED = {name: [f["name"] for f in schema.fields(name)] for name in schema.TABLES}


def same_dataset(a: ex.Dataset, b: ex.Dataset) -> None:
    for name in schema.TABLES:
        left, right = getattr(a, name), getattr(b, name)
        assert left.columns.tolist() == right.columns.tolist(), name
        assert left.equals(right), name
    assert a.texts == b.texts


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_the_bundled_dataset_round_trips_through_a_workbook(tmp_path, suffix):
    original = ex.load_dataset()
    book = save_workbook(original, tmp_path / f"dataset{suffix}")
    assert (tmp_path / "sources" / "numerama-2024-10.txt").exists()
    back = ex.load_dataset(tmp_path)  # the folder holding dataset.xlsx
    same_dataset(original, back)
    assert back.path == tmp_path
    same_dataset(original, ex.load_dataset(book))  # or the workbook itself


def test_formula_like_text_round_trips_and_is_never_a_formula(tmp_path):
    folder = write_dataset(tmp_path / "d")
    ds = ex.load_dataset(folder)
    ds.claims.loc[0, "summary_en"] = "=HYPERLINK(1) is text"
    ds.claims.loc[1, "summary_en"] = "'=already guarded"
    book = save_workbook(ds, tmp_path / "out" / "dataset.xlsx")
    cells = [c.value for c in load_workbook(book)["claims"]["I"]]
    assert all(not str(v).startswith("=") for v in cells if v)
    back = ex.load_dataset(book)
    assert back.claims.loc[0, "summary_en"] == "=HYPERLINK(1) is text"
    assert back.claims.loc[1, "summary_en"] == "'=already guarded"


def other_program_workbook(path: Path) -> Path:
    """A workbook as another program writes it: numbers and dates as typed, sheet names capitalised,
    a notes sheet, blank rows at the end."""
    book = Workbook()
    book.remove(book.active)
    notes = book.create_sheet("Notes")
    notes.append(["Class project, group 3"])
    actors = book.create_sheet("Actors")
    actors.append(["id", "name", "name_fr", "type"])
    actors.append(["city-council", "City council", "Conseil municipal", "organisation"])
    actors.append(["mayor", "The mayor", "La maire", "person"])
    sources = book.create_sheet("Sources")
    sources.append(["id", "outlet", "title", "published", "language"])
    sources.append(["gazette", "Example Gazette", "The bridge", dt.datetime(2025, 3, 14), "en"])
    claims = book.create_sheet("Claims")
    claims.append(DECLARED["claims"])
    row = dict.fromkeys(DECLARED["claims"], None)
    row.update(
        id="bridge-vote", when="2025-03", public_since="2025-03-14", actor="city-council",
        kind="action", status="established", summary_en="The council voted.",
        summary_fr="Le conseil a voté.", source="gazette", paragraph=2,
    )  # fmt: skip
    claims.append(list(row.values()))
    row.update(id="mayor-says", actor="mayor", status="stated", kind="stance", paragraph=None)
    claims.append(list(row.values()))
    claims.append([None] * len(row))
    book.save(path)
    return path


def test_a_workbook_made_by_another_program_is_read(tmp_path):
    book = other_program_workbook(tmp_path / "class.xlsx")
    ds = ex.load_dataset(book)
    assert ds.claims["id"].tolist() == ["bridge-vote", "mayor-says"]
    assert ds.claims["paragraph"].tolist()[0] == 2  # a number cell, read as the number typed
    assert ds.claims["layer"].tolist() == ["article", "article"]
    assert ds.sources.loc["gazette", "published"] == "2025-03-14"
    by_text = {p.message: p for p in ds.warnings}
    date = next(p for m, p in by_text.items() if "is a date in the spreadsheet" in m)
    assert (date.file, date.sheet, date.line, date.column) == ("class.xlsx", "sources", 2,
                                                               "published")  # fmt: skip
    assert "Format the column as Text" in date.hint
    assert any("'Notes' was not read" in m for m in by_text)


def test_errors_name_the_workbook_sheet_row_and_column(tmp_path):
    book_path = other_program_workbook(tmp_path / "class.xlsx")
    book = load_workbook(book_path)
    book["Claims"]["H3"] = "rumoured"  # status of the second claim
    book["Claims"]["D2"] = "council"  # actor of the first claim
    book.save(book_path)
    errors = [p for p in ex.validate(book_path) if p.severity == "error"]
    where = {(p.file, p.sheet, p.line, p.column, p.value) for p in errors}
    assert where == {
        ("class.xlsx", "claims", 2, "actor", "council"),
        ("class.xlsx", "claims", 3, "status", "rumoured"),
    }
    actor = next(p for p in errors if p.column == "actor")
    assert "sheet 'actors'" in actor.message and ".csv" not in str(actor)
    assert str(actor).startswith("error: class.xlsx, sheet 'claims', row 2, column 'actor'")
    with pytest.raises(ex.DatasetError, match="row 3, column 'status'"):
        ex.load_dataset(book_path)


def test_a_missing_sheet_and_an_unreadable_workbook_are_explained(tmp_path):
    book_path = other_program_workbook(tmp_path / "class.xlsx")
    book = load_workbook(book_path)
    del book["Sources"]
    book.save(book_path)
    errors = [p for p in ex.validate(book_path) if p.severity == "error"]
    assert any("no sheet named 'sources'" in p.message for p in errors)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    [problem] = ex.validate(broken)
    assert "cannot be read" in problem.message and "save it again" in problem.hint


def test_a_folder_with_both_a_workbook_and_csv_files_is_refused(tmp_path):
    folder = write_dataset(tmp_path / "d")
    save_workbook(ex.load_dataset(folder), folder / "dataset.xlsx")
    [problem] = ex.validate(folder)
    assert "both dataset.xlsx and CSV files" in problem.message
    assert "Keep one form" in problem.hint


def test_the_template_workbook_has_an_example_row_and_drop_down_lists(tmp_path):
    path = write_template(tmp_path / "template.xlsx")
    assert ex.validate(path) == []
    book = load_workbook(path)
    assert book.sheetnames == list(schema.TABLES)
    for name in schema.TABLES:
        sheet = book[name]
        assert [c.value for c in sheet[1]] == DECLARED[name]
        assert sheet.max_row == 2  # the header and one example row
    lists = {}
    for name in schema.TABLES:
        for check in book[name].data_validations.dataValidation:
            column = book[name].cell(row=1, column=next(iter(check.sqref.ranges)).min_col).value
            lists[(name, column)] = check.formula1
    assert lists[("claims", "status")] == '"established,stated,reported,accused,commentary"'
    assert lists[("claims", "kind")].startswith('"contact,influence,')
    assert lists[("claims", "layer")] == '"article,context"'
    assert lists[("actors", "type")].startswith('"person,')
    assert lists[("claims", "actor")].startswith("actors!$A$2:$A$")
    assert lists[("claims", "target")].startswith("actors!$A$2:$A$")
    assert lists[("claims", "source")].startswith("sources!$A$2:$A$")


def test_a_workbook_needs_a_workbook_suffix(tmp_path):
    with pytest.raises(WorkbookError, match=r"\.xlsx or \.ods"):
        save_workbook(ex.load_dataset(), tmp_path / "dataset.xls")


def test_an_xls_workbook_is_refused_with_what_to_do(tmp_path):
    old = tmp_path / "class.xls"
    shutil.copy(write_template(tmp_path / "t.xlsx"), old)
    [problem] = ex.validate(old)
    assert "Excel 97-2003" in problem.message and ".xlsx" in problem.hint


def odf_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .ods written with odfpy directly, cell types as LibreOffice stores them."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=value.isoformat()))
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_an_ods_made_with_odfpy_is_read_with_rows_numbered_as_libreoffice_does(tmp_path):
    claims_row = dict.fromkeys(DECLARED["claims"], None)
    claims_row.update(
        id="vote", when="2025", public_since=dt.date(2025, 3, 14), actor="council",
        kind="action", status="establshed", summary_en="It voted.", summary_fr="Il a voté.",
        source="gazette", paragraph=3,
    )  # fmt: skip
    book = odf_workbook(
        tmp_path / "dataset.ods",
        {
            "actors": [["id", "name", "name_fr", "type"],
                       ["council", "Council", "Conseil", "organisation"]],
            "sources": [["id", "outlet", "title", "published", "language"],
                        ["gazette", "Gazette", "The vote", "2025-03", "en"]],
            # Two empty rows above the header: rows are numbered as the spreadsheet shows them.
            "claims": [[None], [None], DECLARED["claims"], list(claims_row.values())],
        },
    )  # fmt: skip
    problems = ex.validate(tmp_path)
    [error] = [p for p in problems if p.severity == "error"]
    assert (error.file, error.sheet, error.line, error.column, error.value) == (
        "dataset.ods",
        "claims",
        4,
        "status",
        "establshed",
    )
    assert "Did you mean 'established'?" in error.hint
    [date] = [p for p in problems if "is a date in the spreadsheet" in p.message]
    assert (date.sheet, date.line, date.column, date.value) == (
        "claims",
        4,
        "public_since",
        "2025-03-14",
    )
    book_fixed = load_dataset_after_fix(book, tmp_path)
    assert book_fixed.claims.loc[0, "paragraph"] == 3


def load_dataset_after_fix(book: Path, folder: Path) -> ex.Dataset:
    ds_rows = pd.read_excel(book, sheet_name=None, header=None, dtype=object)
    sheets = {
        name: [[None if pd.isna(v) else v for v in row] for row in frame.values.tolist()]
        for name, frame in ds_rows.items()
    }
    status = sheets["claims"][2].index("status")
    sheets["claims"][3][status] = "established"
    book.unlink()
    odf_workbook(book, sheets)
    return ex.load_dataset(folder)


def test_the_command_line_writes_the_template_and_will_not_overwrite(tmp_path, capsys):
    from explainer.__main__ import main

    out = tmp_path / "class" / "dataset.xlsx"
    out.parent.mkdir()
    assert main(["template", "--xlsx", str(out)]) == 0
    assert "drop-down lists" in capsys.readouterr().out
    assert ex.validate(out.parent) == []
    assert main(["template", "--xlsx", str(out)]) == 1
    assert "add --force" in capsys.readouterr().err
    assert main(["template", "--xlsx", str(tmp_path / "t.csv")]) == 1
    assert "t.xlsx" in capsys.readouterr().err
    xlsx = tmp_path / "bundled.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(xlsx)]) == 0
    assert len(ex.load_dataset(xlsx).claims) == len(ex.load_dataset().claims)


def test_a_folder_whose_only_workbook_has_another_name_is_read(tmp_path):
    save_workbook(ex.load_dataset(write_dataset(tmp_path / "d")), tmp_path / "class" / "ours.ods")
    assert len(ex.load_dataset(tmp_path / "class").claims) == len(
        ex.load_dataset(tmp_path / "d").claims
    )
    save_workbook(ex.load_dataset(tmp_path / "d"), tmp_path / "class" / "other.xlsx")
    [problem] = ex.validate(tmp_path / "class")
    assert "several workbooks (other.xlsx, ours.ods)" in problem.message
    assert "dataset.xlsx" in problem.hint


def test_one_workbook_per_table_is_refused_with_what_to_do(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for name in schema.TABLES:
        book = Workbook()
        book.active.append(DECLARED[name])
        book.save(folder / f"{name}.xlsx")
    [problem] = ex.validate(folder)
    assert "one workbook per table (actors.xlsx, claims.xlsx, sources.xlsx)" in problem.message
    assert "one workbook named dataset.xlsx" in problem.hint


ODD_TEXT = ["two\r\nlines", "old\rmac", "unix\nline", "tab\there", "two  spaces", "no\u00a0break"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_line_breaks_tabs_and_spaces_inside_cells_survive(tmp_path, suffix):
    ds = ex.load_dataset(write_dataset(tmp_path / "d"))
    for i, text in enumerate(ODD_TEXT):
        ds.claims.loc[i, "summary_en"] = text
    back = ex.load_dataset(save_workbook(ds, tmp_path / "out" / f"dataset{suffix}"))
    got = back.claims["summary_en"].tolist()[: len(ODD_TEXT)]
    if suffix == ".xlsx":
        assert got == ODD_TEXT
    else:  # .ods stores every line break as "\n"
        assert got == [t.replace("\r\n", "\n").replace("\r", "\n") for t in ODD_TEXT]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_control_character_is_refused_with_where_it_is(tmp_path, suffix):
    ds = ex.load_dataset(write_dataset(tmp_path / "d"))
    ds.claims.loc[2, "quote"] = "bell\x07"
    with pytest.raises(WorkbookError, match=r"claims, row 4, column 'quote': .*control character"):
        save_workbook(ds, tmp_path / "out" / f"dataset{suffix}")


def test_c1_controls_are_refused_in_ods_and_kept_in_xlsx(tmp_path):
    ds = ex.load_dataset(write_dataset(tmp_path / "d"))
    ds.claims.loc[0, "summary_en"] = "delete\x7fme"
    with pytest.raises(WorkbookError, match=r"row 2, column 'summary_en'.*an \.ods workbook"):
        save_workbook(ds, tmp_path / "o" / "dataset.ods")
    back = ex.load_dataset(save_workbook(ds, tmp_path / "x" / "dataset.xlsx"))
    assert back.claims.loc[0, "summary_en"] == "delete\x7fme"


def test_a_broken_ods_is_explained_without_dumping_its_xml(tmp_path, capsys):
    import zipfile

    good = save_workbook(ex.load_dataset(write_dataset(tmp_path / "d")), tmp_path / "good.ods")
    broken = tmp_path / "broken" / "dataset.ods"
    broken.parent.mkdir()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(b"</table:table>", b"</table:tabl>", 1)
            dst.writestr(item, data)
    problems = ex.validate(broken.parent)
    assert capsys.readouterr().out == ""
    [problem] = problems
    assert "the workbook cannot be read" in problem.message and "save it again" in problem.hint


# Text as a CSV cell can hold it (the reader strips each cell), minus what XML cannot store.
TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=["Cs"],
            blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
            + "\ufffe\uffff",
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(TEXT, min_size=3, max_size=3))
def test_any_text_round_trips_through_xlsx(tmp_path, texts):
    ds = ex.load_dataset(write_dataset(tmp_path / "d"))
    ds.claims.loc[0, "summary_en"], ds.claims.loc[1, "summary_fr"], ds.actors.iloc[0, 3] = texts
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        back = ex.load_dataset(save_workbook(ds, Path(scratch) / "dataset.xlsx"))
    assert back.claims.loc[0, "summary_en"] == texts[0]
    assert back.claims.loc[1, "summary_fr"] == texts[1]
    assert back.actors.iloc[0, 3] == texts[2]


@pytest.mark.parametrize("text", ["NaN", "NULL", "NA", "None", "#N/A", "nan", "n/a"])
def test_words_pandas_reads_as_missing_stay_text_through_xlsx(tmp_path, text):
    # pandas' read_excel turns these into gaps by default; a summary or name is never lost so.
    ds = ex.load_dataset(write_dataset(tmp_path / "d"))
    ds.claims.loc[0, "summary_en"] = text
    ds.actors.iloc[0, 3] = text
    back = ex.load_dataset(save_workbook(ds, tmp_path / "out" / "dataset.xlsx"))
    assert back.claims.loc[0, "summary_en"] == text
    assert back.actors.iloc[0, 3] == text
