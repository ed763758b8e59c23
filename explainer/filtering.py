"""Filtering claims: pure, vectorised, and the only place that knows the overlap rule.

The rule: a claim is kept by a date window when the span of its ``when`` *overlaps* the window,
that is when ``when_start <= end`` and ``when_end >= start`` (both ends included). A claim dated
``2021-04`` (all of April 2021) is kept by a window ending on 10 April 2021; a claim "since 2022"
(``2022/..``) is kept by any window that ends in 2022 or later; a claim "until 2021" (``../2021``)
by any window that starts in 2021 or earlier. ``start`` is read as its first day and ``end`` as its
last: ``end="2024-10"`` runs to 31 October 2024. Either end may be left out (no limit on that
side). An inverted window (``start`` after ``end``) holds no day, so it keeps nothing.

``known_on`` keeps what was *certainly* public by that day, i.e. the last day ``public_since`` can
mean is on or before it: a claim whose ``public_since`` is ``2024-10-24/2024-10-31`` counts as
known from 31 October 2024, one whose ``public_since`` is ``2024-10`` from 31 October 2024. An
open-ended ``public_since`` (``2022/..``) never counts as certainly known.

Every criterion narrows: filtering twice is filtering once with both criteria, and no criterion
keeps everything. ``start`` and ``end`` together are one criterion, the window: an inverted window
keeps nothing, whereas filtering by ``start`` alone, then by ``end`` alone, would keep the claims
that span both days.

``text`` is a list of words: a claim matches when one of its summaries, its quote or its id contains
*any* of them, ignoring case and accents (:func:`fold_text`: ``"dementi"`` finds "démenti").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime

import numpy as np
import pandas as pd

from explainer import dates

__all__ = [
    "ACTOR_IDS_ATTR",
    "DateLike",
    "KnownActors",
    "check_choices",
    "check_criteria",
    "claim_mask",
    "filter_claims",
    "fold_text",
    "search_words",
    "to_bound",
]

DateLike = str | int | date | datetime | pd.Timestamp | None

# The columns the filter reads; a frame without them is not ``Dataset.claims``.
_NEEDED = ("actor", "target", "involves", "status", "kind", "when_start", "when_end", "public_end")
# Where load_dataset records the actor ids of the dataset on ``claims.attrs``: pandas carries
# ``attrs`` through filtering, so a filtered frame still knows every actor of its dataset.
ACTOR_IDS_ATTR = "explainer.actor_ids"


class KnownActors(tuple):
    """The actor ids of a dataset, kept on ``claims.attrs``; pandas copies ``attrs`` on every
    operation, and an immutable tuple of strings needs no copy."""

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> KnownActors:
        return self


_ID_FORM = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def to_bound(value: DateLike, *, side: str, name: str = "date") -> pd.Timestamp | None:
    """A date-like value as the first (``side="start"``) or last (``side="end"``) day it covers.

    Strings are EDTF (``"2022"``, ``"2024-10"``, ``"2022-10-03"``); a whole number is a year
    (``2023`` is ``"2023"``); dates and time-zone-naive timestamps are days.

    Raises
    ------
    TypeError
        For anything else (a float, a list, a bool), naming the argument ``name``.
    ValueError
        For an unreadable string, a year outside 1-9999, a missing timestamp (``NaT``) or a
        time-zone-aware one.
    """
    accepts = (
        "an EDTF string such as '2022' or '2024-10-03', a year such as 2022, a date or a "
        "timestamp without time zone, or None"
    )
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            parsed = dates.parse_date(value.strip())
        except dates.InvalidDate as err:
            raise ValueError(f"{name}: cannot read the date {value!r}: {err}") from None
        return parsed.lower if side == "start" else parsed.upper
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be {accepts}; got {value!r}")
    if isinstance(value, (int, np.integer)):
        # pandas would read 2023 as 2023 nanoseconds after 1970: a year is what a person means.
        if not 1 <= int(value) <= 9999:
            raise ValueError(f"{name}: {value!r} is not a year between 1 and 9999; {accepts}")
        return to_bound(f"{int(value):04d}", side=side, name=name)
    if not isinstance(value, (date, np.datetime64)):
        raise TypeError(f"{name} must be {accepts}; got {type(value).__name__} {value!r:.80}")
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, OverflowError):  # pandas days run from 1677 to 2262
        raise ValueError(
            f"{name} {value!r} is outside the dates the explainer can compare"
        ) from None
    if pd.isna(stamp):
        raise ValueError(f"{name} is a missing date (NaT); leave it out, or give {accepts}")
    if stamp.tzinfo is not None:
        # Which day a zoned time falls on depends on the zone; the data's days have none.
        raise ValueError(
            f"{name} {value!r} has a time zone; claims are dated in days without one: give "
            f"the day you mean, e.g. {name}=value.tz_localize(None) or a string such as "
            f"{stamp.strftime('%Y-%m-%d')!r}"
        )
    if not dates.OPEN_START <= stamp <= dates.OPEN_END:
        raise ValueError(f"{name} {value!r} is outside the dates the explainer can compare")
    return stamp.normalize()


# Letters that Unicode does not decompose but that a French reader types without the ligature; and
# typographic apostrophes, which a keyboard types as "'".
_FOLD_EXTRA = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "ʼ": "'", "‘": "'"})


def fold_text(text: str) -> str:
    """``text`` as the search compares it: lower case, without accents or ligatures.

    ``"Démenti"``, ``"DEMENTI"`` and ``"dementi"`` all fold to ``"dementi"``; ``"cœur"`` to
    ``"coeur"``. Plain ASCII text (most of it) skips the Unicode decomposition.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_words(query: str | None) -> list[str]:
    """The folded words of a search query, each once, in order; a claim matches any of them."""
    return list(dict.fromkeys(fold_text(query or "").split()))


