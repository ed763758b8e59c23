"""The offline page printed from Chromium as a handout (issue 12 §4), on A4 and on Letter.

Each printing is kept as a PDF in artifacts/print/, its pages as PNG (``pdftoppm -r 60``, Debian's
poppler-utils; greyscale too) for a person to look at. What the text of each page
(``pdftotext -layout``) can tell is asserted: no heading is the last line of its page, the timeline
is on one page with its years and its axis title, the network on the page of its heading, the
filters in force at the top of page 1, and the number of pages stays within a bound worked out
from the data.
"""

from __future__ import annotations

import html
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import explainer as ex
from explainer.export import export_html
from explainer.figures.timeline import TimelineModel, wrap_label
from explainer.i18n import STATUS_ORDER, t
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_offline_page import open_offline

PRINTS = ARTIFACTS / "print"
FORMATS = ["A4", "Letter"]


@pytest.fixture(scope="module")
def data():
    return ex.load_dataset()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, data) -> Path:
    return export_html(data, tmp_path_factory.mktemp("offline-print") / "claims.html")


def axis_title(lang: str) -> str:
    """The first line of the time axis's title as drawn (the figure wraps it, see wrap_label)."""
    return html.unescape(wrap_label(t("timeline.xaxis", lang), 44).split("<br>")[0])


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is missing: it comes with Debian's poppler-utils (make browser-deps installs "
            "it; or apt-get install poppler-utils)",
            pytrace=False,
        )
    return path


def print_pdf(watch, fmt: str, label: str) -> Path:
    """Print the open page as a teacher would (print media, the page's own print layout) to
    artifacts/print/<label>-<fmt>.pdf, with its pages as PNG beside it, in colour and in grey."""
    page = watch.page
    page.emulate_media(media="print")
    page.wait_for_function(
        "() => document.body.classList.contains('printing') && ['timeline', 'network']"
        ".every((id) => document.getElementById(id)._fullLayout.width <= 680)"
    )
    PRINTS.mkdir(parents=True, exist_ok=True)
    pdf = PRINTS / f"{label}-{fmt}.pdf"
    page.pdf(path=str(pdf), format=fmt, print_background=True)
    for old in PRINTS.glob(f"{label}-{fmt}-*.png"):
        old.unlink()
    pdftoppm = poppler("pdftoppm")
    subprocess.run([pdftoppm, "-r", "60", "-png", pdf, PRINTS / f"{label}-{fmt}"], check=True)
    subprocess.run(
        [pdftoppm, "-r", "60", "-gray", "-png", pdf, PRINTS / f"{label}-{fmt}-grey"], check=True
    )
    page.emulate_media(media="screen")
    return pdf


