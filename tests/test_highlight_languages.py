"""``ex.highlight``: the text's language and the interface language are two settings (issue 12 §5).

The legend's words come from the catalogue (``highlight.*`` in :mod:`explainer.i18n`), in both
languages; the text is read in its own language whatever the legend's.
"""

from __future__ import annotations

import re

import pytest

from explainer.draft import highlight
from explainer.draft.highlight import STYLES
from explainer.i18n import CATALOGUE, t
from tests.test_draft import nlp_fr  # noqa: F401  (the French pipeline, loaded once)

LEGEND_KEYS = [*STYLES, "actor", "date", "title", "hover"]

FRENCH = (
    "Selon le WSJ, Elon Musk serait proche de Vladimir Poutine.\n"
    "Elon Musk est accusé de propagande.\nElon Musk dément."
)


def test_the_legend_strings_are_in_the_catalogue_in_both_languages():
    for key in [*LEGEND_KEYS, "paragraph", "none", "new"]:
        entry = CATALOGUE[f"highlight.{key}"]
        assert entry["en"] and entry["fr"] and entry["en"] != entry["fr"], key


def test_a_french_text_with_an_english_legend(nlp_fr):  # noqa: F811
    view = highlight(FRENCH, lang="fr", ui_lang="en").html
    for key in LEGEND_KEYS:
        assert t(f"highlight.{key}", "en") in view.replace("&#x27;", "'"), key
        assert t(f"highlight.{key}", "fr") not in view, key
    # Read as French all the same: the conditional, the accusation and the denial are marked.
    for style in ("dotted", "wavy", "double"):
        assert f"text-decoration-style:{style}" in view
    # The interface in English, the text marked as French; hover titles in English.
    assert view.startswith('<div class="explainer-highlight" lang="en">')
    assert '<div lang="fr">' in view
    assert 'title="paragraph 1"' in view
    titles = re.findall(r'title="([^"]*)"', view)
    assert any(title.startswith(t("status.accused", "en")) for title in titles), titles


def test_an_english_text_with_a_french_legend():
    view = highlight("Musk reportedly denies it.", lang="en", ui_lang="fr").html
    assert t("highlight.reported", "fr") in view and t("highlight.denial", "fr") in view
    assert "dotted underline" not in view
    assert 'title="paragraphe 1"' in view and '<div lang="en">' in view


def test_by_default_the_legend_follows_the_text(nlp_fr):  # noqa: F811
    assert t("highlight.title", "fr") in highlight(FRENCH, lang="fr").html
    english = highlight("Musk reportedly denies it.", lang="en").html
    assert t("highlight.title", "en") in english.replace("&#x27;", "'")
    assert '<div lang="en">' not in english  # one language: no inner wrapper


def test_an_unknown_interface_language_is_refused():
    with pytest.raises(ValueError, match="ui_lang must be one of en, fr, not 'de'"):
        highlight("Musk said it.", lang="en", ui_lang="de")
