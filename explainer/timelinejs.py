"""TimelineJS3, the timeline tool of journalists and teachers: import a sheet, export a timeline.

**Import** (:func:`import_sheet`) reads a TimelineJS3 sheet, the 18-column template (``Year, Month,
Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media
Credit, Media Caption, Media Thumbnail, Type, Group, Background``), saved as CSV (or ``.xlsx``), and
writes a dataset folder:

- each slide becomes a claim; its date becomes EDTF at the precision given (a year stays a year, a
  month a month), an end makes an interval. When the ``Display Date`` is one of our own labels
  (``about 2002``, ``since 2022``), the EDTF it names is used, so that a timeline exported by
  :func:`export_timeline` comes back with its qualifiers and open ends;
- ``Group`` becomes the actor (a new actor with role ``to review``), ``Headline`` and ``Text`` the
  summary in the sheet's language, ``Media`` (a web address) the claim's source, with its credit and
  caption as outlet and title;
- what TimelineJS cannot say is given a default and **flagged for review** in the ``review`` column,
  as the drafter does: status ``reported`` (the cautious one: the slide is not shown as checked),
  kind ``action``, no target, ``public_since`` "at the latest when the timeline was published";
- the ``title`` slide becomes the source row of the timeline itself (title and description); each
  ``era`` (a period shown behind the slides) becomes a ``context`` row flagged as an era, so it is
  kept, and exported back as an era while its review note is there.

**Export** (:func:`export_timeline`, :func:`export_sheet`) writes a dataset as TimelineJS3 JSON or
as the sheet's CSV: each claim a slide, with its date at its precision and a ``display_date`` in the
words of our labels (``about 2002``, ``since 2022``: uncertainty and open ends are said, not
dropped), its status stated in the slide's text, its quote with the source it comes from, and the
source's address as the slide's media.

(Over 500 lines on purpose: import and export are the two directions of one mapping and are
tested as a round trip; keeping them together keeps the mapping in one place.)
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from explainer import dates, schema
from explainer.i18n import STATUS_ORDER, t, tn

if TYPE_CHECKING:  # for the hints only
    from explainer.dataset import Dataset

__all__ = [
    "COLUMNS",
    "TimelineError",
    "export_sheet",
    "export_timeline",
    "import_sheet",
    "timeline",
]

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type",
    "Group", "Background",
)  # fmt: skip

# Words of the slides that the catalogue (explainer.i18n) does not have, in English and French.
WORDS = {
    "status": {"en": "Status", "fr": "Statut"},
    "paragraph": {"en": "paragraph", "fr": "paragraphe"},
    "intro": {
        "en": "Each slide says how we know it (its status): how the claim is sourced, not whether "
        "it is true.",
        "fr": "Chaque diapositive dit comment on le sait (son statut) : comment l'affirmation est "
        "sourcée, pas si elle est vraie.",
    },
}

# The id rule of every table, as datapackage.json declares it.
_ID = next(f for f in schema.fields("claims") if f["name"] == "id")["constraints"]["pattern"]
DEFAULT_STATUS = "reported"
DEFAULT_KIND = "action"
ERA_NOTE = "TimelineJS era"
UNKNOWN_ACTOR = "unknown"


class TimelineError(ValueError):
    """A sheet that cannot be imported; ``problems`` says where and what to do."""

    def __init__(self, file: str, problems: list[schema.Problem]):
        self.file = file
        self.problems = problems
        super().__init__(
            f"{file} cannot be imported ({len(problems)} problem(s)):\n"
            + "\n".join(f"  {p}" for p in problems)
        )


# --------------------------------------------------------------------------------------------------
# Import


def slug(text: str, fallback: str = "item") -> str:
    """A valid id from a name: ``Forces armées ukrainiennes`` -> ``forces-armees-ukrainiennes``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")
    return s or fallback


