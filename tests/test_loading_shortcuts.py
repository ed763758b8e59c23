"""Loading at archive scale (issue 14): each shortcut taken to load 100,000 claims quickly gives
exactly what the plain way gives. Each test compares a shortcut with the way it replaced (kept
here verbatim where it was a whole function) on values made to find a difference: a change to a
shortcut that alters a result fails here, whatever the speed."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explainer import bidi, dataset, dates, schema
from explainer.dataset import DATA_DIR
from explainer.schema import Problem, Table, _loose, _normalise

# Text made of what the shortcuts look for: apostrophes, formula starts, bidi controls, line
# breaks, every kind of space, letters.
_PIECES = st.sampled_from(
    ["'", "''", "=", "+", "-", "@", "\t", "\r", "\n", " ", "\u00a0", "\u2028", "\x0b", "a",
     "é", "’", "x y", *bidi.BIDI_CONTROLS]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=10)
_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# --------------------------------------------------------------------------------------------------
# Cells to a table: one look for apostrophes and bidi controls, empty cells found at once


@_SETTINGS
@given(st.lists(_TEXT, max_size=30))
def test_the_look_for_marks_never_misses_one(values):
    apostrophe, controls = schema._may_hold_marks(values)
    assert apostrophe or not any(v.startswith("'") for v in values)
    assert controls or not any(c in v for v in values for c in bidi.BIDI_CONTROLS)


@_SETTINGS
@given(st.lists(_TEXT, max_size=30))
def test_text_cells_become_the_series_a_list_with_none_made(cells):
    expected = pd.Series([v or None for v in cells], dtype="str")
    pd.testing.assert_series_equal(schema._text_series(cells), expected)


@_SETTINGS
@given(
    columns=st.lists(st.lists(_TEXT, min_size=3, max_size=3), min_size=1, max_size=4),
    guarded=st.booleans(),
)
def test_a_table_is_the_same_when_every_column_is_looked_at_cell_by_cell(
    columns, guarded, monkeypatch
):
    # The look at 10,000 cells joined only says which columns need the cell-by-cell look; with
    # every column looked at, the frame and the warnings are the same.
    header = ["id", "summary_en", "quote", "review"][: len(columns)]

    def table(columns):
        problems: list[Problem] = []
        lines = np.arange(2, 5)
        made = schema.table_from_columns(
            "claims.csv", "claims", header, 1, [list(c) for c in columns], lines, [], ",",
            problems, guarded=guarded,
        )  # fmt: skip
        return made.frame, problems

    fast = table(columns)
    with monkeypatch.context() as m:
        m.setattr(schema, "_may_hold_marks", lambda values: (True, True))
        slow = table(columns)
    pd.testing.assert_frame_equal(fast[0], slow[0])
    assert fast[1] == slow[1]


# --------------------------------------------------------------------------------------------------
# The declared checks, by C calls mapped over the values


@_SETTINGS
@given(st.lists(_TEXT | st.sampled_from(["w " * 25, "w " * 26, "w\u00a0" * 26]), max_size=30),
       st.integers(1, 26))  # fmt: skip
def test_the_word_limit_counts_what_str_split_counts(texts, most):
    check = schema._words_at_most(most)
    got = check(pd.Series(texts, dtype="str")).tolist()
    assert got == [len(v.split()) <= most for v in texts]


_PATTERNS = sorted(
    {f"(?:{f['constraints']['pattern']})\\Z" for t in schema.TABLES for f in schema.fields(t)
     if "pattern" in f.get("constraints", {})} | {r"[0-9]{1,18}\Z"}
)  # fmt: skip


@_SETTINGS
@given(
    st.sampled_from(_PATTERNS),
    st.lists(
        _TEXT | st.sampled_from(["musk", "Musk", "c-1", "US", "fr", "https://x.org", "12", "１"]),
        max_size=20,
    ),
    st.booleans(),
)
def test_a_pattern_check_answers_what_str_match_answers(pattern, texts, missing):
    series = pd.Series(texts + ([None] if missing else []), dtype="str")
    got = schema._matching(pattern)(series)
    pd.testing.assert_series_equal(got, series.str.match(pattern), check_names=False)


@_SETTINGS
@given(st.lists(st.sampled_from(["musk", "putin", "Musk", "", "x", "c-1"]), max_size=20),
       st.sets(st.sampled_from(["musk", "putin", "c-1", "y"])))  # fmt: skip
def test_a_foreign_key_check_answers_what_isin_answers(values, ids):
    f = {"name": "actor", "type": "string"}
    ((name, check),) = schema._check_functions(f, {"actor": ids})
    series = pd.Series(values, dtype="str")
    assert name == "foreign_key"
    assert check(series).tolist() == series.isin(ids).tolist()


@_SETTINGS
@given(st.lists(st.one_of(st.none(), st.sampled_from(["1", "2", "007", "0", "x", "1.5"]),
                          st.integers(0, 10**18 - 1).map(str)), max_size=30))  # fmt: skip
def test_whole_numbers_read_once_per_value_are_read_as_each_cell_would_be(cells):
    series = pd.Series(cells, dtype="str", name="paragraph")
    try:
        expected = pd.to_numeric(series, errors="coerce", dtype_backend="numpy_nullable").astype(
            "Int64"
        )
    except (TypeError, ValueError) as err:  # a column with "1.5" in it: the same refusal
        with pytest.raises(type(err)):
            dataset._integers(series)
        return
    pd.testing.assert_series_equal(dataset._integers(series), expected)


# --------------------------------------------------------------------------------------------------
# Reading files: UTF-16 recognised by its zero bytes, source texts in name order


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=20).map(lambda t: t.encode("utf-16-le")))
@example(b"a\x00b\x00c\x00")
@example(b"\xff\xfeab")
def test_utf16_is_recognised_as_before(raw):
    assert schema.utf16_encoding(raw) == _utf16_encoding_before(raw)


def _shape_of_decoded_text(raw: bytes, name: str) -> schema._CleanShape | None:
    """The way the shape was found before: the whole file decoded (as _decode does for plain
    UTF-8, the only files the C parser reads by their path), then its text looked at."""
    if raw.startswith(tuple(schema._MAGIC)) or b"\x00" in raw:
        return None
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None
    return schema._clean_shape(text, name)


def _same_shape(got: schema._CleanShape | None, raw: bytes, name: str) -> bool:
    """Whether ``got`` is the shape of the decoded text; its widest line may be told more
    closely from the bytes, never below the longest line's characters."""
    expected = _shape_of_decoded_text(raw, name)
    if got is None or expected is None:
        return got is expected
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    longest = max(len(line) for line in text.split("\n")[1:]) if "\n" in text else 0
    return got.widest >= longest and got._replace(widest=0) == expected._replace(widest=0)


