"""What plotly.js spends on one Explorer update, and which part of the timeline costs what.

``browser_latency.py`` says the time of a control change in Voila is mostly plotly.js redrawing
the timeline. This script isolates that redraw: it records the update messages the Explorer sends
for a fixed sequence of changes (actors, dates, statuses, kinds, known by, search, language),
then replays them with ``Plotly.update`` (what plotly's FigureWidget calls) on the Explorer's
initial figure in headless Chromium, alone on a page. It reports the renderer's CPU time per
update (psutil, the browser's renderer processes: unlike wall-clock time, it holds on a machine
shared with other work), and the same with one part of the figure taken away, to size each part:

* ``as is``: the Explorer's figure and messages;
* ``no legend``: ``showlegend`` off (the two keys, 10 one-point traces drawn at every redraw).
  Since the Explorer draws its keys as HTML beside the plot (``figures/key.py``), its figure has
  no legend: this variant then measures nothing, and is kept to compare older commits;
* ``no annotations`` / ``no shapes``: without the notes (cuts, axis title) / lane bands and lines;
* ``types not restated``: without the axis types (and ranges) each update restates (see
  ``widgets/sync.py``): plotly.js then replots its layout from scratch (``layoutReplot``);
* ``Plotly.react``: the same changes given as whole figures to ``Plotly.react``, which plotly's
  FigureWidget does not use.

``--profile FILE`` also writes a V8 CPU profile (``.cpuprofile``, for Chromium's DevTools) of the
replay ``as is``.

Usage::

    python benchmarks/plotly_redraw.py                   # about a minute
    python benchmarks/plotly_redraw.py --profile artifacts/redraw.cpuprofile
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
REPEAT = 3

VARIANTS = {
    "as is": [],
    "no legend": ["nolegend"],
    "no annotations": ["noann"],
    "no shapes": ["noshapes"],
    "types not restated": ["notype"],
    "Plotly.react": ["react"],
}

# Typed arrays as plotly's widget gives them to plotly.js; a path setter; one replay.
PAGE_JS = r"""
window.dec = function dec(v) {
  if (v === "__undef__") return undefined;
  if (Array.isArray(v)) return v.map(dec);
  if (v && typeof v === "object") {
    if (v.__nd__) {
      const bin = atob(v.b64), buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const T = {float64: Float64Array, int32: Int32Array, int8: Int8Array, uint8: Uint8Array};
      return new T[v.__nd__](buf.buffer);
    }
    const o = {};
    for (const k in v) o[k] = dec(v[k]);
    return o;
  }
  return v;
};
window.setPath = function (obj, path, val) {
  const keys = [];
  for (const part of path.split(".")) {
    const m = part.match(/^([^\[]+)(?:\[(\d+)\])?$/);
    keys.push(m[1]);
    if (m[2] !== undefined) keys.push(Number(m[2]));
  }
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    if (o[keys[i]] == null) o[keys[i]] = typeof keys[i + 1] === "number" ? [] : {};
    o = o[keys[i]];
  }
  o[keys[keys.length - 1]] = val;
};
window.prepare = async function (init, msgs, flags) {
  const gd = document.getElementById("gd");
  let data = dec(init.data), layout = dec(init.layout);
  msgs = msgs.map((m) => ({ ...m, relayout: { ...m.relayout } }));
  const drop = (test) => msgs.forEach((m) => {
    for (const k in m.relayout) if (test(k)) delete m.relayout[k];
  });
  if (flags.includes("nolegend")) layout.showlegend = false;
  if (flags.includes("noann")) {
    layout.annotations = [];
    drop((k) => k.startsWith("annotations"));
  }
  if (flags.includes("noshapes")) { layout.shapes = []; drop((k) => k === "shapes"); }
  if (flags.includes("notype")) drop((k) => k.endsWith(".type") || k.endsWith(".range"));
  await Plotly.newPlot(gd, data, layout, init.config);
  window.state = { gd, data, layout, init, msgs, flags };
};
window.replay = async function (repeat) {
  let { gd, data, layout, init, msgs, flags } = window.state;
  for (let r = 0; r < repeat; r++) {
    for (const m of msgs) {
      const restyle = dec(m.restyle), relayout = dec(m.relayout);
      if (flags.includes("react")) {
        data = data.slice();
        m.traces.forEach((i, j) => {
          const trace = (data[i] = { ...data[i] });
          for (const k in restyle) {
            const top = k.split(".")[0];
            if (typeof trace[top] === "object" && !ArrayBuffer.isView(trace[top])) {
              trace[top] = structuredClone(trace[top]);
            }
            if (restyle[k][j] !== undefined) setPath(trace, k, restyle[k][j]);
          }
        });
        layout = { ...layout };
        for (const k in relayout) {
          const top = k.split(/[.\[]/)[0];
          if (layout[top] && typeof layout[top] === "object") {
            layout[top] = structuredClone(layout[top]);
          }
          setPath(layout, k, relayout[k]);
        }
        await Plotly.react(gd, data, layout, init.config);
      } else {
        await Plotly.update(gd, restyle, relayout, m.traces);
      }
      await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    }
  }
};
"""


def _encode(value: Any) -> Any:
    """JSON for the page: numeric numpy arrays as base64 typed arrays (as plotly's widget sends)."""
    import numpy as np

    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fiub":
            a = np.ascontiguousarray(value)
            a = a.astype(np.int32) if a.dtype == np.int64 else a
            a = a.astype(np.uint8) if a.dtype == bool else a
            return {"__nd__": str(a.dtype), "b64": base64.b64encode(a.tobytes()).decode()}
        return [_encode(x) for x in value.tolist()]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, np.floating | np.integer):
        return value.item()
    return value


def record_updates() -> dict[str, Any]:
    """The Explorer's initial figure and the update messages of the sequence of changes."""
    from plotly.basedatatypes import Undefined

    import explainer as ex

    app = ex.Explorer(ex.load_dataset())
    fig = app.figure
    init = {"data": _encode(fig._widget_data), "layout": _encode(fig._widget_layout)}
    init["config"] = fig._config
    fig._view_count = 1  # shown: changes go out as update messages, recorded here
    msgs: list[dict[str, Any]] = []

    def record(restyle_data=None, relayout_data=None, trace_indexes=None, **_: Any) -> None:
        restyle = {
            k: ["__undef__" if x is Undefined else x for x in v]
            for k, v in (restyle_data or {}).items()
        }
        msgs.append(
            {
                "restyle": _encode(restyle),
                "relayout": _encode(relayout_data or {}),
                "traces": trace_indexes,
            }
        )

    fig._send_update_msg = record
    ids, last = app._actor_ids, len(app._months) - 1
    statuses, kinds = list(app.status_boxes.values()), list(app.kind_boxes.values())
    known = len(app.known_on.options) - 1
    steps = [
        (app.actors, "value", tuple(ids[1:])),
        (app.actors, "value", tuple(ids)),
        (app.actors, "value", ()),
        (app.actors, "value", (ids[1],)),
        (app.actors, "value", tuple(ids)),
        (app.dates, "index", (round(last / 3), last)),
        (app.dates, "index", (round(last / 3), round(2 * last / 3))),
        (app.dates, "index", (0, last)),
        (statuses[0], "value", False),
        (statuses[2], "value", False),
        (statuses[0], "value", True),
        (statuses[2], "value", True),
        (kinds[0], "value", False),
        (kinds[0], "value", True),
        (app.known_on, "index", known // 2),
        (app.known_on, "index", known // 4),
        (app.known_on, "index", known),
        *[(app.search, "value", word) for word in ("pu", "put", "putin", "")],
    ]
    for widget, name, value in steps:
        setattr(widget, name, value)
    app.set_language("fr")
    app.set_language("en")
    return {"init": init, "msgs": msgs}


def children_cpu_s(pid: int, marker: str) -> float:
    """CPU seconds used so far by the processes under process ``pid`` whose command line holds
    ``marker`` (one that ended meanwhile is left out)."""
    import psutil

    total = 0.0
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if marker in " ".join(child.cmdline()):
                times = child.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            continue
    return total


def renderer_cpu_s(pid: int) -> float:
    """CPU seconds used so far by Chromium's renderer processes under process ``pid``."""
    return children_cpu_s(pid, "--type=renderer")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", type=Path, help="write a V8 CPU profile of the replay")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run `make browser-deps`", file=sys.stderr)
        return 1
    import plotly
    from playwright.sync_api import sync_playwright

    recorded = record_updates()
    n = len(recorded["msgs"])
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    print(f"{n} updates recorded, replayed {REPEAT} times per variant; load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_file = Path(tmp) / "redraw.html"
        page_file.write_text(
            f'<!doctype html><meta charset="utf-8"><script src="{bundle.as_uri()}"></script>'
            f'<script>{PAGE_JS}</script><div id="gd" style="width:1000px"></div>',
            encoding="utf-8",
        )
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--headless"]
        )
        try:
            base = None
            for name, flags in VARIANTS.items():
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(page_file.as_uri())
                page.evaluate("([r, f]) => prepare(r.init, r.msgs, f)", [recorded, flags])
                cdp = None
                if args.profile and name == "as is":
                    cdp = page.context.new_cdp_session(page)
                    cdp.send("Profiler.enable")
                    cdp.send("Profiler.start")
                before = renderer_cpu_s(os.getpid())
                page.evaluate("(k) => replay(k)", REPEAT)
                ms = 1000 * (renderer_cpu_s(os.getpid()) - before) / (REPEAT * n)
                if cdp is not None:
                    profile = cdp.send("Profiler.stop")["profile"]
                    args.profile.parent.mkdir(parents=True, exist_ok=True)
                    args.profile.write_text(json.dumps(profile), encoding="utf-8")
                base = ms if base is None else base
                print(f"  {name:<20} {ms:6.1f} ms of renderer CPU per update ({ms - base:+.1f})")
                page.close()
        finally:
            browser.close()
    if args.profile:
        print(f"wrote {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
