"""02_explore in Voila, as a class meets it: on a projector, a laptop and a phone, by keyboard.

Issue 11, part B. At 1366x768 (a projector) the first screen shows the controls and marks; at
1024x768 and 390x844 the plot fills the width it has (the whole width once the Explorer stacks,
under 800 px), every mark is inside it, nothing is cut off and no control text is under 14 px; the
plot follows the window when it is resized after loading. By keyboard: the page's controls come
before plotly's toolbar, a claim's card opens from the claim picker, the month sliders step one
month and announce a month. axe-core finds no serious or critical violation. After switching to
French, no English text of the catalogue is left in the Explorer's controls and messages.
Screenshots of each size are saved in artifacts/screenshots/.
"""

from __future__ import annotations

import re
import time

import pytest

import explainer as ex
from explainer.figures.network import BOTTOM_NARROW_PX, BOTTOM_PX, MIN_WIDTH_PX
from explainer.i18n import CATALOGUE, t
from tests.browser.conftest import axe_check, axe_failures, fail_if_widgets_stuck, keep_local
from tests.browser.test_voila_explore import COUNT_MARKS, TIMELINE

# Where the Explorer's parts are, in window pixels; the marks of the claim traces; overflow.
MEASURE = f"""() => {{
  const box = (el) => {{
    if (!el) return null;
    const b = el.getBoundingClientRect();
    return {{ left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width,
             height: b.height }};
  }};
  const gd = {TIMELINE};
  const area = gd.querySelector('.nsewdrag') || gd.querySelector('.bglayer rect');
  const marks = [];
  gd.querySelectorAll('.scatterlayer .trace').forEach((g) => {{
    const cd = g.__data__;
    const uid = cd && cd[0] && cd[0].trace && cd[0].trace.uid;
    if (!uid || !uid.startsWith('timeline-points-')) return;
    g.querySelectorAll('.point').forEach((p) => {{
      const b = p.getBoundingClientRect();
      marks.push({{ x: b.left + b.width / 2, y: b.top + b.height / 2 }});
    }});
  }});
  const root = document.querySelector('.explainer-explorer');
  // Every control's parts (inputs, labels, buttons, legends): none may stick out of the window.
  const parts = Array.from(root.querySelectorAll(
    '.explainer-controls input, .explainer-controls label, .explainer-controls button, ' +
    '.explainer-controls legend, .explainer-controls output, .explainer-claim-picker select'))
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter((el) => !el.closest('.explainer-list'))  // the actor list scrolls inside its box
    .map((el) => ({{ what: (el.textContent || el.getAttribute('aria-label') || el.tagName)
                    .trim().slice(0, 40), ...box(el) }}));
  return {{
    width: innerWidth, height: innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    explorer: box(root), controls: box(root.querySelector('.explainer-controls')),
    plot: box(gd), area: box(area), card: box(root.querySelector('.explainer-card-panel')),
    key: box(root.querySelector('.explainer-key')),
    layoutWidth: gd._fullLayout.width, marks: marks, parts: parts,
  }};
}}"""

# The smallest font size of any text shown in the Explorer outside its figures (where plotly
# draws SVG text: the figure is the other part of issue 11), with an example of each size.
SMALLEST_TEXT = """() => {
  const root = document.querySelector('.explainer-explorer');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const sizes = {};
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('.js-plotly-plot') || el.closest('style')) continue;
    if (!el.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    sizes[px] = sizes[px] || n.textContent.trim().slice(0, 40);
  }
  return sizes;
}"""

