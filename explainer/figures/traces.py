"""Trace identities, and the small helpers both figures use to build their traces.

Every trace of the timeline and the network has a fixed uid, so that widgets, the offline page
and tests find it by name. Those uids are a protocol, defined here and nowhere else:
:data:`TRACE_KINDS` lists each kind of trace with its uid template (``timeline-points-{status}``);
:func:`trace_uid` builds a uid, :func:`parse_uid` reads one back, :func:`uid_prefix` gives what
every uid of a kind starts with (for the browser side, which matches by prefix) and
:func:`uid_table` is the same table as JSON for the offline page's script.

Nothing here imports ipywidgets or talks to a browser: figures stay DataFrame in, trace data out.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go

from explainer.bidi import isolate
from explainer.i18n import LANGS, STATUS_ORDER

__all__ = [
    "LEGEND_KEYS",
    "TRACE_KINDS",
    "TraceKind",
    "TraceRef",
    "check_lang",
    "make_trace",
    "message_html",
    "parse_uid",
    "segments",
    "set_path",
    "trace_uid",
    "uid_prefix",
    "uid_table",
    "wrap_label",
    "wrap_name",
    "wrap_text",
]

# The timeline's second legend: how a date is drawn (not a status).
LEGEND_KEYS = ("span", "open", "approx", "link", "denial")


@dataclass(frozen=True)
class TraceKind:
    """One kind of trace: its figure, its name, its uid template, and whether its marks are claims.

    Attributes
    ----------
    figure : str
        ``"timeline"`` or ``"network"``.
    name : str
        The kind, e.g. ``"points"``; unique within a figure.
    template : str
        The uid, with ``{status}``, ``{key}`` or ``{width}`` fields for a kind with several traces.
    claims : bool
        Whether each mark is one claim (``customdata`` holds its position): marks a click opens.
    """

    figure: str
    name: str
    template: str
    claims: bool = False


_KINDS = (
    TraceKind("timeline", "highlight-span", "timeline-highlight-span"),
    TraceKind("timeline", "links", "timeline-links-{status}"),
    TraceKind("timeline", "denials", "timeline-denials"),
    TraceKind("timeline", "spans", "timeline-spans-{status}"),
    TraceKind("timeline", "spans-soft", "timeline-spans-{status}-soft"),
    TraceKind("timeline", "spans-hollow", "timeline-spans-hollow"),
    TraceKind("timeline", "open-ends", "timeline-open-ends"),
    TraceKind("timeline", "points", "timeline-points-{status}", claims=True),
    TraceKind("timeline", "bins", "timeline-bins-{status}"),
    TraceKind("timeline", "highlight", "timeline-highlight", claims=True),
    TraceKind("timeline", "status", "timeline-status-{status}"),
    TraceKind("timeline", "legend", "timeline-legend-{key}"),
    TraceKind("timeline", "top-axis", "timeline-top-axis"),
    TraceKind("network", "edges", "network-edges-{status}-w{width}"),
    TraceKind("network", "edge-hover", "network-edge-hover"),
    TraceKind("network", "nodes", "network-nodes"),
    TraceKind("network", "legend", "network-legend-{status}"),
    TraceKind("network", "legend-width", "network-legend-width"),
)
TRACE_KINDS: dict[tuple[str, str], TraceKind] = {(k.figure, k.name): k for k in _KINDS}

# What each field may hold: a status is one of the five, so "timeline-spans-hollow" is never read
# as the spans of a status called "hollow".
_FIELDS = {
    "status": "|".join(STATUS_ORDER),
    "key": "|".join(LEGEND_KEYS),
    "width": r"\d+",
}


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(p) if i % 2 == 0 else f"(?P<{p}>{_FIELDS[p]})" for i, p in enumerate(parts)
    )
    return re.compile(regex)


_PATTERNS = [(kind, _pattern(kind.template)) for kind in _KINDS]


@dataclass(frozen=True)
class TraceRef:
    """A uid read back: its kind and fields (``status``, legend ``key``, edge ``width`` class)."""

    kind: TraceKind
    status: str | None = None
    key: str | None = None
    width: int | None = None


def trace_uid(figure: str, kind: str, **fields: Any) -> str:
    """The uid of a trace, e.g. ``trace_uid("timeline", "points", status="reported")``.

    Raises
    ------
    KeyError
        For an unknown kind or a missing field.
    """
    return TRACE_KINDS[(figure, kind)].template.format(**fields)


def parse_uid(uid: str | None) -> TraceRef | None:
    """The kind and fields of ``uid``, or ``None`` for a uid that is not one of ours."""
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(uid or "")
        if match:
            found = match.groupdict()
            width = found.get("width")
            return TraceRef(
                kind,
                found.get("status"),
                found.get("key"),
                int(width) if width is not None else None,
            )
    return None


def uid_prefix(figure: str, kind: str) -> str:
    """What every uid of a kind starts with (the whole uid for a kind with one trace)."""
    return TRACE_KINDS[(figure, kind)].template.split("{", 1)[0]


def uid_table() -> dict[str, dict[str, dict[str, Any]]]:
    """The protocol as JSON for a page's script: ``{figure: {kind: {"template", "claims"}}}``."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for kind in _KINDS:
        out.setdefault(kind.figure, {})[kind.name] = {
            "template": kind.template,
            "claims": kind.claims,
        }
    return out