def _as_list(values: str | Iterable[str] | None, name: str = "values") -> list[str] | None:
    """A string or an iterable of strings as a list; anything else refused, naming ``name``."""
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    if isinstance(values, (bytes, dict, pd.DataFrame)) or not isinstance(values, Iterable):
        raise TypeError(
            f"{name} must be a string or a list of strings; got {type(values).__name__} "
            f"{values!r:.80}"
        )
    out = list(values)
    for item in out:
        if not isinstance(item, str):
            raise TypeError(
                f"{name} must hold strings only; it holds {item!r:.80} "
                f"({type(item).__name__}): remove it or write it as a string"
            )
    return out


def check_choices(name: str, values: list[str] | None, allowed: Iterable[str]) -> None:
    """Refuse values not in ``allowed``, with the closest allowed one and the whole list.

    Raises
    ------
    ValueError
        ``unknown status 'Reported' (did you mean 'reported'?); use one of: ...``.
    """
    if values is None:
        return
    allowed = list(dict.fromkeys(allowed))
    unknown = [v for v in values if v not in allowed]
    if not unknown:
        return
    first = unknown[0]
    by_case = {a.casefold(): a for a in allowed}
    close = by_case.get(first.strip().casefold()) or next(
        iter(difflib.get_close_matches(first, allowed, n=1, cutoff=0.6)), None
    )
    mean = f" (did you mean {close!r}?)" if close else ""
    shown = ", ".join(allowed[:40]) + (f" ... ({len(allowed)} in all)" if len(allowed) > 40 else "")
    raise ValueError(
        f"unknown {name} {', '.join(repr(v) for v in unknown[:5])}{mean}; use one of: {shown}"
    )


def _claims_frame(claims: object) -> pd.DataFrame:
    if not isinstance(claims, pd.DataFrame):
        hint = " (a Dataset: pass its .claims)" if hasattr(claims, "claims") else ""
        raise TypeError(
            f"claims must be the claims DataFrame, such as load_dataset().claims; got "
            f"{type(claims).__name__}{hint}"
        )
    missing = [c for c in _NEEDED if c not in claims.columns]
    if missing:
        raise ValueError(
            f"claims lacks the column(s) {', '.join(missing)}: pass the claims of a loaded "
            "dataset (load_dataset().claims, or a part of it)"
        )
    return claims


def _actor_choices(claims: pd.DataFrame) -> list[str] | None:
    """The actor ids of the dataset the claims come from, when it is known."""
    known = claims.attrs.get(ACTOR_IDS_ATTR)
    return list(known) if known is not None else None


def check_criteria(
    claims: pd.DataFrame,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
    *,
    actor_ids: Iterable[str] | None = None,
) -> dict:
    """The criteria of :func:`filter_claims`, checked, as lists, strings and days.

    One check for :func:`filter_claims` and :meth:`explainer.Explorer.filter`: an unknown status,
    kind or actor is refused with the closest allowed value, never matched as "nothing".

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims the criteria are for.
    actor_ids : iterable of str, optional
        The actors that exist; default those recorded by :func:`explainer.load_dataset`, or else
        any id of the right form (lowercase letters, digits, ``_`` and ``-``).

    Returns
    -------
    dict
        ``actors``, ``statuses``, ``kinds`` (lists or None), ``start``, ``end``, ``known_on`` (as
        given, but a whole-number year as its EDTF string), ``text`` (a string or None) and
        ``window`` (the first and last day, or None).

    Raises
    ------
    TypeError, ValueError
        Naming the argument, what was given and what it accepts.
    """
    from explainer.i18n import KIND_ORDER, STATUS_ORDER  # no plotly: a plain table of words

    claims = _claims_frame(claims)
    actor_list = _as_list(actors, "actors")
    status_list = _as_list(statuses, "statuses")
    kind_list = _as_list(kinds, "kinds")
    check_choices("status", status_list, STATUS_ORDER)
    check_choices("kind", kind_list, KIND_ORDER)
    known_actors = list(actor_ids) if actor_ids is not None else _actor_choices(claims)
    if actor_list is not None:
        if known_actors is not None:
            check_choices("actor", actor_list, known_actors)
        else:  # a hand-made frame: which actors exist is unknown, but an id has a form
            present = (set(claims["actor"]) | set(claims["target"])) - {""}
            bad = [a for a in actor_list if not _ID_FORM.match(a)]
            if bad:
                check_choices("actor", bad, sorted(present))
    if text is not None and not isinstance(text, str):
        raise TypeError(f"text must be a string (the words to search) or None; got {text!r:.80}")
    out: dict = {"actors": actor_list, "statuses": status_list, "kinds": kind_list, "text": text}
    for name, value in (("start", start), ("end", end), ("known_on", known_on)):
        to_bound(value, side="start", name=name)  # refuses what cannot be a date
        is_year = isinstance(value, (int, np.integer)) and not isinstance(value, bool)
        out[name] = f"{int(value):04d}" if is_year else value  # type: ignore[arg-type]
    return out


