"""Trace identities are defined once (explainer.figures.traces), used by every figure and page."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from explainer.figures.network import NetworkModel
from explainer.figures.timeline import TimelineModel
from explainer.figures.traces import (
    TRACE_KINDS,
    parse_uid,
    trace_uid,
    uid_prefix,
    uid_table,
)
from explainer.i18n import STATUS_ORDER


def test_every_uid_a_figure_draws_is_read_back_to_the_kind_and_fields_it_was_built_from(
    small_data,
):
    timeline, network = TimelineModel(small_data), NetworkModel(small_data)
    timeline.aggregate_possible = True  # the grouped traces too
    for figure, model in (("timeline", timeline), ("network", network)):
        uids = model.trace_uids()
        assert len(set(uids)) == len(uids)
        for uid in uids:
            ref = parse_uid(uid)
            assert ref is not None, uid
            assert ref.kind.figure == figure
            fields = {"status": ref.status, "key": ref.key, "width": ref.width}
            used = {k: v for k, v in fields.items() if v is not None}
            assert trace_uid(figure, ref.kind.name, **used) == uid


def test_every_kind_is_drawn_by_its_figure(small_data):
    timeline, network = TimelineModel(small_data), NetworkModel(small_data)
    timeline.aggregate_possible = True
    drawn = {parse_uid(u).kind for m in (timeline, network) for u in m.trace_uids()}
    assert drawn == set(TRACE_KINDS.values())


@pytest.mark.parametrize(
    ("uid", "kind", "status"),
    [
        ("timeline-spans-hollow", "spans-hollow", None),  # not the spans of a status "hollow"
        ("timeline-spans-reported-soft", "spans-soft", "reported"),
        ("timeline-spans-reported", "spans", "reported"),
        ("network-legend-width", "legend-width", None),  # not the legend of a status "width"
        ("network-legend-stated", "legend", "stated"),
    ],
)
def test_uids_that_share_a_beginning_are_told_apart(uid, kind, status):
    ref = parse_uid(uid)
    assert (ref.kind.name, ref.status) == (kind, status)


@pytest.mark.parametrize("uid", ["", None, "timeline-points-rumour", "timeline-points-", "x"])
def test_a_uid_that_is_not_ours_is_none(uid):
    assert parse_uid(uid) is None


def test_only_marks_that_are_claims_are_marked_so():
    claims = {(k.figure, k.name) for k in TRACE_KINDS.values() if k.claims}
    assert claims == {("timeline", "points"), ("timeline", "highlight")}


def test_a_prefix_matches_every_uid_of_its_kind_and_no_other(small_data):
    uids = TimelineModel(small_data).trace_uids()
    prefix = uid_prefix("timeline", "points")
    assert [u for u in uids if u.startswith(prefix)] == [
        trace_uid("timeline", "points", status=s) for s in STATUS_ORDER
    ]


def test_the_offline_page_gets_the_table_and_spells_no_uid_itself(small_data, tmp_path):
    from explainer.export import export_html

    out = tmp_path / "page.html"
    export_html(small_data, out)
    text = out.read_text(encoding="utf-8")
    data = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert json.loads(data.group(1))["traces"] == uid_table()
    script = (files("explainer") / "_static" / "offline.js").read_text(encoding="utf-8")
    assert not re.search(r"[\"'](timeline|network)-", script)
