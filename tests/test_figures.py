"""The figures: trace structure, status encoding, dates drawn as what they are, links, hover text,
escaping, determinism, French, and their plain-language descriptions."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from explainer import filter_claims
from explainer.figures import (
    actor_network,
    describe,
    describe_network,
    influence_timeline,
    network,
    summary_line,
)
from explainer.figures.network import WIDTH_CLASSES, NetworkModel
from explainer.figures.style import STATUS_STYLES
from explainer.figures.timeline import DETAIL_LIMIT, GL_THRESHOLD, TimelineModel, x_title
from explainer.i18n import STATUS_ORDER
from tests.conftest import HOSTILE_QUOTE

DAY_MS = 86_400_000.0


def trace(fig: go.Figure, uid: str):
    matches = [tr for tr in fig.data if tr.uid == uid]
    assert len(matches) == 1, f"expected one trace {uid!r}, found {len(matches)}"
    return matches[0]


def ms(day: str) -> float:
    return pd.Timestamp(day).value / 1e6


def point_of(fig: go.Figure, model: TimelineModel, claim_id: str) -> tuple[str, float, float]:
    """(trace uid, x, y) of a claim's marker."""
    index = model.index_of[claim_id]
    for tr in fig.data:
        if tr.uid.startswith("timeline-points-") and tr.customdata is not None:
            positions = list(np.asarray(tr.customdata))
            if index in positions:
                k = positions.index(index)
                return tr.uid, float(tr.x[k]), float(tr.y[k])
    raise AssertionError(f"{claim_id} has no marker")


def segments(tr) -> list[tuple[float, float, float, float]]:
    """The (x0, y0, x1, y1) segments of a lines trace built as a, b, NaN triples."""
    x, y = np.asarray(tr.x, dtype=float), np.asarray(tr.y, dtype=float)
    return [(x[i], y[i], x[i + 1], y[i + 1]) for i in range(0, len(x), 3)]


# --------------------------------------------------------------------------------------------------
# Timeline: structure and status


def test_timeline_has_every_trace_with_explicit_unique_uids(small_data):
    fig = influence_timeline(small_data)
    uids = [tr.uid for tr in fig.data]
    assert len(uids) == len(set(uids))
    assert all(u.startswith("timeline-") for u in uids)
    for status in STATUS_ORDER:
        assert f"timeline-points-{status}" in uids
        assert f"timeline-spans-{status}" in uids
        assert f"timeline-links-{status}" in uids
    assert {"timeline-denials", "timeline-highlight", "timeline-open-ends"} <= set(uids)


def test_each_status_has_its_own_shape_and_hedged_ones_are_open(small_data):
    fig = influence_timeline(small_data)
    symbols = {s: trace(fig, f"timeline-points-{s}").marker.symbol for s in STATUS_ORDER}
    assert len(set(symbols.values())) == len(STATUS_ORDER)  # shape alone tells them apart
    # Only the public record is filled: a named person's words (stated) are not drawn like it,
    # so a self-interested denial does not look firmer than an investigation (issue 18 §1).
    assert not symbols["established"].endswith("-open")
    for status in ("stated", "reported", "accused", "commentary"):
        assert "-open" in symbols[status], status
    assert symbols["commentary"] != symbols["reported"]
    # No status is drawn paler, as if weaker, and each has its own line pattern.
    assert len({s.opacity for s in STATUS_STYLES.values()}) == 1
    assert len({s.dash for s in STATUS_STYLES.values()}) == len(STATUS_ORDER)


