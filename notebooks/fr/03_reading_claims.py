# %% [markdown]
# # Lire les affirmations : qui se porte garant de ce qu'on nous dit ?
#
# ## Vue d'ensemble
#
# Un article de presse mêle plusieurs sortes d'énoncés : des faits que chacun peut vérifier, ce que
# disent des personnes nommées, ce qu'un journal rapporte de sources qu'il ne nomme pas, des
# accusations, et la voix de l'auteur. Cette leçon s'appuie sur l'article de Numerama d'octobre 2024
# sur Elon Musk et Vladimir Poutine, qui relaie une enquête du Wall Street Journal (WSJ), pour les
# distinguer. Un statut dit **d'où vient une affirmation, qui s'en porte garant** : jamais à quel point
# elle est vraie.
#
# 1. Cinq statuts, avec des exemples tirés de l'article.
# 2. « Rapporté », bien compris : relayé, sources anonymes, conditionnel journalistique.
# 3. Ce qu'on savait, et quand : ce qui était nouveau le 24 octobre 2024, et ce qui ne l'était pas.
# 4. Les démentis, lus à côté de ce qu'ils démentent, et comment les peser.
# 5. Exercices : s'engager, puis révéler.
#
# Le guide de l'enseignant (`GUIDE_ENSEIGNANT.md`) en fait une séance de 55 minutes, avec une fiche
# élève, un corrigé et un ticket de sortie dans `lesson/`.
#
# ## Prérequis
#
# | Notion | Importance | Remarques |
# | --- | --- | --- |
# | Le récit (notebook `fr/01_story`) | Utile | Qui est qui, et les principaux événements |
# | Lire un tableau | Nécessaire | Chaque exemple est une ligne : quand, notre résumé, les mots de l'article |
#
# ## Temps nécessaire
#
# 60 à 75 minutes, exercices compris.

# %%
import pandas as pd

import explainer as ex

pd.set_option("display.max_colwidth", None)
ds = ex.load_dataset()
columns = ["when_label_fr", "summary_fr", "quote"]

# %% [markdown]
# ## 1. Cinq statuts : qui s'en porte garant ?
#
# Chaque affirmation du jeu de données a un **statut**. Les résumés sont nos propres mots ; la
# citation est celle de l'article.
#
# | Statut | Qui s'en porte garant | Un repère dans le texte |
# | --- | --- | --- |
# | **établi** | les faits publics : chacun peut vérifier que c'est arrivé | énoncé simplement, et vérifiable : *avait déployé* |
# | **déclaré** | une personne nommée, avec ses propres mots | *affirmait*, *qu'il qualifie de*, *dément* |
# | **rapporté** | une enquête que l'article relaie | *selon le WSJ* ; le conditionnel : *serait*, *aurait* |
# | **accusation** | d'autres accusent ; rien n'est prouvé | *est accusé de* |
# | **commentaire** | la voix de l'auteur : opinion ou affirmation sans source | des jugements : *difficile à suivre*, *soi-disant* |
#
# Toujours deux niveaux : il est établi que Peskov a *dit* quelque chose ; ce qu'il a dit ne l'est pas.
# Deux mises en garde : **rapporté ne veut pas dire faux**, et **établi n'est pas toute l'histoire**.
#
# Combien des affirmations propres à l'article relèvent de chaque statut ?

# %%
ds.claims.query("layer == 'article'")["status"].value_counts()

# %% [markdown]
# Regardez le plus grand nombre avant de continuer : une grande partie de l'article est la voix de
# son auteur.
#
# ### Établi : chacun peut vérifier que c'est arrivé
#
# Les actes publics de Musk après l'invasion de l'Ukraine, tels que l'article les donne :

# %%
ex.filter_claims(ds.claims, statuses="established", actors="musk", end="2022-12").query(
    "layer == 'article'"
)[columns]

# %% [markdown]
# ### Déclaré : une personne nommée l'a dit
#
# Ce que Poutine a dit de Musk. Il est établi qu'il l'a dit ; cela nous apprend ce qu'il a dit, pas que
# c'est vrai.

