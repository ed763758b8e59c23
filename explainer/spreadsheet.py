"""Datasets in spreadsheet workbooks (``.xlsx``, ``.ods``), as teachers and students keep them.

A dataset folder holds either the three CSV files (the default) or **one workbook named
``dataset.xlsx`` or ``dataset.ods``** with three sheets, ``actors``, ``sources`` and ``claims``,
each with the same header row and columns as the CSV file of that name; ``sources/<id>.txt`` stay
text files next to it. A folder without CSV files whose only workbook has another name is read
the same; one workbook per table (``claims.xlsx``...) is refused with what to do. A workbook
file can also be given directly (``validate my.xlsx``): its texts are then read from the
``sources`` folder beside it. A folder with both a workbook and CSV files is refused, since which
one is meant cannot be guessed.

Sheets are read through pandas (openpyxl for ``.xlsx``, odfpy for ``.ods``) into the same text
rows as a CSV file, so that every check and message is the same; problems name the workbook, the
sheet and the row as the spreadsheet numbers it. :func:`save_workbook` writes a dataset back, and
:func:`write_template` writes the starting workbook with drop-down lists (data validation) for
status, kind, layer, actor type and the ids of actors and sources.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import numbers
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from explainer import schema
from explainer.bundled import TEMPLATE_DIR
from explainer.schema import TABLES, Problem, Table

if TYPE_CHECKING:  # for the hints only: schema loads this module, and dataset loads schema
    from explainer.dataset import Dataset

__all__ = [
    "SUFFIXES",
    "WORKBOOK_NAMES",
    "WorkbookError",
    "find_workbook",
    "read_workbook",
    "save_workbook",
    "write_template",
]

SUFFIXES = (".xlsx", ".ods")
WORKBOOK_NAMES = tuple(f"dataset{s}" for s in SUFFIXES)

# Rows below the data that drop-down lists still cover in a written workbook, for new rows.
_SPARE_ROWS = 1000


class WorkbookError(ValueError):
    """A workbook that cannot be written (the message says what to do)."""


def find_workbook(path: Path, problems: list[Problem]) -> Path | None:
    """The workbook a dataset path stands for, or None when it is a folder of CSV files.

    A problem is added when a folder holds both a workbook and CSV files, or two workbooks, or
    when ``path`` is an old ``.xls`` workbook.
    """
    path = Path(path)
    if path.is_file():
        if path.suffix.lower() in SUFFIXES:
            return path
        if path.suffix.lower() == ".xls":
            problems.append(
                Problem(path.name, None, None, None,
                        "this is an Excel 97-2003 workbook (.xls), which is not read",
                        "Save it as an Excel Workbook (.xlsx) or as OpenDocument (.ods).")
            )  # fmt: skip
        return None
    if not path.is_dir():
        return None
    books = [path / name for name in WORKBOOK_NAMES if (path / name).is_file()]
    csvs = [f"{name}.csv" for name in TABLES if (path / f"{name}.csv").exists()]
    others = sorted(
        p for p in path.iterdir()
        if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(("~$", ".~lock"))
    )  # fmt: skip
    if not books and not csvs and others:
        per_table = [p.name for p in others if p.stem.lower() in TABLES]
        if per_table:
            problems.append(
                Problem(str(path), None, None, None,
                        f"one workbook per table ({', '.join(per_table)}) is not read",
                        "Put the three tables as sheets actors, sources and claims of one "
                        "workbook named dataset.xlsx, or save each sheet as CSV "
                        "(actors.csv, sources.csv, claims.csv).")
            )  # fmt: skip
            return None
        if len(others) == 1:  # the folder's only workbook, whatever its name
            return others[0]
        problems.append(
            Problem(str(path), None, None, None,
                    f"the folder holds several workbooks ({', '.join(p.name for p in others)})",
                    "Name the one that holds the dataset dataset.xlsx (or dataset.ods).")
        )  # fmt: skip
        return None
    if len(books) > 1:
        problems.append(
            Problem(str(path), None, None, None,
                    "the folder holds both dataset.xlsx and dataset.ods",
                    "Keep one of them (move the other out of the folder).")
        )  # fmt: skip
    elif books and csvs:
        problems.append(
            Problem(str(path), None, None, None,
                    f"the folder holds both {books[0].name} and CSV files ({', '.join(csvs)})",
                    f"Keep one form of the dataset: move {books[0].name} or the CSV files out "
                    "of the folder.")
        )  # fmt: skip
    return books[0] if len(books) == 1 and not csvs else None


def _text(value: object) -> tuple[str, str | None]:
    """A cell as text, and what was changed to get there (a spreadsheet date), if anything."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, dt.datetime | dt.date):
        stamp = pd.Timestamp(value)
        if stamp.hour or stamp.minute or stamp.second:
            return stamp.isoformat(), "a date and time"
        return stamp.strftime("%Y-%m-%d"), "a date"
    if isinstance(value, dt.time):
        return value.isoformat(), "a time"
    if isinstance(value, numbers.Integral):
        return str(int(value)), None
    if isinstance(value, numbers.Real):
        number = float(value)
        return (str(int(number)) if number.is_integer() else repr(number)), None
    return str(value), None


