# %% [markdown] slideshow={"slide_type": "slide"}
# # Musk, Putin and the Wall Street Journal: the story in eleven steps
#
# An account told by a French article (Numerama, October 2024), which relays a Wall Street Journal
# investigation. Each step says what is claimed **and how we know it**.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Overview
#
# 1. The whole picture: every claim on one timeline.
# 2. Eleven steps, from Musk's trips to Moscow in 2001 to the denials of October 2024.
# 3. Who is linked to whom, and how firmly.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | Russia's invasion of Ukraine (February 2022) | Helpful | The background of most steps |
# | Starlink | Helpful | SpaceX's satellite internet service, used by Ukraine's army |
# | The five statuses | Necessary | How we know a claim: see the next slide |
#
# ## Time to learn
#
# 20 minutes in class.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## How we know: five statuses
#
# | Status | What it means |
# | --- | --- |
# | **established** | on the public record: anyone can check it (a post, a deployment, an endorsement) |
# | **stated** | a named person's own public statement, not checked |
# | **reported** | reported by a news outlet from unnamed sources; in French, the conditional mood |
# | **accused** | an accusation made by others, not proven |
# | **commentary** | the journalist's own analysis or opinion |
#
# On the figures a solid mark is established; the less solid the mark, the less we know.

# %% slideshow={"slide_type": "skip"}
import explainer as ex

ds = ex.load_dataset()
ds

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The whole picture
#
# One lane per person or organisation, time from left to right. Spans are dates known only to the
# month or the year; a bar running to the right is a claim "since" a date.

# %% slideshow={"slide_type": "fragment"}
ex.influence_timeline(ds, lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. 2001–2002: rockets from Russia
#
# Musk travelled to Moscow in 2001 and again in 2002 to try to buy rockets for what became SpaceX
# (*established*). According to the WSJ, as the article relays it, his interest in Russia began then
# (*reported*).

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-moscow-trip-2001", "ctx-musk-russia-trip-2002", "musk-russia-interest-2002"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. April 2021: one call
#
# Musk later said that he had spoken with Putin, a call the article dates to April 2021, and that they
# had had no contact since (*stated*: his own words, which nobody outside could check).

# %% slideshow={"slide_type": "-"}
step = ["musk-spoke-to-putin-2021-04", "musk-no-contact-since-2021"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. February 2022: Starlink for Ukraine
#
# After Russia invaded Ukraine, a Ukrainian minister publicly asked for Starlink and Musk replied that
# it was active there (*established*). Why he did it is the article author's own reading
# (*commentary*).

# %% slideshow={"slide_type": "-"}
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

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-single-combat-post", "musk-challenges-putin-to-fight"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. October 2022: the poll
#
# Musk posted a poll on a "peace plan" for Ukraine; one of its options was for Crimea to remain
# Russian (*established*: anyone could see the poll).

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-peace-plan-poll", "musk-ukraine-poll-2022", "musk-poll-crimea-to-russia"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. What the WSJ adds about the poll
#
# According to the WSJ, citing unnamed sources, the Kremlin phoned Musk before he posted the poll
# (*reported*). The French article writes it in the conditional: the Kremlin *aurait réussi* to
# convince him.

# %% slideshow={"slide_type": "-"}
step = ["kremlin-call-before-poll", "kremlin-persuaded-musk-poll", "putin-crimea-demand"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. October 2022: "only once"
#
# Musk wrote that he had spoken with Putin only once, about 18 months earlier, about space; the
# Kremlin's spokesman confirmed a single call. Two *stated* claims, one from each side.

# %% slideshow={"slide_type": "-"}
step = ["ctx-musk-says-spoke-once", "ctx-peskov-confirms-one-call"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. Since 2022: regular contact?
#
# On 24 October 2024 the WSJ reported, citing unnamed sources, that Musk has been in regular contact
# with Putin and his closest aides since 2022 (*reported*). Before that day, none of it was public.

# %% slideshow={"slide_type": "-"}
step = [
    "musk-putin-contacts-since-2022",
    "musk-kiriyenko-conversations",
    "ctx-wsj-publishes-report",
]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. Favours asked, according to the WSJ
#
# According to the same reporting, Putin persuaded Musk to cut off Starlink in some war zones, and got
# him to hold back Starlink's launch in Taiwan as a favour to Xi Jinping (*reported*: not
# established).

# %% slideshow={"slide_type": "-"}
step = ["putin-starlink-war-zones", "putin-starlink-taiwan-favour-xi"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 10. The denials
#
# The article says Musk denies any such ties; the day after the report, the Kremlin's spokesman called
# it fake and said the two men had spoken only once, before 2022 (*stated*). A denial stands beside
# what it denies: neither settles the question.

# %% slideshow={"slide_type": "-"}
step = ["musk-putin-contacts-since-2022", "musk-denies-ties", "ctx-peskov-calls-report-fake"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 11. The author's view
#
# The article's author argues that SpaceX and Starlink give Musk excessive power, far beyond that of
# a tech executive. That is the journalist's *commentary*, not a finding of the WSJ.

# %% slideshow={"slide_type": "-"}
step = ["us-government-dilemma", "musk-too-much-power"]
ex.influence_timeline(ds, claims=ds.claims[ds.claims["id"].isin(step)], lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The eleven steps again, on one timeline
#
# Press **Next** to replay the steps: each one circles its main claim on the whole timeline and shows
# its card, with the quote and the paragraph of the article it comes from.

# %% slideshow={"slide_type": "-"}
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
)
story

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Who is linked to whom
#
# Each arrow is a set of claims from one actor to another; the wider the arrow, the more claims, and the
# firmer its line, the firmer the best-supported of them.

# %% slideshow={"slide_type": "fragment"}
ex.actor_network(ds, lang="en")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# - The firm facts are public acts: trips, posts, a poll, an endorsement.
# - The contacts since 2022 and the favours rest on one report, citing unnamed sources, public since
#   24 October 2024; Musk and the Kremlin deny them.
# - The article adds its author's own opinions: they are labelled *commentary*.
#
# ## What's next
#
# - `02_explore`: filter the claims yourself, and move "Known by" across October 2024, the month of the WSJ report.
# - `03_reading_claims`: a lesson on the five statuses, with exercises.
