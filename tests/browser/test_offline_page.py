"""The exported one-file page in a real browser, with the network cut off.

Every request that is not the file itself is aborted (and the page's Content-Security-Policy forbids
them anyway): the page must render, filter, switch language and print from the file alone.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import explainer as ex
from explainer.export import _plain, export_html
from explainer.figures.network import NetworkModel
from explainer.i18n import t

# The page's Content-Security-Policy forbids eval: conditions for wait_for_function are written as
# functions ("() => ..."), which Playwright does not evaluate from a string inside the page.

# Marks of the timeline's claim traces drawn in SVG: one `.point` per claim in timeline-points-*.
COUNT_POINTS = """(prefix) => {
  let n = 0;
  document.querySelectorAll('#timeline .scatterlayer .trace').forEach((g) => {
    const cd = g.__data__;
    const uid = cd && cd[0] && cd[0].trace && cd[0].trace.uid;
    if (uid && uid.startsWith(prefix)) n += g.querySelectorAll('.point').length;
  });
  return n;
}"""

# Click a control, and time until the timeline has redrawn (plotly_afterplot), in the browser.
CLICK_AND_TIME = """async (selector) => {
  const gd = document.getElementById('timeline');
  const box = document.querySelector(selector);
  const before = window.explainerPage.updates;
  const drawn = new Promise((resolve) => gd.once('plotly_afterplot', resolve));
  const t0 = performance.now();
  box.click();
  await drawn;
  const ms = performance.now() - t0;
  while (window.explainerPage.updates === before) await new Promise((r) => setTimeout(r, 10));
  return ms;
}"""

NETWORK_DATA = """() => {
  const out = {};
  document.getElementById('network').data.forEach((trace) => { out[trace.uid] = trace; });
  return out;
}"""


@pytest.fixture(scope="module")
def data():
    return ex.load_dataset()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, data) -> Path:
    return export_html(data, tmp_path_factory.mktemp("offline") / "claims.html")


def open_offline(watch, path: Path) -> list[str]:
    """Open ``path`` with every other request aborted; return what the page tried to load."""
    attempted: list[str] = []

    def route(r):
        if r.request.url == path.as_uri():
            r.continue_()
        else:
            attempted.append(r.request.url)
            r.abort()

    watch.page.route("**/*", route)
    watch.page.goto(path.as_uri())
    watch.page.wait_for_selector("body[data-ready=true]")
    return attempted


def visible_rows(page) -> set[str]:
    return set(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('#claims-table tbody tr'))
                 .filter((tr) => tr.offsetParent !== null).map((tr) => tr.dataset.claim)"""
        )
    )


def get_path(trace: dict, path: str):
    value = trace
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def assert_network_matches(page, data, mask) -> None:
    """The page's network arrays equal NetworkModel.trace_data(mask): its rules, ported, agree."""
    drawn = page.evaluate(NETWORK_DATA)
    model = NetworkModel(data)
    expected = model.trace_data(mask)
    traces = set(model.trace_uids())  # trace_data may also hold what is not a trace (counts)
    for uid, props in expected.items():
        if uid not in traces:
            continue
        for path, value in props.items():
            want, got = _plain(value), get_path(drawn[uid], path)
            assert isinstance(got, list) and len(got) == len(want), f"{uid} {path}"
            for a, b in zip(got, want, strict=True):
                if isinstance(b, float) or isinstance(a, float):
                    assert (a is None and b is None) or math.isclose(a, b, abs_tol=1e-9), uid
                else:
                    assert a == b, f"{uid} {path}: {a!r} != {b!r}"


def test_page_renders_with_the_network_cut_off(watched_page, page_file, data):
    page = watched_page.page
    attempted = open_offline(watched_page, page_file)
    watched_page.shot("top")
    watched_page.shot("timeline", selector="#timeline")
    watched_page.shot("network", selector="#network")
    assert attempted == [], f"the page tried to load {attempted}"
    assert watched_page.errors == []
    n = len(data.claims)
    assert page.evaluate(COUNT_POINTS, "timeline-points-") == n
    assert visible_rows(page) == set(data.claims["id"])
    assert page.inner_text("#summary").startswith(f"{n} of {n} claims")
    assert_network_matches(page, data, np.ones(n, dtype=bool))
    # Every source with a web address is a link that opens without a referrer.
    links = page.locator(".sources a[href^=http]")
    assert links.count() == int(data.sources["url"].str.match(r"https?://").sum())
    assert links.first.get_attribute("rel") == "noopener noreferrer"


