"""Controls a student can use without being told, with a mouse, a keyboard or a screen reader.

ipywidgets' own controls fall short in class: a ``SelectMultiple`` needs Ctrl-click and drops the
others on a plain click; its sliders' handles have no accessible name and announce an index
("97") rather than a month; ``ToggleButtons`` do not say which one is pressed. These few widgets
are small anywidget views made of native HTML controls (checkboxes with a legend, range inputs,
radio buttons), which browsers and screen readers already know how to name, focus and step:

- :class:`Checklist`: a named group of checkboxes with *All* and *None* buttons and a count.
- :class:`MonthSlider` / :class:`MonthRangeSlider`: one ``<input type="range">`` a handle, one
  month a step (arrow keys; Page Up/Down a year), named, with the month as its value text.
- :class:`RadioChoice`: radio buttons in a named group, e.g. the language (the checked one is
  the active one, which assistive technology announces).
- :class:`NamedPlay`: ``ipywidgets.Play`` with buttons that have names (Play, Pause, Stop, Loop)
  and say whether they are pressed; ipywidgets' own are bare icons.
- :class:`FitPlots`: no control; keeps the plotly figures of a box as wide as the box.

Each keeps the Python interface of the ipywidgets control it replaces (``options``, ``index``,
``value``) and syncs only ``index`` (or ``value``) from the browser: one small message a change.

(Over 500 lines because each control carries its small front end (JavaScript and CSS) as a
string beside its Python class; each is independent of the others.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import anywidget
import traitlets

from explainer.i18n import t

__all__ = [
    "Checklist",
    "FitPlots",
    "MonthRangeSlider",
    "MonthSlider",
    "NamedPlay",
    "RadioChoice",
]

# 15 px text (read from the back of a room); controls fill their box, so they follow the window.
_CSS = """
.explainer-ctl { font-size: 15px; line-height: 1.4; color: #1a1a1a; box-sizing: border-box;
  width: 100%; min-width: 0; }
.explainer-ctl fieldset { border: 1px solid #c8c8c8; border-radius: 6px; margin: 0;
  padding: 4px 10px 8px 10px; min-width: 0; }
.explainer-ctl legend { font-weight: bold; padding: 0 4px; }
.explainer-ctl button { font-size: 15px; padding: 3px 12px; margin: 2px 6px 4px 0;
  border: 1px solid #767676; border-radius: 4px; background: #f4f4f4; color: #1a1a1a;
  cursor: pointer; }
