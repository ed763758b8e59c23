"""The timeline's two keys as HTML, for the interactive views (the Explorer, the offline page).

There, the keys stand beside the plot instead of inside it: plotly.js draws its legends again at
every replot (the largest part of one, issue 17), while this HTML is drawn once and relabelled
only on a language switch. The static figures (Story, slides, notebooks) keep plotly's legends.

Each mark is a small inline SVG made from the very data the plot's traces are styled from
(:data:`~explainer.figures.style.STATUS_STYLES`, :data:`~explainer.figures.timeline.LEGEND_TRACES`),
so that the key and the plot cannot drift apart. The words are the catalogue's (the same as the
legends'): the first key reads as *who vouches for a claim*, not as a scale of truth, and lists
every status, shown or not.
"""

from __future__ import annotations

import html
from typing import Any

from explainer.figures.style import STATUS_STYLES, status_words
from explainer.figures.timeline import CUT_LINE, LEGEND_TRACES, MARKER_SIZE
from explainer.figures.traces import LEGEND_KEYS, check_lang
from explainer.i18n import STATUS_ORDER, t

__all__ = ["KEY_CSS", "cut_mark_svg", "date_mark_svg", "key_html", "status_mark_svg"]

# A plotly marker symbol's outline in a 20 x 20 box centred on (10, 10), for a marker of size 12
# (plotly's sizes: a diameter). Only the symbols the timeline uses; another raises KeyError.
_SHAPES = {
    "circle": '<circle cx="10" cy="10" r="6"/>',
    "square": '<rect x="4" y="4" width="12" height="12"/>',
    "diamond": '<path d="M10,2.2L17.8,10L10,17.8L2.2,10Z"/>',
    "triangle-up": '<path d="M10,3L17,15.5L3,15.5Z"/>',
    "asterisk": '<path d="M10,3V17M3,10H17M5,5L15,15M15,5L5,15"/>',
    "triangle-right": '<path d="M-4,-4.5L4,0L-4,4.5Z"/>',
    "triangle-down": '<path d="M-4,-4L4,-4L0,4Z"/>',
}


def _split_symbol(symbol: str) -> tuple[str, bool, bool]:
    """plotly's ``"square-open-dot"`` as ``("square", open, dot)``."""
    dot = symbol.endswith("-dot")
    base = symbol.removesuffix("-dot")
    is_open = base.endswith("-open")
    return base.removesuffix("-open"), is_open, dot


def status_mark_svg(status: str) -> str:
    """The mark of ``status``'s claims on the timeline, as a 20 px inline SVG (decorative: the
    words beside it say the status)."""
    style = STATUS_STYLES[status]
    shape, is_open, dot = _split_symbol(style.symbol)
    scale = MARKER_SIZE / 12
    if style.filled and not is_open:  # as _point_marks: a white outline around a solid mark
        paint = f'fill="{style.colour}" stroke="white" stroke-width="1"'
    else:
        paint = f'fill="none" stroke="{style.colour}" stroke-width="2.2"'
    centre = f'<circle cx="10" cy="10" r="1.6" fill="{style.colour}"/>' if dot else ""
    return (
        '<svg class="key-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" '
        f'focusable="false"><g {paint} opacity="{style.opacity}" '
        f'transform="translate(10 10) scale({scale}) translate(-10 -10)">{_SHAPES[shape]}</g>'
        f"{centre}</svg>"
    )


def _dasharray(dash: str | None, width: float) -> str:
    """plotly.js's dash patterns (``Drawing.dashStyle``): multiples of the line's width, at
    least 3 px."""
    w = max(width, 3.0)
    pattern = {
        "dot": (w, w),
        "dash": (3 * w, 3 * w),
        "longdash": (5 * w, 5 * w),
        "dashdot": (3 * w, w, w, w),
        "longdashdot": (5 * w, 2 * w, w, 2 * w),
    }.get(dash or "solid")
    return "" if pattern is None else f' stroke-dasharray="{",".join(f"{p:g}" for p in pattern)}"'


