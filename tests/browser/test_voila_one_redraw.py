"""One control change, one redraw: the Explorer's timeline in Voila is drawn once per change.

Issue 17: a change in Voila was drawn by plotly.js two or three times (``plotly_afterplot`` 1 to 5
times a change, 40-70 ms of the renderer's CPU each), where one ``Plotly.update`` was sent. The
extra passes were autosize relayouts that nothing asked for: a change of the plot's height made its
box resize, and the page then asked plotly.js to fit the figure to its box again, and again.

Here, at 1366x768 (a classroom projector), each kind of change a student makes (actors, date
window, status, kind, known by; then the language and Reset) is made through the page's own
controls, and everything plotly.js draws until the page has been quiet for a while is counted on
the timeline's graph div: exactly one ``plotly_afterplot``, no ``plotly_relayout`` (an autosize
pass), the date axis still a date axis with its cuts, and as many marks as the Explorer says it
shows. Then the network is shown, and a change must draw each figure once (the window resize
events that brought the extra passes made every figure of the page fit itself again).
Behaviour, not time (``benchmarks/browser_latency.py`` measures the time;
``benchmarks/redraw_trace.py`` says where each redraw comes from).
"""

from __future__ import annotations

import explainer as ex
from explainer.i18n import t
from tests.browser.conftest import fail_if_widgets_stuck, keep_local
from tests.browser.test_voila_explore import COUNT_MARKS, TIMELINE

PROJECTOR = {"width": 1366, "height": 768}
# Quiet for this long (no plotly event, no window resize) after a first redraw: the change is
# over. The extra passes this test is about came 0.1-0.6 s after the first.
QUIET_MS = 1500

# Count, on a graph div, what plotly.js draws and relayouts, and the window's resize events (what
# makes plotly's widget and plotly.js fit a figure again). ``name``: where the counts are kept.
LISTEN = """([name, network]) => {
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot')).find((g) =>
    (g._fullData || []).some((t) => (t.uid || '').startsWith(network ? 'network-nodes'
                                                                     : 'timeline-points-')));
  const all = (window.__redraws = window.__redraws || { last: performance.now(), resize: 0 });
  if (!all.listening) {
    all.listening = true;
    window.addEventListener('resize', () => { all.resize += 1; all.last = performance.now(); });
  }
  const log = (all[name] = { afterplot: 0, relayout: [] });
  gd.on('plotly_afterplot', () => { log.afterplot += 1; all.last = performance.now(); });
  gd.on('plotly_relayout', (d) => { log.relayout.push(JSON.stringify(d));
                                    all.last = performance.now(); });
}"""

# The page's controls, driven as a student does; each returns nothing.
CONTROLS = """(() => {
  const q = (s, root = document) => Array.from(root.querySelectorAll(s));
  const checks = () => q('.explainer-checks');
  const slide = (input, fraction) => {
    input.value = String(Math.round(fraction * Number(input.max)));
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
  };
  const months = () => q('.explainer-months input[type=range]');
  return {
    actorsNone: () => q('.explainer-checklist button')[1].click(),
    actorsAll: () => q('.explainer-checklist button')[0].click(),
    actor: (i) => q('.explainer-checklist .explainer-list input')[i].click(),
    dateFrom: (f) => slide(months()[0], f),
    dateTo: (f) => slide(months()[1], f),
    status: (i) => q('input[type=checkbox]', checks()[0])[i].click(),
    kind: (i) => q('input[type=checkbox]', checks()[1])[i].click(),
    known: (f) => slide(months()[2], f),
    language: (code) => q(`.explainer-radio input[value=${code}]`)[0].click(),
    reset: () => q('button', checks()[2]).pop().click(),
  };
})()"""

# Make one change, wait until the page is quiet, and say what was drawn.
CHANGE = f"""async ([call, quiet]) => {{
  const drive = {CONTROLS};
  const gd = {TIMELINE};
  const all = window.__redraws;
  const figures = Object.keys(all).filter((k) => all[k] && all[k].afterplot !== undefined);
  const count = {COUNT_MARKS};
  const before = {{ height: gd._fullLayout.height, marks: count() }};
  figures.forEach((k) => {{ all[k].afterplot = 0; all[k].relayout = []; }});
  all.resize = 0;
  const t0 = performance.now();
  all.last = t0;
  eval('drive.' + call);
  while (performance.now() - t0 < 60000) {{
    await new Promise((r) => setTimeout(r, 50));
    const drawn = figures.every((k) => all[k].afterplot > 0);
    if (drawn && performance.now() - all.last > quiet) break;
  }}
  const fl = gd._fullLayout;
  return {{
    afterplots: Object.fromEntries(figures.map((k) => [k, all[k].afterplot])),
    relayouts: figures.flatMap((k) => all[k].relayout), resizes: all.resize,
    height_before: before.height, height: fl.height, marks_before: before.marks, marks: count(),
    axis: fl.xaxis.type, cuts: (fl.xaxis.rangebreaks || []).filter((b) => b.enabled !== false)
      .length,
    summary: document.querySelector('.explainer-explorer [role=status]').textContent,
  }};
}}"""