def test_every_claim_is_one_marker_in_the_trace_of_its_status(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    seen = []
    for status in STATUS_ORDER:
        tr = trace(fig, f"timeline-points-{status}")
        for i in np.asarray(tr.customdata):
            assert small_data.claims.at[int(i), "status"] == status
            seen.append(int(i))
    assert sorted(seen) == list(range(len(small_data.claims)))
    assert model.n == len(seen)


def test_legend_names_statuses_in_words(small_data):
    fig = influence_timeline(small_data)
    shown = [tr.name for tr in fig.data if tr.showlegend]
    for status in STATUS_ORDER:
        assert any(name.startswith(status + ":") for name in shown)
    reading = [tr.name for tr in fig.data if tr.uid.startswith("timeline-legend-")]
    assert any("approximate" in name for name in reading)
    assert any("denial" in name for name in reading)


# --------------------------------------------------------------------------------------------------
# Timeline: dates drawn as what they are


def test_exact_day_is_a_point_without_a_bar(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    uid, x, _ = point_of(fig, model, "c-poll")  # 2022-10-03
    assert uid == "timeline-points-established"
    assert x == ms("2022-10-03")
    bars = [seg for tr in fig.data if tr.uid.startswith("timeline-spans-") for seg in segments(tr)]
    assert all(abs(s[0] - ms("2022-10-03")) > DAY_MS or s[2] - s[0] > DAY_MS for s in bars)


def test_month_precision_is_a_bar_over_the_whole_month(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    _, x, y = point_of(fig, model, "c-call")  # 2022-10, reported
    bars = segments(trace(fig, "timeline-spans-reported"))
    assert (ms("2022-10-01"), y, ms("2022-11-01"), y) in bars
    assert ms("2022-10-01") < x < ms("2022-11-01")  # the marker is inside, not on a made-up day


def test_year_precision_is_a_bar_over_the_whole_year(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    _, _, y = point_of(fig, model, "c-propaganda")  # 2024, accused
    assert (ms("2024-01-01"), y, ms("2025-01-01"), y) in segments(
        trace(fig, "timeline-spans-accused")
    )


def test_open_interval_runs_to_the_day_it_became_public(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    _, x, y = point_of(fig, model, "c-contact")  # 2022/.., public 2024-10-24
    assert x == ms("2022-01-01")  # the marker at its start: "since 2022"
    assert (ms("2022-01-01"), y, ms("2024-10-25"), y) in segments(
        trace(fig, "timeline-spans-reported")
    )
    ends = trace(fig, "timeline-open-ends")
    assert ms("2024-10-25") in list(ends.x)
    assert "triangle-right" in list(ends.marker.symbol)


def test_approximate_date_is_dotted_and_paler(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    _, _, y = point_of(fig, model, "c-spacex")  # 2002~, reported
    soft = trace(fig, "timeline-spans-reported-soft")
    assert (ms("2002-01-01"), y, ms("2003-01-01"), y) in segments(soft)
    assert soft.line.dash == "dot"
    assert soft.opacity < trace(fig, "timeline-spans-reported").opacity
    points = trace(fig, "timeline-points-reported")
    k = list(np.asarray(points.customdata)).index(model.index_of["c-spacex"])
    firm = list(np.asarray(points.customdata)).index(model.index_of["c-contact"])
    assert points.marker.opacity[k] < points.marker.opacity[firm]


def test_long_empty_stretch_of_time_is_cut_and_labelled(small_data):
    fig = influence_timeline(small_data)  # nothing between 2003 and 2021
    breaks = fig.layout.xaxis.rangebreaks
    assert len(breaks) == 1
    lo, hi = (pd.Timestamp(b) for b in breaks[0].bounds)
    # A month and a half is kept on each side of the cut (the busy years get the width).
    assert pd.Timestamp("2003-01-01") < lo <= pd.Timestamp("2003-03-01")
    assert pd.Timestamp("2020-12-01") <= hi < pd.Timestamp("2021-04-01")
    assert fig.layout.xaxis2.rangebreaks == breaks  # the years repeated above: the same cut
    labels = [a.text for a in fig.layout.annotations if a.name == "cut"]
    assert labels == ["axis cut: 2003–2021, no claim"]


def test_a_narrow_timeline_puts_lane_names_inside_the_plot_and_undoes_it(small_data):
    # On a phone the names beside the plot took 151 of 364 px: narrow, they stand inside it, the
    # left margin shrinks to a few px, and the wide layout restores every path it changed. (The
    # views that draw a figure narrow draw it without legends: their keys are HTML.)
    assert influence_timeline(small_data).layout.meta == {"narrow": {}, "wide": {}}
    model = TimelineModel(small_data, None, key="none")
    fig = go.FigureWidget(model.figure(lang="en"))
    wide_left = fig.layout.margin.l
    narrow, wide = fig.layout.meta["narrow"], fig.layout.meta["wide"]
    assert set(narrow) == set(wide), "wide_layout must undo each change narrow_layout makes"
    fig.plotly_relayout(dict(narrow))
    assert fig.layout.margin.l <= 10 < wide_left
    # Moved into the plot, but not plotly's "inside" labels, which hide the years under them.
    assert -fig.layout.yaxis.ticklabelstandoff >= wide_left - 40
    assert fig.layout.yaxis.ticklabelposition in (None, "outside")
    assert fig.layout.yaxis.tickfont.size >= 14  # still readable
    fig.plotly_relayout(dict(wide))
    assert fig.layout.margin.l == wide_left
    assert fig.layout.yaxis.ticklabelstandoff == 0


def test_a_narrow_timeline_hides_its_cut_labels_and_the_wide_one_shows_them(bundled_data):
    # The bundled axis has two cuts (2003-2016, 2016-2020) over the first years, where a narrow
    # timeline's lane names are: their upright labels crossed three names on a phone. Narrow, the
    # dotted lines stay and the key says what they are (key_html with cuts).
    fig = go.FigureWidget(TimelineModel(bundled_data, None, key="none").figure(lang="en"))
    labels = [a for a in fig.layout.annotations if a.name == "cut"]
    assert len(labels) == 2 and all(a.visible is not False for a in labels)
    lines = len(fig.layout.shapes)
    fig.plotly_relayout(dict(fig.layout.meta["narrow"]))
    assert [a.visible for a in fig.layout.annotations if a.name == "cut"] == [False, False]
    assert len(fig.layout.shapes) == lines  # the dotted lines themselves stay
    fig.plotly_relayout(dict(fig.layout.meta["wide"]))
    assert [a.visible for a in fig.layout.annotations if a.name == "cut"] == [True, True]


# --------------------------------------------------------------------------------------------------
# Timeline: links, denials, hover


def test_influence_claims_are_links_from_actor_lane_to_target_lane(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    lane_y = dict(zip(model.lanes, model.lane_centre, strict=True))
    _, x, y = point_of(fig, model, "c-call")  # the Kremlin influences Musk
    links = segments(trace(fig, "timeline-links-reported"))
    mine = [s for s in links if s[0] == x and s[1] == y]
    assert len(mine) == 1
    x0, y0, x1, y1 = mine[0]
    assert x1 == x0  # drawn at the claim's date
    assert y0 == pytest.approx(lane_y["kremlin"], abs=3)
    assert abs(y1 - lane_y["musk"]) < abs(y1 - lane_y["kremlin"])  # it ends at Musk's lane
    # The arrowhead points toward the target: Musk's lane is above the Kremlin's.
    tr = trace(fig, "timeline-links-reported")
    k = links.index(mine[0])
    assert tr.marker.symbol[3 * k + 1] == "triangle-up"
    # Actions are not links, even with a target.
    _, ux, _ = point_of(fig, model, "c-starlink-ua")
    assert all(s[0] != ux for s in segments(trace(fig, "timeline-links-established")))


def test_a_denial_is_joined_to_the_claim_it_answers(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    _, dx, dy = point_of(fig, model, "c-denial")
    _, ax, ay = point_of(fig, model, "c-contact")
    assert segments(trace(fig, "timeline-denials")) == [(dx, dy, ax, ay)]
    assert trace(fig, "timeline-denials").line.dash == "dash"


def test_hover_text_gives_date_summary_status_source_and_paragraph(small_data):
    fig = influence_timeline(small_data)
    model = TimelineModel(small_data)
    tr = trace(fig, "timeline-points-reported")
    k = list(np.asarray(tr.customdata)).index(model.index_of["c-call"])
    text = tr.hovertext[k]
    assert "October 2022" in text
    assert "a call from the Kremlin preceded the poll" in text
    assert "<i>reported</i>" in text and "unnamed sources" in text
    assert "Numerama, paragraph 11" in text
    assert "made public: 24 October 2024" in text
    assert tr.hovertemplate == "%{hovertext}<extra></extra>"
    denial = trace(fig, "timeline-points-stated")
    k = list(np.asarray(denial.customdata)).index(model.index_of["c-denial"])
    assert "answers: According to the WSJ, Musk has been in regular contact" in denial.hovertext[k]


def test_hostile_text_is_escaped_in_hover_and_lane_names(hostile_data):
    fig = influence_timeline(hostile_data)
    text = json.dumps([tr.hovertext for tr in fig.data if tr.hovertext], ensure_ascii=False)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>bold</b>" not in text
    assert "&lt;i&gt;Evil&lt;/i&gt; &amp; Co" in fig.layout.yaxis.ticktext
    assert "<i>Evil</i>" not in fig.layout.yaxis.ticktext


def test_highlight_circles_the_claim(small_data):
    fig = influence_timeline(small_data, highlight="c-taiwan")
    model = TimelineModel(small_data)
    _, x, y = point_of(fig, model, "c-taiwan")
    ring = trace(fig, "timeline-highlight")
    assert list(ring.x) == [x] and list(ring.y) == [y]
    band = segments(trace(fig, "timeline-highlight-span"))
    assert band == [(ms("2022-01-01"), y, ms("2023-01-01"), y)]
    assert len(trace(influence_timeline(small_data), "timeline-highlight").x) == 0


def test_bad_arguments_give_clear_errors(small_data):
    with pytest.raises(ValueError, match="no claim has the id"):
        influence_timeline(small_data, highlight="nope")
    with pytest.raises(ValueError, match="lang must be one of"):
        influence_timeline(small_data, lang="de")
    with pytest.raises(ValueError, match="lang must be one of"):
        actor_network(small_data, lang="de")


# --------------------------------------------------------------------------------------------------
# Timeline: determinism, French, empty and edge cases


def test_two_builds_give_the_same_json(small_data):
    a = influence_timeline(small_data, highlight=["c-poll"]).to_json()
    b = influence_timeline(small_data, highlight=["c-poll"]).to_json()
    assert a == b
    assert a == influence_timeline(small_data, highlight="c-poll").to_json()
    assert '"uid"' not in a or "timeline-points-reported" in a
    n1 = actor_network(small_data).to_json()
    assert n1 == actor_network(small_data).to_json()


def test_french_labels(small_data):
    fig = influence_timeline(small_data, lang="fr")
    assert x_title(fig).startswith("Quand")
    assert "Vladimir Poutine" in fig.layout.yaxis.ticktext
    assert trace(fig, "timeline-points-reported").name == "rapporté : une enquête relayée"
    model = TimelineModel(small_data)
    tr = trace(fig, "timeline-points-reported")
    k = list(np.asarray(tr.customdata)).index(model.index_of["c-call"])
    assert "octobre 2022" in tr.hovertext[k]
    assert "un appel du Kremlin a précédé le sondage" in tr.hovertext[k]
    assert "Numerama, paragraphe 11" in tr.hovertext[k]
    assert "axe coupé" in next(a.text for a in fig.layout.annotations if a.name == "cut")


def test_month_ticks_are_written_in_the_language(small_data):
    model = TimelineModel(small_data)
    window = (ms("2022-01-01"), ms("2022-07-01"))
    en = model.ticks(model.x_range(window), "en")["ticktext"]
    fr = model.ticks(model.x_range(window), "fr")["ticktext"]
    assert en == ["2022", "Apr", "Jul"]
    assert fr == ["2022", "avr.", "juil."]


def test_an_empty_selection_says_so_and_keeps_every_trace(small_data):
    none = small_data.claims.iloc[:0]
    fig = influence_timeline(small_data, claims=none)
    full = influence_timeline(small_data)
    assert [tr.uid for tr in fig.data] == [tr.uid for tr in full.data]
    assert fig.layout.annotations[0].visible
    assert "No claim matches" in fig.layout.annotations[0].text
    assert not full.layout.annotations[0].visible


def test_a_filtered_subset_draws_only_its_claims(small_data):
    subset = filter_claims(small_data.claims, actors=["kremlin"])
    fig = influence_timeline(small_data, claims=subset)
    shown = sum(len(tr.x) for tr in fig.data if tr.uid.startswith("timeline-points-"))
    assert shown == len(subset) == 1
    assert set(fig.layout.yaxis.ticktext) == {"the Kremlin", "Elon Musk"}


def test_one_claim_with_no_target(one_claim_data):
    fig = influence_timeline(one_claim_data)
    assert sum(len(tr.x) for tr in fig.data if tr.uid.startswith("timeline-points-")) == 1
    assert list(fig.layout.yaxis.ticktext) == ["Elon Musk"]
    assert len(trace(fig, "timeline-links-reported").x) == 0
    net = actor_network(one_claim_data)
    assert net.layout.annotations[0].visible  # no claim links two actors


def test_many_claims_switch_to_webgl_and_group_by_month(small_data):
    copies = []
    for k in range(DETAIL_LIMIT // len(small_data.claims) + 2):
        part = small_data.claims.copy()
        part["id"] = part["id"] + f"-{k}"
        part["responds_to"] = np.where(part["responds_to"] != "", part["responds_to"] + f"-{k}", "")
        copies.append(part)
    claims = pd.concat(copies, ignore_index=True)
    assert len(claims) > DETAIL_LIMIT > GL_THRESHOLD
    fig = influence_timeline(small_data, claims=claims)
    assert trace(fig, "timeline-points-reported").type == "scattergl"
    assert len(trace(fig, "timeline-points-reported").x) == 0  # grouped instead
    bins = trace(fig, "timeline-bins-reported")
    assert sum(int(h.split()[0]) for h in bins.hovertext) == int(
        (claims["status"] == "reported").sum()
    )
    assert max(bins.marker.size) > min(bins.marker.size)
    # A narrow selection is drawn claim by claim again.
    model = TimelineModel(small_data, claims)
    few = model.trace_data((claims["actor"] == "kremlin").to_numpy())
    assert len(few["timeline-points-reported"]["x"]) == (claims["actor"] == "kremlin").sum()
    assert len(few["timeline-bins-reported"]["x"]) == 0


def test_bundled_dataset_draws_every_claim(bundled_data):
    fig = influence_timeline(bundled_data)
    shown = sum(len(tr.x) for tr in fig.data if tr.uid.startswith("timeline-points-"))
    assert shown == len(bundled_data.claims)
    assert fig.to_json() == influence_timeline(bundled_data).to_json()
    assert len(fig.layout.xaxis.rangebreaks) >= 1


# --------------------------------------------------------------------------------------------------
# Network


def test_network_edges_are_bundled_by_pair_with_width_by_count(small_data):
    model = NetworkModel(small_data)
    assert ("putin", "musk") in model.pairs and ("musk", "putin") in model.pairs
    data = model.trace_data()
    # putin -> musk: 2 reported influences + 1 stated stance: firmest "stated", width of 3 claims
    width_class = next(k for k, (lo, hi, _) in enumerate(WIDTH_CLASSES) if lo <= 3 <= hi)
    edges = data[f"network-edges-stated-w{width_class}"]
    assert len(edges["x"]) == 3  # one segment
    hover = data["network-edge-hover"]["hovertext"]
    assert "Vladimir Putin → Elon Musk: 3 claims (1 stated, 2 reported)" in hover


def test_network_style_is_the_firmest_status(small_data):
    fig = actor_network(small_data)
    edge_traces = [tr for tr in fig.data if tr.uid.startswith("network-edges-")]
    for tr in edge_traces:
        status = tr.uid.removeprefix("network-edges-").rsplit("-w", 1)[0]
        assert tr.line.dash == STATUS_STYLES[status].dash
        assert tr.line.color == STATUS_STYLES[status].colour
    widths = [tr.line.width for tr in edge_traces if tr.uid.startswith("network-edges-reported-")]
    assert widths == sorted(widths) and len(set(widths)) == len(WIDTH_CLASSES)
    # Kremlin -> Musk is only reported: drawn in the reported style.
    hover = trace(fig, "network-edge-hover").hovertext
    assert any(h.startswith("the Kremlin → Elon Musk: 1 claim (1 reported)") for h in hover)


def test_network_nodes_french_and_escaped(hostile_data):
    fr = actor_network(hostile_data, lang="fr")
    nodes = trace(fr, "network-nodes")
    assert "Vladimir Poutine" in nodes.text
    # Long names are wrapped (<br>) so that they take little width; each line is escaped.
    assert "&lt;i&gt;Evil&lt;/i&gt; &amp;<br>Cie" in nodes.text
    assert all("<i>" not in h for h in nodes.hovertext)
    assert fr.layout.title.text.startswith("Qui est lié à qui")


def test_network_labels_are_never_clipped_and_the_title_clears_the_toolbar(bundled_data):
    fig = actor_network(bundled_data)
    nodes = trace(fig, "network-nodes")
    # Names may run past the plot's edge: drawn there, not cut ("saacson", "The Wall Str").
    assert nodes.cliponaxis is False
    assert "The Wall Street<br>Journal" in nodes.text
    widest = max(len(line) for text in nodes.text for line in text.split("<br>"))
    # The side margins hold the widest line at 14 px (about 8.6 px a character, generously).
    assert fig.layout.margin.l >= 8.6 * widest and fig.layout.margin.r >= 8.6 * widest
    assert nodes.textfont.size >= 14 and fig.layout.legend.font.size >= 14
    # The title starts below plotly's toolbar row (about 30 px at the top right), wrapped.
    assert fig.layout.title.yref == "container"
    assert (1 - fig.layout.title.y) * fig.layout.height >= 30
    assert all(len(line) <= 72 for line in fig.layout.title.text.split("<br>"))
    # The key is across, under the network, not beside it where the names are.
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0.1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_network_title_and_key_fit_its_least_width_and_narrow_makes_room(bundled_data, lang):
    """Drawn at its least width (a phone scrolls sideways beyond it), its title and its key's
    title wrap to fit (about 8 px a character at 14 px); narrow, the key in one column gets a
    taller bottom margin, and the figure grows by as much (its drawing keeps its size)."""
    fig = actor_network(bundled_data, lang=lang)
    fits = network.MIN_WIDTH_PX // 8
    for text in (fig.layout.title.text, fig.layout.legend.title.text):
        plain = text.replace("<b>", "").replace("</b>", "")
        assert max(len(line) for line in plain.split("<br>")) <= min(fits, network.TITLE_CHARS)
    assert not any(tr.legendgrouptitle.text for tr in fig.data)  # the key's title, once
    meta = fig.layout.meta
    assert meta["wide"] == {"margin.b": fig.layout.margin.b, "height": fig.layout.height}
    taller = meta["narrow"]["height"] - meta["wide"]["height"]
    assert taller == meta["narrow"]["margin.b"] - meta["wide"]["margin.b"] > 0


def test_network_filtered_keeps_layout_and_dims_absent_nodes(small_data):
    model = NetworkModel(small_data)
    before = model.node_style()
    mask = (small_data.claims["actor"] == "kremlin").to_numpy()
    data = model.trace_data(mask)
    assert np.array_equal(model.node_style()["x"], before["x"])
    opacity = dict(zip(model.nodes, data["network-nodes"]["marker.opacity"], strict=True))
    assert opacity["kremlin"] == 1.0 and opacity["musk"] == 1.0 and opacity["ukraine"] < 1.0
    assert len(data["network-edge-hover"]["hovertext"]) == 1


# --------------------------------------------------------------------------------------------------
# Text alternatives


def test_describe_says_what_the_timeline_shows(small_data):
    text = describe(small_data.claims, data=small_data)
    assert text.startswith("The timeline shows 13 claims involving 6 actors")
    assert "mostly Elon Musk and Vladimir Putin" in text
    assert "from 2002 to 2024" in text
    assert "reported 6" in text and "commentary 1" in text
    assert "1 denial" in text
    fr = describe(small_data.claims, "fr", data=small_data)
    assert fr.startswith("La frise montre 13 affirmations")
    assert "Vladimir Poutine" in fr and "rapporté 6" in fr
    assert describe(small_data.claims.iloc[:0]) == "The timeline is empty: no claim matches."


def test_summary_line_counts_unnamed_sources(small_data):
    claims = small_data.claims
    assert summary_line(claims, len(claims)) == "13 of 13 claims; 6 rest on unnamed sources"
    one = claims[claims["id"] == "c-call"]
    assert summary_line(one, 13) == "1 of 13 claims; 1 rests on unnamed sources"
    assert summary_line(claims.iloc[:0], 13, "fr") == (
        "0 sur 13 affirmations ; aucune ne repose sur des sources anonymes"
    )


def test_describe_network(small_data):
    text = describe_network(small_data.claims, data=small_data)
    assert text.startswith("The network links 6 actors by 9 claims")
    assert "the busiest link is Vladimir Putin → Elon Musk: 3 claims" in text
    assert describe_network(small_data.claims.iloc[:0]) == (
        "No claim links two actors in this selection."
    )


def test_hostile_quote_never_reaches_hover_unescaped(hostile_data):
    fig = influence_timeline(hostile_data)
    assert HOSTILE_QUOTE not in fig.to_json()


def test_describe_bundled_with_open_dates(bundled_data):
    # "until October 2024" has no start year: the sentence gives the years the data really has.
    text = describe(bundled_data.claims, data=bundled_data)
    assert "dated from 2001 to 2024" in text


def test_network_draws_only_the_busiest_links_when_there_are_many(small_data):
    from explainer.figures.network import EDGE_LIMIT

    rows = []
    base = small_data.claims.iloc[0]
    for a in range(20):
        for b in range(20):
            if a != b:
                row = base.copy()
                row["id"], row["actor"], row["target"] = f"x{a}-{b}", f"a{a}", f"a{b}"
                rows.append(row)
    claims = pd.DataFrame(rows).reset_index(drop=True)
    claims.loc[claims["actor"] == "a0", "status"] = "established"  # a0's links are busier:
    extra = claims[claims["actor"] == "a0"].assign(id=lambda d: d["id"] + "-again")
    claims = pd.concat([claims, extra], ignore_index=True)
    fig = actor_network(small_data, claims=claims)
    assert len(trace(fig, "network-edge-hover").hovertext) == EDGE_LIMIT < 380
    note = fig.layout.annotations[1]
    assert note.visible and f"Only the {EDGE_LIMIT} busiest of 380 links" in note.text
    assert all(h.startswith("a0 → ") for h in trace(fig, "network-edge-hover").hovertext[:19])
    assert not actor_network(small_data).layout.annotations[1].visible


def test_every_interface_string_exists_in_both_languages_with_the_same_fields():
    import string

    from explainer.i18n import CATALOGUE

    for key, entry in CATALOGUE.items():
        assert set(entry) == {"en", "fr"}, key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in entry
        ]
        assert fields[0] == fields[1], key
