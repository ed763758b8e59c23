"""EDTF dates: bounds, precision, flags, labels in English and French, errors, and parse-once."""

from __future__ import annotations

import calendar
import re
from datetime import date

import edtf
import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from explainer import dates
from explainer.dates import OPEN_END, OPEN_START, InvalidDate, bounds_frame, parse_date

T = pd.Timestamp


# --------------------------------------------------------------------------------------------------
# Plain ISO forms and precision


@pytest.mark.parametrize(
    ("text", "lower", "upper", "precision"),
    [
        ("2002", "2002-01-01", "2002-12-31", "year"),
        ("2021-04", "2021-04-01", "2021-04-30", "month"),
        ("2022-10-03", "2022-10-03", "2022-10-03", "day"),
        ("2021-12", "2021-12-01", "2021-12-31", "month"),
        ("199X", "1990-01-01", "1999-12-31", "decade"),
    ],
)
def test_point_bounds_and_precision(text, lower, upper, precision):
    d = parse_date(text)
    assert (d.lower, d.upper, d.precision) == (T(lower), T(upper), precision)
    assert not (d.open_start or d.open_end or d.approximate or d.uncertain)
    assert d.text == text


@pytest.mark.parametrize(
    ("text", "last_day"),
    [("2024-02", 29), ("2023-02", 28), ("2000-02", 29), ("1900-02", 28), ("2100-02", 28)],
)
def test_february_ends_on_its_real_last_day(text, last_day):
    assert parse_date(text).upper == T(f"{text}-{last_day:02d}")


def test_leap_day_is_valid_only_in_leap_years():
    assert parse_date("2024-02-29").upper == T("2024-02-29")
    with pytest.raises(InvalidDate, match="not a real date"):
        parse_date("2023-02-29")


# --------------------------------------------------------------------------------------------------
# Open and unknown ends, intervals, qualifiers


def test_since_is_open_at_the_end():
    d = parse_date("2022/..")
    assert (d.lower, d.upper) == (T("2022-01-01"), OPEN_END)
    assert d.open_end and not d.open_start
    assert d.precision == "interval"


def test_until_is_open_at_the_start():
    d = parse_date("../2021")
    assert (d.lower, d.upper) == (OPEN_START, T("2021-12-31"))
    assert d.open_start and not d.open_end


def test_unknown_ends_have_open_bounds_but_their_own_labels():
    later, earlier = parse_date("2022/"), parse_date("/2021")
    assert later.open_end and later.upper == OPEN_END
    assert earlier.open_start and earlier.lower == OPEN_START
    assert later.label_en == "from 2022, end unknown"
    assert later.label_fr == "à partir de 2022, fin inconnue"
    assert earlier.label_en == "by 2021, start unknown"
    assert earlier.label_fr == "au plus tard en 2021, début inconnu"


def test_interval_bounds_are_the_outer_days():
    d = parse_date("2021-04/2022-06")
    assert (d.lower, d.upper) == (T("2021-04-01"), T("2022-06-30"))
    assert not (d.open_start or d.open_end)


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [("2002~", True, False), ("2002?", False, True), ("2002%", True, True)],
)
def test_qualifiers_keep_the_bounds_and_set_flags(text, approximate, uncertain):
    d = parse_date(text)
    assert (d.lower, d.upper, d.precision) == (T("2002-01-01"), T("2002-12-31"), "year")
    assert (d.approximate, d.uncertain) == (approximate, uncertain)


def test_qualified_month_and_day():
    month, day = parse_date("2021-04~"), parse_date("2021-04-15?")
    assert (month.lower, month.upper) == (T("2021-04-01"), T("2021-04-30"))
    assert month.precision == "month"
    assert month.approximate
    assert (day.lower, day.upper, day.precision) == (T("2021-04-15"), T("2021-04-15"), "day")
    assert day.uncertain


