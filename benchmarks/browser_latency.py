"""What a student feels: from a control change to the redrawn plot, measured in Chromium (issue 17).

``notebooks/02_explore.ipynb`` is served by Voila on 127.0.0.1 and opened in headless Chromium at
1366x768; a fixed sequence of control changes (actors, dates, status, kind, known by, search,
language, reset) is replayed through the page's own controls, as a student clicks them. The same
sequence is replayed on the offline page (``python -m explainer export``), which filters in the
page itself, in the same browser run.

Each change is timed in the page, on one clock (``performance.now()``), from the input event to
the last mutation of a plot (a ``MutationObserver`` on every ``.js-plotly-plot``), once the page
has been quiet for a moment. The breakdown:

* ``client_ms``: input event -> first websocket frame sent (the widget's own JavaScript);
* ``server_ms``: first frame sent -> last frame received before the plot's last change (the
  kernel's work, serialisation and transport);
* ``redraw_ms``: that frame -> the plot's last change (plotly.js);
* websocket frames and bytes each way (Playwright's websocket events), and ``plotly_afterplot``
  events (how many times plotly.js redrew).

A search is typed at 8 keys a second; it is timed from the last key to the plot's last change (0
when the plot already showed the result before the last key, e.g. "puti" and "putin" match the
same claims).

The usual notebook (``benchmarks/interaction.py``'s baseline, as
``benchmarks/baseline_explore.ipynb``: ipywidgets controls, ``interactive_output``, a new
``plotly.express`` figure at every change) is served by the same Voila and replayed with the same
sequence, where it has the control: its sliders are dragged with the mouse (timed from the
button's release), and it has no kind, language or reset control (those changes are left out).

The network: after the sequence, the Explorer's "Show the network" button is clicked; timed are
the "drawing" note's appearance and the network's first drawn marks (goal: within 1 s).

Usage::

    python benchmarks/browser_latency.py                      # prints p50/p95/max per change kind
    python benchmarks/browser_latency.py --json artifacts/browser_latency.json --rounds 3
    python benchmarks/browser_latency.py --skip-baseline      # the Explorer and the offline page

Goals (issue 17; printed, never asserted): every change p95 <= 100 ms and <= 2x the offline page;
language switch <= 150 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1366, "height": 768}
QUIET_MS = 800  # no plot change and no frame for this long: the change is over
TIMEOUT_MS = 20_000

# Installed before any page script: websocket frames and plot mutations, timed in the page.
INSTRUMENT = """(() => {
  const b = (window.__bench = {
    frames: [], lastPlot: 0, afterplots: 0, afterplotsBefore: 0, lastKey: 0, hooked: new WeakSet(),
  });
  const size = (d) => typeof d === 'string' ? new Blob([d]).size : (d.byteLength ?? d.size ?? 0);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        b.frames.push({ t: performance.now(), dir: 'in', bytes: size(e.data) });
      });
    }
    send(data) {
      b.frames.push({ t: performance.now(), dir: 'out', bytes: size(data) });
      return super.send(data);
    }
  };
  const count = () => { b.afterplots += 1; };
  const hook = () => document.querySelectorAll('.js-plotly-plot').forEach((gd) => {
    if (gd.on && !b.hooked.has(gd)) { b.hooked.add(gd); gd.on('plotly_afterplot', count); }
  });
  new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && node.closest && node.closest('.js-plotly-plot')) {
        b.lastPlot = performance.now();
        break;
      }
    }
    hook();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('keydown', () => { b.lastKey = performance.now(); }, true);
  document.addEventListener('mouseup', () => { b.lastUp = performance.now(); }, true);
  b.hook = hook;
})();"""

# Wait until the change that started at t0 is over; then its timings. Runs in the page.
SETTLE = f"""async ([t0, since]) => {{
  const b = window.__bench;
  const start = performance.now();
  while (true) {{
    await new Promise((r) => setTimeout(r, 50));
    b.hook();
    const now = performance.now();
    const last = Math.max(b.lastPlot, ...b.frames.filter((f) => f.t >= t0).map((f) => f.t), t0);
    if (b.lastPlot > since && now - last > {QUIET_MS}) break;
    if (now - start > {TIMEOUT_MS}) break;
  }}
  // A search may be drawn before its last key (a last letter that changes nothing): no wait.
  const end = b.lastPlot > since ? Math.max(b.lastPlot, t0) : null;
  const frames = b.frames.filter((f) => f.t >= t0 && (end === null || f.t <= end));
  const out = frames.filter((f) => f.dir === 'out');
  const inbound = frames.filter((f) => f.dir === 'in');
  const firstOut = out.length ? out[0].t : null;
  const lastIn = inbound.length ? inbound[inbound.length - 1].t : null;
  return {{
    ms: end === null ? null : end - t0,
    client_ms: firstOut === null ? null : firstOut - t0,
    server_ms: firstOut === null || lastIn === null ? null : lastIn - firstOut,
    redraw_ms: end === null ? null : end - (lastIn ?? t0),
    frames_out: out.length, frames_in: inbound.length,
    afterplots: b.afterplots - b.afterplotsBefore,
  }};
}}"""

# The controls of each page, driven as a student does; each action returns its start time.
VOILA_DRIVER = """(() => {
  const q = (s, root = document) => Array.from(root.querySelectorAll(s));
  const checks = () => q('.explainer-checks');
  const months = () => q('.explainer-months input[type=range]');
  const now = () => performance.now();
  const click = (el) => { const t = now(); el.click(); return t; };
  const slide = (input, fraction) => {
    const last = Number(input.max);
    input.value = String(Math.round(fraction * last));
    const t = now();
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    return t;
  };
  window.__drive = {
    actorsAll: () => click(q('.explainer-checklist button')[0]),
    actorsNone: () => click(q('.explainer-checklist button')[1]),
    actor: (i) => click(q('.explainer-checklist .explainer-list input')[i]),
    status: (i) => click(q('input[type=checkbox]', checks()[0])[i]),
    kind: (i) => click(q('input[type=checkbox]', checks()[1])[i]),
    dateFrom: (f) => slide(months()[0], f),
    dateTo: (f) => slide(months()[1], f),
    known: (f) => slide(months()[2], f),
    language: (code) => click(q(`.explainer-radio input[value=${code}]`)[0]),
    reset: () => click(q('button', checks()[2]).pop()),
    search: () => q('input[type=text]', checks()[2])[0],
  };
})()"""

OFFLINE_DRIVER = """(() => {
  const q = (s, root = document) => Array.from(root.querySelectorAll(s));
  const now = () => performance.now();
  const click = (el) => { const t = now(); el.click(); return t; };
  const pick = (id, fraction) => {
    const select = document.getElementById(id);
    const options = q('option', select).filter((o) => o.value !== '');
    select.value = options[Math.round(fraction * (options.length - 1))].value;
    const t = now();
    select.dispatchEvent(new Event('change'));
    return t;
  };
  window.__drive = {
    actorsAll: () => click(q('[data-all=actor]')[0]),
    actorsNone: () => click(q('[data-none=actor]')[0]),
    actor: (i) => click(q('input[name=actor]')[i]),
    status: (i) => click(q('input[name=status]')[i]),
    kind: (i) => click(q('input[name=kind]')[i]),
    dateFrom: (f) => pick('date-start', f),
    dateTo: (f) => pick('date-end', f),
    known: (f) => pick('known-on', f),
    language: (code) => click(q(`button.lang[data-lang=${code}]`)[0]),
    reset: () => click(document.getElementById('reset')),
    search: () => document.getElementById('search'),
  };
})()"""

# The usual notebook's controls: two <select multiple> (actors, statuses), two noUiSliders (dates,
# known on), a text box. Sliders are dragged from Python (drag_slider); it has no kind, language
# or reset control (null: the change is left out).
BASELINE_DRIVER = """(() => {
  const q = (s, root = document) => Array.from(root.querySelectorAll(s));
  const now = () => performance.now();
  const choose = (select, pick) => {
    Array.from(select.options).forEach((o, i) => { o.selected = pick(o, i); });
    const t = now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  };
  const toggle = (k, i) =>
    choose(q('select[multiple]')[k], (o, j) => (j === i ? !o.selected : o.selected));
  window.__drive = {
    actorsAll: () => choose(q('select[multiple]')[0], () => true),
    actorsNone: () => choose(q('select[multiple]')[0], () => false),
    actor: (i) => toggle(0, i),
    status: (i) => toggle(1, i),
    kind: () => null,
    language: () => null,
    reset: () => null,
    search: () => q('input[type=text]')[0],
  };
})()"""

# Which noUiSlider handle each slider call of the sequence moves, on the usual notebook.
BASELINE_SLIDERS = {"dateFrom": (0, 0), "dateTo": (0, 1), "known": (1, 0)}


def drag_slider(page: Any, call: str) -> float | None:
    """Drag a noUiSlider handle of the usual notebook to a fraction of its track, as a student
    does; returns the time (``performance.now()``) the mouse button was released."""
    name, _, arg = call.partition("(")
    slider, handle = BASELINE_SLIDERS[name]
    fraction = float(arg.rstrip(")"))
    base = page.locator(".noUi-base").nth(slider).bounding_box()
    knob = page.locator(".noUi-target").nth(slider).locator(".noUi-handle").nth(handle)
    box = knob.bounding_box()
    if base is None or box is None:
        return None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    target = base["x"] + fraction * base["width"]
    page.mouse.move(target, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    return page.evaluate("window.__bench.lastUp")


# (kind of change, what it does, the driver's call); "search" steps type a word instead.
SEQUENCE: list[tuple[str, str, str]] = [
    ("actors", "untick the first actor", "actor(0)"),
    ("actors", "tick it again", "actor(0)"),
    ("actors", "None", "actorsNone()"),
    ("actors", "tick the second actor", "actor(1)"),
    ("actors", "All", "actorsAll()"),
    ("dates", "from: a third of the way", "dateFrom(0.33)"),
    ("dates", "to: two thirds", "dateTo(0.66)"),
    ("dates", "from: the start", "dateFrom(0)"),
    ("dates", "to: the end", "dateTo(1)"),
    ("status", "untick the first status", "status(0)"),
    ("status", "untick the third", "status(2)"),
    ("status", "tick the first again", "status(0)"),
    ("status", "tick the third again", "status(2)"),
    ("kind", "untick the first kind", "kind(0)"),
    ("kind", "tick it again", "kind(0)"),
    ("kind", "untick the second kind", "kind(1)"),
    ("kind", "tick it again", "kind(1)"),
    ("known_by", "known by: half way", "known(0.5)"),
    ("known_by", "known by: a quarter", "known(0.25)"),
    ("known_by", "known by: the end", "known(1)"),
    ("search", "type 'putin'", "putin"),
    ("search", "type 'musk' instead", "musk"),
    ("language", "français", "language('fr')"),
    ("language", "English", "language('en')"),
    ("reset", "reset", "reset()"),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def replay(
    page: Any, ws_frames: list[dict], rounds: int, *, drag: bool = False
) -> list[dict[str, Any]]:
    """Replay :data:`SEQUENCE` ``rounds`` times on a page whose driver is installed.

    With ``drag``, the slider changes are mouse drags (:func:`drag_slider`, the usual notebook);
    a change the driver does not have (it returns null) is left out.
    """
    records = []
    for r in range(rounds):
        for kind, label, call in SEQUENCE:
            before = len(ws_frames)
            page.evaluate("window.__bench.afterplotsBefore = window.__bench.afterplots")
            if kind == "search":
                box = page.evaluate_handle("window.__drive.search()").as_element()
                box.click()
                page.keyboard.press("Control+A")
                since = page.evaluate("performance.now()")
                page.keyboard.type(call, delay=125)  # 8 keys a second
                t0 = page.evaluate("window.__bench.lastKey")
            elif drag and call.partition("(")[0] in BASELINE_SLIDERS:
                since = page.evaluate("performance.now()")
                t0 = drag_slider(page, call)
            else:
                t0 = since = page.evaluate(f"window.__drive.{call}")
            if t0 is None:
                continue
            result = page.evaluate(SETTLE, [t0, since])
            sent = [f for f in ws_frames[before:] if f["dir"] == "out"]
            got = [f for f in ws_frames[before:] if f["dir"] == "in"]
            result.update(
                kind=kind,
                change=label,
                round=r,
                ws_sent=len(sent),
                ws_received=len(got),
                ws_bytes_sent=sum(f["bytes"] for f in sent),
                ws_bytes_received=sum(f["bytes"] for f in got),
            )
            records.append(result)
            page.wait_for_timeout(200)
        if page.evaluate("window.__drive.reset()") is not None:
            now = page.evaluate("performance.now()")
            page.evaluate(SETTLE, [now, now])
    return records


# The network's first drawing: from the click on its button to the note, then to its marks.
NETWORK = """async ([label, prefix, timeout]) => {
  const button = Array.from(document.querySelectorAll('button'))
    .find((b) => b.textContent.trim() === label);
  if (!button) return null;
  const drawn = () => Array.from(document.querySelectorAll('.js-plotly-plot')).some((gd) =>
    (gd._fullData || []).some((t) => (t.uid || '').startsWith(prefix) && t._length > 0));
  const noteShown = () => Array.from(document.querySelectorAll('.explainer-drawing'))
    .some((n) => n.offsetParent !== null);
  let note = null, plot = null, noteAtPlot = null;
  const t0 = performance.now();
  button.click();
  while (performance.now() - t0 < timeout) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    if (note === null && noteShown()) note = now - t0;
    if (drawn()) { plot = now - t0; noteAtPlot = noteShown(); break; }
  }
  await new Promise((r) => setTimeout(r, 500));
  return { note_ms: note, first_drawn_ms: plot, note_left_after_drawn: noteShown(),
           note_seen_until_drawn: noteAtPlot };
}"""


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p95/max per kind of change, with the breakdown's medians."""
    out: dict[str, Any] = {}
    for kind in dict.fromkeys(k for k, _, _ in SEQUENCE):
        rows = [r for r in records if r["kind"] == kind]
        if not rows:
            continue  # the page has no such control (the usual notebook)
        done = [r["ms"] for r in rows if r["ms"] is not None]
        entry: dict[str, Any] = {"changes": len(rows), "no_redraw": len(rows) - len(done)}
        if done:
            entry.update(
                p50_ms=round(percentile(done, 50), 1),
                p95_ms=round(percentile(done, 95), 1),
                max_ms=round(max(done), 1),
            )
        for part in ("client_ms", "server_ms", "redraw_ms"):
            values = [r[part] for r in rows if r[part] is not None]
            if values:
                entry[f"{part.removesuffix('_ms')}_p50_ms"] = round(statistics.median(values), 1)
        for part in ("ws_sent", "ws_received", "ws_bytes_sent", "ws_bytes_received", "afterplots"):
            entry[f"{part}_mean"] = round(statistics.mean(r[part] for r in rows), 1)
        out[kind] = entry
    return out