# The visible text of the Explorer outside its figures, with the placeholders and the chosen
# option of its inputs (what a student reads).
EXPLORER_TEXT = """() => {
  const root = document.querySelector('.explainer-explorer');
  const parts = [];
  root.querySelectorAll('.widget-html, .widget-label, .widget-label-basic, .explainer-ctl, ' +
    'button, .explainer-claim-picker').forEach((el) => {
    if (el.closest('.js-plotly-plot') || !el.getClientRects().length) return;
    parts.push(el.innerText);
  });
  root.querySelectorAll('input[placeholder]').forEach((el) => parts.push(el.placeholder));
  root.querySelectorAll('select').forEach((el) => parts.push(el.selectedOptions[0]?.text || ''));
  return parts.join('\\n');
}"""

# The order in which Tab reaches things, as (where, name): no positive tabindex is allowed, so
# it is the DOM order of the focusable elements.
TAB_ORDER = """() => {
  const all = Array.from(document.querySelectorAll(
    'a[href], button, input, select, textarea, [tabindex]'));
  const bad = all.filter((el) => el.tabIndex > 0).map((el) => el.outerHTML.slice(0, 80));
  const order = all.filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length)
    .map((el) => ({
      where: el.closest('.modebar') ? 'toolbar' : el.closest('.explainer-controls') ? 'controls'
        : el.closest('.explainer-claim-picker') ? 'picker'
        : el.closest('.js-plotly-plot') ? 'plot' : 'other',
      name: (el.getAttribute('aria-label') || el.getAttribute('data-title') || el.textContent
             || el.value || el.tagName).trim().slice(0, 30),
    }));
  return { bad, order };
}"""


@pytest.fixture(scope="module")
def data():
    return ex.load_dataset()


def open_at(watched_page, voila_server, width: int, height: int) -> list[str]:
    """Load the Explorer in a window of ``width`` x ``height``; wait for its marks."""
    page = watched_page.page
    page.set_viewport_size({"width": width, "height": height})
    outside = keep_local(watched_page)
    page.goto(voila_server.url, timeout=180_000)
    page.wait_for_function(f"({COUNT_MARKS})() > 0", timeout=180_000, polling=500)
    page.wait_for_selector(".explainer-checklist input", state="attached", timeout=60_000)
    return outside


def settle(page, width: int, height: int, *, limit: float = 30.0) -> dict:
    """Resize the window and wait until the plot has followed; return the page's measures.

    Followed means: the figure is drawn at its own box's width, its box has taken the width the
    layout gives it (the card beside it, or the whole width once stacked), and both stay the same
    over two looks half a second apart. The page may take a moment to reflow after a resize: what
    is asserted is that it gets there, within ``limit`` seconds.
    """
    start = time.monotonic()
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"() => window.innerWidth === {width}", timeout=60_000)
    stacked = width < 800
    deadline, last, m = time.monotonic() + limit, None, page.evaluate(MEASURE)
    while time.monotonic() < deadline:
        m = page.evaluate(MEASURE)
        plot, card, explorer = m["plot"], m["card"], m["explorer"]
        room = explorer["width"] if stacked else explorer["width"] - card["width"]
        placed = abs(m["layoutWidth"] - plot["width"]) < 2 and plot["width"] <= room + 1
        now = (round(m["layoutWidth"]), round(plot["width"]), round(explorer["width"]))
        if placed and now == last:
            # The time it took, less the look that confirmed it (printed: a figure, not a goal).
            m["settled_s"] = round(time.monotonic() - start - 0.25, 2)
            print(f"\n[resize] {width}x{height}: the plot followed in {m['settled_s']} s")
            return m
        last = now if placed else None
        time.sleep(0.25)
    return m  # not settled: assert_fits says what is wrong