def test_a_qualified_side_flags_the_interval():
    d = parse_date("2021?/2022~")
    assert d.approximate and d.uncertain
    assert (d.lower, d.upper) == (T("2021-01-01"), T("2022-12-31"))


def test_surrounding_spaces_are_ignored():
    assert parse_date(" 2021 ").lower == T("2021-01-01")


# --------------------------------------------------------------------------------------------------
# Labels


@pytest.mark.parametrize(
    ("text", "en", "fr"),
    [
        ("2021-04", "April 2021", "avril 2021"),
        ("2022/..", "since 2022", "depuis 2022"),
        ("2002~", "about 2002", "vers 2002"),
        ("2002", "2002", "2002"),
        ("2022-10-03", "3 October 2022", "3 octobre 2022"),
        ("2022-10-01", "1 October 2022", "1er octobre 2022"),
        ("2021-08", "August 2021", "août 2021"),
        ("2002?", "2002 (uncertain)", "2002 (incertain)"),
        ("2021-04-15~", "about 15 April 2021", "vers le 15 avril 2021"),
        ("2022-10-03/..", "since 3 October 2022", "depuis le 3 octobre 2022"),
        ("2021~/..", "since about 2021", "depuis 2021 environ"),
        ("../2021", "by 2021", "au plus tard en 2021"),
        ("../2024-10", "by October 2024", "au plus tard en octobre 2024"),
        ("../2022-10-03", "by 3 October 2022", "au plus tard le 3 octobre 2022"),
        ("2024-10-24/2024-10-31", "24–31 October 2024", "du 24 au 31 octobre 2024"),
        ("2024-10-01/2024-10-31", "1–31 October 2024", "du 1er au 31 octobre 2024"),
        ("2021-04/2021-06", "April–June 2021", "d'avril à juin 2021"),
        ("2021-04/2022-06", "April 2021 – June 2022", "d'avril 2021 à juin 2022"),
        ("2021/2022", "2021 – 2022", "de 2021 à 2022"),
        (
            "2019-12-01/2020-01-02",
            "1 December 2019 – 2 January 2020",
            "du 1er décembre 2019 au 2 janvier 2020",
        ),
        ("2021-01-01/2021-01-01", "1 January 2021", "1er janvier 2021"),
        ("199X", "the 1990s", "les années 1990"),
        ("199X/200X", "the 1990s – the 2000s", "des années 1990 aux années 2000"),
        ("2021?/2022~", "2021 (uncertain) – about 2022", "de 2021 (incertain) à 2022 environ"),
    ],
)
def test_labels(text, en, fr):
    d = parse_date(text)
    assert (d.label_en, d.label_fr) == (en, fr)
    assert (d.label("en"), d.label("fr")) == (en, fr)


# --------------------------------------------------------------------------------------------------
# Invalid values: InvalidDate (a ValueError) with a hint on how to write it


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2021-02-30", "not a real date"),
        ("2021-04-31", "not a real date"),
        ("2021-13", "not a real date"),
        ("2021-00", "not a real date"),
        ("2021-04-00", "not a real date"),
        ("abc", "not a valid EDTF date"),
        ("", "not a valid EDTF date"),
        ("2021-1", "not a valid EDTF date"),
        ("04/2021", "not a valid EDTF date"),
        ("2024/2023", "ends before it starts"),
        ("2022-10/2022-09", "ends before it starts"),
        ("../..", "neither a start nor an end"),
        ("2021-21", "not a real date"),  # an EDTF season (spring): not drawn
        ("2021-04-01T10:00:00", "not supported here"),
        ("{2021,2022}", "not supported here"),
        ("1600", "outside the years"),
        ("2300", "outside the years"),
    ],
)
def test_invalid_values_raise_with_a_hint(text, says):
    with pytest.raises(InvalidDate) as caught:
        parse_date(text)
    message = str(caught.value)
    assert says in message
    assert repr(text) in message  # the value itself is quoted
    if "outside" not in message:
        assert "write" in message  # how to write it instead


