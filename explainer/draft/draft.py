"""Write a draft dataset folder from an article: actors.csv, sources.csv, claims.csv and the text.

One row per sentence and suggested status (a sentence that both reports and accuses gives two rows),
for every sentence that names an actor or carries a cue. Every row is a draft: its ``review`` cell
says which cue chose the status (or that none did), what was guessed (kind, actor, responds_to),
which actors are new, and that the summaries are still to write; ``summary_en`` and ``summary_fr``
are left empty for a person.

Dates, honestly
    ``when`` is the date the sentence gives (the one nearest the cue), in EDTF. When the sentence
    gives none, ``when`` is ``../D`` ("at the latest D") where D is the article's date: what an
    article reports has happened by the time it is published. ``public_since`` is the article's
    date. The article's date is the ``date`` argument (``--date``, EDTF). Without it the drafter
    does not invent one: it writes ``../<today>`` ("published on or before today", which is true),
    and the review notes ask for the real date.
Quotes
    Verbatim, at most 25 words: the whole sentence when it is short enough, otherwise 25 words that
    keep the cue inside. The article's text is copied to ``sources/<source id>.txt``, one paragraph
    a line, so that ``python -m explainer validate`` checks every quote word for word.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING

from explainer import dates, schema
from explainer.dataset import _cell  # one convention for cells a spreadsheet would run as formulas
from explainer.draft.actors import slug
from explainer.draft.extract import analyse
from explainer.draft.model import DraftError
from explainer.draft.rows import claim_rows, columns
from explainer.draft.segment import MAX_SENTENCE_CHARS, read_article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Draft", "draft", "draft_text"]


@dataclass
class Draft:
    """A drafted dataset.

    Attributes
    ----------
    claims, actors, sources : list of dict
        The rows written (or to write), in the columns of ``data/datapackage.json``.
    paragraphs : list of str
        The article's paragraphs, as written to ``sources/<source id>.txt``.
    folder : pathlib.Path or None
        Where the draft was written (None when only drafted in memory).
    left_out : list of str
        Hedged sentences with no actor the drafter could name (``paragraph 3, sentence 2: ...``).
    notes : list of str
        What a person should know about the draft as a whole (an unknown date, for one).
    """

    claims: list[dict[str, str]]
    actors: list[dict[str, str]]
    sources: list[dict[str, str]]
    paragraphs: list[str]
    folder: Path | None = None
    left_out: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    spans: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Claim id -> (paragraph, start, end) of the whole sentence the row comes from."""

    def __repr__(self) -> str:
        where = f" in {self.folder}" if self.folder else ""
        return f"<Draft{where}: {len(self.claims)} claims, {len(self.actors)} actors to review>"

    @property
    def claims_frame(self) -> pd.DataFrame:
        """The claims as a pandas DataFrame (for a look in a notebook)."""
        import pandas as pd

        return pd.DataFrame(self.claims, columns=columns("claims"))


# --------------------------------------------------------------------------------------------------
# Rows


def _article_dates(date: str | None) -> tuple[str, str, list[str]]:
    """(published, when-fallback, notes) for the article's date; see the module docstring."""
    if date is None:
        today = _date.today().isoformat()
        value = f"../{today}"
        return (
            value,
            value,
            [
                f"The article's date was not given: its rows say '{value}' (on or before today). "
                "Give the real date with --date (EDTF: 2024-10-28, 2024-10) and draft again, or "
                "fix "
                "'published', 'when' and 'public_since' by hand."
            ],
        )
    value = date.strip()
    if not dates.is_valid(value):
        raise DraftError(
            f"the article's date {value!r} is not an EDTF date; write 2024-10-28 (a day), 2024-10 "
            "(a month), 2024 (a year) or 2024-10-24/2024-10-31 (between two days)"
        )
    if value.endswith("/..") or value.endswith("/"):
        raise DraftError(
            f"the article's date {value!r} has no end; give when it was published, at the latest "
            "(2024-10-31, or ../2024-10-31)"
        )
    upper = value.split("/")[-1]
    fallback = value if value.startswith("../") else f"../{upper}"
    if not dates.is_valid(fallback):
        fallback = value
    return value, fallback, []


# Short words that are common in one language and rare in the other: enough to tell an English
# article from a French one (not a general language detector).
LANGUAGE_WORDS = {
    "fr": frozenset(
        "le la les des une est et du que qui dans pour sur pas au aux avec elle sont aurait "  # noqa: SIM905
        "serait selon cette ont ses été sa leur nous vous mais ou très plus".split()
    ),
    "en": frozenset(
        "the and of is was that with for his her has have are were by from it this which would "  # noqa: SIM905
        "said not be been its their they but or very more".split()
    ),
}
_LANG_NAMES = {"fr": "French", "en": "English"}