def assert_fits(m: dict, n_claims: int, *, stacked: bool) -> None:
    """The plot fills the width it has (less its key's, when the key stands beside it), with
    every mark inside; the key is beside the plot or under it, never over it; nothing sticks
    out."""
    width, explorer, plot, area, card = m["width"], m["explorer"], m["plot"], m["area"], m["card"]
    key = m["key"]
    beside = key["left"] >= plot["right"] - 1
    assert beside or key["top"] >= plot["bottom"] - 1, ("the key is over the plot", key, plot)
    assert key["right"] <= width + 1 and key["height"] > 0, key
    assert m["scrollWidth"] <= width + 1, f"the page scrolls sideways: {m['scrollWidth']} > {width}"
    assert abs(m["layoutWidth"] - plot["width"]) < 2, "the figure is not drawn at its box's width"
    if stacked:  # controls, then the plot at full width, then the card under it
        assert plot["width"] >= explorer["width"] - 2, (plot, explorer)
        assert not beside, ("a stacked Explorer's key goes under its plot", key, plot)
        assert card["top"] >= plot["bottom"] - 1, ("the card is not under the plot", card, plot)
        assert m["controls"]["bottom"] <= plot["top"] + 1
    else:  # the plot takes all the width the card leaves
        assert card["left"] >= plot["right"] - 1, (card, plot)
        assert card["left"] >= key["right"] - 1 or not beside, (card, key)
        taken = plot["width"] + (key["width"] + 8 if beside else 0)
        assert taken >= explorer["width"] - card["width"] - 24, (plot, key, card, explorer)
    assert plot["right"] <= width + 1 and plot["left"] >= -1, plot
    assert len(m["marks"]) == n_claims
    outside = [
        p for p in m["marks"] if not (area["left"] - 1 <= p["x"] <= area["right"] + 1 <= width + 1)
    ]
    assert not outside, f"{len(outside)} mark(s) outside the drawn plot area {area}: {outside[:3]}"
    cut = [p for p in m["parts"] if p["right"] > width + 1 or p["left"] < -1 or p["width"] < 1]
    assert not cut, f"controls cut off at {width} px: {cut[:5]}"


# The tops of the search box and the Reset button (px), and the box's width.
SEARCH_ROW = """() => {
  const box = document.querySelector('.explainer-controls input[type=text]')
    .getBoundingClientRect();
  const reset = Array.from(document.querySelectorAll('.explainer-controls button'))
    .find((b) => b.querySelector('.fa-undo')).getBoundingClientRect();
  return { search: box.top, reset: reset.top, searchWidth: box.width };
}"""
NETWORK_DRAWN = """() => { const gd = document.querySelectorAll('.js-plotly-plot')[1];
  return !!(gd && gd.querySelector('.scatterlayer .textpoint')); }"""
# The network's drawn width, its box's, its bottom margin, the key's top and the lowest name's
# bottom (px of the page), and how wide the page scrolls.
NETWORK_FIT = """() => {
  const gd = document.querySelectorAll('.js-plotly-plot')[1];
  const box = gd.closest('.explainer-network');
  const names = Array.from(gd.querySelectorAll('.scatterlayer .textpoint text'))
    .map((t) => t.getBoundingClientRect().bottom);
  return {
    drawn: gd._fullLayout.width,
    marginB: gd._fullLayout.margin.b,
    scrolls: box.scrollWidth > box.clientWidth,
    keyTop: gd.querySelector('.legend').getBoundingClientRect().top,
    lowestName: Math.max(...names),
    pageScroll: document.documentElement.scrollWidth,
  };
}"""


def assert_text_at_least_14px(page) -> None:
    sizes = page.evaluate(SMALLEST_TEXT)
    small = {px: text for px, text in sizes.items() if float(px) < 14}
    assert not small, f"text under 14 px in the Explorer's controls, card or messages: {small}"


