"""filter_claims: examples on the small dataset, and its semantics as properties (hypothesis).

The properties compare filter_claims with a plain oracle of each rule, on random claims tables:
an actor matches as actor, target or involved; a date window keeps what overlaps it; known_on keeps
what was certainly public by then; filtering twice equals filtering once with both criteria.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from explainer import filter_claims
from explainer.dates import bounds_frame, parse_date
from explainer.filtering import ClaimFilter, Criteria, claim_mask, fold_text, search_words
from explainer.i18n import KIND_ORDER, STATUS_ORDER


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["id"])


# --------------------------------------------------------------------------------------------------
# Examples on the small hand-made dataset (tests/conftest.py)


def test_no_criteria_keeps_everything(small_data):
    claims = small_data.claims
    pd.testing.assert_frame_equal(filter_claims(claims), claims)


def test_the_example_of_the_issue(small_data):
    kept = filter_claims(
        small_data.claims, actors=["putin"], start="2022", end="2024-10", statuses=["reported"]
    )
    assert ids(kept) == {"c-contact", "c-starlink-limit", "c-taiwan"}


def test_an_actor_matches_as_actor_target_or_involved(small_data):
    claims = small_data.claims
    assert ids(filter_claims(claims, actors=["xi"])) == {"c-taiwan"}  # involved only
    assert ids(filter_claims(claims, actors="ukraine")) == {"c-starlink-ua", "c-poll"}
    assert ids(filter_claims(claims, actors=["kiriyenko"])) == {"c-kiriyenko", "c-propaganda"}


def test_an_empty_actor_list_matches_nothing(small_data):
    assert filter_claims(small_data.claims, actors=[]).empty


def test_the_window_keeps_what_overlaps_it(small_data):
    claims = small_data.claims
    # 2021-04 (all of April) overlaps a window that ends on 10 April 2021
    assert "c-talk-2021" in ids(filter_claims(claims, end="2021-04-10"))
    assert "c-talk-2021" in ids(filter_claims(claims, start="2021-04-30"))
    assert "c-talk-2021" not in ids(filter_claims(claims, start="2021-05-01"))
    # "since 2022" is in any window that ends in 2022 or later, never in one ending before
    assert "c-contact" in ids(filter_claims(claims, start="2030", end="2031"))
    assert "c-contact" not in ids(filter_claims(claims, end="2021-12-31"))
    # end="2024-10" runs to 31 October 2024
    assert "c-power" in ids(filter_claims(claims, start="2024-10-31", end="2024-10"))


def test_dates_and_timestamps_are_days(small_data):
    claims = small_data.claims
    by_text = filter_claims(claims, start="2022-10-03", end="2022-10-03")
    by_date = filter_claims(claims, start=date(2022, 10, 3), end=pd.Timestamp("2022-10-03 18:00"))
    assert ids(by_text) == ids(by_date)
    assert "c-poll" in ids(by_date)


def test_an_inverted_window_keeps_nothing(small_data):
    claims = small_data.claims
    assert filter_claims(claims, start="2024", end="2020").empty
    assert filter_claims(claims, start=date(2023, 1, 2), end=date(2023, 1, 1)).empty


def test_known_on_keeps_what_was_certainly_public(small_data):
    claims = small_data.claims
    # c-talk-2021 became public in October 2022: certainly public only from 31 October 2022
    assert ids(filter_claims(claims, known_on="2022-10-31")) == {
        "c-talk-2021",
        "c-starlink-ua",
        "c-poll",
    }
    assert ids(filter_claims(claims, known_on="2022-10-30")) == {"c-starlink-ua", "c-poll"}
    assert filter_claims(claims, known_on="2020").empty
    assert len(filter_claims(claims, known_on="2025")) == len(claims)


def test_statuses_kinds_and_text(small_data):
    claims = small_data.claims
    assert ids(filter_claims(claims, statuses="accused")) == {"c-propaganda"}
    assert ids(filter_claims(claims, kinds=["denial", "assessment"])) == {"c-denial", "c-power"}
    assert ids(filter_claims(claims, text="KIRIENKO")) == {"c-kiriyenko", "c-propaganda"}
    assert ids(filter_claims(claims, text="c-poll")) == {"c-poll"}  # ids are searched too
    assert filter_claims(claims, text="(unbalanced [regex").empty  # literal, not a regex
    assert len(filter_claims(claims, text="   ")) == len(claims)  # blank: no criterion


def test_search_ignores_case_and_accents_and_matches_any_word(small_data):
    claims = small_data.claims
    accented = claims[claims["summary_fr"].str.contains("é")]
    assert len(accented) > 0
    word = next(w for w in accented.iloc[0]["summary_fr"].split() if "é" in w)
    bare = word.replace("é", "e").upper()
    assert accented.iloc[0]["id"] in ids(filter_claims(claims, text=bare))
    assert ids(filter_claims(claims, text=bare)) == ids(filter_claims(claims, text=word))
    one, other = (
        ids(filter_claims(claims, text="KIRIENKO")),
        ids(filter_claims(claims, text="c-poll")),
    )
    assert ids(filter_claims(claims, text="kirienko  C-POLL")) == one | other  # any word
    assert fold_text("Démenti, CŒUR l’été") == "dementi, coeur l'ete"
    assert search_words("  Musk  musk démenti ") == ["musk", "dementi"]


def test_filter_keeps_order_index_and_columns(small_data):
    claims = small_data.claims
    kept = filter_claims(claims, statuses=["reported", "stated"])
    assert list(kept.columns) == list(claims.columns)
    assert list(kept.index) == sorted(kept.index)
    pd.testing.assert_frame_equal(kept, claims.loc[kept.index])


# --------------------------------------------------------------------------------------------------
# Properties on random claims tables

DATES = [
    "2002~",
    "2021-04",
    "2022/..",
    "../2021",
    "2022-10-03",
    "2024-10-24/2024-10-31",
    "2022",
    "2021/2022",
    "199X",
    "2024-10",
    "2022-02-26",
    "2016-10-05/..",
]
# "put" and "xin" are prefixes of other ids: a substring match would be a bug.
ACTOR_IDS = ["musk", "putin", "put", "xi", "xin", "kremlin"]
WINDOW_ENDS = [
    None,
    "2000",
    "2021",
    "2021-04-10",
    "2022",
    "2022-10-03",
    "2024-10",
    "2030",
    date(2022, 5, 1),
    pd.Timestamp("2023-01-01"),
]
TEXT = st.text(alphabet="abcAB éÉe()[].*", max_size=8)


@st.composite
def claims_tables(draw) -> pd.DataFrame:
    n = draw(st.integers(min_value=0, max_value=25))
    rows = []
    for i in range(n):
        involved = draw(st.lists(st.sampled_from(ACTOR_IDS), max_size=3, unique=True))
        sep = draw(st.sampled_from([";", "; "]))
        rows.append(
            {
                "id": f"c{i}",
                "when": draw(st.sampled_from(DATES)),
                "public_since": draw(st.sampled_from(DATES)),
                "actor": draw(st.sampled_from(ACTOR_IDS)),
                "target": draw(st.sampled_from(["", *ACTOR_IDS])),
                "involves": sep.join(involved),
                "kind": draw(st.sampled_from(KIND_ORDER)),
                "status": draw(st.sampled_from(STATUS_ORDER)),
                "summary_en": draw(TEXT),
                "summary_fr": draw(TEXT),
                "quote": draw(TEXT),
            }
        )
    return table(rows)


COLUMNS = ["id", "when", "public_since", "actor", "target", "involves", "kind", "status"]
COLUMNS += ["summary_en", "summary_fr", "quote"]


def table(rows: list[dict]) -> pd.DataFrame:
    """A claims table with the columns filter_claims reads, as load_dataset makes them."""
    frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object).fillna("").astype(str)
    return pd.concat(
        [frame, bounds_frame(frame["when"], "when"), bounds_frame(frame["public_since"], "public")],
        axis=1,
    )


def test_the_test_table_has_the_loaded_columns(small_data):
    made = table([])
    assert set(made.columns) <= set(small_data.claims.columns)
    for column in made.columns:
        assert made[column].dtype == small_data.claims[column].dtype, column


def test_an_involved_actor_matches_whole_ids_only():
    base = {"when": "2022", "public_since": "2022", "kind": "contact", "status": "stated"}
    claims = table(
        [
            {**base, "id": "a", "actor": "musk", "target": "", "involves": "putin;xin"},
            {**base, "id": "b", "actor": "musk", "target": "", "involves": "kremlin; put"},
            {**base, "id": "c", "actor": "musk", "target": "", "involves": ""},
        ]
    )
    assert ids(filter_claims(claims, actors=["put"])) == {"b"}  # not "putin"
    assert filter_claims(claims, actors=["xi"]).empty  # not "xin"
    assert ids(filter_claims(claims, actors=["putin"])) == {"a"}
    assert ids(filter_claims(claims, actors=["kremlin", "xin"])) == {"a", "b"}
    assert ids(filter_claims(claims, actors=["musk"])) == {"a", "b", "c"}
    with pytest.raises(ValueError, match=r"unknown actor 'pu\.\*'"):  # ids are not patterns
        filter_claims(claims, actors=["pu.*"])


@st.composite
def criteria(draw) -> dict:
    """Some of the criteria; start and end together form the window criterion."""
    out: dict = {}
    if draw(st.booleans()):
        actors = draw(st.lists(st.sampled_from(ACTOR_IDS), max_size=3))
        out["actors"] = actors[0] if len(actors) == 1 and draw(st.booleans()) else actors
    if draw(st.booleans()):
        out["start"] = draw(st.sampled_from(WINDOW_ENDS))
        out["end"] = draw(st.sampled_from(WINDOW_ENDS))
    if draw(st.booleans()):
        out["statuses"] = draw(st.lists(st.sampled_from(STATUS_ORDER), unique=True))
    if draw(st.booleans()):
        out["kinds"] = draw(st.lists(st.sampled_from(KIND_ORDER), unique=True))
    if draw(st.booleans()):
        out["text"] = draw(TEXT)
    if draw(st.booleans()):
        out["known_on"] = draw(st.sampled_from(WINDOW_ENDS))
    return out


def _day(value, side):
    if value is None:
        return None
    if isinstance(value, str):
        parsed = parse_date(value)
        return parsed.lower if side == "start" else parsed.upper
    return pd.Timestamp(value).normalize()


def _plain(text: str) -> str:
    no_marks = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in no_marks if unicodedata.category(ch) != "Mn")


def oracle(claims: pd.DataFrame, c: dict) -> np.ndarray:
    """Row by row, the rules as the documentation states them."""
    keep = []
    for row in claims.itertuples():
        ok = True
        if "actors" in c:
            wanted = {c["actors"]} if isinstance(c["actors"], str) else set(c["actors"])
            involved = {p.strip() for p in row.involves.split(";") if p.strip()}
            ok &= row.actor in wanted or row.target in wanted or bool(involved & wanted)
        lo, hi = _day(c.get("start"), "start"), _day(c.get("end"), "end")
        if lo is not None and hi is not None and lo > hi:
            ok = False
        if lo is not None:
            ok &= row.when_end >= lo
        if hi is not None:
            ok &= row.when_start <= hi
        if "statuses" in c:
            ok &= row.status in c["statuses"]
        if "kinds" in c:
            ok &= row.kind in c["kinds"]
        if c.get("text", "").strip():
            # Any word, ignoring case and accents (written here without the module's helper).
            fields = [_plain(f) for f in (row.summary_en, row.summary_fr, row.quote, row.id)]
            words = _plain(c["text"]).split()
            ok &= any(w in f for w in words for f in fields)
        known = _day(c.get("known_on"), "end")
        if known is not None:
            ok &= row.public_end <= known
        keep.append(bool(ok))
    return np.array(keep, dtype=bool)


PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(claims_tables(), st.lists(criteria(), min_size=1, max_size=4))
def test_the_one_filter_follows_the_documented_rules(claims, many):
    # One prepared filter for several criteria, as the Explorer uses it: its caches (masks, and
    # searches narrowed from a shorter word) must never change an answer.
    flt = ClaimFilter(claims)
    for c in many:
        expected = oracle(claims, c)
        np.testing.assert_array_equal(flt.mask(**c), expected)
        np.testing.assert_array_equal(flt.mask(Criteria(**c)), expected)  # from the cache
        text = c.get("text", "")
        for k in range(len(text) + 1):  # typed one letter at a time
            typed = {**c, "text": text[:k]}
            np.testing.assert_array_equal(flt.mask(**typed), oracle(claims, typed))
        np.testing.assert_array_equal(claim_mask(claims, **c), expected)
        pd.testing.assert_frame_equal(filter_claims(claims, **c), claims[expected])


@PROPERTY
@given(claims_tables())
def test_no_criteria_keeps_every_row(claims):
    pd.testing.assert_frame_equal(filter_claims(claims), claims)


@PROPERTY
@given(claims_tables(), criteria(), criteria())
def test_filtering_twice_equals_filtering_once_with_both(claims, first, second):
    second = {k: v for k, v in second.items() if k not in first}
    assume(("start" in first) == ("end" in first))  # one window criterion; see criteria()
    twice = filter_claims(filter_claims(claims, **first), **second)
    once = filter_claims(claims, **first, **second)
    pd.testing.assert_frame_equal(twice, once)


@PROPERTY
@given(
    claims_tables(),
    st.lists(st.sampled_from(STATUS_ORDER)),
    st.lists(st.sampled_from(STATUS_ORDER)),
)
def test_the_same_criterion_twice_keeps_the_intersection(claims, a, b):
    twice = filter_claims(filter_claims(claims, statuses=a), statuses=b)
    pd.testing.assert_frame_equal(twice, filter_claims(claims, statuses=[s for s in a if s in b]))


@PROPERTY
@given(claims_tables(), st.sampled_from(WINDOW_ENDS[1:]), st.sampled_from(WINDOW_ENDS[1:]))
def test_an_inverted_window_is_empty_and_never_raises(claims, start, end):
    kept = filter_claims(claims, start=start, end=end)
    if _day(start, "start") > _day(end, "end"):
        assert kept.empty
    else:  # a window is a subset of each half-window
        assert ids(kept) <= ids(filter_claims(claims, start=start))
        assert ids(kept) <= ids(filter_claims(claims, end=end))


@PROPERTY
@given(claims_tables(), st.lists(st.sampled_from(ACTOR_IDS), max_size=3))
def test_more_actors_keep_more_claims(claims, actors):
    kept = ids(filter_claims(claims, actors=actors))
    for actor in actors:
        assert ids(filter_claims(claims, actors=[actor])) <= kept
    assert filter_claims(claims, actors=[]).empty


@pytest.mark.parametrize("criterion", ["statuses", "kinds"])
def test_a_single_string_is_a_list_of_one(small_data, criterion):
    value = {"statuses": "reported", "kinds": "contact"}[criterion]
    claims = small_data.claims
    pd.testing.assert_frame_equal(
        filter_claims(claims, **{criterion: value}), filter_claims(claims, **{criterion: [value]})
    )


# --------------------------------------------------------------------------------------------------
# Careless and hostile arguments: a clear refusal naming the argument, never a silently wrong filter

FIXTURE = HealthCheck.function_scoped_fixture  # the small dataset is read-only here


@pytest.mark.parametrize("name", ["start", "end", "known_on"])
@given(year=st.integers(min_value=1700, max_value=2200))
@settings(max_examples=30, deadline=None, suppress_health_check=[FIXTURE])
def test_a_whole_number_is_a_year(small_data, name, year):
    claims = small_data.claims
    pd.testing.assert_frame_equal(
        filter_claims(claims, **{name: year}), filter_claims(claims, **{name: f"{year:04d}"})
    )
    assert filter_claims(claims, **{name: np.int64(year)}).equals(
        filter_claims(claims, **{name: year})
    )


def test_start_2023_no_longer_keeps_everything(small_data):
    claims = small_data.claims
    assert len(filter_claims(claims, start=2023)) < len(claims)
    assert "c-talk-2021" not in ids(filter_claims(claims, start=2023))
    assert "c-talk-2021" in ids(filter_claims(claims, end=2021))


@pytest.mark.parametrize("name", ["start", "end", "known_on"])
@pytest.mark.parametrize(
    "value, error, words",
    [
        (2023.0, TypeError, "a year such as 2022"),
        (True, TypeError, "got True"),
        ([2023], TypeError, "got list"),
        (0, ValueError, "not a year between 1 and 9999"),
        (1, ValueError, "cannot read the date '0001'"),
        (10000, ValueError, "not a year between 1 and 9999"),
        (pd.Timestamp("2023-01-01", tz="Europe/Paris"), ValueError, "has a time zone"),
        (pd.NaT, ValueError, "missing date"),
        ("2023-13", ValueError, "cannot read the date"),
        ("２０２３", ValueError, "'2023'"),
        (date(1, 1, 1), ValueError, "outside the dates the explainer can compare"),
    ],
)
def test_a_date_that_is_not_one_is_refused_by_name(small_data, name, value, error, words):
    with pytest.raises(error, match=name) as info:
        filter_claims(small_data.claims, **{name: value})
    assert words in str(info.value)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"statuses": "Reported"}, ValueError, "did you mean 'reported'?"),
        ({"statuses": ["reported", "rumour"]}, ValueError, "unknown status 'rumour'"),
        ({"kinds": "contacts"}, ValueError, "did you mean 'contact'?"),
        ({"actors": "Putin"}, ValueError, "did you mean 'putin'?"),
        ({"actors": ["putin", "nobody"]}, ValueError, "unknown actor 'nobody'"),
        ({"actors": ["putin", None]}, TypeError, "actors must hold strings only"),
        ({"statuses": [None]}, TypeError, "statuses must hold strings only"),
        ({"kinds": 3}, TypeError, "kinds must be a string or a list of strings"),
        ({"text": 5}, TypeError, "text must be a string"),
        ({"text": ["musk"]}, TypeError, "text must be a string"),
    ],
)
def test_an_unknown_or_mistyped_criterion_is_refused(small_data, kwargs, error, words):
    with pytest.raises(error) as info:
        filter_claims(small_data.claims, **kwargs)
    assert words in str(info.value)
    with pytest.raises(error) as info:  # the mask refuses the same way
        claim_mask(small_data.claims, **kwargs)
    assert words in str(info.value)


def test_a_dataset_passed_for_its_claims_is_refused(small_data):
    with pytest.raises(TypeError, match=r"pass its \.claims"):
        filter_claims(small_data, statuses="reported")
    with pytest.raises(ValueError, match="lacks the column"):
        filter_claims(small_data.actors)


def test_a_filtered_frame_still_knows_every_actor(small_data):
    # attrs travel with the rows: filtering twice refuses and accepts the same actors as once.
    part = filter_claims(small_data.claims, actors=["xi"])
    assert filter_claims(part, actors=["kiriyenko"]).empty
    with pytest.raises(ValueError, match="unknown actor 'kiriyenk'"):
        filter_claims(part, actors=["kiriyenk"])


@given(word=st.text(min_size=1, max_size=12))
@settings(max_examples=60, deadline=None, suppress_health_check=[FIXTURE])
def test_any_status_or_kind_outside_the_lists_is_refused(small_data, word):
    for name, allowed in (("statuses", STATUS_ORDER), ("kinds", KIND_ORDER)):
        if word in allowed:
            assert len(filter_claims(small_data.claims, **{name: word})) >= 0
        else:
            with pytest.raises(ValueError, match="use one of"):
                filter_claims(small_data.claims, **{name: word})


def test_the_explorer_refuses_and_accepts_what_filter_claims_does(small_data):
    from explainer import Explorer

    app = Explorer(small_data)
    app.filter(start=2023, known_on=2024)
    expected = claim_mask(small_data.claims, start="2023", known_on="2024")
    np.testing.assert_array_equal(app.mask, expected)
    assert app.mask.sum() < len(small_data.claims)
    for kwargs in (
        {"statuses": "Reported"},
        {"actors": ["putin", None]},
        {"start": pd.Timestamp("2023-01-01", tz="UTC")},
        {"text": 5},
    ):
        with pytest.raises((TypeError, ValueError)) as mine:
            app.filter(**kwargs)
        with pytest.raises((TypeError, ValueError)) as theirs:
            filter_claims(small_data.claims, **kwargs)
        assert str(mine.value) == str(theirs.value), kwargs


# Characters where folding many texts as one could go wrong: marks of several scripts (alone, at
# a text's start, stacked), ligatures and compatibility forms, ŉ (whose decomposition holds ʼ,
# which the fold's replacements would change if applied after), final sigma, the separator.
_FOLD_CHARS = st.sampled_from(
    list("aéÉœŒæ’ʼ‘ŉßΣσςﬁＡ①\u0301\u0327\u05b0\u0e31\u302a\u1dc0\u20d7 \n\x00\u00a0İ")
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(_FOLD_CHARS, max_size=8), st.text(max_size=8)), max_size=40))
def test_folding_many_texts_at_once_equals_folding_each(texts):
    from explainer import filtering

    before = (filtering._FEW, filtering._MANY)
    filtering._FEW, filtering._MANY = 0, 7  # the joined route, on chunks of 7 texts
    try:
        assert filtering.fold_texts(texts) == [fold_text(t) for t in texts]
    finally:
        filtering._FEW, filtering._MANY = before


def test_the_search_text_of_a_large_table_is_folded_as_each_claim_would_be():
    from explainer.synthetic import synthetic

    claims = synthetic(2_000).claims
    prepared = ClaimFilter(claims).text
    columns = ("summary_en", "summary_fr", "quote", "id")
    fields = zip(*(claims[c] for c in columns), strict=True)
    assert prepared.tolist() == [fold_text("\n".join(row)) for row in fields]