def guess_language(text: str) -> tuple[str | None, dict[str, int]]:
    """``("fr" or "en", counts)`` when the text is clearly in one of them, else ``(None, counts)``.

    Counts the common short words of each language; a language wins with at least 8 of its
    words and three times as many as the other.
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(w in common for w in words) for lang, common in LANGUAGE_WORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    other = min(counts.values())
    if counts[best] >= 8 and counts[best] >= 3 * other:
        return best, counts
    return None, counts


def draft_text(
    text: str,
    *,
    lang: str = "fr",
    date: str | None = None,
    source_id: str = "article",
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    known_actors: list[dict[str, str]] | None = None,
    file_name: str = "",
    force: bool = False,
) -> Draft:
    """Draft the tables of an article in memory (nothing written).

    Parameters are those of :func:`draft`; ``text`` is the article itself.
    """
    if lang not in LANGUAGE_WORDS:
        raise DraftError(f"language {lang!r} is not supported; use fr or en")
    guessed, counts = guess_language(text)
    mismatch = guessed is not None and guessed != lang
    if mismatch and not force:
        # The cues are words of one language: read as French, an English article has no
        # conditional and no "selon", and every reported claim would come out 'established'.
        raise DraftError(
            f"the article looks {_LANG_NAMES[guessed]} ({counts[guessed]} common "
            f"{_LANG_NAMES[guessed]} words, {counts[lang]} {_LANG_NAMES[lang]}), but the language "
            f"given is {lang!r}: its cues would be missed and reported claims would come out "
            f"'established'. Give --lang {guessed} (lang={guessed!r}), or add --force "
            f"(force=True) if it really is {_LANG_NAMES[lang]}"
        )
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", source_id):
        raise DraftError(
            f"the source id {source_id!r} is not a short lowercase id (letters, digits, '_' and "
            "'-', "
            "starting with a letter)"
        )
    if url and not re.fullmatch(r"https?://\S+", url):
        raise DraftError(f"the address {url!r} must start with http:// or https://")
    published, fallback, notes = _article_dates(date)
    if mismatch:
        notes.append(
            f"the article looks {_LANG_NAMES[guessed]} but was drafted as {_LANG_NAMES[lang]} "
            "(--force): check every status, the cues of the other language were not looked for"
        )
    analysis = analyse(text, lang, known_actors)
    if analysis.cut:
        where = ", ".join(str(p) for p in analysis.cut[:10]) + (
            f" and {len(analysis.cut) - 10} more" if len(analysis.cut) > 10 else ""
        )
        notes.append(
            f"Paragraph(s) {where}: more than {MAX_SENTENCE_CHARS:,} characters without a sentence "
            f"end, read in pieces of at most {MAX_SENTENCE_CHARS:,} cut at a space; check the rows "
            "drawn from them (is it a list or a table rather than sentences?)."
        )
    claims, left_out, spans = claim_rows(analysis, source_id, published, fallback)
    used = OrderedDict()
    for row in claims:
        for a in [row["actor"], row["target"], *row["involves"].split(";")]:
            if a:
                used[a] = None
    actors = []
    for a in used:
        actor = analysis.registry.actors[a]
        actors.append(
            {
                "id": actor.id,
                "name": actor.name,
                "name_fr": actor.name_fr,
                "role": actor.role,
                "country": actor.country,
                "type": actor.type,
            }
        )
    made = (
        f"Draft written by 'python -m explainer draft'{' from ' + file_name if file_name else ''}"
    )
    source = {
        "id": source_id,
        "outlet": outlet or "to review",
        "title": title or "to review",
        "url": url or "",
        "published": published,
        "language": lang,
        "note": made + "; check outlet, title and date.",
    }
    if outlet is None or title is None:
        notes.append("Outlet and title say 'to review': give them with --outlet and --title.")
    return Draft(claims, actors, [source], analysis.paragraphs, None, left_out, notes, spans)


# --------------------------------------------------------------------------------------------------
# Writing


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [_cell(row.get(c, "")) for c in columns]
            )  # formula-guarded like save_dataset


def _check_out(out: Path) -> None:
    """Refuse a folder the draft would overwrite: nothing is ever lost."""
    if out.exists() and not out.is_dir():
        raise DraftError(f"{out} is a file, not a folder; give a new folder for the draft")
    if out.is_dir() and any(out.iterdir()):
        raise DraftError(
            f"{out} already exists and is not empty; the drafter never overwrites a folder. "
            "Give a new folder with --out, or move that one away"
        )


def _write(result: Draft, out: Path, source_id: str) -> None:
    _check_out(out)
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=parent))
    except OSError as err:
        raise DraftError(f"cannot create {out} ({err.strerror})") from None
    try:  # written aside, then moved into place: an interrupted draft leaves no half folder
        _write_csv(tmp / "actors.csv", columns("actors"), result.actors)
        _write_csv(tmp / "sources.csv", columns("sources"), result.sources)
        _write_csv(tmp / "claims.csv", columns("claims"), result.claims)
        # Cells are guarded like save_dataset's, and the descriptor says so (see explainer.dataset).
        (tmp / "datapackage.json").write_text(schema.guarded_descriptor_text(), encoding="utf-8")
        (tmp / "sources").mkdir()
        text = "\n".join(result.paragraphs) + "\n"
        (tmp / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        if out.is_dir():
            out.rmdir()  # empty, checked above
        os.replace(tmp, out)
    except OSError as err:
        shutil.rmtree(tmp, ignore_errors=True)
        raise DraftError(f"cannot write {out} ({err.strerror})") from None
    result.folder = out


def draft(
    article: str | Path,
    out: str | Path | None = None,
    *,
    lang: str = "fr",
    date: str | None = None,
    source_id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    actors: str | Path | None = "bundled",
    force: bool = False,
) -> Draft:
    """Draft a dataset from an article: claims with suggested statuses, actors, and the source.

    Parameters
    ----------
    article : str or pathlib.Path
        The article's plain-text file (UTF-8; paragraphs separated by blank lines, or one a line).
    out : str or pathlib.Path, optional
        The folder to write (``actors.csv``, ``sources.csv``, ``claims.csv``, ``sources/<id>.txt``).
        It must not exist, or be empty: a draft never overwrites. Default: nothing written.
    lang : str
        The article's language, ``"fr"`` or ``"en"``.
    date : str, optional
        The article's publication date, EDTF (``2024-10-28``). Without it, dates say ``../<today>``.
    source_id : str, optional
        The id of the article in ``sources.csv``. Default: from the file name.
    outlet, title, url : str, optional
        The source row's outlet, title and address (``to review`` when not given).
    actors : str or pathlib.Path or None
        An ``actors.csv`` whose actors to recognise (their ids are reused); ``"bundled"`` (default)
        for the bundled dataset's actors, None for none.
    force : bool
        Draft even when the article looks written in the other language than ``lang`` (refused
        otherwise: the cues would be missed, and reported claims would come out ``established``).

    Returns
    -------
    Draft

    Raises
    ------
    explainer.draft.model.DraftError
        With a message that says what to do: a missing or unreadable article, a bad date, a folder
        that is not empty.

    Examples
    --------
    >>> import explainer as ex
    >>> d = ex.draft("my_article.txt", "my_draft", lang="fr", date="2025-03-14")  # doctest: +SKIP
    >>> ex.validate("my_draft")  # warnings only: what a person must still check  # doctest: +SKIP
    """
    path = Path(article)
    if out is not None:
        _check_out(Path(out))  # refuse early, before the slow part
    text = read_article(path)
    known = _known_actors(actors)
    sid = source_id or _source_id(path)
    result = draft_text(
        text,
        lang=lang,
        date=date,
        source_id=sid,
        outlet=outlet,
        title=title,
        url=url,
        known_actors=known,
        file_name=path.name,
        force=force,
    )
    if out is not None:
        _write(result, Path(out), sid)
    return result


def _source_id(path: Path) -> str:
    s = slug(path.stem).replace("_", "-")
    return (
        s
        if s[0].isalpha() and not s.startswith("actor-")
        else "article-" + s.removeprefix("actor-")
    )


def _known_actors(actors: str | Path | None) -> list[dict[str, str]]:
    if actors is None:
        return []
    if isinstance(actors, str) and actors == "bundled":
        from explainer.dataset import DATA_DIR

        path = DATA_DIR / "actors.csv"
        if not path.exists():
            return []
    else:
        path = Path(actors)
    wrong = schema.regular_file_problem(path)
    if wrong is not None:
        raise DraftError(f"the actors file {path}: {wrong}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = [dict(r) for r in csv.DictReader(f)]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise DraftError(f"the actors file {path} cannot be read ({err})") from None
    if rows and not {"id", "name"} <= set(rows[0]):
        raise DraftError(f"the actors file {path} needs at least the columns id and name")
    return [r for r in rows if r.get("id")]