# What the shape check looks for: quotes before and after separators, line ends of every kind,
# characters of two, three and four bytes, bytes that are not UTF-8, NUL, signatures, BOMs.
_HEADER = "id,when,public_since,actor"
_CSV_PIECES = st.sampled_from(
    ['"', '""', ",", "\n", "\r\n", "\r", "a", " ", "é", "’", "😀", "\x00", "sep=", ";", "\t",
     "\ufeff", "id", "when", _HEADER, _HEADER + "\r\n"]
)  # fmt: skip


@st.composite
def _csv_bytes(draw):
    text = "".join(draw(st.lists(_CSV_PIECES, max_size=30)))
    if draw(st.booleans()):
        text = _HEADER + draw(st.sampled_from(["\n", "\r\n"])) + text
    raw = text.encode("utf-8")
    start = draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"PK\x03\x04", b"%PDF", b"\xff\xfe"]))
    raw = start + raw
    if draw(st.booleans()) and raw:  # a byte of Windows-1252 somewhere, or a character cut
        k = draw(st.integers(0, len(raw) - 1))
        raw = raw[:k] + draw(st.sampled_from([b"\xe9", b"\xe2\x80", b"\x92"])) + raw[k:]
    return raw


@settings(max_examples=1500, deadline=None)
@given(raw=_csv_bytes(), cuts=st.lists(st.integers(0, 200), max_size=6), block=st.integers(1, 9))
@example(raw=b'id,when\n"a"b,c\n', cuts=[], block=1)
@example(raw=b'id,when\n""x,c\n', cuts=[], block=3)
@example(raw=b"id,when\n1,2\r\n3,4", cuts=[9], block=2)
@example(raw=b"\xef\xbb\xbfid,when\n1,\xc3\xa9\n", cuts=[], block=4)
def test_the_shape_of_a_file_from_its_bytes_is_that_of_its_decoded_text(raw, cuts, block):
    # However the file comes in blocks (one byte to the whole file), the shape found from its
    # bytes is the shape of its decoded text; None for anything that is not plain UTF-8.
    points = sorted({0, len(raw), *(c for c in cuts if c < len(raw))})
    given = [raw[a:b] for a, b in itertools.pairwise(points)]
    assert _same_shape(schema._blocks_shape(given, "claims"), raw, "claims")
    small = [raw[k : k + block] for k in range(0, len(raw), block)]
    assert _same_shape(schema._blocks_shape(small, "claims"), raw, "claims")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(['"', '"', '""', ",", "\r", "\n", "a", "é"]), max_size=16))
