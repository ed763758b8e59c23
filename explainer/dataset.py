"""The dataset: claims, actors and sources as pandas DataFrames, loaded and validated in one call.

:func:`load_dataset` reads and validates a folder; :func:`save_dataset` writes one back.

Spreadsheet formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return runs as a formula when a spreadsheet opens the file. :func:`save_dataset` writes
such a value with one more leading apostrophe (``=1+1`` is written ``'=1+1``, ``'=x`` is written
``''=x``) and writes ``datapackage.json`` with ``"x-formula-guard": "'"``; the reader removes one
apostrophe from a cell that starts with apostrophes and one of those characters only in a folder
whose ``datapackage.json`` says so. So every value round-trips exactly, no written cell starts with
a formula character, a person who opens the file sees the apostrophe that marks the cell as text,
and an apostrophe a person typed (``'-ish' he said``) in a folder of their own is kept. Our own
columns never start that way (ids are slugs, dates have four-digit years, paragraphs are positive),
so only free text is affected.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from explainer import bundled, dates, filtering, schema
from explainer.bundled import DATA_DIR
from explainer.schema import Problem

__all__ = ["DATA_DIR", "Dataset", "DatasetError", "load_dataset", "save_dataset", "validate"]


class DatasetError(ValueError):
    """A dataset that cannot be used.

    ``problems`` lists every problem found (errors and warnings), each with where and how to fix it.
    """

    def __init__(self, folder: Path, problems: list[Problem]):
        self.folder = folder
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(
            f"The dataset in {folder} has {len(errors)} problem(s) to fix:\n{lines}\n"
            f"Check it again with: python -m explainer validate {folder}"
        )


@dataclass
class Dataset:
    """A loaded, validated dataset.

    Attributes
    ----------
    claims : pandas.DataFrame
        One row a claim, indexed by claim ``id`` order of the file. Besides the declared columns
        (text columns hold ``""`` when empty; ``paragraph`` is a nullable integer), parsed dates:
        ``when_start``, ``when_end``, ``when_precision``, ``when_open_start``, ``when_open_end``,
        ``when_approximate``, ``when_uncertain``, ``when_label_en``, ``when_label_fr`` and the same
        for ``public_*``.
    actors : pandas.DataFrame
        One row an actor, indexed by ``id``.
    sources : pandas.DataFrame
        One row a source, indexed by ``id``; ``published_*`` columns hold the parsed date.
    path : pathlib.Path
        The folder it was read from.
    texts : dict
        Source id -> list of paragraphs, for sources whose text is in ``sources/<id>.txt``.
    warnings : list of Problem
        What a person should look at, though the dataset is usable (drafts, spreadsheet quirks).
    """

    claims: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    path: Path
    texts: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        # filter_claims refuses an actor the dataset does not have: it finds them here, on the
        # claims themselves (pandas keeps attrs through filtering).
        if isinstance(self.claims, pd.DataFrame) and isinstance(self.actors, pd.DataFrame):
            ids = self.actors["id"] if "id" in self.actors.columns else self.actors.index
            self.claims.attrs[filtering.ACTOR_IDS_ATTR] = filtering.KnownActors(map(str, ids))

    def __repr__(self) -> str:
        return (
            f"<Dataset {self.path.name}: {len(self.claims)} claims, {len(self.actors)} actors, "
            f"{len(self.sources)} sources>"
        )

    def actor_name(self, actor_id: str, lang: str = "en") -> str:
        """The display name of an actor in ``lang`` (its id when unknown)."""
        if actor_id not in self.actors.index:
            return actor_id
        return str(self.actors.at[actor_id, "name_fr" if lang == "fr" else "name"])


def _text_frame(table: schema.Table, name: str) -> pd.DataFrame:
    # Text columns hold "" when empty, so that views never show "nan" or "None".
    frame = table.frame.copy(deep=False)  # every column is replaced: no copy of the cells
    declared = {f["name"]: f for f in schema.fields(name)}
    for column in frame.columns:
        if declared.get(column, {}).get("type") == "integer":
            frame[column] = _integers(frame[column])
        else:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def _integers(cells: pd.Series) -> pd.Series:
    """A column of whole numbers written as text, as ``Int64`` (missing: ``<NA>``).

    Each distinct value is read once (a few dozen paragraph numbers among 100,000 claims), then
    spread back to the rows: the same answers as reading every cell, which reads each on its own.
    """
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    # Straight to Int64: through float64, numbers above 2**53 would change.
    numbers = pd.to_numeric(
        pd.Series(np.asarray(distinct, dtype=object), dtype="str"),
        errors="coerce",
        dtype_backend="numpy_nullable",
    ).astype("Int64")
    spread = numbers.array.take(codes, allow_fill=True)  # code -1 (missing) -> <NA>
    return pd.Series(spread, index=cells.index, name=cells.name)


def load_dataset(path: str | Path | None = None, *, progress: bool | None = None) -> Dataset:
    """Load and validate a dataset folder.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A folder holding ``actors.csv``, ``sources.csv`` and ``claims.csv`` in the format described
        by ``data/datapackage.json`` (or one workbook, ``dataset.xlsx`` or ``dataset.ods``, with
        those three tables as sheets; or such a workbook itself: see
        :mod:`explainer.spreadsheet`). Default: the bundled dataset (the Numerama article of October
        2024). A relative path is read from the current working directory.
    progress : bool, optional
        Show a progress bar while reading (True) or never (False). Default: on a terminal, for
        large tables only (see :mod:`explainer.progress`).

    Returns
    -------
    Dataset

    Raises
    ------
    DatasetError
        When the folder has any error; the exception lists all of them, each with file, line,
        column, value and what to do.

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.load_dataset()
    >>> ds.claims[["id", "status"]].head(2)  # doctest: +SKIP
    """
    folder = _folder(path)
    # The bundled data, unchanged since it validated when it was built, is not checked again.
    checked = not bundled.validated(folder)
    with dates.parses_kept():  # the dates checked are parsed once, not again for their bounds
        tables, texts, problems = schema.read_folder(folder, progress=progress, validate=checked)
        if any(p.severity == "error" for p in problems):
            raise DatasetError(folder, problems)

        # Each table read goes once its frame is made: its columns with empty cells are copies,
        # which need not be held through the dates' frames.
        claims = _text_frame(tables.pop("claims"), "claims")
        claims = pd.concat(
            [
                claims,
                dates.bounds_frame(claims["when"], "when"),
                dates.bounds_frame(claims["public_since"], "public"),
            ],
            axis=1,
        )
        sources = _text_frame(tables.pop("sources"), "sources")
        published = dates.bounds_frame(sources["published"], "published")
    claims.index = pd.RangeIndex(len(claims))
    actors = _text_frame(tables.pop("actors"), "actors").set_index("id", drop=False)
    actors.index.name = None
    sources = pd.concat([sources, published], axis=1)
    sources = sources.set_index("id", drop=False)
    sources.index.name = None
    return Dataset(
        claims=claims,
        actors=actors,
        sources=sources,
        path=folder,
        texts=texts,
        warnings=[p for p in problems if p.severity == "warning"],
    )


def validate(path: str | Path | None = None, *, progress: bool | None = None) -> list[Problem]:
    """Every problem in a dataset folder (errors and warnings), without loading it.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The folder; default the bundled dataset.
    progress : bool, optional
        Show a progress bar (True) or never (False); default: on a terminal, for large tables.
    """
    return schema.read_folder(_folder(path), progress=progress)[2]


def _folder(path: object) -> Path:
    """The dataset folder ``path`` names; the bundled one for None."""
    if path is None:
        return DATA_DIR
    if isinstance(path, Dataset):
        raise TypeError("path must be a folder (str or Path), not a Dataset: it is loaded already")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"path must be a dataset folder as a str or pathlib.Path; got {type(path).__name__}"
        )
    return Path(path)


_NEEDS_GUARD = re.compile("'*[" + re.escape(schema.FORMULA_START) + "]")


def _cell(value: object) -> str:
    """One value as a CSV cell: empty for missing, guarded against formula injection."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return ""
    text = str(value)
    return "'" + text if _NEEDS_GUARD.match(text) else text


