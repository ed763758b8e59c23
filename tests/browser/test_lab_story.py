"""notebooks/01_story.ipynb as a teacher meets it: JupyterLab, Run All, then the Story in class.

JupyterLab runs on a throw-away copy of notebooks/, so running the cells never touches the
committed files. All cells must run without error, every widget must display (no "Error
displaying widget"), and pressing Next must move the story's highlight on the timeline.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import explainer as ex
from explainer.i18n import t
from tests.browser.conftest import fail_if_widgets_stuck, keep_local

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

PROMPTS = """() => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
  .map((p) => p.textContent.trim())"""


def test_story_runs_in_jupyterlab_and_steps(watched_page, lab_server, timings):
    page = watched_page.page
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
    page.wait_for_function(
        f"""() => {{
          const prompts = ({PROMPTS})();
          return prompts.length > 0 && prompts.every((p) => /^\\[\\d+\\]:$/.test(p));
        }}""",
        timeout=300_000,
        polling=1000,
    )
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
    story_next = page.locator(".jp-OutputArea button", has_text=next_label)
    story_next.first.scroll_into_view_if_needed()
    watched_page.shot("ran-all")
    watched_page.shot("ran-all-timeline", element=page.evaluate_handle(STORY_PLOT).as_element())

    data = ex.load_dataset()
    before = page.evaluate(HIGHLIGHT)
    assert data.claims.iloc[before["pos"]]["id"] == "musk-russia-interest-2002"
    ms = page.evaluate(NEXT_AND_TIME, next_label)
    if ms < 0:
        fail_if_widgets_stuck(watched_page, "Next did not move the Story's highlight")
        pytest.fail("pressing Next did not move the highlight within two minutes")
    timings("JupyterLab Story: press Next, until the highlight moves", ms)
    after = page.evaluate(HIGHLIGHT)
    assert data.claims.iloc[after["pos"]]["id"] == "musk-spoke-to-putin-2021-04"
    assert (after["x"], after["y"]) != (before["x"], before["y"])
    story_next.first.scroll_into_view_if_needed()
    watched_page.shot("next")
    watched_page.shot("next-timeline", element=page.evaluate_handle(STORY_PLOT).as_element())

    fail_if_widgets_stuck(watched_page, "A figure of the notebook never connected")
    assert watched_page.errors == []
    assert outside == [], f"JupyterLab asked the internet for {outside}"
