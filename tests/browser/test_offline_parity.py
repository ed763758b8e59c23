"""The offline page is the Explorer without a kernel: the same filters, the same answers.

One fixed sequence of filter settings is replayed on the Python side (``filter_claims``)
and in the page (Chromium, with the network cut off): at every step the page shows the same claim
ids, in its table and on its timeline. The page's text fold is compared with
:func:`explainer.filtering.fold_text` on tricky strings, its card with the Explorer's card, and
its "Known by" line with the month chosen.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import explainer as ex
from explainer.card import card_html
from explainer.export import day_number, export_html
from explainer.figures.timeline import TimelineModel
from explainer.filtering import fold_text, search_words, to_bound
from explainer.i18n import KIND_ORDER, STATUS_ORDER, t
from tests.browser.test_offline_page import COUNT_POINTS, open_offline, visible_rows


@pytest.fixture(scope="module")
def data():
    return ex.load_dataset()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, data) -> Path:
    return export_html(data, tmp_path_factory.mktemp("offline-parity") / "claims.html")


ALL: dict = {
    "actors": None,
    "start": None,
    "end": None,
    "statuses": None,
    "kinds": None,
    "known_on": None,
    "text": None,
}

# One class's session: each step changes some settings and keeps the others (reset: all of them).
STEPS: list[tuple[str, dict]] = [
    ("everything", {}),
    ("putin-and-musk", {"actors": ["putin", "musk"]}),
    ("year-2022", {"start": "2022-01", "end": "2022-12"}),
    ("no-commentary", {"statuses": [s for s in STATUS_ORDER if s != "commentary"]}),
    ("no-denial", {"kinds": [k for k in KIND_ORDER if k != "denial"]}),
    ("known-by-oct-2022", {"known_on": "2022-10"}),
    ("known-by-today", {"known_on": None}),
    ("window-to-oct-2024", {"end": "2024-10"}),
    ("words-any-case-accents", {"text": "STARLINK démenti"}),
    ("words-folded", {"text": "kremlin DEMENTI"}),
    ("word-not-found", {"text": "zzzz"}),
    ("no-words", {"text": None}),
    ("inverted-window", {"start": "2024-10", "end": "2022-01"}),
    ("reset", "reset"),
    ("known-by-2021-every-actor", {"known_on": "2021-06"}),
    ("no-actor", {"actors": []}),
    ("typographic-apostrophe", {"actors": None, "known_on": None, "text": "l’article CŒUR"}),
]


def set_controls(page, q: dict, data) -> None:
    """Bring the page's controls to the query ``q``, as a person would (ticks, menus, typing)."""
    for name, chosen in (("actor", q["actors"]), ("status", q["statuses"]), ("kind", q["kinds"])):
        for box in page.locator(f"input[name={name}]").all():
            want = chosen is None or box.get_attribute("value") in chosen
            if box.is_checked() != want:
                box.set_checked(want)
    months = page.evaluate(
        "() => Array.from(document.querySelectorAll('#date-end option')).map((o) => o.value)"
    )
    page.select_option("#date-start", q["start"] or months[0])
    page.select_option("#date-end", q["end"] or months[-1])
    page.select_option("#known-on", q["known_on"] or "")
    page.fill("#search", q["text"] or "")


def assert_axis_as_explorer(page, model, q: dict, label: str) -> None:
    """The timeline's time axis is the Explorer's for the same window (Explorer._timeline_layout:
    TimelineModel.x_range of the window, and its ticks)."""
    lo = to_bound(q["start"], side="start")
    hi = to_bound(q["end"], side="end")
    axis = page.evaluate(
        "() => { const x = document.getElementById('timeline').layout.xaxis;"
        " return {range: x.range, tickvals: x.tickvals, ticktext: x.ticktext}; }"
    )
    if lo is None and hi is None:
        window = None
    else:
        window = (
            lo.value / 1e6 if lo is not None else -math.inf,
            hi.value / 1e6 + 86_400_000 if hi is not None else math.inf,
        )
    if window is None:
        full = model.x_range(None)
        assert axis["range"] is None or axis["range"] == pytest.approx(list(full)), label
        return
    x_range = model.x_range(window)
    ticks = model.ticks(x_range, "en")
    assert axis["range"] == pytest.approx(list(x_range)), label
    assert axis["tickvals"] == pytest.approx(list(ticks["tickvals"])), label
    assert axis["ticktext"] == list(ticks["ticktext"]), label


def shown_ids(page) -> set[str]:
    page.evaluate("() => window.explainerPage.update()")  # settles: text and both plots drawn
    return visible_rows(page)