def _plain(markup: str) -> str:
    """Text without HTML tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<br\s*/?>|</p>|</blockquote>", " ", markup, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    # Only ASCII white space: a no-break space belongs to the text (French « quotes »).
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" \t\r\n")


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line or row number, cells by TimelineJS column) for each non-blank row of the sheet."""
    file = path.name
    if not path.is_file():
        raise TimelineError(
            file, [schema.Problem(str(path), None, None, None, "the file does not exist",
                                  "Give the sheet saved as CSV (File > Download > CSV).")]
        )  # fmt: skip
    if path.suffix.lower() in (".xlsx", ".ods"):
        try:
            frame = pd.read_excel(path, header=None, dtype=str, keep_default_na=False)
        except Exception as err:  # a broken workbook may fail anywhere in the readers
            raise TimelineError(
                file, [schema.Problem(file, None, None, None,
                                      f"the workbook cannot be read ({type(err).__name__})",
                                      "Download the sheet again, as CSV.")]
            ) from None  # fmt: skip
        raw = [(i + 1, [str(c) for c in row]) for i, row in enumerate(frame.values.tolist())]
    else:
        problems: list[schema.Problem] = []
        text = schema._decode(path.read_bytes(), file, problems)
        if text is None:
            raise TimelineError(file, problems)
        # newline="": a Text cell may hold line breaks inside its quotes.
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            raw = []
            end = 0  # a row starts on the line after the previous row's last line
            for row in reader:
                raw.append((end + 1, row))
                end = reader.line_num
        except csv.Error as err:
            raise TimelineError(
                file, [schema.Problem(file, reader.line_num, None, None,
                                      f"the file cannot be read as CSV ({err})",
                                      "Download the sheet again as CSV.")]
            ) from None  # fmt: skip
    raw = [(n, row) for n, row in raw if any(c.strip() for c in row)]
    if not raw:
        raise TimelineError(
            file, [schema.Problem(file, None, None, None, "the sheet is empty",
                                  f"It needs the header row: {', '.join(COLUMNS)}")]
        )  # fmt: skip
    header_line, header = raw[0]
    names = [re.sub(r"\s+", " ", h).strip().lower() for h in header]
    index = {c: names.index(c.lower()) for c in COLUMNS if c.lower() in names}
    missing = [c for c in ("Year", "Headline") if c not in index]
    if missing:
        raise TimelineError(
            file, [schema.Problem(file, header_line, c, None,
                                  "this TimelineJS column is missing from the header row",
                                  "Use the TimelineJS3 template's header: " + ", ".join(COLUMNS))
                   for c in missing]
        )  # fmt: skip
    rows = []
    for n, row in raw[1:]:
        cells = {c: (row[j].strip() if j < len(row) else "") for c, j in index.items()}
        rows.append((n, {c: cells.get(c, "") for c in COLUMNS}))
    return rows


def _side(row: dict[str, str], prefix: str, line: int, file: str) -> tuple[str, list[str]]:
    """One date of a row as EDTF at its precision (``""`` when the year is empty), and notes."""
    year, month, day = (row[f"{prefix}{c}"] for c in ("Year", "Month", "Day"))
    if not year:
        return "", []
    column = f"{prefix}Year"
    try:
        y = int(float(year))
        m = int(float(month)) if month else None
        d = int(float(day)) if day else None
        if d and not m:
            raise ValueError("a day without a month")
        text = f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")
        dt.date(y, m or 1, d or 1)
        if y < 0:
            raise ValueError("a year before the common era")
    except (ValueError, OverflowError):  # OverflowError: a year of "INF" (float, then int)
        raise TimelineError(
            file, [schema.Problem(file, line, column, "-".join(x for x in (year, month, day) if x),
                                  "this is not a date the explainer can read",
                                  "Give the year as 4 digits, the month as 1-12 and the day as "
                                  "1-31 (the explainer draws years 1678-2261).")]
        ) from None  # fmt: skip
    time = row[f"{prefix}Time"]
    return text, [f"the time {time} was left out (dates are days at most)"] if time else []


