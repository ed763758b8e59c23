# %% [markdown]
# # Explorer les affirmations : qui, envers qui, quand, et comment on le sait
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
# | Les cinq statuts | Utile | Comment on sait ce qui est affirmé ; le carnet `03_reading_claims` les explique (en anglais) |
#
# ## Temps nécessaire
#
# 15 minutes.
#
# ## Explorer
#
# La **forme et le remplissage** d'une marque disent comment on le sait (la légende le dit en toutes
# lettres). **Cliquez sur une marque** pour lire sa fiche et sa source. Faites passer **Connu au** de
# septembre à octobre 2024, le mois de l'enquête du WSJ, et regardez ce qui apparaît.

# %%
import explainer as ex

ex.Explorer(ex.load_dataset(), lang="fr")

# %% [markdown]
# ## Résumé
#
# L'essentiel de ce que l'article dit des contacts depuis 2022 repose sur une seule enquête, qui cite des
# sources anonymes, et est devenu public en un seul jour ; Musk et le Kremlin démentent. L'Explorateur
# garde chaque affirmation avec son statut et sa source, pour qu'un fait établi et une information
# rapportée ne se ressemblent jamais.
#
# ## Et ensuite
#
# - `01_story` : le même récit, pas à pas, pour le présenter en classe.
# - `03_reading_claims` (en anglais) : une leçon sur les cinq statuts, le conditionnel et les démentis.
