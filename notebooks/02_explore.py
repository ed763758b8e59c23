# %% [markdown]
# # Explore the claims: who, whom, when, and how we know
#
# ## Overview
#
# In October 2024 the French site Numerama summarised a Wall Street Journal investigation into contacts
# between Elon Musk and Vladimir Putin. Every claim of that article is a mark on the timeline below, in
# the lane of the person it is about, with dated events from the public record for context.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | Reading a timeline | Necessary | Time runs left to right; one lane per person or organisation |
# | The five statuses | Helpful | *established*, *stated*, *reported*, *accused*, *commentary*: see notebook 03 |
#
# ## Time to learn
#
# 15 minutes.
#
# ## Explore
#
# - The **shape and fill** of a mark say how we know: a solid mark is on the public record; a hollow,
#   fainter one rests on unnamed sources or on an accusation. The legend says it in words.
# - **Click a mark** to read its card: the summary, the quote, the source and its paragraph.
# - **Known on** shows only what was public on a given day: move it across 24 October 2024, the day of
#   the WSJ report, and watch what appears.
# - The table under the figure lists the same claims as text.

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