def _table_text(frame: pd.DataFrame, name: str) -> str:
    """A table as CSV text: the declared columns in order, then the frame's own extra columns."""
    columns = [f["name"] for f in schema.fields(name)]
    derived = set(schema.derived_columns(name))
    # Columns a person added (a "notes" column, say) are theirs: kept, after ours, in their order.
    columns += [c for c in frame.columns if c not in columns and c not in derived]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    cells = [frame[c].tolist() if c in frame.columns else [None] * len(frame) for c in columns]
    writer.writerows([_cell(v) for v in row] for row in zip(*cells, strict=True))
    return out.getvalue()


def _kind_of(path: Path) -> str | None:
    """None for a regular file or nothing; else what is there, in words.

    The one check of every writer (save_dataset, export): a folder, a link, a pipe or a device is
    never replaced. A path the system cannot look at reads as nothing; writing it then says why.
    """
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file (a pipe, socket or device)"


def _write_all(files: dict[Path, str], folder: Path) -> None:
    """Write every file aside, then put them all in place; on any failure, nothing has changed.

    New contents go to hidden temporary files next to their targets; existing files are moved
    aside too, so that a failure while putting the new ones in place can put the old ones back.
    """
    for path in files:
        kind = _kind_of(path)
        if kind is not None:
            raise ValueError(
                f"cannot save to {folder}: {path} is {kind}, not a file; move it away or save "
                "to another folder (nothing was written)"
            )
    written: dict[Path, Path] = {}  # target -> its new content, aside
    moved: dict[Path, Path] = {}  # target -> its old content, aside
    placed: list[Path] = []
    try:
        for path, text in files.items():
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            written[path] = Path(name)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            os.chmod(name, 0o666 & ~_umask())
        for path, new in written.items():
            if path.exists():
                aside = path.with_name(f".{path.name}.{os.getpid()}.old")
                os.replace(path, aside)
                moved[path] = aside
            os.replace(new, path)
            placed.append(path)
    except OSError as err:
        for path in placed:
            if path not in moved:
                path.unlink(missing_ok=True)  # it did not exist before
        for path, aside in moved.items():  # the old files back, over the new ones
            os.replace(aside, path)
        for tmp in written.values():
            tmp.unlink(missing_ok=True)
        raise OSError(
            err.errno,
            f"cannot save to {folder}: {err.strerror or err} ({err.filename or folder}); "
            "nothing was changed",
        ) from err
    for aside in moved.values():
        aside.unlink(missing_ok=True)


