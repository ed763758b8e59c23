"""The influence timeline: time across, one lane per actor, every claim a mark in its actor's lane.

Dates are drawn as what they are, never as a made-up day:

- an exact day is a point;
- a month, a year or a closed period is a bar over the whole of it, with the status marker in its
  middle (the marker is where to point and click; the bar is the date);
- an open period ("since 2022") is a bar from its start to the day it became public, ending in ▷;
- an approximate or uncertain date is dotted and paler.

``influence`` and ``contact`` claims are arrows from the actor's lane to the target's lane; a denial
is joined to the claim it answers by a grey dashed arrow. No lane is ever drawn empty: a target has
a lane only where an arrow is drawn to it (the grouped view names the others under its axis).
Status is shape + fill + colour + a legend in words (:mod:`explainer.figures.style`).

:class:`TimelineModel` does the work once (positions, lanes, hover text) so that the widgets can
redraw a filtered view by changing only the ``x``/``y``/... of existing traces:
:meth:`TimelineModel.trace_data` gives those arrays for any boolean mask.
:func:`influence_timeline` is the pure figure function.

Why one module of more than 500 lines: :class:`TimelineModel` is one object whose parts (dates,
lanes, placement, hover texts, trace data, layout, ticks and cuts) share the same precomputed
arrays, and splitting it would pass those arrays between modules for no reader's gain. What is not
the timeline has left: trace identities and shared helpers (:mod:`explainer.figures.traces`),
FigureWidget syncing (:mod:`explainer.widgets.sync`).
"""

from __future__ import annotations

import copy
import functools
import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from explainer.bidi import isolate
from explainer.figures.style import FONT, GREY, LIGHT_GREY, STATUS_STYLES, status_words
from explainer.figures.traces import (
    LEGEND_KEYS,
    check_lang,
    make_trace,
    message_html,
    parse_uid,
    segments,
    set_path,
    trace_uid,
    wrap_label,
    wrap_name,
    wrap_text,
)
from explainer.i18n import CATALOGUE, LANGS, STATUS_ORDER, t, tn
from explainer.presentation import source_paragraph, who_whom

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = [
    "BIN_LIMIT",
    "DETAIL_LIMIT",
    "GL_THRESHOLD",
    "KEY_MODES",
    "TimelineModel",
    "check_lang",
    "influence_timeline",
    "message_html",
    "wrap_label",
    "x_title",
]

# Above this many claims in the data, point traces use WebGL (Scattergl): SVG slows down past a few
# thousand marks. Below it, SVG looks better and is what a browser test can inspect.
GL_THRESHOLD = 2000
# Above this many *shown* claims, marks are grouped by lane, month and status: tens of thousands of
# marks overlap beyond reading, and their hover texts would cost more to send than to draw.
DETAIL_LIMIT = 3000
# At most about this many grouped marks for the whole data (month, quarter, year or 5 years each).
BIN_LIMIT = 4000

DAY_MS = 86_400_000.0
YEAR_MS = 365.25 * DAY_MS
LINK_KINDS = ("influence", "contact")
MAX_ROWS = 24  # sub-rows per lane before marks are allowed to overlap
# Marks of one date in one lane take at most this many sub-rows; more are set side by side, a
# marker apart, around their date (a guide line marks the date). Stacked, October 2024's 18 Musk
# marks made a lane of 20 rows and a timeline twice a projector's height.
LANE_ROWS = 6
DODGE_COLUMNS = 1  # at most this many marker widths to either side of the date: dates stay near
ROW_GAP = 1.0  # y units between sub-rows of a lane
LANE_GAP = 0.6  # extra y units between lanes
MARKER_SIZE = 12
# A marker's footprint: plotly draws a size-12 diamond 15.6 px tall, plus its 2.2 px outline.
MARKER_PX = 18
SPAN_WIDTH = 8
ROW_PX = MARKER_PX  # height of one y unit (a sub-row), in pixels: rows of marks never touch
# The narrowest plot area (px) the packing of marks is made for: the timeline beside the card on a
# 1366 px projector. Marks closer in time than a marker's width there go to different sub-rows.
PLOT_PX = 640
KNOWN_COLOUR = "#000000"  # the "Known by" line: black, unlike any status colour
TEXT_PX = 14  # every text of the figure, readable from the back of a classroom
NAME_WIDTH = 16  # lane names are wrapped to lines of about this many characters
CHAR_PX = 8.6  # the width of a character of 14 px text, generously (DejaVu Sans is wide)
# Pixels above and below the plot area: the title and the years at the top, the years, the axis
# title and the reading guide at the bottom. The status key is beside the plot, at its top right.
TOP_PX = 96
BOTTOM_PX = 190
# Above the plot when the key is above it instead (a model packed for a narrow plot: the Story's).
TOP_PX_KEY_ABOVE = 158
# Below a figure without legends (key="none"): the years and the two lines of the axis note.
BOTTOM_PX_KEYLESS = 104
# What a figure does with its keys: plotly legends, or none (the view draws them; figures/key.py).
KEY_MODES = ("plotly", "none")
KEY_WIDTH = 16  # the key's entries are wrapped to lines of about this many characters
# On a narrow figure the lane names stand inside the plot, over its first years (few marks):
# beside it, they took 151 of a phone's 364 px and left the marks 197 (see narrow_layout).
NARROW_LEFT_PX = 8
NARROW_RIGHT_PX = 12
# A white halo around text drawn over marks and lines (CSS text-shadow, plotly's font.shadow).
# An axis cut: an upright dotted grey line (TimelineModel.cuts; its mark in the HTML key).
CUT_LINE = {"color": GREY, "width": 1.5, "dash": "dot"}
HALO = "0 0 2px white, 0 0 2px white, 0 0 2px white"
# Under a grouped timeline, the line that names those a claim is only about (they have no lane).
NOTE_PX = 24
# A timeline is at least this tall (px), even for one claim: on a narrow screen its keys wrap onto
# more lines, and plotly.js cannot draw an axis in a plot they squeeze to nothing ("Something went
# wrong with axis scaling": the figure stayed blank).
MIN_HEIGHT = 560


def _ms(values: pd.Series) -> np.ndarray:
    """Datetimes as float milliseconds since 1970: plotly reads numbers on a date axis that way, and
    float arrays travel to the browser as compact binary buffers."""
    return values.to_numpy(dtype="datetime64[ms]").astype("int64").astype("float64")


def _shorten(text: str, width: int) -> str:
    """At most ``width`` characters, cut at a space, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0] + "…"


def _split_pattern(pattern: str) -> tuple[str, str, str]:
    """``"{claims}, {month}: {actor}"`` -> the text between the fields: ``(", ", ": ", "")``."""
    rest = pattern.split("{claims}", 1)[1]
    before, rest = rest.split("{month}", 1)
    between, after = rest.split("{actor}", 1)
    return before, between, after


def _iso(ms: float) -> str:
    return pd.Timestamp(ms, unit="ms").strftime("%Y-%m-%d")


def _gaps(lo: np.ndarray, hi: np.ndarray) -> list[tuple[float, float]]:
    """Long stretches of time with no claim at all, to cut out of the axis (each cut is labelled).

    Without cuts, two claims from 2001 would squeeze the years 2021-2024, where most claims are,
    into a sliver of the width. A gap is cut when it is longer than two years and an eighth of the
    whole range; a month and a half is kept on each side of it.
    """
    if len(lo) == 0:
        return []
    order = np.argsort(lo, kind="stable")
    lo, hi = lo[order], np.maximum.accumulate(hi[order])
    whole = float(hi[-1] - lo[0])
    margin = 45 * DAY_MS  # short: the years before the busy ones take little width
    cuts = []
    for a, b in zip(hi[:-1], lo[1:], strict=True):
        if b - a > max(2 * YEAR_MS, whole / 8):
            cuts.append((float(a + margin), float(b - margin)))
    return cuts


def _greedy_rows(lo: np.ndarray, hi: np.ndarray) -> int:
    """Rows that intervals sorted by ``lo`` need so that none overlaps another on its row."""
    ends: list[float] = []
    for a, b in zip(lo, hi, strict=True):
        for r, end in enumerate(ends):
            if end < a:
                ends[r] = b
                break
        else:
            ends.append(b)
    return len(ends)


def _lane_name(name: str) -> str:
    """An actor's name, escaped and wrapped (``<br>``) so that the lane names take little width."""
    return wrap_name(name, NAME_WIDTH)


@dataclass(frozen=True)
class Placement:
    """Where marks go for one set of shown claims (see :meth:`TimelineModel.placement`).

    Attributes
    ----------
    y : numpy.ndarray
        The y of each claim's marker (meaningful for the shown ones).
    lane_base, lane_centre : numpy.ndarray
        The y of each lane's first sub-row and of its middle.
    lane_rows : numpy.ndarray
        Sub-rows of each lane (0 for a collapsed lane).
    lane_shown : numpy.ndarray of bool
        Lanes that have a mark or an arrow drawn to them: a shown claim of their actor, or a
        shown link (influence, contact) to them, when claims are drawn one by one.
    y_max : float
        The y of the lowest sub-row.
    link_y1, link_down : numpy.ndarray
        Where each link (:attr:`TimelineModel.link`) ends, and whether it points down.
    """

    y: np.ndarray
    lane_base: np.ndarray
    lane_rows: np.ndarray
    lane_centre: np.ndarray
    lane_shown: np.ndarray
    y_max: float
    link_y1: np.ndarray
    link_down: np.ndarray


