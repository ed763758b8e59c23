"""Keeping ``FigureWidget``\\s in step with the figure models: the one place that talks to plotly's
widget.

The figure models (:class:`~explainer.figures.timeline.TimelineModel`,
:class:`~explainer.figures.network.NetworkModel`) give plain trace data,
``{uid: {property path: value}}``, and layout changes, ``{path: value}``. :func:`apply_updates`
sends only what changed since the last call, as ONE ``update`` message per control change.

Why this module writes plotly's private state (``_data``, ``_layout``, ``_widget_data``,
``_view_count``, ``_send_update_msg``) instead of the documented ``FigureWidget.batch_update`` /
``plotly_update``; both are measured by ``benchmarks/interaction.py`` (``--route``):

1. **Correctness.** plotly.js forgets an axis's type whenever x or y is restyled without the update
   restating it (``Plotly.update`` calls ``clearAxisTypes``): the date axis is guessed again from
   the numbers, becomes linear, loses its cuts, and every mark jumps. ``plotly_update`` (and so
   ``batch_update``) sends only the values that differ from the figure's current ones, so an
   unchanged ``xaxis.type`` is silently dropped from the message and the axis is lost. The direct
   route restates each axis's type, then its range (stating a type turns autorange on).
2. **Speed.** The documented route validates and parses every path per property. Measured with
   ``benchmarks/interaction.py --quick`` (2 cores, load average 4-6 from other work): p50 10.8 ms
   against 6.4 ms for the bundled data, 56 ms against 44 ms at 100,000 claims. Slower, but the
   deciding reason is the first one: 34 of 34 trace updates went out without the axis type.
3. **Before the first view.** A browser applies update messages only once plotly's JavaScript has
   loaded, i.e. once the widget is shown; changes made before that (``app.filter(...)`` in the
   cell that makes the Explorer) are rewritten into the widget's initial state
   (:func:`sync_unshown`).

The values sent come from the models, already valid, with plain paths (``x``, ``marker.size``,
``annotations[0].text``), so skipping plotly's per-assignment validation loses nothing.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.basedatatypes import Undefined
from plotly.serializers import custom_serializers
from traitlets import Dict, observe

from explainer.figures.traces import set_path

__all__ = [
    "StableFigureWidget",
    "apply_updates",
    "apply_updates_documented",
    "axis_types",
    "sync_unshown",
]


class StableFigureWidget(go.FigureWidget):
    """A ``FigureWidget`` that keeps the trace uids it is given.

    plotly's ``FigureWidget`` replaces every uid with a random one, which makes its JSON differ from
    run to run and breaks finding traces by name; ours are explicit and unique within a figure
    (:mod:`explainer.figures.traces`).
    """

    _set_trace_uid = False

    # After every update, plotly.js sends back the defaults it filled in for every changed trace
    # (~45 KB for the timeline) and for the layout. ipywidgets echoes each such state back to the
    # browser (another ~60 KB a change): not for these, which only this kernel reads.
    _js2py_traceDeltas = Dict(allow_none=True).tag(
        sync=True, echo_update=False, **custom_serializers
    )
    _js2py_layoutDelta = Dict(allow_none=True).tag(
        sync=True, echo_update=False, **custom_serializers
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # plotly.js's default for outside tick labels, "hide past div", measures every label with
        # getBoundingClientRect at each redraw (a forced page layout, ~8 ms a change here); these
        # figures keep their labels inside their margins, so there is nothing to hide.
        for name, axis in self._layout.items():
            if name[:5] in ("xaxis", "yaxis") and isinstance(axis, dict):
                axis.setdefault("ticklabeloverflow", "allow")
        sync_unshown(self)
        self.observe(self._measure_again, "_view_count")

    def _measure_again(self, change: dict) -> None:
        """A new view: ask plotly.js to size the figure to its place on the page.

        The widget draws a figure before the page has put it anywhere, so plotly.js falls back
        to 700 px wide, and only measures its container at its next update: the first click
        would then stretch the whole timeline under the cursor. An update as soon as the view
        exists (the browser counts views in ``_view_count``) does that measuring before anyone
        clicks: ``autosize`` is what makes plotly.js measure again (it is already on, so it
        changes nothing else; no trace changes, so the axes keep their types and ranges).
        """
        if (change["new"] or 0) > (change["old"] or 0):
            self._send_update_msg(restyle_data={}, relayout_data={"autosize": True})

    @observe("_js2py_traceDeltas")
    def _handler_js2py_traceDeltas(self, change: dict) -> None:
        """The browser has applied a trace edit: note it, and drop the defaults it reports.

        plotly merges those defaults into each trace so that Python can read them (nothing here
        does), and deletes from the trace every property the browser reported a default for
        (e.g. the per-claim ``marker.opacity`` arrays); with other array-valued properties the
        merge raises (numpy's "truth value of an array is ambiguous"), which the page received as
        a kernel error after every control change. Only the note that the edit is done is kept.
        """
        msg = change["new"]
        if msg and msg.get("trace_edit_id") == self._last_trace_edit_id:
            self._trace_edit_in_process = False
            if not self._layout_edit_in_process:
                while self._waiting_edit_callbacks:
                    self._waiting_edit_callbacks.pop()()


_MISSING = object()


def _changes(
    fig: go.Figure,
    updates: dict[str, dict[str, Any]],
    cache: dict[tuple[str, str], Any] | None,
    layout: dict[str, Any] | None,
) -> tuple[dict[int, dict[str, Any]], dict[str, Any]]:
    """What differs from ``cache``: ``({trace index: {path: value}}, {layout path: value})``."""
    # Trace uids straight from plotly's dicts: going through fig.data costs ~0.1 ms a trace.
    position = {d.get("uid"): i for i, d in enumerate(fig._data)}
    by_trace: dict[int, dict[str, Any]] = {}
    for uid, props in updates.items():
        i = position.get(uid)
        if i is None:
            continue
        visible = _visibility(fig._data[i], props)
        if visible is not None:
            props = {**props, "visible": visible}
            if cache is not None:  # what the figure has, before anything was sent (drawn: True)
                cache.setdefault((uid, "visible"), fig._data[i].get("visible", True))
        for path, value in props.items():
            if cache is not None:
                old = cache.get((uid, path), _MISSING)
                if old is not _MISSING and _same(old, value):
                    continue
                cache[(uid, path)] = value
            by_trace.setdefault(i, {})[path] = value
    relayout: dict[str, Any] = {}
    for path, value in (layout or {}).items():
        if cache is not None:
            old = cache.get(("layout", path), _MISSING)
            if old is not _MISSING and _same(old, value):
                continue
            cache[("layout", path)] = value
        relayout[path] = value
    return by_trace, relayout


def _visibility(trace: dict[str, Any], props: dict[str, Any]) -> bool | None:
    """Whether a trace with these new ``x`` values is drawn: ``False`` when it has no point.

    plotly.js redraws every trace of a figure at each data change (an ``x`` change makes
    ``Plotly.update`` replot the whole figure), empty ones included: a third of the timeline's
    traces are empty for a typical filter, and hidden they cost nearly nothing (measured in
    Chromium: about 11 of 79 ms of the renderer's CPU per update). ``None`` (leave it) for a
    trace without ``x`` in the update, a legend entry, or one the reader hid with its legend
    (``"legendonly"``, which a filter must not undo).
    """
    x = props.get("x", _MISSING)
    if x is _MISSING or trace.get("showlegend") or trace.get("visible") == "legendonly":
        return None
    values = np.asarray(x)
    if values.dtype.kind == "f":
        return bool(np.isfinite(values).any())  # NaN: a claim left out, or a segment break
    return bool(len(values))


def apply_updates(
    fig: go.Figure,
    updates: dict[str, dict[str, Any]],
    cache: dict[tuple[str, str], Any] | None = None,
    layout: dict[str, Any] | None = None,
) -> int:
    """Change trace properties (by uid) and layout properties of ``fig`` in place, in one update.

    Only values that differ from those remembered in ``cache`` are sent, all in one ``update``
    message: on a ``FigureWidget``, the same single message that ``batch_update()`` sends when its
    block ends. Whenever traces change, the message restates the type of every axis that has one
    (see :func:`axis_types`), then its range: without them, plotly.js re-guesses the type of a
    date axis as linear, and stating a type alone turns autorange on. When nothing changed, no
    message is sent at all; when only traces changed, the layout part holds only those axes.
    A trace left without any point is hidden (``visible``), and shown again when it has some:
    plotly.js then skips it when it redraws.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or FigureWidget
    updates : dict
        ``{trace uid: {property path: value}}``, e.g. ``{"timeline-points-reported": {"x": ...}}``.
    cache : dict, optional
        Remembers what was last sent; pass the same dict on every call for a given figure.
    layout : dict, optional
        ``{layout property path: value}``, e.g. ``{"xaxis.range": [a, b]}``.

    Returns
    -------
    int
        The number of properties changed.
    """
    by_trace, relayout = _changes(fig, updates, cache, layout)
    if not by_trace and not relayout:
        return 0
    traces = sorted(by_trace)
    keys = sorted({k for props in by_trace.values() for k in props})
    # Set the values where plotly keeps them (fig.data[i] and fig.layout read from these dicts)...
    for i in traces:
        for path, value in by_trace[i].items():
            set_path(fig._data[i], path, value)
    for path, value in relayout.items():
        set_path(fig._layout, path, value)
        # plotly keeps the objects of a list such as fig.layout.shapes, as many as there were:
        # a list of another length would read short or past its end, so they are made again.
        if "." not in path and isinstance(value, list):
            fig.layout._compound_array_props.pop(path, None)
    if by_trace:
        relayout = _restate_axes(fig, relayout)
    # ...and tell the browser: an update message if it shows the figure, else its whole state.
    if not sync_unshown(fig):
        restyle = {k: [by_trace[i].get(k, Undefined) for i in traces] for k in keys}
        fig._send_update_msg(restyle_data=restyle, relayout_data=relayout, trace_indexes=traces)
    return sum(len(props) for props in by_trace.values()) + len(relayout)


def apply_updates_documented(
    fig: go.Figure,
    updates: dict[str, dict[str, Any]],
    cache: dict[tuple[str, str], Any] | None = None,
    layout: dict[str, Any] | None = None,
) -> int:
    """:func:`apply_updates` through plotly's documented ``plotly_update``: for the benchmark only.

    The same changes, in one ``plotly_update`` call (what ``batch_update()`` ends with). plotly
    validates every value and drops those equal to the figure's current ones, the restated axis
    types included: see this module's docstring for why the Explorer does not use it.
    """
    by_trace, relayout = _changes(fig, updates, cache, layout)
    if not by_trace and not relayout:
        return 0
    traces = sorted(by_trace)
    keys = sorted({k for props in by_trace.values() for k in props})
    restyle = {k: [by_trace[i].get(k, Undefined) for i in traces] for k in keys}
    if by_trace:
        relayout = {**relayout, **_restate_axes(fig, relayout)}
    fig.plotly_update(restyle_data=restyle, relayout_data=relayout, trace_indexes=traces)
    return sum(len(props) for props in by_trace.values()) + len(relayout)


def _restate_axes(fig: go.Figure, relayout: dict[str, Any]) -> dict[str, Any]:
    """``relayout`` with every typed axis's type first and its range last (order matters)."""
    # plotly.js forgets an axis's type whenever x or y is restyled without the update saying
    # it (Plotly.update calls clearAxisTypes): the date axis would be guessed again from the
    # numbers, become linear and lose its cuts, and every mark would jump. Restate each type;
    # and, since stating a type turns autorange on, each range after it.
    types, ranges = axis_types(fig), _axis_ranges(fig)
    rest = {k: v for k, v in relayout.items() if k not in types and k not in ranges}
    return {**types, **rest, **ranges}


def axis_types(fig: go.Figure) -> dict[str, str]:
    """``{"xaxis.type": "date", ...}`` for every axis of ``fig``'s layout that states its type."""
    out = {}
    for name, axis in fig._layout.items():
        if name[:5] in ("xaxis", "yaxis") and isinstance(axis, dict) and axis.get("type"):
            out[f"{name}.type"] = axis["type"]
    return out


def _axis_ranges(fig: go.Figure) -> dict[str, Any]:
    """``{"xaxis.range": [a, b], ...}`` for every axis of ``fig`` that states a type and a range."""
    out = {}
    for name, axis in fig._layout.items():
        typed = name[:5] in ("xaxis", "yaxis") and isinstance(axis, dict) and axis.get("type")
        if typed and axis.get("range") is not None:
            out[f"{name}.range"] = axis["range"]
    return out


def sync_unshown(fig: go.Figure) -> bool:
    """Make a ``FigureWidget`` that no browser shows yet start from its current data.

    A browser applies update messages only once plotly's JavaScript has loaded, which happens when
    the widget is first shown: changes made before that (``app.filter(...)`` in the cell that
    makes the Explorer) would be lost. Until a view exists (the browser counts them in
    ``_view_count``), the widget's initial state is rewritten instead. The traces hold at most a
    few thousand points (more are grouped), so this stays cheap.

    Returns
    -------
    bool
        Whether the state was rewritten (``False`` for a plain ``go.Figure`` or a shown widget).
    """
    if not hasattr(fig, "_widget_data") or getattr(fig, "_view_count", 0):
        return False
    fig._widget_data = _copy_tree(fig._data)
    fig._widget_layout = _copy_tree(fig._layout)
    return True


def _copy_tree(value: Any) -> Any:
    """Copy nested dicts and lists (new containers, so the change is seen); share the leaves,
    which are replaced, never changed in place."""
    if isinstance(value, dict):
        return {k: _copy_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return (
            [_copy_tree(v) for v in value]
            if value and isinstance(value[0], dict | list)
            else (list(value))
        )
    return value


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        if a.dtype.kind in "fiub":  # byte equality: NaN gaps compare equal, and it is fast
            return a.tobytes() == b.tobytes()
        return bool(np.array_equal(a, b))
    return bool(a == b)
