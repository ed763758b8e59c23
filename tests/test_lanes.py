"""No lane without marks: every lane a timeline draws holds a mark or the end of an arrow.

A lane labelled with a name and nothing on it (the grouped "whole picture" of 01_story showed
Russia, Kamala Harris and Xi Jinping that way, issue 12) tells a class nothing, or worse, that the
source is silent about someone it names. Those a claim is only about get no lane where nothing is
drawn to them, and are named instead: in the hover of the marks that hold their claims, and, on
the grouped view, in a line under the axis. Read from the figure itself, as it is sent to plotly.
"""

from __future__ import annotations

import numpy as np
import pytest

import explainer as ex
from explainer.figures.timeline import MARKER_PX, PLOT_PX, TimelineModel
from explainer.widgets import Explorer

# Traces that draw something in a lane: claim marks, grouped marks, arrows (their ends).
DRAWN = ("timeline-points-", "timeline-bins-", "timeline-links-")


def empty_lanes(fig) -> list[str]:
    """The names of the lanes (y tick labels) of ``fig`` on which nothing is drawn."""
    layout = fig.layout
    ticks = np.asarray(layout.yaxis.tickvals, dtype=float)
    names = list(layout.yaxis.ticktext)
    assert len(ticks) == len(names) and np.all(np.diff(ticks) > 0)
    used = np.zeros(len(ticks), dtype=bool)
    for trace in fig.data:
        if not (trace.uid or "").startswith(DRAWN) or trace.x is None:
            continue
        x = np.asarray(trace.x, dtype=float)
        y = np.asarray(trace.y, dtype=float)
        ys = y[np.isfinite(x) & np.isfinite(y)]  # a hidden claim (stable traces) has x = NaN
        # A lane's name stands by its first rows: a mark belongs to the last name above it (a
        # two-line name is half a row lower than its lane's top; an arrow ends 0.45 above it).
        lane = np.searchsorted(ticks, ys + 1.0, side="right") - 1
        used[lane[lane >= 0]] = True
    return [n for n, u in zip(names, used, strict=True) if not u]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_grouped_whole_picture_has_no_empty_lane_and_names_the_others(bundled_data, lang):
    fig = ex.influence_timeline(bundled_data, lang=lang, grouped=True)
    assert empty_lanes(fig) == []
    lanes = [n.replace("<br>", " ") for n in fig.layout.yaxis.ticktext]
    # Those only ever whom a claim is about: no lane, but named under the axis and in the hover.
    others = ["russia", "harris", "xi"]
    names = [bundled_data.actor_name(a, lang) for a in others]
    assert not set(names) & set(lanes)
    note = next(a for a in fig.layout.annotations if a.name == "no-lane").text
    assert all(name in note for name in names), note
    hovers = [h for tr in fig.data if tr.uid.startswith("timeline-bins-") for h in tr.hovertext]
    for name in names:
        assert any(f"→ {name}" in h or f", {name}" in h for h in hovers), name
    # Every actor with a claim of its own keeps its lane.
    own = {bundled_data.actor_name(a, lang) for a in bundled_data.claims["actor"]}
    assert own == set(lanes)


def test_a_grouped_view_without_such_actors_has_no_note(small_data):
    # Every target of the small dataset also has claims of its own (or none is a target).
    claims = small_data.claims[small_data.claims["target"].isin(["", *small_data.claims["actor"]])]
    fig = ex.influence_timeline(small_data, claims=claims, grouped=True)
    assert empty_lanes(fig) == []
    note = next(a for a in fig.layout.annotations if a.name == "no-lane")
    assert note.text == ""


def test_the_full_timeline_gives_a_target_a_lane_only_for_an_arrow(bundled_data):
    fig = ex.influence_timeline(bundled_data)
    assert empty_lanes(fig) == []
    lanes = {n.replace("<br>", " ") for n in fig.layout.yaxis.ticktext}
    # Russia and Xi Jinping are reached by arrows (contacts); Kamala Harris only by a stance.
    assert {"Russia", "Xi Jinping"} <= lanes
    assert "Kamala Harris" not in lanes


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"actors": ["harris"]},
        {"actors": ["russia"]},
        {"actors": ["xi"]},
        {"actors": ["putin"], "start": "2022"},
        {"statuses": ["commentary"]},
        {"kinds": ["stance"]},
    ],
)
def test_the_explorer_never_shows_an_empty_lane(bundled_data, query):
    app = Explorer(bundled_data)
    app.filter(**query)
    assert app.mask.any()
    assert empty_lanes(app.figure) == []