.explainer-ctl button:hover { background: #e4e4e4; }
.explainer-ctl :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.explainer-ctl .explainer-count { color: #444; font-size: 14px; }
.explainer-ctl .explainer-list { max-height: 9.6em; overflow-y: auto; padding: 2px;
  display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 0 12px; }
.explainer-ctl label { display: flex; align-items: center; gap: 6px; cursor: pointer;
  min-height: 26px; overflow-wrap: anywhere; }
.explainer-ctl input[type=checkbox], .explainer-ctl input[type=radio] { width: 18px;
  height: 18px; margin: 0; flex: none; }
.explainer-ctl .explainer-month { margin: 2px 0; }
.explainer-ctl .explainer-month label { display: inline; min-height: 0; }
.explainer-ctl .explainer-month output { font-weight: bold; white-space: nowrap; }
.explainer-ctl input[type=range] { width: 100%; min-width: 0; height: 28px; margin: 0;
  accent-color: #1a5fb4; }
.explainer-ctl .explainer-radios { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.explainer-ctl.explainer-play { display: inline-flex; flex-wrap: wrap; width: auto; }
.explainer-ctl button[aria-pressed=true] { background: #d0e0f8; border-color: #1a5fb4; }
"""

_CHECKLIST_ESM = """
function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "explainer-ctl explainer-checklist";
  const set = document.createElement("fieldset");
  const legend = document.createElement("legend");
  const bar = document.createElement("div");
  const all = document.createElement("button");
  const none = document.createElement("button");
  const count = document.createElement("span");
  const list = document.createElement("div");
  all.type = none.type = "button";
  count.className = "explainer-count";
  count.setAttribute("aria-live", "polite");
  list.className = "explainer-list";
  bar.append(all, none, count);
  set.append(legend, bar, list);
  root.append(set);
  el.append(root);
  const send = (index) => { model.set("index", index); model.save_changes(); };
  all.addEventListener("click", () => send(model.get("labels").map((_, i) => i)));
  none.addEventListener("click", () => send([]));
  function draw() {
    const labels = model.get("labels");
    const chosen = new Set(model.get("index"));
    legend.textContent = model.get("legend");
    all.textContent = model.get("all_label");
    none.textContent = model.get("none_label");
    count.textContent = model.get("count_template")
      .replace("{n}", String(chosen.size)).replace("{total}", String(labels.length));
    if (list.children.length !== labels.length) {
      list.replaceChildren(...labels.map((_, i) => {
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.addEventListener("change", () => {
          const now = new Set(model.get("index"));
          if (box.checked) now.add(i); else now.delete(i);
          send(Array.from(now).sort((a, b) => a - b));
        });
        label.append(box, document.createElement("span"));
        return label;
      }));
    }
    labels.forEach((text, i) => {
      const label = list.children[i];
      label.lastChild.textContent = text;
      label.firstChild.checked = chosen.has(i);
    });
  }
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}
export default { render };
"""

_MONTHS_ESM = """
function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "explainer-ctl explainer-months";
  const set = document.createElement("fieldset");
  const legend = document.createElement("legend");
  set.append(legend);
  root.append(set);
  el.append(root);
  const range = Array.isArray(model.get("index"));
  const rows = [];
  for (let k = 0; k < (range ? 2 : 1); k++) {
    const row = document.createElement("div");
    row.className = "explainer-month";
    const id = "explainer-month-" + Math.random().toString(36).slice(2);
    const name = document.createElement("label");
    name.htmlFor = id;
    const input = document.createElement("input");
    input.type = "range";
    input.id = id;
    input.min = "0";
    input.step = "1";
    const out = document.createElement("output");
    out.htmlFor = id;
    out.setAttribute("aria-hidden", "true");  // the slider's value text says it already
    const head = document.createElement("div");
    const sep = document.createElement("span");
    head.append(name, sep, out);
    row.append(head, input);
    set.append(row);
    rows.push({ name, input, out, sep });
  }
  const current = () => {
    const i = model.get("index");
    return range ? i.slice() : [i];
  };
  function show(k, i) {
    const labels = model.get("labels");
    const { input, out } = rows[k];
    input.value = String(i);
    input.setAttribute("aria-valuetext", labels[i] || "");
    out.textContent = labels[i] || "";
  }
  function send(k, i) {
    let now = current();
    now[k] = i;
    if (range && now[0] > now[1]) now[1 - k] = i;  // the handles never cross
    now.forEach((v, j) => show(j, v));
    model.set("index", range ? now : now[0]);
    model.save_changes();
  }
  rows.forEach(({ input }, k) => {
    // While dragging: only the readout moves; the filter runs when the handle is let go.
    input.addEventListener("input", () => show(k, Number(input.value)));
    input.addEventListener("change", () => send(k, Number(input.value)));
    input.addEventListener("keydown", (event) => {
      if (event.key !== "PageUp" && event.key !== "PageDown") return;
      event.preventDefault();  // a year a page, not a tenth of the range
      const last = model.get("labels").length - 1;
      const step = event.key === "PageUp" ? 12 : -12;
      send(k, Math.min(last, Math.max(0, Number(input.value) + step)));
    });
  });
  function draw() {
    const names = model.get("names");
    legend.textContent = model.get("description");
    const last = String(Math.max(model.get("labels").length - 1, 0));
    current().forEach((i, k) => {
      rows[k].input.max = last;
      rows[k].name.textContent = names[k] || "";
      rows[k].sep.textContent = model.get("separator");
      show(k, i);
    });
  }
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}
export default { render };
"""

_RADIO_ESM = """
function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "explainer-ctl explainer-radio";
  const set = document.createElement("fieldset");
  const legend = document.createElement("legend");
  const box = document.createElement("div");
  box.className = "explainer-radios";
  set.append(legend, box);
  root.append(set);
  el.append(root);
  const group = "explainer-radio-" + Math.random().toString(36).slice(2);
  function draw() {
    legend.textContent = model.get("description");
    const values = model.get("values");
    const labels = model.get("labels");
    box.replaceChildren(...values.map((value, i) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = group;
      input.value = value;
      input.checked = value === model.get("value");
      input.addEventListener("change", () => {
        if (input.checked) { model.set("value", value); model.save_changes(); }
      });
      const text = document.createElement("span");
      text.textContent = labels[i];
      if (model.get("langs")[i]) text.lang = model.get("langs")[i];
      label.append(input, text);
      return label;
    }));
  }
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}
export default { render };
"""


def _split(options: Sequence[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    labels = [str(label) for label, _ in options]
    values = [value for _, value in options]
    return labels, values


class Checklist(anywidget.AnyWidget):
    """Checkboxes in a named group (``legend``), with *All* and *None* buttons and a count.

    Parameters
    ----------
    options : sequence of (label, value)
        One checkbox each, in this order.
    value : sequence
        The values checked at first.

    Attributes
    ----------
    index : tuple of int
        The positions checked (what the browser sends).
    value : tuple
        The values checked, in the order of ``options``.
    """

    _esm = _CHECKLIST_ESM
    _css = _CSS
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    index = traitlets.Tuple().tag(sync=True)
    legend = traitlets.Unicode("").tag(sync=True)
    all_label = traitlets.Unicode("All").tag(sync=True)
    none_label = traitlets.Unicode("None").tag(sync=True)
    count_template = traitlets.Unicode("{n} of {total}").tag(sync=True)

    def __init__(self, options: Sequence[tuple[str, Any]], value: Sequence[Any] = (), **kwargs):
        labels, self._values = _split(options)
        chosen = set(value)
        index = tuple(i for i, v in enumerate(self._values) if v in chosen)
        super().__init__(labels=labels, index=index, **kwargs)

    @traitlets.validate("index")
    def _valid_index(self, proposal: dict) -> tuple[int, ...]:
        n = len(self.labels) if self.labels else len(self._values)
        return tuple(sorted({int(i) for i in proposal["value"] if 0 <= int(i) < n}))

    @property
    def options(self) -> list[tuple[str, Any]]:
        """The (label, value) pairs, in order."""
        return list(zip(self.labels, self._values, strict=True))

    @options.setter
    def options(self, options: Sequence[tuple[str, Any]]) -> None:
        chosen = self.value
        labels, values = _split(options)
        with self.hold_trait_notifications():
            self._values = values
            self.labels = labels
            self.value = chosen

    @property
    def value(self) -> tuple:
        """The checked values."""
        return tuple(self._values[i] for i in self.index)

    @value.setter
    def value(self, values: Sequence[Any]) -> None:
        chosen = set(values)
        self.index = tuple(i for i, v in enumerate(self._values) if v in chosen)


class _Months(anywidget.AnyWidget):
    _esm = _MONTHS_ESM
    _css = _CSS
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)
    separator = traitlets.Unicode(": ").tag(sync=True)  # between a slider's name and its month

    def __init__(self, options: Sequence[tuple[str, Any]], **kwargs):
        labels, self._values = _split(options)
        super().__init__(labels=labels, **kwargs)

    def _clamp(self, i: Any) -> int:
        return int(min(max(int(i), 0), max(len(self._values) - 1, 0)))

    @property
    def options(self) -> list[tuple[str, Any]]:
        """The (label, value) pairs, one a month, in order."""
        return list(zip(self.labels, self._values, strict=True))

    @options.setter
    def options(self, options: Sequence[tuple[str, Any]]) -> None:
        # Relabelling (a language switch): the same months, so the index stays.
        self.labels, self._values = _split(options)


class MonthSlider(_Months):
    """One month out of ``options``, chosen with a native range input (one step a month).

    Parameters
    ----------
    options : sequence of (label, value)
        The months (the label is shown and announced, e.g. "Oct 2024").
    value : optional
        The value chosen at first (default: the first).
    description : str
        The group's visible name; ``names[0]`` names the slider itself.
    """

    index = traitlets.Int(0).tag(sync=True)

    def __init__(self, options: Sequence[tuple[str, Any]], value: Any = None, **kwargs):
        super().__init__(options, **kwargs)
        if value is not None:
            self.value = value

    @traitlets.validate("index")
    def _valid_index(self, proposal: dict) -> int:
        return self._clamp(proposal["value"])

    @property
    def value(self) -> Any:
        """The chosen month's value."""
        return self._values[self.index]

    @value.setter
    def value(self, value: Any) -> None:
        self.index = self._values.index(value)


class MonthRangeSlider(_Months):
    """A window of months: two native range inputs (from, to) that never cross.

    Parameters
    ----------
    options : sequence of (label, value)
        The months.
    index : (int, int)
        The first and last month chosen (positions in ``options``).
    description : str
        The group's visible name; ``names`` name the two sliders ("from", "to").
    """

    index = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(0, 0)).tag(sync=True)

    @traitlets.validate("index")
    def _valid_index(self, proposal: dict) -> tuple[int, int]:
        i, j = (self._clamp(v) for v in proposal["value"])
        return (min(i, j), max(i, j))

    @property
    def value(self) -> tuple[Any, Any]:
        """The values of the first and last month chosen."""
        i, j = self.index
        return self._values[i], self._values[j]