def _read_sheets(path: Path, problems: list[Problem]) -> dict[str, pd.DataFrame] | None:
    noise = io.StringIO()  # odfpy prints a broken file's whole XML to stdout: kept from the user
    try:
        with contextlib.redirect_stdout(noise):
            # keep_default_na=False: a cell reading "NA", "NULL", "NaN" or "None" is text, not a gap
            sheets = pd.read_excel(
                path, sheet_name=None, header=None, dtype=object, keep_default_na=False
            )
        if "FAILED TO PARSE" in noise.getvalue():
            raise ValueError("its XML is broken")
        return sheets
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
        problems.append(
            Problem(path.name, None, None, None,
                    f"the workbook cannot be read ({type(err).__name__}: {err})",
                    "Open it in Excel or LibreOffice and save it again as .xlsx or .ods.")
        )  # fmt: skip
    except Exception as err:  # a broken file may fail anywhere in the readers
        problems.append(
            Problem(path.name, None, None, None,
                    f"the workbook cannot be read ({type(err).__name__})",
                    "Open it in Excel or LibreOffice and save it again as .xlsx or .ods.")
        )  # fmt: skip
    return None


def _sheet_table(name: str, sheet: pd.DataFrame, problems: list[Problem]) -> Table | None:
    """One sheet as a table, read as :mod:`explainer.schema` reads a CSV file."""
    file = f"{name}.csv"  # validation names tables by file; in_sheets() names the sheet again
    header: list[str] | None = None
    header_line = 1
    rows: list[list[str]] = []
    lines: list[int] = []
    blank: list[int] = []
    for i, values in enumerate(sheet.itertuples(index=False, name=None)):
        row_number = i + 1  # as the spreadsheet numbers its rows
        cells = []
        for j, value in enumerate(values):
            text, changed = _text(value)
            if changed and header is not None:
                column = header[j] if j < len(header) and header[j] else f"column {j + 1}"
                hint = (
                    "Format the column as Text and type the date as the source gives it "
                    "(2025-03 for a month, 2025 for a year)."
                )
                if changed == "a date" and text.endswith("-01"):
                    hint = "If you meant a month or a year, not this day: " + hint
                problems.append(
                    Problem(file, row_number, column, text,
                            f"this cell is {changed} in the spreadsheet, read as {text}", hint,
                            severity="warning")
                )  # fmt: skip
            cells.append(text)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            blank.append(row_number)
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            header_line = row_number
            continue
        if len(cells) > len(header):
            extra = [c for c in cells[len(header) :] if c.strip()]
            problems.append(
                Problem(file, row_number, None, "; ".join(extra),
                        "this row has values to the right of the last named column",
                        "Give that column a name in the header row, or delete the values.")
            )  # fmt: skip
            cells = cells[: len(header)]
        rows.append(cells)
        lines.append(row_number)
    blank = [b for b in blank if header is not None and b > header_line and b < max(lines or [0])]
    return schema.table_from_rows(
        file, name, header, header_line, rows, lines, blank, ",", problems
    )