# %%
ex.filter_claims(ds.claims, statuses="stated", actors="putin", kinds="stance")[columns]

# %% [markdown]
# ### Rapporté : une enquête que l'article relaie
#
# Les affirmations selon lesquelles Poutine ou le Kremlin auraient influencé Musk viennent toutes de
# l'enquête du WSJ, telle que l'article la relaie. Trouvez le verbe au conditionnel (*aurait*) dans
# chaque citation.

# %%
ex.filter_claims(ds.claims, statuses="reported", kinds="influence")[columns]

# %% [markdown]
# ### Accusation : d'autres le disent, et rien n'est prouvé
#
# L'article ne dit pas qui porte ces accusations.

# %%
ex.filter_claims(ds.claims, statuses="accused")[columns]

# %% [markdown]
# ### Commentaire : la voix de l'auteur
#
# Ces phrases sont celles de l'auteur de l'article, pas du WSJ, et pas des faits publics : des opinions,
# et des affirmations que l'article donne sans source.

# %%
ex.filter_claims(ds.claims, statuses="commentary", text="pouvoir")[columns]

# %% [markdown]
# ## 2. « Rapporté », bien compris
#
# « Rapporté » regroupe trois choses différentes. Prenons-les une à une.
#
# ### Relayé : Numerama n'a pas enquêté lui-même
#
# Toutes les affirmations rapportées de l'article viennent d'une seule enquête, celle du WSJ. Quand
# l'article la nomme, notre résumé dit « Selon le WSJ » ; quand il continue au conditionnel sans la
# nommer, « L'article rapporte ». Dans les deux cas, l'article garantit seulement que le WSJ l'a dit.

# %%
ex.filter_claims(ds.claims, statuses="reported")[["paragraph", "summary_fr"]]

# %% [markdown]
# ### Sources anonymes : ce n'est pas la même chose qu'inconnues
#
# L'article ne dit jamais qui sont les sources du WSJ, et ne cite « une source du Wall Street Journal »
# qu'une fois (paragraphe 12). D'autres médias ont cité le WSJ qui les décrivait comme « plusieurs
# responsables américains, européens et russes, actuels ou anciens » (*The Week*, 25 octobre 2024 ;
# notre traduction). Anonyme veut dire *non nommé pour les lecteurs* : les journalistes et leur
# rédaction savent qui elles sont, et l'article du WSJ est signé par cinq journalistes nommés, qui
# engagent sur elles la réputation de leur journal.
#
# ### Le conditionnel journalistique, et ses limites
#
# La presse française met au **conditionnel** ce qu'elle relaie sans l'avoir vérifié : *Le
# milliardaire serait en relation constante avec Vladimir Poutine*. Ce n'est pas un doute du
# journaliste : c'est la convention pour dire « c'est rapporté ; nous ne l'avons pas vérifié ».
# L'anglais dit *reportedly*, *is said to*, *according to*.
#
# Voici le paragraphe 6 de l'article, ses repères marqués par les règles du pré-remplissage (les
# soulignements diffèrent par le style autant que par la couleur ; survolez une marque pour voir la
# règle qui l'a trouvée).

# %%
ex.highlight(ds.texts["numerama-2024-10"][5], lang="fr")

# %% [markdown]
# Le même paragraphe, sous forme de lignes du jeu de données : une personne a vérifié chaque statut.

# %%
ds.claims.query("paragraph == 6")[["status", "summary_fr", "quote"]]

# %% [markdown]
# Le conditionnel a des limites, et l'article les montre toutes les trois :
#
# - **une phrase avec *selon* à l'indicatif** : *Selon le Wall Street Journal, les liens ... ne se sont
#   pas arrêtés en 2021* est rapportée, bien que son verbe ne soit pas au conditionnel : c'est
#   l'attribution qui décide ;
# - **un conditionnel dans la voix de l'auteur** : *Une éventuelle arrivée de Musk ... rendrait ces liens
#   encore plus dangereux* est une hypothèse de l'auteur, donc un commentaire, pas une information
#   rapportée ;
# - le mode ne dit **rien de la qualité** des sources.
#
# **À vous.** Le paragraphe 10 raconte comment Poutine aurait influencé Musk. Avant d'exécuter la
# cellule suivante, trouvez ses verbes au conditionnel, puis comparez avec les marques.

