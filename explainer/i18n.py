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
    # The one-file offline page (explainer/export.py).
    "export.title": {"en": "The claims of the article", "fr": "Les affirmations de l'article"},
    "export.attribution_before": {"en": "Based on the article by", "fr": "D'après l'article de"},
    "export.attribution_after": {
        "en": "The summaries are ours (CC BY 4.0); quotes remain their authors'. "
        "Every claim gives its source and paragraph.",
        "fr": "Les résumés sont les nôtres (CC BY 4.0) ; les citations restent à leurs auteurs. "
        "Chaque affirmation renvoie à sa source et à son paragraphe.",
    },
    "export.offline_note": {
        "en": "This page works offline: it loads nothing from the network.",
        "fr": "Cette page fonctionne hors ligne : elle ne charge rien depuis le réseau.",
    },
    "export.filters": {"en": "Filter the claims", "fr": "Filtrer les affirmations"},
    "export.actors": {"en": "Actors", "fr": "Acteurs"},
    "export.statuses": {"en": "How we know it", "fr": "Comment on le sait"},
    "export.all": {"en": "all", "fr": "tous"},
    "export.none": {"en": "none", "fr": "aucun"},
    "export.reset": {"en": "Reset", "fr": "Réinitialiser"},
    "export.print": {"en": "Print", "fr": "Imprimer"},
    "export.count": {
        "en": "{shown} of {total} claims shown",
        "fr": "{shown} affirmations affichées sur {total}",
    },
    "export.count_unnamed.one": {
        "en": "{n} rests on unnamed sources",
        "fr": "{n} repose sur des sources anonymes",
    },
    "export.count_unnamed.other": {
        "en": "{n} rest on unnamed sources",
        "fr": "{n} reposent sur des sources anonymes",
    },
    "export.empty": {
        "en": "No claim matches these filters: tick at least one actor and one status, or press Reset.",
        "fr": "Aucune affirmation ne correspond à ces filtres : cochez au moins un acteur et un statut, "
        "ou appuyez sur Réinitialiser.",
    },
    "export.timeline": {"en": "Timeline", "fr": "Chronologie"},
    "export.network": {"en": "Who is linked to whom", "fr": "Qui est lié à qui"},
    "export.legend": {"en": "How solid is each claim?", "fr": "Quelle est la solidité de chaque affirmation ?"},
    "export.legend_intro": {
        "en": "Each claim has a status that says how we know it, from the firmest to the opinion:",
        "fr": "Chaque affirmation a un statut qui dit comment on le sait, du plus solide à l'opinion :",
    },
    "export.n_claims.one": {"en": "({n} claim)", "fr": "({n} affirmation)"},
    "export.n_claims.other": {"en": "({n} claims)", "fr": "({n} affirmations)"},
    "export.table": {"en": "Every claim", "fr": "Toutes les affirmations"},
    "export.col.date": {"en": "When", "fr": "Quand"},
    "export.col.who": {"en": "Who → whom", "fr": "Qui → qui"},
    "export.col.kind": {"en": "Kind", "fr": "Type"},
    "export.col.status": {"en": "How we know it", "fr": "Comment on le sait"},
    "export.col.claim": {"en": "Claim", "fr": "Affirmation"},
    "export.col.source": {"en": "Source", "fr": "Source"},
    "export.public_since": {"en": "made public:", "fr": "rendu public :"},
    "export.involves": {"en": "involves:", "fr": "concerne :"},
    "export.answers": {"en": "answers claim", "fr": "répond à l'affirmation"},
    "export.paragraph": {"en": "paragraph {n}", "fr": "paragraphe {n}"},
    "export.sources": {"en": "Sources", "fr": "Sources"},
    "export.footer": {
        "en": "Made with the explainer package. A claim here never says more than its source.",
        "fr": "Réalisé avec le paquet explainer. Une affirmation ne dit jamais plus que sa source.",
    },
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
