"""The actor network: who is linked to whom, by how many claims, and who vouches for them.

Actors are nodes; every claim with a target is a directed edge from its actor to its target. Edges
between the same two actors are bundled: the width says how many claims, the line style and colour
say the status of the bundle that comes first in ``STATUS_ORDER`` (the public record first, so a
single established fact is not drowned by many reports). A bundle is not one claim: a Musk -> Putin
edge drawn as established may also carry stated and reported claims; its hover lists them all, and
the lesson asks students what it bundles. Status is sourcing, never a measure of truth. The layout
is computed once, with a fixed seed, and kept when a filter changes what is shown, so that nothing
jumps around.
"""

from __future__ import annotations

import copy
import html
import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from explainer.bidi import isolate
from explainer.figures.style import FONT, GREY, STATUS_STYLES, status_words
from explainer.figures.timeline import CHAR_PX, NAME_WIDTH, TEXT_PX
from explainer.figures.traces import (
    check_lang,
    make_trace,
    message_html,
    parse_uid,
    segments,
    set_path,
    trace_uid,
    wrap_label,
    wrap_name,
)
from explainer.i18n import LANGS, STATUS_ORDER, t, tn

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = ["EDGE_LIMIT", "WIDTH_CLASSES", "NetworkModel", "actor_network"]

# (fewest claims, most claims, line width in px): a handful of widths reads better than exact ones,
# and keeps the number of traces fixed whatever the data.
WIDTH_CLASSES = ((1, 1, 1.5), (2, 2, 3.0), (3, 4, 4.5), (5, 8, 6.5), (9, math.inf, 9.0))
# The least width the network is drawn at (px): its names stand beside it, in margins as wide as
# the longest (about 150 px each side); a narrower box scrolls sideways (the offline page's CSS,
# the Explorer's network slot). Its title and its key's title wrap to fit it.
MIN_WIDTH_PX = 600
TITLE_CHARS = 58  # at 14 px, about 8 px a character, from the figure's left edge
LEGEND_ENTRY_PX = 240  # the key's columns: its longest text (French, 33 characters)
HEIGHT_PX = 665
# Room under the drawing for the key: its title (two lines) and two rows of entries; the lowest
# name, two lines under its node, ends about 20 px into it.
BOTTOM_PX = 165
BOTTOM_NARROW_PX = 265  # the key in one column: a title of two lines and six entries
EDGE_LIMIT = 150  # links drawn at most (the busiest), so that the network stays readable
UNIT_PER_PX = 0.0042  # layout units per pixel at the usual size: edges stop at node edges


# Trace styles as data: what each kind of trace always is; a status and a width class add their
# colour, dash and width (NetworkModel.trace_style). Uids are defined in explainer.figures.traces.
_HOVER = "%{hovertext}<extra></extra>"
NETWORK_TRACES: dict[str, dict[str, Any]] = {
    "edges": {
        "mode": "lines+markers",
        "marker": {"symbol": "arrow", "angleref": "previous", "line": {"width": 0}},
        "hoverinfo": "skip",
    },
    "edge-hover": {
        "mode": "markers",
        "marker": {"size": 14, "color": "rgba(0,0,0,0)"},
        "hovertemplate": _HOVER,
    },
    "nodes": {
        "mode": "markers+text",
        "marker": {"color": "#3b3b3b", "line": {"color": "white", "width": 1.5}},
        "textfont": {"family": FONT, "size": TEXT_PX, "color": "#222222"},
        "hovertemplate": _HOVER,
        # Names run past the plot's edge into the margins, which are made wide enough: clipped
        # at the edge, "Walter Isaacson" read "saacson".
        "cliponaxis": False,
    },
    "legend": {"mode": "lines", "x": [None], "y": [None], "showlegend": True},
    "legend-width": {
        "mode": "lines",
        "x": [None],
        "y": [None],
        "showlegend": True,
        "line": {"color": GREY, "width": 8},
    },
}


