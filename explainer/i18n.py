"""Every interface string, in English and French, in one catalogue.

``t(key, lang, **values)`` looks a string up and fills its ``{placeholders}``. Data text (summaries,
quotes, names) is not here: it comes from the dataset, in both languages.
"""

from __future__ import annotations

__all__ = ["LANGS", "STATUS_ORDER", "KIND_ORDER", "t"]

LANGS = ("en", "fr")

# Firmest first: the order of legends, controls and tables.
STATUS_ORDER = ("established", "stated", "reported", "accused", "commentary")
KIND_ORDER = ("contact", "influence", "action", "stance", "denial", "assessment")

CATALOGUE: dict[str, dict[str, str]] = {
    # Statuses: a short name, and one sentence that says how we know.
    "status.established": {"en": "established", "fr": "établi"},
    "status.stated": {"en": "stated", "fr": "déclaré"},
    "status.reported": {"en": "reported", "fr": "rapporté"},
    "status.accused": {"en": "accused", "fr": "accusation"},
    "status.commentary": {"en": "commentary", "fr": "commentaire"},
    "status_long.established": {
        "en": "on the public record: anyone can check it (a post, a deployment, an endorsement)",
        "fr": "dans les faits publics : chacun peut le vérifier (un message, un déploiement, un soutien)",
    },
    "status_long.stated": {
        "en": "a named person's own public statement, not checked",
        "fr": "une déclaration publique d'une personne nommée, non vérifiée",
    },
    "status_long.reported": {
        "en": "reported by a news outlet from unnamed sources (in French, the conditional mood)",
        "fr": "rapporté par un média d'après des sources anonymes (au conditionnel en français)",
    },
    "status_long.accused": {
        "en": "an accusation made by others, not proven",
        "fr": "une accusation portée par d'autres, non prouvée",
    },
    "status_long.commentary": {
        "en": "the journalist's own analysis or opinion",
        "fr": "l'analyse ou l'opinion du journaliste",
    },
    # Kinds.
    "kind.contact": {"en": "contact", "fr": "contact"},
    "kind.influence": {"en": "influence", "fr": "influence"},
    "kind.action": {"en": "action", "fr": "action"},
    "kind.stance": {"en": "stance", "fr": "position"},
    "kind.denial": {"en": "denial", "fr": "démenti"},
    "kind.assessment": {"en": "assessment", "fr": "évaluation"},
    # Layers.
    "layer.article": {"en": "the article", "fr": "l'article"},
    "layer.context": {"en": "public record (context)", "fr": "faits publics (contexte)"},
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The string ``key`` in ``lang`` (``"en"`` or ``"fr"``), with ``{placeholders}`` filled.

    Raises
    ------
    KeyError
        For an unknown key, so that a missing translation fails loudly in tests.
    """
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
