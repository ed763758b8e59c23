"""What the page does for each control change in Voila: every plotly.js call and event, timed.

``browser_latency.py`` counts ``plotly_afterplot`` events per change; this script says where each
one comes from. It serves ``notebooks/02_explore.ipynb`` with Voila on 127.0.0.1, opens it in
headless Chromium at 1366x768, replays ``browser_latency.py``'s sequence of changes (the search
left out) through the page's own controls, and logs, on one clock (``performance.now()``, ms from
the input event):

* every call of ``Plotly.react/relayout/restyle/update/redraw/newPlot`` and ``Plotly.Plots.resize``
  (plotly's widget bundle sets ``window.Plotly``), with the keys it was given and how long its
  synchronous part took; calls plotly.js makes inside itself (its responsive handler's resize,
  an autosize relayout) are not calls of these and show as events;
* the timeline's ``plotly_afterplot``, ``plotly_relayout``, ``plotly_restyle``, ``plotly_update``
  and ``plotly_autosize`` events, with the figure's drawn and pinned width and its parent's;
* the window's ``resize`` events (plotly's widget and plotly.js fit a figure on each);
* every websocket message, decoded (Jupyter's binary protocol or JSON): its type, the widget
  model it targets (comm id), the ``method`` and the state keys it carries (for plotly's
  ``_py2js_update``, the layout and trace properties).

Per change it also takes the CPU time (psutil) of Chromium's renderer processes and of the
kernel over the change's whole window (``SETTLE_MS``): what the change cost, whenever it was
spent, which wall-clock times on a shared machine do not say.

It prints, per change, the number of redraws and what came between them; ``--log FILE`` writes
every entry as JSON. A diagnosis tool: nothing is asserted
(``tests/browser/test_voila_one_redraw.py`` asserts one redraw per change).

Usage::

    python benchmarks/redraw_trace.py                          # a summary line per change
    python benchmarks/redraw_trace.py --verbose                # every entry of every change
    python benchmarks/redraw_trace.py --log artifacts/redraw_trace.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browser_latency import (  # noqa: E402
    CHROMIUM,
    SEQUENCE,
    TIMELINE_READY,
    VIEWPORT,
    VOILA_DRIVER,
)
from benchmarks.plotly_redraw import children_cpu_s, renderer_cpu_s  # noqa: E402

SETTLE_MS = 2500  # after each change: the extra passes came up to 0.8 s after the first

# Installed before any page script. Its log is read (and emptied) after each change.
TRACE = r"""(() => {
  const log = (window.__trace = []);
  const now = () => Math.round(performance.now() * 10) / 10;
  const decoder = new TextDecoder();
  // Jupyter's binary websocket protocol (v1): offsets, then channel, header, parent, metadata,
  // content, buffers; or a JSON text frame.
  const parse = (data) => {
    try {
      if (typeof data === 'string') return JSON.parse(data);
      if (!(data instanceof ArrayBuffer)) return null;
      const view = new DataView(data);
      const n = Number(view.getBigUint64(0, true));
      const offsets = [];
      for (let i = 0; i < n; i++) offsets.push(Number(view.getBigUint64(8 * (i + 1), true)));
      offsets.push(data.byteLength);
      const part = (i) => decoder.decode(new Uint8Array(data, offsets[i], offsets[i + 1] -
                                                        offsets[i]));
      return { header: JSON.parse(part(1)), content: JSON.parse(part(4)) };
    } catch (e) { return null; }
  };
  const describe = (dir, data) => {
    const bytes = typeof data === 'string' ? new Blob([data]).size : (data.byteLength ?? 0);
    const m = parse(data);
    const out = { dir, bytes, type: m && m.header ? m.header.msg_type : '?' };
    const c = (m && m.content) || {};
    if (out.type === 'status') out.state = c.execution_state;
    if (c.comm_id) {
      const d = c.data || {};
      const state = d.state || {};
      Object.assign(out, { comm: c.comm_id.slice(0, 6), method: d.method,
                           keys: Object.keys(state) });
      const u = state._py2js_update;
      if (u) out.update = { layout: Object.keys(u.layout_data || {}),
                            traces: Object.keys(u.style_data || {}) };
      const r = state._py2js_relayout;
      if (r) out.relayout = Object.keys(r.relayout_data || {});
    }
    return out;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => log.push({ t: now(), ws: describe('in', e.data) }));
    }
    send(data) { log.push({ t: now(), ws: describe('out', data) }); return super.send(data); }
  };
  const keys = (o) => (o && typeof o === 'object' ? Object.keys(o) : []);
  const wrap = (owner, name, label) => {
    const f = owner[name];
    if (typeof f !== 'function') return;
    owner[name] = function (...args) {
      const entry = { t: now(), call: label, traces: keys(args[1]), layout: keys(args[2]) };
      if (label === 'relayout') entry.layout = keys(args[1]);
      log.push(entry);
      const t1 = performance.now();
      const result = f.apply(this, args);
      entry.sync_ms = Math.round((performance.now() - t1) * 10) / 10;
      return result;
    };
  };
  const hookPlotly = () => {
    const P = window.Plotly;
    if (!P || P.__traced) return;
    P.__traced = true;
    for (const n of ['react', 'relayout', 'restyle', 'update', 'redraw', 'newPlot']) wrap(P, n, n);
    if (P.Plots) wrap(P.Plots, 'resize', 'Plots.resize');
  };
  const events = ['plotly_afterplot', 'plotly_relayout', 'plotly_restyle', 'plotly_update',
                  'plotly_autosize'];
  const hooked = new WeakSet();
  const hookPlots = () => document.querySelectorAll('.js-plotly-plot').forEach((gd) => {
    if (!gd.on || hooked.has(gd)) return;
    hooked.add(gd);
    for (const name of events) gd.on(name, (data) => {
      let said = '';
      try { said = name === 'plotly_relayout' ? JSON.stringify(data).slice(0, 200) : ''; }
      catch (e) { said = '?'; }
      const fl = gd._fullLayout || {};
      log.push({ t: now(), event: name, data: said, width: fl.width, height: fl.height,
                 pinned_width: gd.layout ? gd.layout.width ?? null : null,
                 own_width: parseFloat(getComputedStyle(gd).width) || null,
                 parent_width: gd.parentElement ? gd.parentElement.clientWidth : null });
    });
  });
  window.addEventListener('resize', () => log.push({ t: now(), resize: true }), true);
  setInterval(() => { hookPlotly(); hookPlots(); }, 20);
})();"""


def kernel_cpu_s(pid: int) -> float:
    """CPU seconds used so far by the Jupyter kernels under process ``pid``."""
    return children_cpu_s(pid, "ipykernel")


def describe(entry: dict[str, Any], t0: float) -> str:
    """One log entry as a line, its time in ms from the change's input event."""
    at = f"{entry['t'] - t0:8.1f}"
    if "ws" in entry:
        w = entry["ws"]
        what = f"{at} ws {w['dir']:<3} {w['type']}"
        if w["type"] == "status":
            return f"{what} {w.get('state')}"
        if "comm" in w:
            what += f" {w['comm']} {w.get('method')} {w.get('keys')}"
        if "update" in w:
            what += f" layout {w['update']['layout']} traces {w['update']['traces']}"
        return f"{what} ({w['bytes']:,} B)"
    if "call" in entry:
        return (
            f"{at} CALL Plotly.{entry['call']} layout {entry['layout']} traces {entry['traces']}"
            f" (sync {entry.get('sync_ms')} ms)"
        )
    if "event" in entry:
        return (
            f"{at} EVENT {entry['event']} {entry['data']} drawn {entry['width']}x"
            f"{entry['height']}, pinned width {entry['pinned_width']}, own box "
            f"{entry['own_width']}, parent {entry['parent_width']}"
        )
    return f"{at} window resize event"


