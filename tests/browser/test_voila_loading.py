"""While a Voila page starts, it says so; then the Explorer appears whole, controls with marks.

Voila's own spinner ("Executing 1 of 3") goes away when the kernel has run the notebook, a few
seconds before the widgets are drawn: in between, the page showed its prose and an empty space.
The repository's Voila template (``share/jupyter/voila/templates/explainer``, chosen by
``jupyter-config/voila.json``) keeps one loading message over the page until a plot shows data.

On every animation frame from the first paint, the page records: is the message shown (and what it
says), are the Explorer's controls there, how many marks the timeline has. The test asserts that
nothing was shown before the message, that it covered the whole window while shown, that no frame
without it showed controls without marks or an empty page, and that it is gone once marks are
drawn, for good. It also checks what makes the first marks come sooner: plotly's widget module
is fetched as a file (not 5 MB of widget state on the websocket), and the JupyterLab extensions
this page does not use are not loaded.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import WatchedPage, free_port, keep_local
from tests.browser.test_culling import CONFIG, server_args, start, stop
from tests.browser.test_voila_explore import COUNT_MARKS

RECORD = f"""
window.__frames = [];
const count = {COUNT_MARKS};
const visible = (el) => !!el && el.getClientRects().length > 0
  && getComputedStyle(el).visibility !== 'hidden';
const sample = () => {{
  if (document.body) {{
    const box = document.getElementById('explainer-loading');
    const cells = document.getElementById('rendered_cells');
    let marks = -1;
    try {{ marks = count(); }} catch (e) {{}}
    window.__frames.push({{
      t: Math.round(performance.now()),
      message: visible(box) ? box.innerText : null,
      covers: visible(box) && (() => {{
        const r = box.getBoundingClientRect();
        return r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight
          && !!document.elementFromPoint(innerWidth / 2, innerHeight / 2)
            ?.closest('#explainer-loading');
      }})(),
      controls: visible(document.querySelector('.explainer-checklist')),
      marks: marks,
      text: (cells && visible(cells) ? cells.innerText.trim().length : 0),
      page: document.body.innerText.trim().length,
    }});
  }}
  if (window.__frames.length < 20000) requestAnimationFrame(sample);
}};
requestAnimationFrame(sample);
"""


@pytest.mark.parametrize("route", ["voila/render (Binder)", "standalone voila"])
def test_a_loading_message_until_the_explorer_is_drawn_whole(browser, tmp_path, route):
    port = free_port()
    argv, url, probe = server_args(route, port)
    server = start(argv, tmp_path, probe, CONFIG)
    try:
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        watch = WatchedPage(page=page, name=f"voila-loading-{route.split()[0].replace('/', '-')}")
        keep_local(watch)
        page.add_init_script(RECORD)
        received: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(len(p))))
        page.goto(url, wait_until="commit", timeout=180_000)
        page.wait_for_selector("#explainer-loading", state="visible", timeout=60_000)
        watch.shot("loading")
        page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=100)
        page.wait_for_selector("#explainer-loading", state="detached", timeout=30_000)
        page.wait_for_timeout(1000)  # a second more of frames: the message does not come back
        watch.shot("drawn")
        frames = page.evaluate("window.__frames")
        resources = page.evaluate(
            "performance.getEntriesByType('resource')"
            ".map((r) => [r.name.split('?')[0], r.transferSize])"
        )
        fetched = [name for name, _ in resources]
        context.close()
    finally:
        stop(server)

    assert frames, "no frame was recorded"
    shown = [f for f in frames if f["message"]]
    assert shown, "the loading message was never shown"
    # Nothing is shown before the message (at most a frame or two of the empty page before the
    # first bytes of the body are parsed), and it says what it is, in both languages.
    before = frames[: frames.index(shown[0])]
    assert all(f["page"] == 0 for f in before), before[:3]
    assert "Loading the Explorer" in shown[0]["message"], shown[0]
    assert "Chargement" in shown[0]["message"]
    gone = [f for f in frames[frames.index(shown[0]) :] if not f["message"]]
    assert gone, "the loading message never went away"
    # It stays until the marks are drawn, and never comes back.
    first_gone = frames.index(gone[0])
    assert all(f["message"] for f in frames[frames.index(shown[0]) : first_gone])
    assert all(not f["message"] for f in frames[first_gone:]), "the message came back"
    # While it is shown, it says what is happening (Voila's steps, then the drawing).
    steps = {f["message"].splitlines()[-1] for f in shown if len(f["message"].splitlines()) > 1}
    assert any("Drawing the timeline" in s for s in steps), steps
    # Once it is gone, the Explorer is whole: controls and marks in the same frame, every frame.
    after = frames[first_gone:]
    bad = [f for f in after if not (f["controls"] and f["marks"] > 0)]
    assert not bad, f"a frame without the message showed a half-built page: {json.dumps(bad[:3])}"
    # While shown, the message covers the whole window: the page being built under it (the
    # controls come a frame or two before the plot) is never seen.
    assert all(f["covers"] for f in shown), [f for f in shown if not f["covers"]][:3]
    # plotly's widget module came from the file the template and the kernel name (the browser
    # caches it), not in the widgets' state: the websocket carried the figures' data only.
    module = "/voila/templates/explainer/static/plotly-widget.js"
    assert any(name.endswith(module) for name in fetched), (
        "plotly's widget module was not fetched as a file: run tools/install_plotly_module.py "
        "(make test does)"
    )
    assert sum(received) < 1_500_000, f"{sum(received)} bytes on the websocket (5.3 MB inline)"
    if route.startswith("voila/render"):
        # Binder's route: the Jupyter server gzips it (jupyter_server_config.json), 5 -> 1.5 MB.
        sent = max(size for name, size in resources if name.endswith(module))
        assert 0 < sent < 2_500_000, f"plotly's module crossed the network as {sent} bytes"
    # Neither plotly's renderer of plain figures nor MathJax: this page uses neither.
    unused = [n for n in fetched if "/jupyterlab-plotly/" in n or "/mathjax3-extension/" in n]
    assert not unused, unused
    print(
        f"\n{route}: websocket {sum(received) / 1e6:.2f} MB; message shown "
        f"{shown[0]['t']}-{gone[0]['t']} ms after navigation start, "
        f"{len(shown)} frames; marks {after[0]['marks']}"
    )