def open_page(browser: Any, url: str, driver: str, ready: str) -> tuple[Any, Any, list[dict]]:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(180_000)
    frames: list[dict] = []

    def on_socket(ws: Any) -> None:
        def size(payload: Any) -> int:
            return len(payload.encode()) if isinstance(payload, str) else len(payload)

        ws.on("framesent", lambda p: frames.append({"dir": "out", "bytes": size(p)}))
        ws.on("framereceived", lambda p: frames.append({"dir": "in", "bytes": size(p)}))

    page.on("websocket", on_socket)
    # Nothing leaves the machine (Voila links Font Awesome from a CDN: answered empty).
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("http://127.0.0.1:", "file:", "data:", "blob:"))
            else r.fulfill(status=200, body="")
        ),
    )
    page.add_init_script(INSTRUMENT)
    t0 = time.perf_counter()
    page.goto(url, timeout=180_000)
    page.wait_for_function(ready, timeout=180_000, polling=250)
    page.wait_for_timeout(3000)  # let late layout passes (fit, autosize) finish
    load_s = time.perf_counter() - t0
    page.evaluate(driver)
    return context, page, [{"load_s": round(load_s, 2)}, frames]  # type: ignore[list-item]


TIMELINE_READY = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).some((gd) =>
  (gd._fullData || []).some((t) => (t.uid || '').startsWith(PREFIX) && t._length > 0))"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--rounds", type=int, default=2, help="replays of the sequence per page")
    parser.add_argument("--skip-voila", action="store_true", help="measure the offline page only")
    parser.add_argument("--skip-baseline", action="store_true", help="leave out the usual notebook")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        print("--rounds must be at least 1", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run `make browser-deps`", file=sys.stderr)
        return 1
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    import explainer as ex
    from explainer.figures.traces import uid_prefix
    from explainer.i18n import t
    from tests.browser.conftest import free_port, start_server

    ready = TIMELINE_READY.replace("PREFIX", json.dumps(uid_prefix("timeline", "points")))
    # The usual notebook's figure has no uids of ours: any drawn trace.
    baseline_ready = TIMELINE_READY.replace("(t.uid || '').startsWith(PREFIX) && ", "")
    report: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()},
        "viewport": VIEWPORT,
        "rounds": args.rounds,
        "sequence": [{"kind": k, "change": c} for k, c, _ in SEQUENCE],
        "pages": {},
    }
    with (
        tempfile.TemporaryDirectory(prefix="explainer-browser-bench-") as tmp,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--headless"]
        )
        # (name, address, driver, ready condition)
        targets: list[tuple[str, str, str, str]] = []
        offline = Path(tmp) / "offline.html"
        ex.export_html(ex.load_dataset(), offline)
        targets.append(("offline", offline.as_uri(), OFFLINE_DRIVER, ready))
        server = None
        if not args.skip_voila:
            # One Voila for both notebooks (its tree mode, from the repository's root).
            port = free_port()
            argv_voila = [
                str(Path(sys.executable).parent / "voila"),
                "--no-browser",
                f"--port={port}",
                "--Voila.ip=127.0.0.1",
            ]
            url = f"http://127.0.0.1:{port}/"
            home = Path(tmp) / "voila"
            home.mkdir()
            server = start_server(argv_voila, url, url + "voila/static/voila.js", home, cwd=ROOT)
            render = url + "voila/render/"
            targets.insert(0, ("voila", render + "notebooks/02_explore.ipynb", VOILA_DRIVER, ready))
            if not args.skip_baseline:
                baseline_url = render + "benchmarks/baseline_explore.ipynb"
                targets.insert(0, ("baseline", baseline_url, BASELINE_DRIVER, baseline_ready))
        try:
            for name, url, driver, is_ready in targets:
                try:
                    context, page, (info, frames) = open_page(browser, url, driver, is_ready)
                except PlaywrightError as error:
                    # One page that does not open must not cost the others' figures: said, with
                    # the server's last words, and the run ends non-zero.
                    log = server.log.read_text()[-3000:] if server is not None else ""
                    print(f"{name}: the page did not open ({error.message.splitlines()[0]})")
                    print(log, file=sys.stderr)
                    report["failed"] = [*report.get("failed", []), name]
                    continue
                records = replay(page, frames, args.rounds, drag=name == "baseline")
                report["pages"][name] = {
                    **info,
                    "by_kind": summarise(records),
                    "changes": records,
                }
                if name == "voila":
                    label = t("explorer.show_network", "en")
                    prefix = uid_prefix("network", "nodes")
                    report["pages"][name]["network"] = page.evaluate(
                        NETWORK, [label, prefix, TIMEOUT_MS]
                    )
                context.close()
        finally:
            if server is not None:
                server.stop()
            browser.close()
    report["machine"]["load_average_at_end"] = os.getloadavg()
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if report.get("failed") else 0


