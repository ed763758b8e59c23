# %% [markdown] slideshow={"slide_type": "slide"}
# # Musk, Poutine et le Wall Street Journal : l'histoire en onze étapes
#
# Un récit raconté par un article français (Numerama, octobre 2024) qui relaie une enquête du Wall
# Street Journal. Chaque étape dit ce qui est affirmé **et comment on le sait**.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Vue d'ensemble
#
# 1. Le tableau d'ensemble : toutes les affirmations sur une frise.
# 2. Onze étapes, des voyages de Musk à Moscou en 2001 aux démentis d'octobre 2024.
# 3. Qui est lié à qui, et avec quelle solidité.
#
# ## Prérequis
#
# | Notion | Importance | Remarques |
# | --- | --- | --- |
# | L'invasion de l'Ukraine par la Russie (février 2022) | Utile | Le contexte de la plupart des étapes |
# | Starlink | Utile | L'internet par satellite de SpaceX, utilisé par l'armée ukrainienne |
# | Les cinq statuts | Nécessaire | Comment on sait ce qu'on affirme : voir la diapositive suivante |
#
# ## Temps nécessaire
#
# 20 minutes en classe.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Comment on le sait : cinq statuts
#
# | Statut | Ce qu'il veut dire |
# | --- | --- |
# | **établi** | dans les faits publics : chacun peut le vérifier (un message, un déploiement, un soutien) |
# | **déclaré** | une déclaration publique d'une personne nommée, non vérifiée |
# | **rapporté** | rapporté par un média d'après des sources anonymes ; en français, au conditionnel |
# | **accusation** | une accusation portée par d'autres, non prouvée |
# | **commentaire** | l'analyse ou l'opinion du journaliste |
#
# Sur les figures, une marque pleine est établie ; moins la marque est pleine, moins on en sait.

# %% slideshow={"slide_type": "skip"}
import explainer as ex

ds = ex.load_dataset()
ds

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Le tableau d'ensemble
#
# Une ligne par personne ou organisation, le temps de gauche à droite. Une plage est une date connue
# seulement au mois ou à l'année ; une barre qui file vers la droite est une affirmation « depuis » une
# date.

