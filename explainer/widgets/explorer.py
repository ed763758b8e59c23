"""The Explorer: filter claims with a few controls; see the timeline, network, table and card.

Everything slow happens once, when the Explorer is made: positions, lanes and hover texts
(:class:`~explainer.figures.timeline.TimelineModel`), the network layout, and the one filter,
prepared (:class:`~explainer.filtering.ClaimFilter`). A control change then computes one boolean
mask and assigns only the trace properties that changed, in one update message, to figures built
once with all their traces: nothing is ever rebuilt, so it stays fast and works in Voila.

(Over 500 lines on purpose: one view, one class that owns its controls, figures and observer, as
the architecture asks; the filter, wording, figures and syncing are in their own modules.)
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from explainer.card import TABLE_LIMIT, TableRows, card_html
from explainer.figures.describe import ClaimStats
from explainer.figures.key import KEY_CSS, key_html
from explainer.figures.network import MIN_WIDTH_PX, NetworkModel
from explainer.figures.style import STATUS_STYLES
from explainer.figures.timeline import TimelineModel
from explainer.figures.traces import check_lang, message_html, parse_uid, trace_uid
from explainer.filtering import ClaimFilter, Criteria, DateLike, to_bound
from explainer.i18n import KIND_ORDER, STATUS_ORDER, t
from explainer.presentation import claim_who, kind_label, status_label
from explainer.widgets.controls import (
    Checklist,
    FitPlots,
    MonthRangeSlider,
    MonthSlider,
    RadioChoice,
)
from explainer.widgets.sync import StableFigureWidget, apply_updates

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = ["Explorer", "ShownClaims", "StableFigureWidget"]


# The layout lives in classes, not in fixed widths: the controls wrap, the plot takes what is left
# beside the card, and when the Explorer is narrower than about 800 px (a phone, half a projector)
# everything stacks: controls, the plot at full width, the card under it. A container query (not a
# media query) so that it also holds in a JupyterLab panel narrower than the window. Text is at
# least 14 px (read from the back of a room). Sticky: the card follows the reader down the plot.
_CSS = """<style>
.explainer-explorer { container-type: inline-size; width: 100%; min-width: 0; }
.explainer-explorer .widget-label, .explainer-explorer .widget-label-basic,
.explainer-explorer .jupyter-widgets button, .explainer-explorer input,
.explainer-explorer select, .explainer-explorer .widget-html-content { font-size: 15px; }
.explainer-explorer .explainer-controls { display: flex; flex-flow: row wrap; gap: 8px 16px;
  align-items: flex-start; width: 100%; }
.explainer-explorer .explainer-controls > * { flex: 1 1 300px; min-width: 0; max-width: 100%; }
.explainer-explorer .explainer-checks { display: flex; flex-flow: row wrap; gap: 0 12px;
  align-items: center; }
.explainer-explorer .explainer-checks > .widget-checkbox { width: auto; margin: 0; }
.explainer-explorer .explainer-checks > .widget-text { flex: 1 1 170px; min-width: 0; }
.explainer-explorer .explainer-checks > .widget-text input { min-width: 0; }
.explainer-explorer .explainer-main { display: flex; flex-flow: row nowrap; gap: 8px;
  align-items: flex-start; width: 100%; }
.explainer-explorer .explainer-plot { flex: 1 1 0; min-width: 0; width: auto; }
.explainer-explorer .explainer-card-panel { flex: 0 0 340px; width: 340px; position: sticky;
  top: 8px; align-self: flex-start; order: 2; }
.explainer-explorer .explainer-claim-picker { width: 100%; height: auto; flex-direction: column;
  align-items: stretch; margin-bottom: 6px; }
.explainer-explorer .explainer-claim-picker label { width: auto; text-align: left;
  font-weight: bold; }
.explainer-explorer .explainer-claim-picker select { width: 100%; max-width: 100%;
  height: 34px; flex: 0 0 auto; }
.explainer-explorer .explainer-table-wrap { overflow-x: auto; max-width: 100%; }
.explainer-explorer .explainer-description p { font-size: 15px !important; }
@container (max-width: 800px) {
  .explainer-explorer .explainer-main { flex-direction: column; }
  .explainer-explorer .explainer-plot, .explainer-explorer .explainer-card-panel {
    flex: 0 0 auto; width: 100%; position: static; }
}
.explainer-explorer .explainer-plot { container-type: inline-size; }
.explainer-explorer .explainer-plot-row { display: flex; flex-flow: row nowrap; gap: 8px;
  align-items: flex-start; width: 100%; }
.explainer-explorer .explainer-plot-row > :first-child { flex: 1 1 0; min-width: 0; }
.explainer-explorer .explainer-key { flex: 0 0 190px; width: 190px; position: sticky; top: 8px;
  margin-top: 90px; align-self: flex-start; }
