"""The one declared schema, and validation that reports every problem at once.

The schema is declared once, in ``data/datapackage.json`` (a Frictionless Data Package, readable
by other open-data tools). This module reads that declaration and builds a pandera schema from it:
field constraints (``required``, ``unique``, ``enum``, ``pattern``, ``minimum``), foreign keys,
and extensions of ours: ``x-edtf`` (an EDTF date), ``x-max-words``, ``x-list-separator`` (a list
of keys), ``x-draft-may-be-empty`` and ``x-default`` (what an empty cell or an absent optional
column is read as, with a warning).

:func:`read_folder` reads the CSV files the way spreadsheets write them (UTF-8 with or without a
byte-order mark, Windows-1252, UTF-16, commas, semicolons or tabs, Windows line endings),
remembers the line where each row starts (a quoted cell may span lines), and returns the tables
with every problem found, each with file, line, column, value and what to do. Files that are not
CSV text (a workbook, a PDF, binary data, a broken quote) are refused with a message that says how
to save them.

(Over 500 lines on purpose: reading what spreadsheets write, the declared checks and the problem
report are one contract, tested together; the declaration itself is data, in ``datapackage.json``.)
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import itertools
import json
import operator
import os
import re
import stat
import sys
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from explainer import bidi, dates
from explainer.bundled import DESCRIPTOR_PATH

if TYPE_CHECKING:  # pandera is imported when validation runs (issue 14: a light `import explainer`)
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

__all__ = [
    "DESCRIPTOR_PATH",
    "FORMULA_START",
    "TABLES",
    "Problem",
    "derived_columns",
    "descriptor",
    "read_folder",
    "utf16_encoding",
]

TABLES = ("actors", "sources", "claims")


@dataclass(frozen=True)
class Problem:
    """One problem in a dataset: where it is, what it is, and how to fix it.

    Attributes
    ----------
    file : str
        File name (``claims.csv``).
    line : int or None
        Line in the file (1 is the header), when the problem is in one row.
    column : str or None
        Column name, when the problem is in one column.
    value : str or None
        The offending value, as written.
    message : str
        What is wrong.
    hint : str
        What to do about it.
    severity : str
        ``error`` (the dataset cannot be used) or ``warning`` (usable, but a person should look).
    sheet : str or None
        The sheet, when the table is in a workbook (``file`` is then the workbook, and ``line``
        the row of the sheet).
    """

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str
    hint: str = ""
    severity: str = "error"
    sheet: str | None = None

    def __str__(self) -> str:
        where = self.file + (f", sheet {self.sheet!r}" if self.sheet else "")
        where += f", {'row' if self.sheet else 'line'} {self.line}" if self.line else ""
        where += f", column {self.column!r}" if self.column else ""
        # A cell may hold a whole article: the message shows its start and says how long it is.
        value = "" if self.value is None else f" (value {_cut(self.value, 200)!r})"
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.severity}: {where}: {self.message}{value}.{hint}"


_DESCRIPTOR: dict | None = None


def descriptor() -> dict:
    """The Data Package descriptor (the package's ``data/datapackage.json``), read once."""
    global _DESCRIPTOR
    if _DESCRIPTOR is None:
        _DESCRIPTOR = json.loads(DESCRIPTOR_PATH.read_text(encoding="utf-8"))
    return _DESCRIPTOR


def fields(table: str) -> list[dict]:
    """The declared fields of ``table``, in file order."""
    for resource in descriptor()["resources"]:
        if resource["name"] == table:
            return resource["schema"]["fields"]
    raise KeyError(table)


def _foreign_keys(table: str) -> list[tuple[str, str]]:
    """(column, referenced table) pairs; an empty resource name means the table itself."""
    for resource in descriptor()["resources"]:
        if resource["name"] == table:
            return [
                (fk["fields"][0], fk["reference"]["resource"] or table)
                for fk in resource["schema"].get("foreignKeys", [])
            ]
    return []


# --------------------------------------------------------------------------------------------------
# Reading CSV files as spreadsheets write them


@dataclass
class Table:
    """A CSV file read as text: cells stripped, empty cells as missing, with each row's line."""

    name: str
    frame: pd.DataFrame  # all columns are strings (missing: NA)
    lines: np.ndarray  # line in the file where each row starts (1 = header)
    absent: frozenset[str] = frozenset()  # declared columns the file does not have


_SAVE_AS = (
    "In Excel: File > Save As > 'CSV UTF-8 (comma delimited) (*.csv)'. "
    "In LibreOffice: File > Save As > 'Text CSV (.csv)', character set 'Unicode (UTF-8)', "
    "field delimiter ','."
)

# What a file that is not text starts with, and what it is.
_MAGIC = {
    b"PK\x03\x04": "this is a spreadsheet workbook (.xlsx or .ods), not a CSV file",
    b"\xd0\xcf\x11\xe0": "this is an Excel 97-2003 workbook (.xls), not a CSV file",
    b"%PDF": "this is a PDF document, not a CSV file",
}

# Spreadsheet formula injection: a cell starting with one of these runs as a formula when the file
# is opened in a spreadsheet. save_dataset writes such a cell with one more leading apostrophe, and
# reading removes one apostrophe before these characters: values round-trip exactly.
FORMULA_START = "=+-@\t\r"
_GUARDED = re.compile("'+[" + re.escape(FORMULA_START) + "]")


def _unguard(value: str) -> str:
    """A cell as written by :func:`explainer.dataset.save_dataset`, back to its value."""
    return value[1:] if _GUARDED.match(value) else value


def _cut(value: str, most: int = 80) -> str:
    """A value short enough to show in a message (a cell may hold a whole article)."""
    return value if len(value) <= most else f"{value[:most]}... ({len(value):,} characters)"


# Columns load_dataset adds from the parsed dates: a file may not have columns of these names.
_DATED = {"actors": (), "sources": (("published", "published"),),
          "claims": (("when", "when"), ("public_since", "public"))}  # fmt: skip


@cache
def derived_columns(table: str) -> tuple[str, ...]:
    """The columns :func:`explainer.load_dataset` adds to ``table`` (``when_start``, ...)."""
    empty = pd.Series([], dtype="str")
    return tuple(
        c for _, prefix in _DATED[table] for c in dates.bounds_frame(empty, prefix).columns
    )


def guarded_descriptor_text() -> str:
    """The descriptor as save_dataset writes it next to the files: ours, guard declared."""
    return DESCRIPTOR_PATH.read_text(encoding="utf-8")


def _folder_descriptor(folder: Path, problems: list[Problem]) -> bool:
    """Read ``datapackage.json`` in ``folder``, if any: whether it declares the formula guard.

    The files are always read by our schema; a descriptor that says otherwise is reported, so
    that nobody believes a change made there is in effect.
    """
    path = folder / "datapackage.json"
    if not path.exists() and not path.is_symlink():
        return False
    try:
        if path.resolve() == DESCRIPTOR_PATH.resolve():
            return True
    except OSError:
        pass
    file = "datapackage.json"
    not_used = "it is not used: the CSV files are read by the explainer's own schema"
    replace = "Delete it, or copy the explainer's data/datapackage.json over it."
    wrong = regular_file_problem(path)
    if wrong is not None:
        problems.append(
            Problem(file, None, None, None, f"{wrong}; {not_used}", replace, severity="warning")
        )
        return False
    try:
        theirs = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        problems.append(
            Problem(file, err.lineno, None, None,
                    f"this file is not valid JSON ({err.msg}, column {err.colno}); {not_used}",
                    replace, severity="warning")
        )  # fmt: skip
        return False
    except (OSError, UnicodeDecodeError, RecursionError, ValueError) as err:
        problems.append(
            Problem(file, None, None, None,
                    f"this file cannot be read ({getattr(err, 'strerror', None) or err}); "
                    f"{not_used}", replace, severity="warning")
        )  # fmt: skip
        return False
    differences = _descriptor_differences(theirs)
    if differences:
        shown = "; ".join(differences[:4]) + (" ..." if len(differences) > 4 else "")
        problems.append(
            Problem(file, None, None, None,
                    f"this file describes the tables differently from the explainer ({shown}); "
                    f"{not_used}",
                    "Change the CSV files rather than this file (the explainer's columns and "
                    "allowed values are in its data/datapackage.json), then " + replace[0].lower()
                    + replace[1:], severity="warning")
        )  # fmt: skip
    return isinstance(theirs, dict) and theirs.get("x-formula-guard") == "'"


def _descriptor_differences(theirs: object) -> list[str]:
    """What a folder's descriptor says about the tables that ours does not (words, for a person)."""
    if not isinstance(theirs, dict) or not isinstance(theirs.get("resources"), list):
        return ["it lists no resources"]
    by_name = {r.get("name"): r for r in theirs["resources"] if isinstance(r, dict)}
    out = []
    for ours in descriptor()["resources"]:
        name = ours["name"]
        other = by_name.get(name)
        if other is None:
            out.append(f"no resource {name!r}")
            continue
        for key in ("path", "dialect", "encoding"):
            if other.get(key) != ours.get(key):
                out.append(f"{name}: {key} {other.get(key)!r} instead of {ours.get(key)!r}")
        mine_schema, their_schema = ours.get("schema", {}), other.get("schema")
        if not isinstance(their_schema, dict):
            out.append(f"{name}: no schema")
            continue
        mine = {f["name"]: f for f in mine_schema.get("fields", [])}
        their_fields = [f for f in their_schema.get("fields", []) if isinstance(f, dict)]
        there = {f.get("name"): f for f in their_fields}
        for column, f in mine.items():
            if column not in there:
                out.append(f"{name}: no field {column!r}")
            elif there[column] != f:
                out.append(f"{name}: field {column!r} is declared differently")
        out += [f"{name}: field {c!r} is not the explainer's" for c in there if c not in mine]
        for key in ("primaryKey", "foreignKeys"):
            if their_schema.get(key) != mine_schema.get(key):
                out.append(f"{name}: {key} differs")
    return out


def utf16_encoding(raw: bytes) -> str | None:
    """``"utf-16"`` (with a byte-order mark), ``"utf-16-le"`` or ``"utf-16-be"`` (without one,
    recognised by its zero bytes: Latin text in UTF-16 has one every other byte), or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None  # no zero byte: not UTF-16 (the usual case, and thousands of source texts)
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        other = sample[0::2] if encoding == "utf-16-le" else sample[1::2]
        # Most characters of a CSV or an article are ASCII: a zero in one byte of nearly every
        # pair and almost never in the other.
        if zeros.count(0) >= 0.7 * pairs and other.count(0) <= 0.05 * pairs:
            try:
                text = raw[: len(raw) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if "\x00" not in text else None
    return None


def _decode(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    """The text of a file as spreadsheets write it; None (and an error) when it is not text."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            problems.append(Problem(file, None, None, None, what, _SAVE_AS))
            return None
    utf16 = utf16_encoding(raw)
    if utf16 is not None:  # Excel's "Unicode Text": UTF-16, with a BOM or (other tools) without
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError:
            problems.append(
                Problem(file, None, None, None,
                        "the file looks like UTF-16 text but cannot be read", _SAVE_AS)
            )  # fmt: skip
            return None
        problems.append(
            Problem(file, None, None, None,
                    "the file is UTF-16 ('Unicode Text' in Excel"
                    + ("" if utf16 == "utf-16" else ", here without its byte-order mark")
                    + "); it was read, but other tools may not read it",
                    _SAVE_AS, severity="warning")
        )  # fmt: skip
        return _refuse_binary(text, file, problems)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # Excel's "CSV UTF-8" starts with a byte-order mark: harmless, dropped
    try:
        return _refuse_binary(raw.decode("utf-8"), file, problems)
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        problems.append(
            Problem(file, line, None, None,
                    "the file is neither UTF-8 nor Windows-1252 text, so it cannot be read",
                    _SAVE_AS)
        )  # fmt: skip
        return None
    problems.append(
        Problem(file, line, None, None,
                "the file is not UTF-8; it was read as Windows-1252 (what Excel writes by default)",
                "Check the accented letters, then save it as UTF-8. " + _SAVE_AS,
                severity="warning")
    )  # fmt: skip
    return _refuse_binary(text, file, problems)


def _refuse_binary(text: str, file: str, problems: list[Problem]) -> str | None:
    # No text file holds NUL characters; one that does is binary (or UTF-16 without its BOM).
    if "\x00" not in text:
        return text
    line = text[: text.index("\x00")].count("\n") + 1
    problems.append(
        Problem(file, line, None, None, "the file holds binary data (NUL characters), not text",
                _SAVE_AS)
    )  # fmt: skip
    return None


# Larger than any table or article of a classroom dataset: a sign of the wrong file (or of a
# device such as /dev/zero behind a link), refused before it fills the memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


def regular_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a data file (a pipe or a device would block or never end),
    or None for a regular file (through links) of a sensible size, or a path that is missing."""
    try:
        info = path.stat()
    except OSError:
        return None  # missing or unreadable: the read itself says so
    if stat.S_ISDIR(info.st_mode):
        return None  # the read says "this is a folder"
    if not stat.S_ISREG(info.st_mode):
        return "this is not a regular file (a pipe, a socket or a device)"
    if info.st_size > MAX_FILE_BYTES:
        return f"this file is too large ({info.st_size:,} bytes; at most {MAX_FILE_BYTES:,})"
    return None


# What reading, validating and loading a table takes in memory, per byte of its file: about 6 on
# 100,000 synthetic claims (benchmarks/scale.py measures it); 8 leaves room.
READ_MEMORY_FACTOR = 8


def available_memory() -> int | None:
    """Bytes this process may still take, or None when the system does not say.

    The least of the free memory (``MemAvailable``), what the container's limit leaves
    (cgroup ``memory.max``) and what this process's own limit leaves (``ulimit -v``).
    """
    found: list[int] = []
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    found.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError, IndexError):
        pass
    try:
        most = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = Path("/sys/fs/cgroup/memory.current").read_text().strip()
        if most != "max":
            found.append(int(most) - int(used))
    except (OSError, ValueError):
        pass
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY:
            pages = int(Path("/proc/self/statm").read_text().split()[0])
            found.append(soft - pages * os.sysconf("SC_PAGE_SIZE"))
    except (ImportError, OSError, ValueError, IndexError):
        pass
    return max(0, min(found)) if found else None


def _too_large_to_read(path: Path) -> str | None:
    """Why the table at ``path`` cannot be read in the memory there is, said before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the read says why
    free = available_memory()
    if free is None or size * READ_MEMORY_FACTOR <= free:
        return None
    limit = free // READ_MEMORY_FACTOR
    return (
        f"this file is too large to read with the memory free now ({size:,} bytes; at most "
        f"{limit:,} bytes here: reading a table takes about {READ_MEMORY_FACTOR} times its size "
        f"in memory, and {free:,} bytes are free)"
    )


_OUT_OF_MEMORY = "the memory ran out while reading this"
_TOO_LARGE_HINT = (
    "Split the archive into several dataset folders (one a year, say), or read it on a machine "
    "with more free memory; nothing was read."
)


def _read_bytes(path: Path, file: str, problems: list[Problem]) -> bytes | None:
    wrong = regular_file_problem(path)
    if wrong is not None:
        hint = (
            _TOO_LARGE_HINT
            if wrong.startswith("this file is too large")
            else "Give an ordinary file, saved as CSV or text."
        )
        problems.append(Problem(file, None, None, None, wrong, hint))
        return None
    try:
        # Unbuffered: one read of the whole file, without a buffer object (4,000 source texts).
        with open(path, "rb", buffering=0) as f:
            return f.read()
    except IsADirectoryError:
        problems.append(
            Problem(file, None, None, None, "this is a folder, not a file",
                    f"Put the table in a file named {file}.")
        )  # fmt: skip
    except OSError as err:
        problems.append(
            Problem(file, None, None, None, f"the file cannot be read ({err.strerror or err})",
                    "Check that it is not open in another program and that you may read it.")
        )  # fmt: skip
    return None


def _delimiter(first_line: str) -> str:
    # French Excel separates with semicolons, "Unicode Text" with tabs; the header tells which.
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])  # ties go to the comma, the first


