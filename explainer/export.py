"""The one-file offline page: the timeline, the network and the table of claims, no server at all.

``python -m explainer export [FOLDER] --out FILE.html`` writes a single HTML file that a teacher can
open from a USB stick in a classroom without internet, project on a slide, or print as a handout:

- plotly.js is inlined from the installed ``plotly`` package (no CDN), the figures are the package's
  own figure functions, and a Content-Security-Policy forbids every network load, so the page
  provably needs no network;
- the Explorer's filters run in the page itself, without a kernel: actors, the date window (which
  also narrows the time axis), "Known by" (with its line on the timeline), statuses, kinds and the
  text search, with the Explorer's empty-state messages and its claim card on click. Python works
  out what each filter compares (the day numbers ``ClaimFilter`` compares, each month's bounds,
  each claim's text folded by ``fold_text``, and the fold's tables), so that the script only
  compares; a browser test replays one sequence of settings in ``filter_claims`` and in the page;
- printed, the page is a handout: the filters in force at the top, each figure on its page under
  its heading (see ``offline.css`` and ``tests/browser/test_offline_print.py``);
- English and French are both in the file, with a toggle; the statuses are explained in words, every
  claim leads back to its source and paragraph, and the article is credited;
- all data text is escaped: ``html.escape`` in HTML, and JSON in ``<script>`` has every ``<``
  written as ``\\u003c`` so no data can close the script element.

(Over 500 lines on purpose: the page's data, its HTML parts and the writing of the file make one
artefact that changes together; the script and stylesheet are in ``_static/``.)
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from explainer.bidi import balance, bdi, isolate
from explainer.dataset import Dataset, _kind_of, load_dataset
from explainer.filtering import _FOLD_EXTRA, ClaimFilter, to_bound
from explainer.i18n import KIND_ORDER, LANGS, STATUS_ORDER, t, tn
from explainer.presentation import claim_who, paragraph_words

__all__ = [
    "ExportError",
    "check_out",
    "element_owners",
    "export_html",
    "filter_by_owners",
    "render_html",
]

# Nothing may be fetched: scripts and styles are inline, images only data: URLs (plotly's mode bar
# icons, "download as PNG"); everything else (fetch, fonts, frames, stylesheets) is forbidden.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; base-uri 'none'; form-action 'none'"
)

# Keys of the catalogue the page's own script needs (counts and messages built in the browser);
# the empty-state messages are the Explorer's own.
_SCRIPT_KEYS = (
    "export.count",
    "export.count_unnamed.one",
    "export.count_unnamed.other",
    "export.empty",
    "empty.none",
    "empty.inverted",
    "empty.no_actor",
    "empty.search",
    "ui.known_by",
    "ui.known_all",
    "ui.card.empty",
    "export.active_none",
    "export.active_actors",
    "export.active_dates",
    "export.active_statuses",
    "export.active_kinds",
    "export.active_known",
    "export.active_text",
)


class ExportError(ValueError):
    """The page cannot be written (say, the output path is not writable); the message says why."""


# ----------------------------------------------------------------------------------------- helpers
def _esc(value: object) -> str:
    """Data text as HTML text: escaped, quotes included (safe in attributes as well)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def script_json(value: object) -> str:
    """``value`` as JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or ``]]>`` can form.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026``: the same strings
    for ``JSON.parse`` or a JavaScript literal, but nothing the HTML parser can act on.
    """
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    # Bidirectional controls in data (the folded search text, the cards) as escapes: the same
    # strings for JSON.parse, and none can reorder the page's source as a reader sees it.
    return _BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _both(key: str, **values: object) -> str:
    """An interface string in both languages; CSS shows the one of the page's current language."""
    return "".join(
        f'<span class="l-{lang}" lang="{lang}">{_esc(t(key, lang, **values))}</span>'
        for lang in LANGS
    )