class RadioChoice(anywidget.AnyWidget):
    """One of a few options as radio buttons in a named group (``description``).

    Parameters
    ----------
    options : sequence of (label, value)
    value : str
        The value chosen.
    langs : sequence of str, optional
        The language of each label (``lang`` attribute), so that a screen reader says
        "Français" in French.
    """

    _esm = _RADIO_ESM
    _css = _CSS
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    values = traitlets.List(traitlets.Unicode()).tag(sync=True)
    langs = traitlets.List(traitlets.Unicode()).tag(sync=True)
    value = traitlets.Unicode("").tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str,
        langs: Sequence[str] = (),
        **kwargs,
    ):
        labels, values = _split(options)
        langs = list(langs) or [""] * len(values)
        super().__init__(labels=labels, values=values, langs=langs, value=value, **kwargs)

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict) -> str:
        if proposal["value"] not in self.values:
            raise traitlets.TraitError(f"{proposal['value']!r} is not one of {self.values}")
        return proposal["value"]

    @property
    def options(self) -> list[tuple[str, str]]:
        """The (label, value) pairs."""
        return list(zip(self.labels, self.values, strict=True))


_PLAY_ESM = """
function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "explainer-ctl explainer-play";
  root.setAttribute("role", "group");
  const make = (icon) => {
    const b = document.createElement("button");
    b.type = "button";
    const i = document.createElement("span");
    // Glyphs every system font has (the pause sign, U+23F8, is a box in many).
    i.setAttribute("aria-hidden", "true");
    i.textContent = icon + " ";
    b.append(i, document.createElement("span"));
    root.append(b);
    return b;
  };
  const play = make("\u25b6"), pause = make("\u2016"), stop = make("\u25a0"), loop = make("\u21bb");
  el.append(root);
  let timer = null;
  const tick = () => {
    const v = model.get("value") + model.get("step");
    if (v > model.get("max")) {
      if (model.get("repeat")) model.set("value", model.get("min"));
      else { model.set("playing", false); }
    } else model.set("value", v);
    model.save_changes();
  };
  function run() {
    clearInterval(timer);
    timer = model.get("playing") ? setInterval(tick, model.get("interval")) : null;
  }
  play.addEventListener("click", () => { model.set("playing", true); model.save_changes(); });
  pause.addEventListener("click", () => { model.set("playing", false); model.save_changes(); });
  stop.addEventListener("click", () => {
    model.set("playing", false); model.set("value", model.get("min")); model.save_changes();
  });
  loop.addEventListener("click", () => {
    model.set("repeat", !model.get("repeat")); model.save_changes();
  });
  function draw() {
    const names = model.get("names");
    [play, pause, stop, loop].forEach((b, k) => { b.lastChild.textContent = names[k] || ""; });
    root.setAttribute("aria-label", model.get("description"));
    play.setAttribute("aria-pressed", String(model.get("playing")));
    loop.setAttribute("aria-pressed", String(model.get("repeat")));
    loop.style.display = model.get("show_repeat") ? "" : "none";
    pause.disabled = !model.get("playing");
  }
  model.on("change", draw);
  model.on("change:playing", run);
  model.on("change:interval", run);
  draw();
  run();
  return () => {
    clearInterval(timer);
    model.off("change", draw);
    model.off("change:playing", run);
  };
}
export default { render };
"""


