"""How the figures are updated in place, without a browser: every update message restates the
axis types, then the ranges (plotly.js otherwise re-guesses a date axis as linear, and a stated
type turns autorange on); lanes collapse with the filter while dates never move; the Known-by
line; the language switch reaches every text; the Story scrolls its lanes, never its dates.

The browser side (what Chromium draws) is tests/browser/test_timeline_stable.py.
"""

from __future__ import annotations

import html

import numpy as np
import pytest

from explainer.figures.style import status_words
from explainer.figures.timeline import (
    MARKER_PX,
    MIN_HEIGHT,
    ROW_PX,
    TEXT_PX,
    TimelineModel,
    x_title,
)
from explainer.i18n import t
from explainer.widgets import Explorer, Story
from explainer.widgets.story import STORY_HEIGHT
from explainer.widgets.sync import apply_updates, axis_types


def sent(fig) -> list[dict]:
    """Capture the update messages a FigureWidget sends to the browser (it is 'shown')."""
    messages: list[dict] = []
    fig._view_count = 1  # a browser shows it: updates go as messages

    def record(restyle_data=None, relayout_data=None, trace_indexes=None, **_):
        messages.append(
            {
                "restyle": restyle_data or {},
                "relayout": relayout_data or {},
                "traces": trace_indexes,
            }
        )

    fig._send_update_msg = record
    return messages


def test_every_update_that_moves_marks_restates_axis_types_then_ranges(small_data):
    app = Explorer(small_data)
    messages = sent(app.figure)
    app.filter(actors=["putin"])
    app.show_claim("c-call")
    app.set_language("fr")
    app.filter()
    assert messages, "no update was sent"
    for msg in messages:
        if not msg["restyle"]:
            continue
        keys = list(msg["relayout"])
        # Every axis that has a type: stated, then its range after it (order matters to plotly.js).
        for axis, kind in (("xaxis", "date"), ("xaxis2", "date"), ("yaxis", "linear")):
            assert msg["relayout"][f"{axis}.type"] == kind
            assert keys.index(f"{axis}.range") > keys.index(f"{axis}.type")
        assert msg["relayout"]["xaxis.range"] == list(app.figure.layout.xaxis.range)
    assert axis_types(app.figure) == {
        "xaxis.type": "date",
        "xaxis2.type": "date",
        "yaxis.type": "linear",
    }


def test_a_layout_only_update_states_no_type(small_data):
    # Without a restyle, plotly.js keeps the types: restating one would only turn autorange on.
    app = Explorer(small_data)
    messages = sent(app.figure)
    apply_updates(app.figure, {}, None, {"annotations[0].visible": False})
    assert messages == [
        {"restyle": {}, "relayout": {"annotations[0].visible": False}, "traces": []}
    ]


def test_lanes_without_a_shown_claim_collapse_and_dates_never_move(bundled_data):
    app = Explorer(bundled_data)
    tl = app._timeline
    full_height = app.figure.layout.height
    lanes_before = list(app.figure.layout.yaxis.ticktext)
    x_before = {
        tr.uid: np.asarray(tr.x, dtype=float) for tr in app.figure.data if "points" in tr.uid
    }
    app.filter(actors=["putin"])
    shown = set(np.flatnonzero(app.mask))
    # A lane for each shown claim's actor, and for whom a shown arrow (influence, contact) points.
    links = [i for i in tl.link if i in shown]
    lanes = set(tl.lane[list(shown)]) | set(tl.target_lane[links])
    names = [tl._wrapped_names("en")[k] for k in sorted(lanes)]
    assert list(app.figure.layout.yaxis.ticktext) == names
    # Putin's claims: fewer lanes than all 14 drawn (15 actors, Kamala Harris only ever a target)
    assert len(names) < len(lanes_before) == len(tl.lanes) - 1
    assert app.figure.layout.height < full_height
    # Dates (x) of the shown marks are exactly what they were; only rows (y) changed.
    for tr in app.figure.data:
        if "points" in tr.uid:
            x = np.asarray(tr.x, dtype=float)
            keep = np.isfinite(x)
            assert np.array_equal(x[keep], x_before[tr.uid][keep])
    # Reset: everything back, the same height and lanes.
    app.filter()
    assert app.figure.layout.height == full_height
    assert list(app.figure.layout.yaxis.ticktext) == lanes_before


def test_marks_of_a_lane_never_share_a_row_closer_than_a_marker(bundled_data):
    tl = TimelineModel(bundled_data)
    px_per_ms = tl.plot_px / tl.visible
    half = MARKER_PX / 2 / px_per_ms
    # What is drawn of a claim: its bar and its marker, whichever reaches further.
    lo, hi = np.minimum(tl.x0, tl.x - half), np.maximum(tl.x1, tl.x + half)
    for k in range(len(tl.lanes)):
        rows = np.flatnonzero(tl.lane == k)
        for i in rows:
            for j in rows:
                if i < j and tl.y[i] == tl.y[j]:
                    # On one row, drawings never touch: a gap of at least 4 px between them.
                    gap = max(lo[j] - hi[i], lo[i] - hi[j])
                    assert gap * px_per_ms >= 4 - 1e-6, (tl.ids[i], tl.ids[j])
    assert ROW_PX >= MARKER_PX  # rows are a marker's height apart


