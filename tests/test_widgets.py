"""The Explorer and the Story, without a browser: set controls, assert on the figures' data."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
import pytest
from sample_data import HOSTILE_QUOTE, HOSTILE_SUMMARY

from explainer import filter_claims
from explainer.card import card_html, safe_url, table_html
from explainer.figures import influence_timeline
from explainer.figures.timeline import x_title
from explainer.filtering import claim_mask
from explainer.widgets import Explorer, Story


def trace(fig, uid):
    return next(tr for tr in fig.data if tr.uid == uid)


def points(app) -> int:
    """How many claims the timeline draws one by one (a hidden claim's x is NaN)."""
    return sum(
        int(np.isfinite(np.asarray(tr.x, dtype=float)).sum())
        for tr in app.figure.data
        if tr.uid.startswith("timeline-points-")
    )


def shown_ids(app) -> set[str]:
    ids = app.claims["id"].to_numpy()
    return {
        str(ids[int(i)])
        for tr in app.figure.data
        if tr.uid.startswith("timeline-points-")
        for i, x in zip(np.asarray(tr.customdata), np.asarray(tr.x, dtype=float), strict=True)
        if np.isfinite(x)
    }


def drawn_x(tr, index: int) -> float:
    """The x of claim ``index`` in a point trace (NaN when it is not drawn)."""
    k = list(np.asarray(tr.customdata)).index(index)
    return float(np.asarray(tr.x, dtype=float)[k])


def click(fig, uid: str, k: int) -> None:
    """What the browser sends when a mark is clicked: the trace's index and the point's."""
    index = [tr.uid for tr in fig.data].index(uid)
    tr = fig.data[index]
    fig._js2py_pointsCallback = {
        "event_type": "plotly_click",
        "points": {
            "trace_indexes": [index],
            "point_indexes": [k],
            "xs": [float(tr.x[k])],
            "ys": [float(tr.y[k])],
        },
        "device_state": None,
    }


# --------------------------------------------------------------------------------------------------
# The Explorer: one widget, built once


def test_explorer_is_one_displayable_widget(small_data):
    app = Explorer(small_data)
    assert isinstance(app, widgets.VBox)
    assert isinstance(app.figure, go.FigureWidget)
    assert isinstance(app.network, go.FigureWidget)
    for part in (app.figure, app.network, app.table, app.summary, app.card, app.description):
        assert _contains(app, part)
    assert points(app) == len(small_data.claims)
    assert app.summary.value.count("13 of 13 claims; 6 rest on unnamed sources") == 1


def _contains(box, widget) -> bool:
    if box is widget:
        return True
    return any(_contains(child, widget) for child in getattr(box, "children", ()))


def test_explorer_figure_has_the_static_figures_traces_and_stable_uids(small_data):
    app = Explorer(small_data)
    static = influence_timeline(small_data, key="none")  # its keys are HTML beside it
    assert [tr.uid for tr in app.figure.data] == [tr.uid for tr in static.data]
    assert app.figure._widget_data[0]["uid"] == "timeline-highlight-span"  # what the browser gets
    again = Explorer(small_data)
    assert app.figure.to_json() == again.figure.to_json()


def test_filter_one_actor_gives_fewer_points_and_reset_brings_all_back(small_data):
    app = Explorer(small_data)
    n_traces = len(app.figure.data)
    app.filter(actors=["kremlin"])
    assert shown_ids(app) == {"c-call"}
    assert "1 of 13 claims; 1 rests on unnamed sources" in app.summary.value
    app.filter()
    assert points(app) == len(small_data.claims)
    assert len(app.figure.data) == n_traces  # never a trace added
    assert app.actors.value == tuple(app._actor_ids)


def test_filter_matches_filter_claims(small_data):
    app = Explorer(small_data)
    query = {"actors": ["putin", "xi"], "start": "2022", "end": "2022-12", "statuses": ["reported"]}
    app.filter(**query)
    expected = set(filter_claims(small_data.claims, **query)["id"])
    assert shown_ids(app) == expected
    # Putin's influence of 2022 and, through "xi" in involves, Taiwan; the open contact too.
    assert expected == {"c-starlink-limit", "c-taiwan", "c-contact"}


def test_an_empty_window_shows_a_message_not_a_broken_plot(small_data):
    app = Explorer(small_data)
    app.filter(start="1990", end="1991")
    assert points(app) == 0
    assert app.figure.layout.annotations[0].visible
    assert "No claim matches" in app.figure.layout.annotations[0].text
    assert "0 of 13 claims" in app.summary.value and "No claim matches" in app.summary.value
    assert "The timeline is empty" in app.description.value
    assert "<tbody></tbody>" in app.table.value
    app.reset()
    assert points(app) == 13 and not app.figure.layout.annotations[0].visible


def test_an_inverted_window_says_it_ends_before_it_starts(small_data):
    app = Explorer(small_data)
    app.filter(start="2024", end="2020")
    assert points(app) == 0
    assert "ends before it starts" in app.summary.value
    assert "ends before it starts" in app.figure.layout.annotations[0].text
    lo, hi = app.dates.index
    assert lo <= hi  # the slider itself stays well-formed


def test_all_actors_deselected_with_the_control(small_data):
    app = Explorer(small_data)
    app.actors.value = ()
    assert points(app) == 0
    assert "No actor is ticked" in app.summary.value
    app.actors.value = ("kiriyenko",)
    assert shown_ids(app) == {"c-kiriyenko", "c-propaganda"}


def test_controls_drive_the_figure(small_data):
    app = Explorer(small_data)
    app.status_boxes["reported"].value = False
    assert not np.isfinite(np.asarray(trace(app.figure, "timeline-points-reported").x)).any()
    assert len(trace(app.figure, "timeline-links-reported").x) == 0
    assert points(app) == 13 - 6
    app.kind_boxes["action"].value = False
    assert "c-poll" not in shown_ids(app)
    app.search.value = "SONDAGE"  # case-insensitive, in the French summary
    assert shown_ids(app) == set()  # the poll is an action, ticked off
    app.kind_boxes["action"].value = True
    assert shown_ids(app) == {"c-poll"}
    assert app.query["text"] == "SONDAGE" and app.query["statuses"] is not None


def test_date_slider_narrows_the_view_and_the_axis(small_data):
    app = Explorer(small_data)
    months = app._months
    app.dates.index = (months.index("2022-01"), months.index("2022-12"))
    ids = shown_ids(app)
    assert "c-poll" in ids and "c-propaganda" not in ids and "c-spacex" not in ids
    lo, hi = app.figure.layout.xaxis.range
    assert lo < np.datetime64("2022-01-01").astype("datetime64[ms]").astype(float) < hi
    assert hi < np.datetime64("2023-03-01").astype("datetime64[ms]").astype(float)


def test_known_on_shows_what_was_public_then(small_data):
    app = Explorer(small_data)
    app.filter(known_on="2024-10-23")
    before = shown_ids(app)
    app.filter(known_on="2024-10-31")
    after = shown_ids(app)
    # The WSJ report of 24 October 2024 appears as a jump.
    assert before == {"c-talk-2021", "c-starlink-ua", "c-poll"}
    assert len(after) == 13
    app.known_on.value = "2022-10"
    assert shown_ids(app) == {"c-talk-2021", "c-starlink-ua", "c-poll"}


def test_the_explorers_filter_follows_the_documented_rules(small_data, bundled_data):
    # The Explorer's one prepared filter, used query after query, against the row-by-row oracle.
    from test_filtering import oracle

    for data in (small_data, bundled_data):
        app = Explorer(data)
        claims = app.claims
        queries = [
            {},
            {"actors": ["putin"]},
            {"actors": ["xi", "ukraine"]},
            {"actors": []},
            {"start": "2022", "end": "2022-10"},
            {"start": "2024", "end": "2020"},
            {"start": "2023-05-17"},
            {"end": "2001"},
            {"statuses": ["reported", "accused"], "kinds": ["contact", "influence"]},
            {"text": "starlink"},
            {"text": "  CRIMÉE "},
            {"text": "poutine", "statuses": ["reported"]},
            {"text": "dementi"},
            {"text": "DÉMENTI kremlin"},
            {"text": "musk  poutine starlink"},
            {"known_on": "2024-10-23"},
            {"known_on": "2022-10"},
            {"actors": ["musk"], "start": "2021", "known_on": "2024-10-24", "text": "wsj"},
        ]
        for q in queries:
            expected = oracle(claims, q)
            criteria = app._filter.criteria(**q)
            assert np.array_equal(app._filter.mask(criteria), expected), q
            assert np.array_equal(app._filter.mask(criteria), expected), q  # from the cache
            assert np.array_equal(claim_mask(claims, **q), expected), q


# --------------------------------------------------------------------------------------------------
# Clicks and cards


def test_clicking_a_mark_opens_its_card_and_circles_it(small_data):
    app = Explorer(small_data)
    reported = trace(app.figure, "timeline-points-reported")
    k = list(np.asarray(reported.customdata)).index(app._timeline.index_of["c-call"])
    click(app.figure, "timeline-points-reported", k)
    assert app.selected == "c-call"
    assert "a call from the Kremlin preceded the poll" in app.card.value
    assert "ce sondage avait été précédé d&#x27;un coup de fil du Kremlin" in app.card.value
    assert "relayed from a news report resting on unnamed sources" in app.card.value
    assert 'href="https://www.numerama.com/a.html"' in app.card.value
    assert 'rel="noopener noreferrer"' in app.card.value
    ring = trace(app.figure, "timeline-highlight")
    assert list(ring.x) == [reported.x[k]] and list(ring.y) == [reported.y[k]]
    assert 'aria-selected="true"' in app.table.value
    # Filtered out, it is no longer circled; back in, it is.
    app.filter(actors=["putin"])
    assert len(trace(app.figure, "timeline-highlight").x) == 0
    app.filter()
    assert len(trace(app.figure, "timeline-highlight").x) == 1


def test_show_claim_unknown_id_says_so(small_data):
    app = Explorer(small_data)
    app.show_claim("nope")
    assert "No claim has the id nope" in app.card.value
    assert app.selected is None


def test_card_tells_a_denial_and_what_it_answers(small_data):
    denial = card_html(small_data, "c-denial")
    assert "This denial answers" in denial and "regular contact with Putin" in denial
    denied = card_html(small_data, "c-contact")
    assert "Denied by" in denied and "Musk denies any link" in denied
    context = card_html(small_data, "c-starlink-ua")
    assert "added by us as context" in context
    assert "<a " not in context  # the public-record source has no address


def test_hostile_text_is_escaped_in_card_table_and_summary(hostile_data):
    app = Explorer(hostile_data)
    app.show_claim("c-hostile")
    for html_text in (app.card.value, app.table.value):
        assert "<script>" not in html_text and HOSTILE_QUOTE not in html_text
        assert "<i>Evil</i>" not in html_text
    assert "&lt;script&gt;" in app.card.value and "&lt;img src=x" in app.card.value
    assert "&lt;script&gt;" in app.table.value
    app.filter(text="<script>")
    assert shown_ids(app) == {"c-hostile"}
    assert "<script>" not in app.summary.value + app.description.value
    assert HOSTILE_SUMMARY not in app.figure.to_json()


def test_only_http_links_are_made(small_data):
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.org", 'https://x.org/"><b>', ""):
        assert safe_url(bad) is None
    small_data.sources.loc["numerama", "url"] = "javascript:alert(1)"
    card = card_html(small_data, "c-call")
    assert "javascript:" not in card and "<a " not in card
    assert "Numerama" in card


def test_table_lists_the_matching_claims_with_a_limit(small_data):
    html_table = table_html(small_data, small_data.claims, limit=5, caption="<caption>")
    assert html_table.count("<tr data-claim=") == 5
    assert "The first 5 are listed" in html_table
    assert "&lt;caption&gt;" in html_table
    app = Explorer(small_data)
    app.filter(statuses=["accused"])
    assert app.table.value.count("<tr data-claim=") == 1
    assert 'data-claim="c-propaganda"' in app.table.value


# --------------------------------------------------------------------------------------------------
# Language


def test_explorer_in_french_from_the_start_and_by_the_switch(small_data):
    fr = Explorer(small_data, lang="fr")
    assert "13 sur 13 affirmations ; 6 reposent sur des sources anonymes" in fr.summary.value
    assert x_title(fr.figure).startswith("Quand")
    assert ("Vladimir Poutine", "putin") in fr.actors.options
    app = Explorer(small_data)
    app.show_claim("c-call")
    app.language.value = "fr"
    assert app.lang == "fr"
    assert x_title(app.figure) == x_title(fr.figure)
    assert trace(app.figure, "timeline-points-reported").name == "rapporté : une enquête relayée"
    assert "Vladimir Poutine" in app.figure.layout.yaxis.ticktext
    assert "un appel du Kremlin a précédé le sondage" in app.card.value
    assert "Qui s&#x27;en porte garant" in app.card.value
    assert "sur 13 affirmations" in app.summary.value
    assert "octobre 2022" in " ".join(trace(app.figure, "timeline-points-reported").hovertext)
    assert app.actors.value == tuple(app._actor_ids)  # relabelling kept the selection
    assert app.status_boxes["stated"].description.endswith("déclaré")
    assert "Vladimir Poutine" in trace(app.network, "network-nodes").text
    app.set_language("en")
    assert "13 of 13 claims" in app.summary.value


def test_bad_filter_arguments_give_clear_errors(small_data):
    app = Explorer(small_data)
    with pytest.raises(ValueError, match="unknown actor 'putn'"):
        app.filter(actors=["putn"])
    with pytest.raises(ValueError, match="unknown status"):
        app.filter(statuses=["rumour"])
    with pytest.raises(ValueError, match="cannot read the date"):
        app.filter(start="last week")
    with pytest.raises(ValueError, match="lang must be one of"):
        Explorer(small_data, lang="de")


def test_explorer_with_one_claim_and_no_target(one_claim_data):
    app = Explorer(one_claim_data)
    assert points(app) == 1
    assert "1 of 1 claim; 1 rests on unnamed sources" in app.summary.value
    assert app.network.layout.annotations[0].visible  # no link between two actors
    app.filter(kinds=["contact"])
    assert points(app) == 0 and "No claim matches" in app.summary.value


def test_explorer_on_the_bundled_dataset(bundled_data):
    app = Explorer(bundled_data)
    assert points(app) == len(bundled_data.claims)
    app.filter(actors=["putin"], statuses=["reported"])
    expected = filter_claims(bundled_data.claims, actors=["putin"], statuses=["reported"])
    assert shown_ids(app) == set(expected["id"])


# --------------------------------------------------------------------------------------------------
# The Story


def test_story_steps_in_chronological_order_by_default(small_data):
    story = Story(small_data)
    assert story.steps[0] == "c-spacex"  # about 2002
    assert story.steps[-1] in {"c-denial", "c-power"}
    assert len(story.steps) == 13 and story.step == 0
    starts = [small_data.claims.set_index("id").at[i, "when_start"] for i in story.steps]
    assert starts == sorted(starts)


def test_story_next_previous_go_to_and_play(small_data):
    story = Story(small_data, steps=["c-call", "c-poll", "c-denial"])
    ring = trace(story.figure, "timeline-highlight")
    model = story._model
    assert list(ring.x) == [model.x[model.index_of["c-call"]]]
    assert "a call from the Kremlin" in story.card.value
    story.next()
    assert story.step == 1 and story.claim_id == "c-poll"
    assert list(trace(story.figure, "timeline-highlight").x) == [model.x[model.index_of["c-poll"]]]
    assert "Step 2 of 3" in story.position.value
    story.next()
    story.next()  # stays on the last step
    assert story.step == 2 and story.next_button.disabled
    story.previous()
    assert story.step == 1
    story.go_to(0)
    assert story.step == 0 and story.previous_button.disabled
    story.play.value = 2  # what the Play widget does in the browser
    assert story.step == 2 and "Musk denies any link" in story.card.value
    with pytest.raises(IndexError, match="steps 0 to 2"):
        story.go_to(3)
    n_traces = len(story.figure.data)
    story.go_to(-1)
    assert story.step == 2 and len(story.figure.data) == n_traces


def test_story_predict_then_reveal(small_data):
    story = Story(small_data, steps=["c-call", "c-poll"], predict=True)
    model = story._model
    index = model.index_of["c-call"]
    reported = trace(story.figure, "timeline-points-reported")
    assert not np.isfinite(drawn_x(reported, index))  # its mark is hidden...
    ring = trace(story.figure, "timeline-highlight")
    assert list(ring.text) == ["?"]  # ...a question mark stands in its place
    assert "Guess" in ring.hovertext[0] and "unnamed sources" not in ring.hovertext[0]
    assert "Guess, then reveal" in story.card.value
    assert "reported by a news outlet" not in story.card.value
    assert not story.reveal_button.disabled
    story.reveal()
    reported = trace(story.figure, "timeline-points-reported")
    assert np.isfinite(drawn_x(reported, index))
    assert list(trace(story.figure, "timeline-highlight").text) == [""]
    assert "relayed from a news report resting on unnamed sources" in story.card.value
    assert story.reveal_button.disabled
    story.next()  # the next claim is hidden again until revealed
    assert list(trace(story.figure, "timeline-highlight").text) == ["?"]
    assert story.revealed is False


def test_story_without_predict_hides_the_reveal_button(small_data):
    story = Story(small_data, lang="fr")
    assert story.reveal_button.layout.display == "none"
    assert "Étape 1 sur 13" in story.position.value
    assert story.next_button.description == "Suivant"
    assert "Qui s&#x27;en porte garant" in story.card.value


def test_story_bad_and_empty_steps(small_data):
    with pytest.raises(ValueError, match="no claim has the id"):
        Story(small_data, steps=["c-call", "nope"])
    empty = Story(small_data, steps=[])
    assert "no step" in empty.position.value
    assert empty.next_button.disabled and empty.previous_button.disabled
    empty.next()
    assert empty.claim_id is None


def test_changes_before_the_widget_is_shown_are_not_lost(small_data):
    # A browser applies update messages only once the widget is on screen; before that, the
    # widget's initial state must already hold the change (Voila shows what the cell built).
    app = Explorer(small_data)
    app.filter(actors=["kremlin"])
    app.show_claim("c-call")
    state = {d["uid"]: d for d in app.figure._widget_data}
    drawn = [np.isfinite(np.asarray(state[f"timeline-points-{s}"]["x"])) for s in STATUSES]
    assert sum(int(d.sum()) for d in drawn) == 1
    assert len(state["timeline-highlight"]["x"]) == 1
    story = Story(small_data, steps=["c-call", "c-poll"])
    story.next()
    ring = {d["uid"]: d for d in story.figure._widget_data}["timeline-highlight"]
    assert list(ring["x"]) == [story._model.x[story._model.index_of["c-poll"]]]
    # Once a browser shows it, only update messages are sent.
    app.figure._view_count = 1
    before = app.figure._widget_data
    app.filter()
    assert app.figure._widget_data is before
    assert points(app) == 13


STATUSES = ("established", "stated", "reported", "accused", "commentary")


def test_a_window_with_only_open_dated_claims_says_where_they_are(small_data):
    # "since 2022" claims overlap any later window but "until ..." ones any earlier one; here
    # the window holds nothing drawn, yet claims match: the plot says why it looks empty.
    app = Explorer(small_data)
    app.filter(start="2025-06", end="2025-12")  # after every date, but "since 2022" is open
    assert shown_ids(app) == {"c-contact", "c-kiriyenko"}
    note = app.figure.layout.annotations[0]
    assert note.visible and "open date" in note.text
    app.filter(start="2022", end="2022-06")
    assert not app.figure.layout.annotations[0].visible


def test_the_network_widget_is_made_only_when_asked_for(small_data):
    # One FigureWidget at page load: anywidget gives each model 2 s to load plotly's 5 MB module.
    app = Explorer(small_data)
    app.filter(actors=["putin"])
    assert app._network_fig is None
    assert not any(isinstance(w, go.FigureWidget) for w in app._network_slot.children)
    button = app._network_button
    said: list[str] = []
    button.observe(lambda change: said.append(change["new"]), "description")
    button.click()
    # "Drawing…" from the click on, before the network's layout and figure are made.
    assert said and "Drawing the network" in said[0] and button.disabled
    # The figure, with a "drawing…" note that hides itself once the browser has drawn it: when
    # its plot has traces, not when plotly's widget puts its empty plot there.
    note, figure = app._network_slot.children
    assert figure is app.network
    assert "explainer-drawing" in note.value and "Drawing the network" in note.value
    assert ":has(.js-plotly-plot .scatterlayer .trace)" in note.value  # the rule that hides it
    assert "explainer-network" in app._network_slot._dom_classes
    shown = filter_claims(small_data.claims, actors=["putin"])
    assert "Vladimir Putin" in trace(app.network, "network-nodes").text
    app.filter()  # reset: the network follows in place
    assert app.network is app._network_slot.children[1]
    assert len(shown) < len(small_data.claims)


def _drawn_hover(fig, uid: str) -> list[str]:
    """The hover texts of the marks of trace ``uid`` that are drawn (x not NaN)."""
    tr = next(t for t in fig.data if t.uid == uid)
    x = np.asarray(tr.x, dtype=float)
    return [str(h) for h, v in zip(tr.hovertext, x, strict=True) if np.isfinite(v)]


def test_the_network_follows_the_filter(small_data):
    # The Explorer's network, updated in place, against the pure figure of what filter_claims
    # keeps: same links, same counts per actor, after every change (and back after a reset).
    from explainer import actor_network

    app = Explorer(small_data)
    app.network  # noqa: B018 (made on first use)
    steps = [
        {"actors": ["xi"]},
        {"statuses": ["reported"]},
        {"text": "starlink"},
        {"known_on": "2022-10"},
        {"kinds": ["contact"], "start": "2022"},
        {},
    ]
    for q in steps:
        app.filter(**q)
        pure = actor_network(small_data, claims=filter_claims(small_data.claims, **app.query))
        for uid in ("network-edge-hover", "network-nodes"):
            widget = [h for h in _drawn_hover(app.network, uid) if not h.endswith(": 0 claims")]
            assert widget == _drawn_hover(pure, uid), (q, uid)
    assert len(_drawn_hover(app.network, "network-edge-hover")) > 1  # the reset shows every link


# --------------------------------------------------------------------------------------------------
# Controls a student can use without being told (issue 11)


def test_actor_checklist_all_none_and_one_more(small_data):
    app = Explorer(small_data)
    n = len(app._actor_ids)
    assert app.actors.index == tuple(range(n)) and app.actors.legend == "Actors"
    assert app.actors.count_template.format(n=3, total=n) == f"3 of {n} ticked"
    app.actors.index = ()  # what "None" sends
    assert points(app) == 0 and "No actor is ticked" in app.summary.value
    putin = app._actor_ids.index("putin")
    app.actors.index = (putin,)  # tick one box
    assert shown_ids(app) == set(filter_claims(small_data.claims, actors=["putin"])["id"])
    musk = app._actor_ids.index("musk")
    app.actors.index = (putin, musk)  # tick another: the first stays ticked
    expected = filter_claims(small_data.claims, actors=["putin", "musk"])
    assert shown_ids(app) == set(expected["id"])
    app.actors.index = tuple(range(n))  # what "All" sends
    assert points(app) == len(small_data.claims) and app.query["actors"] is None


def test_month_sliders_name_their_handles_and_show_months(small_data):
    app = Explorer(small_data)
    assert app.dates.names == ["From", "To"] and app.known_on.names == ["Known by the end of"]
    labels = app.dates.labels
    assert len(labels) == len(app._months) and all(len(m.split()) == 2 for m in labels)
    i = app._months.index("2022-10")
    assert labels[i] == "Oct 2022"  # a month, not an index, is what the slider announces
    app.dates.index = [i, i]  # the browser sends a list
    assert app.query["start"] == app.query["end"] == "2022-10"
    assert shown_ids(app) == set(
        filter_claims(small_data.claims, start="2022-10", end="2022-10")["id"]
    )
    app.dates.index = (i + 3, i)  # crossed handles are put back in order
    assert app.dates.index == (i, i + 3)
    app.known_on.index = len(app.known_on.labels) - 1
    assert app.known_on.value == "" and app.known_on.labels[-1] == "today (everything)"
    app.set_language("fr")
    assert app.dates.names == ["Du mois", "Au mois"] and app.dates.labels[i] == "oct. 2022"


def test_search_ignores_accents_and_says_when_it_is_why_nothing_matches(bundled_data):
    app = Explorer(bundled_data)
    app.search.value = "dementi"
    expected = claim_mask(bundled_data.claims, text="démenti")
    assert expected.any() and np.array_equal(app.mask, expected)
    app.search.value = "zzzqx"
    assert points(app) == 0
    assert "No claim contains any of the words “zzzqx”" in app.summary.value
    app.actors.index = ()  # no actor ticked is the first reason, not the search
    assert "No actor is ticked" in app.summary.value
    app.set_language("fr")
    app.actors.index = tuple(range(len(app._actor_ids)))
    assert "ne contient l'un des mots « zzzqx »" in html.unescape(app.summary.value)


def test_claim_picker_lists_the_shown_claims_and_opens_their_card(small_data):
    app = Explorer(small_data)
    options = app.claim_picker.options
    assert options[0] == (f"— choose one of the {len(small_data.claims)} shown —", "")
    assert [v for _, v in options[1:]] == list(app.claims["id"])
    app.filter(actors=["putin"])
    shown = [v for _, v in app.claim_picker.options[1:]]
    assert set(shown) == set(filter_claims(small_data.claims, actors=["putin"])["id"])
    app.claim_picker.value = shown[0]  # what choosing one with the keyboard sends
    assert app.selected == shown[0]
    assert f'aria-label="{shown[0]}"' in app.card.value
    app.set_language("fr")
    assert app.claim_picker.options[0][0].startswith("— choisir parmi les")
    assert app.claim_picker.value == shown[0]  # still the open card
    app.filter(actors=["xi"])  # the open claim is no longer shown: the picker says so
    assert app.claim_picker.value == ""


def test_language_radio_names_the_active_language(small_data):
    app = Explorer(small_data)
    assert app.language.description == "Language: English"
    assert app.language.langs == ["en", "fr"]
    app.language.value = "fr"
    assert app.lang == "fr" and app.language.description == "Langue : français"
    assert app.actors.legend == "Acteurs" and app.claim_picker.description.startswith("Lire")
    with pytest.raises(Exception, match="not one of"):
        app.language.value = "de"


def test_figures_keep_a_small_toolbar_and_no_fixed_width(small_data):
    app = Explorer(small_data)
    for fig in (app.figure, app.network):
        assert fig._config["displaylogo"] is False
        assert {"lasso2d", "sendChartToCloud"} <= set(fig._config["modeBarButtonsToRemove"])
        assert fig.layout.width is None  # the plot follows its box (and the window)


def test_story_play_buttons_have_names(small_data):
    story = Story(small_data, lang="fr")
    assert story.play.names == ["Lecture", "Pause", "Arrêter", "En boucle"]
    assert story.play.max == len(story.steps) - 1 and story.play.interval == 6000
    story.play.value = 1  # what a tick of the Play button sends
    assert story.step == 1


def test_month_sliders_use_each_languages_colon(small_data):
    app = Explorer(small_data)
    assert app.dates.separator == ": "
    app.set_language("fr")
    assert app.dates.separator == app.known_on.separator == " : "


def test_known_by_is_the_last_day_of_the_month_chosen(small_data):
    app = Explorer(small_data)
    assert app.known_by is None
    app.known_on.value = "2024-09"
    assert str(app.known_by.date()) == "2024-09-30"


def test_shown_is_what_the_explorer_shows_as_text_and_changes_nothing(hostile_data):
    app = Explorer(hostile_data)
    before = (app.query, app.mask.copy(), app.table.value)
    shown = app.shown(actors="evil")
    assert (app.query, app.table.value) == (before[0], before[2])  # the controls did not move
    assert np.array_equal(app.mask, before[1])
    assert list(shown.claims["id"]) == list(filter_claims(hostile_data.claims, actors="evil")["id"])
    assert repr(shown).startswith("1 of 14 claims")
    assert "<i>Evil</i> & Co → Elon Musk" in repr(shown)  # plain text: the name as written
    page = shown._repr_html_()
    assert "<i>Evil</i>" not in page and "&lt;i&gt;Evil&lt;/i&gt;" in page  # HTML: as text
    assert HOSTILE_SUMMARY not in page
    app.filter(statuses="reported")
    assert repr(app) == f"Explorer: {app.shown().summary}"
    assert list(app.shown().claims["id"]) == list(app.claims["id"][app.mask])


@pytest.mark.parametrize(
    "window",
    [{"end": "2001"}, {"end": "1990"}, {"start": "1900", "end": "1901"}, {"start": "2100"}],
)
def test_a_window_outside_the_data_draws_an_empty_but_finite_axis(small_data, window):
    # A window ending before every claim once gave an infinite axis bound (OutOfBoundsDatetime).
    app = Explorer(small_data, lang="en")
    app.filter(**window)
    lo, hi = app.figure.layout.xaxis.range
    assert np.isfinite(lo) and np.isfinite(hi) and lo < hi