def test_filter_by_actor_and_status_changes_what_is_shown(watched_page, page_file, data, timings):
    page = watched_page.page
    open_offline(watched_page, page_file)
    claims = data.claims
    page.click("button[data-none=actor]")
    ms = page.evaluate(CLICK_AND_TIME, "input[name=actor][value=putin]")
    timings("offline page: tick one actor (Putin)", ms)
    putin = ex.filter_claims(claims, actors=["putin"])
    assert 0 < len(putin) < len(claims)
    assert page.evaluate(COUNT_POINTS, "timeline-points-") == len(putin)
    assert visible_rows(page) == set(putin["id"])
    assert page.inner_text("#summary").startswith(f"{len(putin)} of {len(claims)} claims")
    assert_network_matches(page, data, claims["id"].isin(putin["id"]).to_numpy())
    watched_page.shot("putin", selector="#timeline")
    watched_page.shot("putin-network", selector="#network")

    ms = page.evaluate(CLICK_AND_TIME, "input[name=status][value=reported]")
    timings("offline page: untick one status (reported)", ms)
    firm = [s for s in ex.STATUS_ORDER if s != "reported"]
    expected = ex.filter_claims(claims, actors=["putin"], statuses=firm)
    assert len(expected) < len(putin)
    assert page.evaluate(COUNT_POINTS, "timeline-points-reported") == 0
    assert page.evaluate(COUNT_POINTS, "timeline-points-") == len(expected)
    assert visible_rows(page) == set(expected["id"])
    assert_network_matches(page, data, claims["id"].isin(expected["id"]).to_numpy())
    # The page's own measure of the whole update (both plots), for the summary.
    whole = page.evaluate("window.explainerPage.lastUpdateMs")
    timings("offline page: whole update, both plots", whole)
    watched_page.shot("putin-not-reported", selector="#timeline")

    page.click("#reset")
    page.wait_for_function(f"() => document.body.dataset.shown === '{len(claims)}'")
    assert page.evaluate(COUNT_POINTS, "timeline-points-") == len(claims)
    assert watched_page.errors == []


