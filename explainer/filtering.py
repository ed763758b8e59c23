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

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime

import numpy as np
import pandas as pd

from explainer import dates

__all__ = ["DateLike", "claim_mask", "filter_claims", "fold_text", "search_words", "to_bound"]

DateLike = str | date | datetime | pd.Timestamp | None


def to_bound(value: DateLike, *, side: str) -> pd.Timestamp | None:
    """A date-like value as the first (``side="start"``) or last (``side="end"``) day it covers.

    Strings are EDTF (``"2022"``, ``"2024-10"``, ``"2022-10-03"``); dates and timestamps are days.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        parsed = dates.parse_date(value.strip())
        return parsed.lower if side == "start" else parsed.upper
    return pd.Timestamp(value).normalize()


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


def _as_list(values: str | Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    return list(values)


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
    keep = np.ones(len(claims), dtype=bool)
    actor_list = _as_list(actors)
    if actor_list is not None:
        wanted = set(actor_list)
        hit = claims["actor"].isin(wanted).to_numpy() | claims["target"].isin(wanted).to_numpy()
        if wanted:
            pattern = "(?:^|;)\\s*(?:" + "|".join(map(re.escape, sorted(wanted))) + ")\\s*(?:;|$)"
            hit |= claims["involves"].str.contains(pattern, regex=True).to_numpy(dtype=bool)
        keep &= hit
    lo = to_bound(start, side="start")
    hi = to_bound(end, side="end")
    if lo is not None and hi is not None and lo > hi:
        # An inverted window holds no day; the overlap rule alone would keep the long spans.
        keep[:] = False
    if lo is not None:
        keep &= (claims["when_end"] >= lo).to_numpy()
    if hi is not None:
        keep &= (claims["when_start"] <= hi).to_numpy()
    status_list = _as_list(statuses)
    if status_list is not None:
        keep &= claims["status"].isin(status_list).to_numpy()
    kind_list = _as_list(kinds)
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
    known = to_bound(known_on, side="end")
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
    start, end : str, date or Timestamp, optional
        A date window, EDTF strings or days. A claim is kept when its date span overlaps the
        window (``start`` counts from its first day, ``end`` up to its last: ``end="2024-10"`` is
        31 October). A window whose start is after its end keeps nothing.
    statuses, kinds : str or list of str, optional
        Keep these statuses (``established``, ``stated``, ``reported``, ``accused``, ``commentary``)
        and kinds (``contact``, ``influence``, ``action``, ``stance``, ``denial``, ``assessment``).
    text : str, optional
        Words searched in both summaries, the quote and the id; a claim matches when it contains
        any of them, ignoring case and accents (``"dementi"`` finds "démenti").
    known_on : str, date or Timestamp, optional
        Keep what was certainly public by then (the last day ``public_since`` can mean is on or
        before it).

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their original order.

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.load_dataset()
    >>> ex.filter_claims(ds.claims, actors=["putin"], start="2022", end="2024-10",
    ...                  statuses=["reported"])  # doctest: +SKIP
    """
    return claims[claim_mask(claims, actors, start, end, statuses, kinds, text, known_on)]