def test_a_crowded_date_is_set_side_by_side_near_its_date(bundled_data):
    # October 2024: 18 of Musk's marks on one month stacked into a lane of 20 rows, and the
    # default timeline was 1,509 px tall (issue 11). Set side by side, a marker's width from
    # their date at most, with a guide line at the date.
    tl = TimelineModel(bundled_data)
    px = tl.visible / tl.plot_px
    assert tl.full.lane_rows.max() <= 12
    assert tl.figure().layout.height <= 1250  # it was 1,509
    moved = np.flatnonzero(tl.dodge != 0)
    assert len(moved) > 10
    assert np.abs(tl.dodge).max() <= (MARKER_PX + 5) * px
    # Only marks whose date is no wider than a marker move; long bars stay where they are.
    assert ((tl.x1 - tl.x0)[moved] <= MARKER_PX * px + 1).all()
    guides = [s for s in tl.frame("en")["shapes"] if s.get("name") == "same-date"]
    assert {g["x0"] for g in guides} <= {date for date, _ in tl.dodge_groups}
    assert len(guides) >= 2
    # Dates (x) never depend on what is shown: the same model for any mask.
    some = np.zeros(tl.n, bool)
    some[moved[:3]] = True
    assert (
        tl.trace_data(some, stable=True)["timeline-points-commentary"]["x"][some[tl._of_status[4]]]
        == tl.x[tl._of_status[4]][some[tl._of_status[4]]]
    ).all()
    # No year is written past the last date: a mark set beside October 2024 is not in 2025.
    ticks = tl.ticks(tuple(tl.x_range()), "en")
    assert max(ticks["tickvals"]) <= tl.dates_range[1]
    assert "2025" not in ticks["ticktext"]


def test_a_timeline_of_one_claim_is_tall_enough_for_its_keys(small_data):
    # Its keys wrap onto more lines on a narrow screen; squeezed to nothing, the plot stayed blank
    # in JupyterLab ("Something went wrong with axis scaling", seen in the browser test).
    model = TimelineModel(small_data, small_data.claims.iloc[:1])
    assert model.layout("en")["height"] >= MIN_HEIGHT
    app = Explorer(small_data)
    app.filter(text="no claim says this")
    assert app.figure.layout.height >= MIN_HEIGHT


def test_known_on_draws_a_line_with_its_label(small_data):
    app = Explorer(small_data)
    app.filter(known_on="2024-09")
    lines = [s for s in app.figure.layout.shapes if s.name == "known"]
    assert len(lines) == 1
    end_of_september = np.datetime64("2024-10-01", "ms").astype("int64").astype(float)
    assert lines[0].x0 == lines[0].x1 == pytest.approx(end_of_september)
    label = app.figure.layout.annotations[1]
    assert label.visible and "September 2024" in label.text
    app.set_language("fr")
    assert "septembre 2024" in app.figure.layout.annotations[1].text.lower()
    app.filter()
    assert not [s for s in app.figure.layout.shapes if s.name == "known"]
    assert not app.figure.layout.annotations[1].visible
    shapes, label = TimelineModel(small_data).known_line(None, "en")
    assert shapes == [] and label == {}


def test_the_language_switch_changes_the_keys_and_every_name(small_data):
    app = Explorer(small_data)
    app.set_language("fr")
    layout = app.figure.layout
    # The keys are HTML beside the plot (figures/key.py), relabelled with the rest.
    key = html.unescape(app.key.value)
    assert t("legend.status", "fr") in key and t("legend.read", "fr") in key
    assert t("legend.span", "fr") in key and t("legend.status", "en") not in key
    assert status_words("reported", "fr") in key
    assert layout.title.text == t("timeline.title", "fr")
    # The axis title is wrapped (<br>) and escaped, so that it fits a narrow figure.
    shown = html.unescape(x_title(app.figure).replace("<br>", " "))
    assert shown == t("timeline.xaxis", "fr")
    named = {tr.uid: tr.name for tr in app.figure.data}
    assert named["timeline-points-reported"].startswith("rapporté")
    app.network  # noqa: B018 (made on first use)
    app.set_language("en")
    assert app.network.layout.title.text.startswith(t("network.title", "en")[:20])
    key_title = app.network.layout.legend.title.text.replace("</b><br><b>", " ")
    assert key_title == f"<b>{t('network.style', 'en')}</b>"
    assert "Drawing the network" in app._network_note.value


def test_every_text_of_the_timeline_is_at_least_14_px(small_data):
    layout = TimelineModel(small_data).layout("en")
    assert layout["font"]["size"] >= TEXT_PX >= 14
    for key in ("xaxis", "xaxis2", "yaxis"):
        assert layout[key]["tickfont"]["size"] >= 14
    assert layout["legend"]["font"]["size"] >= 14 and layout["legend2"]["font"]["size"] >= 14
    assert all(a["font"]["size"] >= 14 for a in layout["annotations"])