def test_invalid_date_is_a_value_error():
    assert issubclass(InvalidDate, ValueError)
    assert not dates.is_valid("2021-02-30")
    assert dates.is_valid("2021-02-28")


def test_a_failing_parse_prints_nothing(capsys):
    # The edtf parser prints "trying to ..." on some failures; none of that may reach our users.
    with pytest.raises(InvalidDate):
        parse_date("../199X")
    assert capsys.readouterr().out == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789-/.~?%X{}[], ", max_size=14))
def test_any_text_parses_or_raises_invalid_date(text):
    try:
        d = parse_date(text)
    except InvalidDate:
        return
    assert d.lower <= d.upper
    assert d.label_en and d.label_fr


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from("ymd"))
def test_iso_values_bound_what_they_name(day, precision):
    text = {"y": f"{day:%Y}", "m": f"{day:%Y-%m}", "d": f"{day:%Y-%m-%d}"}[precision]
    d = parse_date(text)
    assert d.lower <= T(day) <= d.upper
    last = calendar.monthrange(day.year, day.month)[1]
    expected = {
        "y": (date(day.year, 1, 1), date(day.year, 12, 31)),
        "m": (date(day.year, day.month, 1), date(day.year, day.month, last)),
        "d": (day, day),
    }[precision]
    assert (d.lower, d.upper) == tuple(map(T, expected))


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31)),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31)),
)
def test_intervals_run_from_the_first_to_the_last_day(a, b):
    text = f"{a:%Y-%m-%d}/{b:%Y-%m-%d}"
    if a > b:
        with pytest.raises(InvalidDate, match="ends before it starts"):
            parse_date(text)
        return
    d = parse_date(text)
    assert (d.lower, d.upper) == (T(a), T(b))


# --------------------------------------------------------------------------------------------------
# bounds_frame: each distinct value parsed once


def test_bounds_frame_parses_each_distinct_value_once(monkeypatch):
    calls: list[str] = []
    real = edtf.parse_edtf

    def counting(value, *args, **kwargs):
        calls.append(value)
        return real(value, *args, **kwargs)

    monkeypatch.setattr(edtf, "parse_edtf", counting)
    parse_date.cache_clear()  # earlier tests parsed these values already
    # The forms real data uses are read without the parser; the others go to it once each.
    values = ["2022/..", "2002~", "2021-04", "2022-10-03", "../2021", "201X", "199X/2002"]
    column = pd.Series([values[i % len(values)] for i in range(100_000)])
    frame = bounds_frame(column, "when")
    assert sorted(calls) == sorted(["201X", "199X/2002"])
    assert len(frame) == 100_000
    # and each row got its own value's parse
    for i in (0, 1, 2, 3, 4, 5, 6, 99_999):
        d = parse_date(values[i % len(values)])
        assert frame.at[i, "when_start"] == d.lower
        assert frame.at[i, "when_end"] == d.upper
        assert frame.at[i, "when_label_fr"] == d.label_fr
    parse_date.cache_clear()


def test_bounds_frame_columns_types_and_index():
    column = pd.Series(["2022/..", "2002~", "2021-04"], index=[10, 20, 30])
    frame = bounds_frame(column, "public")
    assert list(frame.columns) == [
        "public_start",
        "public_end",
        "public_precision",
        "public_open_start",
        "public_open_end",
        "public_approximate",
        "public_uncertain",
        "public_label_en",
        "public_label_fr",
    ]
    assert list(frame.index) == [10, 20, 30]
    assert frame["public_start"].dtype == "datetime64[ns]"
    assert frame["public_open_end"].dtype == bool
    assert frame["public_open_end"].tolist() == [True, False, False]
    assert frame["public_approximate"].tolist() == [False, True, False]
    assert frame["public_precision"].tolist() == ["interval", "year", "month"]
    assert frame["public_label_en"].tolist() == ["since 2022", "about 2002", "April 2021"]
    assert frame["public_label_fr"].tolist() == ["depuis 2022", "vers 2002", "avril 2021"]


