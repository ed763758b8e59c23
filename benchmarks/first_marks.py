"""Time from opening the Explorer in Voila to its first marks, and where that time goes (issue 12).

Starts the server as a class meets it (Binder's ``voila/render`` route on a Jupyter server, or the
standalone ``voila`` command), with the repository's ``jupyter-config/`` and ``share/jupyter/``, and
opens ``02_explore`` in headless Chromium ``--runs`` times, each in a fresh browser context (a
student's first visit) or, with ``--warm``, in one context (a reload: the browser's cache is kept).
For each load it prints, in ms from navigation start: the notebook's run as the loading message
reports it (first cell, last cell, done), the widgets' state as it arrives on the websocket (bytes
and the time of the last large frame), and the first marks; with the load average.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/first_marks.py --route both --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS, SYSTEM_CHROMIUM, free_port  # noqa: E402
from tests.browser.test_culling import CONFIG, server_args, start, stop  # noqa: E402
from tests.browser.test_voila_explore import COUNT_MARKS  # noqa: E402

ROUTES = {"render": "voila/render (Binder)", "standalone": "standalone voila"}

# Recorded in the page from its first script on: the loading message's steps and the first marks.
RECORD = f"""
window.__marks = null; window.__steps = [];
const count = {COUNT_MARKS};
const poll = () => {{
  const step = document.querySelector('#explainer-loading .explainer-loading-step');
  const text = step ? step.textContent : '';
  const last = window.__steps[window.__steps.length - 1];
  const now = Math.round(performance.now());
  if (text && (!last || last[1] !== text)) window.__steps.push([now, text]);
  let n = -1;
  try {{ n = count(); }} catch (e) {{}}
  if (n > 0) {{ window.__marks = Math.round(performance.now()); return; }}
  requestAnimationFrame(poll);
}};
requestAnimationFrame(poll);
"""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def kernels(server) -> set[int]:
    """The ipykernel processes the server started (one per page load)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == server.pid and b"ipykernel" in cmdline:
                found.add(int(entry.name))
    return found


def load_once(context, url: str, server) -> dict:
    """Open the Explorer once in ``context``; what happened when, in ms from navigation start.

    Also the CPU each part used, which the machine's load changes much less than the times: the
    page's renderer (Chromium's main-thread task time), the new kernel and the server.
    """
    before = kernels(server)
    server_cpu = cpu_seconds(server.pid)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    frames: list[tuple[float, int]] = []

    def on_socket(ws) -> None:
        ws.on("framereceived", lambda p: frames.append((time.monotonic(), len(p))))

    page.on("websocket", on_socket)
    page.add_init_script(RECORD)
    t0 = time.monotonic()
    page.goto(url, wait_until="commit", timeout=180_000)
    page.wait_for_function("window.__marks !== null", timeout=180_000, polling=100)
    wall = 1000 * (time.monotonic() - t0)
    marks = page.evaluate("window.__marks")
    steps = page.evaluate("window.__steps")
    nav = page.evaluate("performance.timing.navigationStart")
    # Playwright's clock and the page's differ by the time to start navigating: align on marks.
    offset = wall - marks
    big = [(1000 * (t - t0) - offset, n) for t, n in frames if n > 100_000]
    first_cell = next((t for t, s in steps if "1 of" in s or "1 sur" in s), None)
    drawing = next((t for t, s in steps if "Drawing" in s or "Dessin" in s), None)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    new = kernels(server) - before
    kernel_cpu = sum(cpu_seconds(pid) for pid in new)
    kernel_rss = sum(rss_mb(pid) for pid in new)
    page.close()
    del nav
    return {
        "renderer_cpu": metrics.get("TaskDuration", 0.0),
        "script_cpu": metrics.get("ScriptDuration", 0.0),
        "kernel_cpu": kernel_cpu,
        "kernel_rss": kernel_rss,
        "server_cpu": cpu_seconds(server.pid) - server_cpu,
        "marks": marks,
        "first_cell": first_cell,
        "drawing": drawing,
        "ws_bytes": sum(n for _, n in frames),
        "big_frames": [(round(t), n) for t, n in big],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--route", choices=[*ROUTES, "both"], default="both")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", action="store_true", help="reuse one browser context (a reload)")
    parser.add_argument(
        "--config",
        type=Path,
        default=CONFIG,
        help="a jupyter-config folder (default: the repository's)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    from playwright.sync_api import sync_playwright

    routes = list(ROUTES) if args.route == "both" else [args.route]
    print(f"nproc {os.cpu_count()}, load average {os.getloadavg()}")
    with sync_playwright() as p:
        executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for route in routes:
            with tempfile.TemporaryDirectory() as home:
                port = free_port()
                argv_, url, probe = server_args(ROUTES[route], port)
                server = start(argv_, Path(home), probe, args.config)
                try:
                    results = []
                    shared = browser.new_context(viewport={"width": 1366, "height": 768})
                    for k in range(args.runs):
                        if args.warm:
                            context = shared
                        else:
                            context = browser.new_context(viewport={"width": 1366, "height": 768})
                        r = load_once(context, url, server)
                        if not args.warm:
                            context.close()
                        results.append(r)
                        print(
                            f"{ROUTES[route]} run {k + 1}: first marks {r['marks']} ms "
                            f"(cell 1 at {r['first_cell']}, notebook run at {r['drawing']}; "
                            f"websocket {r['ws_bytes'] / 1e6:.2f} MB, large frames "
                            f"{r['big_frames']}); CPU s: page {r['renderer_cpu']:.2f} (script "
                            f"{r['script_cpu']:.2f}), kernel {r['kernel_cpu']:.2f} "
                            f"({r['kernel_rss']:.0f} MB at first marks), server "
                            f"{r['server_cpu']:.2f}; load {os.getloadavg()[0]:.2f}"
                        )
                    shared.close()
                finally:
                    stop(server)
            marks = [r["marks"] for r in results]

            def median(key: str, results: list[dict] = results) -> float:
                return statistics.median(r[key] for r in results)

            print(
                f"{ROUTES[route]}: first marks median {statistics.median(marks):.0f} ms, "
                f"min {min(marks)}, max {max(marks)} over {len(marks)} runs; median CPU s: "
                f"page {median('renderer_cpu'):.2f}, kernel {median('kernel_cpu'):.2f}, "
                f"server {median('server_cpu'):.2f}"
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