def test_the_story_fits_a_projector_and_scrolls_lanes_not_dates(bundled_data):
    story = Story(bundled_data)
    assert story.figure.layout.height <= STORY_HEIGHT
    x0 = {tr.uid: np.asarray(tr.x, dtype=float) for tr in story.figure.data if "points" in tr.uid}
    model = story._model
    for step in range(len(story.steps)):
        story.go_to(step)
        top, bottom = sorted(story.figure.layout.yaxis.range)
        y = model.y[model.index_of[story.claim_id]]
        assert top + 0.5 <= y <= bottom - 0.5, f"step {step}: the claim is out of view"
        for tr in story.figure.data:
            if "points" in tr.uid:
                x = np.asarray(tr.x, dtype=float)
                same = np.isfinite(x) & np.isfinite(x0[tr.uid])
                assert np.array_equal(x[same], x0[tr.uid][same])


def test_a_narrow_explorer_puts_the_names_in_the_plot_and_keeps_its_rows(bundled_data):
    # FitPlots reports a narrow figure (a phone; beside the card at 1024 px): the lane names go
    # into the plot, and the figure keeps the height of its plot, so that rows of marks stay a
    # marker apart, through later updates too. The keys are HTML (under the plot, by CSS): the
    # figure has no legend to move.
    from explainer.figures.timeline import NARROW_LEFT_PX
    from explainer.widgets.controls import FitPlots

    app = Explorer(bundled_data)
    fit = next(c for c in app.children if isinstance(c, FitPlots))
    wide = app.figure.layout
    assert wide.showlegend is False and wide.margin.r < 20
    plot_height = wide.height - wide.margin.t - wide.margin.b
    fit.narrow = True
    narrow = app.figure.layout
    assert narrow.margin.l == NARROW_LEFT_PX and narrow.yaxis.ticklabelstandoff < 0
    assert narrow.showlegend is False and narrow.margin.r < 20
    assert narrow.height - narrow.margin.t - narrow.margin.b == plot_height
    app.filter(statuses=["reported"])
    app.filter(statuses=None)
    assert app.figure.layout.height - narrow.margin.t - narrow.margin.b == plot_height
    fit.narrow = False
    back = app.figure.layout
    assert back.margin.l > NARROW_LEFT_PX and back.yaxis.ticklabelstandoff == 0
    assert back.height - back.margin.t - back.margin.b == plot_height


def test_a_grouped_timeline_fits_a_slide_and_counts_every_claim(bundled_data):
    # The whole picture on a 1366x768 slide (issue 12): one row a lane, one mark per lane, month
    # and status, sized by its count; every claim is in one mark's count.
    from explainer.figures import influence_timeline

    fig = influence_timeline(bundled_data, grouped=True)
    assert fig.layout.height <= 560
    bins = [tr for tr in fig.data if tr.uid.startswith("timeline-bins-")]
    counted = sum(int(text.split()[0]) for tr in bins for text in tr.hovertext)
    assert counted == len(bundled_data.claims)
    assert all(len(tr.x) == 0 for tr in fig.data if tr.uid.startswith("timeline-points-"))
    assert "number of claims" in x_title(fig)


def test_the_story_takes_a_slide_height(bundled_data):
    story = Story(bundled_data, height=540)
    assert story.figure.layout.height <= 540
    top, bottom = sorted(story.figure.layout.yaxis.range)
    assert (540 - 262 - 72) / (bottom - top) >= MARKER_PX - 1  # rows stay a marker apart
    with pytest.raises(ValueError, match="at least 400"):
        Story(bundled_data, height=100)


def test_the_lane_bands_are_one_path_behind_every_other_lane_shown(bundled_data):
    # One shape, not one a band: plotly.js draws each shape on its own at every update.
    model = TimelineModel(bundled_data)
    layout = model.layout("en")
    bands = [s for s in layout["shapes"] if s.get("name") == "lane-bands"]
    assert len(bands) == 1 and not [s for s in layout["shapes"] if s.get("type") == "rect"]
    pl = model.full
    lanes = np.flatnonzero(pl.lane_shown)
    path = bands[0]["path"]
    assert path.count("M") == len(lanes[::2]) == path.count("Z")
    # Each band spans its lane's rows, edges included.
    top = float(pl.lane_base[lanes[0]] - 0.5 - model.lane_gap / 2)
    assert path.startswith(f"M0,{top}L1,{top}L1,")


def test_the_python_figure_sees_a_shape_list_that_grew_or_shrank(small_data):
    # plotly caches the objects of fig.layout.shapes, as many as there first were.
    app = Explorer(small_data)
    before = len(app.figure.layout.shapes)
    app.filter(known_on="2024-09")
    assert len(app.figure.layout.shapes) == before + 1
    assert app.figure.layout.shapes[-1].name == "known"
    app.filter()
    assert len(app.figure.layout.shapes) == before