def _text(value: object) -> str:
    """Data text as HTML element content: escaped and isolated (a bidirectional control in one
    field cannot reorder the next; see :mod:`explainer.bidi`). Never for an attribute."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return bdi(value)


def _both_text(texts: dict[str, str]) -> str:
    """Data text in both languages (already chosen per language), escaped and isolated."""
    if len({texts[lang] for lang in LANGS}) == 1:
        return _text(texts[LANGS[0]])
    return "".join(
        f'<span class="l-{lang}" lang="{lang}">{_text(texts[lang])}</span>' for lang in LANGS
    )


# Quotation marks around a title, each language its own.
_QUOTES = {"en": ("“", "”"), "fr": ("« ", " »")}


def _quoted(text: str, lang: str | None = None) -> str:
    """Escaped ``text`` in the quotation marks of ``lang``, or of both languages (CSS shows one)."""
    if lang is not None:
        return f"{_QUOTES[lang][0]}{text}{_QUOTES[lang][1]}"
    opening = "".join(f'<span class="l-{code}">{_QUOTES[code][0]}</span>' for code in LANGS)
    closing = "".join(f'<span class="l-{code}">{_QUOTES[code][1]}</span>' for code in LANGS)
    return f"{opening}{text}{closing}"


def _count(key: str, n: int) -> str:
    """``key.one`` or ``key.other`` (:func:`explainer.i18n.tn`) for ``n``, in both languages."""
    return "".join(
        f'<span class="l-{lang}" lang="{lang}">{_esc(tn(key, n, lang))}</span>' for lang in LANGS
    )


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _static(name: str) -> str:
    return resources.files("explainer").joinpath("_static", name).read_text(encoding="utf-8")


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    # plotly.js holds no "</script" today; make sure a future version cannot end our element early.
    return get_plotlyjs().replace("</script", "<\\/script").replace("<!--", "<\\!--")


# ------------------------------------------------------------------------ figures and their marks
# The figure models give their traces' arrays for any boolean mask of claims (``trace_data(mask)``:
# ``{uid: {"x": ..., "marker.size": ...}}``), with lanes and positions fixed. The page cannot run
# Python, so the export works out once which claims each element of each array needs (its
# "owners"): the page then keeps an element when all its owners are kept. A point or a bar has one
# owner; a denial's arrow has two (it is drawn only when the claim it answers is shown as well).
TraceData = Callable[[np.ndarray], dict[str, dict[str, Any]]]


def _plain(value: Any) -> Any:
    """Numpy arrays and scalars as JSON-ready Python values; NaN (a gap in a line) as None."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _column(values: Any) -> Any:
    """One property of a trace as a list (NaN as None), or a scalar as it is; fast for numpy."""
    if isinstance(values, np.ndarray):
        if values.dtype.kind == "f" and np.isnan(values).any():
            values = np.where(np.isnan(values), None, values.astype(object))
        return values.tolist()
    if isinstance(values, (list, tuple)):
        return [_plain(v) for v in values]
    return _plain(values)


def _rows(props: dict[str, Any]) -> list[tuple]:
    """The elements of a trace as comparable tuples (one value per property; NaN as None)."""
    columns = [_column(props[key]) for key in sorted(props)]
    lengths = {len(col) for col in columns if isinstance(col, list)}
    if len(lengths) > 1:
        raise ExportError(f"trace arrays of different lengths: {sorted(lengths)}")
    n = lengths.pop() if lengths else 0
    return (
        list(zip(*columns, strict=True))
        if n and all(isinstance(col, list) for col in columns)
        else [tuple(col[k] if isinstance(col, list) else col for col in columns) for k in range(n)]
    )


def element_owners(trace_data: TraceData, n: int) -> dict[str, list[list[int]]]:
    """Which claims (positions) each element of each trace needs.

    Most marks belong to one claim, and a trace lists them claim after claim: the arrays of the
    whole figure are then the arrays of each claim alone, end to end. A trace for which that is
    not so (a denial's arrow needs two claims) is worked out by leaving each claim out in turn.

    Parameters
    ----------
    trace_data : callable
        ``mask -> {uid: {property: array}}`` for a boolean mask over the ``n`` claims.
    n : int
        The number of claims.

    Returns
    -------
    dict
        ``{uid: [owners of element 0, owners of element 1, ...]}``; an element with no owner (a
        fixed mark) is always kept.

    Raises
    ------
    ExportError
        When a trace changes otherwise than by losing elements as claims are left out (a mark
        that groups claims, say): the page could not filter it.
    """
    full = {uid: _rows(props) for uid, props in trace_data(np.ones(n, dtype=bool)).items()}
    alone: dict[str, list[tuple[int, list[tuple]]]] = {uid: [] for uid in full}
    from explainer import progress  # a bar on a terminal: thousands of claims take a minute

    for i in progress.steps(range(n), total=n, desc="exporting", unit=" claims", least=200):
        mask = np.zeros(n, dtype=bool)
        mask[i] = True
        for uid, props in trace_data(mask).items():
            rows = _rows(props)
            if rows and uid in alone:
                alone[uid].append((i, rows))
    owners: dict[str, list[list[int]]] = {}
    shared = []
    for uid, rows in full.items():
        if [row for _, part in alone[uid] for row in part] == rows:
            owners[uid] = [[i] for i, part in alone[uid] for _ in part]
        else:
            shared.append(uid)
            owners[uid] = [[] for _ in rows]
    for i in range(n if shared else 0):
        mask = np.ones(n, dtype=bool)
        mask[i] = False
        reduced = trace_data(mask)
        for uid in shared:
            rows, less = full[uid], _rows(reduced.get(uid, {}))
            if len(less) == len(rows):
                continue
            # Without claim i, the arrays are the full arrays with some elements taken out, in the
            # same order: walk both, and what is missing needs claim i.
            j = 0
            for k, row in enumerate(rows):
                if j < len(less) and less[j] == row:
                    j += 1
                else:
                    owners[uid][k].append(i)
            if j != len(less):
                raise ExportError(
                    f"trace {uid!r} changes in more than which marks it has when claim {i} is "
                    "left out; the page could not filter it"
                )
    return owners


def filter_by_owners(
    props: dict[str, Any], owners: list[list[int]], keep: np.ndarray
) -> dict[str, Any]:
    """What the page's script does, in Python: keep the elements whose owners are all kept."""
    idx = [k for k, who in enumerate(owners) if all(keep[w] for w in who)]
    out = {}
    for key, value in props.items():
        plain = _plain(value)
        out[key] = [plain[k] for k in idx] if isinstance(plain, list) else plain
    return out


