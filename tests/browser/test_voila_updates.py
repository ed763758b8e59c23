"""What one control change costs on the wire, in Voila: one plot update, no error, no echo.

Behaviour, not time (benchmarks/browser_latency.py measures the time): unticking a status box
sends the timeline exactly one update message, and what plotly.js reports back after drawing it
neither raises in the kernel (the page would get an ``error`` message) nor is echoed back to the
browser (tens of kilobytes a change).
"""

from __future__ import annotations

import re

import explainer as ex
from explainer.i18n import STATUS_ORDER
from tests.browser.conftest import fail_if_widgets_stuck, keep_local
from tests.browser.test_voila_explore import COUNT_MARKS

UNTICK_FIRST_STATUS = """() => {
  const group = document.querySelectorAll('.explainer-checks')[0];
  group.querySelectorAll('input[type=checkbox]')[0].click();
}"""


def _text(payload: str | bytes) -> str:
    return payload if isinstance(payload, str) else payload.decode("latin1")


def test_one_status_change_is_one_plot_update_with_no_error_and_no_echo(watched_page, voila_server):
    page = watched_page.page
    keep_local(watched_page)
    received: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(_text(p))))
    page.goto(voila_server.url, timeout=180_000)
    page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=500)
    page.wait_for_timeout(3000)  # the first view's own messages (autosize) are over
    claims = ex.load_dataset().claims
    expected = int((claims["status"] != STATUS_ORDER[0]).sum())
    assert 0 < expected < len(claims)

    received.clear()
    page.evaluate(UNTICK_FIRST_STATUS)
    page.wait_for_function(f"({COUNT_MARKS})() === {expected}", timeout=60_000, polling=100)
    page.wait_for_timeout(3000)  # what plotly.js reports back, and the kernel's answer to it
    fail_if_widgets_stuck(watched_page, "The Explorer's timeline did not redraw")

    updates = [m for m in received if re.search(r'"_py2js_update": ?\{', m)]
    errors = [m for m in received if re.search(r'"msg_type": ?"error"', m)]
    echoed = [m for m in received if "echo_update" in m and "_js2py_traceDeltas" in m]
    assert len(updates) == 1, f"{len(updates)} plot update messages for one change"
    assert errors == [], errors[0][:2000]
    assert echoed == [], f"{len(echoed)} echoes of plotly.js's trace defaults"
    assert watched_page.errors == []