class NetworkModel:
    """Nodes, their fixed positions, and the bundled edges, computed once.

    Parameters
    ----------
    data : Dataset
        For actor names.
    claims : pandas.DataFrame, optional
        The claims (default ``data.claims``).
    """

    def __init__(self, data: Dataset, claims: pd.DataFrame | None = None):
        self.data = data
        c = (data.claims if claims is None else claims).reset_index(drop=True)
        self.claims = c
        self.n = len(c)
        actors = c["actor"].to_numpy(dtype=object)
        targets = c["target"].to_numpy(dtype=object)
        self.nodes = sorted({*actors, *(x for x in targets if x)})
        node_of = {a: i for i, a in enumerate(self.nodes)}
        linked = np.array([bool(x) and x != a for a, x in zip(actors, targets, strict=True)], bool)
        pairs = sorted({(a, x) for a, x, k in zip(actors, targets, linked, strict=True) if k})
        self.pairs = pairs
        pair_of = {p: i for i, p in enumerate(pairs)}
        self.pair = np.array(
            [pair_of[(a, x)] if k else -1 for a, x, k in zip(actors, targets, linked, strict=True)],
            dtype=np.int64,
        ).reshape(-1)
        self.status_code = np.array(
            [STATUS_ORDER.index(s) for s in c["status"]], dtype=np.int64
        ).reshape(-1)
        # Claims touching each node (as actor or target): node sizes, and which nodes are in view.
        self.node_a = np.array([node_of[a] for a in actors], dtype=np.int64).reshape(-1)
        self.node_t = np.array([node_of.get(x, -1) for x in targets], dtype=np.int64).reshape(-1)
        self.node_total = self._node_counts(np.ones(self.n, bool))
        self._name_cache: dict[str, dict[str, str]] = {}
        self._layout_nodes()

    def _node_counts(self, keep: np.ndarray) -> np.ndarray:
        counts = np.bincount(self.node_a[keep], minlength=len(self.nodes))
        t_keep = keep & (self.node_t >= 0) & (self.node_t != self.node_a)
        return counts + np.bincount(self.node_t[t_keep], minlength=len(self.nodes))

    def _layout_nodes(self) -> None:
        import networkx as nx  # only needed here, once

        graph = nx.Graph()
        graph.add_nodes_from(self.nodes)
        graph.add_edges_from(self.pairs)
        xy = np.zeros((len(self.nodes), 2))
        if len(self.nodes) > 1:
            # A few hubs (the actors most claims are about) in the middle, everyone else on a ring
            # around them, in the angular order of a seeded spring layout (neighbours stay close).
            # On a ring, labels can point outwards and do not run into each other.
            k = 1.6 / math.sqrt(len(self.nodes))
            # Only the angular order is kept, so a rough layout is enough for many actors.
            iterations = 200 if len(self.nodes) <= 60 else 50
            pos = nx.spring_layout(graph, k=k, iterations=iterations, seed=7)
            degree = np.array([graph.degree(a) for a in self.nodes], dtype="float64")
            ranked = sorted(range(len(self.nodes)), key=lambda i: (-degree[i], self.nodes[i]))
            hubs = [i for i in ranked[:2] if degree[i] >= max(3.0, 0.5 * degree.max())]
            ring = [i for i in range(len(self.nodes)) if i not in hubs]
            centre = np.mean([pos[self.nodes[i]] for i in hubs], axis=0) if hubs else np.zeros(2)
            angle = {i: math.atan2(*(pos[self.nodes[i]] - centre)[::-1]) for i in ring}
            ring.sort(key=lambda i: (angle[i], self.nodes[i]))
            for j, i in enumerate(ring):
                theta = math.pi / 2 - 2 * math.pi * j / len(ring)
                xy[i] = (math.cos(theta), math.sin(theta))
            for j, i in enumerate(hubs):
                xy[i] = (0.0, 0.0) if len(hubs) == 1 else ((-0.28, 0.0), (0.28, 0.0))[j]
        self.xy = np.round(xy, 4)
        self.size = (8 + 3.2 * np.sqrt(self.node_total)).clip(max=40).astype("float64")
        self._radius = (self.size / 2 + 5) * UNIT_PER_PX
        # Edge geometry: shortened at both ends; a pair linked both ways is two offset lines.
        node_of = {a: i for i, a in enumerate(self.nodes)}
        linked = set(self.pairs)
        both = {(a, b) for a, b in self.pairs if (b, a) in linked}
        geo = []
        for a, b in self.pairs:
            p, q = self.xy[node_of[a]], self.xy[node_of[b]]
            d = q - p
            length = float(np.hypot(*d)) or 1.0
            u = d / length
            normal = np.array([-u[1], u[0]]) * (0.025 if (a, b) in both else 0.0)
            # Stop at the edge of each node (its radius, roughly converted to layout units).
            gap_a, gap_b = (min(self._radius[node_of[n]], length / 3) for n in (a, b))
            geo.append((*(p + u * gap_a + normal), *(q - u * gap_b + normal)))
        self.geo = np.array(geo, dtype="float64").reshape(-1, 4)

    # ------------------------------------------------------------------------------------------

    def trace_uids(self) -> list[str]:
        """Every trace uid, in drawing order; see :mod:`explainer.figures.traces`."""
        uids = [
            trace_uid("network", "edges", status=s, width=k)
            for s in reversed(STATUS_ORDER)
            for k in range(len(WIDTH_CLASSES))
        ]
        uids += [trace_uid("network", "edge-hover"), trace_uid("network", "nodes")]
        uids += [trace_uid("network", "legend", status=s) for s in STATUS_ORDER]
        uids += [trace_uid("network", "legend-width")]
        return uids

    def trace_style(self, uid: str, lang: str) -> dict[str, Any]:
        """The fixed part of trace ``uid``: :data:`NETWORK_TRACES` for its kind, and what its
        status and width class give it."""
        ref = parse_uid(uid)
        if ref is None or ref.kind.figure != "network":
            raise ValueError(f"{uid!r} is not a network trace")
        kind = ref.kind.name
        spec: dict[str, Any] = {"uid": uid, "type": "scatter", "showlegend": False}
        spec.update(copy.deepcopy(NETWORK_TRACES[kind]))
        if ref.status is not None:
            style = STATUS_STYLES[ref.status]
            spec["legendgroup"] = ref.status
            if kind == "edges":
                width = WIDTH_CLASSES[ref.width or 0][2]
                spec["line"] = {"color": style.colour, "width": width, "dash": style.dash}
                spec["marker"]["color"] = style.colour
                spec["opacity"] = 0.9 if style.filled else 0.75
            else:  # a legend entry
                spec["line"] = {"color": style.colour, "width": 3, "dash": style.dash}
                spec["name"] = t("colon", lang, label=status_words(ref.status, lang),
                                 text=t(f"status_gloss.{ref.status}", lang))  # fmt: skip
        if kind == "legend-width":
            spec["name"] = t("network.width", lang)
        return spec

    def trace_data(
        self, mask: np.ndarray | None = None, *, lang: str = "en"
    ) -> dict[str, dict[str, Any]]:
        """The data of every trace for the claims in ``mask``."""
        keep = np.ones(self.n, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        linked = keep & (self.pair >= 0)
        n_status = len(STATUS_ORDER)
        counts = np.bincount(
            self.pair[linked] * n_status + self.status_code[linked],
            minlength=len(self.pairs) * n_status,
        ).reshape(len(self.pairs), n_status)
        total = counts.sum(axis=1)
        shown = np.flatnonzero(total > 0)
        n_linked = len(shown)
        if n_linked > EDGE_LIMIT:
            # Thousands of arrows are a hairball, and slow: draw the busiest links only.
            # Ties at the cut keep the first pairs (in id order), so the choice is deterministic.
            order = np.lexsort((shown, -total[shown]))[:EDGE_LIMIT]
            shown = np.sort(shown[order])
        drawn = np.zeros(len(self.pairs), dtype=bool)
        drawn[shown] = True
        first = np.where(drawn, np.argmax(counts > 0, axis=1), -1)
        width_class = np.zeros(len(self.pairs), dtype=np.int64)
        for k, (low, _, _) in enumerate(WIDTH_CLASSES):
            width_class[total >= low] = k
        out: dict[str, dict[str, Any]] = {}
        for code, status in enumerate(STATUS_ORDER):
            of_status = shown[first[shown] == code]
            for k in range(len(WIDTH_CLASSES)):
                sel = of_status[width_class[of_status] == k]
                g = self.geo[sel]
                sizes = segments(np.zeros(len(sel)), np.full(len(sel), 9.0 + 1.2 * k))
                if len(sel):
                    sizes[2::3] = 0.0  # an arrowhead at the target end only
                out[trace_uid("network", "edges", status=status, width=k)] = {
                    "x": segments(g[:, 0], g[:, 2]),
                    "y": segments(g[:, 1], g[:, 3]),
                    "marker.size": sizes,
                }
        names = self._names(lang)
        words = [html.escape(status_words(st, lang)) for st in STATUS_ORDER]
        hover = []
        for i in shown:
            a, b = self.pairs[i]
            row = counts[i]
            detail = ", ".join(f"{row[j]} {words[j]}" for j in range(len(words)) if row[j])
            claims = tn("n_claims", int(total[i]), lang) + f" ({detail})"
            hover.append(t("network.edge", lang, source=names[a], target=names[b], claims=claims))
        # Not a trace: what the caller needs to say that only the busiest links are drawn.
        out["network-limit"] = {"drawn": len(shown), "linked": n_linked}
        mid = (self.geo[shown, :2] + self.geo[shown, 2:]) / 2
        out[trace_uid("network", "edge-hover")] = {
            "x": mid[:, 0].copy(),
            "y": mid[:, 1].copy(),
            "hovertext": hover,
        }
        in_view = self._node_counts(keep)
        out[trace_uid("network", "nodes")] = {
            "marker.opacity": np.where(in_view > 0, 1.0, 0.25).astype("float64"),
            "hovertext": [
                t("network.node", lang, name=names[a], claims=tn("n_claims", int(k), lang))
                for a, k in zip(self.nodes, in_view, strict=True)
            ],
            "text": [self._labels(lang)[a] for a in self.nodes],
        }
        return out

    def _labels(self, lang: str) -> dict[str, str]:
        """Node labels: escaped names, wrapped on two lines or more when long."""
        key = f"labels-{lang}"
        if key not in self._name_cache:
            self._name_cache[key] = {
                a: wrap_name(self.data.actor_name(a, lang), NAME_WIDTH) for a in self.nodes
            }
        return self._name_cache[key]

    def _label_px(self) -> int:
        """About the widest label line, in px (in either language): the side margins."""
        lines = [
            line
            for lang in LANGS
            for label in self._labels(lang).values()
            for line in html.unescape(label).split("<br>")
        ]
        return int(CHAR_PX * max((len(x) for x in lines), default=4)) + 12

    def _names(self, lang: str) -> dict[str, str]:
        """Escaped actor names in ``lang`` (looked up once a language)."""
        if lang not in self._name_cache:
            self._name_cache[lang] = {
                a: html.escape(isolate(self.data.actor_name(a, lang))) for a in self.nodes
            }
        return self._name_cache[lang]

    def node_style(self) -> dict[str, Any]:
        """Node positions and sizes (fixed: sized by all the claims, not the filtered ones)."""
        # Labels point away from the middle, so that they do not sit on edges or on each other.
        position = [
            "top center"
            if abs(x) < 0.35 and y >= 0
            else "bottom center"
            if abs(x) < 0.35
            else "middle right"
            if x > 0
            else "middle left"
            for x, y in self.xy
        ]
        return {
            "x": self.xy[:, 0].copy(),
            "y": self.xy[:, 1].copy(),
            "marker.size": self.size,
            "textposition": position,
        }

    def narrow_layout(self) -> dict[str, Any]:
        """Layout changes for a network drawn narrow (under 720 px): a bottom margin for its key
        in one column, the figure taller by as much, so that its drawing keeps its size."""
        return {"margin.b": BOTTOM_NARROW_PX, "height": HEIGHT_PX + BOTTOM_NARROW_PX - BOTTOM_PX}

    def wide_layout(self) -> dict[str, Any]:
        """The inverse of :meth:`narrow_layout`."""
        return {"margin.b": BOTTOM_PX, "height": HEIGHT_PX}

    def layout(self, lang: str) -> dict[str, Any]:
        """The layout in ``lang``.

        The title sits below plotly's toolbar (top right) and is wrapped; names may run into the
        side margins, made as wide as the longest; the key is across, under the network.
        """
        axis = {"visible": False, "range": [-1.2, 1.2], "fixedrange": False}
        side = self._label_px()
        height = HEIGHT_PX
        return {
            "title": {
                "text": wrap_label(t("network.title", lang), TITLE_CHARS),
                "x": 0.01,
                "xanchor": "left",
                "xref": "container",
                "y": 1 - 34 / height,  # under the toolbar's row of buttons
                "yref": "container",
                "yanchor": "top",
                "font": {"size": TEXT_PX + 1},
            },
            "font": {"family": FONT, "size": TEXT_PX, "color": "#222222"},
            "height": height,
            "margin": {"l": side, "r": side, "t": 110, "b": BOTTOM_PX},
            # Under 720 px (FitPlots, the offline page): plotly wraps a key across the plot's
            # own width, one entry a row, and it covered the lowest names.
            "meta": {"narrow": self.narrow_layout(), "wide": self.wide_layout()},
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "xaxis": axis,
            "yaxis": {**axis, "range": [-1.15, 1.15]},
            "legend": {
                "orientation": "h",
                "x": 0,
                "xref": "container",
                "y": 4 / height,
                "yref": "container",
                "yanchor": "bottom",
                # What the line of a link says, above the entries: the key's title, wrapped to
                # the least width (as a group title it took the first entries' row, and plotly
                # then gave each entry a row of its own at 600 px).
                "title": {
                    "text": "<br>".join(
                        f"<b>{line}</b>"
                        for line in wrap_label(t("network.style", lang), TITLE_CHARS).split("<br>")
                    ),
                    "side": "top",
                },
                "font": {"size": TEXT_PX},
                # Entries in columns as wide as the longest text (French, 33 characters): in its own
                # width plotly gave each entry a row at 600 px, and the key covered the marks.
                "entrywidth": LEGEND_ENTRY_PX,
                "groupclick": "togglegroup",
            },
            "hovermode": "closest",
            "hoverlabel": {"bgcolor": "white", "font": {"family": FONT, "size": 13}},
            "annotations": [
                {
                    "name": "empty",
                    "text": "",
                    "visible": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"size": 15, "color": "#222222"},
                    "bgcolor": "#fff8dc",
                    "bordercolor": GREY,
                    "borderpad": 8,
                },
                {
                    "name": "limit",
                    "text": "",
                    "visible": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0,
                    "y": 0,
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": TEXT_PX, "color": GREY},
                },
            ],
            "uirevision": "network",
            "template": "none",
        }

    def figure(self, *, lang: str = "en", mask: np.ndarray | None = None) -> go.Figure:
        """A complete ``go.Figure``."""
        data = self.trace_data(mask, lang=lang)
        data[trace_uid("network", "nodes")].update(self.node_style())
        traces = []
        for uid in self.trace_uids():
            spec = self.trace_style(uid, lang)
            for path, value in data.get(uid, {}).items():
                set_path(spec, path, value)
            traces.append(make_trace(spec))
        layout = self.layout(lang)
        for path, value in self.notes(data, lang).items():
            set_path(layout, path, value)
        return go.Figure(data=traces, layout=layout)

    def notes(self, data: dict[str, dict[str, Any]], lang: str) -> dict[str, Any]:
        """Layout changes that go with ``data`` (from :meth:`trace_data`): the message of an
        empty network, and the note that only the busiest links are drawn."""
        limit = data["network-limit"]
        limited = limit["drawn"] < limit["linked"]
        return {
            "annotations[0].text": message_html(t("network.empty", lang)),
            "annotations[0].visible": limit["linked"] == 0,
            "annotations[1].text": message_html(
                t("network.limit", lang, drawn=limit["drawn"], linked=limit["linked"])
            ),
            "annotations[1].visible": limited,
        }


def actor_network(
    data: Dataset, *, claims: pd.DataFrame | None = None, lang: str = "en"
) -> go.Figure:
    """The actor network: actors as nodes, claims between two actors as directed, bundled edges.

    Parameters
    ----------
    data : Dataset
        The dataset (for actor names).
    claims : pandas.DataFrame, optional
        The claims to draw (default all), e.g. ``filter_claims(data.claims, kinds=["influence"])``.
    lang : {"en", "fr"}
        Language of names and labels.

    Returns
    -------
    plotly.graph_objects.Figure
        Edge width: number of claims (in classes, see :data:`WIDTH_CLASSES`); edge style: the
        status among them that comes first in ``STATUS_ORDER``. Deterministic: fixed trace uids
        and a seeded layout.

    Examples
    --------
    >>> import explainer as ex
    >>> fig = ex.actor_network(ex.load_dataset())  # doctest: +SKIP
    """
    check_lang(lang)
    return NetworkModel(data, claims).figure(lang=lang)
