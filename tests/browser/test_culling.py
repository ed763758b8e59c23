"""A class on one Binder instance: kernels of closed Voila tabs are shut down, open ones are kept.

Voila starts a kernel (about 200 MB) per page load and keeps it after the tab closes; Binder gives
about 2 GB. ``jupyter-config/`` turns on the Jupyter server's idle-kernel culling for kernels that
no tab is connected to. Here the same files are used with the timeouts shortened (the real ones are
minutes), for both ways a class meets the Explorer:

- Binder's link, ``voila/render/...``: Voila as an extension of the Jupyter server, which reads
  ``jupyter_server_config.d/``;
- the standalone ``voila`` command, which reads ``voila.json``.

Each test opens several pages, closes all but one, and waits for the kernel count to fall back to
one; the page left open must still answer (its kernel was not culled). The time from opening a page
to its first marks is recorded too (the ``timings`` fixture prints it).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import (
    NOTEBOOKS,
    ROOT,
    WatchedPage,
    free_port,
    jupyter_env,
    keep_local,
)
from tests.browser.test_voila_explore import COUNT_MARKS

CONFIG = ROOT / "jupyter-config"
# The Voila template (loading state) and the kernel spec (no debugger) that `make voila` and
# Binder's postBuild put on Jupyter's data path.
DATA = ROOT / "share" / "jupyter"
IDLE, INTERVAL = 6, 1  # seconds, instead of the configured minutes
PAGES = 4


def short_config(folder: Path) -> Path:
    """A copy of ``jupyter-config/`` with the culling timeouts shortened for the test."""
    copy = folder / "jupyter-config"
    shutil.copytree(CONFIG, copy)
    for path in copy.rglob("*.json"):
        config = json.loads(path.read_text(encoding="utf-8"))
        manager = config["MappingKernelManager"]
        manager.update(cull_idle_timeout=IDLE, cull_interval=INTERVAL)
        path.write_text(json.dumps(config), encoding="utf-8")
    return copy


def start(argv: list[str], home: Path, probe: str, config_path: Path):
    env = jupyter_env(home)
    env["JUPYTER_CONFIG_PATH"] = str(config_path)
    env["JUPYTER_PATH"] = str(DATA)
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, (home / "server.log").read_text()[-3000:]
        try:
            with urllib.request.urlopen(probe, timeout=5) as response:
                if response.status == 200:
                    return process
        except OSError:
            pass
        time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"{argv[0]} did not answer within 180 s", pytrace=False)


def stop(process) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            continue


def server_args(route: str, port: int) -> tuple[list[str], str, str]:
    """The command for a route, the Explorer's URL, and a URL that answers once it is up."""
    bindir = Path(sys.executable).parent
    base = f"http://127.0.0.1:{port}/"
    if route.startswith("voila/render"):
        argv = [
            str(bindir / "jupyter"),
            "server",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--port={port}",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            f"--ServerApp.root_dir={ROOT}",
        ]
        if os.geteuid() == 0:
            argv.append("--allow-root")
        return argv, base + "voila/render/notebooks/02_explore.ipynb", base + "api"
    argv = [
        str(bindir / "voila"),
        str(NOTEBOOKS / "02_explore.ipynb"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    return argv, base, base + "voila/static/voila.js"


def kernel_processes(process) -> int:
    """ipykernel processes started by the server (standalone Voila has no kernel API)."""
    parent: dict[int, int] = {}
    cmdlines: dict[int, list[bytes]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdlines[int(entry.name)] = (entry / "cmdline").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])

    def descends(pid: int) -> bool:
        while pid > 1:
            if pid == process.pid:
                return True
            pid = parent.get(pid, 0)
        return False

    return sum(
        1
        for pid, cmdline in cmdlines.items()
        if pid != process.pid
        # `-m ipykernel_launcher`, or share/jupyter's kernel (`-c "...from ipykernel import..."`)
        and any(b"ipykernel" in part for part in cmdline)
        and descends(pid)
    )


def open_pages(browser, url: str, timings, what: str) -> list:
    """Open PAGES tabs on the Explorer, each until its timeline shows marks."""
    pages = []
    for k in range(PAGES):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        keep_local(WatchedPage(page=page, name=f"culling-{k}"))
        t0 = time.monotonic()
        page.goto(url, timeout=180_000)
        page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=100)
        timings(
            f"{what}: page {k + 1}, from opening to the first marks", 1000 * (time.monotonic() - t0)
        )
        pages.append((context, page))
    return pages


def wait_for(count, expected: int, limit: float) -> list[int]:
    seen = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        seen.append(count())
        if seen[-1] == expected:
            return seen
        time.sleep(0.5)
    return seen


def close_all_but_one(pages) -> object:
    for context, _ in pages[1:]:
        context.close()
    return pages[0]


@pytest.mark.parametrize("route", ["voila/render (Binder)", "standalone voila"])
def test_kernels_of_closed_tabs_are_culled(browser, tmp_path, route, timings):
    config_path = short_config(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    argv, url, probe = server_args(route, port)
    server = start(argv, tmp_path, probe, config_path)
    try:
        if route.startswith("voila/render"):

            def count() -> int:
                with urllib.request.urlopen(base + "api/kernels", timeout=10) as response:
                    return len(json.load(response))
        else:

            def count() -> int:
                return kernel_processes(server)

        pages = open_pages(browser, url, timings, route)
        assert count() == PAGES, f"{PAGES} pages should hold {PAGES} kernels, found {count()}"
        _, kept = close_all_but_one(pages)
        # Culled within the idle timeout, the check interval and Voila's own slack.
        seen = wait_for(count, 1, limit=IDLE + 4 * INTERVAL + 60)
        assert seen[-1] == 1, f"kernel counts seen after closing {PAGES - 1} tabs: {seen}"
        log = (tmp_path / "server.log").read_text()
        assert f"idle durations > {IDLE} seconds" in log, "the server did not read jupyter-config"
        if route.startswith("voila/render"):
            # The kernel left is the open tab's: it still has its connection.
            with urllib.request.urlopen(base + "api/kernels", timeout=10) as response:
                (kernel,) = json.load(response)
            assert kernel["connections"] >= 1, kernel
        assert kept.evaluate(COUNT_MARKS) > 0
        kept.context.close()
    finally:
        stop(server)