_CSV_ERRORS = {
    "unexpected end of data": (
        "a double quote opened in this row is never closed, so the rest of the file reads as one "
        "cell",
        "Close the quote at the end of the cell, or remove it. A double quote inside a quoted cell "
        'is written twice: "He said ""yes"""',
    ),
    "expected after": (
        "a double quote in this row does not end its cell: a quote left open, or text after a "
        "closing quote",
        "Put the whole cell between double quotes and write each double quote inside it twice: "
        '"He said ""yes"" twice"',
    ),
}


def _read_table(
    path: Path,
    name: str,
    problems: list[Problem],
    *,
    guarded: bool = True,
    advance: Callable[[int], object] | None = None,
) -> Table | None:
    """One table of a folder; ``guarded``: its cells were written by save_dataset (see there).

    A clean comma-separated file (one line a row, well-formed quotes) is cut into cells by
    pandas' C parser; any other file by the tolerant reader, which finds and words each problem.
    Both give the same cells (``tests/test_readers.py`` loads datasets both ways).
    """
    # Plain UTF-8, the usual case: its shape from the file's bytes, without its decoded text,
    # then the parser reads the file.
    shape = _clean_file_shape(path, name)
    parsed = shape is not None
    if shape is not None:
        cut = _clean_columns(path, shape)
        if cut is not None:
            if advance is not None:
                advance(path.stat().st_size)
            lines = np.arange(2, shape.rows + 2)
            return table_from_columns(
                path.name, name, shape.header, 1, cut[0], lines, [], ",", problems,
                guarded=guarded, marks=cut[1],
            )  # fmt: skip
    before = len(problems)
    text = _table_text(path, name, problems)
    if text is None:
        return None
    # Any other encoding (or a file the bytes could not tell) from its decoded text; a file the
    # parser has cut already goes to the tolerant reader.
    shape = None if parsed else _clean_shape(text, name)
    if shape is not None:
        # Plain UTF-8 (no warning about its encoding): the parser reads the file itself, in
        # chunks, and the decoded text (two or four bytes a character) goes before it starts.
        source: Path | io.StringIO = path if len(problems) == before else io.StringIO(text)
        size = len(text)
        del text
        cut = _clean_columns(source, shape)
        if cut is not None:
            if advance is not None:
                advance(size)
            lines = np.arange(2, shape.rows + 2)
            return table_from_columns(
                path.name, name, shape.header, 1, cut[0], lines, [], ",", problems,
                guarded=guarded, marks=cut[1],
            )  # fmt: skip
        text = _table_text(path, name, [])  # rare: the tolerant reader words what is wrong
        if text is None:
            return None
    read = _tolerant_rows(text, path.name, problems, advance)
    del text  # the cells are in the rows: the file's text can go before the frame is built
    if read is None:
        return None
    header, header_line, rows, lines, blank_lines, delimiter = read
    return table_from_rows(
        path.name, name, header, header_line, rows, lines, blank_lines, delimiter, problems,
        guarded=guarded,
    )  # fmt: skip


def _table_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """The text of a table's file, or None with the problem said: missing, too large, unreadable,
    not text, empty."""
    file = path.name
    columns = [f["name"] for f in fields(name)]
    if not path.exists():
        problems.append(
            Problem(file, None, None, None, "the file is missing",
                    f"Create {file} with the header row: {','.join(columns)}")
        )  # fmt: skip
        return None
    if regular_file_problem(path) is None and (large := _too_large_to_read(path)):
        problems.append(Problem(file, None, None, None, large, _TOO_LARGE_HINT))
        return None
    try:
        raw = _read_bytes(path, file, problems)
        text = None if raw is None else _decode(raw, file, problems)
    except MemoryError:  # the estimate above was not enough: say so, never a traceback
        problems.append(Problem(file, None, None, None, _OUT_OF_MEMORY, _TOO_LARGE_HINT))
        return None
    del raw  # the bytes are not needed once decoded: one copy of the file in memory, not two
    if text is None:
        return None
    if not text.strip():
        problems.append(
            Problem(file, None, None, None, "the file is empty",
                    f"It needs at least the header row: {','.join(columns)}")
        )  # fmt: skip
        return None
    return text


# Where pandas' C parser and the strict csv module could disagree: a quote that closes a cell
# followed by more text ('"abc"def', '"a" ,'), or an empty quoted cell followed by text ('""x').
# The C parser would merge such text into the cell; the tolerant reader reports it. Each
# alternative starts with the quote itself, so the search skips ahead to quotes (0.1 s on 50 MB).
_UNCLEAN_QUOTE = re.compile(r'"(?<=[^,\r\n"]")(?:"")*(?=[^,\r\n"])|"(?<=[,\r\n]")"(?:"")*[^",\r\n]')
_UNCLEAN_START = re.compile(r'(?:"")+[^",\r\n]')


class _CleanShape(NamedTuple):
    """What the text of a clean file says before it is parsed, to check what the parser made."""

    header: list[str]
    rows: int  # lines after the header
    chars: int  # characters of those lines, line ends left out
    quotes: int  # double quotes in them
    widest: int  # at least the characters of the longest line (so of any cell)


