"""Filtering claims: the one filter, and the only place that knows its rules.

:class:`Criteria` (one frozen type, checked once) says what to keep; :class:`ClaimFilter` prepares
a claims table once and gives the mask for any criteria, fast enough for the Explorer's every
keystroke; :func:`filter_claims` is its function form. The Explorer, the offline page's data and
the benchmark all use them. (Over 500 lines on purpose: the rules, the argument checks and the
prepared filter are read and changed together; splitting them would put the rules in two places.)

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
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property, partial

import numpy as np
import pandas as pd

from explainer import dates

__all__ = [
    "ACTOR_IDS_ATTR",
    "ClaimFilter",
    "Criteria",
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
    outside = ValueError(f"{name} {value!r} is outside the dates the explainer can compare")
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, OverflowError):  # pandas days run from 1677 to 2262
        raise outside from None
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
        raise outside
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


# A character no folded text holds: many texts are folded as one, cut apart at it.
_APART = "\x00"
_MANY = 10_000  # texts folded at a time
_FEW = 1_000  # fewer texts are folded one by one


_FOLD_PAIRS = (("œ", "oe"), ("æ", "ae"), ("’", "'"), ("ʼ", "'"), ("‘", "'"))  # = _FOLD_EXTRA
_LATIN_MARKS = re.compile("[\u0300-\u036f]+")  # the combining marks of Latin letters
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def fold_texts(texts: list[str]) -> list[str]:
    """``[fold_text(t) for t in texts]``, ten thousand texts at a time (issue 14: a million
    claims took 40 s of CPU one by one, Python looking at each character).

    Folding works character by character (case folding, replacements, compatibility
    decomposition, whose reordering of marks stops at any base character), so the texts are
    joined, folded as one by C string methods and cut apart again; a text holding the separator
    is folded on its own.
    """
    if len(texts) < _FEW:
        return [fold_text(t) for t in texts]
    out: list[str] = []
    for k in range(0, len(texts), _MANY):
        part = texts[k : k + _MANY]
        joined = _APART.join(part)
        if joined.count(_APART) != len(part) - 1:
            out += map(fold_text, part)
            continue
        if joined.isascii():
            out += joined.lower().split(_APART)
            continue
        joined = joined.casefold()
        for old, new in _FOLD_PAIRS:
            joined = joined.replace(old, new)
        folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", joined))
        # Marks of other scripts, if any are left, by their own class (a few characters).
        others = {ch for ch in _NOT_ASCII.findall(folded) if unicodedata.combining(ch)}
        if others:
            folded = re.sub("[" + re.escape("".join(sorted(others))) + "]+", "", folded)
        cut = folded.split(_APART)
        out += cut if len(cut) == len(part) else map(fold_text, part)
    return out


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


def _date_criterion(value: DateLike, name: str, side: str) -> tuple[DateLike, pd.Timestamp | None]:
    """A date criterion as kept (a whole-number year as its EDTF string) and as its day."""
    day = to_bound(value, side=side, name=name)  # refuses what cannot be a date
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return f"{int(value):04d}", day
    return value, day


_NAMES = ("actors", "start", "end", "statuses", "kinds", "text", "known_on")


@dataclass(frozen=True)
class Criteria:
    """What to keep: the one criteria type of :func:`filter_claims`, :class:`ClaimFilter` and
    :meth:`explainer.Explorer.filter`, checked when made.

    Every field is optional and ``None`` means "no constraint"; the meaning of each is in
    :func:`filter_claims`. Lists become tuples, a single string a one-item tuple, a whole-number
    year its EDTF string (``2023`` is ``"2023"``); dates are otherwise kept as given. Which actors
    exist depends on the dataset: :meth:`ClaimFilter.criteria` (and :func:`check_criteria`) check
    those too.

    A ``Criteria`` reads like a mapping of those seven names, so ``filter_claims(claims,
    **criteria)`` and ``criteria["text"]`` work.

    Raises
    ------
    TypeError, ValueError
        Naming the argument, what was given and what it accepts (an unknown status or kind with
        the closest allowed value).
    """

    actors: tuple[str, ...] | None = None
    start: DateLike = None
    end: DateLike = None
    statuses: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    text: str | None = None
    known_on: DateLike = None
    # Worked out once from the fields above (not part of equality: they follow from them).
    lo: pd.Timestamp | None = field(init=False, repr=False, compare=False)
    hi: pd.Timestamp | None = field(init=False, repr=False, compare=False)
    known: pd.Timestamp | None = field(init=False, repr=False, compare=False)
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from explainer.i18n import KIND_ORDER, STATUS_ORDER  # no plotly: a plain table of words

        put = partial(object.__setattr__, self)  # frozen: fields are set once, here
        lists = {
            name: _as_tuple(getattr(self, name), name) for name in ("actors", "statuses", "kinds")
        }
        check_choices("status", lists["statuses"], STATUS_ORDER)
        check_choices("kind", lists["kinds"], KIND_ORDER)
        for name, value in lists.items():
            put(name, value)
        if self.text is not None and not isinstance(self.text, str):
            raise TypeError(
                f"text must be a string (the words to search) or None; got {self.text!r:.80}"
            )
        for name, day, side in (("start", "lo", "start"), ("end", "hi", "end")):
            value, bound = _date_criterion(getattr(self, name), name, side)
            put(name, value)
            put(day, bound)
        # known_on is read as its last day: what was certainly public by then.
        value, bound = _date_criterion(self.known_on, "known_on", "end")
        put("known_on", value)
        put("known", bound)
        put("words", tuple(search_words(self.text)))

    @property
    def inverted(self) -> bool:
        """Whether the window starts after it ends: it holds no day, so it keeps nothing."""
        return self.lo is not None and self.hi is not None and self.lo > self.hi

    @property
    def key(self) -> tuple:
        """What the mask depends on: equal keys, equal masks (``"2022"`` and ``2022``, the order
        of a list, the case of a word)."""
        return (
            None if self.actors is None else frozenset(self.actors),
            self.lo,
            self.hi,
            None if self.statuses is None else frozenset(self.statuses),
            None if self.kinds is None else frozenset(self.kinds),
            frozenset(self.words),
            self.known,
        )

    def keys(self) -> tuple[str, ...]:
        """The names of the criteria, as :func:`filter_claims` takes them."""
        return _NAMES

    def __getitem__(self, name: str) -> object:
        if name not in _NAMES:
            raise KeyError(name)
        return getattr(self, name)

    def replace(self, **changes: object) -> Criteria:
        """A copy with some criteria changed (checked again)."""
        return replace(self, **changes)


def _as_tuple(values: str | Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    listed = _as_list(values, name)
    return None if listed is None else tuple(listed)


class ClaimFilter:
    """The one filter: criteria in, a boolean mask (one entry a claim) out.

    Everything that does not depend on the criteria is prepared once, on first need, so that the
    Explorer can filter at every keystroke (about a millisecond for 100,000 claims): the date
    bounds as arrays, integer codes for statuses and kinds, the rows of each actor, and one
    folded text per claim for the search. The last masks and searches are cached.

    Parameters
    ----------
    claims : pandas.DataFrame
        ``Dataset.claims``, or a part of it.
    actor_ids : iterable of str, optional
        The actors that exist; default those recorded by :func:`explainer.load_dataset`, or else
        any id of the right form (lowercase letters, digits, ``_`` and ``-``).

    Examples
    --------
    >>> import explainer as ex
    >>> claims = ex.load_dataset().claims
    >>> keep = ex.ClaimFilter(claims).mask(actors=["putin"], statuses="reported")
    >>> claims[keep]  # doctest: +SKIP
    """

    def __init__(
        self,
        claims: pd.DataFrame,
        *,
        actor_ids: Iterable[str] | None = None,
        cache_size: int = 64,
    ):
        self.claims = _claims_frame(claims)
        self.n = len(claims)
        known = list(actor_ids) if actor_ids is not None else _actor_choices(claims)
        self.actor_ids: list[str] | None = None if known is None else list(dict.fromkeys(known))
        self._known_actors = frozenset(self.actor_ids or ())
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._text_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    # ---------------------------------------------------------------------- prepared, on first need
    @cached_property
    def _days(self) -> dict[str, np.ndarray]:
        c = self.claims
        return {
            k: c[k].to_numpy("datetime64[ns]") for k in ("when_start", "when_end", "public_end")
        }

    @cached_property
    def _codes(self) -> dict[str, tuple[np.ndarray, list[str]]]:
        out = {}
        for column in ("status", "kind"):
            codes, names = pd.factorize(self.claims[column], sort=True)
            out[column] = (codes.astype(np.int64), [str(n) for n in names])
        return out

    @cached_property
    def involved(self) -> list[tuple[str, ...]]:
        """Per claim, every actor it involves (its actor, its target, its ``involves``), sorted."""
        columns = zip(
            self.claims["actor"], self.claims["target"], self.claims["involves"], strict=True
        )
        return [
            tuple(sorted({actor, target, *(p.strip() for p in involves.split(";"))} - {""}))
            for actor, target, involves in columns
        ]

    @cached_property
    def _actor_rows(self) -> dict[str, np.ndarray]:
        members: dict[str, list[int]] = {}
        for i, who in enumerate(self.involved):
            for actor in who:
                members.setdefault(actor, []).append(i)
        return {a: np.array(rows, dtype=np.int64) for a, rows in members.items()}

    @cached_property
    def text(self) -> np.ndarray:
        """Per claim, what the search reads: its summaries, quote and id folded by
        :func:`fold_text`, one per line (a search word holds no line break, so no word matches
        across two of them)."""
        c = self.claims
        fields = zip(c["summary_en"], c["summary_fr"], c["quote"], c["id"], strict=True)
        joined = ["\n".join(v if isinstance(v, str) else "" for v in row) for row in fields]
        return np.array(fold_texts(joined), dtype=object)

    def rows_of(self, actor: str) -> np.ndarray:
        """The rows of the claims that involve ``actor`` (as actor, target or in ``involves``)."""
        return self._actor_rows.get(actor, np.zeros(0, dtype=np.int64))

    # -------------------------------------------------------------------------------- criteria
    def criteria(self, **criteria: object) -> Criteria:
        """A :class:`Criteria` (the arguments of :func:`filter_claims`) checked for these claims."""
        return self.check(Criteria(**criteria))  # type: ignore[arg-type]

    def check(self, criteria: Criteria) -> Criteria:
        """Refuse an actor that does not exist, with the closest one; ``criteria`` itself if none.

        Raises
        ------
        ValueError
            ``unknown actor 'putn' (did you mean 'putin'?); use one of: ...``.
        """
        if criteria.actors is None:
            return criteria
        if self.actor_ids is not None:
            if not self._known_actors.issuperset(criteria.actors):  # a set: per keystroke
                check_choices("actor", list(criteria.actors), self.actor_ids)
        else:  # a hand-made frame: which actors exist is unknown, but an id has a form
            bad = [a for a in criteria.actors if not _ID_FORM.match(a)]
            if bad:
                check_choices("actor", bad, sorted(self._actor_rows))
        return criteria

    # ------------------------------------------------------------------------------------ mask
    def mask(self, criteria: Criteria | None = None, /, **kwargs: object) -> np.ndarray:
        """Which claims match every criterion (a read-only array; copy it before changing it).

        Give a :class:`Criteria`, or the arguments of :func:`filter_claims`; none keeps every
        claim.
        """
        if criteria is None:
            criteria = Criteria(**kwargs)  # type: ignore[arg-type]
        elif kwargs:
            raise TypeError("give a Criteria or the criteria as arguments, not both")
        elif not isinstance(criteria, Criteria):
            raise TypeError(f"criteria must be a Criteria; got {type(criteria).__name__}")
        key = criteria.key
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        self.check(criteria)
        mask = self._compute(criteria)
        mask.flags.writeable = False
        self._cache[key] = mask
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return mask

    def _compute(self, c: Criteria) -> np.ndarray:
        keep = np.ones(self.n, dtype=bool)
        if c.inverted:
            # The one test of an inverted window: it holds no day, whereas the overlap rule alone
            # would keep the long spans.
            return ~keep
        if c.actors is not None:
            hit = np.zeros(self.n, dtype=bool)
            for actor in c.actors:
                hit[self.rows_of(actor)] = True
            keep &= hit
        # The overlap rule: the claim's span meets the window (both ends included).
        if c.lo is not None:
            keep &= self._days["when_end"] >= _ns(c.lo)
        if c.hi is not None:
            keep &= self._days["when_start"] <= _ns(c.hi)
        for column, wanted in (("status", c.statuses), ("kind", c.kinds)):
            if wanted is not None:
                codes, names = self._codes[column]
                allowed = np.array([v in wanted for v in names] + [False], dtype=bool)
                keep &= allowed[codes]  # a missing value (code -1) is never allowed
        if c.words:
            found = np.zeros(self.n, dtype=bool)
            for word in c.words:  # any word of the query
                found |= self._search(word)
            keep &= found
        if c.known is not None:
            keep &= self._days["public_end"] <= _ns(c.known)
        return keep

    def _search(self, needle: str) -> np.ndarray:
        """Which claims contain ``needle`` (one folded word)."""
        hit = self._text_cache.get(needle)
        if hit is None:
            # Typing adds letters: what contains "musk" is among what contained "mus".
            base = None
            for part in sorted(self._text_cache, key=len, reverse=True):
                if part in needle:
                    base = self._text_cache[part]
                    break
            rows = np.flatnonzero(base) if base is not None else range(self.n)
            hit = np.zeros(self.n, dtype=bool)
            text = self.text
            hit[[i for i in rows if needle in text[i]]] = True
            self._text_cache[needle] = hit
            if len(self._text_cache) > 32:
                self._text_cache.popitem(last=False)
        return hit


def _ns(day: pd.Timestamp) -> np.datetime64:
    return np.datetime64(day.to_datetime64(), "ns")


def _actor_choices(claims: pd.DataFrame) -> list[str] | None:
    """The actor ids of the dataset the claims come from, when it is known."""
    known = claims.attrs.get(ACTOR_IDS_ATTR)
    return list(known) if known is not None else None


def check_criteria(
    claims: pd.DataFrame,
    *,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
    actor_ids: Iterable[str] | None = None,
) -> Criteria:
    """The criteria of :func:`filter_claims`, checked for ``claims``, as a :class:`Criteria`.

    An unknown status, kind or actor is refused with the closest allowed value, never matched as
    "nothing". ``actor_ids`` (the actors that exist) is as in :class:`ClaimFilter`.

    Raises
    ------
    TypeError, ValueError
        Naming the argument, what was given and what it accepts.
    """
    flt = ClaimFilter(claims, actor_ids=actor_ids)  # a frame that is not claims: refused first
    criteria = Criteria(actors, start, end, statuses, kinds, text, known_on)  # type: ignore[arg-type]
    return flt.check(criteria)


def claim_mask(
    claims: pd.DataFrame,
    *,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
) -> np.ndarray:
    """The boolean mask behind :func:`filter_claims` (same arguments), one entry a row."""
    flt = ClaimFilter(claims)
    criteria = Criteria(actors, start, end, statuses, kinds, text, known_on)  # type: ignore[arg-type]
    return flt.mask(criteria).copy()


def filter_claims(
    claims: pd.DataFrame,
    *,
    actors: str | Iterable[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    statuses: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    text: str | None = None,
    known_on: DateLike = None,
) -> pd.DataFrame:
    """The claims that match every criterion given; no criterion keeps everything.

    The function form of :class:`ClaimFilter`: criteria are keyword arguments (the same as those
    of :meth:`explainer.Explorer.filter`), so ``filter_claims(claims, **app.query)`` keeps what
    the Explorer shows.

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
    keep = claim_mask(
        claims, actors=actors, start=start, end=end, statuses=statuses, kinds=kinds, text=text,
        known_on=known_on,
    )  # fmt: skip
    return claims[keep]
