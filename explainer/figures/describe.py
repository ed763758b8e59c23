"""Plain-language text alternatives of the figures: a one-line summary and a sentence or two.

These are what a screen reader reads, what a printout keeps, and what a student can quote. They say
only what the figure shows, with the same hedges: reported claims are counted as resting on unnamed
sources, not as facts.

:class:`ClaimStats` counts with integer codes computed once, so that the Explorer can describe any
selection (a boolean mask) in microseconds; :func:`describe` and friends are the plain functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from explainer.dates import OPEN_END, OPEN_START
from explainer.figures.style import status_words
from explainer.i18n import KIND_ORDER, STATUS_ORDER, t, tn

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = ["ClaimStats", "describe", "describe_network", "summary_line"]


class ClaimStats:
    """Counts over any selection of ``claims``, from codes computed once.

    Parameters
    ----------
    claims : pandas.DataFrame
        ``Dataset.claims`` (or part of it).
    data : Dataset, optional
        For actor names (ids are used without it).
    """

    def __init__(self, claims: pd.DataFrame, data: Dataset | None = None):
        self.data = data
        self.n = len(claims)
        actors = claims["actor"].to_numpy(dtype=object)
        targets = claims["target"].to_numpy(dtype=object)
        self.names = sorted({*actors, *(x for x in targets if x)})
        code = {a: i for i, a in enumerate(self.names)}
        self.actor = np.array([code[a] for a in actors], dtype=np.int64).reshape(-1)
        self.target = np.array([code.get(x, -1) for x in targets], dtype=np.int64).reshape(-1)
        self.status = np.array([STATUS_ORDER.index(s) for s in claims["status"]], np.int64)
        self.kind = np.array([KIND_ORDER.index(k) for k in claims["kind"]], np.int64)
        start, end = claims["when_start"], claims["when_end"]
        # Years as int64 before the sentinels go in (pandas gives int32, where they would overflow).
        years_from = start.dt.year.to_numpy().astype(np.int64)
        years_to = end.dt.year.to_numpy().astype(np.int64)
        self.start_year = np.where(start > OPEN_START, years_from, np.iinfo(np.int64).max)
        self.end_year = np.where(end < OPEN_END, years_to, np.iinfo(np.int64).min)
        self.linked = (self.target >= 0) & (self.target != self.actor)
        self._name_cache: dict[tuple[int, str], str] = {}

    def _all(self, mask: np.ndarray | None) -> np.ndarray:
        return np.ones(self.n, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)

    def _name(self, i: int, lang: str) -> str:
        key = (i, lang)
        if key not in self._name_cache:
            a = self.names[i]
            self._name_cache[key] = self.data.actor_name(a, lang) if self.data is not None else a
        return self._name_cache[key]

    def _names(self, ids: list[int], lang: str) -> str:
        names = [self._name(i, lang) for i in ids]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} {t('and', lang)} {names[-1]}"

    def summary_line(self, mask: np.ndarray | None = None, lang: str = "en") -> str:
        """ "14 of 77 claims; 9 rest on unnamed sources" for the claims in ``mask``."""
        keep = self._all(mask)
        shown = t("summary.of", lang, shown=int(keep.sum()), total=tn("n_claims", self.n, lang))
        unnamed = int(np.count_nonzero(keep & (self.status == STATUS_ORDER.index("reported"))))
        return t("summary.line", lang, of=shown, unnamed=tn("summary.unnamed", unnamed, lang))

    def describe(self, mask: np.ndarray | None = None, lang: str = "en") -> str:
        """What the timeline of the claims in ``mask`` shows, in a few sentences."""
        keep = self._all(mask)
        n = int(keep.sum())
        if n == 0:
            return t("describe.empty", lang)
        counts = np.bincount(self.actor[keep], minlength=len(self.names))
        counts += np.bincount(self.target[keep & (self.target >= 0)], minlength=len(self.names))
        ranked = sorted(np.flatnonzero(counts), key=lambda i: (-counts[i], self.names[i]))
        main = ranked[:2] if len(ranked) > 1 and counts[ranked[1]] >= 3 else ranked[:1]
        start = int(self.start_year[keep].min())
        end = int(self.end_year[keep].max())
        if start == np.iinfo(np.int64).max:
            start = end
        if end == np.iinfo(np.int64).min:
            end = start
        first = t(
            "describe.timeline",
            lang,
            claims=tn("n_claims", n, lang),
            actors=tn("n_actors", len(ranked), lang),
            main=self._names(main, lang),
            start=start,
            end=end,
        )
        by_status = np.bincount(self.status[keep], minlength=len(STATUS_ORDER))
        parts = [
            f"{status_words(s, lang)} {int(by_status[i])}"
            for i, s in enumerate(STATUS_ORDER)
            if by_status[i]
        ]
        second = t("describe.statuses", lang, counts=", ".join(parts))
        kinds = np.bincount(self.kind[keep], minlength=len(KIND_ORDER))
        third = t(
            "describe.links",
            lang,
            influence=tn("n_claims", int(kinds[KIND_ORDER.index("influence")]), lang),
            contact=tn("n_claims", int(kinds[KIND_ORDER.index("contact")]), lang),
            denials=tn("describe.denials", int(kinds[KIND_ORDER.index("denial")]), lang),
        )
        return " ".join([first, second, third])

    def describe_network(self, mask: np.ndarray | None = None, lang: str = "en") -> str:
        """What the network of the claims in ``mask`` shows, in one sentence."""
        keep = self._all(mask) & self.linked
        if not keep.any():
            return t("network.empty", lang)
        m = len(self.names)
        pairs = np.bincount(self.actor[keep] * m + self.target[keep], minlength=m * m)
        top = int(np.argmax(pairs))  # the first of the largest: the smallest ids, deterministic
        a, b = divmod(top, m)
        busiest = t(
            "network.edge",
            lang,
            source=self._name(a, lang),
            target=self._name(b, lang),
            claims=tn("n_claims", int(pairs[top]), lang),
        )
        involved = np.zeros(m, dtype=bool)
        involved[self.actor[keep]] = True
        involved[self.target[keep]] = True
        actors = int(np.count_nonzero(involved))
        return t(
            "describe.network",
            lang,
            actors=tn("n_actors", actors, lang),
            claims=tn("n_claims", int(keep.sum()), lang),
            top=busiest,
        )


def summary_line(claims: pd.DataFrame, total: int, lang: str = "en") -> str:
    """One line: how many claims are shown out of how many, and how many rest on unnamed sources.

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.load_dataset()
    >>> summary_line(ds.claims.head(14), len(ds.claims))  # doctest: +SKIP
    '14 of 77 claims; 9 rest on unnamed sources'
    """
    shown = t("summary.of", lang, shown=len(claims), total=tn("n_claims", total, lang))
    unnamed = int((claims["status"] == "reported").sum())
    return t("summary.line", lang, of=shown, unnamed=tn("summary.unnamed", unnamed, lang))


def describe(claims: pd.DataFrame, lang: str = "en", *, data: Dataset | None = None) -> str:
    """A few sentences that say what the timeline of ``claims`` shows (its text alternative).

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims shown (``Dataset.claims`` or a filtered part of it).
    lang : {"en", "fr"}
    data : Dataset, optional
        For actor names (ids are used without it).

    Returns
    -------
    str
        Plain text (not HTML): escape it before putting it in a page.

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.load_dataset()
    >>> describe(ds.claims, data=ds)  # doctest: +SKIP
    'The timeline shows 77 claims involving 14 actors, mostly Elon Musk and Vladimir Putin, ...'
    """
    return ClaimStats(claims, data).describe(None, lang)


def describe_network(claims: pd.DataFrame, lang: str = "en", *, data: Dataset | None = None) -> str:
    """A sentence that says what the network of ``claims`` shows (its text alternative)."""
    return ClaimStats(claims, data).describe_network(None, lang)
