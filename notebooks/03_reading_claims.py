# %% [markdown]
# # Reading claims: who vouches for what we are told?
#
# ## Overview
#
# A news article mixes several kinds of statement: facts anyone can check, what named people say,
# what a newspaper reports from sources it does not name, accusations, and the author's own voice.
# This lesson uses the Numerama article of October 2024 on Elon Musk and Vladimir Putin, which relays
# a Wall Street Journal (WSJ) investigation, to tell them apart. A status says **where a claim comes
# from, who vouches for it**: never how true it is.
#
# 1. Five statuses, with examples from the article.
# 2. "Reported", taught properly: relayed, anonymous sources, the *conditionnel journalistique*.
# 3. What was known when: what was new on 24 October 2024, and what was not.
# 4. Denials, read beside what they deny, and how to weigh them.
# 5. Exercises: commit to an answer, then reveal.
#
# The teacher guide (`TEACHER.md`) turns this into a 55-minute lesson, with a worksheet, an answer key
# and an exit ticket in `lesson/`.
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
# 60–75 minutes, with the exercises.

# %%
import pandas as pd

import explainer as ex

pd.set_option("display.max_colwidth", None)
ds = ex.load_dataset()
columns = ["when_label_en", "summary_en", "quote"]

# %% [markdown]
# ## 1. Five statuses: who vouches for it?
#
# Every claim in the dataset has one **status**. The summaries are our own words; the quote is the
# article's.
#
# | Status | Who vouches for it | A cue in the French text |
# | --- | --- | --- |
# | **established** | the public record: anyone can check that it happened | stated plainly, and checkable: *avait déployé* |
# | **stated** | a named person, in their own words | *affirmait*, *qu'il qualifie de*, *dément* |
# | **reported** | a news report the article relays | *selon le WSJ*; the conditional: *serait*, *aurait* |
# | **accused** | others accuse; not proven | *est accusé de* |
# | **commentary** | the author's voice: opinion or unsourced assertion | judgements: *difficile à suivre*, *soi-disant* |
#
# Two levels, always: it is established that Peskov *said* something; what he said is not. Two
# warnings: **reported does not mean false**, and **established is not the whole story**.
#
# How many of the article's own claims fall under each status?

# %%
ds.claims.query("layer == 'article'")["status"].value_counts()

# %% [markdown]
# Look at the largest number before reading on: much of the article is its author's own voice.
#
# ### Established: anyone can check that it happened
#
# Musk's public acts after the invasion of Ukraine, as the article gives them:

# %%
ex.filter_claims(ds.claims, statuses="established", actors="musk", end="2022-12").query(
    "layer == 'article'"
)[columns]

# %% [markdown]
# ### Stated: a named person said so
#
# What Putin has said about Musk. It is established that he said it; that tells us what he said, not
# that it is true.

# %%
ex.filter_claims(ds.claims, statuses="stated", actors="putin", kinds="stance")[columns]

# %% [markdown]
# ### Reported: a news report the article relays
#
# The claims that Putin or the Kremlin influenced Musk all come from the WSJ's report, as the article
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
# ### Commentary: the author's voice
#
# These sentences are the article's author speaking, not the WSJ and not a fact of the record: opinions,
# and assertions the article gives without a source.

# %%
ex.filter_claims(ds.claims, statuses="commentary", text="power")[columns]

# %% [markdown]
# ## 2. "Reported", taught properly
#
# "Reported" bundles three different things. Take them one at a time.
#
# ### Relayed: Numerama did no reporting of its own
#
# Every reported claim of the article comes from one report, the WSJ's. Where the article names it, our
# summary says "According to the WSJ"; where it goes on in the conditional without naming it, "The
# article relays". Either way, the article vouches only that the WSJ said so.

# %%
ex.filter_claims(ds.claims, statuses="reported")[["paragraph", "summary_en"]]

# %% [markdown]
# ### Anonymous sources: not the same as unknown
#
# The article never says who the WSJ's sources are, and names "a WSJ source" only once (paragraph 12).
# Other coverage of the report quoted the WSJ describing them as "several current and former U.S.,
# European and Russian officials" (*The Week*, 25 October 2024). Anonymous means *not named to
# readers*: the reporters and their editors know who they are, and the WSJ article is signed by five
# named reporters, who stake their newspaper's reputation on them.
#
# ### The *conditionnel journalistique*, and its limits
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
ex.highlight(ds.texts["numerama-2024-10"][5], lang="fr", ui_lang="en")

# %% [markdown]
# The same paragraph as rows of the dataset: a person checked each status.

# %%
ds.claims.query("paragraph == 6")[["status", "summary_en", "quote"]]