def test_phone_stacks_the_explorer_and_cuts_nothing_off(watched_page, voila_server, data):
    page = watched_page.page
    open_at(watched_page, voila_server, 390, 844)
    m = settle(page, 390, 844)
    assert_fits(m, len(data.claims), stacked=True)
    assert m["plot"]["width"] >= 330, m["plot"]
    assert_text_at_least_14px(page)
    # The table's claim column is on screen: on a phone each row is a block of labelled lines.
    claim_cell = page.evaluate(
        """() => { const td = document.querySelector('.explainer-table tbody td:nth-child(5)');
                   const b = td.getBoundingClientRect();
                   return { left: b.left, right: b.right, label: getComputedStyle(td, '::before')
                            .content }; }"""
    )
    assert claim_cell["right"] <= 391 and claim_cell["left"] >= 0, claim_cell
    assert "Claim" in claim_cell["label"]
    watched_page.shot("390x844")
    # Voila scrolls inside its own container: one window-sized picture a part, scrolled to it.
    for part, selector in (
        ("controls", ".explainer-controls"),
        ("plot", ".explainer-plot"),
        ("card", ".explainer-card-panel"),
        ("table", ".explainer-table"),
    ):
        page.evaluate(f"() => document.querySelector('{selector}').scrollIntoView()")
        watched_page.shot(f"390x844-{part}")
    # The network keeps its least width, in a box that scrolls sideways (not the page), with its
    # key in one column under its lowest name (the narrow layout, given when it is made); back
    # to its wide layout once the window is wide.
    page.get_by_role("button", name=t("explorer.show_network", "en")).click()
    page.wait_for_function(NETWORK_DRAWN, timeout=60_000)
    page.evaluate("() => document.querySelector('.explainer-network').scrollIntoView()")
    net = page.evaluate(NETWORK_FIT)
    watched_page.shot("390x844-network")
    assert net["drawn"] >= MIN_WIDTH_PX and net["scrolls"], net
    assert net["marginB"] == BOTTOM_NARROW_PX, net
    assert net["keyTop"] >= net["lowestName"], f"the key covers a name: {net}"
    assert net["pageScroll"] <= 391, net
    page.set_viewport_size({"width": 1366, "height": 768})
    net_js = "document.querySelectorAll('.js-plotly-plot')[1]"
    # Its wide layout (FitPlots: layout.meta), and its box's width (FitPlots' nudge), in turn.
    wide = (
        f"() => {net_js}._fullLayout.margin.b == {BOTTOM_PX} && {net_js}._fullLayout.width > 1000"
    )
    page.wait_for_function(wide, timeout=20_000)
    net = page.evaluate(NETWORK_FIT)
    assert not net["scrolls"] and net["keyTop"] >= net["lowestName"], net
    fail_if_widgets_stuck(watched_page, "The Explorer on a phone")
    assert watched_page.errors == []


def test_projector_first_screen_and_resizes(watched_page, voila_server, data):
    page = watched_page.page
    open_at(watched_page, voila_server, 1366, 768)
    assert page.title().startswith("Explore the claims: Musk, Putin"), page.title()
    m = settle(page, 1366, 768)
    assert_fits(m, len(data.claims), stacked=False)
    # The first screen: the controls whole, and marks of the timeline.
    assert m["controls"]["bottom"] <= 768, m["controls"]
    on_screen = [p for p in m["marks"] if 0 <= p["y"] <= 768]
    assert len(on_screen) >= 5, f"only {len(on_screen)} mark(s) on the first screen"
    assert_text_at_least_14px(page)
    watched_page.shot("1366x768")
    # Smaller window after loading: the plot follows it (it used to keep its width and lose
    # 2022-2024 off the right edge), and back.
    # FitPlots follows its box at once (a ResizeObserver, ~100 ms after the last change); it
    # used to poll every second and took 2-5 s. 5 s leaves room for a loaded machine.
    for width, height in ((1024, 768), (700, 768), (1366, 768)):
        m = settle(page, width, height, limit=5.0)
        assert_fits(m, len(data.claims), stacked=width < 800)
        if width == 1024:
            assert_text_at_least_14px(page)
            watched_page.shot("1024x768")
            # On a classroom projector's 1024 px, the search box and Reset share a row: wrapped,
            # they made the tallest column of controls a row taller, and the timeline started
            # lower on the first screen.
            tops = page.evaluate(SEARCH_ROW)
            assert abs(tops["search"] - tops["reset"]) <= 4, tops
            assert tops["searchWidth"] >= 80, tops
    fail_if_widgets_stuck(watched_page, "The Explorer at 1366 and 1024")
    assert watched_page.errors == []


