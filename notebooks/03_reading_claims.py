# %% [markdown]
# # Reading claims: how do we know what we are told?
#
# ## Overview
#
# A news article mixes several kinds of statement: facts anyone can check, what named people say,
# what a newspaper reports from sources it does not name, accusations, and the journalist's own
# opinion. This lesson uses the Numerama article of October 2024 on Elon Musk and Vladimir Putin,
# which relays a Wall Street Journal (WSJ) investigation, to tell them apart.
#
# 1. Five ways of knowing, with examples from the article.
# 2. The conditional mood: how French journalism marks what it reports without having checked it.
# 3. What was known when: the day the WSJ report came out.
# 4. Denials, read beside what they deny.
# 5. Exercises: predict, then reveal.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | The story (notebook `01_story`) | Helpful | Who is who, and the main events |
# | Some French | Helpful | For section 2; every quote is summarised in English |
# | Reading a table | Necessary | Each example is one row: when, our summary, the article's words |
#
# ## Time to learn
#
# 45 minutes, with the exercises.

# %%
import pandas as pd

import explainer as ex

pd.set_option("display.max_colwidth", None)
ds = ex.load_dataset()
columns = ["when_label_en", "summary_en", "quote"]

# %% [markdown]
# ## 1. Five ways of knowing
#
# Every claim in the dataset has one **status**: how we know it. The summaries are our own words;
# the quote is the article's.
#
# | Status | What it means | A cue in the French text |
# | --- | --- | --- |
# | **established** | on the public record: anyone can check it | stated plainly, and checkable: *avait déployé* |
# | **stated** | a named person's own public statement, not checked | *affirmait*, *qu'il qualifie de*, *dément* |
# | **reported** | reported by a news outlet from unnamed sources | the conditional: *serait*, *aurait*; *selon le WSJ* |
# | **accused** | an accusation made by others, not proven | *est accusé de* |
# | **commentary** | the journalist's own analysis or opinion | judgements: *difficile à suivre*, *soi-disant* |
#
# How many of the article's own claims fall under each status?

# %%
ds.claims.query("layer == 'article'")["status"].value_counts()

# %% [markdown]
# Look at the largest number before reading on: much of the article is its author's own view.
#
# ### Established: anyone can check it
#
# Musk's public acts after the invasion of Ukraine, as the article gives them:

# %%
ex.filter_claims(ds.claims, statuses="established", actors="musk", end="2022-12").query(
    "layer == 'article'"
)[columns]

# %% [markdown]
# ### Stated: a named person said so
#
# What Putin has said about Musk. A statement tells us what someone said, not that it is true.

# %%
ex.filter_claims(ds.claims, statuses="stated", actors="putin", kinds="stance")[columns]

# %% [markdown]
# ### Reported: a newspaper says so, citing people it does not name
#
# The claims that Putin or the Kremlin influenced Musk all rest on the WSJ's report, as the article
# relays it. Find the verb in the conditional (*aurait*) in each quote.

# %%
ex.filter_claims(ds.claims, statuses="reported", kinds="influence")[columns]

# %% [markdown]
# ### Accused: others say so, and it is not proven
#
# The article does not say who makes these accusations.

# %%
ex.filter_claims(ds.claims, statuses="accused")[columns]

# %% [markdown]
# ### Commentary: the journalist's own view
#
# These sentences are the article's author speaking, not the WSJ and not a fact of the record.

# %%
ex.filter_claims(ds.claims, statuses="commentary", text="power")[columns]

# %% [markdown]
# ## 2. The conditional mood in French journalism
#
# French newspapers put what they relay without having checked it in the **conditional**: *Le
# milliardaire serait en relation constante avec Vladimir Poutine* reads "the billionaire is said to be
# in constant contact with Vladimir Putin". It is not the journalist's doubt: it is the convention for
# "this is reported; we have not verified it". English says *reportedly*, *is said to*, *according to*.
#
# Here is paragraph 6 of the article, with its cues marked by the drafter's rules (underlines differ
# by style as well as colour; hover a mark to see which rule found it). The legend is in French, like
# the text: *rapporté* is reported, *accusation* accused, *démenti* denial, *déclaré* stated.

