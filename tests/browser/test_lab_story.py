"""notebooks/01_story.ipynb as a teacher meets it: JupyterLab, Run All, then the Story in class.

JupyterLab runs on a throw-away copy of notebooks/, so running the cells never touches the
committed files. All cells must run without error, every widget must display (no "Error
displaying widget"), and pressing Next must move the story's highlight on the timeline.

On a classroom projector (1366×768), step after step: the circled mark and its card are on screen
together, the drawn date axis keeps its type, cuts and years (plotly.js used to make it linear at
the first Next), and no mark moves across; the lanes may only scroll, all together, to the claim.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import explainer as ex
from explainer.i18n import t
from tests.browser.conftest import fail_if_widgets_stuck, keep_local
from tests.browser.test_timeline_stable import (
    PHONE,
    PROJECTOR,
    SETTLE,
    TOLERANCE,
    assert_axis_held,
    drawn_js,
    moved,
    overlaps,
)

# The Story's timeline: the plotly graph div with a highlighted claim (the still figures of the
# notebook have none). Its highlight is the one point of the `timeline-highlight` trace.
HIGHLIGHT = """() => {
  const plots = Array.from(document.querySelectorAll('.jp-OutputArea .js-plotly-plot'));
  for (const gd of plots) {
    const trace = (gd._fullData || []).find((t) => t.uid === 'timeline-highlight');
    if (trace && trace._length > 0) {
      const i = 0;
      return { x: Number(trace.x[i]), y: Number(trace.y[i]), pos: Number(trace.customdata[i]) };
    }
  }
  return null;
}"""

STORY_PLOT = """() => Array.from(document.querySelectorAll('.jp-OutputArea .js-plotly-plot'))
  .find((gd) => (gd._fullData || [])
    .some((t) => t.uid === 'timeline-highlight' && t._length > 0))"""

STORY_DRAWN = drawn_js(f"({STORY_PLOT})()")

# Press Next and time, in the browser, until the highlight has moved.
NEXT_AND_TIME = f"""async (label) => {{
  const where = {HIGHLIGHT};
  const before = JSON.stringify(where());
  const button = Array.from(document.querySelectorAll('.jp-OutputArea button'))
    .find((b) => b.textContent.trim() === label);
  const t0 = performance.now();
  button.click();
  while (JSON.stringify(where()) === before) {{
    if (performance.now() - t0 > 120000) return -1;
    await new Promise((r) => requestAnimationFrame(r));
  }}
  return performance.now() - t0;
}}"""

# Put the Story's buttons at the top of the notebook's view, as a teacher presenting it would.
STORY_TO_TOP = """(label) => {
  const button = Array.from(document.querySelectorAll('.jp-OutputArea button'))
    .find((b) => b.textContent.trim() === label);
  button.scrollIntoView({ block: 'start' });
}"""

# The card of claim `id`, in window coordinates.
CARD_BOX = """(id) => {
  const card = document.querySelector(`[role=region][aria-label="${id}"]`);
  if (!card) return null;
  const b = card.getBoundingClientRect();
  return { x: b.x, y: b.y, w: b.width, h: b.height };
}"""

# Every code cell has run: its prompt says "[n]:" or, where tools/slides.py hid the input from the
# slideshow (the prompt is then out of sight), it shows its output.
ALL_RAN = """() => {
  const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell'));
  return cells.length > 0 && cells.every((c) => {
    const prompt = c.querySelector('.jp-InputArea .jp-InputPrompt');
    const shown = prompt && prompt.offsetParent !== null;
    if (shown) return /^\\[\\d+\\]:$/.test(prompt.textContent.trim());
    return c.querySelector('.jp-OutputArea-child') !== null;
  });
}"""


def on_screen(box: dict | None, what: str) -> None:
    """``box`` (window coordinates) lies within the 1366×768 window."""
    assert box is not None, f"{what}: not drawn"
    inside = (
        box["x"] >= -0.5
        and box["y"] >= -0.5
        and box["x"] + box["w"] <= PROJECTOR["width"] + 0.5
        and box["y"] + box["h"] <= PROJECTOR["height"] + 0.5
    )
    assert inside, f"{what} is off the 1366×768 screen: {box}"


def test_story_runs_in_jupyterlab_and_steps(watched_page, lab_server, timings):
    page = watched_page.page
    page.set_viewport_size(PROJECTOR)
    outside = keep_local(watched_page)
    page.goto(lab_server.url + "lab/tree/01_story.ipynb", timeout=180_000)
    # Open, and the kernel started: the status bar says so.
    page.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=180_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    news = page.locator(".jp-toast-button", has_text="No")  # "get notified about Jupyter news?"
    if news.count():
        news.first.click()
    watched_page.shot("opened")

    # Run > Run All Cells, from the menu bar as a teacher would.
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()
    page.wait_for_function(ALL_RAN, timeout=300_000, polling=1000)
    page.wait_for_selector(
        ".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000
    )
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
    assert page.locator("text=Error displaying widget").count() == 0
    # The Story widget displayed, with its timeline (a highlighted claim) and its Next button.
    try:
        page.wait_for_function(f"({HIGHLIGHT})() !== null", timeout=120_000)
    except PlaywrightTimeout:
        fail_if_widgets_stuck(watched_page, "The Story's timeline shows no highlighted claim")
        raise
    next_label = t("ui.next", "en")
    page.evaluate(STORY_TO_TOP, next_label)
    page.evaluate(SETTLE)
    watched_page.shot("ran-all")
    watched_page.shot("ran-all-timeline", element=page.evaluate_handle(STORY_PLOT).as_element())

    data = ex.load_dataset()
    claims = data.claims
    before = page.evaluate(HIGHLIGHT)
    assert claims.iloc[before["pos"]]["id"] == "musk-russia-interest-2002"
    first = page.evaluate(STORY_DRAWN)
    assert first["type"] == "date" and len(first["breaks"]) == 2
    on_screen(first["ring"], "the circled mark")
    on_screen(page.evaluate(CARD_BOX, "musk-russia-interest-2002"), "the card")
    inside = {
        p: b
        for p, b in first["marks"].items()
        if first["plot"]["y"] <= b["y"]
        and b["y"] + b["h"] <= first["plot"]["y"] + first["plot"]["h"]
    }
    assert overlaps({"marks": inside}) == [], "marks overlap in the Story's view"

    # Step through the whole story: each time, the circled mark and its card on screen together,
    # the date axis held, no mark moved across, and the lanes only scrolled, all together.
    previous = first
    for step in range(1, 11):
        ms = page.evaluate(NEXT_AND_TIME, next_label)
        if ms < 0:
            fail_if_widgets_stuck(watched_page, "Next did not move the Story's highlight")
            pytest.fail(f"pressing Next (step {step + 1}) did not move the highlight")
        if step == 1:
            timings("JupyterLab Story: press Next, until the highlight moves", ms)
        page.evaluate(SETTLE)
        now = page.evaluate(STORY_DRAWN)
        what = f"Next, to step {step + 1}"
        assert_axis_held(previous, now, what)
        assert moved(previous, now, rows_too=False) == [], f"{what}: marks moved across"
        shifts = {
            round((now["marks"][p]["y"] - b["y"]) / TOLERANCE)
            for p, b in previous["marks"].items()
            if p in now["marks"]
        }
        assert max(shifts) - min(shifts) <= 1, f"{what}: lanes moved apart, not together"
        in_view = {
            p: b
            for p, b in now["marks"].items()
            if now["plot"]["y"] <= b["y"] and b["y"] + b["h"] <= now["plot"]["y"] + now["plot"]["h"]
        }
        assert overlaps({"marks": in_view}) == [], f"{what}: marks overlap"
        claim_id = str(claims.iloc[int(now["ring"]["pos"])]["id"])
        on_screen(now["ring"], f"{what}: the circled mark")
        on_screen(page.evaluate(CARD_BOX, claim_id), f"{what}: the card of {claim_id}")
        if step == 1:
            assert claim_id == "musk-spoke-to-putin-2021-04"
            after = page.evaluate(HIGHLIGHT)
            assert (after["x"], after["y"]) != (before["x"], before["y"])
            watched_page.shot("next")
            watched_page.shot(
                "next-timeline", element=page.evaluate_handle(STORY_PLOT).as_element()
            )
        previous = now
    watched_page.shot("last-step")

    # A phone-sized window: the Story stacks (card under the timeline), its axis still a date axis.
    page.set_viewport_size(PHONE)
    # On a phone the file browser would take the whole width: close the left sidebar, as one would.
    page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").first.click()
    page.evaluate(SETTLE)
    page.evaluate(STORY_TO_TOP, next_label)
    phone = page.evaluate(STORY_DRAWN)
    assert phone["type"] == "date" and phone["breaks"] == first["breaks"]
    watched_page.shot("phone")

    fail_if_widgets_stuck(watched_page, "A figure of the notebook never connected")
    assert watched_page.errors == []
    assert outside == [], f"JupyterLab asked the internet for {outside}"