@container (max-width: 919px) {
  .explainer-explorer .explainer-plot-row { flex-direction: column; }
  .explainer-explorer .explainer-plot-row > :first-child { flex: 0 0 auto; width: 100%; }
  .explainer-explorer .explainer-key { flex: 0 0 auto; width: 100%; position: static;
    margin: 0; padding: 0 8px; box-sizing: border-box; }
  .explainer-explorer .timeline-key ul { display: flex; flex-flow: row wrap; gap: 0 16px; }
}
</style>"""
# The timeline's keys are HTML beside the plot (figures/key.py), styled as on the offline page.
# The network keeps its least width (its names stand beside it) and scrolls sideways in a
# narrower box, as on the offline page: on a phone its drawing was left 66 px.
_CSS = (
    f"<style>{KEY_CSS}\n.explainer-explorer .explainer-network {{ overflow-x: auto; }}\n"
    f".explainer-explorer .explainer-network .js-plotly-plot {{ min-width: {MIN_WIDTH_PX}px; }}"
    f"</style>{_CSS}"
)


# plotly's toolbar, reduced to what a class needs (zoom in and out, back to the whole view, save a
# picture), without plotly's logo link nor its "Share chart" (an upload to Plotly Cloud: a class's
# work does not leave the room); it comes after the page's own controls in the page.
FIGURE_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": [
        "sendChartToCloud",
        "select2d",
        "lasso2d",
        "zoom2d",
        "pan2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
    ],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def _month(ts: pd.Timestamp) -> str:
    return f"{ts.year:04d}-{ts.month:02d}"


Labels = tuple[dict[str, dict[str, Any]], dict[str, Any]]  # (trace changes by uid, layout changes)


class ShownClaims:
    """What the Explorer shows for a filter: its summary line and the claims, as text and HTML.

    The text (what a notebook's stored output, and nbval, compare) is the summary line and one
    line a claim: id, date, who → whom, status. The HTML folds the Explorer's own table under
    the summary line, so that it takes one line of a page until opened.

    Attributes
    ----------
    summary : str
        The Explorer's summary line ("10 of 78 claims; 10 rest on unnamed sources").
    claims : pandas.DataFrame
        ``id``, ``when``, ``who``, ``status`` of each claim shown, in the table's order.
    """

    def __init__(self, summary: str, claims: pd.DataFrame, table_html: str, heading: str = ""):
        self.summary = summary
        self.claims = claims
        self._table_html = table_html
        self._heading = heading or summary

    def __repr__(self) -> str:
        if self.claims.empty:
            return self.summary
        return f"{self.summary}\n{self.claims.to_string(index=False)}"

    def _repr_html_(self) -> str:
        return (
            '<details style="font-size:15px"><summary>'
            f"<b>{html.escape(self._heading)}</b></summary>"
            f"{self._table_html}</details>"
        )


class Explorer(widgets.VBox):
    """Filter the claims and see them as a timeline, a network, a table and a card.

    Parameters
    ----------
    data : Dataset
        The dataset (``explainer.load_dataset()``).
    lang : {"en", "fr"}
        Language of every label; the language control switches it later.

    Attributes
    ----------
    figure : plotly.graph_objects.FigureWidget
        The timeline, updated in place (without plotly legends: see ``key``).
    key : ipywidgets.HTML
        The timeline's keys (who vouches for a claim, how to read the marks), drawn once and
        relabelled on a language switch (:func:`explainer.figures.key.key_html`).
    network : plotly.graph_objects.FigureWidget
        The actor network, updated in place.
    table : ipywidgets.HTML
        The matching claims as a table (the text alternative).
    summary : ipywidgets.HTML
        One line in plain words: "14 of 77 claims; 9 rest on unnamed sources".
    description : ipywidgets.HTML
        A sentence or two that says what the timeline and network show.
    card : ipywidgets.HTML
        The selected claim: summary, quote, source with link, status explained.
    claim_picker : ipywidgets.Dropdown
        The shown claims (as in the table); choosing one opens its card, as a click on its mark
        does (the way in for the keyboard and screen readers).
    actors : Checklist
        The actors, as checkboxes with *All* and *None*.
    dates, known_on : MonthRangeSlider, MonthSlider
        The date window and the Known-by month: one step a month, each announcing its month.
    language : RadioChoice
        English or French; the checked one is the active language.
    mask : numpy.ndarray
        Which claims (rows of ``data.claims``) match the controls.

    Examples
    --------
    >>> import explainer as ex
    >>> app = ex.Explorer(ex.load_dataset())  # doctest: +SKIP
    >>> app.filter(actors=["putin"], statuses=["reported"])  # doctest: +SKIP
    >>> app  # doctest: +SKIP
    """

    # How figures are synced (widgets/sync.py); benchmarks/interaction.py swaps in plotly's
    # documented route to compare the two on the same app.
    _apply_updates = staticmethod(apply_updates)

    def __init__(self, data: Dataset, lang: str = "en"):
        self.data = data
        self.lang = check_lang(lang)
        self.claims = data.claims.reset_index(drop=True)
        # Without plotly legends: the keys are HTML beside the plot (self.key), drawn once, where
        # plotly.js redrew its legends at every change (the largest part of a redraw, issue 17).
        self._timeline = TimelineModel(data, self.claims, key="none")
        # The one filter, prepared once; it knows every actor of the dataset (to refuse others).
        self._filter = ClaimFilter(
            self.claims, actor_ids=[*self._timeline.lanes, *data.actors.index]
        )
        self._stats = ClaimStats(self.claims, data)
        self._rows = TableRows(data, self.claims)
        self._query = Criteria()
        self._selected: int | None = None
        self._syncing = False
        self._cache_t: dict = {}
        self._cache_n: dict = {}
        # New labels after a language switch, sent with the next update: one message per figure.
        self._labels_t: Labels | None = None
        self._labels_n: Labels | None = None
        self.mask = np.ones(len(self.claims), dtype=bool)

        self.figure = StableFigureWidget(self._timeline.figure(lang=lang))
        self.figure._config = dict(FIGURE_CONFIG)
        # The network's FigureWidget is made on first use: each FigureWidget loads plotly's ~5 MB
        # widget module in the browser, and anywidget gives a model only 2 s to start; two at once
        # on a slow classroom machine miss it, and the figure then never updates.
        self._network_fig: StableFigureWidget | None = None
        self._network_button = widgets.Button(
            description=t("explorer.show_network", lang),
            layout=widgets.Layout(width="auto", margin="8px 0"),
        )
        self._network_button.on_click(self._show_network)
        self._network_slot = widgets.VBox([self._network_button])
        for trace in self.figure.data:
            ref = parse_uid(trace.uid)
            if ref is not None and ref.kind.claims:  # marks that are claims open their card
                trace.on_click(self._on_click)
        self.summary = widgets.HTML(layout=widgets.Layout(margin="4px 0"))
        self.description = widgets.HTML()
        self.description.add_class("explainer-description")
        self.table = widgets.HTML()
        self.table.add_class("explainer-table-wrap")
        self.card = widgets.HTML()
        # Who vouches for a claim, how to read the marks: beside the plot, under it when narrow.
        self.key = widgets.HTML(self._key_html(lang))
        self.key.add_class("explainer-key")
        self._build_controls()
        # The card sits beside the (tall) timeline and stays in view while it scrolls; under
        # 800 px it goes under the plot (see _CSS). The claim picker above it opens a card from
        # the keyboard, as a click on a mark does.
        plot_row = widgets.HBox([self.figure, self.key])
        plot_row.add_class("explainer-plot-row")
        timeline = widgets.VBox([plot_row, self.description])
        timeline.add_class("explainer-plot")
        side = widgets.VBox([self.claim_picker, self.card])
        side.add_class("explainer-card-panel")
        # The card's column comes first in the page, so that Tab reaches the claim picker before
        # plotly's toolbar; CSS (order) still draws it on the right, or under the plot.
        main = widgets.HBox([side, timeline])
        main.add_class("explainer-main")
        super().__init__(
            children=[
                widgets.HTML(_CSS),
                FitPlots(
                    figures=self._fitted_figures,
                    on_width=self._fit_width,
                ),
                self.summary,
                self._controls,
                main,
                self._network_slot,
                self.table,
            ]
        )
        self.add_class("explainer-explorer")
        self.card.value = self._empty_card()
        # Every update rewrites the table (the text alternative); the picker lists the same claims.
        self.table.observe(lambda _: self._refresh_claim_picker(), "value")
        # The figures were built from this very data: remember it, so that only changes are sent.
        n = len(self.claims)
        self._cache_t = _remember(
            self._timeline.trace_data(self.mask, lang=lang, stable=True), self._timeline_layout(n)
        )
        self._update()

    @functools.cached_property
    def _network(self) -> NetworkModel:
        # Made with the network's figure, on first use: its layout imports networkx (~10 MB in
        # every kernel, so in every Voila page load) for a view many page loads never open.
        return NetworkModel(self.data, self.claims)

    @property
    def network(self) -> go.FigureWidget:
        """The actor network, updated in place; made on first use (or by its button)."""
        if self._network_fig is None:
            spec = self._network.figure(lang=self.lang, mask=self.mask)
            if self._fit.narrow:  # already narrow: FitPlots only relayouts on a change
                for path, value in spec.layout.meta["narrow"].items():
                    spec.layout[path] = value
            fig = StableFigureWidget(spec)
            fig._config = dict(FIGURE_CONFIG)
            self._cache_n = {}
            self._network_fig = fig
            self._update_network(self.mask, self.lang)
            # plotly's widget takes seconds to load and draw: say so until the plot is there
            # (the note hides itself, in the browser, as soon as the slot holds a drawn plot).
            self._network_note = widgets.HTML(_drawing_html(self.lang))
            self._network_slot.add_class("explainer-network")
            self._network_slot.children = (self._network_note, fig)
        return self._network_fig

    def _key_html(self, lang: str) -> str:
        tl = self._timeline
        return key_html(lang, grouped=tl.grouped, cuts=bool(tl.breaks))

    @property
    def _fit(self) -> FitPlots:
        return next(c for c in self.children if isinstance(c, FitPlots))

    def _fitted_figures(self) -> list[go.FigureWidget]:
        """The figures FitPlots gives their narrow or wide layout (``layout.meta``)."""
        return [self.figure] + ([self._network_fig] if self._network_fig is not None else [])

    def _show_network(self, _: Any = None) -> None:
        """The button's click: say "drawing…" at once, then make the network.

        The kernel then spends about half a second on the layout and the browser seconds on
        plotly's module before anything is drawn: the button says so from the click on (its
        change reaches the page before that work starts), and the note that replaces it stays
        until the network's first traces are drawn (see :func:`_drawing_html`).
        """
        if self._network_fig is None:
            self._network_button.disabled = True
            self._network_button.description = "⏳ " + t("network.drawing", self.lang)
            self._network_button.add_class("explainer-drawing")
        self.network  # noqa: B018  (made on first use)

    def _update_network(self, mask: np.ndarray, lang: str) -> None:
        if self._network_fig is None:
            return
        net = self._network.trace_data(mask, lang=lang)
        net_layout = self._network.notes(net, lang)
        net_layout["annotations[0].visible"] &= bool(mask.any())  # the summary says "no claim"
        net, net_layout = _with_labels(net, net_layout, self._labels_n)
        self._labels_n = None
        self._apply_updates(self._network_fig, net, self._cache_n, net_layout)

    # ------------------------------------------------------------------------------------------
    # Controls

    def _build_controls(self) -> None:
        lang = self.lang
        c = self.claims
        in_claims = (
            set(c["actor"])
            | set(c["target"])
            | {p.strip() for v in c["involves"] for p in v.split(";")}
        )
        others = sorted(
            a for a in self.data.actors.index if a in in_claims and a not in self._timeline.lanes
        )
        self._actor_ids = [*self._timeline.lanes, *others]
        self.actors = Checklist(
            options=[(self.data.actor_name(a, lang), a) for a in self._actor_ids],
            value=tuple(self._actor_ids),
        )
        starts = c["when_start"][~c["when_open_start"]]
        ends = c["when_end"][~c["when_open_end"]]
        lo = min(starts.min(), ends.min()) if len(c) else pd.Timestamp("2000-01-01")
        hi = max(starts.max(), ends.max()) if len(c) else pd.Timestamp("2000-12-31")
        self._months = [_month(m) for m in pd.date_range(lo.replace(day=1), hi, freq="MS")]
        # One native range input a handle, one step a month (arrow keys), a year a page; each
        # named, announcing the month it stands on.
        self.dates = MonthRangeSlider(
            options=self._month_options(self._months), index=(0, len(self._months) - 1)
        )
        p_lo = c["public_start"][~c["public_open_start"]]
        p_hi = c["public_end"][~c["public_open_end"]]
        if len(p_lo) and len(p_hi):
            known = pd.date_range(p_lo.min().replace(day=1), p_hi.max(), freq="MS")
        else:
            known = pd.DatetimeIndex([])
        self._known_months = [_month(m) for m in known]
        self.known_on = MonthSlider(options=self._known_options(), value="")
        self.status_boxes = {s: widgets.Checkbox(value=True, indent=False) for s in STATUS_ORDER}
        self.kind_boxes = {k: widgets.Checkbox(value=True, indent=False) for k in KIND_ORDER}
        self.search = widgets.Text(
            continuous_update=True,
            layout=widgets.Layout(width="auto", max_width="100%"),
            # The label as wide as its word: the box keeps the room, beside Reset in one row.
            style={"description_width": "initial"},
        )
        # Radio buttons: the checked one is the active language, and assistive technology says so.
        self.language = RadioChoice(
            options=[(t("ui.lang.en", lang), "en"), (t("ui.lang.fr", lang), "fr")],
            value=lang,
            langs=["en", "fr"],
        )
        self.reset_button = widgets.Button(icon="undo", layout=widgets.Layout(width="auto"))
        # A keyboard (and screen-reader) way to a claim's card: the shown claims, in table order.
        self.claim_picker = widgets.Dropdown(
            options=[("", "")], value="", layout=widgets.Layout(width="100%")
        )
        self.claim_picker.add_class("explainer-claim-picker")
        self._picker_labels: dict[tuple[str, int], str] = {}
        self._labels = {k: widgets.HTML() for k in ("statuses", "kinds")}
        self._help = widgets.HTML()
        self._label_controls()

        self.actors.observe(self._on_control, "index")
        self.dates.observe(self._on_control, "index")
        self.known_on.observe(self._on_control, "index")
        for box in [*self.status_boxes.values(), *self.kind_boxes.values()]:
            box.observe(self._on_control, "value")
        self.search.observe(self._on_control, "value")
        self.language.observe(self._on_language, "value")
        self.reset_button.on_click(lambda _: self.filter())
        self.claim_picker.observe(self._on_pick, "value")

        statuses = widgets.HBox([self._labels["statuses"], *self.status_boxes.values()])
        kinds = widgets.HBox([self._labels["kinds"], *self.kind_boxes.values()])
        statuses.add_class("explainer-checks")
        kinds.add_class("explainer-checks")
        actions = widgets.HBox([self.search, self.reset_button])
        actions.add_class("explainer-checks")
        self._controls = widgets.HBox(
            [
                self.actors,
                widgets.VBox([self.dates, self.known_on]),
                # The sliders' keys under the shorter column beside them, not under the sliders
                # (the tallest column): the controls end a row higher, and at 1366x768 the
                # timeline's first lanes are on the first screen with them.
                widgets.VBox([statuses, kinds, actions, self.language, self._help]),
            ]
        )
        self._controls.add_class("explainer-controls")

    def _month_options(self, months: list[str]) -> list[tuple[str, str]]:
        names = t("dates.month_abbr", self.lang).split()
        return [(f"{names[int(m[5:]) - 1]} {m[:4]}", m) for m in months]

    def _known_options(self) -> list[tuple[str, str]]:
        return [*self._month_options(self._known_months), (t("ui.known_all", self.lang), "")]

    def _label_controls(self) -> None:
        lang = self.lang
        with self._quiet():
            self.actors.options = [(self.data.actor_name(a, lang), a) for a in self._actor_ids]
            self.dates.options = self._month_options(self._months)
            self.known_on.options = self._known_options()
        self.actors.legend = t("ui.actors", lang)
        self.actors.all_label = t("ui.actors_all", lang)
        self.actors.none_label = t("ui.actors_none", lang)
        self.actors.count_template = t("ui.actors_count", lang)
        self.dates.description = t("ui.dates", lang)
        self.dates.names = [t("ui.dates_from", lang), t("ui.dates_to", lang)]
        self.known_on.description = t("ui.known_on", lang)
        self.known_on.names = [t("ui.known_slider", lang)]
        # "From: Oct 2001", "Du mois : oct. 2001" (French puts a space before a colon).
        self.dates.separator = self.known_on.separator = t("colon", lang, label="", text="")
        self._help.value = (
            # Its own line height: the widget's (28 px) left a gap in a column that sets how far
            # down the timeline starts (two lines at 1024 px, a classroom projector's XGA).
            '<div style="color:#444;font-size:14px;line-height:1.35">'
            f"{html.escape(t('ui.dates_help', lang))}</div>"
        )
        for s, box in self.status_boxes.items():
            style = STATUS_STYLES[s]
            box.description = f"{style.glyph} {status_label(s, lang)}"
        for k, box in self.kind_boxes.items():
            box.description = kind_label(k, lang)
        self.search.placeholder = t("ui.search_hint", lang)
        self.search.description = t("ui.search", lang)
        self.reset_button.description = t("ui.reset", lang)
        self.reset_button.tooltip = t("ui.reset", lang)
        self.language.description = t("ui.language_now", lang)
        self.claim_picker.description = t("ui.open_claim", lang)
        self.claim_picker.style.description_width = "initial"
        for key, label in self._labels.items():
            label.value = f"<b>{html.escape(t(f'ui.{key}', lang))}</b>"
        self._refresh_claim_picker()

    def _picker_label(self, i: int, lang: str) -> str:
        key = (lang, i)
        if key not in self._picker_labels:
            c = self.claims
            who = claim_who(self.data, c.at[i, "actor"], c.at[i, "target"], lang)
            summary = c.at[i, f"summary_{lang}"] or c.at[i, "summary_en"] or c.at[i, "id"]
            if len(summary) > 90:
                summary = summary[:89].rsplit(" ", 1)[0] + "…"
            self._picker_labels[key] = f"{c.at[i, f'when_label_{lang}']} · {who} · {summary}"
        return self._picker_labels[key]

    def _refresh_claim_picker(self) -> None:
        """List the shown claims (as the table does) in the picker; keep the open one chosen."""
        if not hasattr(self, "claim_picker"):
            return
        lang = self.lang
        rows = np.flatnonzero(self.mask)
        n = len(rows)
        if n == 0:
            first = t("ui.open_claim_none", lang)
        elif n > TABLE_LIMIT:
            first = t("ui.open_claim_first", lang, shown=TABLE_LIMIT, n=n)
        else:
            first = t("ui.open_claim_choose", lang, n=n)
        ids = self._timeline.ids
        options = [(first, "")]
        options += [(self._picker_label(int(i), lang), str(ids[i])) for i in rows[:TABLE_LIMIT]]
        selected = self.selected or ""
        value = selected if any(v == selected for _, v in options) else ""
        with self._quiet():
            if options != list(self.claim_picker.options):
                self.claim_picker.options = options
            if self.claim_picker.value != value:
                self.claim_picker.value = value

    def _on_pick(self, change: dict) -> None:
        if self._syncing or not change["new"]:
            return
        self.show_claim(change["new"])

    class _Quiet:
        def __init__(self, owner: Explorer):
            self.owner = owner

        def __enter__(self) -> None:
            self.before = self.owner._syncing
            self.owner._syncing = True

        def __exit__(self, *exc: object) -> None:
            self.owner._syncing = self.before

    def _quiet(self) -> Explorer._Quiet:
        return Explorer._Quiet(self)

    def _on_control(self, change: dict) -> None:
        if self._syncing:
            return
        q = self._query
        chosen = self.actors.value
        changes: dict[str, Any] = {
            "actors": None if len(chosen) == len(self._actor_ids) else chosen
        }
        if change["owner"] is self.dates:
            i, j = self.dates.index
            full = (i, j) == (0, len(self._months) - 1)
            changes["start"] = None if full else self._months[i]
            changes["end"] = None if full else self._months[j]
        if change["owner"] is self.known_on:
            changes["known_on"] = self.known_on.value or None
        statuses = [s for s, b in self.status_boxes.items() if b.value]
        changes["statuses"] = None if len(statuses) == len(STATUS_ORDER) else statuses
        kinds = [k for k, b in self.kind_boxes.items() if b.value]
        changes["kinds"] = None if len(kinds) == len(KIND_ORDER) else kinds
        changes["text"] = self.search.value
        self._query = q.replace(**changes)
        self._update()

    def _on_language(self, change: dict) -> None:
        self.set_language(change["new"])

    # ------------------------------------------------------------------------------------------
    # Public API

    def filter(
        self,
        *,
        actors: str | Iterable[str] | None = None,
        start: DateLike = None,
        end: DateLike = None,
        statuses: str | Iterable[str] | None = None,
        kinds: str | Iterable[str] | None = None,
        known_on: DateLike = None,
        text: str | None = None,
    ) -> Explorer:
        """Set every control at once (an argument left out: no constraint); no argument resets.

        The arguments are those of :func:`explainer.filter_claims`, by name: they make one
        :class:`~explainer.filtering.Criteria` (:attr:`query`). ``start``, ``end`` and
        ``known_on`` are kept exactly as given (the sliders show the months that contain them).
        Returns the Explorer, so that ``app.filter(...)`` at the end of a cell shows it.

        Raises
        ------
        ValueError
            For an unknown actor, status or kind, or an unreadable date (the message says more).
        """
        # The one check of filter_claims: same refusals, same messages (a year as a year).
        c = self._filter.criteria(
            actors=actors, start=start, end=end, statuses=statuses, kinds=kinds,
            text="" if text is None else text, known_on=known_on,
        )  # fmt: skip
        actors, statuses, kinds = c.actors, c.statuses, c.kinds
        start, end, known_on, text = c.start, c.end, c.known_on, c.text
        self._query = c
        with self._quiet():
            self.actors.value = tuple(a for a in self._actor_ids if actors is None or a in actors)
            self.dates.index = self._slider_index(start, end)
            self.known_on.value = self._known_value(known_on)
            for s, box in self.status_boxes.items():
                box.value = statuses is None or s in statuses
            for k, box in self.kind_boxes.items():
                box.value = kinds is None or k in kinds
            self.search.value = text or ""
        self._update()
        return self

    def reset(self) -> Explorer:
        """Back to everything shown."""
        return self.filter()

    def shown(self, **criteria: Any) -> ShownClaims:
        """What the Explorer shows: its summary line and its claims (see :class:`ShownClaims`).

        With criteria (those of :meth:`filter`), what it would show for them, computed by the
        same filter, summary and table, without changing the controls.

        Examples
        --------
        >>> app.shown(actors="putin", statuses="reported")  # doctest: +SKIP
        10 of 78 claims; 10 rest on unnamed sources
                       id      when                         who   status
        ...
        """
        query = self._filter.criteria(**criteria) if criteria else self._query
        mask = self._filter.mask(query)
        rows = np.flatnonzero(mask)
        lang, c = self.lang, self.claims
        table = pd.DataFrame(
            {
                "id": c["id"].to_numpy()[rows],
                "when": c[f"when_label_{lang}"].to_numpy()[rows],
                "who": [
                    claim_who(self.data, c.at[i, "actor"], c.at[i, "target"], lang) for i in rows
                ],
                "status": [status_label(c.at[i, "status"], lang) for i in rows],
            }
        )
        line = self._stats.summary_line(mask, lang)
        # Folded under the Explorer, the line says which filter it is for (not the controls').
        given = ", ".join(f"{k}={v!r}" for k, v in criteria.items())
        heading = t("explorer.shown", lang, criteria=given, summary=line) if criteria else line
        return ShownClaims(line, table, self._rows.table(rows, lang), heading)

    def __repr__(self) -> str:
        # What a notebook stores as the widget's text: what it shows, not its first CSS rule.
        return f"Explorer: {self._stats.summary_line(self.mask, self.lang)}"

    def show_claim(self, claim_id: str) -> None:
        """Show a claim's card and circle it on the timeline (what a click on its mark does)."""
        index = self._timeline.index_of.get(claim_id)
        self._selected = index
        self.card.value = card_html(self.data, claim_id, self.lang)
        self._update(selection_only=True)

    @property
    def selected(self) -> str | None:
        """The id of the claim shown in the card, if any."""
        return None if self._selected is None else str(self._timeline.ids[self._selected])

    @property
    def known_by(self) -> pd.Timestamp | None:
        """The last day of the Known-by month chosen (``None``: everything, no line to draw).

        The hook for the figure side (issue 11, part A): the timeline draws this day as a line.
        """
        return self._query.known

    @property
    def query(self) -> Criteria:
        """The current filter: ``app.filter(**app.query)`` and
        ``filter_claims(claims, **app.query)`` give what is shown."""
        return self._query

    def set_language(self, lang: str) -> None:
        """Switch every label, summary, date and name to ``lang`` (``"en"`` or ``"fr"``)."""
        check_lang(lang)
        if lang == self.lang and self.language.value == lang:
            return
        self.lang = lang
        with self._quiet():
            self.language.value = lang
        # The figures first: their one update each leaves before the ~40 messages that relabel
        # the controls, which the browser would otherwise apply before redrawing the plot.
        self._labels_t = self._relabel(self.figure, self._timeline)
        if self._network_fig is not None:
            self._labels_n = self._relabel(self._network_fig, self._network)
            self._network_note.value = _drawing_html(lang)
        self._update()
        self.key.value = self._key_html(lang)
        self._label_controls()
        self._network_button.description = t("explorer.show_network", lang)
        if self._selected is not None:
            self.card.value = card_html(self.data, self.selected, lang)  # type: ignore[arg-type]
        else:
            self.card.value = self._empty_card()

    # ------------------------------------------------------------------------------------------
    # Drawing

    def _relabel(self, fig: go.FigureWidget, model: Any) -> Labels:
        """Every fixed text of ``fig`` in the current language: trace names, legend titles, axis
        and plot titles, notes, as ``(traces, layout)`` changes. Sent with the update that
        follows (:meth:`_update`), in the same single message, so that a language switch redraws
        each figure once; the texts that come with the data (hover, ticks) are sent by that update
        as any change is, only where they differ."""
        lang = self.lang
        traces: dict[str, dict[str, Any]] = {}
        for uid in (d.get("uid") for d in fig._data):
            style = model.trace_style(uid, lang)
            props = {}
            if "name" in style:
                props["name"] = style["name"]
            if "legendgrouptitle" in style:
                props["legendgrouptitle.text"] = style["legendgrouptitle"]["text"]
            if props:
                traces[uid] = props
        fresh = model.layout(lang)
        layout: dict[str, Any] = {"title.text": fresh["title"]["text"]}
        for key in ("legend", "legend2"):  # the keys' titles ("How we know it")
            title = fresh.get(key, {}).get("title")
            if title:
                layout[f"{key}.title.text"] = title["text"]
        if model is self._timeline:
            layout["xaxis.title.text"] = fresh["xaxis"]["title"]["text"]
            for k, ann in enumerate(fresh["annotations"][1:], start=1):
                layout[f"annotations[{k}].text"] = ann["text"]
        else:
            nodes_uid = trace_uid("network", "nodes")
            nodes = model.trace_data(self.mask, lang=lang)[nodes_uid]
            traces.setdefault(nodes_uid, {})["text"] = nodes["text"]
        return traces, layout

    def _window(self) -> tuple[float, float] | None:
        lo, hi = self._query.lo, self._query.hi
        if lo is None and hi is None:
            return None
        lo_ms = lo.value / 1e6 if lo is not None else -np.inf
        hi_ms = (hi.value / 1e6 + 86_400_000) if hi is not None else np.inf
        return lo_ms, hi_ms

    def _empty_reason(self) -> str:
        q = self._query
        if q.inverted:
            return t("empty.inverted", self.lang)
        if q.actors is not None and len(q.actors) == 0:
            return t("empty.no_actor", self.lang)
        text = " ".join((q.text or "").split())
        if text and self._filter.mask(q.replace(text="")).any():
            return t("empty.search", self.lang, text=text)  # the search box is why
        return t("empty.none", self.lang)

    def _update(self, *, selection_only: bool = False) -> None:
        lang = self.lang
        if not selection_only:
            self.mask = self._filter.mask(self._query)
        mask = self.mask
        n = int(np.count_nonzero(mask))
        focus = [self._selected] if self._selected is not None and mask[self._selected] else []
        # Lanes without a shown claim collapse (place=mask): only rows move, never dates.
        updates = self._timeline.trace_data(
            mask, lang=lang, highlight=focus, stable=True, place=mask
        )
        layout = {} if selection_only else self._timeline_layout(n)
        updates, layout = _with_labels(updates, layout, self._labels_t)
        self._labels_t = None
        self._apply_updates(self.figure, updates, self._cache_t, layout)
        rows = np.flatnonzero(mask)
        self.table.value = self._rows.table(rows, lang, selected=self.selected)
        if selection_only:
            return
        self._update_network(mask, lang)
        line = self._stats.summary_line(mask, lang)
        if n == 0:
            line = f"{line}. {self._empty_reason()}"
        self.summary.value = (
            f'<div role="status" style="font-size:15px"><b>{html.escape(line)}</b></div>'
        )
        text = self._stats.describe(mask, lang)
        if n:
            text += " " + self._stats.describe_network(mask, lang)
        self.description.value = (
            f'<p style="color:#444;font-size:13px;margin:2px 0 8px 0">{html.escape(text)}</p>'
        )

    def _fit_width(self, box_px: int) -> None:
        """Pack the timeline's marks for the width it is drawn at: under ``narrow_below`` px its
        names go inside the plot (FitPlots), whose marks were packed for a projector's; on a
        phone 15 pairs overlapped and the names covered the first marks. Sent only when the
        packing changes (a narrow box, 20 px steps)."""
        fit = self._fit
        narrow = 0 < box_px < fit.narrow_below
        plot_px = self._timeline.narrow_plot_px(box_px) if narrow else None
        if self._timeline.fit_plot(plot_px, names_inside=narrow):
            self._update()

    def _timeline_layout(self, n: int) -> dict[str, Any]:
        """The timeline's layout for the current mask, window and "Known by" date: height and
        lanes (those without a shown claim collapse), date range, ticks, the Known-by line, and
        the message when nothing is shown. Axis types are restated (see ``TimelineModel.frame``).
        """
        tl = self._timeline
        window = self._window()
        known = self.known_by  # the Known-by control's day: part A's line (known_line) draws it
        layout = tl.frame(
            self.lang,
            window=window,
            place=self.mask,
            known_on=known.value / 1e6 if known is not None else None,
        )
        message = self._empty_reason() if n == 0 else ""
        if n and window is not None:
            # Claims with an open date ("until 2024") overlap any earlier window, but are drawn
            # where their date is known: say so rather than show an empty plot without a word.
            x_range = layout["xaxis.range"]
            rows = np.flatnonzero(self.mask)
            inside = (tl.x1[rows] >= x_range[0]) & (tl.x0[rows] <= x_range[1])
            if not inside.any():
                message = t("empty.outside", self.lang, n=n)
        layout["annotations[0].text"] = message_html(message)
        layout["annotations[0].visible"] = bool(message)
        return layout

    def _on_click(self, trace: Any, points: Any, state: Any) -> None:
        if not points.point_inds:
            return
        index = int(np.asarray(trace.customdata)[points.point_inds[0]])
        self.show_claim(str(self._timeline.ids[index]))

    def _empty_card(self) -> str:
        text = html.escape(t("ui.card.empty", self.lang))
        return f'<div style="color:#555;padding:8px">{text}</div>'

    def _slider_index(self, start: DateLike, end: DateLike) -> tuple[int, int]:
        last = len(self._months) - 1
        lo = to_bound(start, side="start")
        hi = to_bound(end, side="end")
        i = 0 if lo is None else _clamp(np.searchsorted(self._months, _month(lo), "left"), last)
        j = last if hi is None else _clamp(np.searchsorted(self._months, _month(hi), "left"), last)
        return (min(i, j), max(i, j))

    def _known_value(self, known_on: DateLike) -> str:
        day = to_bound(known_on, side="end")
        if day is None or not self._known_months:
            return ""
        month = _month(day)
        if month > self._known_months[-1]:
            return ""
        pos = _clamp(
            np.searchsorted(self._known_months, month, "left"), len(self._known_months) - 1
        )
        return self._known_months[pos]


