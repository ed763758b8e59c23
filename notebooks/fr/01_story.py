# %% [markdown] slideshow={"slide_type": "slide"}
# # Musk, Poutine et le Wall Street Journal : l'histoire en onze étapes
#
# Un récit raconté par un article français (Numerama, octobre 2024) qui relaie une enquête du Wall
# Street Journal. Chaque étape dit ce qui est affirmé **et qui s'en porte garant**.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Vue d'ensemble
#
# 1. Le tableau d'ensemble : toutes les affirmations sur une frise.
# 2. Onze étapes, des voyages de Musk à Moscou en 2001 aux démentis d'octobre 2024.
# 3. Qui est lié à qui, et ce que regroupe chaque lien.
#
# ## Prérequis
#
# | Notion | Importance | Remarques |
# | --- | --- | --- |
# | L'invasion de l'Ukraine par la Russie (février 2022) | Utile | Le contexte de la plupart des étapes |
# | Starlink | Utile | L'internet par satellite de SpaceX, utilisé par l'armée ukrainienne |
# | Les cinq statuts | Nécessaire | Qui se porte garant d'une affirmation : voir la diapositive suivante |
#
# ## Temps nécessaire
#
# 25 à 30 minutes en classe. Pour la séance complète (fiche élève, corrigé, ticket de sortie), voir le
# guide de l'enseignant, `GUIDE_ENSEIGNANT.md`, à la racine du dépôt.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Qui s'en porte garant : cinq statuts
#
# Un statut dit **d'où vient une affirmation**, pas à quel point elle est vraie.
#
# | Statut | Qui s'en porte garant | Marque |
# | --- | --- | --- |
# | **établi** | les faits publics : chacun peut vérifier que c'est arrivé (un message, un déploiement) | ● pleine |
# | **déclaré** | une personne nommée, avec ses propres mots : il est établi qu'elle l'a *dit*, pas que c'est vrai | ▣ |
# | **rapporté** | une enquête que l'article relaie (celle du WSJ, dont les sources ne sont pas nommées) ; en français, au conditionnel | ◇ |
# | **accusation** | d'autres accusent ; rien n'est prouvé | △ |
# | **commentaire** | la voix de l'auteur : opinion ou affirmation sans source | ✳ |
#
# Seuls les faits publics sont une marque pleine ; les autres formes disent qui d'autre s'en porte
# garant. **Rapporté ne veut pas dire faux**, et **établi n'est pas toute l'histoire**.

# %% slideshow={"slide_type": "skip"}
import explainer as ex

ds = ex.load_dataset()
ds

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Le tableau d'ensemble
#
# Une ligne par personne ou organisation qui a ses propres affirmations, le temps de gauche à
# droite ; une marque par mois et par statut, d'autant plus grande qu'il y a d'affirmations
# (survolez une marque pour leur nombre et de qui elles parlent). Les étapes suivantes montrent
# chaque affirmation à part, avec ses dates aussi précises que la source.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "fragment"} tags=["hide-input"]
ex.influence_timeline(ds, lang="fr", grouped=True)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. 2001–2002 : des fusées russes
#
# Musk s'est rendu à Moscou en 2001, puis de nouveau en 2002, pour tenter d'acheter des fusées pour
# ce qui allait devenir SpaceX (*établi* ; raconté dans la biographie d'Ashlee Vance, publique en
# 2015). L'article rapporte, au conditionnel, que son intérêt pour la Russie remonterait à 2002
# (*rapporté*).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-moscow-trip-2001", "ctx-musk-russia-trip-2002", "musk-russia-interest-2002"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. Avril 2021 : un appel
#
# Musk a dit plus tard avoir parlé avec Poutine, un appel que l'article date d'avril 2021, et ne plus
# avoir eu de contact depuis (*déclaré* : ses propres mots). L'appel lui-même est aussi confirmé par le
# Kremlin (étape 7) ; l'absence de tout contact ensuite repose sur leur parole.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["musk-spoke-to-putin-2021-04", "musk-no-contact-since-2021"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. Février 2022 : Starlink pour l'Ukraine
#
# Après l'invasion de l'Ukraine par la Russie, un ministre ukrainien a publiquement demandé Starlink,
# et Musk a répondu que le service y fonctionnait (*établi*). Pourquoi il l'a fait, c'est la lecture
# de l'auteur de l'article (*commentaire*).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "ctx-fedorov-asks-starlink",
    "musk-deploys-starlink-ukraine",
    "starlink-motive-american-side",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. Mars 2022 : un défi
#
# Musk a publiquement défié Poutine en combat singulier, avec l'Ukraine pour enjeu (*établi* : le
# message fait partie des faits publics).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-single-combat-post", "musk-challenges-putin-to-fight"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Octobre 2022 : le sondage
#
# Musk a publié un seul « plan de paix » et demandé à ses abonnés de voter oui ou non ; l'un de ses
# points était une Crimée « formellement russe » (*établi* : chacun pouvait voir le sondage).
# L'article présente le fait de laisser la Crimée à la Russie comme « une des solutions » proposées.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-peace-plan-poll", "musk-ukraine-poll-2022", "musk-poll-crimea-to-russia"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Un appel avant le sondage : rapporté, et pas nouveau
#
# Selon le WSJ, tel que l'article le relaie, le sondage avait été précédé d'un appel du Kremlin, qui
# aurait convaincu Musk de le publier (*rapporté* ; l'article écrit la première partie à l'indicatif,
# la seconde au conditionnel, *aurait réussi*). Ce récit était **public depuis le 11 octobre 2022** :
# le politologue Ian Bremmer disait alors que Musk lui avait raconté avoir parlé avec Poutine et le
# Kremlin avant le sondage (*déclaré*, par Bremmer).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "kremlin-call-before-poll",
    "kremlin-persuaded-musk-poll",
    "putin-crimea-demand",
    "ctx-bremmer-musk-spoke-to-putin",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. Octobre 2022 : « une seule fois »