# (kind of change, the driver's call): each kind there and back, so that the filter changes.
CHANGES = [
    ("actors", "actorsNone()"),
    ("actors", "actor(1)"),
    ("actors", "actorsAll()"),
    ("actors", "actor(0)"),
    ("actors", "actor(0)"),
    ("dates", "dateFrom(0.33)"),
    ("dates", "dateTo(0.66)"),
    ("dates", "dateFrom(0)"),
    ("dates", "dateTo(1)"),
    ("status", "status(0)"),
    ("status", "status(2)"),
    ("status", "status(0)"),
    ("status", "status(2)"),
    ("kind", "kind(0)"),
    ("kind", "kind(0)"),
    ("kind", "kind(1)"),
    ("kind", "kind(1)"),
    ("known by", "known(0.5)"),
    ("known by", "known(0.25)"),
    ("known by", "known(1)"),
    ("language", "language('fr')"),
    ("language", "language('en')"),
    ("reset", "status(0)"),  # something to reset
    ("reset", "reset()"),
]
# With the network shown: both figures change.
NETWORK_CHANGES = [("status", "status(0)"), ("actors", "actorsNone()"), ("reset", "reset()")]


def shown(summary: str) -> int:
    """The number of claims the Explorer's summary line says it shows ("14 of 77 claims...")."""
    return int(summary.split()[0])


def make(page, kind: str, call: str, wrong: list[str]) -> dict:
    """Make one change; note it in ``wrong`` unless each figure was drawn once, with no relayout
    pass; check that what was drawn is what the Explorer says it shows, on its date axis."""
    r = page.evaluate(CHANGE, [call, QUIET_MS])
    line = (
        f"{kind} {call}: redraws {r['afterplots']}, relayouts {r['relayouts']}, "
        f"{r['resizes']} window resize(s), height {r['height_before']} -> {r['height']}"
    )
    print(f"\n[redraws] {line}")
    if any(n != 1 for n in r["afterplots"].values()) or r["relayouts"]:
        wrong.append(line)
    assert r["marks"] == shown(r["summary"]), (kind, call, r)
    assert r["axis"] == "date" and r["cuts"] == 2, (kind, call, r)
    return r


def test_each_control_change_is_drawn_once(watched_page, voila_server):
    page = watched_page.page
    page.set_viewport_size(PROJECTOR)
    keep_local(watched_page)
    page.goto(voila_server.url, timeout=180_000)
    page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=500)
    page.wait_for_timeout(3000)  # the first view's own fitting (one autosize) is over
    fail_if_widgets_stuck(watched_page, "The Explorer's timeline")
    page.evaluate(LISTEN, ["timeline", False])
    n_claims = len(ex.load_dataset().claims)

    wrong: list[str] = []
    seen = [make(page, kind, call, wrong) for kind, call in CHANGES]
    # The changes are real ones: marks came and went, and the plot's height changed (the case
    # whose box resize used to bring the extra autosize passes).
    assert seen[-1]["marks"] == n_claims, "Reset did not bring every claim back"
    assert sum(r["marks"] != r["marks_before"] for r in seen) >= 15
    assert sum(r["height"] != r["height_before"] for r in seen) >= 10

    page.locator("button", has_text=t("explorer.show_network", "en")).first.click()
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot')).some((gd) =>
             (gd._fullData || []).some((t) => t.uid === 'network-nodes' && t._length > 0))""",
        timeout=120_000,
        polling=200,
    )
    page.wait_for_timeout(3000)  # its first view's own fitting
    fail_if_widgets_stuck(watched_page, "The Explorer's network")
    page.evaluate(LISTEN, ["network", True])
    for kind, call in NETWORK_CHANGES:
        r = make(page, kind, call, wrong)
        assert set(r["afterplots"]) == {"timeline", "network"}, r["afterplots"]

    total = len(CHANGES) + len(NETWORK_CHANGES)
    assert not wrong, f"{len(wrong)} of {total} changes not drawn once:\n" + "\n".join(wrong)
    assert watched_page.errors == []