def _edtf(row: dict[str, str], line: int, file: str) -> tuple[str, list[str]]:
    """The EDTF of a row: its start, an interval with its end, or what its Display Date says."""
    start, notes = _side(row, "", line, file)
    end, more = _side(row, "End ", line, file)
    notes += more
    if not start:
        raise TimelineError(
            file, [schema.Problem(file, line, "Year", None, "this slide has no year",
                                  "Give at least the year of each slide (only the title slide "
                                  "may have none).")]
        )  # fmt: skip
    plain = f"{start}/{end}" if end and end != start else start
    display = row["Display Date"]
    if display:
        wanted = display.casefold()
        for candidate in _candidates(start, end if end != start else ""):
            try:
                parsed = dates.parse_date(candidate)
            except dates.InvalidDate:
                continue
            if wanted in (parsed.label_en.casefold(), parsed.label_fr.casefold()):
                return candidate, notes
        notes.append(f"display date «{display}»: check that 'when' ({plain}) says the same")
    try:
        dates.parse_date(plain)
    except dates.InvalidDate as err:
        raise TimelineError(
            file, [schema.Problem(file, line, "End Year", plain, "this interval cannot be read",
                                  f"{err}. Check that the end comes after the start.")]
        ) from None  # fmt: skip
    return plain, notes


def _candidates(start: str, end: str) -> list[str]:
    """The EDTF values a slide's dates may stand for, with qualifiers and open ends."""
    marks = ("", "~", "?", "%")
    if end:
        return [f"{start}{a}/{end}{b}" for a in marks for b in marks]
    forms = []
    for q in marks:
        forms += [f"{start}{q}", f"{start}{q}/..", f"../{start}{q}", f"{start}{q}/", f"/{start}{q}"]
    return forms


