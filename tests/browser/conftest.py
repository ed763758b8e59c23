"""Fixtures for the browser tests: headless Chromium, servers on 127.0.0.1, console, screenshots.

- ``browser``: Playwright's Chromium, launched with the system's ``/usr/bin/chromium`` when there is
  one and Playwright's own build otherwise. No browser at all is a *failure* that says how to get
  one (``make browser-deps``), never a skip: a test that did not run has not passed.
- ``watched_page``: a fresh page whose console errors, uncaught exceptions and failed requests are
  collected, with a ``shot(name)`` helper that saves to ``artifacts/screenshots/``.
- ``voila_server`` / ``lab_server``: started on a free port of 127.0.0.1 with their own
  throw-away Jupyter directories, and stopped after by process group (Voila keeps one kernel per
  page load until it stops).
- ``timings``: the click-to-update times measured in the browser, printed at the end of the run and
  written to ``artifacts/browser-timings.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
# The system's Chromium (Debian's package), preferred if present; EXPLAINER_CHROMIUM names another.
SYSTEM_CHROMIUM = Path(os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "No Chromium for the browser tests. Install one with `make browser-deps` (Debian's chromium "
    "package when root, else `.venv/bin/python -m playwright install chromium`), then run the "
    "tests again."
)
_TIMINGS: list[dict] = []


def pytest_collection_modifyitems(items):
    # Everything here drives a real browser: mark it, so `-m "not browser"` can leave it out.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            # One more try only for anywidget's fixed 2 s start-up limit on plotly's 5 MB module,
            # which a busy machine can miss (fail_if_widgets_stuck names it); a student reloads.
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=["anywidget gave up"]))


# ----------------------------------------------------------------------------------------- browser
@pytest.fixture(scope="session")
def browser():
    """Headless Chromium: the system's if present, else Playwright's; a clear failure if neither."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: run `make test` (it installs the test extras).")
    manager = sync_playwright().start()
    executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
    if executable is None and not Path(manager.chromium.executable_path).exists():
        manager.stop()
        pytest.fail(INSTALL_HINT, pytrace=False)
    try:
        chromium = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Error as error:
        manager.stop()
        pytest.fail(f"{INSTALL_HINT}\nLaunching it failed: {error}", pytrace=False)
    yield chromium
    chromium.close()
    manager.stop()


@dataclass
class WatchedPage:
    """A page and what went wrong in it: console errors, uncaught exceptions, failed requests."""

    page: object
    name: str
    errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    shots: list[Path] = field(default_factory=list)

    def shot(
        self,
        label: str,
        *,
        selector: str | None = None,
        element: object = None,
        full_page: bool = False,
        height: int | None = None,
    ) -> Path:
        """Save a screenshot (of ``selector`` if given) as ``screenshots/<test>-<label>.png``."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}-{label}.png"
        if element is not None:  # an ElementHandle, e.g. a plot found by script
            element.screenshot(path=str(path))
        elif selector:
            self.page.locator(selector).first.screenshot(path=str(path))
        elif height:  # the top of a long page, at most `height` pixels
            width = self.page.viewport_size["width"]
            clip = {"x": 0, "y": 0, "width": width, "height": height}
            self.page.screenshot(path=str(path), full_page=True, clip=clip)
        else:
            self.page.screenshot(path=str(path), full_page=full_page)
        self.shots.append(path)
        return path


# Voila's page template links Font Awesome (the icons of ipywidgets buttons) from this CDN. The
# tests run without internet: these two stylesheets are answered empty (the icons are then missing
# from the screenshots), and every other request that leaves 127.0.0.1 is aborted and reported.
VOILA_CDN = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free"


def keep_local(watch: WatchedPage) -> list[str]:
    """Route the page's requests: 127.0.0.1 goes through, the rest never leaves the machine.

    Returns the list, filled as the page runs, of the outside URLs it asked for.
    """
    outside: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")):
            r.continue_()
            return
        outside.append(url)
        if url.startswith(VOILA_CDN) and url.endswith(".css"):
            r.fulfill(status=200, content_type="text/css", body="/* offline test run */")
        else:
            r.abort()

    watch.page.route("**/*", route)
    return outside


def fail_if_widgets_stuck(watch: WatchedPage, what: str) -> None:
    """Fail with the cause when anywidget gave up on a figure's model (else return).

    anywidget 0.11 gives a widget model 2 s to load its JavaScript module and initialise, then
    rejects it ("[anywidget] Failed to initialize model."). plotly's FigureWidget module is about
    5 MB of JavaScript: on a slow or busy machine it takes longer, and the figure is then drawn
    once but never updated from Python.
    """
    stuck = [e for e in watch.errors if "[anywidget] Failed to initialize model" in e]
    if stuck:
        watch.shot("widgets-stuck")
        pytest.fail(
            f"{what}: anywidget gave up initialising {len(stuck)} FigureWidget model(s) after "
            "its fixed 2 s (plotly's widget module is ~5 MB of JavaScript, slower than that to "
            "load in this browser now), so the figure is drawn but never updated from Python. "
            f"Console: {stuck}",
            pytrace=False,
        )


@pytest.fixture
def watched_page(browser, request) -> Iterator[WatchedPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(60_000)
    watch = WatchedPage(page=page, name=request.node.name.replace("[", "-").rstrip("]"))
    page.on(
        "console",
        lambda msg: (
            watch.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: watch.errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda req: watch.failed_requests.append(req.url))
    yield watch
    context.close()


# ------------------------------------------------------------------------------------------ timings
@pytest.fixture
def timings(request):
    """``timings(what, ms)`` records a click-to-update time measured in the browser."""

    def record(what: str, ms: float) -> None:
        entry = {"test": request.node.name, "what": what, "ms": round(float(ms), 1)}
        _TIMINGS.append(entry)
        print(f"\n[browser timing] {request.node.name}: {what}: {ms:.0f} ms")

    return record


def pytest_terminal_summary(terminalreporter):
    if not _TIMINGS:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-timings.json").write_text(json.dumps(_TIMINGS, indent=2) + "\n")
    terminalreporter.section("browser: control change to updated plot (measured in the browser)")
    for t in _TIMINGS:
        terminalreporter.write_line(f"{t['ms']:8.0f} ms  {t['test']}: {t['what']}")


# ------------------------------------------------------------------------------------------ servers
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env(home: Path) -> dict[str, str]:
    """Environment for a server: the venv first on PATH, and throw-away Jupyter/IPython dirs
    (no user settings, saved workspaces or runtime files leak in or out)."""
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "ipython"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    return env


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        """Stop the server and everything it started (kernels) by process group."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        # Kernels may outlive a server that was killed; they are in its process group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)