def _model_spec(
    fig: Any, empty: Any, full: dict[str, dict[str, Any]], owners: dict, ids: list[str]
) -> dict[str, Any]:
    """A figure as plain JSON for the page: its traces, its layout (and its layout for no claim),
    and per trace the properties that hold one value per element, with each element's owners.
    """
    plain = _plain(fig.to_plotly_json())
    filters = []
    for trace in plain["data"]:
        uid = trace.get("uid")
        if uid in owners and full.get(uid):
            named = [[ids[w] for w in who] for who in owners[uid]]
            filters.append({"paths": sorted(full[uid]), "owners": named})
            # The figure may hold these arrays as base64 typed arrays; the page slices plain lists.
            for path, values in full[uid].items():
                *parents, last = path.split(".")
                target = trace
                for key in parents:
                    target = target.setdefault(key, {})
                target[last] = _column(values)
        else:
            filters.append(None)
    return {
        "data": plain["data"],
        "layout": plain.get("layout", {}),
        "emptyLayout": _plain(empty.to_plotly_json()).get("layout", {}),
        "filters": filters,
    }


def _network_spec(data: Dataset, lang: str) -> dict[str, Any]:
    """The network for the page.

    Its edges bundle claims (width: how many; style: the status first in STATUS_ORDER), so an
    edge is not owned by claims the way a timeline mark is: the page redraws the edges from the
    claims of each pair with the rules of :class:`~explainer.figures.network.NetworkModel`
    (``networkData`` in ``offline.js``); the browser tests check that both give the same arrays.
    """
    from explainer.figures import network as network_figure
    from explainer.figures.network import WIDTH_CLASSES, NetworkModel

    # The busiest links only, past a limit (None: all of them), with a note that says so.
    limit = getattr(network_figure, "EDGE_LIMIT", None)
    limit_text = t("network.limit", lang) if limit is not None else ""

    model = NetworkModel(data)
    claims = model.claims
    fig = model.figure(lang=lang)
    empty = model.figure(lang=lang, mask=np.zeros(model.n, dtype=bool))
    names = [html.escape(isolate(data.actor_name(a, lang))) for a in model.nodes]
    node_of = {a: i for i, a in enumerate(model.nodes)}
    pairs = []
    for p, (a, b) in enumerate(model.pairs):
        members = np.flatnonzero(model.pair == p)
        pairs.append(
            {
                "geo": _plain(model.geo[p]),
                "source": names[node_of[a]],
                "target": names[node_of[b]],
                "claims": [str(claims.at[i, "id"]) for i in members],
                "status": [int(model.status_code[i]) for i in members],
            }
        )
    nodes = []
    for k, _ in enumerate(model.nodes):
        touching = (model.node_a == k) | ((model.node_t == k) & (model.node_t != model.node_a))
        nodes.append({"name": names[k], "claims": [str(c) for c in claims["id"][touching]]})
    plain = _plain(fig.to_plotly_json())
    return {
        "data": plain["data"],
        "layout": plain.get("layout", {}),
        "emptyLayout": _plain(empty.to_plotly_json()).get("layout", {}),
        "filters": [None] * len(plain["data"]),
        "network": {
            "lang": lang,
            "statuses": list(STATUS_ORDER),
            "statusWords": [html.escape(t(f"status.{s}", lang)) for s in STATUS_ORDER],
            # Lowest count of each width class, and the arrow size that goes with it.
            "widthLow": [low for low, _, _ in WIDTH_CLASSES],
            "arrow": [9.0 + 1.2 * k for k in range(len(WIDTH_CLASSES))],
            "pairs": pairs,
            "nodes": nodes,
            "edgeLimit": limit,
            "text": {
                "limit": limit_text,
                "edge": t("network.edge", lang),
                "node": t("network.node", lang),
                "one": t("n_claims.one", lang),
                "other": t("n_claims.other", lang),
            },
        },
    }


def _figures(data: Dataset) -> dict[str, dict[str, dict]]:
    """The timeline and the network of the whole dataset, in each language, from explainer.figures.

    Raises
    ------
    ExportError
        When the dataset has more claims than the timeline draws one by one (past that, it groups
        them, and the page could not filter the groups).
    """
    from explainer.figures.timeline import DETAIL_LIMIT as limit
    from explainer.figures.timeline import MARKER_PX, TimelineModel

    if len(data.claims) > limit:
        raise ExportError(
            f"this dataset has {len(data.claims)} claims, and the offline page draws and filters "
            f"each one in the browser, up to {limit}: export a smaller dataset (one article, or "
            "a filtered copy saved with save_dataset)"
        )
    # No plotly legends: the page shows the keys as HTML beside the plot (_figure_section), drawn
    # once, where plotly.js redrew its legends at every filter change (issue 17).
    model = TimelineModel(data, key="none")
    ids = [str(i) for i in model.ids]
    everything = np.ones(model.n, dtype=bool)
    nothing = np.zeros(model.n, dtype=bool)
    # Which claims each mark needs does not depend on the language: worked out once.
    owners = element_owners(lambda mask: model.trace_data(mask, lang=LANGS[0]), model.n)
    figures = {}
    for lang in LANGS:
        timeline = _model_spec(
            model.figure(lang=lang),
            model.figure(lang=lang, mask=nothing),
            model.trace_data(everything, lang=lang),
            owners,
            ids,
        )
        # What the page needs to narrow the time axis to a date window as the Explorer does
        # (TimelineModel.x_range and ticks, in offline.js; a browser test compares them).
        timeline["axis"] = {
            "range": list(model.range),
            "breaks": [list(b) for b in model.breaks],
            # x_range's padding: a marker's half-width at the plot's width, and the reach of marks
            # set beside a crowded date
            "visible": model.visible,
            "plot_px": model.plot_px,
            "dodge_reach": model.dodge_reach,
            "marker_px": MARKER_PX,
            "dates_range": list(model.dates_range),  # no tick past the last date
            "months": t("dates.month_abbr", lang).split(),
        }
        figures[lang] = {"timeline": timeline, "network": _network_spec(data, lang)}
    return figures