def claim_mask(
    claims: pd.DataFrame,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
) -> np.ndarray:
    """The boolean mask behind :func:`filter_claims` (same arguments), one entry a row."""
    c = check_criteria(claims, actors, start, end, statuses, kinds, text, known_on)
    start, end, known_on, text = c["start"], c["end"], c["known_on"], c["text"]
    keep = np.ones(len(claims), dtype=bool)
    actor_list = c["actors"]
    if actor_list is not None:
        wanted = set(actor_list)
        hit = claims["actor"].isin(wanted).to_numpy() | claims["target"].isin(wanted).to_numpy()
        if wanted:
            pattern = "(?:^|;)\\s*(?:" + "|".join(map(re.escape, sorted(wanted))) + ")\\s*(?:;|$)"
            hit |= claims["involves"].str.contains(pattern, regex=True).to_numpy(dtype=bool)
        keep &= hit
    lo = to_bound(start, side="start", name="start")
    hi = to_bound(end, side="end", name="end")
    if lo is not None and hi is not None and lo > hi:
        # An inverted window holds no day; the overlap rule alone would keep the long spans.
        keep[:] = False
    if lo is not None:
        keep &= (claims["when_end"] >= lo).to_numpy()
    if hi is not None:
        keep &= (claims["when_start"] <= hi).to_numpy()
    status_list = c["statuses"]
    if status_list is not None:
        keep &= claims["status"].isin(status_list).to_numpy()
    kind_list = c["kinds"]
    if kind_list is not None:
        keep &= claims["kind"].isin(kind_list).to_numpy()
    words = search_words(text)
    if words:
        found = np.zeros(len(claims), dtype=bool)
        for column in ("summary_en", "summary_fr", "quote", "id"):
            folded = claims[column].map(fold_text)
            for word in words:
                found |= folded.str.contains(word, regex=False).to_numpy(bool)
        keep &= found
    known = to_bound(known_on, side="end", name="known_on")
    if known is not None:
        keep &= (claims["public_end"] <= known).to_numpy()
    return keep


def filter_claims(
    claims: pd.DataFrame,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
) -> pd.DataFrame:
    """The claims that match every criterion given; no criterion keeps everything.

    Parameters
    ----------
    claims : pandas.DataFrame
        ``Dataset.claims``.
    actors : str or list of str, optional
        Actor ids; a claim matches when one of them is its actor, its target, or among those it
        involves. An empty list matches nothing.
    start, end : str, int, date or Timestamp, optional
        A date window: EDTF strings, years (``2023``) or days (time-zone-naive). A claim is kept
        when its date span overlaps the window (``start`` counts from its first day, ``end`` up
        to its last: ``end="2024-10"`` is 31 October). A window whose start is after its end
        keeps nothing.
    statuses, kinds : str or list of str, optional
        Keep these statuses (``established``, ``stated``, ``reported``, ``accused``, ``commentary``)
        and kinds (``contact``, ``influence``, ``action``, ``stance``, ``denial``, ``assessment``).
    text : str, optional
        Words searched in both summaries, the quote and the id; a claim matches when it contains
        any of them, ignoring case and accents (``"dementi"`` finds "démenti").
    known_on : str, int, date or Timestamp, optional
        Keep what was certainly public by then (the last day ``public_since`` can mean is on or
        before it).

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their original order.

    Raises
    ------
    TypeError
        When an argument has the wrong type (a Dataset for its claims, a number as text, a
        float as a date, ``None`` in a list): the message names the argument and what it accepts.
    ValueError
        For an unknown status, kind or actor (with the closest allowed value and the list), or a
        date that cannot be read (a bad EDTF string, a time-zone-aware timestamp).

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.load_dataset()
    >>> ex.filter_claims(ds.claims, actors=["putin"], start="2022", end="2024-10",
    ...                  statuses=["reported"])  # doctest: +SKIP
    """
    return claims[claim_mask(claims, actors, start, end, statuses, kinds, text, known_on)]