# %%
ex.highlight(ds.texts["numerama-2024-10"][9], lang="fr")

# %% [markdown]
# ## 3. Ce qu'on savait, et quand
#
# Une affirmation a deux dates : quand c'est arrivé, et quand c'est devenu public. L'enquête du WSJ
# est parue le 24 octobre 2024 ; l'article a suivi dans les jours suivants. Combien d'affirmations du
# jeu de données un lecteur pouvait-il connaître, jour après jour ?

# %%
{
    day: len(ex.filter_claims(ds.claims, known_on=day))
    for day in ["2024-10-23", "2024-10-24", "2024-10-31"]
}

# %% [markdown]
# La plupart des affirmations rapportées sont devenues publiques avec l'enquête du WSJ. Pas toutes :
# une partie de ce que l'article relaie était publique avant, par d'autres personnes.

# %%
ex.filter_claims(ds.claims, statuses="reported", known_on="2024-10-23")[
    ["id", "public_label_fr", "summary_fr"]
]

# %% [markdown]
# - Un échange entre Musk et Poutine avant le sondage, et les conditions du Kremlin, étaient publics le
#   **11 octobre 2022** : le politologue Ian Bremmer disait que Musk le lui avait raconté ; Musk l'a
#   démenti le jour même, et le Kremlin le lendemain.
# - L'intérêt de Musk pour la Russie, par ses voyages de 2001–2002, était public avec sa biographie de
#   **2015**.
# - Sa crainte d'une escalade nucléaire autour de la Crimée était publique par la biographie de Walter
#   Isaacson, en **septembre 2023**.
#
# Ce qui était **nouveau** le 24 octobre 2024 : des contacts réguliers « depuis fin 2022 » (l'article
# écrit *constante*, *depuis 2022*), les échanges avec Sergueï Kirienko, et la demande de Poutine sur
# Taïwan.
#
# L'Explorateur ci-dessous est réglé sur le **23 octobre 2024**, la veille de l'enquête. Faites glisser
# **Connu au** jusqu'au bout (aujourd'hui), puis revenez à septembre 2022 : regardez quelles
# affirmations rapportées apparaissent avec l'enquête du WSJ, et lesquelles étaient là avant.

# %%
ex.Explorer(ds, lang="fr").filter(known_on="2024-10-23")

# %% [markdown]
# ## 4. Les démentis, à côté de ce qu'ils démentent
#
# Un démenti est une affirmation *déclarée* qui répond à une autre. Il n'annule pas l'affirmation à
# laquelle il répond, et celle-ci n'annule pas le démenti : le lecteur a besoin des deux, côte à côte.

# %%
ex.filter_claims(ds.claims, kinds="denial")[["id", "summary_fr", "responds_to"]]

# %% [markdown]
# Deux démentis répondent à l'enquête du WSJ de 2024 ; deux, en octobre 2022, répondent au récit de
# Bremmer. Sur la frise, la flèche grise en tirets relie chaque démenti à l'affirmation à laquelle il
# répond :

# %%
side_by_side = [
    "musk-putin-contacts-since-2022",
    "musk-denies-ties",
    "ctx-peskov-calls-report-fake",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(side_by_side)], lang="fr")