def _clean_shape(text: str, name: str) -> _CleanShape | None:
    """The shape of a clean comma-separated text, for pandas' C parser; None when the text needs
    the tolerant reader.

    Clean: the header (at least two of our columns) on the first line, one line a row (no cell
    spans lines), no lone \\r, no quote the C parser would read differently from the csv module.
    :func:`_clean_columns` checks the rest once the cells are cut.
    """
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)].rstrip("\r")
    if (
        not first.strip()
        or first.startswith(("sep=", '"sep='))
        or _delimiter(first) != ","
        or ((returns := text.count("\r")) and returns != text.count("\r\n"))
        or _UNCLEAN_START.match(text)
        or _UNCLEAN_QUOTE.search(text)
    ):
        return None
    try:
        header = [cell.strip() for cell in next(csv.reader([first], strict=True))]
    except (csv.Error, StopIteration):
        return None
    if len(set(header) & {f["name"] for f in fields(name)}) < 2:
        return None  # a title above the header, or another table: the tolerant reader says which
    body = first_end + 1 if first_end >= 0 else len(text)
    breaks = text.count("\n", body)
    rows = breaks + (0 if body == len(text) or text.endswith("\n") else 1)
    chars = len(text) - body - breaks - (returns and text.count("\r", body))
    return _CleanShape(header, rows, chars, text.count('"', body), chars)


# Bytes of a file looked at at a time by :func:`_clean_file_shape`: small enough to stay in the
# processor's cache for its several passes, large enough for few calls. Blocks of 1 MB (and
# their arrays) raised the peak of loading 200,000 claims by 5 MB: the memory allocator then
# keeps more of what is freed after them.
_SHAPE_BLOCK = 1 << 18
_UNCLEAN_START_BYTES = re.compile(_UNCLEAN_START.pattern.encode("ascii"))