class NamedPlay(anywidget.AnyWidget):
    """``ipywidgets.Play`` (same traits) whose Play, Pause, Stop and Loop buttons have names.

    Parameters
    ----------
    value, min, max, step : int
        As ``ipywidgets.Play``: ``value`` runs from ``min`` to ``max`` by ``step``.
    interval : int
        Milliseconds between two steps.
    lang : {"en", "fr"}
        The language of the buttons' names.
    """

    _esm = _PLAY_ESM
    _css = _CSS
    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    interval = traitlets.Int(100).tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    repeat = traitlets.Bool(False).tag(sync=True)
    show_repeat = traitlets.Bool(True).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)
    lang = traitlets.Unicode("en")

    @traitlets.observe("lang")
    def _name_buttons(self, change: dict | None = None) -> None:
        self.names = [t(f"ui.{k}", self.lang) for k in ("play", "pause", "stop", "loop")]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._name_buttons()


_FIT_ESM = """
// plotly's FigureWidget sizes itself only when the *window* is resized. A figure drawn before it
// was attached to the page is drawn 700 px wide whatever its box (cut off on a phone), and one in
// a JupyterLab panel that narrows keeps its width. Watch the box that holds the figures and each
// figure's own box (ResizeObserver: at once, not on a timer); when a figure's drawn width differs
// from its box's, send the window's resize event, to which every FigureWidget answers by fitting
// its box. Also say whether the widest figure box is narrow, so that Python moves the keys.
function render({ model, el }) {
  let box = null, timer = null, tries = 0;
  const watched = new Set();
  const plots = () => box ? Array.from(box.querySelectorAll(".js-plotly-plot")) : [];
  // A figure is not at its box's width. plotly.js pins the width whenever a height is set (its
  // relayout copies the drawn width into layout.width), and then ignores the window's resize: a
  // timeline whose height changed at 1366 px stayed 988 px wide on a phone. No figure here sets a
  // width on purpose, so a pinned width is dropped before asking for the resize.
  // The box is the figure's own element, whose width the page's CSS sets (what plotly.js's
  // autosize measures), not its parent: the timeline's keys stand beside it there, and a figure
  // compared with its parent never fitted, so every change of the plot's height (its box
  // resizes) brought three resize events and up to three more full redraws (issue 17).
  const room = (gd) => parseFloat(getComputedStyle(gd).width) || 0;
  const misfit = (gd) => {
    const drawn = gd._fullLayout && gd._fullLayout.width;
    const width = room(gd);
    return drawn && width && Math.abs(drawn - width) > 2;
  };
  const nudge = () => {
    const off = plots().filter(misfit);
    if (tries >= 3 || !off.length) return;  // a figure whose box will not fit it: not for ever
    tries += 1;
    off.forEach((gd) => { if (gd.layout) delete gd.layout.width; });
    window.dispatchEvent(new Event("resize"));
  };
  const check = () => {
    const widths = plots().map((gd) => gd.parentElement ? gd.parentElement.clientWidth : 0);
    const widest = Math.max(0, ...widths);
    if (widest > 0) {
      const narrow = widest < model.get("narrow_below");
      let dirty = false;
      if (narrow !== model.get("narrow")) { model.set("narrow", narrow); dirty = true; }
      // The box's width too, when it changed by more than a few px or crossed narrow_below
      // (the timeline packs its marks for it).
      if (dirty || Math.abs(widest - model.get("box_px")) >= 8) {
        model.set("box_px", Math.round(widest));
        dirty = true;
      }
      if (dirty) model.save_changes();
    }
    nudge();  // a few tries per change of a box
  };
  const observer = new ResizeObserver(() => {
    tries = 0;
    clearTimeout(timer);
    timer = setTimeout(check, 100);  // once the box has settled, ~100 ms after the last change
  });
  const watch = (node) => {
    if (node && !watched.has(node)) { watched.add(node); observer.observe(node); }
  };
  // Find the box, and figures drawn later (the network), without waiting for a resize; and as a
  // safety net, a figure still not at its box's width a quarter of a second on (its redraw came
  // after the last change of its box) gets another nudge, within the same few tries.
  const look = () => {
    box = box || el.closest(model.get("selector"));
    if (!box) return;
    watch(box);
    plots().forEach((gd) => watch(gd.parentElement));
    nudge();
  };
  look();
  const finder = setInterval(look, 250);
  return () => { clearInterval(finder); clearTimeout(timer); observer.disconnect(); };
}
export default { render };
"""