def test_grouped_by_size_alone_draws_no_arrow_and_gives_targets_no_lane(bundled_data):
    # The model decides once whether marks are grouped (no arrows): the lanes follow.
    model = TimelineModel(bundled_data, grouped=True)
    assert model.grouped_for(len(bundled_data.claims))
    assert model.full.lane_shown.sum() == len(set(bundled_data.claims["actor"]))
    assert model.targets_without_lane() == ["russia", "harris", "xi"]
    detail = TimelineModel(bundled_data)
    assert not detail.grouped_for(len(bundled_data.claims))
    assert detail.targets_without_lane() == ["harris"]


# ------------------------------------------------------------------------------------------------
# A narrow figure: marks packed for the plot's own width, none under the lane names inside it.


def marks_px(app) -> dict[int, tuple[float, float]]:
    """Each shown claim mark of the Explorer's timeline: (x in px from the plot's left edge, y).

    The time axis's cuts take no width: x is visible time from the range's start, scaled to the
    width the timeline is packed for (the plot's own, rounded down to 20 px, so at most 20 px
    less than drawn: a bound on spacing, never more generous than the page).
    """
    tl = app._timeline
    lo, hi = app.figure.layout.xaxis.range
    scale = tl.plot_px / tl._visible_between(lo, hi)
    out = {}
    for tr in app.figure.data:
        if not tr.uid.startswith("timeline-points-"):
            continue
        for x, y, pos in zip(tr.x, tr.y, tr.customdata, strict=True):
            if x is not None and np.isfinite(x):
                out[int(pos)] = (tl._visible_between(lo, x) * scale, float(y))
    return out


def crowded(app) -> list[tuple[int, int]]:
    """Pairs of marks on one row closer than a marker (their boxes would overlap)."""
    items = sorted(marks_px(app).items())
    return [
        (i, j)
        for k, (i, (xi, yi)) in enumerate(items)
        for j, (xj, yj) in items[k + 1 :]
        if abs(yi - yj) < 0.5 and abs(xi - xj) < MARKER_PX - 2
    ]


def under_names(app) -> list[str]:
    """Claims whose mark is on a lane name's rows, under the name drawn inside the plot."""
    tl = app._timeline
    end = tl._names_inside_px() + 2 + MARKER_PX / 2
    return [
        str(tl.ids[i])
        for i, (x, y) in marks_px(app).items()
        if x < end and y - tl.full.lane_base[tl.lane[i]] < tl.lane_min_rows[tl.lane[i]] - 0.5
    ]


@pytest.mark.parametrize("box_px", [360, 646])  # a phone (390 px), the Explorer at 1024 px
def test_a_narrow_explorer_repacks_its_marks_clear_of_each_other_and_of_the_names(
    bundled_data, box_px
):
    from explainer.widgets.controls import FitPlots

    app = Explorer(bundled_data)
    fit = next(c for c in app.children if isinstance(c, FitPlots))
    before = marks_px(app)
    fit.narrow = True
    fit.box_px = box_px  # what the page reports of the figure's box
    tl = app._timeline
    assert tl.names_inside and tl.plot_px <= box_px - 20
    assert len(marks_px(app)) == len(bundled_data.claims)
    assert crowded(app) == []
    assert under_names(app) == []
    # Each mark stays within a marker's width (at this plot width) of its date.
    px_per_ms = tl.plot_px / tl.visible
    assert np.all(np.abs(tl.x - tl._undodged[2]) * px_per_ms <= MARKER_PX + 4.5 + 1e-6)
    # Wide again: the projector's marks, exactly where they were.
    fit.narrow = False
    fit.box_px = 950
    assert tl.plot_px == PLOT_PX and not tl.names_inside
    assert marks_px(app) == before


def test_packed_for_a_projector_a_phone_overlaps(bundled_data):
    # The reason for repacking, measured the same way: drawn at a phone's 340 px, the marks
    # packed for 640 crowd each other and sit under the names.
    from explainer.widgets.controls import FitPlots

    app = Explorer(bundled_data)
    tl = app._timeline
    fit = next(c for c in app.children if isinstance(c, FitPlots))
    fit.narrow = True
    tl.plot_px = 340  # the scale only: marks stay packed for 640
    tl.names_inside = True
    assert len(crowded(app)) > 5 and under_names(app)
