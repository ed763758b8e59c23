"""EDTF dates: bounds, precision and labels in English and French.

Every date in the data is an EDTF string (Library of Congress Extended Date/Time Format):
``2021-04``, ``2022/..`` ("since 2022"), ``2002~`` ("about 2002"), ``2024-10-24/2024-10-31``. This
module turns each *distinct* value into lower and upper bounds (whole days), flags and labels,
once: plain ISO forms (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) are read directly, everything else
goes through the ``edtf`` package, whose parser costs milliseconds a call. A whole column
(``bounds_frame``, ``valid_mask``) reads its plain points and intervals of them with numpy, all at
once, and hands the rest, and every value it would refuse, to ``parse_date``.

(Over 500 lines on purpose: the one-by-one reader and the whole-column reader must give the same
bounds, labels and refusals, and are tested against each other; keeping them together keeps them
in step.)

Bounds are strict: ``2021-04`` runs from 1 April to 30 April 2021; an approximate date keeps the
bounds of what it names and is flagged ``approximate`` (the figures draw it softer). Open ends get
``OPEN_START`` / ``OPEN_END`` as bounds and a flag, so interval comparisons still work. An open end
(``2022/..``, "since 2022") and an unknown one (``2022/``, "from 2022, end unknown") share the
bounds and the flag; only their labels differ.
"""

from __future__ import annotations

import calendar
import contextlib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import repeat

import numpy as np
import pandas as pd

from explainer.i18n import LANGS, t

__all__ = [
    "OPEN_END",
    "OPEN_START",
    "EDTFDate",
    "InvalidDate",
    "bounds_frame",
    "parse_date",
]

# pandas' nanosecond timestamps cover 1677-2262; these stand for "no limit" in comparisons.
OPEN_START = pd.Timestamp("1678-01-01")
OPEN_END = pd.Timestamp("2261-12-31")

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The forms real data uses: a day, month or year with an optional qualifier (~ ? %), and intervals
# of those with open (..) or unknown (empty) ends. Read directly: the edtf parser costs 4-100 ms a
# call, and an archive holds thousands of distinct values. Every other form goes to the parser.
_SIDE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?"
_SIMPLE = re.compile(rf"^(?:{_SIDE}|(?:{_SIDE}|\.\.|)/(?:{_SIDE}|\.\.|))$")

# Month names in labels: the interface catalogue's (one place for every interface string, issue 13).
MONTHS = {lang: t("dates.month_names", lang).split() for lang in LANGS}


class InvalidDate(ValueError):
    """A value that is not a valid EDTF date, with a hint on how to write it."""