def test_bounds_frame_of_nothing_is_empty():
    frame = bounds_frame(pd.Series([], dtype=str), "when")
    assert len(frame) == 0
    assert "when_start" in frame.columns


@pytest.mark.parametrize(
    "value",
    ["2022/..", "../2021", "2002~", "2021-04?", "2002%", "2022-10-03", "2024-10-24/2024-10-31",
     "2021-04/2022~", "2022/", "/2021", "2021~/2022-03-01?", "2020-02-29/.."],
)  # fmt: skip
def test_the_fast_path_agrees_with_the_edtf_parser(value, monkeypatch):
    fast = parse_date.__wrapped__(value)
    # Force the parser's path: what it reads must be what the fast path read.
    monkeypatch.setattr(dates, "_SIMPLE", re.compile(r"(?!)"))
    assert parse_date.__wrapped__(value) == fast


@pytest.mark.parametrize("value", ["2021-13", "2021-02-30", "2021-00/2022", "2022/2021-04-31"])
def test_the_fast_path_refuses_impossible_dates(value):
    with pytest.raises(InvalidDate):
        parse_date.__wrapped__(value)


# --------------------------------------------------------------------------------------------------
# The vectorised path (issue 14): plain points and intervals of them, read at once, must give
# exactly what parse_date gives one by one, and leave every other value to parse_date.

_EDGE_YEARS = st.sampled_from(
    [0, 1, 999, 1677, 1678, 1900, 2000, 2023, 2024, 2100, 2261, 2262, 9999]
)
_DRAWN = st.integers(1678, 2261)
# Mostly real dates (the fast path's work), often impossible ones (what it must leave alone).
_YEARS = st.one_of(_DRAWN, _DRAWN, _DRAWN, _EDGE_YEARS, st.integers(0, 9999))
_MONTHS = st.one_of(st.integers(1, 12), st.integers(1, 12), st.integers(0, 13))
_DAYS = st.one_of(st.integers(1, 31), st.sampled_from([1, 28, 29, 30, 31]), st.integers(0, 32))


@st.composite
def _plain_points(draw) -> str:
    # Every digit pattern a plain point can have, impossible ones included: month 00 and 13,
    # day 00, 31 April, 29 February in common years, year 0000, years outside 1678-2261.
    year = draw(_YEARS)
    form = draw(st.sampled_from(["year", "month", "day"]))
    text = f"{year:04d}"
    if form != "year":
        text += f"-{draw(_MONTHS):02d}"
    if form == "day":
        text += f"-{draw(_DAYS):02d}"
    return text


@st.composite
def _plain_values(draw) -> str:
    point = _plain_points()
    shape = draw(st.sampled_from(["point", "range", "since", "by", "from", "to", "odd"]))
    if shape == "point":
        text = draw(point)
    elif shape == "range":
        text = f"{draw(point)}/{draw(point)}"
    elif shape in ("since", "from"):
        text = draw(point) + ("/.." if shape == "since" else "/")
    elif shape in ("by", "to"):
        text = ("../" if shape == "by" else "/") + draw(point)
    else:  # near misses: qualifiers, both ends open, one digit short or long, odd separators
        text = draw(
            st.sampled_from(
                ["~", "?", "%", "/..", "..", "/", "-", "0", "-1", "T00", "\n", "/../.."]
            )
        )
        text = draw(point) + text if draw(st.booleans()) else text + draw(point)
    # surrounding spaces (parse_date ignores them) and non-breaking or full-width ones
    pad = st.sampled_from([""] * 12 + [" ", "  ", "\t", "\u00a0", "\u3000"])
    return draw(pad) + text + draw(pad)


def _reference(text: str) -> dates.EDTFDate | InvalidDate:
    try:
        return parse_date.__wrapped__(text)  # uncached: the one-by-one path, edtf where needed
    except InvalidDate as err:
        return err


