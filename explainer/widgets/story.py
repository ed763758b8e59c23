"""Story mode, for presenting in class: step through claims one at a time.

The current claim is circled on the timeline (changed in place, never redrawn) and its card shown.
With ``predict=True`` the status stays hidden until the presenter presses *Reveal*: its mark leaves
the timeline, a "?" takes its place, and the card asks the class to guess how solid the claim is.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

import ipywidgets as widgets
import numpy as np

from explainer.card import card_html
from explainer.figures.timeline import ROW_PX, TimelineModel
from explainer.figures.traces import check_lang
from explainer.i18n import t
from explainer.widgets.controls import NamedPlay
from explainer.widgets.sync import StableFigureWidget, apply_updates

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = ["STORY_HEIGHT", "STORY_PLOT_PX", "STORY_WIDTH", "Story"]

# The Story's timeline is at most this tall (px): with the buttons above it, it fits a 1366×768
# projector in JupyterLab, beside the card. A taller timeline scrolls its lanes to the claim.
STORY_HEIGHT = 600
# And this wide (px): with the card beside it, it fits JupyterLab's notebook at 1366 px with the
# file browser open. A fixed width, because plotly's widget draws before the page places it and
# does not follow its box afterwards (a plot wider than its box was cut off at the right).
STORY_WIDTH = 560
# Its plot area (the width less the lane names): the marks are packed into rows for it, so that
# none overlaps another.
STORY_PLOT_PX = 390
# Above the plot at this width, as drawn (toolbar row, title, the status key on five lines, the
# years): more than the wide timeline's margin. Below it: the years and the axis title (the
# reading guide is left to the static figures of the notebook, so that the lanes get the height).
_TOP_PX = 262
_BOTTOM_PX = 72
_EXTRA_PX = 10
# The card beside the timeline; under it when the window is too narrow for both.
_CSS = """<style>
.explainer-story { flex-flow: row wrap; align-items: flex-start; }
.explainer-story-figure { flex: 0 0 auto; max-width: 100%; overflow-x: auto; }
.explainer-story-side { flex: 0 0 360px; max-width: 100%; margin-left: 8px; }
</style>"""


class Story(widgets.VBox):
    """Present claims one by one, with previous / next / play, and maybe "predict, then reveal".

    Parameters
    ----------
    data : Dataset
        The dataset.
    lang : {"en", "fr"}
        Language of every label.
    steps : list of str, optional
        Claim ids, in the order to present them. Default: every claim, in chronological order
        (by the start of its date, then as in the file).
    predict : bool
        Hide each claim's status until :meth:`reveal` (or the Reveal button).
    height : int
        The timeline's height at most, in px (default :data:`STORY_HEIGHT`); e.g. 540 on a
        1366×768 slide, under the buttons. Its lanes scroll to each claim.

    Attributes
    ----------
    figure : plotly.graph_objects.FigureWidget
        The timeline, with the current claim circled.
    card : ipywidgets.HTML
        The current claim's card.
    step : int
        The current step, from 0.
    steps : list of str
        The claim ids presented.
    play : ipywidgets.Play
        Steps forward on its own (it runs in the browser).

    Examples
    --------
    >>> import explainer as ex
    >>> story = ex.Story(ex.load_dataset(), predict=True)  # doctest: +SKIP
    >>> story.next(); story.reveal()  # doctest: +SKIP
    """

    def __init__(
        self,
        data: Dataset,
        lang: str = "en",
        steps: Iterable[str] | None = None,
        predict: bool = False,
        height: int = STORY_HEIGHT,
    ):
        self.data = data
        self.lang = check_lang(lang)
        self.predict = bool(predict)
        self._model = TimelineModel(data, plot_px=STORY_PLOT_PX)
        model = self._model
        if steps is None:
            order = np.lexsort((np.arange(model.n), model.x, model.x0))
            self.steps = [str(model.ids[i]) for i in order]
        else:
            self.steps = [steps] if isinstance(steps, str) else list(steps)
            unknown = [s for s in self.steps if s not in model.index_of]
            if unknown:
                raise ValueError(f"no claim has the id(s) {', '.join(map(repr, unknown))}")
        self._step = 0
        self.revealed = not self.predict
        self._cache: dict = {}

        height = int(height)
        if height < 400:  # the key, the years and four rows of marks
            raise ValueError(f"height must be at least 400 px, not {height}")
        figure = model.figure(lang=lang, max_height=height)
        figure.layout.width = STORY_WIDTH
        figure.layout.legend2.visible = False
        figure.layout.margin.b = _BOTTOM_PX
        self.figure = StableFigureWidget(figure)
        self.card = widgets.HTML(layout=widgets.Layout(max_width="46em"))
        self.position = widgets.HTML()
        self.previous_button = widgets.Button(icon="arrow-left")
        self.next_button = widgets.Button(icon="arrow-right")
        last = max(len(self.steps) - 1, 0)
        # Named Play/Pause/Stop/Loop buttons (ipywidgets.Play's are bare icons; issue 11).
        self.play = NamedPlay(value=0, min=0, max=last, step=1, interval=6000, lang=lang)
        self.reveal_button = widgets.Button(
            icon="eye", button_style="info", layout=widgets.Layout(width="auto")
        )
        if not self.predict:
            self.reveal_button.layout.display = "none"
        self.previous_button.on_click(lambda _: self.previous())
        self.next_button.on_click(lambda _: self.next())
        self.reveal_button.on_click(lambda _: self.reveal())
        self.play.observe(self._on_play, "value")
        self._label()
        bar = widgets.HBox(
            [self.previous_button, self.play, self.next_button, self.position, self.reveal_button],
            layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
        )
        # The card beside the timeline, so that the circled mark and its card are seen together.
        # Rows in view, each at least a marker's height (ROW_PX): marks never overlap.
        self._rows = max((height - _TOP_PX - _BOTTOM_PX - _EXTRA_PX) / ROW_PX, 4.0)
        self._top: float | None = None  # the first row in view (None: the whole height fits)
        figure_box = widgets.Box([self.figure])
        figure_box.add_class("explainer-story-figure")
        side = widgets.VBox([self.card])
        side.add_class("explainer-story-side")
        body = widgets.Box([figure_box, side])
        body.add_class("explainer-story")
        super().__init__(children=[widgets.HTML(_CSS), bar, body])
        self._show()

    def _label(self) -> None:
        lang = self.lang
        self.previous_button.description = t("ui.previous", lang)
        self.previous_button.tooltip = t("ui.previous", lang)
        self.next_button.description = t("ui.next", lang)
        self.next_button.tooltip = t("ui.next", lang)
        self.play.description = t("ui.play", lang)
        self.reveal_button.description = t("ui.reveal", lang)
        self.reveal_button.tooltip = t("ui.reveal", lang)

    @property
    def step(self) -> int:
        """The current step (from 0)."""
        return self._step

    @property
    def claim_id(self) -> str | None:
        """The id of the current claim (``None`` for a story without steps)."""
        return self.steps[self._step] if self.steps else None

    def go_to(self, step: int) -> None:
        """Show step ``step`` (from 0; negative counts from the end, like a list index).

        Raises
        ------
        IndexError
            When there is no such step; the message gives the range.
        """
        n = len(self.steps)
        if not -n <= step < n:
            raise IndexError(f"step {step} does not exist: this story has steps 0 to {n - 1}")
        self._step = step % n
        self.revealed = not self.predict
        if self.play.value != self._step:
            self.play.value = self._step  # the observer calls back; _step is already set
        self._show()

    def next(self) -> None:
        """The next step (stays on the last one)."""
        if self.steps and self._step < len(self.steps) - 1:
            self.go_to(self._step + 1)

    def previous(self) -> None:
        """The previous step (stays on the first one)."""
        if self.steps and self._step > 0:
            self.go_to(self._step - 1)

    def reveal(self) -> None:
        """Show the current claim's status (its mark, and the card's "how we know it")."""
        self.revealed = True
        self._show()

    def _on_play(self, change: dict) -> None:
        if change["new"] != self._step and self.steps:
            self.go_to(int(change["new"]))

    def _show(self) -> None:
        lang = self.lang
        n = len(self.steps)
        self.previous_button.disabled = self._step == 0 or n == 0
        self.next_button.disabled = self._step >= n - 1
        self.reveal_button.disabled = self.revealed or n == 0
        if n == 0:
            self.position.value = html.escape(t("ui.story_empty", lang))
            self.card.value = ""
            return
        self.position.value = f"<b>{html.escape(t('ui.step', lang, i=self._step + 1, n=n))}</b>"
        index = self._model.index_of[self.steps[self._step]]
        conceal = None if self.revealed else index
        updates = self._model.trace_data(lang=lang, highlight=[index], conceal=conceal, stable=True)
        apply_updates(self.figure, updates, self._cache, self._lanes_in_view(index))
        self.card.value = card_html(self.data, self.steps[self._step], lang, reveal=self.revealed)

    def _lanes_in_view(self, index: int) -> dict[str, list[float]]:
        """The y range that shows claim ``index``'s row: unchanged while it is in view, else
        moved so that the row sits a third of the way down (dates, x, never move)."""
        model = self._model
        full = model.y_max + 1.4 + model.lane_gap
        if full <= self._rows:
            return {}  # everything fits: nothing ever scrolls
        y = float(model.y[index])
        top = self._top
        if top is None or not top + 0.5 <= y <= top + self._rows - 1.5:
            low = -0.7 - model.lane_gap / 2
            top = min(max(y - self._rows / 3, low), low + full - self._rows)
            self._top = top
        return {"yaxis.range": [top + self._rows, top]}
