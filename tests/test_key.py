"""The timeline's keys as HTML (explainer/figures/key.py) and the figure without legends.

The interactive views (the Explorer, the offline page) draw the keys once, as HTML beside the plot,
and their figure carries no legend and no legend trace: plotly.js redrew its legends at every
replot (issue 17). The static figures keep their plotly legends. The key reads as who vouches for a
claim, lists every status even when none is shown, in both languages, and its marks are made from
the same styles as the plot's, so that the two cannot drift apart.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from explainer.export import render_html
from explainer.figures import influence_timeline
from explainer.figures.key import date_mark_svg, key_html, status_mark_svg
from explainer.figures.style import STATUS_STYLES, status_words
from explainer.figures.timeline import LEGEND_TRACES, TimelineModel
from explainer.figures.traces import LEGEND_KEYS
from explainer.i18n import CATALOGUE, LANGS, STATUS_ORDER, t
from explainer.widgets.explorer import Explorer
from explainer.widgets.story import Story

LEGEND_UID = re.compile(r"^timeline-(status|legend)-")


def entries(key: str, attr: str) -> dict[str, str]:
    """``{status or key: the entry's text}`` of a key's list items, tags taken away."""
    items = re.findall(rf'<li data-{attr}="([^"]+)">(.*?)</li>', key)
    return {name: html.unescape(re.sub(r"<svg.*?</svg>|<[^>]+>", "", body)) for name, body in items}


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_lists_every_status_as_sourcing_in_words(lang):
    key = key_html(lang)
    titles = [html.unescape(x) for x in re.findall(r'<p class="key-title">(.*?)</p>', key)]
    assert titles == [t("legend.status", lang), t("legend.read", lang)]
    statuses = entries(key, "status")
    assert list(statuses) == list(STATUS_ORDER)  # every status, in the controls' order
    for status, text in statuses.items():
        head = t("colon", lang, label=status_words(status, lang), text="").rstrip()
        assert text == f"{head} {t(f'status_gloss.{status}', lang)}"
    dates = entries(key, "key")
    assert dates == {k: t(f"legend.{k}", lang) for k in LEGEND_KEYS}


def test_the_grouped_key_says_what_a_marks_size_is():
    dates = entries(key_html("en", grouped=True), "key")
    bins = t("legend.bins", "en")
    assert dates == {"bins": bins[:1].upper() + bins[1:]}


def test_the_keys_marks_are_the_plots_styles():
    for status in STATUS_ORDER:
        style, svg = STATUS_STYLES[status], status_mark_svg(status)
        assert style.colour in svg and 'aria-hidden="true"' in svg
        # Only the public record is a solid mark; every other status an outline.
        assert (f'fill="{style.colour}"' in svg.split("<circle cx")[0]) == style.filled
        assert ('r="1.6"' in svg) == style.symbol.endswith("-dot")
    assert len({status_mark_svg(s) for s in STATUS_ORDER}) == len(STATUS_ORDER)
    for key in LEGEND_KEYS:
        svg, line = date_mark_svg(key), LEGEND_TRACES[key]["line"]
        assert f'stroke-width="{line["width"]:g}"' in svg
        assert ("stroke-dasharray" in svg) == (line.get("dash", "solid") != "solid")
        assert f'opacity="{LEGEND_TRACES[key].get("opacity", 1)}"' in svg


def test_the_keys_words_are_escaped(monkeypatch):
    monkeypatch.setitem(CATALOGUE["status_gloss.reported"], "en", "<img src=x onerror=alert(1)>")
    key = key_html("en")
    assert "<img" not in key and "&lt;img src=x onerror=alert(1)&gt;" in key


def test_the_keyless_figure_has_no_legend_and_the_static_one_keeps_both(small_data):
    static = influence_timeline(small_data)
    legends = [tr.uid for tr in static.data if LEGEND_UID.match(tr.uid)]
    assert len(legends) == len(STATUS_ORDER) + len(LEGEND_KEYS)
    assert all(tr.showlegend for tr in static.data if LEGEND_UID.match(tr.uid))
    assert static.layout.legend.title.text and static.layout.legend2.title.text
    keyless = influence_timeline(small_data, key="none")
    assert not [tr.uid for tr in keyless.data if LEGEND_UID.match(tr.uid)]
    assert not any(tr.showlegend for tr in keyless.data)
    assert keyless.layout.showlegend is False
    plain = keyless.to_plotly_json()["layout"]
    assert "legend" not in plain and "legend2" not in plain
    # The same marks otherwise, in the same order.
    assert [tr.uid for tr in keyless.data] == [
        tr.uid for tr in static.data if not LEGEND_UID.match(tr.uid)
    ]
    # No room kept for the legends: the plot has it.
    assert keyless.layout.margin.r < static.layout.margin.r
    assert keyless.layout.margin.b < static.layout.margin.b
    with pytest.raises(ValueError, match="key"):
        influence_timeline(small_data, key="html")


def test_a_narrow_keyless_figure_moves_its_names_only(small_data):
    model = TimelineModel(small_data, key="none")
    narrow, wide = model.narrow_layout(), model.wide_layout()
    assert narrow and set(narrow) == set(wide)
    assert not [path for path in narrow if path.startswith("legend")]
    assert "margin.b" not in narrow and "height" not in narrow  # nothing goes under the plot
    assert TimelineModel(small_data).narrow_layout() == {}  # a static figure is drawn as made


def test_the_story_keeps_its_plotly_legends(small_data):
    story = Story(small_data)
    assert [tr for tr in story.figure.data if tr.showlegend]
    assert story.figure.layout.legend.title.text


def test_the_explorer_shows_the_key_with_every_status_in_both_languages(small_data):
    app = Explorer(small_data)
    assert not any(tr.showlegend for tr in app.figure.data)
    assert "explainer-key" in app.key._dom_classes
    cuts = bool(app._timeline.breaks)
    assert app.key.value == key_html("en", cuts=cuts)
    # Every status, even those no claim shown has.
    app.filter(statuses=["reported"])
    assert list(entries(app.key.value, "status")) == list(STATUS_ORDER)
    app.set_language("fr")
    assert app.key.value == key_html("fr", cuts=cuts)
    assert t("legend.status", "fr") in html.unescape(app.key.value)
    app.set_language("en")
    assert app.key.value == key_html("en", cuts=cuts)


def test_the_explorer_key_sits_beside_the_figure(small_data):
    app = Explorer(small_data)
    rows = [w for w in _walk(app) if "explainer-plot-row" in getattr(w, "_dom_classes", ())]
    assert len(rows) == 1 and list(rows[0].children) == [app.figure, app.key]


def _walk(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def test_the_offline_page_shows_the_key_in_both_languages(small_data):
    page = render_html(small_data)
    for lang in LANGS:
        block = re.search(
            rf'<div class="l-{lang}">(<div class="timeline-key".*?</ul></div></div>)', page
        )
        assert block, f"no {lang} key in the page"
        assert list(entries(block.group(1), "status")) == list(STATUS_ORDER)
    # Its timeline has no legend trace, and says so to plotly.js.
    data = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', page)
    figures = json.loads(data.group(1))["figures"]
    for lang in LANGS:
        block = re.search(
            rf'<div class="l-{lang}">(<div class="timeline-key".*?</ul></div></div>)', page
        )
        cuts = bool(figures[lang]["timeline"]["axis"]["breaks"])
        assert block.group(1) == key_html(lang, cuts=cuts)
    for lang in LANGS:
        timeline = figures[lang]["timeline"]
        assert not [tr for tr in timeline["data"] if LEGEND_UID.match(tr.get("uid", ""))]
        assert timeline["layout"]["showlegend"] is False
    assert (
        '<div class="plot-row"><div id="timeline" class="plot"></div><div class="plot-key">' in page
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_says_what_an_axis_cut_is_when_the_axis_has_cuts(bundled_data, lang):
    """A narrow timeline hides its cut labels (they crossed the lane names inside the plot): the
    key names the cut's dotted line instead, in the views whose axis has cuts."""
    assert 'data-key="cut"' not in key_html(lang)
    key = key_html(lang, cuts=True)
    assert list(entries(key, "key"))[-1] == "cut"
    assert html.escape(t("legend.cut", lang), quote=False) in key
    assert 'stroke-dasharray="3,3"' in key  # dotted, as TimelineModel.cuts draws it
    app = Explorer(bundled_data, lang=lang)
    assert app._timeline.breaks and 'data-key="cut"' in app.key.value
