# %% [markdown]
# # Your own article: build, check and explore a dataset
#
# ## Overview
#
# The explainer is not tied to one article. For educators who want to use it with another text, this
# notebook goes through the whole path:
#
# 1. Start from the empty template in `data/template/`.
# 2. Add a claim, and read what the validator says about its mistakes.
# 3. Explore the result with the same widgets as the other notebooks.
# 4. Let the drafter do a first pass over a whole article, then see what a person must still decide.
#
# Here each edit is one line of Python, so that the notebook runs the same way every time. In
# class, edit the CSV files in a spreadsheet and save them as *CSV UTF-8*: the validator reads what
# Excel and LibreOffice write.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | The five statuses (notebook `03_reading_claims`) | Necessary | Who vouches for each claim (not how true it is): one per claim, chosen by a person |
# | CSV files and a spreadsheet | Necessary | The three tables are CSV files |
# | `data/template/README.md` | Helpful | The columns, in one page |
# | Python | Helpful | Only to run the cells |
#
# ## Time to learn
#
# 60 minutes, plus the time to read your article closely.

# %%
import shutil
import tempfile
from pathlib import Path

import pandas as pd

import explainer as ex

pd.set_option("display.max_colwidth", None)
work = Path(tempfile.mkdtemp())  # a scratch folder: the repository is left as it is

# %% [markdown]
# ## 1. Start from the template
#
# The template holds `actors.csv`, `sources.csv` and `claims.csv`, each with its header and one
# example row (an invented town-council story), and the story's text in `sources/`, against which
# quotes are checked word for word. Copy it, then check it: an empty list means no problem.

# %%
folder = shutil.copytree("../data/template", work / "my_article")
ex.validate(folder)

# %%
ex.load_dataset(folder).claims[["id", "when", "actor", "status", "summary_en", "quote"]]

# %% [markdown]
# ## 2. Add a claim, and read the validator
#
# Paragraph 2 of the story says: *The council approved the project by 21 votes to 8.* Here is that
# claim as a row of `claims.csv`, with three mistakes people often make: a date written as
# day/month/year, a status that does not exist, and an actor not yet in `actors.csv`.

# %%
row = "council-approves-bridge,11/03/2025,2025-03-14,council,,,action,confirmed,The council approved the bridge.,Le conseil a approuvé le pont.,approved the project by 21 votes to 8,example-article,2,,article,\n"
claims_csv = folder / "claims.csv"
claims_csv.write_text(claims_csv.read_text(encoding="utf-8") + row, encoding="utf-8")
print(*ex.validate(folder), sep="\n")

# %% [markdown]
# Each problem gives the file, the line, the column, the value, and what to do. The same list comes
# from the command line: `python -m explainer validate my_article`. Now fix them: an EDTF date
# (year-month-day), an allowed status, and the new actor.

# %%
fixed = claims_csv.read_text(encoding="utf-8").replace("11/03/2025", "2025-03-11")
claims_csv.write_text(fixed.replace("confirmed", "established"), encoding="utf-8")
actors_csv = folder / "actors.csv"
council = (
    "council,The town council,Le conseil municipal,elected assembly of the town,FR,organisation\n"
)
actors_csv.write_text(actors_csv.read_text(encoding="utf-8") + council, encoding="utf-8")
ex.validate(folder)

# %% [markdown]
# ## 3. Explore it with the same widgets
#
# The Explorer, the Story and the figures take any valid dataset.

# %%
ex.Explorer(ex.load_dataset(folder), lang="en")

# %% [markdown]
# ## 4. A first draft from a whole article
#
# Writing every row by hand is the slow part. The drafter reads an article (French with spaCy's
# model, or English) and writes a draft dataset: one row for each sentence with a cue, a *suggested*
# status, the actors it recognises, and a `review` note saying what a person must still check. Here
# it drafts the Numerama article that the other notebooks use; from the command line, the same is
# `python -m explainer draft numerama-2024-10.txt --out draft --lang fr --date 2024-10-25`.

# %%
draft = ex.draft(
    "../data/sources/numerama-2024-10.txt", work / "draft", lang="fr", date="2024-10-25"
)
draft.claims_frame[["id", "status", "quote"]].head(8)

# %% [markdown]
# A draft is valid but not finished: each row carries a warning until a person has checked its
# status and written its summaries.

# %%
print(ex.validate(work / "draft")[0])

# %% [markdown]
# How far is the draft from the dataset a person checked? Compare the statuses (the totals differ
# too: a person often splits one sentence into several claims, and leaves out what is no claim):

# %%
checked = ex.load_dataset().claims.query("layer == 'article'")["status"]
pd.DataFrame(
    {"drafted": draft.claims_frame["status"].value_counts(), "checked": checked.value_counts()}
)

# %% [markdown]
# The drafter flags the conditionals, speech verbs and accusations it finds, but it cannot tell a
# plain fact from the author's voice (an opinion, or an assertion without a source) when neither
# carries a cue: look at *commentary*. Nor can it see the traps the lesson teaches: a conditional that
# is the author's own hypothesis is commentary, not reported; a *selon* sentence in the indicative is
# still reported. And it cannot know **when** a claim first became public: check each reported claim
# against the public record, as we found that the Kremlin's call before Musk's poll had been public,
# and denied, since October 2022. That is the reader's work, and the point of the lesson: the status
# of each claim is decided by a person, with the text in front of them.
#
# ## Summary
#
# - Copy `data/template/`, replace the example rows, and put the article's text in `sources/`.
# - `ex.validate(folder)` (or `python -m explainer validate folder`) lists every problem with where
#   it is and what to do.
# - `ex.draft(...)` writes a first draft to review; the statuses it suggests are a starting point.
# - `ex.Explorer(ex.load_dataset(folder))` explores any valid dataset.
#
# ## What's next
#
# - Share your dataset folder with your class: `02_explore` works on it once you change the folder in
#   its one line of code.
# - `data/README.md` explains how the bundled dataset was built, status by status.