class FitPlots(anywidget.AnyWidget):
    """Keeps the plotly figures inside the closest ``selector`` box as wide as their box.

    Shows nothing. Put it inside the box (e.g. the Explorer). plotly's FigureWidget fits its box
    only on a window resize; this asks for one as soon as a figure and its box differ (first drawn
    before it was on the page, its panel or the window resized).

    When the widest figure box is narrower than ``narrow_below`` px, ``narrow`` becomes True, and
    each figure given by ``figures`` gets the layout its ``layout.meta["narrow"]`` holds (e.g. the
    timeline's lane names inside the plot); ``meta["wide"]`` when it widens again.

    Parameters
    ----------
    figures : callable, optional
        Returns the figures (``FigureWidget``) to relayout; called at each change, so that a figure
        made later (the network) is included.
    on_narrow : callable, optional
        Called with ``narrow`` when it changes, before the figures are relayout.
    on_width : callable, optional
        Called with ``box_px`` (the widest figure box, px) when it changes by 8 px or more, or
        crosses ``narrow_below``.
    """

    _esm = _FIT_ESM
    selector = traitlets.Unicode(".explainer-explorer").tag(sync=True)
    narrow = traitlets.Bool(False).tag(sync=True)
    # A phone, a phone on its side, and the Explorer beside its card at 1024 px (a 646 px box):
    # there the names and the key beside the plot left the marks 285 px, and 15 pairs overlapped;
    # narrow, the plot has 626 px, about what the marks are packed for (timeline.PLOT_PX).
    narrow_below = traitlets.Int(720).tag(sync=True)
    # The widest figure box's width, px (0 until the page has measured it).
    box_px = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        figures: Callable[[], Sequence[Any]] | None = None,
        on_narrow: Callable[[bool], None] | None = None,
        on_width: Callable[[int], None] | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self._figures = figures
        self._on_narrow = on_narrow
        self.observe(self._relayout, "narrow")
        if on_width is not None:
            self.observe(lambda change: on_width(int(change["new"])), "box_px")

    def _relayout(self, change: dict | None = None) -> None:
        """Give each figure the layout its ``meta`` holds for the current width. The figure grows
        (or shrinks) by what its margins do, so that its plot keeps its height."""
        if self._on_narrow is not None:
            self._on_narrow(self.narrow)
        if self._figures is None:
            return
        for fig in self._figures():
            meta = fig.layout.meta
            if not isinstance(meta, dict) or not meta.get("narrow"):
                continue
            changes = dict(meta["narrow" if self.narrow else "wide"])
            before, after = meta["wide"], meta["narrow"]
            grow = {k: after[k] - before[k] for k in ("margin.t", "margin.b") if k in before}
            delta = sum(grow.values()) * (1 if self.narrow else -1)
            if delta and fig.layout.height:
                changes["height"] = fig.layout.height + delta
            fig.plotly_relayout(changes)