def _clean_file_shape(path: Path, name: str) -> _CleanShape | None:
    """:func:`_clean_shape` of a table file in plain UTF-8, read a block at a time: the shape its
    decoded text has, without that text (issue 14: 48 MB at 100,000 claims, held beside the
    file's bytes, then dropped).

    None when the text's shape is None, and whenever the file is not a regular, readable file
    of UTF-8 text (its byte-order mark aside) with no NUL and no other format's signature: the
    caller then reads it the usual way (:func:`_table_text`), which words what is wrong.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or regular_file_problem(path) is not None:
            return None
        if _too_large_to_read(path) is not None:
            return None
        blocks = _file_blocks(path)
        try:
            return _blocks_shape(blocks, name)
        finally:
            blocks.close()  # the file, when the shape was known before its end
    except (OSError, MemoryError):
        return None  # the usual reading says why


def _file_blocks(path: Path) -> Generator[bytes, None, None]:
    """The bytes of a file, a block at a time (unbuffered: one read a block, no copy)."""
    with open(path, "rb", buffering=0) as f:
        yield from iter(lambda: f.read(_SHAPE_BLOCK), b"")


def _blocks_shape(blocks: Iterable[bytes], name: str) -> _CleanShape | None:
    """The shape of the UTF-8 text that ``blocks`` (a file's bytes, cut anywhere) hold, equal to
    :func:`_clean_shape` of that text; None when that is None or the bytes are not plain UTF-8.

    Each piece looked at ends after a line end, where no character is cut and no quote the
    checks look for is cut from its neighbours. The characters, line ends and quotes of a
    piece are counted by numpy at once: the checks only look for ASCII bytes (quotes,
    separators, line ends), which in UTF-8 never occur inside another character, and a byte of
    the form 0b10xxxxxx continues a character, so the others count the characters.
    """
    pending = b""
    first: str | None = None
    body_start = 0  # in the first piece: after the header line
    ends_with_newline = False
    has_body = False
    breaks = quotes = chars = returns = widest = 0
    for block in itertools.chain(blocks, [b""]):
        if block:
            pending += block
            cut = pending.rfind(b"\n") + 1
            if not cut:
                continue  # a line longer than a block: read on
            piece, pending = pending[:cut], pending[cut:]
        elif pending:
            piece, pending = pending, b""
        else:
            break
        if first is None:  # the first piece: the file's signature, byte-order mark and header
            if piece.startswith(tuple(_MAGIC)):
                return None
            if piece.startswith(b"\xef\xbb\xbf"):
                piece = piece[3:]  # dropped, as _decode drops it, and as pandas' utf-8-sig does
            if _UNCLEAN_START_BYTES.match(piece):
                return None
            line_end = piece.find(b"\n")
            body_start = line_end + 1 if line_end >= 0 else len(piece)
            try:
                first = piece[: line_end if line_end >= 0 else len(piece)].decode("utf-8")
            except UnicodeDecodeError:
                return None
            first = first.rstrip("\r")
            if not first.strip() or first.startswith(("sep=", '"sep=')) or _delimiter(first) != ",":
                return None
            line_end_before = False
        else:
            line_end_before, body_start = True, 0
        data = np.frombuffer(piece, dtype=np.uint8)
        at = np.flatnonzero(data == ord('"'))
        if _unclean_quotes(data, at, line_end_before=line_end_before) or b"\x00" in piece:
            return None  # NUL: binary, or UTF-16, which _decode words
        if not piece.isascii():
            try:
                piece.decode("utf-8")
            except UnicodeDecodeError:
                return None  # Windows-1252, say: _decode reads it with a warning
        if b"\r" in piece:
            in_piece = piece.count(b"\r")
            if in_piece != piece.count(b"\r\n"):
                return None  # a lone \r ends a line for the C parser, not for the csv module
            returns += piece.count(b"\r", body_start)
        body = data[body_start:]
        if len(body):
            has_body = True
            ends_with_newline = piece.endswith(b"\n")
            # Where lines end: their number, and the longest (in bytes, so at least its
            # characters), which spares _clean_columns measuring cells against the csv limit.
            ends = np.flatnonzero(body == ord("\n"))
            breaks += len(ends)
            widths = np.diff(ends, prepend=-1, append=len(body))
            widest = max(widest, int(widths.max()))
            quotes += len(at) - int(np.searchsorted(at, body_start))
            chars += int(np.count_nonzero(body.view(np.int8) >= -64))  # not 0b10xxxxxx
    if first is None:
        return None  # an empty file: _table_text says so
    try:
        header = [cell.strip() for cell in next(csv.reader([first], strict=True))]
    except (csv.Error, StopIteration):
        return None
    if len(set(header) & {f["name"] for f in fields(name)}) < 2:
        return None
    rows = breaks + (1 if has_body and not ends_with_newline else 0)
    return _CleanShape(header, rows, chars - breaks - returns, quotes, widest)


def _ends_cell(data: np.ndarray) -> np.ndarray:
    return (data == ord(",")) | (data == ord("\n")) | (data == ord("\r"))


def _unclean_quotes(data: np.ndarray, at: np.ndarray, *, line_end_before: bool) -> bool:
    """Whether ``_UNCLEAN_QUOTE`` finds a quote in ``data`` (bytes, as uint8; ``at``: where its
    quotes are), told by the runs of quotes instead (the expression took three times as long):
    a run of odd length after other text, or of even length at a cell's start, followed by more
    text. A run at the start of ``data`` has a line end before it when ``line_end_before``, else
    nothing (the expression's look behind then fails)."""
    if not len(at):
        return False
    first = np.ones(len(at), dtype=bool)
    first[1:] = np.diff(at) != 1
    starts = at[first]
    ends = np.append(at[np.flatnonzero(first)[1:] - 1], at[-1]) + 1  # just after each run
    text_after = (ends < len(data)) & ~_ends_cell(data[np.minimum(ends, len(data) - 1)])
    cell_start = _ends_cell(data[np.maximum(starts - 1, 0)])
    preceded = starts > 0
    if line_end_before:
        cell_start |= ~preceded
        preceded[:] = True
    odd = (ends - starts) % 2 == 1
    return bool((text_after & preceded & (odd != cell_start)).any())


def _clean_columns(
    source: Path | io.StringIO, shape: _CleanShape
) -> tuple[list[list[str]], list[tuple[bool, bool]]] | None:
    """The columns of cells of a clean file, cut by pandas' C parser, and what
    :func:`_may_hold_marks` says of each column; None when what the parser made shows that the
    tolerant reader is needed: a row longer or shorter than the header, a row of blank cells (the
    tolerant reader skips it with a warning), a cell past the csv module's limit, an unclosed
    quote."""
    header = shape.header
    # dtype=object: the parser's own str objects (no NA filter: every cell is one), as lists;
    # the "str" dtype would check each cell again to make its array (0.03 s at 100,000 claims).
    try:
        raw = pd.read_csv(
            source, encoding="utf-8-sig", header=None, dtype=object, keep_default_na=False,
            na_filter=False, engine="c", skip_blank_lines=False, skiprows=1,
        )  # fmt: skip
    except pd.errors.EmptyDataError:
        raw = pd.DataFrame(columns=range(len(header)))
    except (pd.errors.ParserError, ValueError):
        return None  # an unclosed quote, a row longer than the first: the tolerant reader words it
    if len(raw) != shape.rows or raw.shape[1] > len(header):
        return None
    width, count = raw.shape[1], len(raw)
    # The parser gives one string object to the equal cells of a column within each of its
    # chunks: sharing them across chunks too (factorising each column) saved at most 9 MB of
    # 231 at 100,000 claims, and nothing measurable at validate's peak, for 0.05-0.09 s.
    columns = [raw.pop(j).tolist() if j < width else [""] * count for j in range(len(header))]
    del raw
    # Every character of the body is a cell's, a separator or a quote the parser took away. A row
    # with fewer cells than the header (padded by the parser, as a quote in the wrong place that
    # swallows separators makes one) leaves the count short.
    # One pass over 10,000 cells at a time gives the characters, the quotes, whether a cell
    # may be past the csv module's limit (a whole column joined would be a copy of it) and the
    # marks table_from_columns looks for (the same join, once).
    limit = csv.field_size_limit()
    in_cells = quotes = 0
    marks = []
    for values in columns:
        apostrophe = controls = False
        for k in range(0, count, 10_000):
            some = values[k : k + 10_000]
            joined = "\n".join(some)
            in_cells += len(joined) - len(some) + 1  # the line ends between cells left out
            if '"' in joined:  # a search stops at the first; counting reads every character
                quotes += joined.count('"')
            if shape.widest > limit and len(joined) > limit and max(map(len, some)) > limit:
                return None
            apostrophe, controls = _marks_in(joined, some, apostrophe, controls)
        marks.append((apostrophe, controls))
    if shape.chars != in_cells + count * (len(header) - 1) + shape.quotes - quotes:
        return None
    blank = np.ones(count, dtype=bool)
    for values in columns:  # after the first column hardly any row is left to look at
        candidates = np.flatnonzero(blank)
        if not len(candidates):
            break
        blank[candidates] = [not values[i].strip() for i in candidates]
    if blank.any():
        return None
    return columns, marks


def _mostly_distinct_at_first(values: Any, sample: int = 1_000) -> bool:
    """Whether nine in ten of the filled cells among the first ``sample`` differ: free text
    (summaries, quotes) that repeats now and then, not worth hashing to find the few repeats.
    Empty cells are left out (they are missing values by then). Only how a check is done depends
    on it, never its answer."""
    head = [v for v in values[:sample] if v]
    return len(head) > 1 and len(set(head)) * 10 > len(head) * 9


def _tolerant_rows(
    text: str, file: str, problems: list[Problem], advance: Callable[[int], object] | None
) -> tuple[list[str] | None, int, list[list[str]], list[int], list[int], str] | None:
    """The rows of any CSV text, however made: header, its line, rows, their lines, blank lines
    and the separator; None with the problem said when the text cannot be read as CSV."""
    # Excel's "CSV" may start with "sep=;", a hint saying which separator follows: not a row.
    offset = 0  # lines taken off the top before reading
    hint_line = re.match(r'"?sep=([^\r\n"])"?[ \t]*(?:\r\n|\r|\n|\Z)', text)
    if hint_line:
        problems.append(
            Problem(file, 1, None, hint_line.group(0).strip(),
                    "the first line is Excel's separator hint, not a row; it was skipped",
                    "Nothing to do; you may delete that line, which other tools read as a row.",
                    severity="warning")
        )  # fmt: skip
        text, offset = text[hint_line.end() :], 1
    # The header line (str.splitlines would also split at \x1c, \x85 or \u2028, which CSV does not).
    delimiter = (
        hint_line.group(1)
        if hint_line
        else _delimiter(re.split("\r\n|\r|\n", text.lstrip("\r\n"), maxsplit=1)[0])
    )
    # strict: a malformed quote is an error here, not a silently merged cell.
    # Lines cut as io.StringIO(text, newline="") cuts them, without its copy of the whole text (four
    # bytes a character).
    reader = csv.reader(_csv_lines(text, advance), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_line = 1
    rows: list[list[str]] = []
    lines: list[int] = []
    blank_lines: list[int] = []
    end = offset  # the last line of the previous row; a row starts on the next one
    try:
        for row in reader:
            start, end = end + 1, reader.line_num + offset
            if not "".join(row).strip():  # only empty or blank cells
                blank_lines.append(start)
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                header_line = start
                continue
            rows.append(row)
            lines.append(start)
    except csv.Error as err:
        if "field larger than field limit" in str(err):
            problems.append(_huge_cell(file, text, delimiter, offset))
            return None
        key = next((k for k in _CSV_ERRORS if k in str(err)), None)
        message, hint = _CSV_ERRORS.get(key, (f"the file cannot be read as CSV ({err})", ""))  # type: ignore[arg-type]
        problems.append(Problem(file, end + 1, None, None, message, hint))
        return None
    return header, header_line, rows, lines, blank_lines, delimiter


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# Where str.splitlines also cuts a line, and CSV does not.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CHUNK = 1 << 20  # characters split into lines at a time


def _csv_lines(text: str, advance: Callable[[int], object] | None = None) -> Iterator[str]:
    """The lines of ``text`` with their ends, cut at \\r\\n, \\r or \\n only (as CSV is);
    ``advance(characters)`` is told the progress as it goes.

    str.splitlines on a megabyte at a time (cut after a \\n, so never inside \\r\\n) when the
    text has no other line break it would cut at, else a regular expression: the lines of a
    large file are never all held at once, and there is no copy of the whole text.
    """
    if _OTHER_BREAKS.search(text):
        done = 0
        for k, m in enumerate(_LINE.finditer(text), start=1):
            yield m.group()
            if advance is not None and k % 20_000 == 0:
                advance(m.end() - done)
                done = m.end()
        if advance is not None:
            advance(len(text) - done)
        return
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _CHUNK)
        end = len(text) if cut < 0 else cut + 1
        yield from text[start:end].splitlines(keepends=True)
        if advance is not None:
            advance(end - start)
        start = end


def table_from_rows(
    file: str,
    name: str,
    header: list[str] | None,
    header_line: int,
    rows: list[list[str]],
    lines: list[int],
    blank_lines: list[int],
    delimiter: str,
    problems: list[Problem],
    *,
    guarded: bool = True,
) -> Table | None:
    """A table from rows of text cells, as read from a CSV file or a spreadsheet's sheet.

    ``lines`` holds where each row starts (the header is ``header_line``); problems found (short
    rows, unnamed columns, stray spaces, the header) are added to ``problems``. ``rows`` is emptied
    (its cells move into the frame, so that a large table is not held twice). ``guarded``: the
    cells were written by save_dataset, whose formula guard (a leading apostrophe) is removed.
    """
    columns = [f["name"] for f in fields(name)]
    if header is None:  # only empty cells, such as '""' or ',,,'
        problems.append(
            Problem(file, None, None, None, "the file has no header row, only empty cells",
                    f"It needs at least the header row: {','.join(columns)}")
        )  # fmt: skip
        return None
    title = _title_rows(file, columns, header, header_line, rows, lines, delimiter)
    if title is not None:  # one problem, instead of one per cell of a misread table
        problems.append(title)
        return None
    width = len(header)
    for i, row in enumerate(rows):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            problems.append(
                Problem(file, lines[i], None, delimiter.join(row[width:]),
                        f"this row has {len(row)} cells but the header has {width}",
                        f"A cell probably contains the separator {delimiter!r}: put that cell "
                        "between double quotes, or remove the extra cells.")
            )  # fmt: skip
        if len(row) != width:
            rows[i] = (row + [""] * width)[:width]
    columns = [list(cells) for cells in zip(*rows, strict=True)] if rows else [[] for _ in header]
    rows.clear()  # the cells live on in columns; the row lists would double the table in memory
    return table_from_columns(
        file, name, header, header_line, columns, lines, blank_lines, delimiter, problems,
        guarded=guarded,
    )  # fmt: skip


def table_from_columns(
    file: str,
    name: str,
    header: list[str],
    header_line: int,
    columns: list[list[str]],
    lines: list[int] | np.ndarray,
    blank_lines: list[int],
    delimiter: str,
    problems: list[Problem],
    *,
    guarded: bool = True,
    marks: list[tuple[bool, bool]] | None = None,
) -> Table:
    """A table from its columns of text cells, one list a header cell, all of the same length.

    Unnamed and twice-named columns, stray spaces, formula guards, bidirectional controls, the
    header and declared defaults are dealt with here, whichever reader cut the cells. ``columns``
    is emptied, one column at a time, as the frame takes its cells. ``marks``, when given, is
    what :func:`_may_hold_marks` said of each column as given (used where stripping changed no
    cell).
    """
    count = len(columns[0]) if columns else 0
    if blank_lines:
        shown = ", ".join(map(str, blank_lines[:10])) + (" ..." if len(blank_lines) > 10 else "")
        problems.append(
            Problem(file, blank_lines[0], None, None, f"blank lines were skipped (lines {shown})",
                    "Nothing to do, unless a row went missing there.", severity="warning")
        )  # fmt: skip
    if not count:
        problems.append(
            Problem(file, header_line, None, None, "the file has a header row but no data rows",
                    "Add one row per item below the header.", severity="warning")
        )  # fmt: skip
    # Columns without a name (spreadsheets add empty ones after the last) are dropped, and a column
    # named twice keeps its first occurrence (the header check reports the second).
    keep: list[int] = []
    for j, column in enumerate(header):
        if column == "":
            filled = next((i for i, cell in enumerate(columns[j]) if cell.strip()), None)
            if filled is not None:
                problems.append(
                    Problem(file, int(lines[filled]), None, columns[j][filled].strip(),
                            f"column {j + 1} has no name in the header row but holds values",
                            "Give the column a name in the header row, or delete it.")
                )  # fmt: skip
        elif column not in header[:j]:
            keep.append(j)
    names = [header[j] for j in keep]
    # Column by column on plain lists (issue 14): pandas' string methods on 100,000 rows cost
    # seconds a table, these list passes a few milliseconds a column.
    data: dict[str, pd.Series] = {}
    stray_rows: set[int] = set()
    stray_columns: list[str] = []
    apostrophes: list[tuple[int, str, str]] = []  # (row, column, value) kept with an apostrophe
    marked: list[str] = []  # columns that may hold bidirectional controls
    for j, column in zip(keep, names, strict=True):
        values = columns[j]
        columns[j] = []  # one copy of a column at a time
        stripped = list(map(str.strip, values))  # map: no per-cell bytecode, ~2x a listcomp
        # str.strip returns the very same string when there is nothing to strip: comparing the
        # lists is then a pass of identity checks, and the rows are looked at only when it fails.
        unchanged = stripped == values
        if not unchanged:
            changed = [
                i for i, (v, s) in enumerate(zip(values, stripped, strict=True)) if v != s and s
            ]
            if changed:
                stray_rows.update(changed)
                stray_columns.append(column)
        # Empty cells become missing; a guarded formula-like cell loses its apostrophe (_unguard).
        # The "str" dtype even when empty or all missing, so that pandera's .str checks apply.
        if marks is not None and unchanged:  # the reader looked at these very cells
            apostrophe, controls = marks[j]
        else:
            apostrophe, controls = _may_hold_marks(stripped)
        if controls:
            marked.append(column)
        cells = stripped
        if apostrophe and guarded:
            cells = [_unguard(v) if v[:1] == "'" else v for v in stripped]
        elif apostrophe:  # a person's own file: an apostrophe they typed is part of the text
            apostrophes += [
                (i, column, v)
                for i, v in enumerate(cells)
                if v and v[0] == "'" and _GUARDED.match(v)
            ]
        data[column] = _text_series(cells)
    frame = pd.DataFrame(data, index=pd.RangeIndex(count), columns=names)
    if stray_rows:
        problems.append(
            Problem(file, int(lines[min(stray_rows)]), stray_columns[0], None,
                    f"spaces before or after a value were removed in {len(stray_rows)} row(s) "
                    f"(columns: {', '.join(stray_columns)})",
                    "Nothing to do; the values are used without those spaces.", severity="warning")
        )  # fmt: skip

    if apostrophes:
        i, column, value = min(apostrophes)
        problems.append(
            Problem(file, int(lines[i]), column, _cut(value),
                    f"{len(apostrophes)} cell(s) start with an apostrophe before = + - or @; it "
                    "is kept as part of the text",
                    "Nothing to do if you typed it. If save_dataset wrote this file (it adds one "
                    "so that spreadsheets show the cell as text), put the explainer's "
                    "datapackage.json back in the folder, and it is removed again.",
                    severity="warning")
        )  # fmt: skip
    problems.extend(_bidi_warnings(file, frame, lines, marked))
    problems.extend(_check_header(file, name, header, header_line, delimiter))
    for column in names:
        if column in derived_columns(name):
            problems.append(
                Problem(file, header_line, column, None,
                        "this column name is one the explainer computes from the dates",
                        "Rename the column (say, to 'my_" + column + "').")
            )  # fmt: skip
    absent = frozenset(f["name"] for f in fields(name) if f["name"] not in frame.columns)
    for column in sorted(absent):  # an absent column reads as empty; the header check reported it
        frame[column] = pd.Series(None, index=frame.index, dtype="str")
    _fill_defaults(file, name, frame, lines, header_line, absent, problems)
    return Table(name, frame, np.asarray(lines, dtype=int), absent)


def _text_series(cells: list[str]) -> pd.Series:
    """Cells as a "str" Series, empty ones missing: through an object array, whose empty cells
    are found at once (a list with None in them, then the Series, was twice the time)."""
    # fromiter: np.array would look into each cell for a nested sequence first (twice the time).
    values = np.fromiter(cells, dtype=object, count=len(cells))
    values[values == ""] = None
    return pd.Series(values, dtype="str")


def _may_hold_marks(values: list[str]) -> tuple[bool, bool]:
    """Whether a cell of ``values`` may start with an apostrophe, and whether one may hold a
    bidirectional control: one look at 10,000 cells joined at a time (the whole column joined
    would be a copy of it: 60 MB for 200,000 French summaries).

    Neither answer misses a cell (a false alarm would only cost time): it only says whether the
    look cell by cell, which finds the rows, is needed.
    """
    apostrophe = controls = False
    for k in range(0, len(values), 10_000):
        some = values[k : k + 10_000]
        apostrophe, controls = _marks_in("\n".join(some), some, apostrophe, controls)
        if apostrophe and controls:
            break
    return apostrophe, controls


def _marks_in(joined: str, cells: list[str], apostrophe: bool, controls: bool) -> tuple[bool, bool]:
    """:func:`_may_hold_marks` of ``cells``, ``joined`` by line ends, added to what was found
    before."""
    # A lone "'" is found at once (memchr), and is absent from most columns; where there is one
    # (free text), the first character of each cell is looked at, not every character.
    apostrophe = apostrophe or ("'" in joined and any(map(str.startswith, cells, repeat("'"))))
    # A text of Latin-1 characters answers each of these at once, without a scan.
    controls = controls or any(c in joined for c in bidi.BIDI_CONTROLS)
    return apostrophe, controls


def _fill_defaults(
    file: str,
    name: str,
    frame: pd.DataFrame,
    lines: list[int],
    header_line: int,
    absent: frozenset[str],
    problems: list[Problem],
) -> None:
    """Fill the empty cells of a column with a declared ``x-default``, saying what was assumed.

    A dataset written from the README alone may leave out such a column (``layer``): every row
    then gets the default, with one warning, not one error per row.
    """
    for f in fields(name):
        if "x-default" not in f:
            continue
        column, default = f["name"], f["x-default"]
        empty = frame[column].isna().to_numpy()
        if not empty.any():
            continue
        frame.loc[empty, column] = default
        meaning = f.get("description", "").split(";")[0]
        if column in absent:
            message = f"there is no column {column!r}; every row was read as {default!r}"
            message += f" ({meaning})" if meaning else ""
            hint = f"Nothing to do if that is right; otherwise add a column {column!r}."
            problems.append(
                Problem(file, header_line, column, None, message, hint, severity="warning")
            )
            continue
        count = int(empty.sum())
        first = int(lines[int(np.flatnonzero(empty)[0])])
        problems.append(
            Problem(file, first, column, None,
                    f"{count} row(s) have an empty {column!r}; they were read as {default!r}",
                    f"Nothing to do if that is right; otherwise fill in {column!r}.",
                    severity="warning")
        )  # fmt: skip


_BIDI_HINT = (
    "These invisible characters change the order in which text is displayed (U+202E shows "
    "'ton' for 'not'); the explainer isolates each field, but the cell itself may read as "
    "something else. Delete them unless the text truly needs them (U+2068 ... U+2069 to embed "
    "a right-to-left name is the safe form)."
)


def _bidi_warnings(
    file: str,
    frame: pd.DataFrame,
    lines: list[int] | np.ndarray,
    columns: list[str] | None = None,
) -> list[Problem]:
    """One warning a cell holding bidirectional controls (the first ten), then how many more;
    only ``columns`` are looked at, when given (those :func:`_may_hold_marks` found)."""
    found: list[tuple[int, str, str]] = []
    controls = re.compile(f"[{bidi.BIDI_CONTROLS}]")
    for column in frame.columns if columns is None else columns:
        present = frame[column].dropna().tolist()
        # One search over 10,000 cells at a time first: almost every column holds no control at
        # all. (The whole column joined would be a copy of it: 60 MB of 200,000 summaries.)
        if not any(
            c in joined
            for k in range(0, len(present), 10_000)
            for joined in ("\n".join(present[k : k + 10_000]),)
            for c in bidi.BIDI_CONTROLS
        ):
            continue
        values = frame[column].tolist()
        found += [(i, column, v) for i, v in enumerate(values) if v == v and controls.search(v)]
    problems = []
    for i, column, value in sorted(found)[:10]:
        codes = ", ".join(dict.fromkeys(bidi.find_controls(value)))
        problems.append(
            Problem(file, int(lines[i]), column, _cut(value),
                    f"this cell holds bidirectional control characters ({codes})", _BIDI_HINT,
                    severity="warning")
        )  # fmt: skip
    if len(found) > 10:
        i, column, _ = sorted(found)[10]
        problems.append(
            Problem(file, int(lines[i]), column, None,
                    f"{len(found) - 10} more cell(s) hold bidirectional control characters",
                    _BIDI_HINT, severity="warning")
        )  # fmt: skip
    return problems


def _title_rows(
    file: str,
    columns: list[str],
    header: list[str],
    header_line: int,
    rows: list[list[str]],
    lines: list[int],
    delimiter: str,
) -> Problem | None:
    """A title or a note above the header row, which spreadsheets invite: say the one fix."""
    declared = set(columns)
    if len(declared & set(header)) >= 2:
        return None
    for k, row in enumerate(rows[:5]):
        # The separator was guessed from the title line: split the candidate on any of them.
        cells = {c.strip().strip('"') for c in re.split("[,;\t]", delimiter.join(row))}
        if len(cells & declared) >= max(2, len(declared) // 2):
            above = " ".join(c for c in header if c)
            return Problem(
                file, lines[k], None, _cut(above),
                f"the header row is line {lines[k]}, not line {header_line}: the line(s) above "
                "it (a title or a note) are read as the header",
                "Delete the line(s) above the header row, so that the header is the first line.",
            )  # fmt: skip
    return None


def _huge_cell(file: str, text: str, delimiter: str, offset: int) -> Problem:
    """A cell past the csv module's limit: which one, where, how long, and what to do."""
    limit = csv.field_size_limit()
    hint = (
        "A summary or a quote is a sentence or two: shorten the cell. If it should be short, a "
        "double quote probably opened in it and was never closed, taking in the rows after it: "
        "close it."
    )
    try:  # read again without the limit, only to find the cell
        csv.field_size_limit(max(limit, len(text) + 1))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] | None = None
        end = offset
        for row in reader:
            start, end = end + 1, reader.line_num + offset
            for j, cell in enumerate(row):
                if len(cell) > limit:
                    named = header is not None and j < len(header) and header[j].strip()
                    column = header[j].strip() if named else f"column {j + 1}"  # type: ignore[index]
                    return Problem(
                        file, start, column, _cut(cell),
                        f"this cell holds {len(cell):,} characters, more than a cell may hold "
                        f"({limit:,})", hint,
                    )  # fmt: skip
            if header is None and any(c.strip() for c in row):
                header = row
    except csv.Error:
        pass
    finally:
        csv.field_size_limit(limit)
    return Problem(
        file, None, None, None, f"a cell holds more than {limit:,} characters", hint
    )  # fmt: skip


def _check_header(
    file: str, name: str, header: list[str], line: int, delimiter: str
) -> list[Problem]:
    problems = []
    declared = [f["name"] for f in fields(name)]
    if len(header) == 1 and delimiter == "," and ";" not in header[0] and len(declared) > 1:
        problems.append(
            Problem(file, line, None, header[0], "the header has only one column",
                    f"Separate the columns with commas: {','.join(declared)}")
        )  # fmt: skip
        return problems
    unknown = [h for h in header if h and h not in declared]
    for f in fields(name):
        if f["name"] in header:
            continue
        required = f.get("constraints", {}).get("required", False)
        close = _close_column(f["name"], unknown)
        hint = (
            f"Rename column {close!r} to {f['name']!r}."
            if close
            else f"Add a column {f['name']!r}; the header should be: {','.join(declared)}"
        )
        if required:
            problems.append(
                Problem(file, line, f["name"], None, "a required column is missing", hint)
            )
        elif "x-default" in f and not close:  # reported with what it assumed, by _fill_defaults
            continue
        else:
            if not close:  # the README says optional columns may be left out: nothing to fix
                hint = f"Nothing to do: it is optional. To use it, add a column {f['name']!r}."
            problems.append(
                Problem(file, line, f["name"], None, "an optional column is missing; read as empty",
                        hint, severity="warning")
            )  # fmt: skip
    seen = set()
    for h in header:
        if h and h in seen:
            problems.append(
                Problem(file, line, h, None, "this column appears twice", "Keep one of them.")
            )  # fmt: skip
        seen.add(h)
    return problems


def _close_column(wanted: str, unknown: list[str]) -> str | None:
    """The unknown header cell probably meant as ``wanted`` ("ID", "Public since", "sumary_en")."""

    def norm(h: str) -> str:
        return re.sub(r"[\s\-]+", "_", h.strip().lower())

    for h in unknown:
        if norm(h) == wanted:
            return h
    close = difflib.get_close_matches(wanted, [norm(h) for h in unknown], n=1, cutoff=0.6)
    return unknown[[norm(h) for h in unknown].index(close[0])] if close else None


# --------------------------------------------------------------------------------------------------
# The pandera schema built from the descriptor

# Check name -> (message, hint). Names are what pandera reports in its failure cases.
_MESSAGES: dict[str, tuple[str, str]] = {
    "not_nullable": ("this cell is empty but required", "Fill it in."),
    "field_uniqueness": ("this id is used by more than one row", "Give each row its own id."),
    "isin": ("this value is not one of the allowed values", "Use one of: {allowed}."),
    "str_matches": ("this value does not have the expected form", "{pattern_hint}"),
    "integer": ("this is not a whole number", "Write a whole number such as 5, or leave it empty."),
    "minimum": ("this number is too small", "Use a number of at least {minimum}."),
    "edtf": ("this is not a date the explainer can read", "{edtf_hint}"),
    "max_words": ("this text is too long", "Keep it to at most {max_words} words."),
    "foreign_key": ("this id is not defined in {ref_file}",
                    "Add it to {ref_file}, or fix its spelling."),
    "list_items": ("an id in this list is not defined in {ref_file}",
                   "Separate ids with '{sep}' and define each one in {ref_file}."),
    "summary_needed": ("this cell is empty but required",
                       "Write the summary, or mark the row for review in the 'review' column."),
}  # fmt: skip

_PATTERN_HINTS = {
    "[a-z][a-z0-9_]*": "Use a short lowercase id: letters, digits and '_', starting with a letter.",
    "[a-z][a-z0-9_-]*": (
        "Use a short lowercase id: letters, digits, '_' and '-', starting with a letter."
    ),
    "[a-z0-9][a-z0-9_-]*": (
        "Use a short lowercase id such as ukraine-forces: letters, digits, '-' and '_', "
        "no spaces or capitals."
    ),
    "[A-Z]{2}": "Use a two-letter country code in capitals (US, RU, FR), or leave it empty.",
    "[a-z]{2}": "Use a two-letter language code in lowercase, such as fr or en.",
    "https?://\\S+": "Give a web address starting with http:// or https://, or leave it empty.",
}


def _pandera():  # -> the module pandera.pandas
    """Import pandera on first validation, not with the package: it is half of a cold import."""
    # pandera imports hypothesis when it is installed (a test tool: ~5 MB in every kernel that
    # loads a dataset) for data synthesis we never use; it is hidden while pandera loads only.
    hide = "hypothesis" not in sys.modules and "pandera" not in sys.modules
    if hide:
        sys.modules["hypothesis"] = None  # type: ignore[assignment]  # None: ImportError
    try:
        with warnings.catch_warnings():  # pandera warns about its own import layout
            warnings.simplefilter("ignore")
            import pandera.pandas
            import pandera.strategies.base_strategies  # where it decides, once
    finally:
        if hide and sys.modules.get("hypothesis", 0) is None:
            del sys.modules["hypothesis"]
    return pandera.pandas


def _edtf_valid(series: pd.Series) -> pd.Series:
    # Plain dates checked at once, the rest one by one (issue 14).
    return pd.Series(dates.valid_mask(series), index=series.index)


def _once_per_value(check: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """``check`` run on the distinct values of a column only, its answers spread back to the rows
    (issue 14): 200,000 claims hold a few hundred dates, actors or statuses. Missing cells pass,
    as pandera's own ``ignore_na`` has them pass."""

    def on_distinct(series: pd.Series) -> pd.Series:
        codes, distinct = pd.factorize(series, use_na_sentinel=True)
        answers = np.asarray(check(pd.Series(distinct, dtype="str")), dtype=bool)
        passed = np.ones(len(codes), dtype=bool)
        present = codes >= 0
        passed[present] = answers[codes[present]]
        return pd.Series(passed, index=series.index)

    return on_distinct


_count_spaces = operator.methodcaller("count", " ")


def _matching(pattern: str) -> Callable[[pd.Series], pd.Series]:
    """Whether each text matches ``pattern`` at its start, as ``Series.str.match`` says: the
    compiled expression mapped over the texts, without a Python call a cell (issue 14: a third
    of the time on 100,000 ids)."""
    compiled = re.compile(pattern)

    def check(s: pd.Series) -> pd.Series:
        if s.hasnans:  # never from the quick check nor pandera (distinct, present values)
            return s.str.match(pattern)
        texts = s.tolist()
        found = map(bool, map(compiled.match, texts))
        return pd.Series(np.fromiter(found, dtype=bool, count=len(texts)), index=s.index)

    return check


def _words_at_most(most: int) -> Callable[[pd.Series], pd.Series]:
    """Whether each text has at most ``most`` words (``str.split``'s words)."""

    def check(s: pd.Series) -> pd.Series:
        # A printable text has no whitespace but " ", so its words are at most its spaces + 1:
        # two C calls mapped over the texts instead of a list of words, for almost every quote;
        # only the others are split (issue 14).
        texts = s.tolist()
        spaces = np.fromiter(map(_count_spaces, texts), dtype=np.int64, count=len(texts))
        printable = np.fromiter(map(str.isprintable, texts), dtype=bool, count=len(texts))
        passed = (spaces < most) & printable
        for i in np.flatnonzero(~passed).tolist():
            passed[i] = len(texts[i].split()) <= most
        return pd.Series(passed, index=s.index, dtype=bool)

    return check


def _check_functions(
    f: dict, refs: dict[str, set[str]]
) -> list[tuple[str, Callable[[pd.Series], pd.Series]]]:
    """The declared checks of a field as (name, function) pairs; each function takes distinct,
    present values (a "str" Series) and says which pass. Plain functions, so that a table can be
    checked without pandera (:func:`_passes_quickly`) and with it (:func:`_column_checks`)."""
    constraints = f.get("constraints", {})
    checks: list[tuple[str, Callable[[pd.Series], pd.Series]]] = []
    if "enum" in constraints:
        allowed = frozenset(constraints["enum"])
        checks.append(("isin", lambda s, a=allowed: s.isin(a)))
    if "pattern" in constraints:
        regex = f"(?:{constraints['pattern']})\\Z"
        checks.append(("str_matches", _matching(regex)))
    if f.get("type") == "integer":
        # At most 18 digits: what a 64-bit integer column holds.
        # ASCII digits only: "１" or "١" would pass \d, then read as nothing (one rule with dates).
        checks.append(("integer", _matching(r"[0-9]{1,18}\Z")))
    if "minimum" in constraints:
        low = constraints["minimum"]
        # Only numbers are compared: "-3" or "abc" in an integer column get one "integer" problem.
        form = r"[0-9]+\Z" if f.get("type") == "integer" else r"[+-]?[0-9]+(?:\.[0-9]*)?\Z"

        def at_least(s: pd.Series, low=low, form=form) -> pd.Series:
            numbers = pd.to_numeric(s.where(s.str.match(form)), errors="coerce")
            return numbers.fillna(low) >= low

        checks.append(("minimum", at_least))
    if f.get("x-edtf"):
        checks.append(("edtf", _edtf_valid))
    if "x-max-words" in f:
        checks.append(("max_words", _words_at_most(f["x-max-words"])))
    if f["name"] in refs:
        ids = refs[f["name"]]
        if "x-list-separator" in f:
            sep = f["x-list-separator"]
            checks.append(
                (
                    "list_items",
                    lambda s, sep=sep, ids=ids: s.map(
                        lambda v: all(p.strip() in ids for p in str(v).split(sep) if p.strip())
                    ).astype(bool),
                )
            )
        else:
            # A set look-up a value: Series.isin would first hash all the ids again (100,000
            # claim ids for each 'responds_to').
            checks.append(
                (
                    "foreign_key",
                    lambda s, ids=ids: pd.Series(
                        np.fromiter(map(ids.__contains__, s.tolist()), dtype=bool, count=len(s)),
                        index=s.index,
                    ),
                )
            )
    return checks


def _column_checks(f: dict, refs: dict[str, set[str]]) -> list[pa.Check]:
    pa = _pandera()
    return [pa.Check(_once_per_value(fn), name=name) for name, fn in _check_functions(f, refs)]


def _passes_quickly(table: str, frame: pd.DataFrame, refs: dict[str, set[str]]) -> bool:
    """Whether every cell passes the declared schema, found without pandera: each column's
    distinct values once, through the very functions pandera runs (:func:`_check_functions`).

    True only when pandera would report nothing; any doubt (a missing required cell, a repeated
    or missing value in a unique column, one failing value) is False, and pandera then finds and
    words each failure. A clean table, the usual case, costs no pandera import and no pandera
    pass (issue 14: together about half of loading 100,000 claims).
    """
    for f in fields(table):
        column = f["name"]
        if column not in frame.columns:
            return False
        constraints = f.get("constraints", {})
        required = constraints.get("required", False) and not f.get("x-draft-may-be-empty")
        unique = constraints.get("unique", False)
        checks = _check_functions(f, refs)
        if not (required or unique or checks):
            continue
        cells = frame[column]
        # One missing-value pass serves both the required test and dropping them (dropna redoes it).
        missing = cells.isna().to_numpy()
        has_missing = bool(missing.any())
        if (required or unique) and has_missing:
            return False
        present = cells.to_numpy(dtype=object)
        if has_missing:
            present = present[~missing]
        if unique or not _mostly_distinct_at_first(present):
            distinct = pd.unique(present)
            if unique and len(distinct) != len(present):
                return False
        else:
            # Free text (quotes): the checks on every cell cost what hashing would, or less.
            distinct = present
        values = pd.Series(distinct, dtype="str")
        for _, check in checks:
            if not np.asarray(check(values), dtype=bool).all():
                return False
    return True


def _schema(table: str, refs: dict[str, set[str]], *, unique: bool = True) -> pa.DataFrameSchema:
    """The pandera schema of a table; ``unique=False`` leaves uniqueness out (for one slice of
    the rows, whose uniqueness is checked over the whole column by :func:`_unique_schema`)."""
    pa = _pandera()
    columns = {}
    for f in fields(table):
        constraints = f.get("constraints", {})
        required = constraints.get("required", False) and not f.get("x-draft-may-be-empty")
        columns[f["name"]] = pa.Column(
            None,  # cells are read as text; the checks say what text is allowed
            nullable=not required,
            unique=unique and constraints.get("unique", False),
            checks=_column_checks(f, refs),
            required=True,
        )
    return pa.DataFrameSchema(columns, strict=False, name=table)


def _unique_schema(table: str) -> pa.DataFrameSchema:
    """Only the uniqueness of a table's unique columns (missing cells are the other schema's)."""
    pa = _pandera()
    columns = {
        f["name"]: pa.Column(None, nullable=True, unique=True, required=True)
        for f in fields(table)
        if f.get("constraints", {}).get("unique", False)
    }
    return pa.DataFrameSchema(columns, strict=False, name=table)


# Rows checked by pandera at a time: its checks hold several copies of what they look at, about
# 0.7 KB a claim, so 200,000 claims at once would add 140 MB to the table's own (issue 14).
_SLICE_ROWS = 25_000


def _schema_problems(
    name: str, table: Table, refs: dict[str, object], ref_files: dict[str, str]
) -> list[Problem]:
    """Every failure of the declared schema in a table, found a slice of rows at a time."""
    frame = table.frame
    if _passes_quickly(name, frame, refs):  # type: ignore[arg-type]
        return []
    _pandera()  # first: pandera through the door that keeps hypothesis out of the kernel
    from pandera.errors import SchemaErrors

    if len(frame) <= _SLICE_ROWS:
        checks = [(_schema(name, refs), frame)]  # type: ignore[arg-type]
    else:
        sliced = _schema(name, refs, unique=False)  # type: ignore[arg-type]
        checks = [
            (sliced, frame.iloc[start : start + _SLICE_ROWS])
            for start in range(0, len(frame), _SLICE_ROWS)
        ]
        unique = _unique_schema(name)
        checks.append((unique, frame[list(unique.columns)]))
    problems: list[Problem] = []
    for schema, rows in checks:
        try:
            schema.validate(rows, lazy=True, inplace=True)  # inplace: no copy; nothing is coerced
        except SchemaErrors as err:
            problems.extend(_failures_to_problems(err, table, refs, ref_files))  # type: ignore[arg-type]
    return problems


def _failures_to_problems(
    err: SchemaErrors, table: Table, refs: dict[str, set[str]], ref_files: dict[str, str]
) -> list[Problem]:
    file = f"{table.name}.csv"
    declared = {f["name"]: f for f in fields(table.name)}
    cases = err.failure_cases
    problems = []
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        check = str(case.check).split("(")[0]
        if check == "column_in_dataframe" or column in table.absent:
            continue  # missing columns are reported once, from the header, with a suggestion
        index = case.index
        line = int(table.lines[int(index)]) if index is not None and not pd.isna(index) else None
        value = (
            None
            if case.failure_case is None or pd.isna(case.failure_case)
            else str(case.failure_case)
        )
        if check == "field_uniqueness" or check.endswith("uniqueness"):
            check = "field_uniqueness"
        f = declared.get(column or "", {})
        constraints = f.get("constraints", {})
        ref = refs.get(f"ref:{column}", "")
        fmt = {
            "allowed": ", ".join(constraints.get("enum", [])),
            "pattern_hint": _PATTERN_HINTS.get(constraints.get("pattern", ""), "Fix its form."),
            "minimum": constraints.get("minimum", ""),
            "edtf_hint": _edtf_hint(value),
            "max_words": f.get("x-max-words", ""),
            "ref_file": ref_files.get(str(ref), "the referenced file"),
            "sep": f.get("x-list-separator", ";"),
        }
        message, hint = _MESSAGES.get(check, (f"this value fails the check {check}", ""))
        if check == "max_words" and value is not None:
            message += f" ({len(value.split())} words)"
        if check == "integer" and value is not None and dates.ascii_digits(value) != value:
            hint = f"Write it with the digits 0-9: {dates.ascii_digits(value)!r}."
        choices = constraints.get("enum") or sorted(refs.get(column or "", ()))  # type: ignore[arg-type]
        if check in ("isin", "foreign_key") and value is not None:
            close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            hint = (f"Did you mean {close[0]!r}? " if close else "") + hint
        problems.append(
            Problem(file, line, column, value, message.format(**fmt), hint.format(**fmt))
        )
    return problems


def _edtf_hint(value: str | None) -> str:
    if value is None:
        return ""
    try:
        dates.parse_date(value)
    except dates.InvalidDate as err:
        return str(err)[0].upper() + str(err)[1:] + "."
    return ""


def validate_tables(
    tables: dict[str, Table],
    texts: dict[str, list[str]],
    step: Callable[[str], object] | None = None,
) -> list[Problem]:
    """Validate read tables against the declared schema; return every problem found.

    Parameters
    ----------
    tables : dict
        ``actors``, ``sources`` and ``claims`` as read by :func:`read_folder` (missing ones are
        skipped).
    texts : dict
        Source id -> paragraphs of that source's text, for the verbatim check of quotes.
    """
    problems: list[Problem] = []
    keys = {
        name: set(t.frame["id"].dropna().tolist()) if "id" in t.frame.columns else set()
        for name, t in tables.items()
    }
    ref_files = {name: f"{name}.csv" for name in TABLES}
    for name, table in tables.items():
        refs: dict[str, object] = {}
        for column, referenced in _foreign_keys(name):
            # A referenced table that could not be read, or has no id column, checks nothing: its
            # own problem is reported, and every reference to it would only repeat that.
            if referenced in tables and "id" not in tables[referenced].absent:
                refs[column] = keys[referenced]
                refs[f"ref:{column}"] = referenced
        for f in fields(name):  # list columns point to the table of the first foreign key on actors
            if (
                "x-list-separator" in f
                and "actors" in tables
                and "id" not in tables["actors"].absent
            ):
                refs[f["name"]] = keys["actors"]
                refs[f"ref:{f['name']}"] = "actors"
        if step is not None:
            step(f"checking {name}.csv")
        problems.extend(_schema_problems(name, table, refs, ref_files))
        if name == "claims":
            problems.extend(_claim_rules(table, texts))
    return problems


def _claim_rules(table: Table, texts: dict[str, list[str]]) -> list[Problem]:
    """Rules across the columns of a claim: summaries of drafts, quotes checked against the text."""
    frame = table.frame
    problems: list[Problem] = []
    review = frame["review"].notna() if "review" in frame.columns else pd.Series(False, frame.index)
    for f in fields("claims"):
        if not f.get("x-draft-may-be-empty"):
            continue
        if f["name"] in table.absent:
            continue
        empty = frame[f["name"]].isna().to_numpy()
        for i in np.flatnonzero(empty & ~review.to_numpy()):
            message, hint = _MESSAGES["summary_needed"]
            problems.append(
                Problem("claims.csv", int(table.lines[i]), f["name"], None, message, hint)
            )
    for i in np.flatnonzero(review.to_numpy()):
        problems.append(
            Problem("claims.csv", int(table.lines[i]), "review", str(frame["review"].iloc[i]),
                    "this draft row still needs a person",
                    "Check the status and write the summaries, then empty the 'review' cell.",
                    severity="warning")
        )  # fmt: skip
    problems.extend(_link_rules(table))
    if texts:
        problems.extend(_quote_rules(table, texts))
    return problems


def _link_rules(table: Table) -> list[Problem]:
    """What a claim answers (``responds_to``) and where an article claim is in the article."""
    frame = table.frame
    problems: list[Problem] = []

    def at(i: int, column: str, value: object, message: str, hint: str, severity: str) -> None:
        shown = None if value is None or pd.isna(value) else str(value)  # type: ignore[arg-type]
        problems.append(
            Problem("claims.csv", int(table.lines[i]), column, shown, message, hint, severity)
        )

    column = {c: frame[c].tolist() for c in ("id", "kind", "responds_to", "layer", "quote")}
    column["paragraph"] = frame["paragraph"].tolist()
    # Rows are walked only where a rule can say something, found at once (issue 14): most claims
    # answer none and are no denial; the walk itself is row by row, in file order, as before.
    target_set = frame["responds_to"].notna().to_numpy()
    denial = (frame["kind"] == "denial").to_numpy(dtype=bool)
    # What each id answers, from the first row with that id (the repeats are errors already).
    leading = frame["id"].notna().to_numpy() & ~frame["id"].duplicated().to_numpy()
    first = {column["id"][i]: i for i in np.flatnonzero(leading & target_set).tolist()}
    answers = {cid: column["responds_to"][i] for cid, i in first.items()}
    for i in np.flatnonzero(target_set | denial).tolist():
        cid, kind, target = column["id"][i], column["kind"][i], column["responds_to"][i]
        if not isinstance(target, str):
            if kind == "denial":
                at(i, "responds_to", None, "this denial answers no claim",
                   "Write in 'responds_to' the id of the claim it denies.", "warning")  # fmt: skip
            continue
        if target == cid:
            at(i, "responds_to", target, "this claim answers itself",
               "Write the id of the claim it denies, or empty 'responds_to'.", "error")  # fmt: skip
        elif isinstance(kind, str) and kind != "denial":
            at(i, "responds_to", target,
               f"only a denial answers another claim, and this row is a {kind!r}",
               "Set 'kind' to denial, or empty 'responds_to'.", "warning")  # fmt: skip
    # Each claim answers at most one: following the answers from any claim either stops or
    # comes back to where it was, a circle (a self-reference is reported above).
    done: set[str] = set()
    for start in answers:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done and node not in path:
            path.append(node)
            node = answers.get(node)
        if node is not None and node in path and len(path) - path.index(node) > 1:
            circle = path[path.index(node) :]
            lead = min(circle, key=lambda c: first[c])
            k = circle.index(lead)
            shown = " → ".join([*circle[k:], *circle[:k], lead])
            at(first[lead], "responds_to", answers[lead],
               f"these claims answer each other in a circle: {shown}",
               "A denial answers an earlier claim that is not a denial of it: empty "
               "'responds_to' in one of them.", "error")  # fmt: skip
        done.update(path)
    layer_is = {v: (frame["layer"] == v).to_numpy(dtype=bool) for v in ("article", "context")}
    quote_set, paragraph_set = (frame[c].notna().to_numpy() for c in ("quote", "paragraph"))
    tied = layer_is["article"] & ~quote_set & ~paragraph_set
    for i in np.flatnonzero(tied | (layer_is["context"] & paragraph_set)).tolist():
        layer, quote, paragraph = column["layer"][i], column["quote"][i], column["paragraph"][i]
        if layer == "article" and not isinstance(quote, str) and not isinstance(paragraph, str):
            at(i, "quote", None,
               "this article claim has neither a quote nor a paragraph, so nothing ties it to "
               "the article",
               "Give the paragraph number it comes from, and a short quote (at most 25 words).",
               "warning")  # fmt: skip
        elif layer == "context" and isinstance(paragraph, str):
            at(i, "paragraph", paragraph,
               "a context row has a paragraph number, but context comes from the public record, "
               "not from the article",
               "Empty 'paragraph', or set 'layer' to article if the article says it.",
               "warning")  # fmt: skip
    return problems


def _quote_rules(table: Table, texts: dict[str, list[str]]) -> list[Problem]:
    """Each quote must be word for word in its paragraph of the source text (when that is known)."""
    frame = table.frame
    problems: list[Problem] = []
    # Only a well-formed paragraph number is used; a malformed one has its own error already.
    cells = frame["paragraph"]
    # Each distinct paragraph number read once (a few dozen among 100,000 claims).
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    numbers = pd.Series(np.asarray(distinct, dtype=object), dtype="str")
    numbers = pd.to_numeric(numbers.where(numbers.str.fullmatch("[0-9]{1,18}")), errors="coerce")
    read = numbers.to_numpy(dtype=float)
    para = pd.Series(np.where(codes >= 0, read[codes] if len(read) else np.nan, np.nan))
    malformed = cells.notna().to_numpy() & para.isna().to_numpy()
    normalised: dict[str, list[str]] = {}  # each source text once, not once per quote
    # Arrays, not lists of every row: only the rows checked become lists (200,000 paragraph
    # numbers as Python floats were 6 MB at the peak of a load).
    quotes, sources = frame["quote"].to_numpy(dtype=object), frame["source"].to_numpy(dtype=object)
    paras = para.to_numpy()
    # Only rows with a quote from a source whose text is known, and a paragraph that is empty or
    # well formed ("the paragraph is empty" would contradict the error on a malformed one),
    # found at once rather than row by row.
    checked = (
        frame["quote"].notna().to_numpy()
        & frame["source"].isin(list(texts)).to_numpy()
        & ~malformed
    )
    rows = np.flatnonzero(checked)
    # The usual case first, in one comprehension: the quote found as is in the paragraph the row
    # names, with no string built (found as is, it is found normalised too: a run of spaces
    # inside the quote lies inside a run of the paragraph).
    as_is = [
        p == p and 0 < p <= len(texts[source]) and quote in texts[source][int(p) - 1]
        for quote, source, p in zip(
            quotes[rows].tolist(), sources[rows].tolist(), paras[rows].tolist(), strict=True,
        )
    ]  # fmt: skip
    for i in itertools.compress(rows.tolist(), [not found for found in as_is]):
        quote, source, p = quotes[i], sources[i], float(paras[i])
        needle = _normalise(quote)
        if source not in normalised:
            normalised[source] = [_normalise(x) for x in texts[source]]
        paragraphs = normalised[source]
        if pd.notna(p) and 0 < p <= len(paragraphs) and needle in paragraphs[int(p) - 1]:
            continue  # the usual case: found where the row says
        line = int(table.lines[i])
        found = [n for n, x in enumerate(paragraphs, start=1) if needle in x]
        if pd.isna(p):
            if found:
                problems.append(
                    Problem("claims.csv", line, "paragraph", None,
                            f"the paragraph is empty; the quote is in paragraph {found[0]}",
                            f"Write {found[0]} in the 'paragraph' column.", severity="warning")
                )  # fmt: skip
                continue
            where = "the source text"
        else:
            p = int(p)
            if p in found:
                continue
            where = f"paragraph {p} of the source text"
            if not 0 < p <= len(paragraphs):
                where += f" (which has {len(paragraphs)} paragraphs)"
        if found:
            hint = f"It is in paragraph {found[0]}: fix the paragraph number."
        elif any(_loose(needle) in _loose(x) for x in paragraphs):
            hint = (
                "It differs only in apostrophes or quotation marks: copy them from the source "
                "(the article writes ’ and « »)."
            )
        else:
            hint = "Copy the quote exactly from the source, and check the paragraph number."
        problems.append(
            Problem("claims.csv", line, "quote", quote,
                    f"this quote is not found word for word in {where}", hint)
        )  # fmt: skip
    return problems


def _loose(text: str) -> str:
    # Only to suggest a fix: typographic apostrophes and quotation marks as typed on a keyboard.
    return re.sub("[’‘ʼ`]", "'", re.sub("[«»“”]", '"', text)).replace('" ', '"').replace(' "', '"')


_SPACES = re.compile(r"\s+")
_ODD_SPACES = re.compile(r"[^\S ]|  ")  # anything _normalise would change


def _normalise(text: str) -> str:
    # Spreadsheets turn non-breaking spaces into spaces; everything else must match exactly.
    if not _ODD_SPACES.search(text):
        return text  # the usual case, without building a new string
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " "))


def _text_file_rules(
    text_dir: Path, tables: dict[str, Table], texts: dict[str, list[str]]
) -> list[Problem]:
    """Source texts that are misnamed, or missing for a source whose quotes need them.

    Without its text, a source's quotes are not checked: say so, and which file would do.
    """
    problems: list[Problem] = []
    sources = tables.get("sources")
    ids = [] if sources is None else [i for i in sources.frame["id"].tolist() if isinstance(i, str)]
    known = set(ids)  # thousands of texts: a set, not a look through the list for each
    files = sorted(p.name for p in text_dir.iterdir() if not p.name.startswith("."))
    for name in files:
        stem = name[:-4] if name.endswith(".txt") else None
        if stem is not None and stem in known:
            continue
        if stem is None and not (text_dir / name).is_file():
            continue  # a folder of notes, say
        base = re.sub(r"(\.txt)+$", "", name, flags=re.I)
        close = difflib.get_close_matches(base.lower(), ids, n=1, cutoff=0.6)
        fix = f"Rename it to {close[0]}.txt." if close else "Name it <source id>.txt."
        what = (
            "no source in sources.csv has this id, so its text checks no quote"
            if stem is not None
            else "this file is not read: a source's text is named <source id>.txt"
        )
        problems.append(Problem(f"sources/{name}", None, None, None, what, fix, severity="warning"))
    claims = tables.get("claims")
    if claims is None or sources is None:
        return problems
    quoted = claims.frame.loc[claims.frame["quote"].notna(), "source"].value_counts()
    for i, source_id in enumerate(sources.frame["id"].tolist()):
        if not isinstance(source_id, str) or source_id in texts or source_id not in quoted:
            continue
        close = [f for f in files if source_id.lower() in f.lower()]
        problems.append(
            Problem("sources.csv", int(sources.lines[i]), "id", source_id,
                    f"there is no sources/{source_id}.txt, so the {int(quoted[source_id])} "
                    "quote(s) from this source are not checked",
                    f"Put its text in sources/{source_id}.txt, one paragraph a line"
                    + (f" (is it {close[0]}?)." if close else "."),
                    severity="warning")
        )  # fmt: skip
    return problems


def read_folder(
    folder: Path, *, progress: bool | None = None, validate: bool = True
) -> tuple[dict[str, Table], dict[str, list[str]], list[Problem]]:
    """Read and validate a dataset folder.

    Parameters
    ----------
    folder : pathlib.Path
        A folder with ``actors.csv``, ``sources.csv`` and ``claims.csv`` (or with one workbook,
        ``dataset.xlsx`` or ``dataset.ods``, or such a workbook itself: see
        :mod:`explainer.spreadsheet`); optionally ``sources/<id>.txt``, the text of a source (one
        paragraph a line), against which quotes are checked.
    validate : bool, default True
        False reads the tables and texts without the schema checks (for data validated already:
        see :mod:`explainer.bundled`); only problems that stop the reading are then reported.

    Returns
    -------
    tables, texts, problems
        The tables read (those that could be read), the source texts, and every problem found
        (errors and warnings), in file order.
    """
    try:
        return _read_folder(folder, progress, validate)
    except (
        MemoryError
    ):  # past the size check (the memory filled meanwhile): a message, no traceback
        return {}, {}, [Problem(str(folder), None, None, None, _OUT_OF_MEMORY, _TOO_LARGE_HINT)]


def _read_folder(
    folder: Path, progress: bool | None, validate: bool = True
) -> tuple[dict[str, Table], dict[str, list[str]], list[Problem]]:
    from explainer import spreadsheet  # it builds on this module, so it is imported here

    problems: list[Problem] = []
    workbook = spreadsheet.find_workbook(folder, problems)
    if problems:  # a workbook and CSV files side by side: which one is meant cannot be guessed
        return {}, {}, problems
    if workbook is not None:
        tables, texts, problems = spreadsheet.read_workbook(workbook)
        problems.extend(validate_tables(tables, texts))
        return tables, texts, spreadsheet.in_sheets(workbook, problems)
    if not folder.is_dir():
        what = "this is a file, not a folder" if folder.exists() else "this folder does not exist"
        hint = "Give the folder that holds actors.csv, sources.csv and claims.csv."
        if folder.name in {f"{n}.csv" for n in TABLES} or folder.suffix.lower() == ".csv":
            hint = f"Give the folder, not one of its files: {folder.parent}"
        problems.append(Problem(str(folder), None, None, None, what, hint))
        return {}, {}, problems
    tables = {}
    guarded = _folder_descriptor(folder, problems)
    with _folder_bar(folder, progress) as bar:
        for name in TABLES:
            bar.set_description(f"reading {name}.csv", refresh=False)
            table = _read_table(
                folder / f"{name}.csv",
                name,
                problems,
                guarded=guarded,
                advance=None if bar.disable else bar.update,
            )
            if table is not None:
                tables[name] = table
        texts = read_texts(folder, problems)
        if validate and (folder / "sources").is_dir():
            problems.extend(_text_file_rules(folder / "sources", tables, texts))
        if validate:
            problems.extend(validate_tables(tables, texts, step=bar.set_description))
    order = {f"{n}.csv": i for i, n in enumerate(TABLES)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0))
    return tables, texts, problems