@dataclass(frozen=True)
class _Point:
    """One side of a date: a day, a month or a year (or a decade), possibly qualified."""

    year: int
    month: int | None = None
    day: int | None = None
    decade: bool = False
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> str:
        if self.decade:
            return "decade"
        return "day" if self.day else "month" if self.month else "year"

    def lower(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def upper(self) -> date:
        if self.decade:
            return date(self.year + 9, 12, 31)
        if self.day:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def plain(self, lang: str) -> str:
        """The label without qualifiers: "April 2021", "1er avril 2021", "the 1990s"."""
        if self.decade:
            return f"the {self.year}s" if lang == "en" else f"les années {self.year}"
        if self.day:
            month = MONTHS[lang][self.month - 1]  # type: ignore[operator]
            day = "1er" if (lang == "fr" and self.day == 1) else str(self.day)
            return f"{day} {month} {self.year}"
        if self.month:
            return f"{MONTHS[lang][self.month - 1]} {self.year}"
        return str(self.year)

    def label(self, lang: str, *, embedded: bool = False) -> str:
        """The label with its qualifiers.

        ``embedded``: the label follows a French preposition ("depuis", "de", "à"), where "vers"
        cannot stand; an approximate date then reads "2021 environ".
        """
        text = self.plain(lang)
        if self.approximate:
            if lang == "en":
                text = "about " + text
            elif embedded:
                text += " environ"
            else:
                text = ("vers le " if self.day else "vers ") + text
        if self.uncertain:
            text += " (uncertain)" if lang == "en" else " (incertain)"
        return text


@dataclass(frozen=True)
class EDTFDate:
    """A parsed EDTF value.

    Attributes
    ----------
    text : str
        The EDTF string as written in the data.
    lower, upper : pandas.Timestamp
        First and last day the value can mean (``OPEN_START`` / ``OPEN_END`` for an open end).
    precision : str
        ``day``, ``month``, ``year``, ``decade`` or ``interval``.
    open_start, open_end : bool
        Whether an interval has no known start or no known end (``../2021``, ``2022/..``).
    approximate, uncertain : bool
        EDTF qualifiers ``~`` (about) and ``?`` (uncertain); ``%`` sets both.
    label_en, label_fr : str
        How the explainer writes it: ``April 2021`` / ``avril 2021``, ``since 2022`` /
        ``depuis 2022``, ``about 2002`` / ``vers 2002``.
    """

    text: str
    lower: pd.Timestamp
    upper: pd.Timestamp
    precision: str
    open_start: bool
    open_end: bool
    approximate: bool
    uncertain: bool
    label_en: str
    label_fr: str

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"en"`` or ``"fr"``)."""
        return self.label_fr if lang == "fr" else self.label_en


_HINT = (
    "write an EDTF date: 2022-10-03 (a day), 2021-04 (a month), 2002 (a year), 2002~ (about), "
    "2022/.. (since 2022), 2021/2022 (an interval)"
)


def _point_from_edtf(obj: object, text: str) -> _Point:
    """Read one side of a date from the ``edtf`` package's object, by its string form."""
    raw = str(obj)
    qualifier = raw[-1] if raw and raw[-1] in "~?%" else ""
    core = raw.rstrip("~?%")
    m = _ISO.match(core)
    if m:
        y, mo, d = m.groups()
        point = _Point(int(y), int(mo) if mo else None, int(d) if d else None)
    elif re.fullmatch(r"\d{3}X", core):
        point = _Point(int(core[:3]) * 10, decade=True)
    else:
        raise InvalidDate(f"{text!r} is valid EDTF, but this form is not supported here; {_HINT}")
    try:  # month 00, day 00, 30 February: no dates either
        date(point.year, point.month or 1, point.day or 1)
        if point.month == 0 or point.day == 0:
            raise ValueError
    except ValueError:
        raise InvalidDate(f"{text!r} is not a real date; {_HINT}") from None
    return _Point(
        point.year,
        point.month,
        point.day,
        point.decade,
        approximate=qualifier in "~%" and bool(qualifier),
        uncertain=qualifier in "?%" and bool(qualifier),
    )


def _check_range(d: date, text: str) -> pd.Timestamp:
    ts = pd.Timestamp(d)
    if not OPEN_START <= ts <= OPEN_END:
        raise InvalidDate(f"{text!r} is outside the years 1678-2261 that the explainer can draw")
    return ts


def _de(text: str) -> str:
    # French "de" before a date: "d'avril", "des années 1990", "de 2021".
    if text.startswith("les "):
        return "des " + text[4:]
    return ("d'" if text[0] in "aeiouéèêàâîôûh" else "de ") + text


def _a(text: str) -> str:
    # French "à" before a date: "aux années 2000", "à juin 2021".
    return "aux " + text[4:] if text.startswith("les ") else "à " + text


def _range_label(a: _Point, b: _Point, lang: str) -> str:
    if a == b:  # 2021-01-01/2021-01-01: one day, written once
        return a.label(lang)
    # Compact forms when both ends share a month or a year: "24–31 October 2024",
    # "du 24 au 31 octobre 2024", "April–June 2021", "d'avril à juin 2021".
    plain = not (
        a.approximate or a.uncertain or b.approximate or b.uncertain or a.decade or b.decade
    )
    same_month = a.day and b.day and (a.year, a.month) == (b.year, b.month)
    same_year = a.month and b.month and not a.day and not b.day and a.year == b.year
    if plain and same_month:
        if lang == "en":
            return f"{a.day}–{b.day} {MONTHS['en'][a.month - 1]} {a.year}"  # type: ignore[operator]
        first = "1er" if a.day == 1 else str(a.day)
        return f"du {first} au {b.day} {MONTHS['fr'][a.month - 1]} {a.year}"  # type: ignore[operator]
    if plain and same_year:
        first, last = (MONTHS[lang][p.month - 1] for p in (a, b))  # type: ignore[operator]
        return f"{first}–{last} {a.year}" if lang == "en" else f"{_de(first)} {_a(last)} {a.year}"
    if lang == "en":
        return f"{a.label('en')} – {b.label('en')}"
    first, last = a.label("fr", embedded=True), b.label("fr", embedded=True)
    if a.day and b.day:
        return f"du {first} au {last}"
    return f"{_de(first)} {_a(last)}"