# %% slideshow={"slide_type": "fragment"}
ex.influence_timeline(ds, lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. 2001–2002 : des fusées russes
#
# Musk s'est rendu à Moscou en 2001, puis de nouveau en 2002, pour tenter d'acheter des fusées pour
# ce qui allait devenir SpaceX (*établi*). Selon le WSJ, tel que l'article le relaie, son intérêt
# pour la Russie remonterait à cette époque (*rapporté*).

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-moscow-trip-2001", "ctx-musk-russia-trip-2002", "musk-russia-interest-2002"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. Avril 2021 : un appel
#
# Musk a affirmé plus tard avoir parlé avec Poutine, un échange que l'article date d'avril 2021, et ne
# plus avoir eu de contact depuis (*déclaré* : ses propres mots, que personne d'extérieur ne pouvait
# vérifier).

# %% slideshow={"slide_type": "-"}
step = ["musk-spoke-to-putin-2021-04", "musk-no-contact-since-2021"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. Février 2022 : Starlink pour l'Ukraine
#
# Après l'invasion de l'Ukraine par la Russie, un ministre ukrainien a demandé publiquement Starlink
# et Musk a répondu que le service y était actif (*établi*). Pourquoi il l'a fait, c'est la lecture
# de l'auteur de l'article (*commentaire*).

# %% slideshow={"slide_type": "-"}
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
# message est public).

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-single-combat-post", "musk-challenges-putin-to-fight"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Octobre 2022 : le sondage
#
# Musk a publié un sondage sur un « plan de paix » pour l'Ukraine ; l'une des options était que la
# Crimée reste russe (*établi* : chacun pouvait voir le sondage).

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-peace-plan-poll", "musk-ukraine-poll-2022", "musk-poll-crimea-to-russia"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Ce que le WSJ ajoute sur le sondage
#
# Selon le WSJ, qui cite des sources anonymes, le Kremlin aurait téléphoné à Musk avant qu'il ne
# publie le sondage (*rapporté*). L'article l'écrit au conditionnel : le Kremlin « aurait réussi à
# convaincre Musk ».

# %% slideshow={"slide_type": "-"}
step = ["kremlin-call-before-poll", "kremlin-persuaded-musk-poll", "putin-crimea-demand"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. Octobre 2022 : « une seule fois »
#
# Musk a écrit n'avoir parlé à Poutine qu'une seule fois, environ 18 mois plus tôt, à propos de
# l'espace ; le porte-parole du Kremlin a confirmé un seul appel. Deux affirmations *déclarées*, une
# de chaque côté.

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-says-spoke-once", "ctx-peskov-confirms-one-call"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. Depuis 2022 : des contacts réguliers ?
#
# Le 24 octobre 2024, le WSJ a rapporté, en citant des sources anonymes, que Musk serait en contact
# régulier avec Poutine et ses proches conseillers depuis 2022 (*rapporté*). Avant ce jour-là, rien
# de cela n'était public.

# %% slideshow={"slide_type": "-"}
step = [
    "musk-putin-contacts-since-2022",
    "musk-kiriyenko-conversations",
    "ctx-wsj-publishes-report",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. Des faveurs demandées, selon le WSJ
#
# Selon la même enquête, Poutine aurait convaincu Musk de couper Starlink dans certaines zones de
# guerre, et de renoncer au lancement de Starlink à Taïwan en guise de faveur à Xi Jinping
# (*rapporté* : non établi).

# %% slideshow={"slide_type": "-"}
step = ["putin-starlink-war-zones", "putin-starlink-taiwan-favour-xi"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 10. Les démentis
#
# L'article indique que Musk dément tout lien ; le lendemain de l'enquête, le porte-parole du Kremlin
# l'a qualifiée de fausse et a dit que les deux hommes ne s'étaient parlé qu'une fois, avant 2022
# (*déclaré*). Un démenti se lit à côté de ce qu'il dément : ni l'un ni l'autre ne tranche la
# question.

# %% slideshow={"slide_type": "-"}
step = ["musk-putin-contacts-since-2022", "musk-denies-ties", "ctx-peskov-calls-report-fake"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 11. Le point de vue de l'auteur
#
# L'auteur de l'article estime que SpaceX et Starlink donnent à Musk un pouvoir excessif, bien
# au-delà de celui d'un patron de la tech. C'est le *commentaire* du journaliste, pas une conclusion
# du WSJ.

# %% slideshow={"slide_type": "-"}
step = ["us-government-dilemma", "musk-too-much-power"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Les onze étapes, sur une seule frise
#
# Appuyez sur **Suivant** pour revoir les étapes : chacune entoure son affirmation principale sur la
# frise complète et affiche sa fiche, avec la citation et le paragraphe de l'article d'où elle vient.

# %% slideshow={"slide_type": "-"}
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
)
story

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Qui est lié à qui
#
# Chaque flèche réunit les affirmations d'un acteur vers un autre ; plus elle est large, plus il y en a,
# et plus son trait est plein, plus la mieux établie d'entre elles est solide.

# %% slideshow={"slide_type": "fragment"}
ex.actor_network(ds, lang="fr")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Résumé
#
# - Les faits établis sont des actes publics : des voyages, des messages, un sondage, un soutien.
# - Les contacts depuis 2022 et les faveurs reposent sur une seule enquête, qui cite des sources
#   anonymes, publique depuis le 24 octobre 2024 ; Musk et le Kremlin démentent.
# - L'article ajoute les opinions de son auteur : elles sont étiquetées *commentaire*.
#
# ## Et ensuite
#
# - `02_explore` : filtrez vous-même les affirmations, et faites passer « Connu au » par octobre
#   2024, le mois de l'enquête du WSJ.
# - `03_reading_claims` (en anglais) : une leçon sur les cinq statuts, avec des exercices.