def test_empty_selection_says_so(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    page.click("button[data-none=status]")
    page.wait_for_function("() => document.body.dataset.shown === '0'")
    assert page.is_visible("#empty")
    assert page.evaluate(COUNT_POINTS, "timeline-points-") == 0
    assert visible_rows(page) == set()
    # The figure says it too, in place of marks (its own "nothing to show" annotation).
    annotations = page.evaluate(
        "() => document.getElementById('timeline').layout.annotations.filter((a) => a.visible)"
    )
    assert any(a.get("text") for a in annotations)
    watched_page.shot("empty", full_page=False)
    assert watched_page.errors == []


def test_french_and_print(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    page.click("button.lang[data-lang=fr]")
    page.wait_for_function("() => document.documentElement.lang === 'fr'")
    page.wait_for_function("() => window.explainerPage.updates >= 2")
    assert page.is_visible(f"text={t('export.timeline', 'fr')}")
    assert not page.is_visible(f"h2 >> text={t('export.timeline', 'en')}")
    title = page.evaluate("() => document.getElementById('timeline').layout.title.text")
    assert title == t("timeline.title", "fr")
    assert page.inner_text("#summary").startswith(f"{len(data.claims)} affirmations")
    watched_page.shot("fr")
    watched_page.shot("fr-timeline", selector="#timeline")
    # A handout: the buttons go, the filters chosen stay in words, the plots fit an A4 page.
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.wait_for_function(
        "() => ['timeline', 'network'].every((id) => "
        "document.getElementById(id)._fullLayout.width <= 700)"
    )
    assert not page.is_visible("#reset")
    assert not page.is_visible("button.lang")
    widths = page.evaluate(
        "() => Array.from(document.querySelectorAll('.main-svg'))"
        ".map((svg) => svg.getBoundingClientRect().right)"
    )
    assert max(widths) <= 794
    watched_page.shot("print", height=3000)
    assert watched_page.errors == []


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["1366x768", "390x844"])
def test_offline_page_passes_axe(watched_page, page_file, size):
    """axe-core on the offline page, in English and in French: nothing serious or critical."""
    from tests.browser.conftest import axe_check, axe_failures

    width, height = size
    watched_page.page.set_viewport_size({"width": width, "height": height})
    open_offline(watched_page, page_file)
    failures = axe_failures(axe_check(watched_page, "offline-en"))
    watched_page.shot(f"{width}x{height}")
    assert not failures, "\n".join(failures)
    scroll = watched_page.page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"the offline page scrolls sideways at {width} px: {scroll}"
    claim = watched_page.page.evaluate(
        """() => { const b = document.querySelector('#claims-table tbody td:nth-child(5)')
                   .getBoundingClientRect(); return [b.left, b.right]; }"""
    )
    assert claim[0] >= 0 and claim[1] <= width + 1, f"the claim column is off-screen: {claim}"
    watched_page.page.locator(".lang-toggle button", has_text="FR").click()
    watched_page.page.wait_for_selector("html[data-lang=fr]")
    failures = axe_failures(axe_check(watched_page, "offline-fr"))
    assert not failures, "\n".join(failures)
    watched_page.page.locator("#claims-table").scroll_into_view_if_needed()
    watched_page.shot(f"{width}x{height}-fr-table")


# The network's parts, in px of the page: its drawn width, its box's, the key's top, the lowest
# name's bottom, the title's right end (from the figure's left edge).
NETWORK_FIT = """() => {
  const gd = document.getElementById('network');
  const left = gd.getBoundingClientRect().left;
  const names = Array.from(gd.querySelectorAll('.scatterlayer .textpoint text'))
    .map((t) => t.getBoundingClientRect().bottom);
  const title = gd.querySelector('.gtitle').getBoundingClientRect();
  return {
    drawn: gd._fullLayout.width,
    box: gd.parentElement.clientWidth,
    scrolls: gd.parentElement.scrollWidth > gd.parentElement.clientWidth,
    keyTop: gd.querySelector('.legend').getBoundingClientRect().top,
    lowestName: Math.max(...names),
    titleEnd: title.right - left,
  };
}"""


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["1366x768", "390x844"])
def test_the_network_keeps_its_width_and_its_key_under_its_names(watched_page, page_file, size):
    """On a phone the network's names, in margins as wide as the longest, left its drawing 66 px,
    and its title and key ran off the screen: it keeps its least width, in a box that scrolls
    sideways (not the page), and its key, then in one column, stays under the lowest name."""
    from explainer.figures.network import MIN_WIDTH_PX

    width, height = size
    page = watched_page.page
    page.set_viewport_size({"width": width, "height": height})
    open_offline(watched_page, page_file)
    for lang in ("en", "fr"):
        if lang == "fr":
            page.locator(".lang-toggle button", has_text="FR").click()
            page.wait_for_selector("html[data-lang=fr]")
        page.locator("#network").scroll_into_view_if_needed()
        fit = page.evaluate(NETWORK_FIT)
        watched_page.shot(f"network-{width}-{lang}")
        assert fit["drawn"] >= MIN_WIDTH_PX, fit
        assert fit["scrolls"] == (fit["box"] < MIN_WIDTH_PX), fit
        assert fit["keyTop"] >= fit["lowestName"], f"the key covers a name ({lang}): {fit}"
        assert fit["titleEnd"] <= fit["drawn"], f"the title runs off the figure ({lang}): {fit}"
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"the page scrolls sideways at {width} px: {scroll}"
    # Printed (680 px wide): the key in one column too, under the names.
    page.emulate_media(media="print")
    page.wait_for_function("() => document.getElementById('network')._fullLayout.width === 680")
    fit = page.evaluate(NETWORK_FIT)
    assert fit["keyTop"] >= fit["lowestName"], f"printed, the key covers a name: {fit}"
    page.emulate_media(media="screen")
    assert watched_page.errors == []