def _open_label(p: _Point, lang: str, *, since: bool, unknown: bool) -> str:
    # "2022/.." is open ("since 2022"); "2022/" has an unknown end ("from 2022, end unknown").
    # An open start ("../2024-10") says "at the latest by then", not that it stopped then:
    # "by October 2024", never "until October 2024".
    if lang == "en":
        if unknown:
            return (
                f"from {p.label('en')}, end unknown"
                if since
                else (f"by {p.label('en')}, start unknown")
            )
        return ("since " if since else "by ") + p.label("en")
    text = p.label("fr", embedded=True)
    if since:
        if unknown:
            return ("à partir du " if p.day else "à partir de ") + text + ", fin inconnue"
        return ("depuis le " if p.day else "depuis ") + text
    if text.startswith("les "):
        head = "au plus tard dans les " + text[4:]
    else:
        head = ("au plus tard le " if p.day else "au plus tard en ") + text
    return head + (", début inconnu" if unknown else "")


def _from_point(text: str, p: _Point) -> EDTFDate:
    return EDTFDate(
        text=text,
        lower=_check_range(p.lower(), text),
        upper=_check_range(p.upper(), text),
        precision=p.precision,
        open_start=False,
        open_end=False,
        approximate=p.approximate,
        uncertain=p.uncertain,
        label_en=p.label("en"),
        label_fr=p.label("fr"),
    )


@lru_cache(maxsize=65536)
def parse_date(text: str) -> EDTFDate:
    """Parse one EDTF value (cached: each distinct value is parsed once).

    Parameters
    ----------
    text : str
        An EDTF string such as ``2021-04``, ``2022/..``, ``2002~`` or ``2024-10-24/2024-10-31``.

    Returns
    -------
    EDTFDate

    Raises
    ------
    InvalidDate
        When the value is not EDTF, names an impossible day, or uses a form the explainer cannot
        draw (seasons, times of day, sets). The message says how to write it.
    """
    value = text.strip()
    if any(ch.isdigit() and not ch.isascii() for ch in value):
        # "２０２２" or "٢٠٢٢" would read as 2022 here and as nothing in other tools: one rule, the
        # digits 0-9, for dates as for paragraph numbers.
        raise InvalidDate(
            f"{text!r} has digits that are not 0-9; write it as {ascii_digits(value)!r}"
        )
    m = _ISO.match(value)
    if m:  # plain ISO: no parser call needed
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:  # month 00 and day 00 are no dates either
            date(y, 1 if mo is None else mo, 1 if d is None else d)  # type: ignore[arg-type]
        except ValueError:
            raise InvalidDate(f"{text!r} is not a real date; {_HINT}") from None
        return _from_point(text, _Point(y, mo, d))  # type: ignore[arg-type]

    obj: object | None = None
    if not _SIMPLE.match(value):
        import edtf  # imported here: the forms real data uses never need it

        try:
            # The parser prints a line to stdout on some failures; that is no output of ours. It
            # raises several exception types: every one of them means "not a date we can read".
            with contextlib.redirect_stdout(io.StringIO()):
                obj = edtf.parse_edtf(value)
        except Exception:
            raise InvalidDate(f"{text!r} is not a valid EDTF date; {_HINT}") from None

    if "/" not in value:
        return _from_point(text, _point_from_edtf(value if obj is None else obj, text))

    start_text, end_text = value.split("/", 1)
    open_start = start_text in ("..", "")
    open_end = end_text in ("..", "")
    if open_start and open_end:
        raise InvalidDate(f"{text!r} has neither a start nor an end; {_HINT}")
    start = (
        None if open_start else _point_from_edtf(start_text if obj is None else obj.lower, text)  # type: ignore[attr-defined]
    )
    end = (
        None if open_end else _point_from_edtf(end_text if obj is None else obj.upper, text)  # type: ignore[attr-defined]
    )
    lower = OPEN_START if start is None else _check_range(start.lower(), text)
    upper = OPEN_END if end is None else _check_range(end.upper(), text)
    if lower > upper:
        raise InvalidDate(f"{text!r} ends before it starts; write the earlier date first")
    if start is None:
        unknown = start_text == ""
        labels = {
            lang: _open_label(end, lang, since=False, unknown=unknown)  # type: ignore[arg-type]
            for lang in ("en", "fr")
        }
    elif end is None:
        unknown = end_text == ""
        labels = {
            lang: _open_label(start, lang, since=True, unknown=unknown) for lang in ("en", "fr")
        }
    else:
        labels = {lang: _range_label(start, end, lang) for lang in ("en", "fr")}
    sides = [p for p in (start, end) if p is not None]
    return EDTFDate(
        text=text,
        lower=lower,
        upper=upper,
        precision="interval",
        open_start=open_start,
        open_end=open_end,
        approximate=any(p.approximate for p in sides),
        uncertain=any(p.uncertain for p in sides),
        label_en=labels["en"],
        label_fr=labels["fr"],
    )