#
# Le jour même, Musk a démenti le récit de Bremmer : il n'aurait parlé à Poutine qu'une fois, environ
# 18 mois plus tôt, et de l'espace. Le lendemain, le porte-parole du Kremlin a démenti un appel avant
# le sondage et confirmé un unique appel. Deux démentis (*déclaré*), chacun tracé à côté de ce à quoi
# il répond.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "ctx-bremmer-musk-spoke-to-putin",
    "ctx-musk-says-spoke-once",
    "ctx-peskov-confirms-one-call",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. Ce qui était nouveau le 24 octobre 2024
#
# Ce jour-là, le WSJ a rapporté des contacts réguliers entre Musk et Poutine **depuis fin 2022**, des
# échanges avec Sergueï Kirienko, premier chef adjoint de l'administration de Poutine, et une demande
# de Poutine au sujet de Taïwan (*rapporté*). L'article transforme « réguliers » en *constante* et
# « depuis fin 2022 » en *depuis 2022*. Ce qui n'était **pas** nouveau : un échange entre Musk et
# Poutine avant le sondage (Bremmer, 2022), l'intérêt ancien de Musk pour la Russie (sa biographie de
# 2015), sa crainte d'une escalade nucléaire autour de la Crimée (la biographie d'Isaacson, septembre
# 2023).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "musk-putin-contacts-since-2022",
    "musk-kiriyenko-conversations",
    "ctx-wsj-publishes-report",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. Des faveurs demandées, selon le WSJ
#
# L'article affirme, au conditionnel, que Poutine aurait convaincu Musk de bloquer Starlink dans
# certaines zones de guerre, et l'aurait fait renoncer à lancer Starlink à Taïwan pour rendre service
# à Xi Jinping (*rapporté*). Le WSJ, tel que d'autres médias le citent, écrivait que Poutine avait
# **demandé** à Musk d'éviter d'activer Starlink au-dessus de Taïwan : que Musk ait obtempéré est la
# formulation de Numerama.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["putin-starlink-war-zones", "putin-starlink-taiwan-favour-xi"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 10. Les démentis
#
# L'article indique que Musk dément tout lien ; le lendemain de l'enquête, le porte-parole du Kremlin
# l'a qualifiée de fausse et affirmé que les deux hommes ne s'étaient parlé qu'une fois, avant 2022
# (*déclaré*). Un démenti se lit à côté de ce qu'il dément. Pour peser : qu'est-ce qui confirmerait
# l'enquête (quelqu'un qui parle en son nom, des documents, le travail d'une autre rédaction) ? Qui a
# intérêt à l'affirmer, qui à la démentir ?

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["musk-putin-contacts-since-2022", "musk-denies-ties", "ctx-peskov-calls-report-fake"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 11. La voix de l'auteur
#
# Une source du WSJ, que l'article ne nomme pas, indique que le gouvernement fait face à un dilemme
# parce qu'il dépend des technologies de Musk (*rapporté*). L'auteur de l'article estime ensuite que
# SpaceX et Starlink donnent à Musk un pouvoir excessif : c'est la voix de l'auteur (*commentaire*),
# pas un résultat de l'enquête du WSJ.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["us-government-dilemma", "musk-too-much-power"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Les onze étapes, sur une seule frise
#
# Appuyez sur **Suivant** pour revoir les étapes : chacune entoure son affirmation principale sur la
# frise complète et affiche sa fiche, avec la citation et le paragraphe de l'article d'où elle vient.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
story = ex.Story(
    ds,
    lang="fr",
    steps=[
        "musk-russia-interest-2002",
        "musk-spoke-to-putin-2021-04",
        "musk-deploys-starlink-ukraine",
        "musk-challenges-putin-to-fight",
        "musk-poll-crimea-to-russia",
        "kremlin-call-before-poll",
        "ctx-musk-says-spoke-once",
        "musk-putin-contacts-since-2022",
        "putin-starlink-taiwan-favour-xi",
        "musk-denies-ties",
        "musk-too-much-power",
    ],
    height=540,  # tient sur une diapositive 1366×768 sous les boutons
)
story

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Qui est lié à qui
#
# Chaque flèche regroupe les affirmations d'un acteur vers un autre ; plus elle est large, plus il y en
# a. Son trait prend le style du statut listé en premier parmi elles. **À discuter :** pourquoi le lien
# Musk → Poutine est-il tracé ainsi, et que regroupe-t-il ? (Survolez-le.)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "fragment"} tags=["hide-input"]
# La hauteur d'une diapositive (1366×768, sous un titre et un paragraphe)
ex.actor_network(ds, lang="fr").update_layout(height=540)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Résumé
#
# - Les faits publics sont des actes publics : des voyages, des messages, un sondage, un soutien, la
#   publication de l'enquête.
# - Les contacts réguliers depuis fin 2022, les échanges avec Kirienko et la demande sur Taïwan
#   reposent sur une seule enquête, publique depuis le 24 octobre 2024 ; Musk et le Kremlin démentent.
#   Une partie de ce que relaie l'article était publique, et démentie, depuis 2022.
# - L'article ajoute la voix de son auteur : opinions et affirmations sans source, étiquetées
#   *commentaire*.
#
# ## Et ensuite
#
# - `02_explore` : filtrez vous-même les affirmations, et faites passer « Connu au » par octobre
#   2024, le mois de l'enquête du WSJ.
# - `03_reading_claims` : une leçon sur les cinq statuts, avec des exercices.
# - Le guide `GUIDE_ENSEIGNANT.md` et la fiche élève dans `lesson/`.