def _umask() -> int:
    # The mode a new file would get; mkstemp makes it private (0600), which a saved dataset is not.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_dataset(dataset: Dataset, folder: str | Path) -> Path:
    """Write a dataset as the CSV files (and source texts) that :func:`load_dataset` reads.

    Each table gets its declared columns, in declared order (a declared column the frame lacks is
    written empty), then any other column the frame has (one a person added, say), except the
    derived ones such as ``when_start``. UTF-8 with commas and ``\\r\\n`` line endings (RFC 4180,
    as spreadsheets write them; with ``\\n`` endings Python's csv module would leave a cell
    holding a lone ``\\r`` unquoted, and the file would break there). A cell that would start
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets one leading apostrophe, and
    ``datapackage.json`` records that it did, so reading removes it (see the module docstring):
    the files are safe to open in a spreadsheet and round-trip exactly. Source texts are written
    to ``sources/<id>.txt``, one paragraph a line.

    Everything is written aside first, then put in place: when anything fails (a full disk, a
    read-only file), nothing in ``folder`` has changed.

    Parameters
    ----------
    dataset : Dataset
        What to write, usually from :func:`load_dataset`.
    folder : str or pathlib.Path
        Where; created when missing. Existing files of the same names are replaced.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    ValueError
        When a source id cannot be a file name, or a file to replace is a folder, a link or a
        device (nothing is written).
    OSError
        When a file cannot be written; the message says which, and nothing was changed.

    Examples
    --------
    >>> import explainer as ex
    >>> ex.save_dataset(ex.load_dataset(), "my-copy")  # doctest: +SKIP
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(
            f"dataset must be a Dataset (from load_dataset); got {type(dataset).__name__}"
        )
    if not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"folder must be a str or pathlib.Path; got {type(folder).__name__}")
    folder = Path(folder)
    for source_id in dataset.texts:  # a text's id becomes a file name: no paths
        if not source_id or Path(source_id).name != source_id or source_id.startswith("."):
            raise ValueError(f"{source_id!r} cannot be a source text's file name")
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"cannot save to {folder}: it is a file, not a folder")
    frames = {"actors": dataset.actors, "sources": dataset.sources, "claims": dataset.claims}
    files = {folder / f"{name}.csv": _table_text(frames[name], name) for name in schema.TABLES}
    files[folder / "datapackage.json"] = schema.guarded_descriptor_text()
    for source_id, paragraphs in dataset.texts.items():
        files[folder / "sources" / f"{source_id}.txt"] = "\n".join(paragraphs)
    made = [p for p in (folder, folder / "sources") if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if dataset.texts:
            (folder / "sources").mkdir(exist_ok=True)
        _write_all(files, folder)
    except (OSError, ValueError):
        for path in reversed(made):  # a folder made for nothing goes again
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        raise
    return folder