@example(['"', "a"])
@example([",", '""', "a"])
@example(["a", '"""', "a"])
@example(['""', "a"])
def test_runs_of_quotes_say_what_the_unclean_quote_expression_says(pieces):
    text = "".join(pieces)
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    at = np.flatnonzero(data == ord('"'))
    for before in (False, True):
        expected = schema._UNCLEAN_QUOTE.search(("\n" if before else "") + text) is not None
        assert schema._unclean_quotes(data, at, line_end_before=before) == expected


def test_the_shape_of_a_file_is_read_from_it_as_from_its_text(tmp_path, monkeypatch):
    from explainer.synthetic import write_synthetic

    folder = write_synthetic(tmp_path / "s", 300)
    monkeypatch.setattr(schema, "_SHAPE_BLOCK", 1000)  # many blocks, cut anywhere
    for name in schema.TABLES:
        path = folder / f"{name}.csv"
        shape = schema._clean_file_shape(path, name)
        assert shape is not None
        assert _same_shape(shape, path.read_bytes(), name)
    (folder / "claims.csv").write_bytes("id,when\ncaf\xe9,2021\n".encode("cp1252"))
    assert schema._clean_file_shape(folder / "claims.csv", "claims") is None
    assert schema._clean_file_shape(folder / "nothing.csv", "claims") is None
    assert schema._clean_file_shape(folder / "sources", "sources") is None


def test_source_texts_are_read_in_the_order_and_with_the_problems_of_before(tmp_path):
    texts = tmp_path / "sources"
    texts.mkdir()
    for name in ["b.txt", "A.txt", "a.txt", ".hidden.txt", "x.TXT", "notes.md", ".txt", "é.txt"]:
        (texts / name).write_text(f"{name}\nsecond", encoding="utf-8")
    (texts / "folder.txt").mkdir()
    (texts / "latin.txt").write_bytes("caf\xe9".encode("cp1252"))
    (texts / "ends.txt").write_bytes(b"one\r\ntwo\rthree\n\r\nfour\r")  # every line end
    problems: list[Problem] = []
    read = schema.read_texts(tmp_path, problems)
    before: dict[str, list[str]] = {}
    expected: list[Problem] = []
    for path in sorted(texts.glob("*.txt")):  # how they were found before
        raw = schema._read_bytes(path, f"sources/{path.name}", expected)
        content = None if raw is None else schema._decode(raw, f"sources/{path.name}", expected)
        if content is not None:
            before[path.stem] = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert list(read) == list(before)
    assert read == before
    assert problems == expected
    assert any("folder" in p.message for p in problems)


# --------------------------------------------------------------------------------------------------
# Dates checked while loading, then parsed for their bounds: parsed once


