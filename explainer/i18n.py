"""Every interface string, in English and French, in one catalogue.

``t(key, lang, **values)`` looks a string up and fills its ``{placeholders}``. Data text (summaries,
quotes, names) is not here: it comes from the dataset, in both languages.

(Over 500 lines because it is data: every string in two languages; the code is the last few lines.)
"""

from __future__ import annotations

__all__ = ["KIND_ORDER", "LANGS", "STATUS_ORDER", "t", "tn"]

LANGS = ("en", "fr")

# The order of legends, controls and tables: from the public record, through who else vouches for
# a claim (a named person, a relayed report, accusers), to the author's own voice. It is an order
# of *where a claim comes from*, never a scale of how true it is.
STATUS_ORDER = ("established", "stated", "reported", "accused", "commentary")
KIND_ORDER = ("contact", "influence", "action", "stance", "denial", "assessment")

CATALOGUE: dict[str, dict[str, str]] = {
    # Explorer.shown(...) folded in a page: which filter the line is for (the criteria as code).
    "explorer.shown": {
        "en": "By script, {criteria}: {summary}",
        "fr": "Par script, {criteria} : {summary}",
    },
    "explorer.show_network": {
        "en": "Show the network: who is linked to whom",
        "fr": "Afficher le réseau : qui est lié à qui",
    },
    # Statuses (lesson block): a short name, and one sentence that says where the claim comes
    # from, who vouches for it. Never a truth scale: reported is not false, established is not
    # the whole story, and a stated claim is established only as words someone said.
    "status.established": {"en": "established", "fr": "établi"},
    "status.stated": {"en": "stated", "fr": "déclaré"},
    "status.reported": {"en": "reported", "fr": "rapporté"},
    "status.accused": {"en": "accused", "fr": "accusation"},
    "status.commentary": {"en": "commentary", "fr": "commentaire"},
    "status_long.established": {
        "en": "on the public record: anyone can check that it happened (a post, a deployment, an "
        "endorsement); it is not the whole story",
        "fr": "dans les faits publics : chacun peut vérifier que c'est arrivé (un message, un "
        "déploiement, un soutien) ; ce n'est pas toute l'histoire",
    },
    "status_long.stated": {
        "en": "a named person's own public words: it is established that they said it, not that "
        "what they said is true",
        "fr": "les propres mots publics d'une personne nommée : il est établi qu'elle l'a dit, "
        "pas que ce qu'elle dit est vrai",
    },
    "status_long.reported": {
        "en": "relayed from a news report resting on unnamed sources, not checked by the article "
        "itself (in French, the conditional mood); reported does not mean false",
        "fr": "relayé d'une enquête de presse reposant sur des sources anonymes, sans "
        "vérification par l'article lui-même (au conditionnel) ; rapporté ne veut pas dire faux",
    },
    "status_long.accused": {
        "en": "an accusation made by others, not proven; the article may not say who accuses",
        "fr": "une accusation portée par d'autres, non prouvée ; l'article ne dit pas toujours "
        "qui accuse",
    },
    "status_long.commentary": {
        "en": "the author's voice: opinion or unsourced assertion",
        "fr": "la voix de l'auteur : opinion ou affirmation sans source",
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
    # "label: text", with French spacing before the colon.
    "colon": {"en": "{label}: {text}", "fr": "{label} : {text}"},
    # Counting claims ("one" and "other" forms; French uses the singular for 0 and 1).
    "n_claims.one": {"en": "{n} claim", "fr": "{n} affirmation"},
    "n_claims.other": {"en": "{n} claims", "fr": "{n} affirmations"},
    "n_actors.one": {"en": "{n} actor", "fr": "{n} acteur"},
    "n_actors.other": {"en": "{n} actors", "fr": "{n} acteurs"},
    # Statuses in a few words, for legends (lesson block): who vouches for it.
    "status_gloss.established": {"en": "public record", "fr": "faits publics"},
    "status_gloss.stated": {"en": "a named person's words", "fr": "les mots d'une personne"},
    "status_gloss.reported": {"en": "a relayed report", "fr": "une enquête relayée"},
    "status_gloss.accused": {"en": "others accuse", "fr": "d'autres accusent"},
    "status_gloss.commentary": {"en": "the author's voice", "fr": "la voix de l'auteur"},
    # Dates on axes (space-separated, January first).
    "dates.month_abbr": {
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    },
    "dates.month_names": {
        "en": "January February March April May June July August September October November "
        "December",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre",
    },
    # The timeline (explainer/figures/timeline.py).
    "timeline.title": {
        "en": "Who did what, when, and who vouches for it",
        "fr": "Qui a fait quoi, quand, et qui s'en porte garant",
    },
    "timeline.xaxis": {
        "en": "When it happened (a bar when the source gives only a month, a year or a period)",
        "fr": "Quand (une barre quand la source ne donne qu'un mois, une année ou une période)",
    },
    "timeline.cut": {
        "en": "axis cut: {start}–{end}, no claim",
        "fr": "axe coupé : {start}–{end}, aucune affirmation",
    },
    "legend.status": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
    "legend.read": {"en": "How to read the marks", "fr": "Comment lire les marques"},
    "legend.span": {
        "en": "bar: a month, a year or a period, not a day",
        "fr": "barre : un mois, une année ou une période, pas un jour",
    },
    "legend.open": {
        "en": "▶ “since …”, drawn to the day it became public; ◀ “by …”, start unknown",
        "fr": "▶ « depuis … », jusqu'au jour où c'est devenu public ; "
        "◀ « au plus tard … », début inconnu",
    },
    "legend.approx": {
        "en": "dotted, paler: approximate date",
        "fr": "pointillés, pâle : date approximative",
    },
    "legend.link": {
        "en": "arrow between lanes: influence or contact, toward whom",
        "fr": "flèche entre lignes : influence ou contact, vers qui",
    },
    "legend.denial": {
        "en": "grey dashes: a denial, to the claim it answers",
        "fr": "tirets gris : un démenti, vers ce qu'il dément",
    },
    "legend.cut": {
        "en": "dotted upright line: years without any claim, cut out of the axis",
        "fr": "trait vertical pointillé : années sans affirmation, retirées de l'axe",
    },
    "legend.highlight": {
        "en": "circled: the claim in focus",
        "fr": "cerclé : l'affirmation en cours",
    },
    "legend.bins": {
        "en": "mark size: number of claims that month",
        "fr": "taille : nombre d'affirmations ce mois-là",
    },
    "hover.public": {"en": "made public: {date}", "fr": "rendu public : {date}"},
    "hover.source": {"en": "Source: {source}", "fr": "Source : {source}"},
    "hover.context": {
        "en": "public record, added by us as context",
        "fr": "faits publics, ajoutés par nous comme contexte",
    },
    "hover.answers": {"en": "answers: {summary}", "fr": "répond à : {summary}"},
    "hover.guess": {
        "en": "Who vouches for this claim? Guess, then reveal.",
        "fr": "Qui se porte garant de cette affirmation ? Devinez, puis révélez.",
    },
    "timeline.no_lane": {
        "en": "Without a lane, as they appear only in others' claims: {names}",
        "fr": "Sans ligne, car ils n'apparaissent que dans les affirmations des autres : {names}",
    },
    "hover.bin": {"en": "{claims}, {month}: {actor}", "fr": "{claims}, {month} : {actor}"},
    "empty.none": {
        "en": "No claim matches these filters. Widen the dates, or tick more actors, statuses "
        "or kinds.",
        "fr": "Aucune affirmation ne correspond à ces filtres. Élargissez les dates, ou cochez "
        "plus d'acteurs, de statuts ou de types.",
    },
    "empty.inverted": {
        "en": "The date window ends before it starts, so no claim can match: put the start first.",
        "fr": "La période se termine avant de commencer, aucune affirmation ne peut correspondre : "
        "mettez le début en premier.",
    },
    "empty.outside": {
        "en": "The {n} matching claim(s) have an open date (“by …”, “since …”) that may fall in "
        "this window; they are drawn where their date is known, outside it. See the table below.",
        "fr": "Les {n} affirmation(s) retenue(s) ont une date ouverte (« au plus tard … », "
        "« depuis … ») qui peut tomber dans cette période ; elles sont tracées là où leur date "
        "est connue, "
        "en dehors. Voir le tableau ci-dessous.",
    },
    "empty.no_actor": {
        "en": "No actor is ticked: tick at least one to see claims.",
        "fr": "Aucun acteur n'est coché : cochez-en au moins un pour voir des affirmations.",
    },
    # Plain-language summaries (the text alternative of each figure).
    "summary.of": {"en": "{shown} of {total}", "fr": "{shown} sur {total}"},
    "summary.line": {"en": "{of}; {unnamed}", "fr": "{of} ; {unnamed}"},
    "summary.unnamed.zero": {
        "en": "none rests on unnamed sources",
        "fr": "aucune ne repose sur des sources anonymes",
    },
    "summary.unnamed.one": {
        "en": "{n} rests on unnamed sources",
        "fr": "{n} repose sur des sources anonymes",
    },
    "summary.unnamed.other": {
        "en": "{n} rest on unnamed sources",
        "fr": "{n} reposent sur des sources anonymes",
    },
    "describe.empty": {
        "en": "The timeline is empty: no claim matches.",
        "fr": "La frise est vide : aucune affirmation ne correspond.",
    },
    "describe.timeline": {
        "en": "The timeline shows {claims} involving {actors}, mostly {main}, "
        "dated from {start} to {end}.",
        "fr": "La frise montre {claims} impliquant {actors}, surtout {main}, "
        "datées de {start} à {end}.",
    },
    "describe.statuses": {
        "en": "Who vouches for them: {counts}.",
        "fr": "Qui s'en porte garant : {counts}.",
    },
    "describe.links": {
        "en": "{influence} of influence and {contact} of contact are drawn as arrows; {denials}.",
        "fr": "{influence} d'influence et {contact} de contact sont des flèches ; {denials}.",
    },
    "describe.denials.zero": {"en": "no denial", "fr": "aucun démenti"},
    "describe.denials.one": {"en": "{n} denial", "fr": "{n} démenti"},
    "describe.denials.other": {"en": "{n} denials", "fr": "{n} démentis"},
    "and": {"en": "and", "fr": "et"},
    # The network (explainer/figures/network.py).
    "network.title": {
        "en": "Who is linked to whom: arrows go from the actor to the one the claim is about",
        "fr": "Qui est lié à qui : les flèches vont de l'acteur vers celui que vise l'affirmation",
    },
    "network.edge": {"en": "{source} → {target}: {claims}", "fr": "{source} → {target} : {claims}"},
    "network.node": {"en": "{name}: {claims}", "fr": "{name} : {claims}"},
    "network.width": {"en": "thicker: more claims", "fr": "plus épais : plus d'affirmations"},
    "network.style": {
        "en": "line: the one of their statuses listed first; hover to see them all",
        "fr": "trait : celui de leurs statuts listé en premier ; survolez pour les voir tous",
    },
    "network.limit": {
        "en": "Only the {drawn} busiest of {linked} links are drawn: filter to see the others.",
        "fr": "Seuls les {drawn} liens les plus chargés sur {linked} sont tracés : filtrez pour "
        "voir les autres.",
    },
    "network.empty": {
        "en": "No claim links two actors in this selection.",
        "fr": "Aucune affirmation ne relie deux acteurs dans cette sélection.",
    },
    # The timeline's "Known by" line and the network's drawing state (issue 11, the screen).
    "timeline.known": {
        "en": "Known by {date}: what was public then",
        "fr": "Connu au {date} : ce qui était public alors",
    },
    "network.drawing": {
        "en": "Drawing the network… (a few seconds)",
        "fr": "Le réseau se dessine… (quelques secondes)",
    },
    "describe.network": {
        "en": "The network links {actors} by {claims}; the busiest link is {top}.",
        "fr": "Le réseau relie {actors} par {claims} ; le lien le plus chargé est {top}.",
    },
    # The Explorer and the Story (explainer/widgets/).
    "ui.actors": {"en": "Actors", "fr": "Acteurs"},
    "ui.dates": {"en": "Dates", "fr": "Dates"},
    "ui.statuses": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
    "ui.kinds": {"en": "Kind", "fr": "Type"},
    "ui.known_on": {"en": "Known by", "fr": "Connu au"},
    "ui.known_all": {"en": "today (everything)", "fr": "aujourd'hui (tout)"},
    "ui.search": {"en": "Search", "fr": "Chercher"},
    "ui.search_hint": {"en": "a word, a name…", "fr": "un mot, un nom…"},
    "ui.language": {"en": "Language", "fr": "Langue"},
    "ui.reset": {"en": "Reset", "fr": "Réinitialiser"},
    "ui.lang.en": {"en": "English", "fr": "English"},
    "ui.lang.fr": {"en": "Français", "fr": "Français"},
    "ui.window": {"en": "{start} to {end}", "fr": "de {start} à {end}"},
    "ui.known_by": {"en": "known by {date}", "fr": "connu au {date}"},
    "ui.table.when": {"en": "When", "fr": "Quand"},
    "ui.table.who": {"en": "Who → whom", "fr": "Qui → qui"},
    "ui.table.status": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
    "ui.table.kind": {"en": "Kind", "fr": "Type"},
    "ui.table.claim": {"en": "Claim", "fr": "Affirmation"},
    "ui.table.source": {"en": "Source", "fr": "Source"},
    "ui.table.more": {
        "en": "The first {shown} are listed; narrow the filters to see the others.",
        "fr": "Les {shown} premières sont listées ; resserrez les filtres pour voir les autres.",
    },
    "ui.card.empty": {
        "en": "Click a mark on the timeline to see the claim, its quote and its source.",
        "fr": "Cliquez sur une marque de la frise pour voir l'affirmation, sa citation et sa "
        "source.",
    },
    "ui.card.unknown": {
        "en": "No claim has the id {id}.",
        "fr": "Aucune affirmation n'a l'identifiant {id}.",
    },
    "ui.card.quote": {"en": "In the source ({language})", "fr": "Dans la source ({language})"},
    "ui.card.when": {"en": "When", "fr": "Quand"},
    "ui.card.public": {"en": "Made public", "fr": "Rendu public"},
    "ui.card.who": {"en": "Who → whom", "fr": "Qui → qui"},
    "ui.card.involves": {"en": "Also involves", "fr": "Concerne aussi"},
    "ui.card.status": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
    "ui.card.source": {"en": "Source", "fr": "Source"},
    # "source, paragraph N" everywhere (explainer.presentation.source_paragraph).
    "claim.paragraph": {"en": "paragraph {n}", "fr": "paragraphe {n}"},
    "ui.card.open": {"en": "read it", "fr": "la lire"},
    "ui.card.answers": {"en": "This denial answers", "fr": "Ce démenti répond à"},
    "ui.card.denied_by": {"en": "Denied by", "fr": "Démenti par"},
    "ui.card.hidden": {
        "en": "Who vouches for this claim: the public record (established), a named person "
        "(stated), a relayed report (reported), accusers (accused), or the author's voice "
        "(commentary)? Commit to an answer and quote the cue word. Guess, then reveal.",
        "fr": "Qui se porte garant de cette affirmation : les faits publics (établi), une "
        "personne nommée (déclaré), une enquête relayée (rapporté), des accusateurs "
        "(accusation) ou la voix de l'auteur (commentaire) ? Engagez-vous et citez le mot "
        "repère. Devinez, puis révélez.",
    },
    "lang_name.en": {"en": "English", "fr": "anglais"},
    "lang_name.fr": {"en": "French", "fr": "français"},
    "ui.reveal": {"en": "Reveal how we know it", "fr": "Révéler comment on le sait"},
    "ui.previous": {"en": "Previous", "fr": "Précédent"},
    "ui.next": {"en": "Next", "fr": "Suivant"},
    "ui.play": {"en": "Play", "fr": "Lecture"},
    "ui.step": {"en": "Step {i} of {n}", "fr": "Étape {i} sur {n}"},
    "ui.story_empty": {"en": "This story has no step.", "fr": "Ce récit n'a aucune étape."},
    # Issue 11 (controls): the Explorer's controls, named for the keyboard and screen readers.
    "ui.actors_all": {"en": "All", "fr": "Tous"},
    "ui.actors_none": {"en": "None", "fr": "Aucun"},
    "ui.actors_count": {"en": "{n} of {total} ticked", "fr": "{n} cochés sur {total}"},
    "ui.dates_from": {"en": "From", "fr": "Du mois"},
    "ui.dates_to": {"en": "To", "fr": "Au mois"},
    "ui.dates_help": {
        "en": "Arrow keys: one month; Page Up / Page Down: one year.",
        "fr": "Flèches : un mois ; Page précédente / suivante : un an.",
    },
    "ui.known_slider": {"en": "Known by the end of", "fr": "Connu à la fin de"},
    "ui.open_claim": {"en": "Read a claim's card", "fr": "Lire la fiche d'une affirmation"},
    "ui.open_claim_choose": {
        "en": "— choose one of the {n} shown —",
        "fr": "— choisir parmi les {n} affichées —",
    },
    "ui.open_claim_first": {
        "en": "— choose one of the first {shown} of {n} shown —",
        "fr": "— choisir parmi les {shown} premières des {n} affichées —",
    },
    "ui.open_claim_none": {"en": "— no claim shown —", "fr": "— aucune affirmation affichée —"},
    "ui.language_now": {"en": "Language: English", "fr": "Langue : français"},
    "ui.stop": {"en": "Stop", "fr": "Arrêter"},
    "ui.pause": {"en": "Pause", "fr": "Pause"},
    "ui.loop": {"en": "Loop", "fr": "En boucle"},
    "empty.search": {
        "en": "No claim contains any of the words “{text}”: try another word, or clear the "
        "search box.",
        "fr": "Aucune affirmation ne contient l'un des mots « {text} » : essayez un autre mot, "
        "ou videz la case de recherche.",
    },
    # The one-file offline page (explainer/export.py).
    "export.title": {"en": "The claims of the article", "fr": "Les affirmations de l'article"},
    "export.attribution_before": {"en": "Based on the article by", "fr": "D'après l'article de"},
    "export.attribution_after": {
        "en": "The summaries are ours (CC BY 4.0); quotes remain their authors'. "
        "Every claim gives its source and paragraph.",
        "fr": "Les résumés sont les nôtres (CC BY 4.0) ; les citations restent à leurs auteurs. "
        "Chaque affirmation renvoie à sa source et à son paragraphe.",
    },
    # A draft (claims with a 'review' note) exported with --draft says so (explainer/export.py).
    "export.attribution_draft": {
        "en": "This is a DRAFT made by a program: no person has reviewed it yet, summaries may be "
        "missing or wrong, and statuses may be mistaken. Check everything against the source.",
        "fr": "Ceci est un BROUILLON fait par un programme : personne ne l'a encore relu, des "
        "résumés peuvent manquer ou être faux et des statuts erronés. Vérifiez tout à la source.",
    },
    "export.draft_banner": {
        "en": "Draft: {n} claim(s) not reviewed by a person yet.",
        "fr": "Brouillon : {n} affirmation(s) pas encore relue(s) par une personne.",
    },
    "export.draft_row": {"en": "Draft, not reviewed", "fr": "Brouillon, non relu"},
    "export.no_summary": {"en": "(no summary yet)", "fr": "(pas encore de résumé)"},
    "export.offline_note": {
        "en": "This page works offline: it loads nothing from the network.",
        "fr": "Cette page fonctionne hors ligne : elle ne charge rien depuis le réseau.",
    },
    "export.filters": {"en": "Filter the claims", "fr": "Filtrer les affirmations"},
    "export.actors": {"en": "Actors", "fr": "Acteurs"},
    "export.statuses": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
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
        "en": "No claim matches these filters: tick at least one actor and one status, "
        "or press Reset.",
        "fr": "Aucune affirmation ne correspond à ces filtres : cochez au moins un acteur et un "
        "statut, ou appuyez sur Réinitialiser.",
    },
    "export.timeline": {"en": "Timeline", "fr": "Chronologie"},
    "export.network": {"en": "Who is linked to whom", "fr": "Qui est lié à qui"},
    "export.legend": {
        "en": "Where does each claim come from?",
        "fr": "D'où vient chaque affirmation ?",
    },
    "export.legend_intro": {
        "en": "Each claim has a status that says who vouches for it, not how true it is. "
        "Reported does not mean false; established is not the whole story:",
        "fr": "Chaque affirmation a un statut qui dit qui s'en porte garant, pas à quel point "
        "elle est vraie. Rapporté ne veut pas dire faux ; établi n'est pas toute l'histoire :",
    },
    "export.n_claims.one": {"en": "({n} claim)", "fr": "({n} affirmation)"},
    "export.n_claims.other": {"en": "({n} claims)", "fr": "({n} affirmations)"},
    "export.table": {"en": "Every claim", "fr": "Toutes les affirmations"},
    "export.col.date": {"en": "When", "fr": "Quand"},
    "export.col.who": {"en": "Who → whom", "fr": "Qui → qui"},
    "export.col.kind": {"en": "Kind", "fr": "Type"},
    "export.col.status": {"en": "Who vouches for it", "fr": "Qui s'en porte garant"},
    "export.col.claim": {"en": "Claim", "fr": "Affirmation"},
    "export.col.source": {"en": "Source", "fr": "Source"},
    "export.public_since": {"en": "made public:", "fr": "rendu public :"},
    "export.involves": {"en": "involves:", "fr": "concerne :"},
    "export.answers": {"en": "answers claim", "fr": "répond à l'affirmation"},
    "export.sources": {"en": "Sources", "fr": "Sources"},
    "export.footer": {
        "en": "Made with the explainer package. A claim here never says more than its source.",
        "fr": "Réalisé avec le paquet explainer. Une affirmation ne dit jamais plus que sa source.",
    },
    # The offline page as a kernel-free Explorer, French throughout, and its handout (issue 12).
    "export.card": {"en": "The claim you chose", "fr": "L'affirmation choisie"},
    "export.active_none": {
        "en": "Filters: none, every claim is shown.",
        "fr": "Filtres : aucun, toutes les affirmations sont montrées.",
    },
    "export.active_actors": {"en": "actors: {v}", "fr": "acteurs : {v}"},
    "export.active_dates": {"en": "dates: {v}", "fr": "dates : {v}"},
    "export.active_statuses": {
        "en": "who vouches for it: {v}",
        "fr": "qui s'en porte garant : {v}",
    },
    "export.active_kinds": {"en": "kinds: {v}", "fr": "types : {v}"},
    "export.active_known": {"en": "known by the end of {v}", "fr": "connu à la fin de {v}"},
    "export.active_text": {"en": "words: {v}", "fr": "mots : {v}"},
    # ex.highlight's legend (explainer/draft/highlight.py), in the interface language.
    "highlight.title": {
        "en": "Hedges, actors and dates in this text",
        "fr": "Prudences, acteurs et dates du texte",
    },
    "highlight.reported": {
        "en": "dotted underline: the conditional mood, “according to”, an unnamed source",
        "fr": "souligné en pointillés : conditionnel, « selon », « d’après », source anonyme",
    },
    "highlight.accused": {
        "en": "wavy underline: “accused”, “allegedly”, “suspected”",
        "fr": "souligné ondulé : « accusé », « soupçonné », « mis en cause »",
    },
    "highlight.denial": {
        "en": "double underline: “denies”, “rejected the claims”",
        "fr": "souligné double : « dément », « nie », « réfute »",
    },
    "highlight.stated": {
        "en": "solid underline: a named person speaks (“said”, words in quotation marks)",
        "fr": "souligné plein : une personne nommée parle (« affirme », mots entre guillemets)",
    },
    "highlight.commentary": {
        "en": "dashed underline: the journalist's speculation (a conditional after “if”)",
        "fr": "souligné en tirets : hypothèse du journaliste (conditionnel après « si »)",
    },
    "highlight.actor": {"en": "bold on grey: an actor", "fr": "gras sur fond gris : un acteur"},
    "highlight.date": {"en": "yellow ground: a date", "fr": "fond jaune : une date"},
    "highlight.hover": {
        "en": "Hover a mark to see which rule found it. These are suggestions: a person decides.",
        "fr": "Survolez une marque pour voir quelle règle l’a trouvée. Ce sont des suggestions : "
        "une personne décide.",
    },
    "highlight.paragraph": {"en": "paragraph", "fr": "paragraphe"},
    "highlight.none": {"en": "No text to show.", "fr": "Aucun texte à afficher."},
    "highlight.new": {"en": "new", "fr": "nouveau"},
    # The rule that found a cue, in a mark's hover (the cue's own words follow, untranslated).
    "highlight.rule.unnamed_source": {"en": "unnamed source", "fr": "source anonyme"},
    "highlight.rule.conditional": {"en": "conditional", "fr": "conditionnel"},
    "highlight.rule.hypothetical": {
        "en": "hypothetical conditional (after «{marker}»)",
        "fr": "conditionnel d'hypothèse (après «{marker}»)",
    },
    "highlight.rule.accusation": {"en": "accusation", "fr": "accusation"},
    "highlight.rule.denial": {"en": "denial", "fr": "démenti"},
    "highlight.rule.speech_verb": {"en": "speech verb", "fr": "verbe de parole"},
    "highlight.rule.speech_verb_unnamed_source": {
        "en": "speech verb, unnamed source",
        "fr": "verbe de parole, source anonyme",
    },
    "highlight.rule.quotation_marks": {"en": "quotation marks", "fr": "guillemets"},
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


def tn(key: str, n: int, lang: str = "en", **values: object) -> str:
    """The string ``key`` for a count ``n``: ``key.zero`` (if defined), ``.one`` or ``.other``.

    French uses the singular for 0 and 1 ("0 affirmation"), English for 1 only. ``{n}`` is filled.
    """
    if n == 0 and f"{key}.zero" in CATALOGUE:
        form = "zero"
    elif n == 1 or (lang == "fr" and n == 0):
        form = "one"
    else:
        form = "other"
    return t(f"{key}.{form}", lang, n=n, **values)
