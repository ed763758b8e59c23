"""widgets/sync.py: one message per figure and change; what plotly.js reports back is harmless."""

from __future__ import annotations

import numpy as np

from explainer.figures.timeline import TimelineModel
from explainer.widgets import Explorer
from explainer.widgets.sync import StableFigureWidget, apply_updates
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


def _visible_sent(message: dict, fig) -> dict[str, bool]:
    """``{uid: visible}`` for the traces whose visibility ``message`` changes."""
    values = message["restyle"].get("visible", [])
    uids = [fig._data[i]["uid"] for i in message["traces"]]
    return {u: v for u, v in zip(uids, values, strict=False) if isinstance(v, bool)}


def test_a_trace_left_without_marks_is_hidden_and_shown_again_with_them(small_data):
    app = Explorer(small_data)
    fig = app.figure
    points = "timeline-points-established"
    assert np.isfinite(np.asarray(fig.data[[d.uid for d in fig.data].index(points)].x)).any()
    messages = sent(fig)
    app.filter(statuses=["reported"])
    hidden = _visible_sent(messages[-1], fig)
    assert hidden[points] is False  # all its claims are filtered out: plotly.js skips it
    assert "timeline-points-reported" not in hidden  # still has marks: not touched
    app.filter()
    assert _visible_sent(messages[-1], fig)[points] is True


def test_legend_entries_are_never_hidden(small_data):
    # A figure with plotly legends (the Story's, the network's; the Explorer's timeline has its
    # keys as HTML): an entry is one point drawn only in the legend, and must stay listed.
    model = TimelineModel(small_data)
    fig = StableFigureWidget(model.figure())
    messages = sent(fig)
    mask = (model.claims["status"] == "reported").to_numpy()
    apply_updates(fig, model.trace_data(mask, stable=True), {})
    hidden = _visible_sent(messages[-1], fig)
    assert hidden["timeline-points-established"] is False  # the filter does hide empty traces
    legend = {d["uid"] for d in fig._data if d.get("showlegend")}
    assert len(legend) == 10 and not legend & set(hidden)


def test_a_trace_the_reader_hid_with_the_legend_stays_hidden_through_filters(small_data):
    app = Explorer(small_data)
    fig = app.figure
    messages = sent(fig)
    i = [d["uid"] for d in fig._data].index("timeline-points-established")
    fig._data[i]["visible"] = "legendonly"  # what a click on its legend entry leaves in Python
    app.filter(statuses=["reported"])
    app.filter()
    assert all("timeline-points-established" not in _visible_sent(m, fig) for m in messages)
    assert fig._data[i]["visible"] == "legendonly"


def test_the_widget_does_not_measure_each_tick_label_at_every_redraw(small_data):
    # plotly.js's default ("hide past div") measures every tick label at each redraw.
    layout = Explorer(small_data).figure._widget_layout
    axes = [k for k in layout if k[:5] in ("xaxis", "yaxis")]
    assert axes and all(layout[k]["ticklabeloverflow"] == "allow" for k in axes)


def test_a_language_switch_sends_the_plot_before_relabelling_the_controls(small_data):
    # The browser applies messages in order: the plot's update must not wait behind the ~40
    # messages that relabel the controls.
    app = Explorer(small_data)
    order: list[str] = []
    app.figure._view_count = 1
    app.figure._send_update_msg = lambda **_: order.append("plot")
    app.actors.observe(lambda _: order.append("controls"), "labels")
    app.set_language("fr")
    assert order and order[0] == "plot" and "controls" in order
