"""widgets/sync.py: one message per figure and change; what plotly.js reports back is harmless."""

from __future__ import annotations

import numpy as np

from explainer.widgets import Explorer
from explainer.widgets.sync import StableFigureWidget
from tests.test_timeline_updates import sent


def test_a_language_switch_updates_each_figure_once_with_its_new_names(small_data):
    app = Explorer(small_data)
    app.network  # noqa: B018  (made on first use)
    timeline, network = sent(app.figure), sent(app.network)
    app.set_language("fr")
    assert len(timeline) == 1 and len(network) == 1
    names = timeline[0]["restyle"]["name"]
    assert any(isinstance(n, str) and n.startswith("rapporté") for n in names)
    # The data's texts came in the same message: the hover texts are French.
    hover = [
        h for texts in timeline[0]["restyle"].get("hovertext", []) if isinstance(texts, list)
        for h in texts
    ]  # fmt: skip
    french = set(app._timeline.hover("fr").tolist()) - set(app._timeline.hover("en").tolist())
    assert hover and set(hover) <= french
    assert timeline[0]["relayout"]["xaxis.type"] == "date"


def test_a_language_switch_keeps_the_known_by_label_of_the_update(small_data):
    app = Explorer(small_data)
    app.filter(known_on="2024-09")
    messages = sent(app.figure)
    app.set_language("fr")
    assert "septembre 2024" in messages[0]["relayout"]["annotations[1].text"].lower()


def test_what_plotly_js_reports_after_drawing_ends_the_edit_and_keeps_our_data(small_data):
    app = Explorer(small_data)
    fig = app.figure
    fig._view_count = 1
    app.filter(statuses=["reported"])
    edit = fig._last_trace_edit_id
    assert fig._trace_edit_in_process
    # What the browser sends back after drawing: the defaults it used, here for a trace whose
    # marker.opacity is an array of one value per claim. plotly's own handler merges these and
    # deletes from the trace every property the browser reported (the opacities would be lost,
    # in Python and in the browser); with other deltas it raised in the kernel.
    i, uid = next(
        (i, d["uid"])
        for i, d in enumerate(fig._data)
        if isinstance(d.get("marker", {}).get("opacity"), np.ndarray)
    )
    delta = {"uid": uid, "marker": {"opacity": 1, "line": {"width": 0}}, "xaxis": "x"}
    fig._js2py_traceDeltas = {"trace_deltas": [delta], "trace_edit_id": edit}
    assert not fig._trace_edit_in_process
    assert isinstance(fig._data[i]["marker"]["opacity"], np.ndarray)


def test_the_reports_of_plotly_js_are_not_echoed_back_to_the_browser():
    for name in ("_js2py_traceDeltas", "_js2py_layoutDelta"):
        assert StableFigureWidget.class_trait_names(echo_update=False).count(name) == 1
