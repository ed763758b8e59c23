"""notebooks/02_explore.ipynb as students meet it on Binder: served by Voila, driven in Chromium.

The Explorer's widgets pass their unit tests without a browser; here they must also draw: the
timeline shows one mark per claim, choosing an actor redraws it with what ``filter_claims`` keeps,
clicking a mark opens its card, and the console stays free of errors.
"""

from __future__ import annotations

import pytest

import explainer as ex
from tests.browser.conftest import VOILA_CDN, fail_if_widgets_stuck, keep_local

# The timeline's plot: the plotly graph div whose traces include the claim points.
TIMELINE = """Array.from(document.querySelectorAll('.js-plotly-plot')).find((gd) =>
  (gd._fullData || []).some((t) => (t.uid || '').startsWith('timeline-points-')))"""

# Marks of the claim traces: SVG points counted in the DOM; WebGL traces (a canvas) from their data.
COUNT_MARKS = f"""() => {{
  const gd = {TIMELINE};
  if (!gd) return -1;
  let n = 0;
  gd._fullData.forEach((t) => {{
    if ((t.uid || '').startsWith('timeline-points-') && t.type === 'scattergl') n += t._length;
  }});
  gd.querySelectorAll('.scatterlayer .trace').forEach((g) => {{
    const cd = g.__data__;
    const uid = cd && cd[0] && cd[0].trace && cd[0].trace.uid;
    if (uid && uid.startsWith('timeline-points-')) n += g.querySelectorAll('.point').length;
  }});
  return n;
}}"""

# Choose one actor in the Explorer's actor checklist: "None", then tick that actor's box (as a
# student does), and time, in the browser, from the tick until the timeline shows the expected
# number of marks.
CHOOSE_ACTOR_AND_TIME = f"""async ([label, expected]) => {{
  const count = {COUNT_MARKS};
  const list = document.querySelector('.explainer-checklist');
  const none = Array.from(list.querySelectorAll('button')).find((b) => b.textContent === 'None');
  const box = Array.from(list.querySelectorAll('label'))
    .find((l) => l.textContent === label).querySelector('input');
  const wait = async (n, t0) => {{
    while (count() !== n) {{
      if (performance.now() - t0 > 120000) return false;
      await new Promise((r) => requestAnimationFrame(r));
    }}
    return true;
  }};
  none.click();
  if (!(await wait(0, performance.now()))) return -1;
  const t0 = performance.now();
  box.click();
  if (!(await wait(expected, t0))) return -1;
  return performance.now() - t0;
}}"""

# The most isolated claim mark (so that a click cannot land on a neighbour): its centre on the
# page and the claim position it carries (customdata).
LONELY_MARK = f"""() => {{
  const gd = {TIMELINE};
  const marks = [];
  gd.querySelectorAll('.scatterlayer .trace').forEach((g) => {{
    const cd = g.__data__;
    const trace = cd && cd[0] && cd[0].trace;
    if (!trace || !(trace.uid || '').startsWith('timeline-points-')) return;
    g.querySelectorAll('.point').forEach((el, k) => {{
      const box = el.getBoundingClientRect();
      const i = el.__data__ && el.__data__.i !== undefined ? el.__data__.i : k;
      const pos = trace.customdata[i];
      marks.push({{ el: el, x: box.x + box.width / 2, y: box.y + box.height / 2, pos: pos }});
    }});
  }});
  let best = null;
  marks.forEach((m) => {{
    const others = marks.filter((o) => o !== m);
    const d = Math.min(...others.map((o) => Math.hypot(o.x - m.x, o.y - m.y)));
    if (!best || d > best.d) best = {{ ...m, d }};
  }});
  // Bring it into the window, then give its centre in window coordinates (for the mouse).
  best.el.scrollIntoView({{ block: 'center', inline: 'center' }});
  const box = best.el.getBoundingClientRect();
  return {{ x: box.x + box.width / 2, y: box.y + box.height / 2, pos: best.pos, d: best.d }};
}}"""


@pytest.fixture(scope="module")
def data():
    return ex.load_dataset()


def open_explorer(watched_page, voila_server) -> list[str]:
    outside = keep_local(watched_page)
    watched_page.page.goto(voila_server.url, timeout=180_000)
    watched_page.page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=500)
    return outside


def test_explorer_draws_filters_and_opens_cards(watched_page, voila_server, data, timings):
    page = watched_page.page
    outside = open_explorer(watched_page, voila_server)
    claims = data.claims
    watched_page.shot("loaded")
    watched_page.shot("loaded-timeline", element=page.evaluate_handle(TIMELINE).as_element())
    # One mark per claim.
    assert page.evaluate(COUNT_MARKS) == len(claims)
    assert page.locator("text=Error displaying widget").count() == 0

    # Choose one actor: the timeline redraws with what filter_claims keeps for that actor.
    putin = ex.filter_claims(claims, actors=["putin"])
    assert 0 < len(putin) < len(claims)
    ms = page.evaluate(CHOOSE_ACTOR_AND_TIME, [data.actor_name("putin"), len(putin)])
    if ms < 0:
        watched_page.shot("putin-not-drawn")
        fail_if_widgets_stuck(watched_page, "The Explorer's timeline did not redraw")
        pytest.fail("the timeline did not show Putin's claims within two minutes")
    timings("Voila Explorer: choose one actor (Putin), until the timeline shows its marks", ms)
    assert page.evaluate(COUNT_MARKS) == len(putin)
    watched_page.shot("putin", height=2600)

    # Click the most isolated mark: the card shows that claim.
    mark = page.evaluate(LONELY_MARK)
    claim = claims.iloc[int(mark["pos"])]
    assert claim["id"] in set(putin["id"])
    page.mouse.move(mark["x"], mark["y"])
    page.mouse.click(mark["x"], mark["y"])
    # The card is the region named after the claim's id; it shows the summary as text.
    card = page.locator(f'[role=region][aria-label="{claim["id"]}"]')
    card.wait_for(timeout=60_000)
    assert claim["summary_en"] in card.inner_text()
    watched_page.shot("card")

    # The console: no errors; nothing fetched from outside but Voila's own Font Awesome links.
    fail_if_widgets_stuck(watched_page, "A figure of the Explorer (the network?) never connected")
    assert watched_page.errors == []
    assert all(url.startswith(VOILA_CDN) for url in outside), outside
