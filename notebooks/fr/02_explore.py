# %% [markdown]
# # Explorer les affirmations : qui, envers qui, quand, et comment on le sait
#
# ## Vue d'ensemble
#
# En octobre 2024, le site Numerama a résumé une enquête du Wall Street Journal sur les contacts entre
# Elon Musk et Vladimir Poutine. Chaque affirmation de cet article est une marque sur la frise
# ci-dessous, dans la ligne de la personne concernée, avec des faits publics datés pour le contexte.
#
# ## Prérequis
#
# | Notion | Importance | Remarques |
# | --- | --- | --- |
# | Lire une frise chronologique | Nécessaire | Le temps va de gauche à droite ; une ligne par personne ou organisation |
# | Les cinq statuts | Utile | *établi*, *déclaré*, *rapporté*, *accusation*, *commentaire* : voir le carnet 03 |
#
# ## Temps nécessaire
#
# 15 minutes.
#
# ## Explorer
#
# - La **forme et le remplissage** d'une marque disent comment on le sait : une marque pleine relève des
#   faits publics ; une marque creuse et plus pâle repose sur des sources anonymes ou sur une
#   accusation. La légende le dit en toutes lettres.
# - **Cliquez sur une marque** pour lire sa fiche : le résumé, la citation, la source et son paragraphe.
# - **Connu le** ne montre que ce qui était public à une date donnée : faites-la passer le 24 octobre
#   2024, jour de l'enquête du WSJ, et regardez ce qui apparaît.
# - Le tableau sous la figure donne les mêmes affirmations sous forme de texte.

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