def _ids(values: str | Iterable[str] | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return list(values)


class TimelineModel:
    """Everything the timeline needs, computed once from the claims.

    Parameters
    ----------
    data : Dataset
        Gives actor names and source outlets.
    claims : pandas.DataFrame, optional
        The claims to draw (default ``data.claims``); a filtered subset of it works.
    plot_px : int
        The narrowest plot area, in px, that marks are packed for (default :data:`PLOT_PX`):
        marks closer in time than a marker's width there go to different sub-rows.
    grouped : bool
        One mark per lane, month and status (see ``grouped`` below).
    key : {"plotly", "none"}
        ``"plotly"``: the figure carries its two keys as plotly legends (the static figures).
        ``"none"``: no legend and no legend traces; the view draws the keys itself, once, as
        HTML (:func:`explainer.figures.key.key_html`): plotly.js redraws its legends at every
        replot, the largest part of one (issue 17).

    Attributes
    ----------
    claims : pandas.DataFrame
        The claims, reindexed 0..n-1; every array below has one entry a claim, in this order.
    lanes : list of str
        Actor ids, top to bottom: most claims first, then earliest first.
    x, y : numpy.ndarray
        Where each claim's marker sits (x in ms since 1970 on a date axis, y in lane units).
    x0, x1 : numpy.ndarray
        The extent of each claim's date, in ms (``x0 == x1`` for an exact day).
    gl : bool
        Whether point traces use WebGL (more than :data:`GL_THRESHOLD` claims).
    grouped : bool
        Marks grouped by lane, month and status (one mark each, sized by its count), one row a
        lane: what more than :data:`DETAIL_LIMIT` shown claims get, and what ``grouped=True``
        asks for (an overview that fits a slide).
    """

    def __init__(
        self,
        data: Dataset,
        claims: pd.DataFrame | None = None,
        *,
        plot_px: int = PLOT_PX,
        grouped: bool = False,
        key: str = "plotly",
    ):
        if key not in KEY_MODES:
            raise ValueError(f"key must be one of {', '.join(KEY_MODES)}, not {key!r}")
        self.data = data
        self.legends = key == "plotly"
        self.grouped = bool(grouped)
        self.detail_limit = 0 if grouped else DETAIL_LIMIT
        self.plot_px = int(plot_px)
        # The width the figure is designed for (where its key goes); plot_px follows the width it
        # is drawn at (see fit_plot).
        self._design_px = self.plot_px
        # Lane names drawn inside the plot (a narrow figure): marks are kept out from under them.
        self.names_inside = False
        self._wrapped: dict[str, list[str]] = {}
        frame = data.claims if claims is None else claims
        self.claims = frame.reset_index(drop=True)
        c = self.claims
        self.n = n = len(c)
        self.ids = c["id"].to_numpy(dtype=object)
        self.index_of = {claim_id: i for i, claim_id in enumerate(self.ids)}
        self.gl = n > GL_THRESHOLD
        self.aggregate_possible = n > DETAIL_LIMIT or self.grouped
        # With many claims, one row a lane (marks are grouped anyway) and thinner lanes.
        self.max_rows = 1 if self.aggregate_possible else MAX_ROWS
        self.lane_gap = 0.25 if self.aggregate_possible else LANE_GAP
        self.row_px = 16 if self.aggregate_possible else ROW_PX
        # Grouped marks need no reading guide of bars and arrows (none is drawn): less below; nor
        # does a figure whose keys the view draws (the years and the axis note only).
        self.bottom_px = 72 if self.grouped else BOTTOM_PX if self.legends else BOTTOM_PX_KEYLESS
        self.status = c["status"].to_numpy(dtype=object)
        self.status_code = np.array(
            [STATUS_ORDER.index(s) for s in self.status], dtype=np.int8
        ).reshape(-1)
        self.kind = c["kind"].to_numpy(dtype=object)
        self._dates()
        self._lanes()
        self._dodge()
        self._links()
        self._place_all()
        if self.grouped and self.targets_without_lane():  # a line under the axis names them
            lines = max(len(self._no_lane_note(None, lang).split("<br>")) for lang in LANGS)
            self.bottom_px += NOTE_PX * lines
        self._hover: dict[str, np.ndarray] = {}
        self._of_status = [np.flatnonzero(self.status_code == k) for k in range(len(STATUS_ORDER))]
        self._hover_parts: dict[str, dict] = {}
        self._ticks: dict[tuple, dict[str, Any]] = {}
        self._column_cache: dict[str, np.ndarray] = {}
        if self.aggregate_possible:
            self._period_labels: dict[tuple[int, str], list[str]] = {}
            # Mark sizes are relative to the fullest month of the whole data.
            self._bin_max = int(np.bincount(self.lane * self.n_months + self.month).max())
        self._hover_guess: dict[str, np.ndarray] = {}

    # ------------------------------------------------------------------------------------------
    # Computed once (and again, for where marks go, when the plot's width changes: fit_plot)

    def _place_all(self) -> None:
        full = self.placement()  # every claim: what a static figure (and the Story) shows
        self.full = full
        self.lane_base, self.lane_rows, self.lane_centre = (
            full.lane_base,
            full.lane_rows,
            full.lane_centre,
        )
        self.y, self.y_max = full.y, full.y_max

    def fit_plot(self, plot_px: int | None, *, names_inside: bool = False) -> bool:
        """Pack the marks for a plot ``plot_px`` px wide (None: the width the model was made
        for), with the lane names inside it or not.

        Marks packed for a projector's 640 px plot overlapped on a phone's 340 (15 pairs), and
        lane names drawn inside a narrow plot covered its first marks. Packed again, marks set
        side by side take the narrower plot's marker widths, and marks under the names move to
        the lane's next rows. Only the packing changes: each claim keeps its date (a mark set
        beside a crowded date moves by a marker's width at most, as before).

        Parameters
        ----------
        plot_px : int or None
            The plot area's width in px, rounded down to 20 px (so that a resize by a few pixels
            changes nothing); never more than the model was made for.
        names_inside : bool
            Whether the lane names are drawn inside the plot (:meth:`narrow_layout`).

        Returns
        -------
        bool
            Whether the packing changed (then the figure's traces and :meth:`frame` must be
            sent again).
        """
        px = self._design_px if plot_px is None else int(plot_px) // 20 * 20
        px = max(min(px, self._design_px), 200)
        inside = bool(names_inside) and self.max_rows > 1
        if (px, inside) == (self.plot_px, self.names_inside):
            return False
        self.plot_px, self.names_inside = px, inside
        self.x0, self.x1, self.x, self.range = self._undodged
        self._set_pack_order()
        self._placements = {}
        self._dodge()
        self._place_all()
        return True

    def _dates(self) -> None:
        c = self.claims
        start, end = _ms(c["when_start"]), _ms(c["when_end"]) + DAY_MS  # end of the last day
        public_end = _ms(c["public_end"]) + DAY_MS
        open_start = c["when_open_start"].to_numpy(bool)
        open_end = c["when_open_end"].to_numpy(bool) & ~open_start
        public_open = c["public_open_end"].to_numpy(bool)
        finite = [*start[~open_start], *end[~open_end], *public_end[~public_open]]
        lo = min(finite) if finite else 0.0
        hi = max(finite) if finite else DAY_MS
        # "since 2022": runs to the day it became public (or the last date drawn, if that is open).
        end = np.where(
            open_end, np.where(public_open, hi, np.maximum(public_end, start + DAY_MS)), end
        )
        self.breaks = [] if self.gl else _gaps(start[~open_start], end[~open_start])
        self.visible = max(hi - lo - sum(b - a for a, b in self.breaks), DAY_MS)
        # "until 2021": the start is unknown; a short stub ending in ◀ stands for it (drawing it
        # back to the first date of the data would claim a duration that the source does not give).
        stub = max(self.visible * 0.03, 30 * DAY_MS)
        start = np.where(open_start, end - stub, start)
        self.point = (c["when_precision"].to_numpy(dtype=object) == "day") & ~open_start & ~open_end
        self.x0 = start
        self.x1 = np.where(self.point, start, end)
        # The marker: on the day; at the start of "since ..."; at the end of "until ..."; mid-span.
        self.x = np.where(
            self.point,
            start,
            np.where(open_end, start, np.where(open_start, end, (start + end) / 2)),
        )
        self.open_end = open_end
        self.open_start = open_start
        self.soft = c["when_approximate"].to_numpy(bool) | c["when_uncertain"].to_numpy(bool)
        self.range = (float(self.x0.min()), float(self.x1.max())) if self.n else (lo, hi)
        # Month of each marker, for grouping when there are too many marks to draw one by one.
        marker_month = pd.to_datetime(self.x, unit="ms")
        months = marker_month.year.to_numpy() * 12 + marker_month.month.to_numpy() - 1
        self.month0 = int(months.min()) if self.n else 0
        self.month = (months - self.month0).astype(np.int64)
        self.n_months = int(self.month.max()) + 1 if self.n else 1
        self._bin_max = 1

    def _lanes(self) -> None:
        c = self.claims
        actors = c["actor"].to_numpy(dtype=object)
        targets = c["target"].to_numpy(dtype=object)
        counts: dict[str, int] = {}
        first: dict[str, float] = {}
        for who, x in zip([*actors, *targets], [*self.x, *self.x], strict=True):
            if who:
                counts[who] = counts.get(who, 0) + 1
                first[who] = min(first.get(who, np.inf), x)
        # Most claims first (the story's protagonists on top), then who appears first, then id.
        self.lanes = sorted(counts, key=lambda a: (-counts[a], first[a], a))
        lane_of = {a: i for i, a in enumerate(self.lanes)}
        self.lane = np.array([lane_of[a] for a in actors], dtype=np.int64).reshape(-1)
        self.target_lane = np.array(
            [lane_of.get(a, -1) if a else -1 for a in targets], dtype=np.int64
        ).reshape(-1)
        # A lane is at least as tall as its name, wrapped, in the longer language: the lanes then
        # stay where they are when the language changes.
        self.lane_min_rows = np.array(
            [
                max(len(_lane_name(self.data.actor_name(a, lang)).split("<br>")) for lang in LANGS)
                for a in self.lanes
            ],
            dtype=np.int64,
        ).reshape(-1)
        self._set_pack_order()
        self._placements: dict[bytes, Placement] = {}

    def _dodge(self) -> None:
        """Set crowded marks side by side: in a lane, marks that would need more than
        :data:`LANE_ROWS` sub-rows at one date are moved sideways by whole marker widths (left,
        right, then further), so that the lane stays a few rows tall and no two marks overlap.

        Only marks whose own date is no wider than a marker move, and never into a cut of the axis;
        bars of long dates stay where they are. Done once, for every claim: dates (x) never depend
        on what is shown. :attr:`dodge_groups` keeps each moved group and its date, for the guide
        line drawn through it (:meth:`frame`).
        """
        self.dodge = np.zeros(self.n)
        self.dates_range = self.range  # the dates themselves, before any mark is moved
        self._undodged = (self.x0, self.x1, self.x, self.range)
        self.dodge_groups: list[tuple[float, np.ndarray]] = []
        self.dodge_reach = 0.0
        if self.aggregate_possible or not self.n:
            return
        px = self.visible / self.plot_px
        col = (MARKER_PX + 4.5) * px  # a marker's footprint (_footprint), and a hair more
        x0, x1, x = self.x0, self.x1, self.x
        # A date no wider than a marker: its bar is hidden under its marker.
        short = (np.maximum(x1, x) - x0) <= MARKER_PX * px
        shifts = [0.0]
        for k in range(1, DODGE_COLUMNS + 1):
            shifts += [-k * col, k * col]
        reach = (DODGE_COLUMNS + 1) * col
        order = self._pack_order
        lo_of, hi_of = self._footprint()
        for k in range(len(self.lanes)):
            members = order[self.lane[order] == k]
            lo_all, hi_all = lo_of[members], hi_of[members]
            long_rows = _greedy_rows(lo_all[~short[members]], hi_all[~short[members]])
            limit = max(LANE_ROWS, long_rows)
            placed: list[tuple[float, float]] = []
            for i, lo, hi in zip(members, lo_all, hi_all, strict=True):
                placed = [p for p in placed if p[1] > lo - reach]  # sorted by start: drop the past
                if not short[i]:
                    placed.append((lo, hi))
                    continue
                for shift in shifts:
                    a, b = lo + shift, hi + shift
                    if any(c0 < x1[i] + shift and x0[i] + shift < c1 for c0, c1 in self.breaks):
                        continue
                    if sum(1 for p in placed if p[0] < b and p[1] > a) < limit:
                        break
                else:  # no room within reach: a row more rather than an overlap
                    shift = 0.0
                self.dodge[i] = shift
                placed.append((lo + shift, hi + shift))
        moved = np.flatnonzero(self.dodge != 0)
        if not len(moved):
            return
        self.x0, self.x1, self.x = x0 + self.dodge, x1 + self.dodge, x + self.dodge
        self.dodge_reach = float(np.abs(self.dodge).max())
        self.range = (float(self.x0.min()), float(self.x1.max()))
        for lane, date in sorted({(int(self.lane[i]), float(x[i])) for i in moved}):
            group = np.flatnonzero((self.lane == lane) & (x == date) & short)
            self.dodge_groups.append((date, group))
        self._set_pack_order()

    def _set_pack_order(self) -> None:
        # Marks are packed into sub-rows in this order (lane, then where their drawing starts):
        # the same for any mask, so that marks keep their order when others are filtered out;
        # in order of start, first fit needs the fewest rows.
        lo, hi = self._footprint()
        self._pack_order = np.lexsort((np.arange(self.n), hi, lo, self.lane))

    def _footprint(self) -> tuple[np.ndarray, np.ndarray]:
        """Where each claim's drawing starts and ends (its bar and its marker), plus a gap of
        2 px, in ms at the plot width the marks are packed for: two marks on one row never come
        closer than that."""
        px = self.visible / self.plot_px
        half = MARKER_PX / 2 * px
        lo = np.minimum(self.x0, self.x - half) - 2 * px
        hi = np.maximum(self.x1, self.x + half) + 2 * px
        return lo, hi

    def placement(self, keep: np.ndarray | None = None) -> Placement:
        """Where the marks of the claims in ``keep`` go, lane by lane (default: every claim).

        A lane with no claim in ``keep`` (as its actor, or as the target of a drawn link)
        collapses: no lane is ever shown empty. The marks of each lane are packed into as few
        sub-rows as keep them from overlapping, at least ``plot_px`` pixels across: the timeline
        is as tall as what it shows. Dates (x) never depend on ``keep``, only rows (y). Kept for
        the last few masks.
        """
        keep = np.ones(self.n, dtype=bool) if keep is None else np.asarray(keep, dtype=bool)
        key = keep.tobytes()
        hit = self._placements.get(key)
        if hit is not None:
            return hit
        n_lanes = len(self.lanes)
        row = np.zeros(self.n, dtype=np.int64)
        rows_used = np.zeros(n_lanes, dtype=np.int64)
        shown = np.zeros(n_lanes, dtype=bool)
        kept = np.flatnonzero(keep)
        shown[self.lane[kept]] = True
        # A target gets a lane only where an arrow is drawn to it: a lane with nothing on it
        # (an actor who is only ever whom a stance is about, or any target once marks are grouped,
        # which draws no arrows) looked like a gap in the source; its name is in the hover.
        if not self.grouped_for(len(kept)):
            shown[self.target_lane[self.link[keep[self.link]]]] = True
        if self.max_rows > 1:
            self._pack(keep, row, rows_used, self._names_end() if self.names_inside else None)
        rows_used = np.where(shown, np.maximum(np.maximum(rows_used, 1), self.lane_min_rows), 0)
        base = np.zeros(n_lanes)
        top = 0.0
        for k in range(n_lanes):
            base[k] = top
            if shown[k]:
                top += (rows_used[k] - 1) * ROW_GAP + 1 + self.lane_gap
        y = base[self.lane] + row * ROW_GAP if self.n else np.zeros(0)
        last = np.flatnonzero(shown)
        y_max = float(base[last[-1]] + (rows_used[last[-1]] - 1) * ROW_GAP) if len(last) else 0.0
        tl = self.target_lane[self.link]
        below = base[tl] > y[self.link]  # larger y is lower: the y axis is reversed
        link_y1 = np.where(
            below, base[tl] - 0.45, base[tl] + (np.maximum(rows_used[tl], 1) - 1) * ROW_GAP + 0.45
        )
        out = Placement(
            y=y,
            lane_base=base,
            lane_rows=rows_used,
            lane_centre=base + (np.maximum(rows_used, 1) - 1) * ROW_GAP / 2,
            lane_shown=shown,
            y_max=y_max,
            link_y1=link_y1,
            link_down=below,
        )
        if len(self._placements) > 64:
            self._placements.clear()
        self._placements[key] = out
        return out

    def grouped_for(self, n_shown: int) -> bool:
        """Whether ``n_shown`` claims are drawn grouped (one mark per lane, month and status,
        no arrows) rather than one mark each."""
        return self.aggregate_possible and n_shown > self.detail_limit

    def targets_without_lane(self, place: np.ndarray | None = None) -> list[str]:
        """Actors a shown claim is about who have no lane (see :meth:`placement`), in lane order.

        Parameters
        ----------
        place : numpy.ndarray of bool, optional
            The claims the lanes are laid out for (default: every claim).

        Returns
        -------
        list of str
            Actor ids.
        """
        keep = np.ones(self.n, dtype=bool) if place is None else np.asarray(place, dtype=bool)
        pl = self.full if place is None else self.placement(place)
        named = np.zeros(len(self.lanes), dtype=bool)
        targets = self.target_lane[keep]
        named[targets[targets >= 0]] = True
        return [self.lanes[k] for k in np.flatnonzero(named & ~pl.lane_shown)]

    def _pack(
        self,
        keep: np.ndarray,
        row: np.ndarray,
        rows_used: np.ndarray,
        names_end: float | None = None,
    ) -> None:
        """Give each kept claim the first sub-row of its lane where it overlaps nothing; with
        ``names_end`` (ms), a lane's name inside the plot, on its first rows up to that date,
        counts as something to overlap."""
        foot_lo, foot_hi = self._footprint()
        lane = self.lane
        last_end: list[float] = []
        current = -1
        for i in self._pack_order[keep[self._pack_order]]:
            if lane[i] != current:
                current = lane[i]
                last_end = [] if names_end is None else [names_end] * self.lane_min_rows[current]
            lo, hi = foot_lo[i], foot_hi[i]
            for r, end in enumerate(last_end):
                if end < lo:
                    last_end[r] = hi
                    row[i] = r
                    break
            else:
                if len(last_end) < self.max_rows:
                    row[i] = len(last_end)
                    last_end.append(hi)
                else:  # too many at once: reuse the row that frees up first
                    r = int(np.argmin(last_end))
                    last_end[r] = max(last_end[r], hi)
                    row[i] = r
            rows_used[current] = max(rows_used[current], len(last_end))

    def _names_end(self) -> float:
        """The date (ms) where lane names drawn inside the plot end, with a few px to spare: the
        plot's left edge plus the names' width (:meth:`_names_inside_px`), counted in visible time
        (the axis's cuts take no width), for the whole date range."""
        lo, hi = self.x_range()
        reach = (self._names_inside_px() + 6) * self._visible_between(lo, hi) / self.plot_px
        at = lo
        for a, b in sorted(self.breaks):
            if b <= at:
                continue
            if at + reach <= a:
                break
            reach -= max(a - at, 0.0)
            at = b
        return at + reach

    def _links(self) -> None:
        c = self.claims
        tl = self.target_lane
        is_link = np.isin(self.kind, LINK_KINDS) & (tl >= 0) & (tl != self.lane)
        self.link = np.flatnonzero(is_link)
        # Denials: joined to the claim they answer, when it is drawn too.
        answers = [self.index_of.get(r, -1) if r else -1 for r in c["responds_to"]]
        answered = np.array(answers, dtype=np.int64).reshape(-1)
        self.denial = np.flatnonzero(answered >= 0)
        self.answered = answered[self.denial]

    def hover(self, lang: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Hover texts (escaped) of the claims at ``rows`` (default all), in ``lang``.

        Built when first needed and kept: with many claims, only those ever drawn one by one
        (never more than :data:`DETAIL_LIMIT` at a time) get a text.
        """
        return self._texts(lang, rows, guess=False)

    def hover_guess(self, lang: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Hover texts without the status, for "predict, then reveal"."""
        return self._texts(lang, rows, guess=True)

    def _texts(self, lang: str, rows: np.ndarray | None, *, guess: bool) -> np.ndarray:
        if lang not in self._hover:
            self._hover[lang] = np.full(self.n, None, dtype=object)
            self._hover_guess[lang] = np.full(self.n, None, dtype=object)
        store = self._hover_guess[lang] if guess else self._hover[lang]
        rows = np.arange(self.n) if rows is None else np.asarray(rows, dtype=np.int64).reshape(-1)
        missing = rows[store[rows] == None]  # noqa: E711  (element-wise on an object array)
        if len(missing):
            full, partial = self._build_hover(lang, np.unique(missing))
            self._hover[lang][np.unique(missing)] = full
            self._hover_guess[lang][np.unique(missing)] = partial
        return store[rows]

    def _columns(self) -> dict[str, np.ndarray]:
        if not self._column_cache:
            names = ["actor", "target", "source", "paragraph", "layer", "status", "responds_to"]
            names += [f"{p}_label_{lang}" for p in ("when", "public") for lang in LANGS]
            names += [f"summary_{lang}" for lang in LANGS]
            self._column_cache = {k: self.claims[k].to_numpy(dtype=object) for k in names}
        return self._column_cache

    def _build_hover(self, lang: str, rows: np.ndarray) -> tuple[list[str], list[str]]:
        col = self._columns()
        data = self.data
        if lang not in self._hover_parts:
            who = {*col["actor"], *col["target"]} - {""}
            known = dict(zip(data.sources.index, data.sources["outlet"].astype(str), strict=True))
            outlets = {src: known.get(src, src) for src in set(col["source"])}
            self._hover_parts[lang] = {
                "names": {a: html.escape(isolate(data.actor_name(a, lang))) for a in who},
                "outlets": {k: html.escape(isolate(v)) for k, v in outlets.items()},
                "status": {
                    st: t(
                        "colon",
                        lang,
                        label=f"<i>{html.escape(status_words(st, lang))}</i>",
                        text=html.escape(status_words(st, lang, long=True)),
                    )
                    for st in STATUS_ORDER
                },
                "context": html.escape(t("hover.context", lang)),
                "guess": html.escape(t("hover.guess", lang)),
            }
        parts = self._hover_parts[lang]
        names, summaries = parts["names"], col[f"summary_{lang}"]
        full, guess = [], []
        for i in rows:
            whom = names[col["target"][i]] if col["target"][i] else ""
            head = f"<b>{html.escape(col[f'when_label_{lang}'][i])}</b> · "
            head += who_whom(names[col["actor"][i]], whom)
            source = source_paragraph(parts["outlets"][col["source"][i]], col["paragraph"][i], lang)
            tail = [
                t("hover.source", lang, source=source),
                t("hover.public", lang, date=html.escape(col[f"public_label_{lang}"][i])),
            ]
            if col["layer"][i] == "context":
                tail.append(parts["context"])
            answered = self.index_of.get(col["responds_to"][i]) if col["responds_to"][i] else None
            if answered is not None:
                short = _shorten(summaries[answered] or str(self.ids[answered]), 70)
                tail.insert(0, html.escape(t("hover.answers", lang, summary=isolate(short))))
            body = wrap_text(summaries[i] or str(self.ids[i]))
            full.append("<br>".join([head, body, parts["status"][col["status"][i]], *tail]))
            guess.append("<br>".join([head, body, parts["guess"], *tail]))
        return full, guess

    # ------------------------------------------------------------------------------------------
    # Traces: their fixed part (style, names) and their data for a given mask

    def trace_uids(self) -> list[str]:
        """Every trace uid, in drawing order (bottom first); see :mod:`explainer.figures.traces`."""
        uids = []
        for kind in _DRAWING_ORDER:
            if kind == "bins" and not self.aggregate_possible:
                continue
            if kind in ("status", "legend") and not self.legends:  # the legends' own traces
                continue
            if kind in _BY_STATUS:
                uids += [trace_uid("timeline", kind, status=s) for s in STATUS_ORDER]
            elif kind == "legend":
                uids += [trace_uid("timeline", kind, key=k) for k in LEGEND_KEYS]
            else:
                uids.append(trace_uid("timeline", kind))
        return uids

    def trace_style(self, uid: str, lang: str) -> dict[str, Any]:
        """The fixed part of trace ``uid``: type, name, legend, marker and line style.

        Built from the tables :data:`TIMELINE_TRACES` (what each kind of trace always is),
        :data:`LEGEND_TRACES` (the key to how dates are drawn) and, for a trace of one status,
        that status's style (:data:`~explainer.figures.style.STATUS_STYLES`).
        """
        ref = parse_uid(uid)
        if ref is None or ref.kind.figure != "timeline":
            raise ValueError(f"{uid!r} is not a timeline trace")
        kind = ref.kind.name
        spec: dict[str, Any] = {
            "uid": uid,
            "type": "scattergl" if self.gl else "scatter",
            "showlegend": False,
        }
        spec.update(copy.deepcopy(TIMELINE_TRACES[kind]))
        if ref.status is not None:
            spec["legendgroup"] = ref.status
            spec.update(_BY_STATUS[kind](ref.status, lang))
            if kind == "status" and self.key_beside:  # wrapped to stand beside the plot
                spec["name"] = self.key_name(ref.status, lang)
        if ref.key is not None:
            spec.update(copy.deepcopy(LEGEND_TRACES[ref.key]), name=t(f"legend.{ref.key}", lang))
        if kind == "denials" and not self.gl:  # arrow heads exist in SVG only
            spec["marker"].update(symbol="arrow", angleref="previous")
        return spec

    def trace_data(
        self,
        mask: np.ndarray | None = None,
        *,
        lang: str = "en",
        highlight: Iterable[int] = (),
        conceal: int | None = None,
        stable: bool = False,
        place: np.ndarray | None = None,
    ) -> dict[str, dict[str, Any]]:
        """The data of every trace for the claims in ``mask``: ``{uid: {property: value}}``.

        Parameters
        ----------
        mask : numpy.ndarray of bool, optional
            Which claims to show (default: all).
        lang : str
            Language of the hover text.
        highlight : iterable of int
            Claim positions to circle.
        conceal : int, optional
            A claim whose status is hidden ("predict, then reveal"): its own marks are left out and
            its circle shows "?" instead.
        stable : bool
            For widgets: point traces keep every claim, in the same order, and a left-out claim
            gets ``x = NaN`` (not drawn, not hoverable). Then only ``x`` changes from one mask to
            the next, and the hover texts, the longest part, are sent once. Ignored when there are
            too many claims to draw one by one (they are grouped instead). By default, traces hold
            only the claims shown (what :mod:`explainer.export` relies on).
        place : numpy.ndarray of bool, optional
            Lay the lanes out for these claims (:meth:`placement`): lanes without any collapse and
            the timeline gets shorter. Default: every claim, so that marks never move (what the
            offline page and the Story rely on). Only rows (y) change with it, never dates (x).
        """
        pl = self.full if place is None else self.placement(place)
        keep = np.ones(self.n, dtype=bool) if mask is None else np.asarray(mask, dtype=bool).copy()
        if conceal is not None:
            keep[conceal] = False
        shown = np.flatnonzero(keep)
        out: dict[str, dict[str, Any]] = {}
        uid = functools.partial(trace_uid, "timeline")
        aggregate = self.grouped_for(len(shown))
        period = self._choose_period(shown) if aggregate else 1
        empty = np.zeros(0, dtype="float64")

        for code, status in enumerate(STATUS_ORDER):
            of_status = shown[self.status_code[shown] == code]
            # Points
            pts = of_status if not aggregate else of_status[:0]
            x = self.x[pts]
            if stable and not self.aggregate_possible:
                pts = self._of_status[code]  # every claim of this status; the hidden at NaN
                x = np.where(keep[pts], self.x[pts], np.nan)
            out[uid("points", status=status)] = {
                "x": x,
                "y": pl.y[pts],
                "customdata": pts.astype(np.int32),
                "hovertext": self.hover(lang, pts).tolist(),
                "marker.opacity": np.where(
                    self.soft[pts], 0.45, STATUS_STYLES[status].opacity
                ).astype("float64"),
            }
            if self.aggregate_possible:
                members = of_status if aggregate else of_status[:0]
                out[uid("bins", status=status)] = self._bins(members, period, lang, pl)
            # Spans, firm and soft
            spans = of_status[~self.point[of_status]] if not aggregate else of_status[:0]
            for kind, sel in (("spans", ~self.soft[spans]), ("spans-soft", self.soft[spans])):
                s = spans[sel]
                out[uid(kind, status=status)] = {
                    "x": segments(self.x0[s], self.x1[s]),
                    "y": segments(pl.y[s], pl.y[s]),
                }
            # Links
            links = self.link[keep[self.link] & (self.status_code[self.link] == code)]
            if aggregate:
                links = links[:0]
            pos = np.searchsorted(self.link, links)
            down = pl.link_down[pos]
            n_links = len(links)
            out[uid("links", status=status)] = {
                "x": segments(self.x[links], self.x[links]),
                "y": segments(pl.y[links], pl.link_y1[pos]),
                "marker.size": np.tile(np.array([0.0, 9.0, 0.0]), n_links),
                "marker.symbol": [
                    s
                    for d in down
                    for s in ("circle", "triangle-down" if d else "triangle-up", "circle")
                ],
            }

        # The white inside of hedged bars, and the ▷ at the end of "since ..." bars.
        spans = shown[~self.point[shown] & ~self.soft[shown]] if not aggregate else shown[:0]
        hollow = spans[~np.array([STATUS_STYLES[s].filled for s in self.status[spans]], bool)]
        hollow = hollow[self.x1[hollow] - self.x0[hollow] > 0]
        out[uid("spans-hollow")] = {
            "x": segments(self.x0[hollow], self.x1[hollow]),
            "y": segments(pl.y[hollow], pl.y[hollow]),
        }
        # ▶ at the end of "since ..." (drawn to the day it became public), ◀ at the start of
        # "until ..." (whose start is unknown).
        ends = shown[self.open_end[shown] | self.open_start[shown]] if not aggregate else shown[:0]
        out[uid("open-ends")] = {
            "x": np.where(self.open_end[ends], self.x1[ends], self.x0[ends]),
            "y": pl.y[ends],
            "marker.symbol": [
                "triangle-right" if e else "triangle-left" for e in self.open_end[ends]
            ],
            "marker.color": [STATUS_STYLES[s].colour for s in self.status[ends]],
            "marker.opacity": np.where(self.soft[ends], 0.45, 1.0).astype("float64"),
        }

        # Denials and what they answer, when both are shown.
        both = keep[self.denial] & keep[self.answered] if not aggregate else self.denial[:0] > 0
        d, a = self.denial[both], self.answered[both]
        out[uid("denials")] = {
            "x": segments(self.x[d], self.x[a]),
            "y": segments(pl.y[d], pl.y[a]),
            "marker.size": np.tile(np.array([0.0, 11.0, 0.0]), len(d)),
        }

        # The claims in focus.
        focus = np.array(sorted(set(highlight)), dtype=np.int64)
        hidden = focus == conceal if conceal is not None else np.zeros(len(focus), bool)
        spans = focus[~self.point[focus]]
        out[uid("highlight-span")] = {
            "x": segments(self.x0[spans], self.x1[spans]),
            "y": segments(pl.y[spans], pl.y[spans]),
        }
        texts = (
            np.where(hidden, self.hover_guess(lang, focus), self.hover(lang, focus))
            if len(focus)
            else []
        )
        out[uid("highlight")] = {
            "x": self.x[focus] if len(focus) else empty,
            "y": pl.y[focus] if len(focus) else empty,
            "customdata": focus.astype(np.int32),
            "text": ["?" if h else "" for h in hidden],
            "hovertext": list(texts),
        }
        return out

    def _choose_period(self, shown: np.ndarray) -> int:
        """Months per group: the finest of a month, a quarter, a year or five years that gives at
        most :data:`BIN_LIMIT` marks for the claims shown (each mark has a hover text to send)."""
        absolute = self.month[shown] + self.month0  # months since year 0: quarters and years align
        n_status = len(STATUS_ORDER)
        for months in (1, 3, 12):
            period = absolute // months
            period -= period.min()
            n_periods = int(period.max()) + 1
            key = (self.lane[shown] * n_periods + period) * n_status + self.status_code[shown]
            if np.count_nonzero(np.bincount(key)) <= BIN_LIMIT:
                return months
        return 60

    def _period_label(self, months: int, p: int, lang: str) -> str:
        """The label of absolute period ``p`` (in units of ``months`` months)."""
        names = t("dates.month_names", lang).split()
        a = p * months
        b = a + months - 1
        if months == 1:
            return f"{names[a % 12]} {a // 12}"
        if months == 3:
            return f"{names[a % 12]}–{names[b % 12]} {a // 12}"
        if months == 12:
            return str(a // 12)
        return f"{a // 12}–{b // 12}"

    def _bins(self, members: np.ndarray, months: int, lang: str, pl: Placement) -> dict[str, Any]:
        """Claims of one status grouped by lane and period of ``months`` months: one mark each,
        sized by the count."""
        if len(members) == 0:
            return {"x": np.zeros(0), "y": np.zeros(0), "marker.size": np.zeros(0), "hovertext": []}
        absolute = self.month[members] + self.month0  # months since year 0
        period = absolute // months
        first = int(period.min())
        n_periods = int(period.max()) - first + 1
        key = self.lane[members] * n_periods + (period - first)
        counts = np.bincount(key, minlength=len(self.lanes) * n_periods)
        nz = np.flatnonzero(counts)
        lane, p = nz // n_periods, nz % n_periods + first
        epoch = np.datetime64("1970-01", "M")
        since = (p * months - 1970 * 12).astype("timedelta64[M]")  # months since January 1970
        lo = (epoch + since).astype("datetime64[ms]").astype("float64")
        hi = (epoch + since + months).astype("datetime64[ms]").astype("float64")
        status = self.status[members[0]]
        offset = (STATUS_ORDER.index(status) - 2) * 0.15
        pattern = CATALOGUE["hover.bin"].get(lang) or CATALOGUE["hover.bin"]["en"]
        word = html.escape(status_words(status, lang))
        names = self._lane_names(lang)
        # One string a mark: the pieces are made once (a count, a period, a name), then joined.
        k_list, p_list = counts[nz].tolist(), p.tolist()
        how_many = {k: f"{tn('n_claims', k, lang)} ({word})" for k in set(k_list)}
        labels = {q: self._period_label(months, q, lang) for q in set(p_list)}
        before, between, after = _split_pattern(pattern)
        who = [names[ln] for ln in lane.tolist()]
        if self.grouped:  # and whom: those without a lane are named where their claims are
            who = self._bin_whom(members, key, nz, who, names)
        hovertext = [
            f"{how_many[k]}{before}{labels[q]}{between}{w}{after}"
            for k, q, w in zip(k_list, p_list, who, strict=True)
        ]
        # Area grows with the count per month, relative to the fullest month of the whole data
        # (so that sizes keep their meaning when a filter changes).
        per_month = counts[nz] / months
        return {
            "x": (lo + hi) / 2,
            "y": pl.lane_centre[lane] + offset,
            "marker.size": (5 + 24 * np.sqrt(np.minimum(per_month / self._bin_max, 1))).astype(
                "float64"
            ),
            "hovertext": hovertext,
        }

    def _bin_whom(
        self,
        members: np.ndarray,
        key: np.ndarray,
        nz: np.ndarray,
        who: list[str],
        names: list[str],
    ) -> list[str]:
        """``who`` (one name a grouped mark, for the non-empty keys ``nz``) as "who → whom, ...":
        the targets of the claims in each mark, in lane order."""
        target = self.target_lane[members]
        has = target >= 0
        n_lanes = len(self.lanes)
        pairs = np.unique(key[has] * n_lanes + target[has])
        whom: dict[int, list[str]] = {}
        for k, ln in zip((pairs // n_lanes).tolist(), (pairs % n_lanes).tolist(), strict=True):
            whom.setdefault(k, []).append(names[ln])
        return [
            who_whom(w, ", ".join(whom.get(k, []))) for w, k in zip(who, nz.tolist(), strict=True)
        ]

    def _lane_names(self, lang: str) -> list[str]:
        key = ("lanes", lang)
        if key not in self._period_labels:
            self._period_labels[key] = [
                html.escape(isolate(self.data.actor_name(a, lang))) for a in self.lanes
            ]
        return self._period_labels[key]

    # ------------------------------------------------------------------------------------------
    # Layout

    def layout(
        self,
        lang: str,
        *,
        window: tuple[float, float] | None = None,
        place: np.ndarray | None = None,
        known_on: float | None = None,
        max_height: int | None = None,
    ) -> dict[str, Any]:
        """The layout in ``lang``; ``window`` (ms, ms) sets the visible date range.

        ``place``, ``known_on`` and ``max_height``: as for :meth:`frame`, whose values it holds.
        With legends (``key="plotly"``), the status key is beside the plot, unless the model is
        packed for a plot narrower than :data:`PLOT_PX` (then above it). Without, there is no
        legend, and ``layout["meta"]["narrow"]`` holds the changes for a front end to apply when
        the figure is drawn narrow (see :meth:`narrow_layout`).
        """
        beside = self.key_beside
        above = self.key_above
        x_title = wrap_label(t("timeline.xaxis", lang), 44)  # two lines, even on a phone
        cut_labels = self.cuts(lang)[1]
        top_axis = {
            "type": "date",
            "overlaying": "x",
            "matches": "x",
            "side": "top",
            "anchor": "y",
            "showgrid": False,
            "zeroline": False,
            "showline": True,
            "linecolor": GREY,
            "ticks": "outside",
            "automargin": True,
            "rangebreaks": [{"bounds": [_iso(a), _iso(b)]} for a, b in self.breaks],
            "tickfont": {"size": TEXT_PX},
        }
        layout: dict[str, Any] = {
            "title": {
                "text": t("timeline.title", lang),
                "x": 0.01,
                "xanchor": "left",
                "yref": "container",
                "yanchor": "top",
                "font": {"size": TEXT_PX + 3},
            },
            "font": {"family": FONT, "size": TEXT_PX, "color": "#222222"},
            # Room for the widest lane name in either language, fixed: were it measured (plotly's
            # automargin), the plot would shift sideways whenever lanes collapse or scroll.
            "margin": {
                "l": self._names_px(),
                "r": self._key_px() if beside else 16,
                "t": TOP_PX_KEY_ABOVE if above else TOP_PX,
                "b": self.bottom_px,
                # Margins as given, never grown by plotly: grown, they took the plot's height, and
                # rows of marks 18 px apart came closer than a marker (issue 11).
                "autoexpand": above,
            },
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "xaxis": {
                "type": "date",
                # Wrapped: an axis title does not wrap by itself and ran off a narrow figure.
                # With fixed margins (beside), plotly drew the axis title over the years: it is
                # then a note under them instead (the last annotation).
                "title": {
                    "text": x_title if above else "",
                    "font": {"size": TEXT_PX},
                },
                "showgrid": True,
                "gridcolor": LIGHT_GREY,
                "zeroline": False,
                "showline": True,
                "linecolor": GREY,
                "ticks": "outside",
                "automargin": True,
                "rangebreaks": [{"bounds": [_iso(a), _iso(b)]} for a, b in self.breaks],
                "tickfont": {"size": TEXT_PX},
            },
            # The years again above the plot: the timeline can be taller than a screen.
            "xaxis2": top_axis,
            "yaxis": {
                "type": "linear",
                "tickmode": "array",
                "showgrid": False,
                "zeroline": False,
                "fixedrange": True,
                "automargin": False,
                "ticks": "",
                "tickfont": {"size": TEXT_PX},
            },
            # The status key beside the plot, at its top, where the busiest lanes are: seen with
            # the marks and the years (issue 11); above the plot for a narrow one.
            "legend": {
                **(self._key_beside() if beside else self._key_under_title()),
                "title": {"text": f"<b>{t('legend.status', lang)}</b>", "side": "top"},
                "groupclick": "togglegroup",
                "font": {"size": TEXT_PX},
            },
            # A title beside a horizontal key takes the width its entries need to wrap: on a
            # phone the entries ran off the right edge. Above them, it does not.
            "legend2": {
                "orientation": "h",
                "title": {"text": f"<b>{t('legend.read', lang)}</b>", "side": "top"},
                "x": 0,
                "xref": "container",
                "yref": "container",
                "yanchor": "bottom",
                "font": {"size": TEXT_PX},
            },
            "hovermode": "closest",
            "hoverlabel": {
                "bgcolor": "white",
                "font": {"family": FONT, "size": TEXT_PX},
                "align": "left",
            },
            "annotations": [
                {
                    "name": "empty",
                    "text": "",
                    "visible": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 1,  # at the top: the timeline can be taller than the screen
                    "yanchor": "top",
                    "showarrow": False,
                    "font": {"size": 16, "color": "#222222"},
                    "bgcolor": "#fff8dc",
                    "bordercolor": GREY,
                    "borderpad": 8,
                },
                {
                    "name": "known",
                    "text": "",
                    "visible": False,
                    "xref": "x",
                    "yref": "paper",
                    "x": 0,
                    "y": 0,
                    "xanchor": "right",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": TEXT_PX, "color": KNOWN_COLOUR},
                    "bgcolor": "rgba(255,255,255,0.85)",
                },
                *cut_labels,
                *(
                    [
                        {
                            "name": "xtitle",
                            "text": x_title,
                            "xref": "paper",
                            "yref": "paper",
                            "x": 0.5,
                            "y": 0,
                            "yshift": -30,  # under the years
                            "yanchor": "top",
                            "showarrow": False,
                            "font": {"size": TEXT_PX},
                        }
                    ]
                    if not above
                    else []
                ),
            ],
            "uirevision": "timeline",
            "template": "none",
            "meta": {"narrow": self.narrow_layout(), "wide": self.wide_layout()},
        }
        if self.grouped:  # the size of a mark is what to read, said under the axis
            bins = t("legend.bins", lang)
            x_title = wrap_label(bins[:1].upper() + bins[1:], 44)
            layout["xaxis"]["title"]["text"] = x_title if above else ""
            if not above:
                layout["annotations"][-1]["text"] = x_title
            if self.legends:
                layout["legend2"]["visible"] = False
            layout["annotations"].append(
                {
                    "name": "no-lane",
                    "text": "",
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0,
                    "yshift": -30 - NOTE_PX,  # under the note on mark sizes
                    "yanchor": "top",
                    "showarrow": False,
                    "font": {"size": TEXT_PX},
                }
            )
        if not self.legends:  # the view draws the keys (figures/key.py)
            del layout["legend"], layout["legend2"]
            layout["showlegend"] = False
        changing = self.frame(
            lang, window=window, place=place, known_on=known_on, max_height=max_height
        )
        for path, value in changing.items():
            set_path(layout, path, value)
        return layout

    def frame(
        self,
        lang: str,
        *,
        window: tuple[float, float] | None = None,
        place: np.ndarray | None = None,
        known_on: float | None = None,
        max_height: int | None = None,
    ) -> dict[str, Any]:
        """The layout values that change with what is shown, as ``{property path: value}``.

        Parameters
        ----------
        lang : str
            Language of the dates on the axes.
        window : (float, float), optional
            The date range to show, in ms (default: every date).
        place : numpy.ndarray of bool, optional
            The claims the lanes are laid out for (:meth:`placement`; default all): it sets the
            lanes shown and the height.
        known_on : float, optional
            The "Known by" date, in ms: drawn as a line (:meth:`known_line`).
        max_height : int, optional
            At most this tall, in px (the Story's timeline, which then scrolls its lanes);
            default: as tall as the lanes shown need.

        Returns
        -------
        dict
            Paths such as ``"height"`` and ``"yaxis.tickvals"``; the axis types are restated, so
            that an update never lets plotly.js guess them again.
        """
        pl = self.full if place is None else self.placement(place)
        x_range = list(self.x_range(window))
        ticks = self.ticks(tuple(x_range), lang)
        lanes = np.flatnonzero(pl.lane_shown)
        gap = self.lane_gap / 2
        # The grey bands behind every other lane as ONE path shape, a subpath a band: plotly.js
        # draws (and on each update re-draws) every shape on its own, and 8 rects cost more than
        # one path of 8 rectangles that looks the same.
        spans = [
            (
                float(pl.lane_base[k] - 0.5 - gap),
                float(pl.lane_base[k] + (pl.lane_rows[k] - 1) * ROW_GAP + 0.5 + gap),
            )
            for k in lanes[::2]
        ]
        bands = (
            [
                {
                    "type": "path",
                    "name": "lane-bands",
                    "xref": "paper",
                    "yref": "y",
                    "path": "".join(f"M0,{y0}L1,{y0}L1,{y1}L0,{y1}Z" for y0, y1 in spans),
                    "fillcolor": "#f2f2f2",
                    "line": {"width": 0},
                    "layer": "below",
                }
            ]
            if spans
            else []
        )
        rows = pl.y_max + 1 + self.lane_gap + 0.4 if len(lanes) else 3.0
        top = TOP_PX_KEY_ABOVE if self.key_above else TOP_PX
        height = max(int(top + self.bottom_px + self.row_px * max(rows, 3.0)), MIN_HEIGHT)
        if max_height is not None:
            height = min(height, int(max_height))
        known_shapes, known_label = self.known_line(known_on, lang)
        names = self._wrapped_names(lang)
        note = {}
        if self.grouped:
            note[f"annotations[{self._x_title_index + int(not self.key_above)}].text"] = (
                self._no_lane_note(place, lang)
            )
        return {
            **note,
            "height": height,
            # Below plotly's toolbar (its row of buttons, top right, would cover the title).
            "title.y": 1 - 34 / height,
            **({"legend.y": 1 - 62 / height} if self.key_above else {}),
            **({"legend2.y": 4 / height} if self.legends else {}),
            "xaxis.type": "date",
            "xaxis.range": x_range,
            "xaxis.tickvals": ticks["tickvals"],
            "xaxis.ticktext": ticks["ticktext"],
            "xaxis2.type": "date",
            "xaxis2.range": x_range,  # matched to x; stated, so that restating its type is safe
            "xaxis2.tickmode": "array",
            "xaxis2.tickvals": ticks["tickvals"],
            "xaxis2.ticktext": ticks["ticktext"],
            "yaxis.type": "linear",
            # Half a row and a bit more above the first row and below the last: no mark is cut.
            "yaxis.range": [pl.y_max + 0.7 + gap, -0.7 - gap],
            # Each name beside its lane's first rows, not its middle: a tall lane's name is then
            # seen with the lane's top, where the marks start.
            "yaxis.tickvals": [
                float(pl.lane_base[k] + (self.lane_min_rows[k] - 1) * ROW_GAP / 2) for k in lanes
            ],
            "yaxis.ticktext": [names[k] for k in lanes],
            "shapes": bands + self._dodge_guides(pl, place) + self.cuts(lang)[0] + known_shapes,
            "annotations[1].text": known_label.get("text", ""),
            "annotations[1].x": known_label.get("x", 0.0),
            "annotations[1].visible": bool(known_label),
        }

    def _no_lane_note(self, place: np.ndarray | None, lang: str) -> str:
        """The line under a grouped timeline that names those its claims are about but who have
        no lane (grouped marks draw no arrows): without it, they would vanish from the picture."""
        others = self.targets_without_lane(place)
        if not others:
            return ""
        names = ", ".join(isolate(self.data.actor_name(a, lang)) for a in others)
        return wrap_label(t("timeline.no_lane", lang, names=names), 110)

    def _dodge_guides(self, pl: Placement, place: np.ndarray | None) -> list[dict[str, Any]]:
        """A thin line at the date of each group of marks set side by side (:meth:`_dodge`),
        through the rows they are on: the marks around it all have that date."""
        shapes = []
        for date, group in self.dodge_groups:
            members = group if place is None else group[np.asarray(place, bool)[group]]
            if len(members) < 2 or not (self.dodge[members] != 0).any():
                continue
            ys = pl.y[members]
            shapes.append(
                {
                    "type": "line",
                    "name": "same-date",
                    "xref": "x",
                    "yref": "y",
                    "x0": date,
                    "x1": date,
                    "y0": float(ys.min() - 0.5),
                    "y1": float(ys.max() + 0.5),
                    "line": {"color": GREY, "width": 1.2, "dash": "dot"},
                    "layer": "below",
                }
            )
        return shapes

    @property
    def key_beside(self) -> bool:
        """Whether the status key is a legend beside the plot (a model packed for a wide enough
        plot)."""
        return self.legends and self._design_px >= PLOT_PX

    @property
    def key_above(self) -> bool:
        """Whether the status key is a legend above the plot (a model packed for a narrow plot:
        the Story's). Then plotly sets the margins; otherwise they are fixed."""
        return self.legends and self._design_px < PLOT_PX

    def _key_beside(self) -> dict[str, Any]:
        return {
            "orientation": "v",
            "xref": "paper",
            "x": 1.0,
            "xanchor": "left",
            "yref": "paper",
            "y": 1.0,
            "yanchor": "top",
        }

    def _key_under_title(self) -> dict[str, Any]:
        # Under the title, across, a fixed distance from the top (:meth:`frame` sets its y).
        return {
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "yanchor": "top",
        }

    def narrow_layout(self) -> dict[str, Any]:
        """Layout changes for a figure drawn narrow (a phone; the Explorer beside its card at
        1024 px): the lane names go inside the plot (beside it, they took 151 of a phone's 364
        px). As ``{property path: value}``, for ``Plotly.relayout``; none of these paths is ever
        changed by :meth:`frame`.

        Only for a figure without legends (``key="none"``): the views that fit a figure to its
        width (the Explorer, the offline page) draw its keys as HTML, under the plot when narrow.
        Empty for a figure with plotly legends (the static figures, drawn at their own size)."""
        if self.legends:
            return {}
        return {
            "title.font.size": TEXT_PX,  # the title in one line on a phone
            # The axis note from the figure's left edge, not centred on a plot narrower than it.
            f"annotations[{self._x_title_index}].x": 0,
            f"annotations[{self._x_title_index}].xanchor": "left",
            f"annotations[{self._x_title_index}].xshift": 10 - NARROW_LEFT_PX,
            # Lane names moved into the plot, over its first years (few marks), right-aligned as
            # beside it, haloed so that they read over the lines and marks they cross (14 px).
            # Not plotly's "inside" tick labels: those hide every year and grid line under the
            # names, and 2002 went from the axis.
            "yaxis.ticklabelstandoff": -self._names_inside_px(),
            "yaxis.tickfont.shadow": HALO,
            "margin.l": NARROW_LEFT_PX,
            **self._cut_labels_style(narrow=True),
            "margin.r": NARROW_RIGHT_PX,
        }

    def wide_layout(self) -> dict[str, Any]:
        """The inverse of :meth:`narrow_layout`: the layout as :meth:`layout` makes it."""
        if self.legends:
            return {}
        return {
            "title.font.size": TEXT_PX + 3,
            f"annotations[{self._x_title_index}].x": 0.5,
            f"annotations[{self._x_title_index}].xanchor": "center",
            f"annotations[{self._x_title_index}].xshift": 0,
            "yaxis.ticklabelstandoff": 0,
            "yaxis.tickfont.shadow": "none",
            "margin.l": self._names_px(),
            **self._cut_labels_style(narrow=False),
            "margin.r": 16,
        }

    def narrow_plot_px(self, box_px: int) -> int:
        """The plot area's width, px, of a figure ``box_px`` wide drawn narrow
        (:meth:`narrow_layout`'s margins)."""
        return int(box_px) - NARROW_LEFT_PX - NARROW_RIGHT_PX

    def _names_inside_px(self) -> int:
        """How far (px) the lane names move into a narrow figure's plot: the widest, estimated
        generously (:meth:`_names_px`), then starts just inside the figure's left edge."""
        return self._names_px() - NARROW_LEFT_PX - 14

    def _cut_labels_style(self, *, narrow: bool) -> dict[str, Any]:
        """The cut labels: shown beside a wide plot; hidden on a narrow one, whose views show
        the keys as HTML (``key="none"``). There the lane names are inside the plot, over its
        first years, where the cuts often are, and the upright labels crossed them (on a phone,
        three names of twelve, however they were set); the key says what the dotted line is
        (:func:`~explainer.figures.key.key_html` with ``cuts``), and the years on either side
        of a cut are on the axis."""
        return {f"annotations[{i}].visible": not narrow for i in range(2, 2 + len(self.breaks))}

    @property
    def _x_title_index(self) -> int:
        # The axis note comes after "empty", "known" and a label a cut (see layout).
        return 2 + len(self.breaks)

    def _key_px(self) -> int:
        """The width of the key beside the plot: its widest line, in either language, and its
        symbols."""
        lines = [
            html.unescape(line)
            for lang in LANGS
            for status in STATUS_ORDER
            for line in self.key_name(status, lang).split("<br>")
        ]
        title = max(len(t("legend.status", lang)) for lang in LANGS) * 1.1  # in bold
        return int(CHAR_PX * max(max(len(x) for x in lines) + 5, title)) + 12

    def key_name(self, status: str, lang: str) -> str:
        """A status's entry in the key, wrapped after its name: "established:<br>public record"."""
        head = t("colon", lang, label=status_words(status, lang), text="").rstrip()
        gloss = wrap_label(t(f"status_gloss.{status}", lang), KEY_WIDTH)
        return f"{html.escape(head, quote=False)}<br>{gloss}"

    def _names_px(self) -> int:
        """About the widest line of a lane name in either language, in px, plus a gap."""
        lines = [
            html.unescape(line)
            for lang in LANGS
            for name in self._wrapped_names(lang)
            for line in name.split("<br>")
        ]
        return int(CHAR_PX * max((len(x) for x in lines), default=4)) + 14

    def _wrapped_names(self, lang: str) -> list[str]:
        """Lane names, escaped and wrapped, in ``lang`` (made once a language)."""
        if lang not in self._wrapped:
            self._wrapped[lang] = [_lane_name(self.data.actor_name(a, lang)) for a in self.lanes]
        return self._wrapped[lang]

    def known_line(
        self, known_on: float | None, lang: str
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """The "Known by" date as a vertical line across the lanes, and its label.

        Parameters
        ----------
        known_on : float or None
            The last day counted as known, in ms since 1970 (its end is where the line is); None
            for no line.
        lang : str
            Language of the label.

        Returns
        -------
        (list of dict, dict)
            The line's shapes (none without a date) and ``{"text": ..., "x": ...}`` for the label
            (empty without a date).
        """
        if known_on is None or not np.isfinite(known_on):
            return [], {}
        x = float(known_on) + DAY_MS  # the end of that day
        day = pd.Timestamp(float(known_on), unit="ms")
        months = t("dates.month_names", lang).split()
        label = t("timeline.known", lang, date=f"{months[day.month - 1]} {day.year}")
        shape = {
            "type": "line",
            "name": "known",
            "xref": "x",
            "yref": "paper",
            "x0": x,
            "x1": x,
            "y0": 0,
            "y1": 1,
            "line": {"color": KNOWN_COLOUR, "width": 2.5, "dash": "dash"},
            "layer": "above",
        }
        return [shape], {"text": f"<b>{html.escape(label)}</b> ", "x": x}

    def x_range(self, window: tuple[float, float] | None = None) -> tuple[float, float]:
        """The date range to show: the data's, padded, or the window's where it is narrower."""
        lo, hi = self.range
        if window is not None:
            w_lo, w_hi = window
            if w_lo <= w_hi:
                lo, hi = max(lo, w_lo), min(hi, w_hi)
                if hi <= lo:  # the window lies beyond the data: show the (empty) window itself,
                    # a year wide where it is open on one side (an infinite bound is no date)
                    lo = w_lo if np.isfinite(w_lo) else w_hi - 365 * DAY_MS
                    hi = w_hi if np.isfinite(w_hi) else w_lo + 365 * DAY_MS
        # At least the half-width of the circle around a claim (28 px) at the narrowest plot:
        # a mark on the last day is not cut by the plot's edge.
        visible = self._visible_between(lo, hi)
        pad = max(visible * 0.025, visible * 16 / self.plot_px, 20 * DAY_MS)
        if self.dodge_reach:  # and a mark set beside a date at the window's edge stays in view
            pad = max(pad, self.dodge_reach + self.visible * (MARKER_PX / 2 + 2) / self.plot_px)
        return float(lo - pad), float(hi + pad)

    def _visible_between(self, lo: float, hi: float) -> float:
        cut = sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in self.breaks)
        return max(hi - lo - cut, DAY_MS)

    def ticks(self, x_range: tuple[float, float], lang: str) -> dict[str, Any]:
        """Date ticks written in ``lang`` (plotly's own tick labels would be in English only).

        January ticks show the year; other ticks the month. Ticks in a cut of the axis are dropped.
        """
        key = (tuple(x_range), lang)
        if key not in self._ticks:
            if len(self._ticks) > 512:
                self._ticks.clear()
            self._ticks[key] = self._make_ticks(x_range, lang)
        return self._ticks[key]

    def _make_ticks(self, x_range: tuple[float, float], lang: str) -> dict[str, Any]:
        lo, hi = (pd.Timestamp(v, unit="ms") for v in x_range)
        years = self._visible_between(*x_range) / YEAR_MS
        months = t("dates.month_abbr", lang).split()
        if years > 4:
            step = next(s for s, limit in ((1, 12), (2, 25), (5, 60), (10, 1e9)) if years <= limit)
            first = (lo.year // step + 1) * step
            stamps = [pd.Timestamp(year=y, month=1, day=1) for y in range(first, hi.year + 1, step)]
        else:
            step = 1 if years <= 0.6 else 3 if years <= 1.5 else 6
            start = pd.Timestamp(year=lo.year, month=lo.month, day=1) + pd.DateOffset(months=1)
            stamps = [s for s in pd.date_range(start, hi, freq="MS") if (s.month - 1) % step == 0]
        vals = [float(s.value // 1_000_000) for s in stamps]
        near = (
            self._visible_between(*x_range) / 16
        )  # labels next to a cut would run into each other
        # No year past the last date (or before the first): marks set beside their date at the
        # end of the data must not seem to be in the next year.
        first, last = self.dates_range
        keep = [
            first - 31 * DAY_MS <= v <= last
            and not any(a - near <= v <= b + near for a, b in self.breaks)
            for v in vals
        ]
        stamps = [s for s, k in zip(stamps, keep, strict=True) if k]
        vals = [v for v, k in zip(vals, keep, strict=True) if k]
        text = [
            str(s.year)
            if s.month == 1
            else f"{months[s.month - 1]}<br>{s.year}"
            if i == 0
            else months[s.month - 1]
            for i, s in enumerate(stamps)
        ]
        return {"tickmode": "array", "tickvals": vals, "ticktext": text}

    def cuts(self, lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Shapes and labels that mark each cut of the time axis, so that no one misses it."""
        shapes, labels = [], []
        for a, b in self.breaks:
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": a,
                    "x1": a,
                    "y0": 0,
                    "y1": 1,
                    "line": dict(CUT_LINE),
                    "layer": "above",
                }
            )
            first, last = pd.Timestamp(a, unit="ms").year, pd.Timestamp(b, unit="ms").year
            labels.append(
                {
                    "name": "cut",
                    "text": t("timeline.cut", lang, start=first, end=last),
                    "xref": "x",
                    "yref": "paper",
                    "x": a,
                    "y": 0.5,
                    "textangle": -90,
                    "showarrow": False,
                    "font": {"size": TEXT_PX, "color": GREY},
                    "bgcolor": "white",
                }
            )
        return shapes, labels

    def figure(
        self,
        *,
        lang: str = "en",
        mask: np.ndarray | None = None,
        highlight: Iterable[int] = (),
        conceal: int | None = None,
        max_height: int | None = None,
    ) -> go.Figure:
        """A complete ``go.Figure`` (every trace present, even when empty); ``max_height`` caps
        its height in px (see :meth:`frame`)."""
        data = self.trace_data(mask, lang=lang, highlight=highlight, conceal=conceal)
        traces = []
        for uid in self.trace_uids():
            spec = self.trace_style(uid, lang)
            for path, value in data.get(uid, {}).items():
                set_path(spec, path, value)
            traces.append(make_trace(spec))  # validated once, data included
        layout = self.layout(lang, max_height=max_height)
        fig = go.Figure(data=traces, layout=layout)
        shown = int(np.count_nonzero(mask)) if mask is not None else self.n
        if shown == 0:
            fig.layout.annotations[0].update(text=message_html(t("empty.none", lang)), visible=True)
        return fig


# ----------------------------------------------------------------------------------------------
# Trace styles as data: what each kind of trace always is (plus, for a trace of one status, what
# that status gives it). Uids and kinds are defined in explainer.figures.traces.

_HOVER = "%{hovertext}<extra></extra>"

TIMELINE_TRACES: dict[str, dict[str, Any]] = {
    "highlight-span": {
        "type": "scatter",
        "mode": "lines",
        "line": {"color": "#f0e442", "width": SPAN_WIDTH + 12},
        "opacity": 0.75,
        "hoverinfo": "skip",
    },
    "links": {"mode": "lines+markers", "opacity": 0.75, "hoverinfo": "skip"},
    "denials": {
        "mode": "lines+markers",
        "line": {"color": GREY, "width": 1.6, "dash": "dash"},
        "marker": {"color": GREY, "line": {"width": 0}},
        "hoverinfo": "skip",
    },
    "spans": {"mode": "lines", "hoverinfo": "skip"},
    "spans-soft": {"mode": "lines", "hoverinfo": "skip"},
    "spans-hollow": {  # the white inside of hedged claims' bars
        "mode": "lines",
        "line": {"color": "white", "width": SPAN_WIDTH - 4.5},
        "hoverinfo": "skip",
    },
    "open-ends": {
        "mode": "markers",
        "marker": {"size": 10, "line": {"width": 0}},
        "hoverinfo": "skip",
    },
    "points": {"mode": "markers", "hovertemplate": _HOVER},
    "bins": {"mode": "markers", "hovertemplate": _HOVER},
    "highlight": {
        "type": "scatter",
        "mode": "markers+text",
        "marker": {
            "symbol": "circle-open",
            "size": 28,
            "color": "black",
            "line": {"width": 3, "color": "black"},
        },
        "textfont": {"size": 16, "color": "black", "family": FONT},
        "textposition": "middle center",
        "hovertemplate": _HOVER,
    },
    # A legend entry per status, so that every status stays in the legend when none is shown.
    "status": {
        "type": "scatter",
        "mode": "markers",
        "showlegend": True,
        "x": [None],
        "y": [None],
        "hoverinfo": "skip",
    },
    "legend": {
        "type": "scatter",
        "showlegend": True,
        "legend": "legend2",
        "x": [None],
        "y": [None],
    },
    # No data: plotly draws an axis only for a trace on it.
    "top-axis": {
        "type": "scatter",
        "mode": "markers",
        "xaxis": "x2",
        "x": [None],
        "y": [None],
        "hoverinfo": "skip",
    },
}

# The second legend: how a date is drawn (names come from the catalogue, "legend.<key>").
LEGEND_TRACES: dict[str, dict[str, Any]] = {
    "span": {"mode": "lines", "line": {"color": GREY, "width": SPAN_WIDTH}},
    "open": {
        "mode": "lines+markers",
        "line": {"color": GREY, "width": SPAN_WIDTH},
        "marker": {"symbol": "triangle-right", "size": 9, "color": GREY},
    },
    "approx": {
        "mode": "lines",
        "opacity": 0.45,
        "line": {"color": GREY, "width": SPAN_WIDTH - 3, "dash": "dot"},
    },
    "link": {
        "mode": "lines+markers",
        "line": {"color": GREY, "width": 1.6},
        "marker": {"symbol": "triangle-down", "size": 8, "color": GREY},
    },
    "denial": {"mode": "lines", "line": {"color": GREY, "width": 1.6, "dash": "dash"}},
}


def _point_marks(status: str, lang: str) -> dict[str, Any]:
    style = STATUS_STYLES[status]
    outline = (
        {"width": 1, "color": "white"} if style.filled else {"width": 2.2, "color": style.colour}
    )
    return {
        "name": t("colon", lang, label=status_words(status, lang),
                  text=t(f"status_gloss.{status}", lang)),
        "marker": {"symbol": style.symbol, "size": MARKER_SIZE, "color": style.colour,
                   "line": outline},
    }  # fmt: skip


def _bin_marks(status: str, lang: str) -> dict[str, Any]:
    style = STATUS_STYLES[status]
    return {
        "name": status_words(status, lang),
        "marker": {
            "symbol": style.symbol,
            "color": style.colour,
            "sizemode": "diameter",
            "line": {"width": 1 if style.filled else 2, "color": style.colour},
            "opacity": style.opacity,
        },
    }


def _span_lines(status: str, lang: str, *, soft: bool = False) -> dict[str, Any]:
    style = STATUS_STYLES[status]
    return {
        "name": status_words(status, lang),
        "line": {
            "color": style.colour,
            "width": SPAN_WIDTH - 3 if soft else SPAN_WIDTH,
            "dash": "dot" if soft else "solid",
        },
        "opacity": 0.45 if soft else style.opacity,
    }


def _link_lines(status: str, lang: str) -> dict[str, Any]:
    style = STATUS_STYLES[status]
    return {
        "name": status_words(status, lang),
        "line": {"color": style.colour, "width": 1.6, "dash": style.dash},
        "marker": {"color": style.colour, "line": {"width": 0}},
    }


# What a status gives a trace of each kind that has one trace per status.
_BY_STATUS: dict[str, Any] = {
    "links": _link_lines,
    "spans": _span_lines,
    "spans-soft": lambda status, lang: _span_lines(status, lang, soft=True),
    "points": _point_marks,
    "bins": _bin_marks,
    "status": _point_marks,  # the legend entry looks like the claim's mark
}

# Drawing order, bottom first.
_DRAWING_ORDER = (
    "highlight-span", "links", "denials", "spans", "spans-soft", "spans-hollow", "open-ends",
    "points", "bins", "highlight", "status", "legend", "top-axis",
)  # fmt: skip


def x_title(fig: go.Figure) -> str:
    """The title of a timeline's time axis, where it is drawn: the axis's own, or the note under
    the years that stands for it when the margins are fixed (see :meth:`TimelineModel.layout`).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        A timeline (a ``FigureWidget`` too).

    Returns
    -------
    str
        The title as plotly draws it (escaped, with ``<br>`` line breaks).
    """
    notes = [a.text for a in fig.layout.annotations if a.name == "xtitle"]
    return notes[0] if notes else (fig.layout.xaxis.title.text or "")


def influence_timeline(
    data: Dataset,
    *,
    claims: pd.DataFrame | None = None,
    lang: str = "en",
    highlight: str | Iterable[str] | None = None,
    grouped: bool = False,
    key: str = "plotly",
) -> go.Figure:
    """The influence timeline: a lane per actor, a mark per claim, dates as precise as the source.

    Parameters
    ----------
    data : Dataset
        The dataset (for actor names and sources).
    claims : pandas.DataFrame, optional
        The claims to draw, e.g. ``filter_claims(data.claims, ...)``; default all of them.
    lang : {"en", "fr"}
        Language of every label, summary and date.
    highlight : str or list of str, optional
        Claim id(s) to circle.
    grouped : bool
        One row a lane and one mark per lane, month and status, sized by its number of claims:
        an overview short enough for a 1366×768 slide (about 560 px for the bundled data, where
        one mark a claim needs about 1,100). Hover a mark for its count.
    key : {"plotly", "none"}
        ``"plotly"``: the two keys (who vouches for a claim; how to read the marks) as plotly
        legends. ``"none"``: no legend and no legend traces, for a view that shows
        :func:`explainer.figures.key.key_html` beside the figure.

    Returns
    -------
    plotly.graph_objects.Figure
        Traces have fixed uids (``timeline-points-reported``, ...): the same data, the same JSON.

    Raises
    ------
    ValueError
        For an unknown language, claim id or ``key``.

    Examples
    --------
    >>> import explainer as ex
    >>> fig = ex.influence_timeline(ex.load_dataset(), lang="fr")  # doctest: +SKIP
    """
    check_lang(lang)
    model = TimelineModel(data, claims, grouped=grouped, key=key)
    wanted = _ids(highlight)
    unknown = [i for i in wanted if i not in model.index_of]
    if unknown:
        raise ValueError(f"no claim has the id(s) {', '.join(map(repr, unknown))}")
    return model.figure(lang=lang, highlight=[model.index_of[i] for i in wanted])