def _folder_bar(folder: Path, asked: bool | None) -> Any:
    """A progress bar over the characters of a folder's tables: only for large ones, unless asked
    (see :mod:`explainer.progress`)."""
    from explainer import progress

    size = 0
    for name in TABLES:
        with contextlib.suppress(OSError):
            size += (folder / f"{name}.csv").stat().st_size
    if asked is None and size < progress.LARGE_BYTES:
        asked = False
    if not progress.wanted(asked):
        return _NoBar()  # tqdm's import is a tenth of loading 10,000 claims: not for nothing
    return progress.bar(total=size, desc="reading", unit="B", unit_scale=True, asked=asked)


class _NoBar:
    """What :func:`_read_folder` uses of a disabled tqdm bar, without importing tqdm."""

    disable = True

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def set_description(self, desc: str | None = None, refresh: bool = True) -> None:
        pass

    def update(self, n: float = 1) -> None:
        pass


def read_texts(folder: Path, problems: list[Problem]) -> dict[str, list[str]]:
    """The source texts of a dataset folder, ``sources/<id>.txt``: id -> paragraphs."""
    texts = {}
    text_dir = folder / "sources"
    if text_dir.is_dir():
        # Names, as glob("*.txt") finds them, sorted as strings: sorting thousands of Path
        # objects cost more than reading the directory.
        with os.scandir(text_dir) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".txt"))
        for path in map(text_dir.joinpath, names):
            file = f"sources/{path.name}"
            raw = _read_bytes(path, file, problems)
            content = None if raw is None else _decode(raw, file, problems)
            if content is not None:  # one paragraph a line, whatever the line endings
                if "\r" in content:  # rare: a search for one character, not two replacements
                    content = content.replace("\r\n", "\n").replace("\r", "\n")
                texts[path.stem] = content.split("\n")
    return texts