# %%
ex.highlight(ds.texts["numerama-2024-10"][5], lang="fr")

# %% [markdown]
# The same paragraph as rows of the dataset: a person checked each status.

# %%
ds.claims.query("paragraph == 6")[["status", "summary_en", "quote"]]

# %% [markdown]
# **Try it.** Paragraph 10 tells how Putin is said to have swayed Musk. Before running the next cell,
# find its verbs in the conditional, then compare with the marks.

# %%
ex.highlight(ds.texts["numerama-2024-10"][9], lang="fr")

# %% [markdown]
# ## 3. What was known when
#
# A claim has two dates: when it happened, and when it became public. The WSJ report came out on
# 24 October 2024; the article followed within days. How many claims of the dataset could a reader
# have known, day by day?

# %%
{
    day: len(ex.filter_claims(ds.claims, known_on=day))
    for day in ["2024-10-23", "2024-10-24", "2024-10-31"]
}

# %% [markdown]
# The Explorer below is set to **23 October 2024**, the day before the report. Move **Known by** to
# the end of the slider (today), then back to September 2024: the reported claims appear and vanish
# together, because all of them became public on the same day, with the WSJ report.

# %%
ex.Explorer(ds, lang="en").filter(known_on="2024-10-23")

# %% [markdown]
# ## 4. Denials, beside what they deny
#
# A denial is a *stated* claim that answers another one. It does not cancel the claim it answers, and
# the claim does not cancel the denial: the reader needs both, side by side.

# %%
ex.filter_claims(ds.claims, kinds="denial")[["id", "summary_en", "responds_to"]]

# %% [markdown]
# Both deny the same reported claim. On the timeline, the dashed grey arrow joins each denial to it:

# %%
side_by_side = [
    "musk-putin-contacts-since-2022",
    "musk-denies-ties",
    "ctx-peskov-calls-report-fake",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(side_by_side)], lang="en")

# %% [markdown]
# What would settle the question? Not a louder denial, nor the same report repeated: documents, or
# people willing to be named. The article cites neither: it attributes the report to the WSJ and
# writes it in the conditional.
#
# ## 5. Exercises: predict, then reveal
#
# **Exercise 1.** The story below hides each claim's status. For each step, read the card and decide
# with the class: *established*, *stated*, *reported*, *accused* or *commentary*? Then press
# **Reveal how we know it**.

# %%
ex.Story(
    ds,
    lang="en",
    predict=True,
    steps=[
        "musk-poll-crimea-to-russia",
        "kremlin-call-before-poll",
        "putin-calls-musk-intelligent",
        "musk-accused-sharing-russian-fake-news",
        "musk-classified-access",
        "us-government-dilemma",
        "musk-could-change-war-and-sway-president",
        "musk-denies-ties",
    ],
)

# %% [markdown]
# **Exercise 2.** The article says Musk's interest in Russia began "in 2002". Find, in the Explorer
# above, what the public record dates earlier.
#
# <details><summary>Answer</summary>
#
# Musk first travelled to Moscow in October 2001 to try to buy rockets (a *context* row, from the
# public record); he went back in February 2002. The claim that his interest in Russia *began* in 2002
# is *reported*, from the WSJ.
#
# </details>
#
# **Exercise 3.** "An unnamed source quoted by the WSJ says the US government faces a dilemma." Why is
# this *reported* and not *stated*, although it is a quotation?
#
# <details><summary>Answer</summary>
#
# A *stated* claim needs a named person, who can be asked and held to their words. A quotation from a
# source the newspaper does not name rests on the newspaper's word: it is *reported*.
#
# </details>
#
# ## Summary
#
# - A claim's **status** says how we know it: *established*, *stated*, *reported*, *accused* or
#   *commentary*. The same sentence can sound equally sure in all five.
# - In French, the **conditional mood** marks what a newspaper relays without having checked it.
# - The contacts between Musk and Putin since 2022 are *reported*: they rest on the WSJ's unnamed
#   sources and became public on 24 October 2024. Musk and the Kremlin deny them; neither the
#   report nor the denials are established.
# - A large share of the article is its **author's commentary**.
#
# ## What's next
#
# - `02_explore`: find your own examples of each status.
# - `04_your_own_article`: build the same kind of dataset for another article.