def _drawing_html(lang: str) -> str:
    """The network's "drawing…" note, which a style rule hides once its plot has drawn traces.

    Not as soon as the slot holds a plot: plotly's widget puts an empty plot there first, seconds
    before the network is drawn (measured by ``benchmarks/browser_latency.py``, the note was then
    never seen).
    """
    return (
        "<style>.explainer-network:has(.js-plotly-plot .scatterlayer .trace) .explainer-drawing "
        "{ display: none; }</style>"
        '<div class="explainer-drawing" role="status" aria-live="polite" '
        'style="font-size:15px;padding:12px;color:#333">'
        f"⏳ {html.escape(t('network.drawing', lang))}</div>"
    )


def _with_labels(
    updates: dict[str, dict[str, Any]], layout: dict[str, Any], labels: Labels | None
) -> Labels:
    """``updates`` and ``layout`` with the new labels of a language switch added (new dicts)."""
    if labels is None:
        return updates, layout
    # What the update itself says wins: it is the later state (e.g. the Known-by label, which
    # the fixed layout leaves empty).
    traces, relayout = labels
    merged = dict(updates)
    for uid, props in traces.items():
        merged[uid] = {**props, **updates.get(uid, {})}
    return merged, {**relayout, **layout}


def _remember(updates: dict[str, dict[str, Any]], layout: dict[str, Any]) -> dict:
    cache: dict = {(uid, path): v for uid, props in updates.items() for path, v in props.items()}
    cache.update({("layout", path): v for path, v in layout.items()})
    return cache


def _clamp(i: int, last: int) -> int:
    return int(min(max(i, 0), last))