def print_report(report: dict[str, Any]) -> None:
    pages = report["pages"]
    kinds = list(dict.fromkeys(k for k, _, _ in SEQUENCE))
    for name, page in pages.items():
        print(
            f"\n{name} (page ready in {page['load_s']} s): ms from input to the plot's last change"
        )
        print(
            f"{'change':<10} {'p50':>7} {'p95':>7} {'max':>7}   {'client':>7} {'server':>7} "
            f"{'redraw':>7}   {'ws out/in':>9} {'bytes in':>9} {'redraws':>7}  {'no redraw':>9}"
        )
        for kind in kinds:
            if kind not in page["by_kind"]:
                print(f"{kind:<10} {'-':>7}   (no such control)")
                continue
            e = page["by_kind"][kind]

            def f(key: str, e: dict = e) -> str:
                return f"{e[key]:7.0f}" if key in e else f"{'-':>7}"

            print(
                f"{kind:<10} {f('p50_ms')} {f('p95_ms')} {f('max_ms')}   {f('client_p50_ms')} "
                f"{f('server_p50_ms')} {f('redraw_p50_ms')}   "
                f"{e['ws_sent_mean']:>4.1f}/{e['ws_received_mean']:<4.1f} "
                f"{e['ws_bytes_received_mean']:>9,.0f} {e['afterplots_mean']:>7.1f}  "
                f"{e['no_redraw']:>9}"
            )
    if "voila" in pages and "offline" in pages:
        print("\ngoals (issue 17): p95 <= 100 ms and <= 2x the offline page; language <= 150 ms")
        for kind in kinds:
            v, o = pages["voila"]["by_kind"][kind], pages["offline"]["by_kind"][kind]
            if "p95_ms" not in v or "p95_ms" not in o:
                print(f"  {kind:<10} not measured (no redraw)")
                continue
            limit = 150 if kind == "language" else 100
            ok = v["p95_ms"] <= limit and v["p95_ms"] <= 2 * o["p95_ms"]
            print(
                f"  {kind:<10} voila p95 {v['p95_ms']:6.0f} ms, offline {o['p95_ms']:5.0f} ms: "
                f"{'met' if ok else 'MISSED'}"
            )
    if "voila" in pages and "baseline" in pages:
        print("\nthe usual notebook (p50 / p95) against the Explorer, same Voila, same run")
        for kind in kinds:
            v, b = pages["voila"]["by_kind"][kind], pages["baseline"]["by_kind"].get(kind)
            if b is None or "p50_ms" not in b or "p50_ms" not in v:
                continue
            said = (
                f"{b['p50_ms'] / v['p50_ms']:4.1f}x at the median"
                if v["p50_ms"]
                else "the Explorer had drawn it before the last key"
            )
            print(
                f"  {kind:<10} usual {b['p50_ms']:6.0f} / {b['p95_ms']:5.0f} ms, Explorer "
                f"{v['p50_ms']:5.0f} / {v['p95_ms']:5.0f} ms: {said}"
            )
    network = pages.get("voila", {}).get("network")
    if network:
        first = network["first_drawn_ms"]
        note = network["note_ms"]
        print(
            f"\nnetwork (goal: first drawn <= 1000 ms, a note until then): note after "
            f"{'-' if note is None else f'{note:.0f} ms'}, first drawn after "
            f"{'never' if first is None else f'{first:.0f} ms'}"
            f"{'' if first is None else (': met' if first <= 1000 else ': MISSED')}"
        )
    m = report["machine"]
    start, end = (
        [round(x, 2) for x in m[k]] for k in ("load_average_at_start", "load_average_at_end")
    )
    print(f"\nmachine: {m['cores']} cores, load average {start} -> {end}")


if __name__ == "__main__":
    sys.exit(main())
