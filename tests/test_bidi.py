"""Bidirectional controls (U+202A-U+202E, U+2066-U+2069): the validator warns, and every view
isolates each piece of user text so that one field can never reorder another.

The property behind "isolated": in what a view produces, every control sits inside an isolate
of ours (``<bdi>`` in HTML, FSI ... PDI in plain text) whose content is balanced, so that at the
end of each field nothing is left open and nothing outside was closed.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_data import ACTORS, CLAIMS, SOURCES, write_dataset

from explainer import load_dataset, validate
from explainer.bidi import BIDI_CONTROLS, balance, bdi, isolate
from explainer.card import TableRows, card_html
from explainer.export import render_html
from explainer.figures.timeline import TimelineModel

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"
OPENERS = {"\u202a": "e", "\u202b": "e", "\u202d": "e", "\u202e": "e"}
OPENERS |= {"\u2066": "i", "\u2067": "i", "\u2068": "i"}


def balanced(text: str) -> bool:
    """Every closer closes an opener of its sort, and nothing is left open."""
    stack: list[str] = []
    for ch in text:
        if ch in OPENERS:
            stack.append(OPENERS[ch])
        elif ch == PDF:
            if not stack or stack[-1] != "e":
                return False
            stack.pop()
        elif ch == PDI:
            if "i" not in stack:
                return False
            while stack.pop() != "i":
                pass
    return not stack


def html_is_contained(page: str) -> None:
    """Each control of ``page`` is in a <bdi> (or a plain-text isolate) whose text is balanced."""
    for inner in re.findall(r"<bdi>(.*?)</bdi>", page, flags=re.S):
        text = re.sub(r"<[^>]*>", "", inner)
        assert balanced(text), repr(text)
    outside = re.sub(r"<bdi>.*?</bdi>", "", page, flags=re.S)
    plain_is_contained(outside)


def plain_is_contained(text: str) -> None:
    """Outside our isolates, no control at all; inside, balanced."""
    outside, k = [], 0
    while True:
        begin = text.find(FSI, k)
        if begin < 0:
            outside.append(text[k:])
            break
        outside.append(text[k:begin])
        # the PDI that closes this FSI: the first one after which the isolate is balanced
        end = next(
            (e for e in range(begin + 1, len(text))
             if text[e] == PDI and balanced(text[begin : e + 1])),
            None,
        )  # fmt: skip
        assert end is not None, f"an isolate is never closed: {text[begin : begin + 80]!r}"
        k = end + 1
    for part in outside:
        assert not re.search(f"[{BIDI_CONTROLS}]", part), repr(part[:200])


TEXT = st.text(alphabet=st.sampled_from(list(BIDI_CONTROLS) + list("ab ש.1")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_balance_always_balances_and_keeps_the_letters(text):
    out = balance(text)
    assert balanced(out)
    strip = f"[{BIDI_CONTROLS}]"
    assert re.sub(strip, "", out) == re.sub(strip, "", text)
    assert balance(out) == out  # idempotent
    kept = balance(text, keep_offsets=True)
    assert len(kept) >= len(text) and balanced(kept.replace("\u200b", ""))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_isolated_fields_side_by_side_never_leak(fields):
    joined = " · ".join(isolate(f) for f in fields)
    plain_is_contained(joined)
    html_is_contained(" · ".join(bdi(f) for f in fields))


def test_plain_text_is_left_alone():
    assert isolate("Elon Musk") == "Elon Musk"
    assert bdi("<b>Musk</b>") == "&lt;b&gt;Musk&lt;/b&gt;"
    assert isolate("Musk is \u202eton\u202c a liar") == f"{FSI}Musk is {RLO}ton{PDF} a liar{PDI}"
    assert bdi("open \u202e") == f"<bdi>open {RLO}{PDF}</bdi>"
    assert isolate("محمد") == f"{FSI}محمد{PDI}"


# --------------------------------------------------------------------------------------------------
# The dataset: a summary that reads as its opposite, an override left open, a stray closer


HOSTILE_NAME = "Evil \u202e Corp"  # left open: would reverse whatever follows
HOSTILE_SUMMARY = "Musk is \u202eton\u202c a liar \u2069\u202e"  # a stray PDI, then open


@pytest.fixture
def bidi_data(tmp_path):
    actors = [*ACTORS, ("evil", HOSTILE_NAME, HOSTILE_NAME, "", "", "organisation")]
    sources = [*SOURCES, ("evil-src", "Out\u202elet", "Ti\u2067tle", "", "2024", "en", "")]
    claims = [
        *CLAIMS,
        ("c-bidi", "2023-05-02", "2023-05-02", "evil", "musk", "", "influence", "reported",
         HOSTILE_SUMMARY, HOSTILE_SUMMARY, "quo\u202dte", "evil-src", None, "", "context"),
    ]  # fmt: skip
    return write_dataset(tmp_path / "bidi", actors=actors, sources=sources, claims=claims)


def test_validate_warns_at_each_cell(bidi_data):
    problems = [p for p in validate(bidi_data) if "bidirectional" in p.message]
    where = {(p.file, p.line, p.column) for p in problems}
    assert ("actors.csv", 9, "name") in where and ("actors.csv", 9, "name_fr") in where
    assert ("claims.csv", 15, "summary_en") in where and ("claims.csv", 15, "quote") in where
    assert ("sources.csv", 4, "outlet") in where and ("sources.csv", 4, "title") in where
    assert all(p.severity == "warning" for p in problems)
    summary = next(p for p in problems if p.column == "summary_en")
    assert "U+202E" in summary.message and "U+2069" in summary.message
    assert "Delete them" in summary.hint
    assert not [p for p in validate(bidi_data) if p.severity == "error"]


def test_every_view_isolates_every_field(bidi_data):
    data = load_dataset(bidi_data)
    for lang in ("en", "fr"):
        html_is_contained(card_html(data, "c-bidi", lang))
        html_is_contained(card_html(data, "c-contact", lang))  # the card that lists denials
        rows = TableRows(data)
        html_is_contained(rows.table(np.arange(len(data.claims)), lang))
        hover = TimelineModel(data).hover(lang)
        for text in hover:
            plain_is_contained(str(text))
    page = render_html(data)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)
    html_is_contained(re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S))
    # the page's data (hover texts, names) is plain text for plotly: isolated with FSI ... PDI
    strings = list(_strings(json.loads(scripts[-2])))
    assert any(RLO in text for text in strings)
    for text in strings:
        plain_is_contained(text)


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_the_article_highlight_isolates_each_paragraph():
    from explainer.draft import highlight

    view = highlight(
        "Elon Musk aurait parlé \u202eà Poutine.\n\nLe Kremlin dément \u2069 tout.", "fr",
        actors=None,
    ).html  # fmt: skip
    html_is_contained(view)
    assert view.count("<bdi>") == 1  # the paragraph left open; the stray closer is neutralised
    assert PDI not in view and "</span> \u200b tout." in view