_DATES = st.sampled_from(
    ["2021", "2021-04", "2021-04-30", "2020-02-29", "2021~", "2021-04?", "201X", "199X/2002",
     "2021/..", "../2021-04", "2021/", "/2021", "2021-04/2021-06", "2021-04-01/2021-04-01",
     "2024-10-24/2024-10-31", "2021-01/2022-12", "1678", "2261-12-31", "2002~/2003",
     "2021-04-01/.."]
)  # fmt: skip


@_SETTINGS
@given(st.lists(_DATES, max_size=40))
def test_dates_kept_from_their_check_are_the_dates_parsed_again(values):
    column = pd.Series(values, dtype="str")
    expected = dates.bounds_frame(column, "when")
    distinct = pd.Series(pd.unique(column.to_numpy(dtype=object)), dtype="str")
    with dates.parses_kept():
        assert dates.valid_mask(distinct).all()
        assert tuple(distinct) in dates._KEPT  # what bounds_frame then finds
        kept = dates.bounds_frame(column, "when")
    assert not dates._KEPT  # forgotten on leaving
    pd.testing.assert_frame_equal(kept, expected)


def test_a_column_with_an_invalid_date_is_not_kept():
    with dates.parses_kept():
        assert dates.valid_mask(pd.Series(["2021", "2021-13"], dtype="str")).tolist() == [
            True,
            False,
        ]
        assert dates.valid_mask(pd.Series(["2021", None], dtype="str")).tolist() == [True, False]
        assert not dates._KEPT
    assert dates.valid_mask(pd.Series(["2021"], dtype="str")).all()
    assert not dates._KEPT  # outside a load, nothing is kept


# --------------------------------------------------------------------------------------------------
# The claim rules, walking only the rows they can speak of


@pytest.fixture(scope="module")
def bundled():
    tables, texts, problems = schema.read_folder(DATA_DIR)
    assert not [p for p in problems if p.severity == "error"]
    return tables, texts


@st.composite
def _claims_cell(draw, ids, paragraphs):
    column = draw(st.sampled_from(
        ["id", "kind", "responds_to", "layer", "quote", "paragraph", "source"]
    ))  # fmt: skip
    values = {
        "id": st.sampled_from(ids) | st.just("new"),
        "kind": st.sampled_from(["denial", "action", "contact", "statement"]),
        "responds_to": st.sampled_from(ids) | st.just("nowhere"),
        "layer": st.sampled_from(["article", "context", "other"]),
        "quote": st.sampled_from(paragraphs)
        | st.just("not in the text")
        | st.just("")
        | st.just("  spaced\u00a0 out "),
        "paragraph": st.sampled_from(["1", "2", "5", "40", "0", "x", ""]),
        "source": st.sampled_from(["numerama-2024-10", "elsewhere", ""]),
    }[column]
    return column, draw(st.none() | values)


@_SETTINGS
@given(data=st.data())
def test_the_claim_rules_say_what_they_said_before(data, bundled):
    tables, texts = bundled
    claims = tables["claims"]
    frame = claims.frame.copy()
    ids = frame["id"].dropna().tolist()
    # Pieces of the source's paragraphs: quotes found where the row says, or elsewhere.
    paragraphs = [p[k : k + 30] for text in texts.values() for p in text[:12] for k in (0, 15)]
    for _ in range(data.draw(st.integers(0, 8))):
        column, value = data.draw(_claims_cell(ids, [p for p in paragraphs if p]))
        frame.loc[data.draw(st.integers(0, len(frame) - 1)), column] = value
    table = dataclasses.replace(claims, frame=frame)
    assert schema._link_rules(table) == _link_rules_before(table)
    assert schema._quote_rules(table, texts) == _quote_rules_before(table, texts)


