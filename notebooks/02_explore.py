# %% [markdown]
# # Explore the claims: who, whom, when, and how we know
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
# | The five statuses | Helpful | How we know a claim; notebook `03_reading_claims` explains them |
#
# ## Time to learn
#
# 15 minutes.
#
# ## Explore
#
# **Shape and fill** say how we know a claim (the legend says it in words). **Click a mark** to read
# its card and its source. Move **Known by** from September to October 2024, the month of the WSJ
# report, and watch what appears.

# %%
import explainer as ex

ex.Explorer(ex.load_dataset(), lang="en")

# %% [markdown]
# ## Summary
#
# Most of what the article says about contacts since 2022 rests on one report, citing unnamed sources,
# and became public on a single day; Musk and the Kremlin deny it. The Explorer keeps each claim with
# its status and its source, so that a firm fact and a reported one never look alike.
#
# ## What's next
#
# - `01_story`: the same account, step by step, for presenting in class.
# - `03_reading_claims`: a lesson on the five statuses, the French conditional mood, and denials.