# -------------------------------------------------------------------------------------- HTML parts
def _article_source(data: Dataset) -> pd.Series | None:
    """The source most of the article's claims come from: the article the page credits."""
    claims = data.claims
    article = claims[claims["layer"] == "article"]
    counts = (article if len(article) else claims)["source"].value_counts()
    for source_id in counts.index:
        if source_id in data.sources.index:
            return data.sources.loc[source_id]
    return None


def _date_label(data: Dataset, source: pd.Series, lang: str) -> str:
    label = source.get(f"published_label_{lang}", "")
    return str(label) if isinstance(label, str) and label else str(source.get("published", ""))


def _actor_order(data: Dataset) -> list[str]:
    """Actors that appear in claims, most claims first (then by name): the filter's checkboxes."""
    flt = ClaimFilter(data.claims)
    counts = {actor_id: len(flt.rows_of(actor_id)) for actor_id in data.actors.index}
    used = [a for a in data.actors.index if counts[a] > 0]
    return sorted(used, key=lambda a: (-counts[a], data.actor_name(a, "en").lower()))


_EPOCH = pd.Timestamp("1970-01-01")


def day_number(stamp: pd.Timestamp) -> int:
    """A day as whole days since 1970-01-01: what the page compares, as ``ClaimFilter`` does."""
    return int((pd.Timestamp(stamp).normalize() - _EPOCH).days)


def _claim_records(data: Dataset) -> list[dict]:
    """What the page's filters need per claim, worked out here so that the script only compares.

    ``actors`` (every actor it involves), ``status``, ``kind``; ``ws``, ``we``, ``pe``: the days
    (:func:`day_number`) of ``when_start``, ``when_end`` and ``public_end``, the very values
    :class:`explainer.filtering.ClaimFilter` compares; ``text``: what it searches (summaries,
    quote and id folded, one per line), isolated by :func:`_search_text`. The actors and the text
    are the filter's own prepared ones.
    """
    flt = ClaimFilter(data.claims)
    records = []
    for i, row in enumerate(data.claims.itertuples(index=False)):
        records.append(
            {
                "id": row.id,
                "actors": list(flt.involved[i]),
                "status": row.status,
                "kind": row.kind,
                "ws": day_number(row.when_start),
                "we": day_number(row.when_end),
                "pe": day_number(row.public_end),
                "text": _search_text(flt.text[i]),
            }
        )
    return records


def _search_text(folded: str) -> str:
    """The folded text of a claim, isolated when it holds bidirectional controls (between FSI and
    PDI, a stray closer as a zero-width space: :func:`explainer.bidi.balance` with
    ``keep_offsets``), so that no data text in the page can reorder another. Every piece of the
    text between two controls is kept as it is: a search word (which holds none) is found
    exactly where :class:`explainer.filtering.ClaimFilter` finds it."""
    if not _BIDI_CONTROLS.search(folded):
        return folded
    return f"\u2068{balance(folded, keep_offsets=True)}\u2069"


def _cards(data: Dataset) -> str:
    """Each claim's card, the Explorer's own (:func:`explainer.card.card_html`), in both
    languages, hidden: the page shows a copy of the one chosen."""
    from explainer.card import card_html  # plotly's styles: loaded when a page is made

    cards = [
        f'<div data-card="{_esc(claim_id)}" data-lang="{lang}" lang="{lang}">'
        f"{card_html(data, claim_id, lang)}</div>"
        for claim_id in data.claims["id"]
        for lang in LANGS
    ]
    return f'<div id="cards" hidden>{"".join(cards)}</div>'


def _ranges(codes: Iterable[int]) -> str:
    """Code points as a regular-expression class body of ``\\u{...}`` ranges."""
    out, codes = [], sorted(codes)
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = codes[k], codes[j]
        out.append(f"\\u{{{lo:x}}}" + (f"-\\u{{{hi:x}}}" if hi > lo else ""))
        k = j + 1
    return "".join(out)


