"""The one declared schema, and validation that reports every problem at once.

The schema is declared once, in ``data/datapackage.json`` (a Frictionless Data Package, readable by other
open-data tools). This module reads that declaration and builds a pandera schema from it: field
constraints (``required``, ``unique``, ``enum``, ``pattern``, ``minimum``), foreign keys, and three
extensions of ours: ``x-edtf`` (an EDTF date), ``x-max-words`` and ``x-list-separator`` (a list of keys).

:func:`read_folder` reads the CSV files the way spreadsheets write them (UTF-8 with or without a byte-order
mark, Windows-1252, commas or semicolons, Windows line endings), remembers each row's line in the file,
and returns the tables with every problem found, each with file, line, column, value and what to do.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

with warnings.catch_warnings():  # pandera warns about its own import layout; nothing for our users
    warnings.simplefilter("ignore")
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

from explainer import dates

__all__ = ["TABLES", "DESCRIPTOR_PATH", "Problem", "descriptor", "read_folder"]

DESCRIPTOR_PATH = Path(__file__).resolve().parent.parent / "data" / "datapackage.json"
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
    """

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column {self.column!r}" if self.column else ""
        value = "" if self.value is None else f" (value {self.value!r})"
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.severity}: {where}: {self.message}{value}.{hint}"


_DESCRIPTOR: dict | None = None


def descriptor() -> dict:
    """The Data Package descriptor (``data/datapackage.json``), read once."""
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


def _decode(raw: bytes, file: str, problems: list[Problem]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # Excel's "CSV UTF-8" starts with a byte-order mark: harmless, dropped
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        problems.append(
            Problem(file, line, None, None, "the file is not UTF-8 text",
                    "Save it as 'CSV UTF-8 (comma delimited)' in Excel, or 'Text CSV' with "
                    "character set 'Unicode (UTF-8)' in LibreOffice.")
        )  # fmt: skip
        return ""
    problems.append(
        Problem(file, line, None, None,
                "the file is not UTF-8; it was read as Windows-1252 (what Excel writes by default)",
                "Check accented letters, then save it as 'CSV UTF-8 (comma delimited)'.",
                severity="warning")
    )  # fmt: skip
    return text


def _read_table(path: Path, name: str, problems: list[Problem]) -> Table | None:
    file = path.name
    columns = [f["name"] for f in fields(name)]
    if not path.exists():
        problems.append(
            Problem(file, None, None, None, "the file is missing",
                    f"Create {file} with the header row: {','.join(columns)}")
        )  # fmt: skip
        return None
    text = _decode(path.read_bytes(), file, problems)
    if not text.strip():
        problems.append(
            Problem(file, None, None, None, "the file is empty",
                    f"It needs at least the header row: {','.join(columns)}")
        )  # fmt: skip
        return None

    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    # French-locale Excel separates with semicolons; the header line tells which one was used.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    blank_lines: list[int] = []
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                blank_lines.append(start)
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                header_line = start
                continue
            rows.append(row)
            lines.append(start)
    except csv.Error as err:
        problems.append(
            Problem(file, reader.line_num, None, None, f"the file cannot be read as CSV ({err})",
                    "Look for an opening double quote that is never closed.")
        )  # fmt: skip
        return None
    assert header is not None  # the text is not blank, so some row has a cell
    if blank_lines:
        shown = ", ".join(map(str, blank_lines[:10])) + (" ..." if len(blank_lines) > 10 else "")
        problems.append(
            Problem(file, blank_lines[0], None, None, f"blank lines were skipped (lines {shown})",
                    "Nothing to do, unless a row went missing there.", severity="warning")
        )  # fmt: skip

    width = len(header)
    stray: list[int] = []
    for i, row in enumerate(rows):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            problems.append(
                Problem(file, lines[i], None, delimiter.join(row[width:]),
                        f"this row has {len(row)} cells but the header has {width}",
                        f"A cell probably contains the separator '{delimiter}': put that cell "
                        "between double quotes, or remove the extra cells.")
            )  # fmt: skip
        rows[i] = (row + [""] * width)[:width]
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(
        columns=header, dtype=object
    )
    for column in frame.columns:
        values = frame[column].astype(str)
        stripped = values.str.strip()
        changed = np.flatnonzero((values != stripped).to_numpy() & (stripped != "").to_numpy())
        stray.extend(changed.tolist())
        frame[column] = stripped.where(stripped != "", None)
    if stray:
        first = int(min(stray))
        problems.append(
            Problem(file, lines[first], None, None,
                    f"spaces before or after a value were removed in {len(set(stray))} row(s)",
                    "Nothing to do; the values are used without those spaces.", severity="warning")
        )  # fmt: skip

    problems.extend(_check_header(file, name, header, header_line, delimiter))
    absent = frozenset(f["name"] for f in fields(name) if f["name"] not in frame.columns)
    for column in sorted(absent):  # an absent column reads as empty; the header check reported it
        frame[column] = None
    return Table(name, frame, np.asarray(lines, dtype=int), absent)


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
    unknown = [h for h in header if h not in declared]
    for f in fields(name):
        if f["name"] in header:
            continue
        required = f.get("constraints", {}).get("required", False)
        close = difflib.get_close_matches(f["name"], unknown, n=1, cutoff=0.6)
        hint = (
            f"Rename column {close[0]!r} to {f['name']!r}."
            if close
            else f"Add a column {f['name']!r}; the header should be: {','.join(declared)}"
        )
        if required:
            problems.append(Problem(file, line, f["name"], None, "a required column is missing", hint))
        else:
            problems.append(
                Problem(file, line, f["name"], None, "an optional column is missing; read as empty",
                        hint, severity="warning")
            )  # fmt: skip
    seen = set()
    for h in header:
        if h in seen:
            problems.append(
                Problem(file, line, h, None, "this column appears twice", "Keep one of them.")
            )  # fmt: skip
        seen.add(h)
    return problems


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
    "foreign_key": ("this id is not defined in {ref_file}", "Add it to {ref_file}, or fix its spelling."),
    "list_items": ("an id in this list is not defined in {ref_file}",
                   "Separate ids with '{sep}' and define each one in {ref_file}."),
    "summary_needed": ("this cell is empty but required",
                       "Write the summary, or mark the row for review in the 'review' column."),
    "verbatim": ("this quote is not found word for word in paragraph {paragraph} of the source text",
                 "Copy the quote exactly from the source, and check the paragraph number."),
}  # fmt: skip