def ascii_digits(text: str) -> str:
    """``text`` with every digit written 0-9 (``"２０２２"`` -> ``"2022"``), to suggest a fix."""
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text
    )


def is_valid(text: str) -> bool:
    """Whether ``text`` is an EDTF value the explainer can use."""
    try:
        parse_date(text)
    except InvalidDate:
        return False
    return True


# Plain points written exactly (no spaces, ASCII digits): the bulk of an archive's distinct dates.
_FIELDS = (
    "lower",
    "upper",
    "precision",
    "open_start",
    "open_end",
    "approximate",
    "uncertain",
    "label_en",
    "label_fr",
)


def _lengths(texts: np.ndarray) -> np.ndarray:
    """The length of each text, 0 for anything that is not text."""
    if pd.api.types.infer_dtype(texts, skipna=False) == "string":  # all text: one C pass
        return np.fromiter(map(len, texts), np.int64, len(texts))
    return np.fromiter((len(t) if isinstance(t, str) else 0 for t in texts), np.int64, len(texts))


def _plain_table(texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Parse the plain points (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) among ``texts`` at once.

    Returns a mask of the values read here and, for those, the fields of their ``EDTFDate``,
    equal to ``parse_date``'s. Only real dates inside the drawable years are read here: anything
    else (other forms, spaces, impossible days) is left to ``parse_date``, for its exact message.
    """
    # Character by character over a fixed-width array: "YYYY", "YYYY-MM" or "YYYY-MM-DD" exactly.
    size = _lengths(texts)
    found = np.isin(size, (4, 7, 10))
    chars = np.array(texts[found], dtype="<U10").view(np.uint32).reshape(-1, 10)
    size = size[found]
    digit = (chars >= ord("0")) & (chars <= ord("9"))
    dash = chars == ord("-")
    good = digit[:, :4].all(axis=1)
    good &= (size == 4) | (dash[:, 4] & digit[:, 5:7].all(axis=1))
    good &= (size < 10) | (dash[:, 7] & digit[:, 8:10].all(axis=1))
    found[found] = good
    chars, size = chars[good].astype(np.int64) - ord("0"), size[good]
    y = chars[:, 0] * 1000 + chars[:, 1] * 100 + chars[:, 2] * 10 + chars[:, 3]
    has_m, has_d = size >= 7, size == 10
    m = np.where(has_m, chars[:, 5] * 10 + chars[:, 6], 1)
    d = np.where(has_d, chars[:, 8] * 10 + chars[:, 9], 1)
    # Drawable years only (OPEN_START 1678-01-01 to OPEN_END 2261-12-31, whole years inside).
    ok = (y >= OPEN_START.year) & (y <= OPEN_END.year) & (m >= 1) & (m <= 12)
    month = (np.where(ok, y, 2000) - 1970).astype("datetime64[Y]").astype("datetime64[M]")
    month = month + (np.where(ok, m, 1) - 1).astype("timedelta64[M]")
    first = month.astype("datetime64[D]")
    month_days = ((month + 1).astype("datetime64[D]") - first).astype(np.int64)
    ok &= (d >= 1) & (d <= month_days)
    lower = first + (d - 1).astype("timedelta64[D]")
    year_end = (month.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    month_end = first + (month_days - 1).astype("timedelta64[D]")
    upper = np.where(has_d, lower, np.where(has_m, month_end, year_end))
    # Labels as Point.plain writes them; a plain point carries no qualifier.
    names = {lang: np.array([""] + MONTHS[lang], dtype=object) for lang in ("en", "fr")}
    year = y.astype(str).astype(object)  # four digits in the drawable years, as written
    day = d.astype(str).astype(object)
    labels = {}
    for lang in ("en", "fr"):
        mname = names[lang][np.where(has_m & ok, m, 0)]
        dname = np.where(d == 1, "1er", day) if lang == "fr" else day
        labels[lang] = np.where(
            has_d, dname + " " + mname + " " + year, np.where(has_m, mname + " " + year, year)
        )
    keep = np.flatnonzero(found)[ok]
    false = np.zeros(int(ok.sum()), dtype=bool)
    table = {
        "lower": lower[ok].astype("datetime64[ns]"),
        "upper": upper[ok].astype("datetime64[ns]"),
        "precision": np.where(has_d, "day", np.where(has_m, "month", "year"))[ok].astype(object),
        "open_start": false,
        "open_end": false,
        "approximate": false,
        "uncertain": false,
        "label_en": labels["en"][ok],
        "label_fr": labels["fr"][ok],
    }
    mask = np.zeros(len(texts), dtype=bool)
    mask[keep] = True
    return mask, table


def _interval_table(
    texts: np.ndarray, *, labels: bool = True
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Parse the intervals of plain points among ``texts`` (``2021-04/2021-06``, ``2022/..``,
    ``../2024-10``, ``2022/``) at once: bounds from ``_plain_table``, labels by the functions
    ``parse_date`` uses (skipped with ``labels=False``, when only validity is asked). Anything
    else is left to ``parse_date``."""
    # str's own methods mapped over the texts: no Python call a value.
    slash = np.fromiter(map(str.__contains__, texts, repeat("/")), bool, len(texts))
    parts = list(map(str.partition, texts[slash], repeat("/")))
    start_text = np.array([p[0] for p in parts], dtype=object)
    end_text = np.array([p[2] for p in parts], dtype=object)
    start_plain, start = _plain_table(start_text)
    end_plain, end = _plain_table(end_text)
    open_start = np.isin(start_text, ["..", ""])
    open_end = np.isin(end_text, ["..", ""])
    inside = (start_plain | open_start) & (end_plain | open_end) & ~(open_start & open_end)
    lower = np.full(len(parts), OPEN_START.to_datetime64(), dtype="datetime64[ns]")
    upper = np.full(len(parts), OPEN_END.to_datetime64(), dtype="datetime64[ns]")
    lower[start_plain] = start["lower"]
    upper[end_plain] = end["upper"]
    inside &= lower <= upper  # "ends before it starts": parse_date says so
    found = np.zeros(len(texts), dtype=bool)
    found[slash] = inside
    if not labels:
        return found, {}
    written: dict[str, list[str]] = {"en": [], "fr": []}
    for i in np.flatnonzero(inside):
        a = None if open_start[i] else _plain_point(start_text[i])
        b = None if open_end[i] else _plain_point(end_text[i])
        for lang in ("en", "fr"):
            if a is None:
                label = _open_label(b, lang, since=False, unknown=start_text[i] == "")  # type: ignore[arg-type]
            elif b is None:
                label = _open_label(a, lang, since=True, unknown=end_text[i] == "")
            else:
                label = _range_label(a, b, lang)
            written[lang].append(label)
    n = int(inside.sum())
    table = {
        "lower": lower[inside],
        "upper": upper[inside],
        "precision": np.full(n, "interval", dtype=object),
        "open_start": open_start[inside],
        "open_end": open_end[inside],
        "approximate": np.zeros(n, dtype=bool),
        "uncertain": np.zeros(n, dtype=bool),
        "label_en": np.array(written["en"], dtype=object),
        "label_fr": np.array(written["fr"], dtype=object),
    }
    return found, table


@lru_cache(maxsize=8192)
def _plain_point(text: str) -> _Point:
    # A side already checked by _plain_table: "2021", "2021-04" or "2021-04-01". Cached: the
    # sides of an archive's intervals repeat (12,418 sides, 6,496 distinct, in 100,000 claims),
    # and a _Point is frozen.
    parts = [int(p) for p in text.split("-")]
    return _Point(*parts)


def _parse_table(texts: np.ndarray) -> dict[str, np.ndarray]:
    """The fields of ``parse_date`` for each of ``texts`` (all valid), in arrays.

    Plain points and intervals of them are read at once; the rest one by one by ``parse_date``.
    """
    kept = _KEPT.pop(tuple(texts), None) if _keeping else None
    if kept is not None:
        return kept  # valid_mask parsed these very values (see parses_kept); taken once
    plain, fast = _plain_table(texts)
    interval, ranges = _interval_table(np.where(plain, "", texts))
    slow = ~(plain | interval)
    rest = [parse_date(v) for v in texts[slow]]
    return _assembled(len(texts), plain, fast, interval, ranges, slow, rest)


def _assembled(
    n: int,
    plain: np.ndarray,
    fast: dict[str, np.ndarray],
    interval: np.ndarray,
    ranges: dict[str, np.ndarray],
    slow: np.ndarray,
    rest: list[EDTFDate],
) -> dict[str, np.ndarray]:
    """The fields of each value, from the three ways of reading them (``slow`` a mask)."""
    dtypes = {"lower": "datetime64[ns]", "upper": "datetime64[ns]", "precision": object}
    dtypes |= {f: bool for f in ("open_start", "open_end", "approximate", "uncertain")}
    dtypes |= {"label_en": object, "label_fr": object}
    table = {}
    for field in _FIELDS:
        column = np.empty(n, dtype=dtypes[field])
        column[plain] = fast[field]
        if interval.any():
            column[interval] = ranges[field]
        column[slow] = np.array([getattr(p, field) for p in rest], dtype=dtypes[field])
        table[field] = column
    return table


def valid_mask(values: pd.Series) -> np.ndarray:
    """Whether each value of ``values`` is an EDTF value the explainer can use.

    The answers of ``is_valid``, value by value; plain points and intervals of them are checked
    at once, the rest one by one.

    Parameters
    ----------
    values : pandas.Series
        EDTF strings; a missing or non-text value counts as invalid.

    Returns
    -------
    numpy.ndarray
        Booleans, one a value, in order.
    """
    texts = np.asarray(values.astype(object), dtype=object)
    strings = np.array([isinstance(v, str) for v in texts], dtype=bool)
    texts = np.where(strings, texts, "")
    keep = _keeping and bool(strings.all())
    plain, fast = _plain_table(texts)
    interval, ranges = _interval_table(np.where(plain, "", texts), labels=keep)
    answers = plain | interval
    slow = np.flatnonzero(strings & ~answers)
    answers[slow] = [is_valid(v) for v in texts[slow]]
    if keep and answers.all():  # parse_date has the slow ones in its cache now
        rest = [parse_date(v) for v in texts[slow]]
        parsed = _assembled(len(texts), plain, fast, interval, ranges, ~(plain | interval), rest)
        _KEPT[tuple(texts)] = parsed
    return answers


# What valid_mask parsed of the columns it found all valid, while a dataset loads: the load checks
# each date column (its distinct values), then bounds_frame parses the same values again
# (issue 14: a tenth of loading 100,000 claims). Keyed by the values themselves, in order.
_KEPT: dict[tuple[str, ...], dict[str, np.ndarray]] = {}
_keeping = False


@contextlib.contextmanager
def parses_kept() -> Iterator[None]:
    """Within this, ``valid_mask`` keeps its parse of each column it finds all valid, for
    ``bounds_frame`` to reuse when it is given the same distinct values; forgotten on leaving.
    Only the time differs: a value is parsed the same either way."""
    global _keeping
    _keeping = True
    try:
        yield
    finally:
        _keeping = False
        _KEPT.clear()


def bounds_frame(values: pd.Series, prefix: str) -> pd.DataFrame:
    """Parse a column of EDTF strings into bound, flag and label columns.

    Each distinct value is parsed once, then broadcast to the rows by its ``pd.factorize`` code.

    Parameters
    ----------
    values : pandas.Series
        EDTF strings, all valid (validate first).
    prefix : str
        Column prefix: ``when`` gives ``when_start``, ``when_end``, ``when_precision``,
        ``when_open_start``, ``when_open_end``, ``when_approximate``, ``when_uncertain``,
        ``when_label_en``, ``when_label_fr``.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``values``.
    """
    # Codes in order of appearance: sorting the distinct values, as pd.Categorical does, is
    # work the result does not need (10,000s of distinct dates in an archive).
    codes, distinct = pd.factorize(values.astype(str))
    parsed = _parse_table(np.asarray(distinct, dtype=object))

    def take(attr: str, dtype: object = None) -> np.ndarray:
        table = parsed[attr]
        return table[codes] if len(table) else np.array([], dtype=dtype)

    text = {f"{prefix}_{name}": "str" for name in ("precision", "label_en", "label_fr")}
    return pd.DataFrame(
        {
            f"{prefix}_start": pd.to_datetime(take("lower", "datetime64[ns]")),
            f"{prefix}_end": pd.to_datetime(take("upper", "datetime64[ns]")),
            f"{prefix}_precision": take("precision", object),
            f"{prefix}_open_start": take("open_start", bool),
            f"{prefix}_open_end": take("open_end", bool),
            f"{prefix}_approximate": take("approximate", bool),
            f"{prefix}_uncertain": take("uncertain", bool),
            f"{prefix}_label_en": take("label_en", object),
            f"{prefix}_label_fr": take("label_fr", object),
        },
        index=values.index,
    ).astype(text)  # "str" even when empty, as the other text columns