def test_the_claim_rules_say_what_they_said_before_on_a_synthetic_archive(tmp_path):
    from explainer.synthetic import write_synthetic

    folder = write_synthetic(tmp_path / "s", 3000)
    tables, texts, _ = schema.read_folder(folder, validate=False)
    claims = tables["claims"]
    frame = claims.frame.copy()
    ids = frame["id"].tolist()
    # Circles of answers, a self-answer, denials answering nothing, a repeated id.
    frame.loc[10, "responds_to"], frame.loc[11, "responds_to"] = ids[11], ids[10]
    frame.loc[20, "responds_to"], frame.loc[21, "responds_to"] = ids[21], ids[22]
    frame.loc[22, "responds_to"] = ids[20]
    frame.loc[30, "responds_to"] = ids[30]
    frame.loc[40:45, "kind"] = "denial"
    frame.loc[40:45, "responds_to"] = None
    frame.loc[50, "id"] = ids[10]
    frame.loc[60:70, "paragraph"] = "999"
    table = dataclasses.replace(claims, frame=frame)
    link = schema._link_rules(table)
    assert link == _link_rules_before(table)
    assert any("circle" in p.message for p in link)
    assert schema._quote_rules(table, texts) == _quote_rules_before(table, texts)


# --------------------------------------------------------------------------------------------------
# Verbatim, the ways the shortcuts replaced (explainer/schema.py before this change)


