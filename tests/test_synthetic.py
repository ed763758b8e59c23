"""The synthetic generator: valid under the schema, deterministic, complete, and sized right."""

from __future__ import annotations

import re
import types

import pandas as pd
import pytest

import explainer
from explainer import validate
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.synthetic import (
    EDTF_FORMS,
    FIRST_YEAR,
    LAST_YEAR,
    N_ACTORS,
    synthetic,
    write_synthetic,
)

FILES = ("actors.csv", "sources.csv", "claims.csv")


@pytest.fixture(scope="module")
def data():
    return synthetic(400, seed=3)


def _form(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}/\.\.", value):
        return "open"
    if re.fullmatch(r"\d{4}~", value):
        return "approximate"
    if re.fullmatch(r"\.\./\d{4}(-\d{2})?", value):
        return "open_start"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value):
        return "day_interval"
    if re.fullmatch(r"\d{4}/\d{4}|\d{4}-\d{2}/\d{4}~", value):
        return "interval"
    return "other"


def test_exported_from_the_package():
    assert explainer.synthetic_dataset is synthetic
    assert "synthetic_dataset" in explainer.__all__
    assert isinstance(explainer.synthetic, types.ModuleType)  # the module keeps its name


def test_written_folder_is_valid_under_the_schema(tmp_path):
    folder = write_synthetic(tmp_path / "syn", 300, seed=1)
    problems = validate(folder)
    assert [p for p in problems if p.severity == "error"] == []
    assert problems == []  # no warnings either: no drafts, no stray spaces, quotes found verbatim
    assert len(list((folder / "sources").glob("*.txt"))) >= 2  # quotes are checked against texts


@pytest.mark.parametrize("n", [0, 1, 37, 250])
def test_sizes(n):
    ds = synthetic(n, seed=0)
    assert len(ds.claims) == n
    assert len(ds.actors) == N_ACTORS
    assert ds.claims["id"].is_unique


def test_negative_size_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        synthetic(-1)


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    a = write_synthetic(tmp_path / "a", 200, seed=7)
    b = write_synthetic(tmp_path / "b", 200, seed=7)
    c = write_synthetic(tmp_path / "c", 200, seed=8)
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    texts_a = sorted(p.name for p in (a / "sources").glob("*.txt"))
    assert texts_a == sorted(p.name for p in (b / "sources").glob("*.txt"))
    for name in texts_a:
        assert (a / "sources" / name).read_bytes() == (b / "sources" / name).read_bytes()
    assert (a / "claims.csv").read_bytes() != (c / "claims.csv").read_bytes()


def test_same_seed_same_frames():
    pd.testing.assert_frame_equal(synthetic(120, seed=2).claims, synthetic(120, seed=2).claims)


def test_every_status_kind_and_date_form_from_30_claims():
    claims = synthetic(30, seed=0).claims
    assert set(claims["status"]) == set(STATUS_ORDER)
    assert set(claims["kind"]) == set(KIND_ORDER)
    forms = set(claims["when"].map(_form))
    assert forms == set(EDTF_FORMS)
    assert forms >= {"day", "month", "year", "open", "approximate", "day_interval"}


def test_dates_read_as_what_they_are(data):
    claims = data.claims
    forms = claims["when"].map(_form)
    assert "other" not in set(forms)
    assert (claims.loc[forms == "open", "when_open_end"]).all()
    assert (claims.loc[forms == "open_start", "when_open_start"]).all()
    assert (claims.loc[forms == "approximate", "when_approximate"]).all()
    assert set(claims.loc[forms == "month", "when_precision"]) == {"month"}
    spans = claims.loc[forms == "day_interval"]
    assert (spans["when_end"] > spans["when_start"]).all()
    assert set(claims.loc[forms == "year", "when_label_fr"].str.len()) == {4}


def test_thirty_years_and_known_after_it_happened(data):
    claims = data.claims
    years = claims.loc[~claims["when_open_start"], "when_start"].dt.year
    assert years.min() >= FIRST_YEAR - 1  # a day interval may start on the eve of the first year
    assert years.max() <= LAST_YEAR
    assert years.nunique() >= 15
    # What became public did so on or after it began: "known on" filtering is meaningful.
    assert (claims["public_end"] >= claims["when_start"]).all()
    assert claims["public_end"].dt.year.max() <= LAST_YEAR + 1


def test_realistic_content(data):
    claims = data.claims
    words_en = claims["summary_en"].str.split().str.len()
    words_fr = claims["summary_fr"].str.split().str.len()
    assert 12 <= words_en.median() <= 40
    assert 12 <= words_fr.median() <= 45
    assert (claims["summary_en"] != claims["summary_fr"]).all()
    article = claims[claims["layer"] == "article"]
    context = claims[claims["layer"] == "context"]
    assert len(context) > 0
    assert (article["quote"] != "").mean() > 0.5
    assert (context["quote"] == "").all()
    assert (context["status"] == "established").all()
    assert (claims["quote"].str.split().str.len() <= 25).all()
    # Reported claims keep their hedge in both languages.
    reported = claims[claims["status"] == "reported"]
    assert reported["summary_en"].str.contains("unnamed sources").all()
    assert reported["summary_fr"].str.contains("sources anonymes").all()
    # Some text looks like markup: views must show it as text.
    assert claims["summary_en"].str.contains("<border>", regex=False).any()


def test_denials_answer_earlier_claims_of_the_same_actor(data):
    claims = data.claims.set_index("id", drop=False)
    denials = claims[claims["kind"] == "denial"]
    assert len(denials) > 0
    for row in denials.itertuples():
        answered = claims.loc[row.responds_to]
        assert answered["id"] < row.id
        assert answered["actor"] == row.actor


def test_actors_sources_and_popularity(data):
    actors = data.actors
    assert set(actors["type"]) == {"person", "organisation", "state", "platform", "outlet"}
    counts = data.claims["actor"].value_counts()
    assert counts.iloc[0] > 5 * counts.median()  # a few actors are in most of the news
    assert set(data.sources["language"]) == {"en", "fr"}
    assert set(data.claims["source"]) <= set(data.sources["id"])


def test_given_folder_is_kept(tmp_path):
    ds = synthetic(40, seed=0, folder=tmp_path / "kept")
    assert ds.path == tmp_path / "kept"
    assert all((tmp_path / "kept" / name).exists() for name in FILES)