def test_keyboard_reaches_everything_and_axe_finds_nothing_serious(
    watched_page, voila_server, data
):
    page = watched_page.page
    open_at(watched_page, voila_server, 1366, 768)
    claims = data.claims

    # Tab order: the page's own controls and the claim picker come before plotly's toolbar.
    tabs = page.evaluate(TAB_ORDER)
    assert tabs["bad"] == [], f"positive tabindex breaks the reading order: {tabs['bad']}"
    order = [t["where"] for t in tabs["order"]]
    assert "controls" in order and "picker" in order
    first_toolbar = order.index("toolbar") if "toolbar" in order else len(order)
    last_control = max(i for i, w in enumerate(order) if w in ("controls", "picker"))
    assert last_control < first_toolbar, f"plotly's toolbar comes first: {tabs['order'][:30]}"
    toolbar = [t["name"] for t in tabs["order"] if t["where"] == "toolbar"]
    print(f"\n[keyboard] tab stops: {len(order)}; plotly toolbar stops: {toolbar}")
    assert not any("Share" in name for name in toolbar), "nothing uploads a class's work"

    # The actors: Tab to "None", Space; every mark goes. Then tick one actor with Space.
    none = page.get_by_role("button", name="None", exact=True)
    none.focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"({COUNT_MARKS})() === 0", timeout=60_000, polling=200)
    putin = page.get_by_role("checkbox", name=data.actor_name("putin"), exact=True)
    putin.focus()
    page.keyboard.press("Space")
    expected = len(ex.filter_claims(claims, actors=["putin"]))
    page.wait_for_function(f"({COUNT_MARKS})() === {expected}", timeout=60_000, polling=200)
    page.get_by_role("button", name="All", exact=True).click()
    page.wait_for_function(f"({COUNT_MARKS})() === {len(claims)}", timeout=60_000, polling=200)

    # The month sliders: named, a month as their value text, one month an arrow, a year a page.
    start = page.get_by_role("slider", name="From", exact=True)
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{4}", start.get_attribute("aria-valuetext"))
    first = start.get_attribute("aria-valuetext")
    start.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageUp")
    year = int(first[-4:])
    assert start.get_attribute("aria-valuetext").endswith(str(year + 1))
    assert start.get_attribute("aria-valuetext") != first
    page.keyboard.press("Home")
    page.wait_for_function(
        f"""() => document.querySelector('[role=status]').textContent
              .startsWith('{len(claims)} of {len(claims)}')""",
        timeout=60_000,
        polling=200,
    )
    known = page.get_by_role("slider", name="Known by the end of", exact=True)
    assert known.get_attribute("aria-valuetext") == "today (everything)"

    # A claim's card, from the keyboard: the picker lists the shown claims; Arrow Down opens one.
    picker = page.get_by_role("combobox", name="Read a claim's card")
    picker.focus()
    page.keyboard.press("ArrowDown")
    card = page.locator(".explainer-card-panel [role=region]")
    card.wait_for(timeout=60_000)
    chosen = card.get_attribute("aria-label")  # the card is the region named after its claim
    assert chosen in set(claims["id"])
    summary = claims.loc[claims["id"] == chosen, "summary_en"].iloc[0]
    assert summary in card.inner_text()
    # ipywidgets shows option labels with no-break spaces.
    option = picker.evaluate("(s) => s.selectedOptions[0].text").replace("\xa0", " ")
    assert summary[:30] in option, (option, summary)  # the option chosen is that claim
    watched_page.shot("keyboard-card")

    # The language control says which language is on.
    english = page.get_by_role("radio", name="English")
    assert english.is_checked() and not page.get_by_role("radio", name="Français").is_checked()
    assert page.get_by_role("group", name="Language: English").count() == 1

    # axe-core on the whole Voila page (prose included): nothing serious or critical.
    violations = axe_check(watched_page, "voila-explorer")
    failures = axe_failures(violations)
    assert not failures, "\n".join(failures)
    fail_if_widgets_stuck(watched_page, "The Explorer by keyboard")
    assert watched_page.errors == []