def fold_tables() -> dict[str, Any]:
    """What the page's ``foldText`` needs to fold as :func:`explainer.filtering.fold_text` does.

    JavaScript's ``toLowerCase`` is Python's ``str.lower``; ``casefold`` differs from it for a few
    letters (``ß`` → ``ss``, ``ς`` → ``σ``...), listed here from Python itself, as are the extra
    letters (``œ``, typographic apostrophes), the combining marks that the fold drops
    (``unicodedata.combining``) and the characters ``str.split`` splits on.
    """
    import sys
    import unicodedata

    casefold, combining, spaces = {}, [], []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if ch.casefold() != ch.lower():
            casefold[ch] = ch.casefold()
        if unicodedata.combining(ch):
            combining.append(code)
        if ch.isspace():
            spaces.append(code)
    return {
        "casefold": casefold,
        "extra": {chr(k): v for k, v in _FOLD_EXTRA.items()},
        "combining": _ranges(combining),
        "spaces": _ranges(spaces),
    }


def _months(first: pd.Timestamp, last: pd.Timestamp) -> list[pd.Timestamp]:
    return list(pd.date_range(first.replace(day=1), last, freq="MS"))


def _month_options(data: Dataset, months: list[pd.Timestamp], side: str) -> list[dict]:
    """Months as the page's choices: the EDTF month, its label, and its bound as a day number."""
    out = []
    for m in months:
        edtf = m.strftime("%Y-%m")
        out.append(
            {
                "value": edtf,
                "day": day_number(to_bound(edtf, side=side)),
                "labels": {lang: _month_label(m, lang) for lang in LANGS},
            }
        )
    return out


def _month_label(month: pd.Timestamp, lang: str) -> str:
    """A month as the Explorer's sliders name it (``dates.month_abbr``): "Oct 2024"."""
    return f"{t('dates.month_abbr', lang).split()[month.month - 1]} {month.year}"


def _checkboxes(name: str, options: Iterable[tuple[str, dict[str, str], str]]) -> str:
    items = []
    for value, labels, extra in options:
        items.append(
            f'<label class="choice"><input type="checkbox" name="{name}" value="{_esc(value)}" '
            f"checked> {_both_text(labels)}{extra}</label>"
        )
    return "\n".join(items)


def _date_choices(data: Dataset) -> dict[str, list[dict]]:
    """The months of the date window and of "Known by", as the Explorer's sliders offer them.

    ``start``: each month with its first day, ``end``: with its last day (the bounds
    :func:`explainer.filtering.to_bound` gives), ``known``: the months in which claims became
    public, with their last day.
    """
    c = data.claims
    starts = c["when_start"][~c["when_open_start"]]
    ends = c["when_end"][~c["when_open_end"]]
    if len(c):
        lo, hi = min(starts.min(), ends.min()), max(starts.max(), ends.max())
    else:
        lo, hi = pd.Timestamp("2000-01-01"), pd.Timestamp("2000-12-31")
    months = _months(lo, hi)
    p_lo = c["public_start"][~c["public_open_start"]]
    p_hi = c["public_end"][~c["public_open_end"]]
    known = _months(p_lo.min(), p_hi.max()) if len(p_lo) and len(p_hi) else []
    return {
        "start": _month_options(data, months, "start"),
        "end": _month_options(data, months, "end"),
        "known": _month_options(data, known, "end"),
    }


def _select(name: str, options: list[dict], lang: str, chosen: int | None, extra: str = "") -> str:
    items = [
        f'<option value="{_esc(o["value"])}"{" selected" if k == chosen else ""}>'
        f"{_esc(o['labels'][lang])}</option>"
        for k, o in enumerate(options)
    ]
    if extra:
        items.append(f'<option value=""{" selected" if chosen is None else ""}>{extra}</option>')
    return f'<select id="{name}" name="{name}">{"".join(items)}</select>'


def _controls(data: Dataset, lang: str = "en") -> str:
    actors = [
        (a, {lang: data.actor_name(a, lang) for lang in LANGS}, "") for a in _actor_order(data)
    ]
    statuses = [
        (s, {lang: t(f"status.{s}", lang) for lang in LANGS}, "")
        for s in STATUS_ORDER
        if (data.claims["status"] == s).any()
    ]
    kinds = [
        (k, {lang: t(f"kind.{k}", lang) for lang in LANGS}, "")
        for k in KIND_ORDER
        if (data.claims["kind"] == k).any()
    ]
    months = _date_choices(data)
    last = len(months["end"]) - 1
    today = _esc(t("ui.known_all", lang))
    return f"""
<section class="controls" aria-labelledby="filters-title">
  <h2 id="filters-title">{_both("export.filters")}</h2>
  <fieldset id="actor-filter"><legend>{_both("export.actors")}</legend>
    <div class="buttons"><button type="button" data-all="actor">{_both("export.all")}</button>
    <button type="button" data-none="actor">{_both("export.none")}</button></div>
    {_checkboxes("actor", actors)}
  </fieldset>
  <fieldset id="date-filter"><legend>{_both("ui.dates")}</legend>
    <label>{_both("ui.dates_from")} {_select("date-start", months["start"], lang, 0)}</label>
    <label>{_both("ui.dates_to")} {_select("date-end", months["end"], lang, last)}</label>
    <label>{_both("ui.known_on")} {_select("known-on", months["known"], lang, None, today)}</label>
  </fieldset>
  <fieldset id="status-filter"><legend>{_both("export.statuses")}</legend>
    <div class="buttons"><button type="button" data-all="status">{_both("export.all")}</button>
    <button type="button" data-none="status">{_both("export.none")}</button></div>
    {_checkboxes("status", statuses)}
  </fieldset>
  <fieldset id="kind-filter"><legend>{_both("ui.kinds")}</legend>
    <div class="buttons"><button type="button" data-all="kind">{_both("export.all")}</button>
    <button type="button" data-none="kind">{_both("export.none")}</button></div>
    {_checkboxes("kind", kinds)}
  </fieldset>
  <div class="search"><label>{_both("ui.search")}
    <input type="search" id="search" autocomplete="off"></label></div>
  <div class="buttons"><button type="button" id="reset">{_both("export.reset")}</button>
  <button type="button" id="print">{_both("export.print")}</button></div>
</section>"""


