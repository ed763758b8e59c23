# %% [markdown]
# # Explorer les affirmations : qui, envers qui, quand, et qui s'en porte garant
#
# **Cochez des acteurs, déplacez les dates, cherchez un mot. Cliquez sur une marque, ou choisissez
# une affirmation sous « Lire la fiche d'une affirmation », pour lire sa fiche et sa source.** La
# **forme et le remplissage** d'une marque disent qui se porte garant de l'affirmation (la légende le
# dit en toutes lettres). Faites passer **Connu au** de septembre à octobre 2024, le mois de l'enquête
# du WSJ, et regardez ce qui apparaît.
#
# <details><summary>À propos de ce carnet : vue d'ensemble, prérequis, 15 minutes</summary>
#
# ## Vue d'ensemble
#
# Chaque affirmation d'un article de Numerama d'octobre 2024 sur Elon Musk et Vladimir Poutine, qui
# relaie une enquête du Wall Street Journal, est une marque sur la frise ci-dessous, avec des faits
# publics datés pour le contexte.
#
# ## Prérequis
#
# | Notion | Importance | Remarques |
# | --- | --- | --- |
# | Lire une frise chronologique | Nécessaire | Le temps va de gauche à droite ; une ligne par personne ou organisation |
# | Les cinq statuts | Utile | Qui se porte garant d'une affirmation (les faits publics, une personne nommée, des sources anonymes, un accusateur, un commentateur) ; le carnet `03_reading_claims` les explique (en anglais) |
#
# ## Temps nécessaire
#
# 15 minutes.
#
# </details>
#
# ## Explorer

# %%
import explainer as ex

app = ex.Explorer(ex.load_dataset(), lang="fr")
app

# %%
# Le même filtre, par script : les affirmations de Poutine qui reposent sur des sources
# anonymes (cliquer pour ouvrir). L'Explorer ci-dessus ne change pas.
app.shown(actors="putin", statuses="reported")

# %% [markdown]
# ## Résumé
#
# L'essentiel de ce que l'article dit des contacts depuis 2022 repose sur une seule enquête, qui cite des
# sources anonymes, et est devenu public en un seul jour ; Musk et le Kremlin démentent. L'Explorateur
# garde chaque affirmation avec son statut et sa source, pour qu'une affirmation que chacun peut
# vérifier dans les faits publics et une autre qui repose sur des sources anonymes ne se ressemblent
# jamais.
#
# ## Et ensuite
#
# - `01_story` : le même récit, pas à pas, pour le présenter en classe.
# - `03_reading_claims` (en anglais) : une leçon sur les cinq statuts, le conditionnel et les démentis.
