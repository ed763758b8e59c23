"""notebooks/01_story.ipynb in JupyterLab, for keyboard and screen-reader users (issue 11).

After Run All, axe-core checks what the notebook shows (its outputs: the still figures and the
Story widget; JupyterLab's own menus and editors are JupyterLab's): no serious or critical
violation, the rest listed. The Story's Play, Pause, Stop and Loop buttons have names, and Play
says whether it is pressed.
"""

from __future__ import annotations

import re

from explainer.i18n import t
from tests.browser.conftest import axe_check, axe_failures, fail_if_widgets_stuck, keep_local
from tests.browser.test_lab_story import ALL_RAN, HIGHLIGHT


def test_story_outputs_pass_axe_and_name_every_button(watched_page, lab_server):
    page = watched_page.page
    keep_local(watched_page)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(lab_server.url + "lab/tree/01_story.ipynb", timeout=180_000)
    page.wait_for_selector("text=/Python 3 \\(ipykernel\\) \\| Idle/", timeout=180_000)
    news = page.locator(".jp-toast-button", has_text="No")
    if news.count():
        news.first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()
    page.wait_for_function(ALL_RAN, timeout=300_000, polling=1000)
    page.wait_for_function(f"({HIGHLIGHT})() !== null", timeout=120_000)
    page.wait_for_selector(".explainer-play button", timeout=60_000)

    # Every button of the Story has a name; Play says whether it is playing.
    names = [t(f"ui.{k}", "en") for k in ("previous", "next", "play", "pause", "stop", "loop")]
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-OutputArea button'))
             .map((b) => [b.textContent.trim(), b.getAttribute('aria-label'), b.title])"""
    )
    for name in names:
        # ipywidgets' icon (Font Awesome's ::before glyph) may come first in a button's name.
        named = re.compile(rf"^\W*{re.escape(name)}$")
        button = page.locator(".jp-OutputArea").get_by_role("button", name=named)
        assert button.count() >= 1, f"no Story button named {name!r}; buttons: {shown}"
    play = page.locator(".explainer-play").get_by_role("button", name="Play", exact=True)
    assert play.first.get_attribute("aria-pressed") == "false"
    nameless = page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-OutputArea button'))
             .filter((b) => b.getClientRects().length && !(b.getAttribute('aria-label')
                     || b.textContent.trim() || b.title))
             .map((b) => b.outerHTML.slice(0, 120))"""
    )
    assert nameless == [], f"buttons without a name in the notebook's outputs: {nameless}"
    page.locator(".explainer-play").first.scroll_into_view_if_needed()
    watched_page.shot("story-1366x768")

    violations = axe_check(watched_page, "lab-story", context={"include": [".jp-OutputArea"]})
    failures = axe_failures(violations)
    assert not failures, "\n".join(failures)
    fail_if_widgets_stuck(watched_page, "A figure of 01_story never connected")
    assert watched_page.errors == []