_PATTERN_HINTS = {
    "[a-z][a-z0-9_]*": "Use a short lowercase id: letters, digits and '_', starting with a letter.",
    "[a-z][a-z0-9_-]*": "Use a short lowercase id: letters, digits, '_' and '-', starting with a letter.",
    "[a-z0-9][a-z0-9_-]*": "Use a short lowercase id: letters, digits, '_' and '-'.",
    "[A-Z]{2}": "Use a two-letter country code in capitals, such as US, RU or FR, or leave it empty.",
    "[a-z]{2}": "Use a two-letter language code in lowercase, such as fr or en.",
    "https?://\\S+": "Give a web address starting with http:// or https://, or leave it empty.",
}


def _edtf_valid(series: pd.Series) -> pd.Series:
    # Each distinct value is checked once (parse_date is cached too); results broadcast back.
    unique = series.dropna().unique()
    ok = {v: dates.is_valid(v) for v in unique}
    return series.map(ok).fillna(True).astype(bool)


def _column_checks(f: dict, refs: dict[str, set[str]]) -> list[pa.Check]:
    constraints = f.get("constraints", {})
    checks: list[pa.Check] = []
    if "enum" in constraints:
        allowed = frozenset(constraints["enum"])
        checks.append(pa.Check(lambda s, a=allowed: s.isin(a), name="isin"))
    if "pattern" in constraints:
        regex = f"(?:{constraints['pattern']})\\Z"
        checks.append(pa.Check(lambda s, r=regex: s.str.match(r), name="str_matches"))
    if f.get("type") == "integer":
        checks.append(pa.Check(lambda s: s.str.match(r"\d+\Z"), name="integer"))
    if "minimum" in constraints:
        low = constraints["minimum"]
        checks.append(
            pa.Check(
                lambda s, low=low: pd.to_numeric(s, errors="coerce").fillna(low) >= low,
                name="minimum",
            )
        )
    if f.get("x-edtf"):
        checks.append(pa.Check(_edtf_valid, name="edtf"))
    if "x-max-words" in f:
        most = f["x-max-words"]
        checks.append(pa.Check(lambda s, m=most: s.str.split().str.len() <= m, name="max_words"))
    if f["name"] in refs:
        ids = refs[f["name"]]
        if "x-list-separator" in f:
            sep = f["x-list-separator"]
            checks.append(
                pa.Check(
                    lambda s, sep=sep, ids=ids: s.map(
                        lambda v: all(p.strip() in ids for p in str(v).split(sep) if p.strip())
                    ).astype(bool),
                    name="list_items",
                )
            )
        else:
            checks.append(pa.Check(lambda s, ids=ids: s.isin(ids), name="foreign_key"))
    return checks