def _legend(data: Dataset) -> str:
    items = []
    for s in STATUS_ORDER:
        n = int((data.claims["status"] == s).sum())
        items.append(
            f'<dt class="status status-{s}">{_both(f"status.{s}")}</dt>'
            f"<dd>{_both(f'status_long.{s}')} {_count('export.n_claims', n)}</dd>"
        )
    return f"""
<section class="legend" aria-labelledby="legend-title">
  <h2 id="legend-title">{_both("export.legend")}</h2>
  <p>{_both("export.legend_intro")}</p>
  <dl>{"".join(items)}</dl>
</section>"""


def _pending(data: Dataset) -> pd.Series:
    """Which claims still have a ``review`` note: a draft that no person has checked yet."""
    claims = data.claims
    if "review" not in claims.columns:
        return pd.Series(False, index=claims.index)
    return claims["review"].fillna("").astype(str).str.strip() != ""


def _draft_banner(drafts: int) -> str:
    if not drafts:
        return ""
    # Inline style: the banner must stand out even if the page's stylesheet changes.
    return (
        '<p class="draft-banner" role="note" style="border:3px solid #b00020;padding:8px;'
        f'font-weight:bold">{_both("export.draft_banner", n=drafts)}</p>'
    )


def _table(data: Dataset, pending: pd.Series | None = None) -> str:
    if pending is None:
        pending = _pending(data)
    drafts = set(data.claims["id"][pending])
    claims = data.claims.sort_values(["when_start", "id"], kind="stable")
    known_ids = set(data.claims["id"])
    summaries = {
        row.id: {
            lang: getattr(row, f"summary_{lang}") or row.summary_en or row.summary_fr or row.id
            for lang in LANGS
        }
        for row in data.claims.itertuples(index=False)
    }
    rows = []
    for row in claims.itertuples(index=False):
        who = {lang: claim_who(data, row.actor, row.target, lang) for lang in LANGS}
        involved = [a.strip() for a in row.involves.split(";") if a.strip()]
        involves = ""
        if involved:
            names = {lang: ", ".join(data.actor_name(a, lang) for a in involved) for lang in LANGS}
            involves = f'<div class="small">{_both("export.involves")} {_both_text(names)}</div>'
        date = _both_text({"en": row.when_label_en, "fr": row.when_label_fr})
        public = _both_text({"en": row.public_label_en, "fr": row.public_label_fr})
        quote = f'<blockquote class="quote">{_text(row.quote)}</blockquote>' if row.quote else ""
        answers = ""
        if row.responds_to:
            # The answered claim by its summary in the page's language, not by its id.
            target = _text(row.responds_to)
            if row.responds_to in known_ids:
                answered = summaries[row.responds_to]
                target = _both_text({lang: _quoted_plain(answered[lang], lang) for lang in LANGS})
            ref = (
                f'<a href="#claim-{_esc(row.responds_to)}">{target}</a>'
                if row.responds_to in known_ids
                else target
            )
            answers = f'<div class="answers">{_both("export.answers")} {ref}</div>'
        layer = ""
        if row.layer == "context":
            layer = f'<div class="small">{_both("layer.context")}</div>'
        source = _text(row.source)
        if row.source in data.sources.index:
            outlet = _text(data.sources.at[row.source, "outlet"])
            source = f'<a href="#source-{_esc(row.source)}">{outlet}</a>'
        paragraph = ""
        if not pd.isna(row.paragraph):
            # source_paragraph's ", paragraph N", in both languages after the one link.
            words = {lang: paragraph_words(row.paragraph, lang) for lang in LANGS}
            paragraph = ", " + "".join(
                f'<span class="l-{lang}" lang="{lang}">{_esc(words[lang])}</span>' for lang in LANGS
            )
        summary = _both_text({"en": row.summary_en, "fr": row.summary_fr})
        if row.id in drafts:
            # A draft row says so, and an empty summary is not shown as if nothing were claimed.
            if not (row.summary_en or row.summary_fr):
                summary = f"<em>{_both('export.no_summary')}</em>"
            note = f"<strong>{_both('export.draft_row')}</strong>"
            summary = f'<div class="draft-note small">{note}</div>{summary}'
        rows.append(
            f'<tr id="claim-{_esc(row.id)}" data-claim="{_esc(row.id)}">'
            f'<td class="date">{date}'
            f'<div class="small">{_both("export.public_since")} {public}</div></td>'
            f"<td>{_both_text(who)}{involves}</td>"
            f"<td>{_both(f'kind.{row.kind}')}</td>"
            f'<td class="status status-{_esc(row.status)}"><strong>{_both(f"status.{row.status}")}'
            f'</strong><div class="small">{_both(f"status_long.{row.status}")}</div></td>'
            f"<td>{summary}{quote}{answers}{layer}</td>"
            f'<td>{source}{paragraph}<div class="small id">{_text(row.id)}</div></td></tr>'
        )
    head = "".join(
        f"<th scope=col>{_both(f'export.col.{c}')}</th>"
        for c in ("date", "who", "kind", "status", "claim", "source")
    )
    return f"""
<section class="claims" aria-labelledby="table-title">
  <h2 id="table-title">{_both("export.table")}</h2>
  <table id="claims-table"><thead><tr>{head}</tr></thead>
  <tbody>{"".join(rows)}</tbody></table>
</section>"""


