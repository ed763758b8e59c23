# %% [markdown] slideshow={"slide_type": "slide"}
# # Musk, Putin and the Wall Street Journal: the story in eleven steps
#
# An account told by a French article (Numerama, October 2024), which relays a Wall Street Journal
# investigation. Each step says what is claimed **and who vouches for it**.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Overview
#
# 1. The whole picture: every claim on one timeline.
# 2. Eleven steps, from Musk's trips to Moscow in 2001 to the denials of October 2024.
# 3. Who is linked to whom, and what each link bundles.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | Russia's invasion of Ukraine (February 2022) | Helpful | The background of most steps |
# | Starlink | Helpful | SpaceX's satellite internet service, used by Ukraine's army |
# | The five statuses | Necessary | Who vouches for a claim: see the next slide |
#
# ## Time to learn
#
# 25–30 minutes in class. For the whole lesson (worksheet, answer key, exit ticket), see the teacher
# guide, `TEACHER.md`, at the top of the repository.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Who vouches for it: five statuses
#
# A status says **where a claim comes from**, not how true it is.
#
# | Status | Who vouches for it | Mark |
# | --- | --- | --- |
# | **established** | the public record: anyone can check that it happened (a post, a deployment) | ● filled |
# | **stated** | a named person, in their own words: established that they *said* it, not that it is true | ▣ |
# | **reported** | a news report the article relays (the WSJ's, whose sources are not named); in French, the conditional | ◇ |
# | **accused** | others accuse; not proven | △ |
# | **commentary** | the author's voice: opinion or unsourced assertion | ✳ |
#
# Only the public record is a filled mark; the other shapes say who else vouches. **Reported does
# not mean false**, and **established is not the whole story**.

# %% slideshow={"slide_type": "skip"}
import explainer as ex

ds = ex.load_dataset()
ds

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The whole picture
#
# One lane per person or organisation with claims of their own, time from left to right; one mark
# per month and status, the bigger the more claims (hover a mark for its count and whom it is
# about). The steps that follow show each claim on its own, with its dates as precise as the source
# gives them.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "fragment"} tags=["hide-input"]
ex.influence_timeline(ds, lang="en", grouped=True)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. 2001–2002: rockets from Russia
#
# Musk travelled to Moscow in 2001 and again in 2002 to try to buy rockets for what became SpaceX
# (*established*; told in Ashlee Vance's biography, public by 2015). The article relays, in the
# conditional, that his interest in Russia began in 2002 (*reported*).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-moscow-trip-2001", "ctx-musk-russia-trip-2002", "musk-russia-interest-2002"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. April 2021: one call
#
# Musk later said that he had spoken with Putin, a call the article dates to April 2021, and that they
# had had no contact since (*stated*: his own words). The call itself is also confirmed by the
# Kremlin (step 7); that there was no contact after it rests on their word.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["musk-spoke-to-putin-2021-04", "musk-no-contact-since-2021"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. February 2022: Starlink for Ukraine
#
# After Russia invaded Ukraine, a Ukrainian minister publicly asked for Starlink and Musk replied that
# it was active there (*established*). Why he did it is the article author's own reading
# (*commentary*).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "ctx-fedorov-asks-starlink",
    "musk-deploys-starlink-ukraine",
    "starlink-motive-american-side",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. March 2022: a challenge
#
# Musk publicly challenged Putin to single combat, with Ukraine as the stake (*established*: the post
# is on the public record).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-single-combat-post", "musk-challenges-putin-to-fight"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. October 2022: the poll
#
# Musk posted one "peace plan" and asked his followers to vote yes or no on it; one of its points was
# Crimea "formally part of Russia" (*established*: anyone could see the poll). The article calls
# leaving Crimea to Russia "one of the solutions" he proposed.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["ctx-musk-peace-plan-poll", "musk-ukraine-poll-2022", "musk-poll-crimea-to-russia"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. A call before the poll: reported, and not new
#
# According to the WSJ, as the article relays it, the poll was preceded by a call from the Kremlin,
# which convinced Musk to post it (*reported*; the article writes the first part in the indicative,
# the second in the conditional, *aurait réussi*). This account was **public since 11 October 2022**:
# the political scientist Ian Bremmer said then that Musk had told him he had spoken with Putin and the
# Kremlin before the poll (*stated*, by Bremmer).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "kremlin-call-before-poll",
    "kremlin-persuaded-musk-poll",
    "putin-crimea-demand",
    "ctx-bremmer-musk-spoke-to-putin",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. October 2022: "only once"