@settings(max_examples=400, deadline=None)
@given(st.lists(_plain_values(), min_size=1, max_size=40))
@example(["2021-13", "2021-04-31", "2021-02-29", "2020-02-29", "1900-02-29", "0000", "1677"])
@example([" 2021-04 ", "2021-04-01\n", "2021-04-30/2021-04-01", "2021-04-01/2021-04-01"])
@example(["2261-12", "2262-01/..", "../1678", "1678/", "/2261-12-31", "2000-02-29/2000-03"])
def test_the_vectorised_path_is_identical_to_parse_date(values):
    texts = pd.Series(values, dtype=object)
    expected = [_reference(v) for v in values]
    valid = [not isinstance(e, InvalidDate) for e in expected]
    assert dates.valid_mask(texts).tolist() == valid
    good = [v for v, ok in zip(values, valid, strict=True) if ok]
    table = dates._parse_table(np.array(good, dtype=object))
    for i, value in enumerate(good):
        reference = parse_date.__wrapped__(value)
        for field in dates._FIELDS:
            got, want = table[field][i], getattr(reference, field)
            assert pd.Timestamp(got) == want if field in ("lower", "upper") else got == want, (
                value,
                field,
            )
    frame = bounds_frame(pd.Series(good, dtype=object), "when")
    assert frame["when_label_fr"].tolist() == [parse_date(v).label_fr for v in good]


@settings(max_examples=300, deadline=None)
@given(_plain_points())
@example("2021-04-31")
@example("2023-02-29")
@example("2024-02-29")
@example("0000")
@example("2021-13")
def test_plain_points_bound_what_the_edtf_parser_bounds(text):
    # An independent reference: the edtf package's own strict bounds, for every plain point it
    # accepts inside the drawable years; what it refuses, the explainer refuses too.
    try:
        parsed = edtf.parse_edtf(text)
        lower, upper = (date(*t[:3]) for t in (parsed.lower_strict(), parsed.upper_strict()))
    except Exception:
        assert not dates.valid_mask(pd.Series([text])).any()
        return
    drawable = OPEN_START.date() <= lower and upper <= OPEN_END.date()
    assert dates.valid_mask(pd.Series([text])).tolist() == [drawable]
    if drawable:
        table = dates._parse_table(np.array([text], dtype=object))
        assert (table["lower"][0], table["upper"][0]) == (
            np.datetime64(lower, "ns"),
            np.datetime64(upper, "ns"),
        )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2021-13", "is not a real date; write an EDTF date"),
        ("2021-04-31", "is not a real date; write an EDTF date"),
        ("2021-02-29", "is not a real date; write an EDTF date"),
        ("0000", "is not a real date; write an EDTF date"),
        (" 2021-13 ", "is not a real date; write an EDTF date"),
        ("2021-00/2022", "is not a real date; write an EDTF date"),
        ("1677-12-31", "is outside the years 1678-2261 that the explainer can draw"),
        ("2262", "is outside the years 1678-2261 that the explainer can draw"),
        ("../2262-01", "is outside the years 1678-2261 that the explainer can draw"),
        ("2022/2021-04", "ends before it starts; write the earlier date first"),
        ("../..", "has neither a start nor an end"),
    ],
)
def test_invalid_plain_values_keep_their_messages(text, says):
    # Refused by the vectorised check, and explained exactly as before, with the value quoted.
    assert dates.valid_mask(pd.Series(["2021", text, "2021-04"])).tolist() == [True, False, True]
    message = re.escape(f"{text!r} {says}")
    with pytest.raises(InvalidDate, match=message):
        parse_date(text)
    with pytest.raises(InvalidDate, match=message):
        bounds_frame(pd.Series(["2021", text]), "when")


def test_the_vectorised_check_takes_missing_and_non_text_values_as_invalid():
    values = pd.Series(["2021-04", None, float("nan"), 2021, "", "2021-04/.."], dtype=object)
    assert dates.valid_mask(values).tolist() == [True, False, False, False, False, True]