def _quoted_plain(text: str, lang: str) -> str:
    """Plain ``text`` in the quotation marks of ``lang`` (escaped later, as data)."""
    return f"{_QUOTES[lang][0]}{text}{_QUOTES[lang][1]}"


def _source_notes(source: dict) -> dict[str, str]:
    """A source's note in each language: ``note_fr`` in French, the English ``note`` where the
    French one is missing (an optional column, empty in a dataset of one's own)."""
    english = str(source.get("note") or "")
    french = source.get("note_fr")
    french = french if isinstance(french, str) and french.strip() else english
    return {"en": english, "fr": french}


def _sources(data: Dataset) -> str:
    items = []
    for src in data.sources.itertuples(index=False):
        title = _quoted(_text(src.title))
        if src.url and _is_web_url(src.url):
            title = (
                f'<a href="{_esc(src.url)}" rel="noopener noreferrer" target="_blank">{title}</a>'
                f'<span class="url"> {_text(src.url)}</span>'
            )
        date = _both_text(
            {lang: _date_label(data, pd.Series(src._asdict()), lang) for lang in LANGS}
        )
        notes = _source_notes(src._asdict())
        note = f' <span class="small">({_both_text(notes)})</span>' if notes["en"] else ""
        items.append(
            f'<li id="source-{_esc(src.id)}"><strong>{_text(src.outlet)}</strong>, {title}, {date}'
            f" [{_text(src.language)}]{note}</li>"
        )
    return f"""
<section class="sources" aria-labelledby="sources-title">
  <h2 id="sources-title">{_both("export.sources")}</h2>
  <ul>{"".join(items)}</ul>
</section>"""


def _header(data: Dataset, drafts: int = 0) -> tuple[str, dict[str, str]]:
    source = _article_source(data)
    after = "export.attribution_draft" if drafts else "export.attribution_after"
    if source is None:
        credit = ""
        titles = {lang: t("export.title", lang) for lang in LANGS}
    else:
        link = _text(source["title"])
        if source["url"] and _is_web_url(source["url"]):
            link = f'<a href="{_esc(source["url"])}" rel="noopener noreferrer">{link}</a>'
        credit = "".join(
            f'<p class="attribution l-{lang}" lang="{lang}">'
            + _esc(t("export.attribution_before", lang))
            + f" {_text(source['outlet'])}, {_quoted(link, lang)}, "
            + f"{_text(_date_label(data, source, lang))}. "
            + _esc(t(after, lang))
            + "</p>"
            for lang in LANGS
        )
        # Plain text (it is also the <title>): the outlet isolated with FSI ... PDI.
        titles = {
            lang: f"{t('export.title', lang)} ({isolate(source['outlet'])})" for lang in LANGS
        }
    toggle = " ".join(
        f'<button type="button" class="lang" data-lang="{lang}" lang="{lang}">'
        f"{lang.upper()}</button>"
        for lang in LANGS
    )
    header = f"""
<header>
  <nav class="lang-toggle" aria-label="Language / langue">{toggle}</nav>
  <h1>{_both_text(titles)}</h1>
  {_draft_banner(drafts)}
  {credit}
  <p class="offline small">{_both("export.offline_note")}</p>
</header>"""
    return header, titles


def _figure_section(name: str, spec: dict[str, Any]) -> str:
    from explainer.figures.key import key_html

    if name != "timeline":
        # In a box that scrolls sideways under the figure's least width (offline.css): on a
        # phone the network's names left its drawing 66 px, and its title and key ran off.
        from explainer.figures.network import MIN_WIDTH_PX

        least = f' style="min-width:{MIN_WIDTH_PX}px"' if name == "network" else ""
        plot = f'<div class="plot-scroll"><div id="{name}" class="plot"{least}></div></div>'
    else:  # its keys beside it (under it on a narrow screen), in the page's language (CSS)
        # The dotted line of an axis cut is in the key: a narrow plot hides the cuts' labels.
        cuts = bool(spec["axis"]["breaks"])
        keys = "".join(f'<div class="l-{code}">{key_html(code, cuts=cuts)}</div>' for code in LANGS)
        plot = (
            f'<div class="plot-row"><div id="{name}" class="plot"></div>'
            f'<div class="plot-key">{keys}</div></div>'
        )
    return f"""
<section class="figure" aria-labelledby="{name}-title">
  <h2 id="{name}-title">{_both(f"export.{name}")}</h2>
  {plot}
</section>"""