def _english_fragments() -> dict[str, str]:
    """Catalogue English that differs from the French, as fragments one could spot on a page.

    Each English string is cut at its placeholders; pieces shorter than 4 letters, or found in
    French strings too (e.g. "Source"), cannot tell English from French and are left out.
    """
    french = " ".join(v.get("fr", "") for v in CATALOGUE.values())
    found: dict[str, str] = {}
    for key, entry in CATALOGUE.items():
        en, fr = entry.get("en", ""), entry.get("fr", "")
        if not en or en == fr:
            continue
        for piece in re.split(r"\{[^}]*\}", en):
            piece = piece.strip(" .,:;()—–-“”\"'…")
            if len(re.sub(r"[^A-Za-z]", "", piece)) >= 4 and piece not in french:
                found.setdefault(piece, key)
    return found


def test_switching_to_french_leaves_no_english_in_the_controls(watched_page, voila_server, data):
    page = watched_page.page
    open_at(watched_page, voila_server, 1366, 768)
    before = page.evaluate(EXPLORER_TEXT)
    fragments = _english_fragments()
    seen_before = {f for f in fragments if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", before)}
    assert len(seen_before) >= 10, "the English page should show catalogue strings to compare"

    page.get_by_role("radio", name="Français").check()
    page.wait_for_function(
        "() => document.querySelector('[role=status]').textContent.includes(' sur ')",
        timeout=60_000,
        polling=200,
    )
    page.get_by_role("group", name="Langue : français").wait_for(timeout=60_000)
    after = page.evaluate(EXPLORER_TEXT)
    left = sorted(
        f"{f!r} ({key})"
        for f, key in fragments.items()
        if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", after)
    )
    watched_page.shot("french")
    print(f"\n[language] English fragments shown before the switch: {len(seen_before)}")
    # The figures' own texts are the other half of issue 11 (part A): listed here, not asserted.
    drawn = page.evaluate(
        """() => Array.from(document.querySelectorAll('.explainer-explorer .js-plotly-plot text'))
             .map((t) => t.textContent).join('\\n')"""
    )
    in_figures = sorted(f for f in fragments if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", drawn))
    print(f"[language] English still drawn inside the figures (part A): {in_figures}")
    assert not left, f"English left in French mode: {left}"
    # And the French is there: a few control labels from the catalogue.
    for key in ("ui.actors", "ui.actors_none", "ui.dates_from", "ui.open_claim", "ui.search"):
        assert CATALOGUE[key]["fr"] in after, key
    assert page.get_by_role("radio", name="Français").is_checked()
    # A screen reader says "Français" in French: the label carries its language.
    assert page.locator(".explainer-radio span[lang=fr]").inner_text() == "Français"
    failures = axe_failures(axe_check(watched_page, "voila-explorer-fr"))
    assert not failures, "\n".join(failures)
    fail_if_widgets_stuck(watched_page, "The Explorer in French")
    assert watched_page.errors == []


@pytest.mark.parametrize("name", ["02_explore.ipynb", "fr/02_explore.ipynb"])
def test_both_explorer_notebooks_give_voila_a_page_title(name):
    """Voila's <title> is the notebook's ``metadata.title`` (checked in a browser above, for en)."""
    import nbformat

    from tests.browser.conftest import NOTEBOOKS

    title = nbformat.read(NOTEBOOKS / name, as_version=4).metadata.get("title", "")
    assert title.startswith(("Explore the claims", "Explorer les affirmations")), title
    assert "Musk" in title and "2024" in title
