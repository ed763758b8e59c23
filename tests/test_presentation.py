"""How a claim is said comes from one place (explainer.presentation): change it there, and the
hover, the card, the table, the Explorer's claim picker and the offline page all change."""

from __future__ import annotations

import numpy as np
import pytest

import explainer.presentation as presentation
from explainer.card import TableRows, card_html
from explainer.export import render_html
from explainer.figures.timeline import TimelineModel
from explainer.i18n import CATALOGUE
from explainer.presentation import (
    claim_who,
    kind_label,
    paragraph_words,
    source_paragraph,
    status_label,
    who_whom,
)

CLAIM = "c-talk-2021"  # Musk → Putin, numerama, paragraph 5


def surfaces(data, lang: str = "en") -> dict[str, str]:
    """Every place a claim is shown, freshly built (nothing cached from an earlier wording)."""
    from explainer import Explorer

    row = int(np.flatnonzero(data.claims["id"].to_numpy() == CLAIM)[0])
    app = Explorer(data, lang=lang)
    return {
        "hover": str(TimelineModel(data).hover(lang, np.array([row]))[0]),
        "card": card_html(data, CLAIM, lang),
        "table": TableRows(data).row(row, lang),
        "picker": app._picker_label(row, lang),
        "page": render_html(data),
    }


def test_the_functions_say_it_as_the_interface_does(small_data):
    assert who_whom("A", "B") == "A → B" and who_whom("A") == "A"
    assert claim_who(small_data, "musk", "putin", "fr") == "Elon Musk → Vladimir Poutine"
    assert claim_who(small_data, "musk", "", "en", name=str.upper) == "ELON MUSK"
    assert source_paragraph("Numerama", 5, "fr") == "Numerama, paragraphe 5"
    assert source_paragraph("Numerama", float("nan"), "en") == "Numerama"
    assert paragraph_words(None) == ""
    assert status_label("reported") == "reported"
    assert "unnamed" in status_label("reported", long=True)
    assert kind_label("denial", "fr") != kind_label("denial", "en")


def test_who_to_whom_is_written_in_one_place(small_data, monkeypatch):
    before = surfaces(small_data)
    assert all("Elon Musk → Vladimir Putin" in text for text in before.values()), before.keys()
    monkeypatch.setattr(presentation, "ARROW", " ⇒ ")
    after = surfaces(small_data)
    missed = [name for name, text in after.items() if "Elon Musk ⇒ Vladimir Putin" not in text]
    assert not missed, f"these build 'who → whom' themselves: {missed}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_source_and_paragraph_is_one_catalogue_key(small_data, monkeypatch, lang):
    keys = [k for k, v in CATALOGUE.items() if "{n}" in v["en"] and "paragraph" in v["en"]]
    assert keys == ["claim.paragraph"]
    monkeypatch.setitem(CATALOGUE, "claim.paragraph", {"en": "§{n}§", "fr": "§{n}§"})
    shown = surfaces(small_data, lang)
    for name in ("hover", "card", "table"):
        assert ", §5§" in shown[name], name  # after the outlet (or its link, or its title)
    assert f'<span class="l-{lang}" lang="{lang}">§5§</span>' in shown["page"]