def summary(change: dict[str, Any]) -> str:
    kind, label, log, t0 = change["kind"], change["change"], change["log"], change["t0"]
    redraws = [e["t"] - t0 for e in log if e.get("event") == "plotly_afterplot"]
    relayouts = sum(1 for e in log if e.get("event") == "plotly_relayout")
    resizes = sum(1 for e in log if "resize" in e)
    calls = [e["call"] for e in log if "call" in e]
    frames_in = sum(1 for e in log if "ws" in e and e["ws"]["dir"] == "in")
    frames_out = sum(1 for e in log if "ws" in e and e["ws"]["dir"] == "out")
    at = ", ".join(f"{t:.0f}" for t in redraws)
    return (
        f"{kind:<9} {label:<30} redraws {len(redraws)} (at {at} ms); calls {calls}; "
        f"relayout events {relayouts}; window resizes {resizes}; "
        f"ws out/in {frames_out}/{frames_in}; CPU ms renderer "
        f"{change['renderer_cpu_ms']:.0f}, kernel {change['kernel_cpu_ms']:.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", type=Path, help="write every entry of every change as JSON")
    parser.add_argument("--verbose", action="store_true", help="print every entry")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run `make browser-deps`", file=sys.stderr)
        return 1
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from explainer.figures.traces import uid_prefix
    from tests.browser.conftest import free_port, start_server

    ready = TIMELINE_READY.replace("PREFIX", json.dumps(uid_prefix("timeline", "points")))
    changes: list[dict[str, Any]] = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="explainer-redraw-trace-") as tmp:
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        home = Path(tmp) / "voila"
        home.mkdir()
        voila = [
            str(Path(sys.executable).parent / "voila"),
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
        ]
        server = start_server(voila, url, url + "voila/static/voila.js", home, cwd=ROOT)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--headless"]
                )
                page = browser.new_context(viewport=VIEWPORT, device_scale_factor=1).new_page()
                # Nothing leaves the machine (Voila links Font Awesome from a CDN: answered empty).
                page.route(
                    "**/*",
                    lambda r: (
                        r.continue_()
                        if r.request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
                        else r.fulfill(status=200, body="")
                    ),
                )
                page.add_init_script(TRACE)
                try:
                    page.goto(url + "voila/render/notebooks/02_explore.ipynb", timeout=180_000)
                    page.wait_for_function(ready, timeout=180_000, polling=250)
                except PlaywrightError as error:
                    print(f"the Explorer did not open: {error.message.splitlines()[0]}")
                    print(server.log.read_text()[-3000:], file=sys.stderr)
                    return 1
                page.wait_for_timeout(3000)  # the first view's own fitting
                loading = page.evaluate("window.__trace.splice(0)")
                page.evaluate(VOILA_DRIVER)
                for kind, label, call in SEQUENCE:
                    if kind == "search":
                        continue
                    cpu = renderer_cpu_s(os.getpid()), kernel_cpu_s(os.getpid())
                    t0 = page.evaluate(f"window.__drive.{call}")
                    page.wait_for_timeout(SETTLE_MS)
                    log = page.evaluate("window.__trace.splice(0)")
                    change = {
                        "kind": kind,
                        "change": label,
                        "t0": t0,
                        "renderer_cpu_ms": 1000 * (renderer_cpu_s(os.getpid()) - cpu[0]),
                        "kernel_cpu_ms": 1000 * (kernel_cpu_s(os.getpid()) - cpu[1]),
                        "log": log,
                    }
                    changes.append(change)
                    print(summary(change))
                    if args.verbose:
                        for entry in log:
                            print("   ", describe(entry, t0))
                browser.close()
        finally:
            server.stop()
    redraws = [sum(e.get("event") == "plotly_afterplot" for e in c["log"]) for c in changes]
    drawn = [c for c, n in zip(changes, redraws, strict=True) if n]
    renderer = statistics.median(c["renderer_cpu_ms"] for c in drawn) if drawn else 0.0
    kernel = statistics.median(c["kernel_cpu_ms"] for c in drawn) if drawn else 0.0
    print(
        f"\n{sum(redraws)} redraws for {len(changes)} changes; changes drawn more than once: "
        f"{sum(n > 1 for n in redraws)}; CPU per change that drew (median): renderer "
        f"{renderer:.0f} ms, kernel {kernel:.0f} ms; load average {load_before[0]:.2f} -> "
        f"{os.getloadavg()[0]:.2f}"
    )
    if args.log:
        args.log.parent.mkdir(parents=True, exist_ok=True)
        args.log.write_text(json.dumps({"loading": loading, "changes": changes}, indent=1) + "\n")
        print(f"wrote {args.log}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