def page_texts(pdf: Path) -> list[list[str]]:
    """The non-empty lines of each page, as ``pdftotext -layout`` lays them out."""
    out = subprocess.run(
        [poppler("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [[line.strip() for line in p.splitlines() if line.strip()] for p in pages]


def headings(lang: str) -> list[str]:
    keys = ("export.legend", "export.timeline", "export.network", "export.table", "export.sources")
    return [t(key, lang) for key in keys]


def page_with(pages: list[list[str]], text: str) -> int:
    found = [k for k, lines in enumerate(pages) if any(text in line for line in lines)]
    assert found, f"{text!r} is on no page"
    return found[0]


def page_bound(data) -> int:
    """The most pages the handout may take for ``data``.

    Page 1 holds the title, the filters and what the statuses mean; the timeline and the network
    take a page each (3 pages). A row of the table is at most about 11 lines of 8.5 pt (its
    summary and its quote in a 41 % column), and a page holds about 60 such lines: at least 5
    rows a page in the worst case, 8 with the bundled rows (their summary and quote take about 7
    lines). A source takes at most 5 lines of 11 pt, 12 to a page. Bound: 3 + claims / 8 +
    sources / 12, rounded up (13 pages for the bundled 78 claims and 21 sources, which print on
    13).
    """
    return 3 + math.ceil(len(data.claims) / 8) + math.ceil(len(data.sources) / 12)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_handout_prints_as_a_teacher_hands_it_out(watched_page, page_file, data, fmt):
    open_offline(watched_page, page_file)
    pdf = print_pdf(watched_page, fmt, "handout")
    pages = page_texts(pdf)
    # No heading is the last line of a page: each keeps the start of what it heads.
    for k, lines in enumerate(pages):
        for heading in [*headings("en"), t("export.card", "en")]:
            assert lines[-1] != heading, f"page {k + 1} ends on its heading {heading!r}"
    # Page 1: the title, the filters in force, what the statuses mean.
    assert any(t("export.active_none", "en") in line for line in pages[0])
    assert page_with(pages, t("export.legend", "en")) == 0
    # The timeline on one page: its heading, its title, its years and its axis title.
    timeline = page_with(pages, t("timeline.title", "en"))
    assert page_with(pages, t("export.timeline", "en")) == timeline
    assert any(axis_title("en") in line for line in pages[timeline])
    years = set(re.findall(r"\b20\d\d\b", " ".join(pages[timeline])))
    assert {"2022", "2023", "2024"} <= years, years
    # The network under its heading.
    network = page_with(pages, t("network.title", "en").split(":")[0])
    assert page_with(pages, t("export.network", "en")) == network
    assert 5 <= len(pages) <= page_bound(data), f"{len(pages)} pages, bound {page_bound(data)}"
    assert watched_page.errors == []


def test_the_filters_in_force_head_the_handout_in_french(watched_page, page_file, data):
    page = watched_page.page
    open_offline(watched_page, page_file)
    page.click("button.lang[data-lang=fr]")
    page.wait_for_selector("html[data-lang=fr]")
    page.click("button[data-none=actor]")
    page.check("input[name=actor][value=putin]")
    page.select_option("#known-on", "2022-10")
    page.evaluate("() => window.explainerPage.update()")
    pdf = print_pdf(watched_page, "A4", "handout-fr-putin")
    pages = page_texts(pdf)
    first = " ".join(pages[0])
    assert "Acteurs : Vladimir Poutine" in first
    assert "connu à la fin de oct. 2022" in first
    shown = ex.filter_claims(data.claims, actors=["putin"], known_on="2022-10")
    assert f"{len(shown)} affirmation" in first
    for k, lines in enumerate(pages):
        for heading in headings("fr"):
            assert lines[-1] != heading, f"page {k + 1} ends on its heading {heading!r}"
    timeline = page_with(pages, t("timeline.title", "fr"))
    assert any(axis_title("fr") in line for line in pages[timeline])
    # Fewer claims, fewer pages: the table holds only those shown.
    assert len(pages) < page_bound(data) - 3
    assert watched_page.errors == []


def test_the_five_statuses_differ_without_colour(watched_page, page_file, data):
    """In black and white a status is told by its mark's shape and fill on the timeline, and by
    its bar's style in the table and the legend (checked on the page as printed)."""
    fig = TimelineModel(data).figure(lang="en")
    symbols = {
        tr.uid.removeprefix("timeline-points-"): tr.marker.symbol
        for tr in fig.data
        if tr.uid.startswith("timeline-points-")
    }
    assert set(symbols) == set(STATUS_ORDER)
    assert len(set(symbols.values())) == len(STATUS_ORDER), symbols
    page = watched_page.page
    open_offline(watched_page, page_file)
    page.emulate_media(media="print")
    bars = page.evaluate(
        """(statuses) => statuses.map((s) => {
             const dt = document.querySelector('.legend dt.status-' + s);
             const style = getComputedStyle(dt);
             return [style.borderLeftStyle, style.borderLeftWidth];
           })""",
        list(STATUS_ORDER),
    )
    named = dict(zip(STATUS_ORDER, map(tuple, bars), strict=True))
    assert len(set(named.values())) == len(STATUS_ORDER), named
    assert watched_page.errors == []