# ----------------------------------------------------------------------------------------------
# Helpers both figures use


def check_lang(lang: str) -> str:
    """``lang`` if it is a supported language, else a clear ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")
    return lang


def wrap_text(text: str, width: int = 64) -> str:
    """Escape data text for a plotly hover label (which renders a subset of HTML) and wrap it.

    A plain greedy wrap on spaces: ``textwrap`` is ten times slower, and this runs per claim.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    # Each line isolated: a bidirectional control in the data cannot reorder the next line or field.
    return "<br>".join(html.escape(isolate(x)) for x in lines)


def wrap_label(text: str, width: int) -> str:
    """An interface text (a title) escaped and broken into lines of about ``width`` characters:
    plotly never wraps titles, which then run off a narrow figure."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def wrap_name(name: str, width: int) -> str:
    """A name from the data, escaped and wrapped (``<br>``) to lines of about ``width`` chars."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    # Each line isolated: a bidirectional control in a name cannot reorder the next line.
    return "<br>".join(html.escape(isolate(line)) for line in lines) or html.escape(isolate(name))


def message_html(text: str) -> str:
    """A message for a plot annotation: escaped and broken into lines (annotations never wrap)."""
    return wrap_text(text, 72)


_NO_SEGMENTS = np.zeros(0, dtype="float64")
_NO_SEGMENTS.flags.writeable = False


def segments(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Interleave ``a[i], b[i], NaN``: many line segments in one trace (NaN breaks the line)."""
    if len(a) == 0:
        return _NO_SEGMENTS  # one shared empty array: an unchanged empty trace costs nothing
    out = np.empty(3 * len(a), dtype="float64")
    out[0::3] = a
    out[1::3] = b
    out[2::3] = np.nan
    return out


def set_path(target: dict, path: str, value: Any) -> None:
    """Set ``target["a"]["b"][0]["c"] = value`` for the path ``a.b[0].c`` in plain dicts."""
    keys: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        keys.append(name)
        if rest:
            keys.append(int(rest.rstrip("]")))
    node: Any = target
    for key, following in itertools.pairwise(keys):
        if isinstance(key, int):
            node = node[key]
        else:
            if key not in node or node[key] is None:
                node[key] = [] if isinstance(following, int) else {}
            node = node[key]
    node[keys[-1]] = value


_TRACE_TYPES = {"scatter": go.Scatter, "scattergl": go.Scattergl}


def make_trace(spec: dict[str, Any]) -> go.Scatter | go.Scattergl:
    """A validated trace from a ``{"type": ..., ...}`` spec (without building a whole figure)."""
    spec = dict(spec)
    return _TRACE_TYPES[spec.pop("type")](**spec)
