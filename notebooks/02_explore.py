# %% [markdown]
# # Explore the claims: who, whom, when, and who vouches for them
#
# **Tick actors, move the dates, search a word. Click a mark, or choose a claim under "Read a
# claim's card", to read its card and its source.** A mark's **shape and fill** say who vouches for
# the claim (the key says it in words). Move **Known by** from September to October 2024, the month
# of the WSJ report, and watch what appears.
#
# <details><summary>About this notebook: overview, prerequisites, 15 minutes</summary>
#
# ## Overview
#
# Every claim of a Numerama article of October 2024 on Elon Musk and Vladimir Putin, which relays a
# Wall Street Journal investigation, is a mark on the timeline below, with dated events from the
# public record for context.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | Reading a timeline | Necessary | Time runs left to right; one lane per person or organisation |
# | The five statuses | Helpful | Who vouches for a claim (the public record, a named person, unnamed sources, an accuser, a commentator); notebook `03_reading_claims` explains them |
#
# ## Time to learn
#
# 15 minutes.
#
# </details>
#
# ## Explore

# %%
import explainer as ex

app = ex.Explorer(ex.load_dataset(), lang="en")
app

# %%
# The same filter, by script: Putin's claims that rest on unnamed sources (click to open).
# The Explorer above does not change.
app.shown(actors="putin", statuses="reported")

# %% [markdown]
# ## Summary
#
# Most of what the article says about contacts since 2022 rests on one report, citing unnamed sources,
# and became public on a single day; Musk and the Kremlin deny it. The Explorer keeps each claim with
# its status and its source, so that a claim anyone can check on the public record and one that rests
# on unnamed sources never look alike.
#
# ## What's next
#
# - `01_story`: the same account, step by step, for presenting in class.
# - `03_reading_claims`: a lesson on the five statuses, the French conditional mood, and denials.
