"""One phrase for a claim's status everywhere: the figure's key, the controls, the card, the table,
the offline page and the description all say who vouches for a claim (issue 11)."""

import pytest

from explainer.i18n import t

KEYS = ("ui.statuses", "ui.table.status", "ui.card.status", "export.statuses", "export.col.status")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_status_heading_is_the_keys_phrase(lang: str) -> None:
    phrase = t("legend.status", lang)
    assert {t(key, lang) for key in KEYS} == {phrase}
    # Sentences that use it start with it or end with it, in lower case after the first word.
    assert t("describe.statuses", lang, counts="x").startswith(phrase.replace(" it", " them"))
    assert t("timeline.title", lang).endswith(phrase[0].lower() + phrase[1:])
    assert t("export.active_statuses", lang, v="x").startswith(phrase[0].lower() + phrase[1:])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_old_phrase_is_gone(lang: str) -> None:
    from explainer.i18n import CATALOGUE

    old = {"en": "how we know", "fr": "comment on le sait"}[lang]
    left = [k for k, v in CATALOGUE.items() if old in v[lang].lower() and k != "ui.reveal"]
    assert left == []