def date_mark_svg(key: str) -> str:
    """How the timeline draws ``key`` (one of ``LEGEND_KEYS``: a span, an open period, an
    approximate date, a link, a denial), as a 40 x 20 px inline SVG made from the trace style of
    the same name (:data:`~explainer.figures.timeline.LEGEND_TRACES`)."""
    spec: dict[str, Any] = LEGEND_TRACES[key]
    line = spec.get("line", {})
    width = float(line.get("width", 2))
    parts = [
        f'<line x1="3" y1="10" x2="33" y2="10" stroke="{line.get("color", "#5f5f5f")}" '
        f'stroke-width="{width:g}"{_dasharray(line.get("dash"), width)}/>'
    ]
    marker = spec.get("marker")
    if marker and "markers" in spec.get("mode", ""):
        scale = float(marker.get("size", 8)) / 9
        parts.append(
            f'<g fill="{marker.get("color", "#5f5f5f")}" '
            f'transform="translate(34 10) scale({scale:g})">{_SHAPES[marker["symbol"]]}</g>'
        )
    return (
        '<svg class="key-mark" width="40" height="20" viewBox="0 0 40 20" aria-hidden="true" '
        f'focusable="false"><g opacity="{spec.get("opacity", 1)}">{"".join(parts)}</g></svg>'
    )


def cut_mark_svg() -> str:
    """An axis cut as the timeline draws it (:meth:`TimelineModel.cuts`: an upright dotted grey
    line), as a 40 x 20 px inline SVG."""
    width = CUT_LINE["width"]
    return (
        '<svg class="key-mark" width="40" height="20" viewBox="0 0 40 20" aria-hidden="true" '
        f'focusable="false"><line x1="18" y1="1" x2="18" y2="19" stroke="{CUT_LINE["color"]}" '
        f'stroke-width="{width:g}"{_dasharray(CUT_LINE["dash"], width)}/></svg>'
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def key_html(lang: str, *, grouped: bool = False, cuts: bool = False) -> str:
    """The timeline's keys as HTML: who vouches for a claim (every status, with its mark), then
    how to read the marks (how a date is drawn; for grouped marks, what a mark's size says).

    Parameters
    ----------
    lang : {"en", "fr"}
        The language of every word (the catalogue's; no data text).
    grouped : bool
        Marks grouped by lane, month and status (:class:`~explainer.figures.timeline.TimelineModel`
        with ``grouped``): the second key is then the note on mark sizes.
    cuts : bool
        The time axis has cuts (:attr:`TimelineModel.breaks`): the key says what their dotted
        line is. A narrow figure draws them without their labels (``narrow_layout``).

    Returns
    -------
    str
        A ``<div class="timeline-key">`` of two lists (style: :data:`KEY_CSS`).
    """
    check_lang(lang)
    statuses = "".join(
        f'<li data-status="{s}">{status_mark_svg(s)}<span><b>'
        f"{_esc(t('colon', lang, label=status_words(s, lang), text='').rstrip())}</b> "
        f"{_esc(t(f'status_gloss.{s}', lang))}</span></li>"
        for s in STATUS_ORDER
    )
    if grouped:
        bins = t("legend.bins", lang)
        dates = f'<li data-key="bins"><span>{_esc(bins[:1].upper() + bins[1:])}</span></li>'
    else:
        dates = "".join(
            f'<li data-key="{k}">{date_mark_svg(k)}<span>{_esc(t(f"legend.{k}", lang))}</span></li>'
            for k in LEGEND_KEYS
        )
    if cuts:
        cut = _esc(t("legend.cut", lang))
        dates += f'<li data-key="cut">{cut_mark_svg()}<span>{cut}</span></li>'
    return (
        f'<div class="timeline-key" lang="{lang}">'
        f'<div class="key-part key-status"><p class="key-title">{_esc(t("legend.status", lang))}'
        f'</p><ul>{statuses}</ul></div><div class="key-part key-read"><p class="key-title">'
        f"{_esc(t('legend.read', lang))}</p><ul>{dates}</ul></div></div>"
    )


# One style for both views. Beside the plot, the key is a narrow column (one entry a line, as the
# legend was); where the plot takes the whole width (a phone), the entries flow in lines above it.
KEY_CSS = """
.timeline-key { font-size: 14px; line-height: 1.3; color: #222222; }
.timeline-key .key-part { margin: 0 0 10px 0; }
.timeline-key .key-title { font-weight: bold; margin: 0 0 4px 0; }
.timeline-key ul { list-style: none; margin: 0; padding: 0; }
.timeline-key li { display: flex; align-items: flex-start; gap: 6px; margin: 0 0 4px 0; }
.timeline-key .key-mark { flex: 0 0 auto; }
.timeline-key li > span { min-width: 0; overflow-wrap: anywhere; }
"""