#
# The same day, Musk denied Bremmer's account: he had spoken with Putin only once, about 18 months
# earlier, about space. The next day the Kremlin's spokesman denied a call before the poll and
# confirmed a single call. Two denials (*stated*), each drawn beside what it answers.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "ctx-bremmer-musk-spoke-to-putin",
    "ctx-musk-says-spoke-once",
    "ctx-peskov-confirms-one-call",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. What was new on 24 October 2024
#
# That day the WSJ reported regular contact between Musk and Putin **since late 2022**, talks with
# Sergei Kiriyenko, first deputy chief of staff of Putin's administration, and a request from Putin about Taiwan (*reported*).
# The article turns "regular" into *constante* and "since late 2022" into *depuis 2022*. What was
# **not** new: a Musk–Putin conversation before the poll (Bremmer, 2022), Musk's early interest in
# Russia (his 2015 biography), his fear of a nuclear escalation over Crimea (Isaacson's biography,
# September 2023).

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = [
    "musk-putin-contacts-since-2022",
    "musk-kiriyenko-conversations",
    "ctx-wsj-publishes-report",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. Favours asked, according to the WSJ
#
# The article says, in the conditional, that Putin persuaded Musk to block Starlink in some war zones,
# and made him give up launching Starlink in Taiwan as a favour to Xi Jinping (*reported*). The WSJ,
# as quoted in other coverage, wrote that Putin **asked** Musk to avoid activating Starlink over
# Taiwan: that Musk complied is Numerama's wording.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["putin-starlink-war-zones", "putin-starlink-taiwan-favour-xi"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 10. The denials
#
# The article says Musk denies any such ties; the day after the report, the Kremlin's spokesman called
# it fake and said the two men had spoken only once, before 2022 (*stated*). A denial stands beside
# what it denies. To weigh them: what would confirm the report (someone on the record, documents,
# another newsroom's own reporting)? Who has an interest in asserting it, and who in denying it?

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["musk-putin-contacts-since-2022", "musk-denies-ties", "ctx-peskov-calls-report-fake"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 11. The author's voice
#
# A source of the WSJ, unnamed in the article, says the government faces a dilemma because it depends
# on Musk's technology (*reported*). The article's author then argues that SpaceX and Starlink give
# Musk excessive power: that is the author's voice (*commentary*), not a finding of the WSJ.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
step = ["us-government-dilemma", "musk-too-much-power"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The eleven steps again, on one timeline
#
# Press **Next** to replay the steps: each one circles its main claim on the whole timeline and shows
# its card, with the quote and the paragraph of the article it comes from.

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "-"} tags=["hide-input"]
story = ex.Story(
    ds,
    lang="en",
    steps=[
        "musk-russia-interest-2002",
        "musk-spoke-to-putin-2021-04",
        "musk-deploys-starlink-ukraine",
        "musk-challenges-putin-to-fight",
        "musk-poll-crimea-to-russia",
        "kremlin-call-before-poll",
        "ctx-musk-says-spoke-once",
        "musk-putin-contacts-since-2022",
        "putin-starlink-taiwan-favour-xi",
        "musk-denies-ties",
        "musk-too-much-power",
    ],
    height=540,  # fits a 1366×768 slide under the buttons
)
story

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Who is linked to whom
#
# Each arrow bundles the claims from one actor to another; the wider the arrow, the more claims. Its
# line takes the style of the status listed first among them. **To discuss:** why is the Musk → Putin
# link drawn as it is, and what does it bundle? (Hover it.)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "fragment"} tags=["hide-input"]
# A slide's height (1366×768, under a heading and a paragraph)
ex.actor_network(ds, lang="en").update_layout(height=540)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# - The public record holds public acts: trips, posts, a poll, an endorsement, the report's
#   publication.
# - The regular contacts since late 2022, the talks with Kiriyenko and the Taiwan request rest on one
#   report, public since 24 October 2024; Musk and the Kremlin deny them. Part of what the article
#   relays had been public, and denied, since 2022.
# - The article adds its author's voice: opinions and unsourced assertions, labelled *commentary*.
#
# ## What's next
#
# - `02_explore`: filter the claims yourself, and move "Known by" across October 2024, the month of
#   the WSJ report.
# - `03_reading_claims`: a lesson on the five statuses, with exercises.
# - The teacher guide `TEACHER.md` and the worksheet in `lesson/`.