def test_the_page_filters_as_filter_claims_at_every_step(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    model = TimelineModel(data)
    q = dict(ALL)
    for label, change in STEPS:
        if change == "reset":
            page.click("#reset")
            q = dict(ALL)
        else:
            q.update(change)
            set_controls(page, q, data)
        expected = ex.filter_claims(data.claims, **q)
        got = shown_ids(page)
        assert got == set(expected["id"]), (
            f"step {label!r}: the page shows {len(got)} claims, filter_claims {len(expected)}; "
            f"only in the page: {sorted(got - set(expected['id']))[:5]}, only in Python: "
            f"{sorted(set(expected['id']) - got)[:5]}"
        )
        assert page.evaluate(COUNT_POINTS, "timeline-points-") == len(expected), label
        assert page.evaluate("() => document.body.dataset.shown") == str(len(expected)), label
        if len(expected) == 0:
            # The Explorer's reason, in its words.
            if label == "inverted-window":
                reason = t("empty.inverted", "en")
            elif label == "no-actor":
                reason = t("empty.no_actor", "en")
            elif label == "word-not-found":
                reason = t("empty.search", "en", text="zzzz")
            else:
                reason = t("empty.none", "en")
            assert page.inner_text("#empty") == reason, label
        else:
            assert not page.is_visible("#empty"), label
        assert_axis_as_explorer(page, model, q, label)
        if label in ("known-by-oct-2022", "words-any-case-accents", "inverted-window"):
            watched_page.shot(label)
    assert watched_page.errors == []


# Accents, ligatures, typographic apostrophes, upper case, letters where casefold is not lower,
# compatibility forms, spaces that are not U+0020.
TRICKY = [
    "Démenti",
    "DÉMENTI",
    "démenti",
    "cœur CŒUR Œuvre",
    "l’article l‘autre lʼun l'un",
    "Straße STRASSE ẞ",
    "ΟΔΟΣ ὈΔΌΣ ς",
    "ﬁn ﬀ Ⅻ ①",
    "İstanbul ı",
    "Ångström naïve café Ærø",
    "e\u0301te\u0301",
    "ＦＵＬＬ ｗｉｄｔｈ",
    "a\u00a0b\u2003c\u3000d\x1ce\x85f\tg\nh",
    "ǅemal Ǆ",
    "Kiriïenko — « Poutine »",
    "",
    "   ",
]


def test_the_page_folds_text_as_python_does(watched_page, page_file):
    page = watched_page.page
    open_offline(watched_page, page_file)
    for text in TRICKY:
        got = page.evaluate("(s) => window.explainerPage.foldText(s)", text)
        assert got == fold_text(text), f"{text!r}: page {got!r}, Python {fold_text(text)!r}"
        words = page.evaluate("(s) => window.explainerPage.searchWords(s)", text)
        assert list(dict.fromkeys(words)) == search_words(text), text
    assert watched_page.errors == []


def same_html(page, selector: str, html: str) -> bool:
    """Whether the element holds ``html``, as the browser parses it (same DOM, same text)."""
    return page.evaluate(
        """([sel, html]) => { const t = document.createElement('template'); t.innerHTML = html;
             return document.querySelector(sel).innerHTML === t.innerHTML; }""",
        [selector, html],
    )


def test_the_card_on_click_is_the_explorers_card_in_both_languages(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    assert page.inner_text("#card") == t("ui.card.empty", "en")
    claim = "musk-denies-ties"
    page.click(f"#claims-table tr[data-claim={claim}] td:nth-child(5)")
    page.wait_for_function(f"() => document.body.dataset.card === '{claim}'")
    assert same_html(page, "#card", card_html(data, claim, "en"))
    page.click("button.lang[data-lang=fr]")
    page.wait_for_selector("html[data-lang=fr]")
    assert same_html(page, "#card", card_html(data, claim, "fr"))
    watched_page.shot("card-fr", selector="section.card")
    # A mark of the timeline opens its claim's card too (the plot's click event).
    other = page.evaluate(
        """() => { const gd = document.getElementById('timeline');
             const k = gd.data.findIndex((tr) => (tr.uid || '').startsWith('timeline-points-'));
             gd.emit('plotly_click', {points: [{curveNumber: k, pointNumber: 0}]});
             return document.body.dataset.card; }"""
    )
    assert other and other != claim
    assert same_html(page, "#card", card_html(data, other, "fr"))
    # A claim filtered out closes its card.
    page.click("button[data-none=status]")
    page.wait_for_function("() => document.body.dataset.card === ''")
    assert page.inner_text("#card") == t("ui.card.empty", "fr")
    assert watched_page.errors == []


def test_known_by_draws_its_line_on_the_timeline(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    today = page.locator('#known-on option[value=""]')
    assert today.inner_text() == t("ui.known_all", "en")
    page.select_option("#known-on", "2022-10")
    page.evaluate("() => window.explainerPage.update()")
    shapes = page.evaluate(
        "() => (document.getElementById('timeline').layout.shapes || [])"
        ".filter((s) => s.name === 'known-line')"
    )
    day = day_number(to_bound("2022-10", side="end"))
    assert len(shapes) == 1 and shapes[0]["x0"] == (day + 1) * 86_400_000
    assert page.locator("#timeline .shapelayer path").count() >= 1
    label = page.evaluate(
        "() => document.getElementById('timeline').layout.annotations"
        ".find((a) => a.name === 'known-label').text"
    )
    assert label == t("ui.known_by", "en", date="Oct 2022")
    assert "2022" in page.inner_text("#active")
    watched_page.shot("known-line", selector="#timeline")
    page.select_option("#known-on", "")
    page.evaluate("() => window.explainerPage.update()")
    assert page.evaluate(
        "() => (document.getElementById('timeline').layout.shapes || [])"
        ".every((s) => s.name !== 'known-line')"
    )
    assert watched_page.errors == []