def _utf16_encoding_before(raw: bytes) -> str | None:
    """``"utf-16"`` (with a byte-order mark), ``"utf-16-le"`` or ``"utf-16-be"`` (without one,
    recognised by its zero bytes: Latin text in UTF-16 has one every other byte), or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        other = sample[0::2] if encoding == "utf-16-le" else sample[1::2]
        # Most characters of a CSV or an article are ASCII: a zero in one byte of nearly every
        # pair and almost never in the other.
        if zeros.count(0) >= 0.7 * pairs and other.count(0) <= 0.05 * pairs:
            try:
                text = raw[: len(raw) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if "\x00" not in text else None
    return None


def _link_rules_before(table: Table) -> list[Problem]:
    """What a claim answers (``responds_to``) and where an article claim is in the article."""
    frame = table.frame
    problems: list[Problem] = []

    def at(i: int, column: str, value: object, message: str, hint: str, severity: str) -> None:
        shown = None if value is None or pd.isna(value) else str(value)  # type: ignore[arg-type]
        problems.append(
            Problem("claims.csv", int(table.lines[i]), column, shown, message, hint, severity)
        )

    column = {c: frame[c].tolist() for c in ("id", "kind", "responds_to", "layer", "quote")}
    column["paragraph"] = frame["paragraph"].tolist()
    answers: dict[str, str] = {}
    first: dict[str, int] = {}
    for i, (cid, kind, target) in enumerate(
        zip(column["id"], column["kind"], column["responds_to"], strict=True)
    ):
        if isinstance(cid, str) and cid not in first:
            first[cid] = i
            if isinstance(target, str):
                answers[cid] = target
        if not isinstance(target, str):
            if kind == "denial":
                at(i, "responds_to", None, "this denial answers no claim",
                   "Write in 'responds_to' the id of the claim it denies.", "warning")  # fmt: skip
            continue
        if target == cid:
            at(i, "responds_to", target, "this claim answers itself",
               "Write the id of the claim it denies, or empty 'responds_to'.", "error")  # fmt: skip
        elif isinstance(kind, str) and kind != "denial":
            at(i, "responds_to", target,
               f"only a denial answers another claim, and this row is a {kind!r}",
               "Set 'kind' to denial, or empty 'responds_to'.", "warning")  # fmt: skip
    # Each claim answers at most one: following the answers from any claim either stops or
    # comes back to where it was, a circle (a self-reference is reported above).
    done: set[str] = set()
    for start in answers:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done and node not in path:
            path.append(node)
            node = answers.get(node)
        if node is not None and node in path and len(path) - path.index(node) > 1:
            circle = path[path.index(node) :]
            lead = min(circle, key=lambda c: first[c])
            k = circle.index(lead)
            shown = " → ".join([*circle[k:], *circle[:k], lead])
            at(first[lead], "responds_to", answers[lead],
               f"these claims answer each other in a circle: {shown}",
               "A denial answers an earlier claim that is not a denial of it: empty "
               "'responds_to' in one of them.", "error")  # fmt: skip
        done.update(path)
    for i, (layer, quote, paragraph) in enumerate(
        zip(column["layer"], column["quote"], column["paragraph"], strict=True)
    ):
        if layer == "article" and not isinstance(quote, str) and not isinstance(paragraph, str):
            at(i, "quote", None,
               "this article claim has neither a quote nor a paragraph, so nothing ties it to "
               "the article",
               "Give the paragraph number it comes from, and a short quote (at most 25 words).",
               "warning")  # fmt: skip
        elif layer == "context" and isinstance(paragraph, str):
            at(i, "paragraph", paragraph,
               "a context row has a paragraph number, but context comes from the public record, "
               "not from the article",
               "Empty 'paragraph', or set 'layer' to article if the article says it.",
               "warning")  # fmt: skip
    return problems


def _quote_rules_before(table: Table, texts: dict[str, list[str]]) -> list[Problem]:
    """Each quote must be word for word in its paragraph of the source text (when that is known)."""
    frame = table.frame
    problems: list[Problem] = []
    # Only a well-formed paragraph number is used; a malformed one has its own error already.
    cells = frame["paragraph"]
    # Each distinct paragraph number read once (a few dozen among 100,000 claims).
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    numbers = pd.Series(np.asarray(distinct, dtype=object), dtype="str")
    numbers = pd.to_numeric(numbers.where(numbers.str.fullmatch("[0-9]{1,18}")), errors="coerce")
    read = numbers.to_numpy(dtype=float)
    para = pd.Series(np.where(codes >= 0, read[codes] if len(read) else np.nan, np.nan))
    malformed = cells.notna().to_numpy() & para.isna().to_numpy()
    normalised: dict[str, list[str]] = {}  # each source text once, not once per quote
    quotes, sources = frame["quote"].tolist(), frame["source"].tolist()  # lists: fast to walk
    for i, (quote, source, p) in enumerate(zip(quotes, sources, para.tolist(), strict=True)):
        if not isinstance(quote, str) or not isinstance(source, str) or source not in texts:
            continue
        if malformed[i]:
            continue  # "the paragraph is empty" would contradict the error on that cell
        raw = texts[source]
        if p == p and 0 < p <= len(raw) and quote in raw[int(p) - 1]:
            # The usual case, with no string built: found as is, it is found normalised too (a
            # run of spaces inside the quote lies inside a run of the paragraph).
            continue
        needle = _normalise(quote)
        if source not in normalised:
            normalised[source] = [_normalise(x) for x in texts[source]]
        paragraphs = normalised[source]
        if pd.notna(p) and 0 < p <= len(paragraphs) and needle in paragraphs[int(p) - 1]:
            continue  # the usual case: found where the row says
        line = int(table.lines[i])
        found = [n for n, x in enumerate(paragraphs, start=1) if needle in x]
        if pd.isna(p):
            if found:
                problems.append(
                    Problem("claims.csv", line, "paragraph", None,
                            f"the paragraph is empty; the quote is in paragraph {found[0]}",
                            f"Write {found[0]} in the 'paragraph' column.", severity="warning")
                )  # fmt: skip
                continue
            where = "the source text"
        else:
            p = int(p)
            if p in found:
                continue
            where = f"paragraph {p} of the source text"
            if not 0 < p <= len(paragraphs):
                where += f" (which has {len(paragraphs)} paragraphs)"
        if found:
            hint = f"It is in paragraph {found[0]}: fix the paragraph number."
        elif any(_loose(needle) in _loose(x) for x in paragraphs):
            hint = (
                "It differs only in apostrophes or quotation marks: copy them from the source "
                "(the article writes ’ and « »)."
            )
        else:
            hint = "Copy the quote exactly from the source, and check the paragraph number."
        problems.append(
            Problem("claims.csv", line, "quote", quote,
                    f"this quote is not found word for word in {where}", hint)
        )  # fmt: skip
    return problems