# %% [markdown]
# **Peser.** Ni un démenti plus fort ni la même enquête répétée ne changent rien. Répondez plutôt à
# deux questions :
#
# 1. **Qu'est-ce qui confirmerait l'enquête ?** Quelqu'un qui le dit en son nom ; des documents ;
#    l'enquête indépendante d'une autre rédaction (pas un article qui relaie le WSJ).
# 2. **Qui a intérêt à l'affirmer, et qui à la démentir ?** Le WSJ engage sa réputation ; Musk et le
#    Kremlin sont ceux dont parle l'enquête ; des responsables qui parlent anonymement peuvent avoir
#    leurs propres buts.
#
# ## 5. Exercices : s'engager, puis révéler
#
# **Exercice 1.** Le récit ci-dessous cache le statut de chaque affirmation. Avant toute discussion,
# chaque élève écrit, seul et au stylo, un statut et **le mot repère** pour chaque étape (partie A de
# la fiche élève, `lesson/fiche_eleve.md`). Certaines sont des pièges : un conditionnel qui est une
# hypothèse de l'auteur, une phrase avec *selon* à l'indicatif, « l'enquête a été publiée » face à ce
# qu'elle dit. Puis appuyez sur **Révéler comment on le sait**, une fiche à la fois. Les réponses, avec
# des remarques sur les points discutables, sont dans le corrigé (`lesson/corrige.md`).

# %%
ex.Story(
    ds,
    lang="fr",
    predict=True,
    steps=[
        "musk-poll-crimea-to-russia",
        "kremlin-ties-continued-after-2021",
        "putin-calls-musk-intelligent",
        "wsj-investigation-published",
        "musk-accused-sharing-russian-fake-news",
        "government-role-more-dangerous",
        "us-government-dilemma",
        "musk-denies-ties",
        "musk-could-change-war-and-sway-president",
    ],
)

# %% [markdown]
# **Exercice 2.** L'article dit que l'intérêt de Musk pour la Russie remonte à « 2002 ». Trouvez, dans
# l'Explorateur ci-dessus, ce que les faits publics datent plus tôt, et quand c'est devenu public.
#
# <details><summary>Réponse</summary>
#
# Musk s'est rendu une première fois à Moscou en octobre 2001 pour tenter d'acheter des fusées (une
# ligne de *contexte*, tirée des faits publics) ; il y est retourné en février 2002. Les deux voyages
# sont racontés dans la biographie d'Ashlee Vance (2015). L'affirmation selon laquelle son intérêt pour
# la Russie *remonterait* à 2002 est *rapportée* : l'article la relaie au conditionnel.
#
# </details>
#
# **Exercice 3.** « Une source du WSJ, que l'article ne nomme pas, indique que le gouvernement fait face
# à un dilemme. » Pourquoi est-ce *rapporté* et non *déclaré*, alors que c'est une citation à
# l'indicatif ?
#
# <details><summary>Réponse</summary>
#
# Une affirmation *déclarée* suppose une personne nommée, qu'on peut interroger et tenir à ses mots. Une
# citation d'une source que le journal ne nomme pas repose sur la parole du journal : elle est
# *rapportée*.
#
# </details>
#
# ## Résumé
#
# - Le **statut** d'une affirmation dit qui s'en porte garant : les faits publics, une personne nommée,
#   une enquête relayée, des accusateurs, ou la voix de l'auteur. Ce n'est pas une échelle de vérité :
#   rapporté ne veut pas dire faux, et établi n'est pas toute l'histoire.
# - « Rapporté » regroupe trois choses : l'article **relaie** (il n'a pas enquêté lui-même), les sources
#   du WSJ sont **anonymes** (non nommées, pas inconnues), et le français le marque par le
#   **conditionnel**, dont les limites comptent.
# - Une partie de ce que relaie l'article était publique, et démentie, depuis octobre 2022 ; ce qui
#   était nouveau le 24 octobre 2024, c'était le récit du WSJ de contacts réguliers depuis fin 2022,
#   Kirienko et Taïwan.
# - Un démenti se lit à côté de ce qu'il dément ; pour peser, demandez ce qui confirmerait
#   l'affirmation et qui a intérêt à l'affirmer ou à la démentir.
#
# ## Et ensuite
#
# - `fr/02_explore` : trouvez vos propres exemples de chaque statut.
# - `04_your_own_article` (en anglais) : construire le même genre de jeu de données pour un autre
#   article.
# - La fiche élève, le corrigé et le ticket de sortie : `lesson/` et `GUIDE_ENSEIGNANT.md`.