def read_workbook(path: Path) -> tuple[dict[str, Table], dict[str, list[str]], list[Problem]]:
    """Read the three sheets of a workbook, and the source texts beside it.

    Parameters
    ----------
    path : pathlib.Path
        An ``.xlsx`` or ``.ods`` workbook with sheets ``actors``, ``sources`` and ``claims``.

    Returns
    -------
    tables, texts, problems
        As :func:`explainer.schema.read_folder` returns them, before validation; problems about a
        table still name it as its CSV file (:func:`in_sheets` names the sheet).
    """
    problems: list[Problem] = []
    sheets = _read_sheets(path, problems)
    if sheets is None:
        return {}, {}, problems
    by_name = {str(name).strip().lower(): name for name in sheets}
    tables = {}
    for name in TABLES:
        if name not in by_name:
            problems.append(
                Problem(path.name, None, None, None, f"the workbook has no sheet named {name!r}",
                        f"Add a sheet {name!r} (one sheet for each of actors, sources and "
                        f"claims), with the header row: {','.join(_columns(name))}")
            )  # fmt: skip
            continue
        table = _sheet_table(name, sheets[by_name[name]], problems)
        if table is not None:
            tables[name] = table
    for key, name in by_name.items():
        if key not in TABLES:
            problems.append(
                Problem(path.name, None, None, None, f"the sheet {str(name)!r} was not read",
                        "Only the sheets actors, sources and claims are read; nothing to do if "
                        "this one holds notes.", severity="warning")
            )  # fmt: skip
    texts = schema.read_texts(path.parent, problems)
    return tables, texts, problems


def in_sheets(path: Path, problems: list[Problem]) -> list[Problem]:
    """Problems about the tables of a workbook, named by workbook, sheet and row."""
    files = {f"{name}.csv": name for name in TABLES}

    def words(text: str) -> str:
        text = re.sub(r"\b(actors|sources|claims)\.csv\b", r"sheet '\1'", text)
        return text.replace("blank lines", "blank rows").replace("(lines ", "(rows ")

    named = [
        replace(p, file=path.name, sheet=files[p.file], message=words(p.message),
                hint=words(p.hint))
        if p.file in files
        else p
        for p in problems
    ]  # fmt: skip
    order = {name: i for i, name in enumerate(TABLES)}
    return sorted(named, key=lambda p: (order.get(p.sheet or "", -1), p.line or 0))


# --------------------------------------------------------------------------------------------------
# Writing


def _columns(name: str) -> list[str]:
    return [f["name"] for f in schema.fields(name)]


# What no workbook can store: XML 1.0 forbids these control characters and non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# odfpy and pandas' .ods reader also turn the C1 controls (U+007F-U+009F) into U+FFFD.
_ODS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _frames(dataset: Dataset, forbidden: re.Pattern[str] = _CONTROL) -> dict[str, pd.DataFrame]:
    """Each table's declared columns as text cells (guarded as :func:`save_dataset` guards).

    Raises :class:`WorkbookError` at the first cell holding a ``forbidden`` character.
    """
    from explainer.dataset import _cell

    frames = {}
    for name in TABLES:
        frame = getattr(dataset, name)
        columns = _columns(name)
        frames[name] = pd.DataFrame(
            {
                c: [_cell(v) for v in (frame[c] if c in frame.columns else [None] * len(frame))]
                for c in columns
            },
            columns=columns,
            dtype=object,
        )
        for c in columns:
            bad = frames[name][c].map(lambda v: bool(forbidden.search(v)))
            if bad.any():
                row = int(bad.to_numpy().nonzero()[0][0]) + 2  # the header is row 1
                book = "an .ods workbook" if forbidden is _ODS_CONTROL else "a workbook"
                raise WorkbookError(
                    f"{name}, row {row}, column {c!r}: the value holds a control character that "
                    f"{book} cannot store; remove it (or save as CSV)"
                )
    return frames


def _choices(name: str, rows: dict[str, int]) -> dict[str, str]:
    """Column -> a data-validation list: an enum of the schema, or the ids of another sheet."""
    lists = {}
    for f in schema.fields(name):
        enum = f.get("constraints", {}).get("enum")
        if enum:
            lists[f["name"]] = '"' + ",".join(enum) + '"'
    for column, referenced in schema._foreign_keys(name):
        last = rows[referenced] + _SPARE_ROWS + 1
        lists[column] = f"{referenced}!$A$2:$A${last}"
    return lists