def _schema(table: str, refs: dict[str, set[str]]) -> pa.DataFrameSchema:
    columns = {}
    for f in fields(table):
        constraints = f.get("constraints", {})
        required = constraints.get("required", False) and not f.get("x-draft-may-be-empty")
        columns[f["name"]] = pa.Column(
            None,  # cells are read as text; the checks say what text is allowed
            nullable=not required,
            unique=constraints.get("unique", False),
            checks=_column_checks(f, refs),
            required=True,
        )
    return pa.DataFrameSchema(columns, strict=False, name=table)


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
        value = None if case.failure_case is None or pd.isna(case.failure_case) else str(
            case.failure_case
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
        choices = constraints.get("enum") or sorted(refs.get(column or "", ()))  # type: ignore[arg-type]
        if check in ("isin", "foreign_key") and value is not None:
            close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            hint = (f"Did you mean {close[0]!r}? " if close else "") + hint
        problems.append(Problem(file, line, column, value, message.format(**fmt), hint.format(**fmt)))
    return problems


def _edtf_hint(value: str | None) -> str:
    if value is None:
        return ""
    try:
        dates.parse_date(value)
    except dates.InvalidDate as err:
        return str(err)[0].upper() + str(err)[1:] + "."
    return ""


def validate_tables(tables: dict[str, Table], texts: dict[str, list[str]]) -> list[Problem]:
    """Validate read tables against the declared schema; return every problem found.

    Parameters
    ----------
    tables : dict
        ``actors``, ``sources`` and ``claims`` as read by :func:`read_folder` (missing ones are skipped).
    texts : dict
        Source id -> paragraphs of that source's text, for the verbatim check of quotes.
    """
    problems: list[Problem] = []
    keys = {
        name: set(t.frame["id"].dropna()) if "id" in t.frame.columns else set()
        for name, t in tables.items()
    }
    ref_files = {name: f"{name}.csv" for name in TABLES}
    for name, table in tables.items():
        refs: dict[str, object] = {}
        for column, referenced in _foreign_keys(name):
            if referenced in tables:
                refs[column] = keys[referenced]
                refs[f"ref:{column}"] = referenced
        for f in fields(name):  # list columns point to the table of the first foreign key on actors
            if "x-list-separator" in f and "actors" in tables:
                refs[f["name"]] = keys["actors"]
                refs[f"ref:{f['name']}"] = "actors"
        schema = _schema(name, refs)  # type: ignore[arg-type]
        try:
            schema.validate(table.frame, lazy=True)
        except SchemaErrors as err:
            problems.extend(_failures_to_problems(err, table, refs, ref_files))  # type: ignore[arg-type]
        if name == "claims":
            problems.extend(_claim_rules(table, texts))
    return problems


def _claim_rules(table: Table, texts: dict[str, list[str]]) -> list[Problem]:
    """Rules across columns of one claim: summaries of drafts, and quotes checked against the text."""
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
            problems.append(Problem("claims.csv", int(table.lines[i]), f["name"], None, message, hint))
    for i in np.flatnonzero(review.to_numpy()):
        problems.append(
            Problem("claims.csv", int(table.lines[i]), "review", frame["review"].iloc[i],
                    "this draft row still needs a person",
                    "Check the status and write the summaries, then empty the 'review' cell.",
                    severity="warning")
        )  # fmt: skip
    if texts:
        para = pd.to_numeric(frame["paragraph"], errors="coerce")
        for i, (quote, source, p) in enumerate(zip(frame["quote"], frame["source"], para, strict=True)):
            if quote is None or source not in texts:
                continue
            paragraphs = texts[source]
            where = paragraphs[int(p) - 1] if pd.notna(p) and 0 < p <= len(paragraphs) else None
            if where is None or _normalise(quote) not in _normalise(where):
                message, hint = _MESSAGES["verbatim"]
                problems.append(
                    Problem("claims.csv", int(table.lines[i]), "quote", quote,
                            message.format(paragraph="?" if pd.isna(p) else int(p)), hint)
                )  # fmt: skip
    return problems


def _normalise(text: str) -> str:
    # Spreadsheets turn non-breaking spaces into spaces; everything else must match exactly.
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def read_folder(folder: Path) -> tuple[dict[str, Table], dict[str, list[str]], list[Problem]]:
    """Read and validate a dataset folder.

    Parameters
    ----------
    folder : pathlib.Path
        A folder with ``actors.csv``, ``sources.csv`` and ``claims.csv``; optionally ``sources/<id>.txt``,
        the text of a source (one paragraph a line), against which quotes are checked.

    Returns
    -------
    tables, texts, problems
        The tables read (those that could be read), the source texts, and every problem found
        (errors and warnings), in file order.
    """
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(
            Problem(str(folder), None, None, None, "this folder does not exist",
                    "Give the folder that holds actors.csv, sources.csv and claims.csv.")
        )  # fmt: skip
        return {}, {}, problems
    tables = {}
    for name in TABLES:
        table = _read_table(folder / f"{name}.csv", name, problems)
        if table is not None:
            tables[name] = table
    texts = {}
    text_dir = folder / "sources"
    if text_dir.is_dir():
        for path in sorted(text_dir.glob("*.txt")):
            content = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            texts[path.stem] = content.split("\n")
    problems.extend(validate_tables(tables, texts))
    order = {f"{n}.csv": i for i, n in enumerate(TABLES)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0))
    return tables, texts, problems