@dataclass
class Imported:
    """What :func:`import_sheet` wrote: the folder, the tables' rows and notes for the user."""

    folder: Path
    claims: list[dict[str, str]] = field(default_factory=list)
    actors: list[dict[str, str]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _status_in(text: str) -> str | None:
    """A status named in a slide's text the way :func:`export_timeline` writes it."""
    words = {t(f"status.{s}", lang).casefold(): s for s in STATUS_ORDER for lang in ("en", "fr")}
    m = re.search(r"(?:Status|Statut)\s*:\s*([^\s<.(—-]+)", text)
    return words.get(m.group(1).casefold()) if m else None


def _quote_in(text: str) -> str:
    m = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", text, flags=re.S | re.I)
    if not m:
        return ""
    quote = _plain(m.group(1))
    # The quotation marks :func:`export_timeline` puts around a quote are not part of it.
    wrapped = re.fullmatch(r"“(.*)”|« (.*) »", quote, flags=re.S)
    return next(g for g in wrapped.groups() if g is not None) if wrapped else quote


def _summary(headline: str, text: str, *, keep_quote: bool = False) -> str:
    # Our own export puts the status and the quote in <p class="explainer-..."> and <blockquote>:
    # they are read back into their columns, not into the summary.
    if not keep_quote:
        text = re.sub(r"<blockquote.*?</blockquote>", " ", text, flags=re.S | re.I)
    text = re.sub(r'<p class="explainer-[^"]*">.*?</p>', " ", text, flags=re.S | re.I)
    parts = [p for p in (_plain(headline), _plain(text)) if p]
    if len(parts) == 2 and parts[0][-1:] not in ".!?…:":
        parts[0] += "."
    return " ".join(parts)


def import_sheet(
    sheet: str | Path,
    out: str | Path,
    *,
    lang: str = "en",
    date: str | None = None,
    source_id: str | None = None,
) -> Imported:
    """Import a TimelineJS3 sheet as a dataset folder, every claim flagged for review.

    Parameters
    ----------
    sheet : str or pathlib.Path
        The sheet, as CSV (Google Sheets: File > Download > CSV) or ``.xlsx``.
    out : str or pathlib.Path
        A new or empty folder, where ``actors.csv``, ``sources.csv`` and ``claims.csv`` are written.
    lang : {"en", "fr"}
        The language of the slides: their text becomes ``summary_en`` or ``summary_fr``.
    date : str, optional
        When the timeline was published, EDTF; default unknown (written ``../<today>``, "on or
        before today", and flagged).
    source_id : str, optional
        The timeline's id in ``sources.csv``; default from its title.

    Returns
    -------
    Imported

    Raises
    ------
    TimelineError
        When the sheet cannot be read, a slide has no year or an impossible date, or ``out`` is a
        folder that already holds files; the message says where and what to do.
    """
    sheet, folder = Path(sheet), Path(out)
    file = sheet.name
    if lang not in ("en", "fr"):
        raise ValueError(f"lang must be 'en' or 'fr', not {lang!r}")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise TimelineError(
            file, [schema.Problem(str(folder), None, None, None,
                                  "the output folder exists and is not empty",
                                  "Give a new folder, so that nothing is overwritten.")]
        )  # fmt: skip
    if date is not None and not dates.is_valid(date):
        raise TimelineError(
            file, [schema.Problem("--date", None, None, date, "this is not an EDTF date",
                                  "Write the publication date as 2024-10-28, 2024-10 or 2024.")]
        )  # fmt: skip
    if source_id is not None and not re.fullmatch(_ID, source_id):
        raise TimelineError(
            file, [schema.Problem("--source-id", None, None, source_id, "this is not an id",
                                  "Use lowercase letters, digits, '-' and '_', such as "
                                  "class-timeline.")]
        )  # fmt: skip
    rows = _read_rows(sheet)
    result = Imported(folder)
    published = date or f"../{pd.Timestamp.today():%Y-%m-%d}"
    public_since = published if date is None else f"../{dates.parse_date(date).upper:%Y-%m-%d}"
    if date is None:
        result.notes.append(
            f"The timeline's publication date is unknown: written {published} ('on or before "
            "today'); give it with --date."
        )
    title = next((r for _, r in rows if r["Type"].lower() == "title"), None)
    timeline_id = source_id or slug(_plain(title["Headline"]) if title else sheet.stem, "timeline")
    timeline_source = {
        "id": timeline_id,
        "outlet": "to review",
        "title": _plain(title["Headline"]) if title and title["Headline"] else "to review",
        "url": "",
        "published": published,
        "language": lang,
        "note": (
            f"TimelineJS sheet {file}, imported by 'python -m explainer import timelinejs'"
            + (f"; title slide: {_plain(title['Text'])}" if title and title["Text"] else "")
            + "; check outlet and date."
        ),
    }
    sources = {timeline_id: timeline_source}
    actors: dict[str, dict[str, str]] = {}
    media_ids: dict[str, str] = {}
    used_ids: set[str] = set()
    summary_column = f"summary_{lang}"
    for line, row in rows:
        kind_of_row = row["Type"].lower()
        if kind_of_row == "title":
            if row is not title:  # TimelineJS shows only the first title slide, and so do we
                result.notes.append(
                    f"Row {line} is a second title slide; only the first became the source row: "
                    f"{_plain(row['Headline'])!r}"
                )
            continue
        when, notes = _edtf(row, line, file)
        group = _plain(row["Group"])
        actor = slug(group, UNKNOWN_ACTOR) if group else UNKNOWN_ACTOR
        if actor not in actors:
            actors[actor] = {
                "id": actor, "name": group or "Unknown (to review)",
                "name_fr": group or "Inconnu (à vérifier)", "role": "to review", "country": "",
                "type": "person",
            }  # fmt: skip
        source = timeline_id
        media = row["Media"]
        if re.match(r"https?://\S+\Z", media):
            if media not in media_ids:
                host = re.sub(r"^www\.", "", media.split("/")[2])
                media_id = slug(host, "media")
                while media_id in sources:
                    media_id = f"{slug(host, 'media')}-{len(sources)}"
                media_ids[media] = media_id
                sources[media_id] = {
                    "id": media_id, "outlet": _plain(row["Media Credit"]) or host,
                    "title": _plain(row["Media Caption"]) or "to review", "url": media,
                    "published": f"../{published.split('/')[-1]}" if date else published,
                    "language": lang,
                    "note": f"Media of {file}, row {line}; check outlet, title and date.",
                }  # fmt: skip
            source = media_ids[media]
        elif media:
            notes.append(f"media left out (not a web address): {_plain(media)[:60]}")
        status = _status_in(row["Text"])
        if status:
            notes.insert(0, f"status read from the slide's text: {status}")
        else:
            notes.insert(0, f"status not in TimelineJS: set to '{DEFAULT_STATUS}', check it")
        notes.insert(1, f"kind set to '{DEFAULT_KIND}' and no target: check them")
        if group == "":
            notes.append("no Group: the actor is 'unknown'")
        notes.append(f"public_since assumed {public_since}")
        if kind_of_row == "era":
            notes.insert(0, f"{ERA_NOTE}: a period shown behind the slides, kept as context")
        quote = _quote_in(row["Text"])
        most = next(f for f in schema.fields("claims") if f["name"] == "quote")["x-max-words"]
        if len(quote.split()) > most:  # too long for a quote: it stays in the summary
            notes.append(f"a quote of {len(quote.split())} words stays in the summary (at most "
                         f"{most} words in 'quote')")  # fmt: skip
            quote = ""
        summary = _summary(row["Headline"], row["Text"], keep_quote=not quote)
        base = slug(_plain(row["Headline"]), f"slide-{line}")[:40].strip("-") or f"slide-{line}"
        claim_id, n = base, 2
        while claim_id in used_ids:
            claim_id, n = f"{base}-{n}", n + 1
        used_ids.add(claim_id)
        claim = dict.fromkeys((f["name"] for f in schema.fields("claims")), "")
        claim.update(
            id=claim_id, when=when, public_since=public_since, actor=actor,
            kind=DEFAULT_KIND, status=status or DEFAULT_STATUS, quote=quote,
            source=source, layer="context" if kind_of_row == "era" else "article",
            review=f"imported from {file}, row {line}: " + "; ".join([*notes, "check the summary"]),
        )  # fmt: skip
        claim[summary_column] = summary
        result.claims.append(claim)
    if not result.claims:
        raise TimelineError(
            file, [schema.Problem(file, None, None, None, "the sheet has no slides",
                                  "Add one row per event below the header.")]
        )  # fmt: skip
    result.actors = list(actors.values())
    result.notes.append(
        f"{len(actors)} actor(s) from the Group column, with role 'to review' and type 'person': "
        "check their names (name_fr in French), type and country in actors.csv."
    )
    result.sources = list(sources.values())
    _write(result)
    return result


def _write(result: Imported) -> None:
    from explainer.dataset import Dataset, save_dataset

    frames = {
        name: pd.DataFrame(rows, columns=[f["name"] for f in schema.fields(name)])
        for name, rows in (
            ("claims", result.claims),
            ("actors", result.actors),
            ("sources", result.sources),
        )
    }
    save_dataset(
        Dataset(frames["claims"], frames["actors"], frames["sources"], result.folder),
        result.folder,
    )


# --------------------------------------------------------------------------------------------------
# Export


def _escape(text: str) -> str:
    # TimelineJS reads these fields as HTML; quotes and apostrophes stay as they are.
    return html.escape(text, quote=False)


def _point(side: str) -> dict[str, str]:
    """A TimelineJS date object from one side of an EDTF value, at its precision."""
    core = side.rstrip("~?%")
    if re.fullmatch(r"\d{3}X", core):  # a decade: its first year
        core = core[:3] + "0"
    parts = core.split("-")
    keys = ("year", "month", "day")
    return {k: str(int(v)) for k, v in zip(keys, parts, strict=False)}


def _dates(when: str) -> tuple[dict[str, str], dict[str, str] | None]:
    """(start_date, end_date or None): an open end has no end; an open start starts at its end."""
    if "/" not in when:
        return _point(when), None
    first, last = when.split("/", 1)
    if first in ("", ".."):
        return _point(last), None
    if last in ("", ".."):
        return _point(first), None
    return _point(first), _point(last)


def _source_words(claim: pd.Series, sources: pd.DataFrame, lang: str) -> str:
    """Where a quote comes from: ``Numerama, “title”, paragraph 6``."""
    source = claim["source"]
    if source not in sources.index:
        return source
    row = sources.loc[source]
    words = f"{row['outlet']}, “{row['title']}”"
    if pd.notna(claim["paragraph"]):
        words += f", {WORDS['paragraph'][lang]} {int(claim['paragraph'])}"
    return words


def _slide_text(claim: pd.Series, sources: pd.DataFrame, lang: str) -> str:
    def e(text: str) -> str:
        return html.escape(text, quote=False)

    status = claim["status"]
    said = t("colon", lang, label=WORDS["status"][lang], text=t(f"status.{status}", lang))
    text = (
        f'<p class="explainer-status"><strong>{e(said)}</strong> — '
        f"{e(t(f'status_long.{status}', lang))}.</p>"
    )
    if claim["quote"]:
        quote = f"“{claim['quote']}”" if lang == "en" else f"« {claim['quote']} »"
        text += (
            f"<blockquote>{e(quote)}</blockquote>"
            f'<p class="explainer-source">— {e(_source_words(claim, sources, lang))}</p>'
        )
    if claim["layer"] == "context":
        text += f'<p class="explainer-layer">{e(t("layer.context", lang))}</p>'
    return text


def timeline(dataset: Dataset, lang: str = "en") -> dict:
    """A dataset as a TimelineJS3 JSON object (a dict ready for :func:`json.dumps`).

    Parameters
    ----------
    dataset : Dataset
        A loaded dataset.
    lang : {"en", "fr"}
        The language of the summaries, dates and status words.
    """
    claims = dataset.claims
    sources = dataset.sources
    summary = "summary_fr" if lang == "fr" else "summary_en"
    main = claims["source"].mode()
    main_source = sources.loc[main.iloc[0]] if len(main) and main.iloc[0] in sources.index else None
    count = tn("n_claims", len(claims), lang)
    intro = WORDS["intro"][lang]
    result: dict = {
        "title": {
            "text": {
                "headline": _escape(
                    str(main_source["title"]) if main_source is not None else "Claims"
                ),
                "text": f"<p>{_escape(count)}. {_escape(intro)}</p>",
            }
        },
        "events": [],
    }
    eras = []
    for _, claim in claims.iterrows():
        start, end = _dates(claim["when"])
        label = claim[f"when_label_{lang}"]
        start["display_date"] = label
        headline = claim[summary] or claim["summary_en"] or claim["summary_fr"] or claim["id"]
        if ERA_NOTE in claim["review"]:  # an era imported from TimelineJS goes back as an era
            eras.append({"start_date": start, "end_date": end or dict(start),
                         "text": {"headline": _escape(headline)}})  # fmt: skip
            continue
        event: dict = {
            "unique_id": claim["id"],
            "start_date": start,
            "display_date": label,
            "text": {"headline": _escape(headline), "text": _slide_text(claim, sources, lang)},
            "group": dataset.actor_name(claim["actor"], lang),
        }
        if end is not None:
            event["end_date"] = end
        if claim["source"] in sources.index:
            source = sources.loc[claim["source"]]
            if source["url"]:
                event["media"] = {
                    "url": source["url"],
                    "credit": _escape(str(source["outlet"])),
                    "caption": _escape(str(source["title"])),
                }
        result["events"].append(event)
    if eras:
        result["eras"] = eras
    return result


def export_timeline(dataset: Dataset, out: str | Path, lang: str = "en") -> Path:
    """Write a dataset as TimelineJS3 JSON (:func:`timeline`); returns the file written."""
    path = Path(out)
    path.write_text(
        json.dumps(timeline(dataset, lang), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return path


def export_sheet(dataset: Dataset, out: str | Path, lang: str = "en") -> Path:
    """Write a dataset as a TimelineJS3 sheet (CSV, the template's 18 columns).

    Paste it into a copy of the TimelineJS3 Google Sheets template, or import it there.
    """
    data = timeline(dataset, lang)
    rows = []

    def row(start: dict, end: dict | None, display: str, text: dict, kind: str = "") -> dict:
        cells = dict.fromkeys(COLUMNS, "")
        for prefix, d in (("", start), ("End ", end or {})):
            for part in ("year", "month", "day"):
                cells[f"{prefix}{part.capitalize()}"] = d.get(part, "")
        cells.update({"Display Date": display, "Headline": text.get("headline", ""),
                      "Text": text.get("text", ""), "Type": kind})  # fmt: skip
        return cells

    rows.append(row({}, None, "", data["title"]["text"], "title"))
    for event in data["events"]:
        cells = row(event["start_date"], event.get("end_date"), event["display_date"],
                    event["text"])  # fmt: skip
        media = event.get("media", {})
        cells.update({"Media": media.get("url", ""), "Media Credit": media.get("credit", ""),
                      "Media Caption": media.get("caption", ""),
                      "Group": event["group"]})  # fmt: skip
        rows.append(cells)
    for era in data.get("eras", []):
        rows.append(row(era["start_date"], era["end_date"], era["start_date"]["display_date"],
                        era["text"], "era"))  # fmt: skip
    path = Path(out)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path