# ---------------------------------------------------------------------------------------- the page
def render_html(
    data: Dataset | str | Path | None = None, *, lang: str = "en", draft: bool = False
) -> str:
    """The offline page as one HTML string.

    Parameters
    ----------
    data : Dataset, str or pathlib.Path, optional
        A loaded dataset or a dataset folder; default the bundled dataset.
    lang : {"en", "fr"}
        The language the page opens in (the page has a toggle for the other).
    draft : bool
        Allow claims that still have a ``review`` note (a draft nobody has checked, whose
        summaries may be empty): the page then says so at the top, in its credit line and on each
        of those claims.

    Returns
    -------
    str
        A complete HTML document that loads nothing from the network.

    Raises
    ------
    ExportError
        When claims still have a ``review`` note and ``draft`` is false.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not isinstance(data, Dataset):
        data = load_dataset(data)
    pending = _pending(data)
    if pending.any() and not draft:
        first = str(data.claims["id"][pending].iloc[0])
        raise ExportError(
            f"this dataset is a draft: {int(pending.sum())} claim(s) still have a 'review' note "
            f"and may have no summary (the first is {first!r}); review them and empty their "
            "'review' cells, or add --draft to write a page marked as a draft"
        )
    from explainer.figures.key import KEY_CSS
    from explainer.figures.traces import uid_table

    figures = _figures(data)
    strings = {code: {key: t(key, code) for key in _SCRIPT_KEYS} for code in LANGS}
    page_data = {
        "lang": lang,
        "claims": _claim_records(data),
        "months": _date_choices(data),
        "fold": fold_tables(),
        "figures": figures,
        "strings": strings,
        "traces": uid_table(),  # trace uids, defined once (explainer.figures.traces)
    }
    header, titles = _header(data, int(pending.sum()))
    return f"""<!DOCTYPE html>
<html lang="{lang}" data-lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{_esc(titles[lang])}</title>
<style>
{_static("offline.css")}{KEY_CSS}
</style>
</head>
<body>
{header}
<main>
{_controls(data, lang)}
<p id="active" class="active-filters"></p>
<p id="summary" class="summary" role="status" aria-live="polite"></p>
<p id="empty" class="empty" hidden></p>
<section class="card" aria-labelledby="card-title">
  <h2 id="card-title">{_both("export.card")}</h2>
  <div id="card" aria-live="polite"></div>
</section>
{"".join(_figure_section(name, spec) for name, spec in figures[lang].items())}{_legend(data)}
{_table(data, pending)}
{_sources(data)}
{_cards(data)}
</main>
<footer class="small">{_both("export.footer")}</footer>
<script>
{_plotly_js()}
</script>
<script id="page-data" type="application/json">{script_json(page_data)}</script>
<script>
{_static("offline.js")}
</script>
</body>
</html>
"""


def export_html(
    data: Dataset | str | Path | None,
    out: str | Path,
    *,
    lang: str = "en",
    force: bool = False,
    draft: bool = False,
) -> Path:
    """Write the offline page to ``out``.

    Parameters
    ----------
    data : Dataset, str or pathlib.Path, optional
        A loaded dataset or a dataset folder; ``None`` for the bundled dataset.
    out : str or pathlib.Path
        The HTML file to write.
    lang : {"en", "fr"}
        The language the page opens in.
    force : bool
        Overwrite ``out`` when it is an existing file (otherwise refuse, so nothing is lost). A
        folder, a symbolic link, a pipe or a device is never replaced.
    draft : bool
        Export a dataset whose claims still have a ``review`` note; the page then says, at the
        top and on each such claim, that it is a draft nobody reviewed (see :func:`render_html`).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    DatasetError
        When the dataset has errors.
    ExportError
        When ``out`` exists (without ``force``), is not a regular file, or cannot be written, or
        the dataset is an unreviewed draft (without ``draft``).
    """
    path = Path(out)
    check_out(path, force=force)
    page = render_html(data, lang=lang, draft=draft)
    # Write next to the target under a fresh name, then rename: an interrupted export never leaves
    # half a page behind, and no leftover file or folder of an earlier run can be in the way.
    tmp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as error:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error
    return path


def check_out(path: Path, *, force: bool = False) -> None:
    """Refuse an output path that is not a new file, or (with ``force``) a regular file.

    For every writer of a file: a folder, a symbolic link, a pipe or a device is never replaced
    (renaming over it would replace the link or the device itself; writing into a pipe blocks).

    Raises
    ------
    ExportError
        Saying what is there and what to do.
    """
    kind = _kind_of(path)
    if kind == "a folder":
        raise ExportError(f"{path} is a folder; give a file name such as {path / 'claims.html'}")
    if kind is not None:
        raise ExportError(
            f"{path} is {kind}; the file is only written as a new file or over a regular file: "
            "give another name (or, for a link, the path of the file it points to)"
        )
    if path.exists() and not force:
        raise ExportError(
            f"{path} already exists; choose another name, or add --force to replace it"
        )
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")


def _umask() -> int:
    # mkstemp makes a private file (0600); a page is meant to be shared, like any new file.
    mask = os.umask(0)
    os.umask(mask)
    return mask