# %% [markdown]
# The conditional has limits, and the article shows all three:
#
# - **a *selon* sentence in the indicative**: *Selon le Wall Street Journal, les liens ... ne se sont
#   pas arrêtés en 2021* is reported, though its verb is not conditional: the attribution decides;
# - **a conditional in the author's own voice**: *Une éventuelle arrivée de Musk ... rendrait ces liens
#   encore plus dangereux* is a hypothesis by the author, so commentary, not reported;
# - the mood says **nothing about the quality** of the sources.
#
# **Try it.** Paragraph 10 tells how Putin is said to have swayed Musk. Before running the next cell,
# find its verbs in the conditional, then compare with the marks.

# %%
ex.highlight(ds.texts["numerama-2024-10"][9], lang="fr", ui_lang="en")

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
# Most reported claims became public with the WSJ report. But not all: some of what the article
# relays was public before, from other people.

# %%
ex.filter_claims(ds.claims, statuses="reported", known_on="2024-10-23")[
    ["id", "public_label_en", "summary_en"]
]

# %% [markdown]
# - A conversation between Musk and Putin before the poll, and the Kremlin's conditions, were public
#   on **11 October 2022**: the political scientist Ian Bremmer said Musk had told him so; Musk denied it
#   that day, and the Kremlin the next.
# - Musk's interest in Russia from his trips of 2001–2002 was public with his **2015** biography.
# - His fear of a nuclear escalation over Crimea was public from Walter Isaacson's biography,
#   **September 2023**.
#
# What was **new** on 24 October 2024: regular contact "since late 2022" (the article says *constante*,
# *depuis 2022*), the talks with Sergei Kiriyenko, and Putin's request about Taiwan.
#
# The Explorer below is set to **23 October 2024**, the day before the report. Move **Known by** to
# the end of the slider (today), then back to September 2022: watch which reported claims appear with
# the WSJ report, and which were there before.

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
# Two denials answer the WSJ's report of 2024; two, in October 2022, answer Bremmer's account. On the
# timeline, the dashed grey arrow joins each denial to the claim it answers:

# %%
side_by_side = [
    "musk-putin-contacts-since-2022",
    "musk-denies-ties",
    "ctx-peskov-calls-report-fake",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(side_by_side)], lang="en")

# %% [markdown]
# **Weigh it.** Neither a louder denial nor the same report repeated changes anything. Answer two
# questions instead:
#
# 1. **What would confirm the report?** Someone saying it on the record; documents; another newsroom's
#    own, independent reporting (not an article relaying the WSJ).
# 2. **Who has an interest in asserting it, and who in denying it?** The WSJ stakes its reputation;
#    Musk and the Kremlin are the people the report is about; officials who talk anonymously may have
#    aims of their own.
#
# ## 5. Exercises: commit, then reveal
#
# **Exercise 1.** The story below hides each claim's status. Before the class discusses anything, each
# student writes, alone and in pen, a status and **the cue word** for each step (Part A of the
# worksheet, `lesson/worksheet.md`). Some items are traps: a conditional that is the author's own
# hypothesis, a *selon* sentence in the indicative, "the report was published" against what it says.
# Then press **Reveal how we know it**, one card at a time. The answers, with notes on the contestable
# items, are in the teacher's key (`lesson/answer_key.md`).

# %%
ex.Story(
    ds,
    lang="en",
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
# **Exercise 2.** The article says Musk's interest in Russia began "in 2002". Find, in the Explorer
# above, what the public record dates earlier, and when it became public.
#
# <details><summary>Answer</summary>
#
# Musk first travelled to Moscow in October 2001 to try to buy rockets (a *context* row, from the
# public record); he went back in February 2002. Both were told in Ashlee Vance's biography (2015). The
# claim that his interest in Russia *began* in 2002 is *reported*: the article relays it in the
# conditional.
#
# </details>
#
# **Exercise 3.** "A source of the WSJ, unnamed in the article, says the government faces a dilemma."
# Why is this *reported* and not *stated*, although it is a quotation in the indicative?
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
# - A claim's **status** says who vouches for it: the public record, a named person, a relayed report,
#   accusers, or the author's voice. It is not a truth scale: reported does not mean false, and
#   established is not the whole story.
# - "Reported" bundles three things: the article **relays** (it did no reporting of its own), the WSJ's
#   sources are **anonymous** (not named, not unknown), and French marks it with the **conditional**,
#   whose limits matter.
# - Part of what the article relays was public, and denied, since October 2022; what was new on
#   24 October 2024 was the WSJ's account of regular contact since late 2022, Kiriyenko, and Taiwan.
# - A denial stands beside what it denies; to weigh them, ask what would confirm the claim and who has
#   an interest in asserting or denying it.
#
# ## What's next
#
# - `02_explore`: find your own examples of each status.
# - `04_your_own_article`: build the same kind of dataset for another article.
# - The worksheet, answer key and exit ticket: `lesson/` and `TEACHER.md`.