def _write_xlsx(frames: dict[str, pd.DataFrame], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    rows = {name: len(frame) for name, frame in frames.items()}
    for name, frame in frames.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for j, value in enumerate(row, start=1):
                cell = sheet.cell(row=i, column=j, value=value or None)
                cell.data_type = "s"  # text, never a formula or a number
                cell.number_format = "@"
        last = len(frame) + 1 + _SPARE_ROWS
        for j, column in enumerate(frame.columns, start=1):
            letter = get_column_letter(j)
            # Text format: a spreadsheet would turn 2025-03 typed here into a day (2025-03-01).
            sheet.column_dimensions[letter].number_format = "@"
            sheet.column_dimensions[letter].width = max(12, min(40, len(column) + 4))
        for column, formula in _choices(name, rows).items():
            j = list(frame.columns).index(column) + 1
            letter = get_column_letter(j)
            check = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=f"{column}: not an allowed value",
                error=(
                    f"Choose a value of the list for {column!r}"
                    + (" (an id of the sheet it names)." if "!" in formula else ".")
                ),
            )
            check.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(check)
        sheet.freeze_panes = "A2"
    book.save(path)


def save_workbook(dataset: Dataset, path: str | Path, *, texts: bool = True) -> Path:
    """Write a dataset as one workbook with the sheets ``actors``, ``sources`` and ``claims``.

    ``.xlsx`` workbooks get drop-down lists (data validation) for the columns with a fixed list of
    values (status, kind, layer, type) and for ids of other sheets (actor, target, source,
    responds_to), and every column is formatted as text so that dates stay as typed. ``.ods``
    workbooks (written through pandas and odfpy) hold the same cells, without the lists, and with
    every line break inside a cell as ``\n`` (odfpy cannot store a carriage return). Cells are
    written as :func:`explainer.dataset.save_dataset` writes them, so reading the workbook back
    gives the same dataset.

    Parameters
    ----------
    dataset : Dataset
        What to write, usually from :func:`explainer.load_dataset`.
    path : str or pathlib.Path
        The workbook, ``.xlsx`` or ``.ods``; name it ``dataset.xlsx`` inside a folder to make that
        folder a dataset. An existing file is replaced.
    texts : bool
        Also write the source texts to ``sources/<id>.txt`` beside the workbook.

    Returns
    -------
    pathlib.Path
        The workbook written.

    Raises
    ------
    WorkbookError
        When the suffix is neither ``.xlsx`` nor ``.ods``, or a value cannot be stored.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbookError(f"{path.name}: a workbook's name ends in .xlsx or .ods")
    frames = _frames(dataset, _CONTROL if suffix == ".xlsx" else _ODS_CONTROL)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        _write_xlsx(frames, path)
    else:
        with pd.ExcelWriter(path, engine="odf") as writer:
            for name, frame in frames.items():
                # odfpy writes a carriage return as broken XML: a line break is written as "\n",
                # the one LibreOffice itself stores.
                frame = frame.map(lambda v: v.replace("\r\n", "\n").replace("\r", "\n"))
                frame.to_excel(writer, sheet_name=name, index=False)
    if texts and getattr(dataset, "texts", None):
        folder = path.parent / "sources"
        folder.mkdir(exist_ok=True)
        for source_id, paragraphs in dataset.texts.items():
            if Path(source_id).name != source_id or source_id.startswith("."):
                raise WorkbookError(f"{source_id!r} cannot be a source text's file name")
            (folder / f"{source_id}.txt").write_text(
                "\n".join(paragraphs), encoding="utf-8", newline=""
            )
    return path


def write_template(path: str | Path) -> Path:
    """Write the starting workbook: one sheet per table, its header and one example row.

    The example is the one of ``data/template`` (an invented town council story); the drop-down
    lists of :func:`save_workbook` cover a thousand new rows.
    """
    from explainer.dataset import load_dataset

    return save_workbook(load_dataset(TEMPLATE_DIR), path, texts=False)