def start_server(
    argv: list[str],
    url: str,
    probe: str,
    home: Path,
    *,
    cwd: Path | None = None,
    timeout: float = 180,
) -> Server:
    """Start ``argv`` (in ``cwd``, default ``home``) in its own process group; wait until ``probe``
    answers 200."""
    log = home / "server.log"
    handle = log.open("w")
    process = subprocess.Popen(
        argv,
        cwd=cwd or home,
        env=jupyter_env(home),
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(url=url, process=process, log=log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{argv[0]} exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(probe, timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    server.stop()
    tail = log.read_text()[-3000:]
    raise RuntimeError(f"{argv[0]} did not answer within {timeout:.0f} s:\n{tail}")


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory) -> Iterator[Server]:
    """Voila serving notebooks/02_explore.ipynb (no code shown), on 127.0.0.1 and a free port.

    It runs from the repository's root, as a user (or Binder) runs it, so that the root's
    ``voila.json`` applies (it keeps editor-only JupyterLab extensions out of the Voila page).
    """
    home = tmp_path_factory.mktemp("voila")
    port = free_port()
    bindir = Path(sys.executable).parent
    argv = [
        str(bindir / "voila"),
        str(NOTEBOOKS / "02_explore.ipynb"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--show_tracebacks=True",
    ]
    url = f"http://127.0.0.1:{port}/"
    server = start_server(argv, url, probe=url + "voila/static/voila.js", home=home, cwd=ROOT)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory) -> Iterator[Server]:
    """JupyterLab on a *copy* of notebooks/ (running cells must not touch the committed files)."""
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port = free_port()
    bindir = Path(sys.executable).parent
    argv = [
        str(bindir / "jupyter"),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",  # no news feed request
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:  # containers and CI often run as root; JupyterLab refuses unless told
        argv.append("--allow-root")
    url = f"http://127.0.0.1:{port}/"
    server = start_server(argv, url, probe=url + "api", home=home)
    yield server
    server.stop()


# ------------------------------------------------------------------------------------ accessibility
# axe-core's impacts, worst first; "serious" and "critical" fail a test, the rest are listed.
AXE_FAILING = ("critical", "serious")


def axe_check(watch: WatchedPage, label: str, context: object = None) -> list[dict]:
    """Run axe-core (bundled by axe-playwright-python) on the page; return its violations.

    Every violation is printed (rule, impact, how many nodes, what it asks, the first targets) and
    the whole result written to ``artifacts/axe-<test>-<label>.json``; the caller asserts on the
    ``serious`` and ``critical`` ones (see :func:`axe_failures`).
    """
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail("axe-playwright-python is not installed: run `make test` (test extras).")
    results = Axe().run(watch.page, context=context)
    violations = results.response["violations"]
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / f"axe-{watch.name}-{label}.json"
    out.write_text(json.dumps(results.response, indent=1, default=str) + "\n")
    engine = results.response.get("testEngine", {}).get("version", "?")
    print(
        f"\n[axe {engine}] {watch.name} {label}: {len(violations)} rule(s) violated -> {out.name}"
    )
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        print(f"  {v['impact']:>8}  {v['id']} ({len(v['nodes'])}): {v['help']}  e.g. {targets}")
    return violations


def axe_failures(violations: list[dict]) -> list[str]:
    """The serious or critical violations, one line each (empty when there are none)."""
    return [
        f"{v['impact']} {v['id']}: {v['help']} at "
        + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in violations
        if v["impact"] in AXE_FAILING
    ]
