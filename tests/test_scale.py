"""Archive scale (issue 14): what can be asserted about work that grows with its input.

Times and sizes are the benchmark's (benchmarks/scale.py prints them); here, behaviour only.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BUNDLED_SENTENCES = 35  # sentences in the bundled article, counted by the former implementation


def test_import_explainer_loads_no_pandera_until_validation_is_asked_for():
    out = subprocess.run(
        [sys.executable, "-c", "import explainer, sys; print('pandera' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout  # fmt: skip
    assert out.strip() == "False"


def test_a_clean_dataset_is_checked_without_pandera_and_a_broken_one_with_it(tmp_path):
    # The declared checks run once per distinct value without pandera; pandera words the
    # failures, so it is imported only when there is one (issue 14: its import and its passes
    # were half of loading 100,000 claims).
    from sample_data import write_dataset

    broken = write_dataset(tmp_path / "broken")
    text = (broken / "claims.csv").read_text(encoding="utf-8")
    (broken / "claims.csv").write_text(text.replace(",reported,", ",rumour,", 1), encoding="utf-8")
    code = (
        "import sys, explainer\n"
        "clean = explainer.validate()\n"
        "print('pandera' in sys.modules, sum(p.severity == 'error' for p in clean))\n"
        "broken = explainer.validate(sys.argv[1])\n"
        "print('pandera' in sys.modules, [p.value for p in broken if p.severity == 'error'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(broken)],
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout.splitlines()  # fmt: skip
    assert out == ["False 0", "True ['rumour']"]


@pytest.fixture(scope="module")
def bundled_tables():
    from explainer import schema
    from explainer.dataset import DATA_DIR

    tables, texts, problems = schema.read_folder(DATA_DIR)
    assert not [p for p in problems if p.severity == "error"]
    return tables, texts


def _quick_and_pandera(tables, texts, monkeypatch):
    """Per table: the quick verdict, and what pandera finds (run whatever the verdict)."""
    from explainer import schema

    quick, found = {}, {}
    real_quick, real_problems = schema._passes_quickly, schema._schema_problems

    def spy(name, frame, refs):
        quick[name] = real_quick(name, frame, refs)
        return False  # pandera runs too

    def problems(name, table, refs, ref_files):
        found[name] = real_problems(name, table, refs, ref_files)
        return found[name]

    with monkeypatch.context() as m:
        m.setattr(schema, "_passes_quickly", spy)
        m.setattr(schema, "_schema_problems", problems)
        schema.validate_tables(tables, texts)
    return quick, found


# Values that fail one declared check or another, and values that pass them.
_CELLS = st.one_of(
    st.none(),
    st.sampled_from(
        ["", " ", "musk", "putin", "rumour", "reported", "denial", "2021-13", "2021-04", "2022/..",
         "0", "3", "-3", "１", "12345678901234567890", "fr", "FR", "US", "http://x.org", "x y",
         "musk;putin", "musk; nobody", "musk;;", "c-1", "C 1", "numerama-2024-10", "article",
         " ".join(["w"] * 25), " ".join(["w"] * 26), "w\u00a0" * 26, "a\tb"]
    ),
    st.text(max_size=12),
)  # fmt: skip


# monkeypatch is used through its context(), undone after each example.
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_quick_check_passes_a_table_exactly_when_pandera_finds_nothing(
    data, bundled_tables, monkeypatch
):
    import dataclasses

    from explainer import schema

    tables, texts = bundled_tables
    name = data.draw(st.sampled_from(schema.TABLES))
    tables = {n: dataclasses.replace(t, frame=t.frame.copy()) for n, t in tables.items()}
    frame = tables[name].frame
    for _ in range(data.draw(st.integers(1, 3))):
        column = data.draw(st.sampled_from([f["name"] for f in schema.fields(name)]))
        row = data.draw(st.integers(0, len(frame) - 1))
        frame.loc[row, column] = data.draw(_CELLS)
    if data.draw(st.booleans()):  # an id repeated
        frame.loc[len(frame) - 1, "id"] = frame.loc[0, "id"]
    quick, found = _quick_and_pandera(tables, texts, monkeypatch)
    for table in schema.TABLES:
        assert quick[table] == (found[table] == []), (table, found[table][:3])


def test_the_bundled_dataset_passes_the_quick_check_and_pandera_agrees(bundled_tables, monkeypatch):
    quick, found = _quick_and_pandera(*bundled_tables, monkeypatch)
    assert quick == {"actors": True, "sources": True, "claims": True}
    assert found == {"actors": [], "sources": [], "claims": []}


# --------------------------------------------------------------------------------------------------
# Sentence splitting: linear, and the same spans as before


def _split_sentences_quadratic(paragraph: str) -> list[tuple[int, int]]:
    """The implementation before issue 14, verbatim: re-slices the paragraph at each end."""
    from explainer.draft.segment import _ABBREVIATIONS, _CLOSE, _END, _OPEN

    spans = []
    start = 0
    for m in _END.finditer(paragraph):
        before = paragraph[start : m.end()]
        depth = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
        if depth > 0:
            continue
        word = re.search(r"(\S+)$", paragraph[: m.start()])
        token = word.group(1).lower().lstrip("(«“\"'") if word else ""
        if m.group(0)[0] == "." and (
            token in _ABBREVIATIONS
            or re.fullmatch(r"[a-zà-þ]", token)
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def test_sentences_of_the_bundled_article_are_unchanged():
    from explainer.dataset import DATA_DIR
    from explainer.draft.extract import read_article, split_paragraphs, split_sentences

    text = read_article(DATA_DIR / "sources" / "numerama-2024-10.txt")
    paragraphs = split_paragraphs(text)
    got = [split_sentences(p) for p in paragraphs]
    assert got == [_split_sentences_quadratic(p) for p in paragraphs]
    assert sum(map(len, got)) == BUNDLED_SENTENCES


# Pieces that exercise every rule: ends, quotes (French and English, unbalanced too), abbreviations,
# initials, "U.S.", capitals and digits after an end, odd spaces and a final newline.
_PIECES = [
    "a", "Il", "dit", "É", "x", "3", "M.", "Mme", "etc.", "J.", "U.S.", "e.g.", "u.s", "«", "»",
    "“", "”", '"', "'", "(", ")", "[", "]", "—", "–", "-", ".", "!", "?", "…", "...", "?!",
    ". ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "Oui.", "non", "vs.", "cf.", "1er",
    "St.", "Dr.",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_sentence_spans_equal_the_former_implementation_on_random_text(text):
    from explainer.draft.extract import split_sentences

    assert split_sentences(text) == _split_sentences_quadratic(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_sentence_spans_equal_the_former_implementation_on_any_characters(text):
    from explainer.draft.extract import split_sentences

    assert split_sentences(text) == _split_sentences_quadratic(text)


# --------------------------------------------------------------------------------------------------
# Bounded memory: a table too large for the memory free is refused before it is read


def test_a_table_too_large_for_the_free_memory_is_refused_with_the_limit(monkeypatch, tmp_path):
    from explainer import schema
    from explainer.dataset import DATA_DIR, validate

    size = (DATA_DIR / "claims.csv").stat().st_size
    free = size * schema.READ_MEMORY_FACTOR - 1  # one byte short for claims.csv only
    monkeypatch.setattr(schema, "available_memory", lambda: free)
    read = []
    real, real_blocks = schema._read_bytes, schema._file_blocks
    monkeypatch.setattr(
        schema, "_read_bytes", lambda path, *a: read.append(path.name) or real(path, *a)
    )
    monkeypatch.setattr(  # the shape of a plain UTF-8 file, read a block at a time
        schema, "_file_blocks", lambda path: read.append(path.name) or real_blocks(path)
    )
    problems = validate(DATA_DIR)
    refused = [p for p in problems if p.file == "claims.csv" and p.severity == "error"]
    assert len(refused) == 1
    limit = free // schema.READ_MEMORY_FACTOR
    assert refused[0].message == (
        f"this file is too large to read with the memory free now ({size:,} bytes; at most "
        f"{limit:,} bytes here: reading a table takes about {schema.READ_MEMORY_FACTOR} times "
        f"its size in memory, and {free:,} bytes are free)"
    )
    assert "Split the archive" in refused[0].hint
    assert "claims.csv" not in read  # refused before reading it, not after
    assert "actors.csv" in read


def test_the_cli_refuses_a_table_too_large_with_a_message_not_a_traceback(monkeypatch, capsys):
    from explainer import schema
    from explainer.__main__ import main
    from explainer.dataset import DATA_DIR

    monkeypatch.setattr(schema, "available_memory", lambda: 1000)
    assert main(["validate", str(DATA_DIR)]) == 1
    out, err = capsys.readouterr()
    assert "too large to read with the memory free now" in out
    assert "at most 125 bytes here" in out
    assert "Traceback" not in out + err


def test_running_out_of_memory_while_reading_is_a_message(monkeypatch):
    from explainer import schema
    from explainer.dataset import DATA_DIR, DatasetError, load_dataset

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(schema, "table_from_columns", exhausted)  # both readers end there
    with pytest.raises(DatasetError) as caught:
        load_dataset(DATA_DIR)
    assert [p.message for p in caught.value.problems] == ["the memory ran out while reading this"]


def test_available_memory_is_a_number_of_bytes_or_unknown():
    from explainer import schema

    free = schema.available_memory()
    assert free is None or (isinstance(free, int) and free >= 0)


# --------------------------------------------------------------------------------------------------
# Progress: on a terminal only, unless asked


def test_progress_is_off_when_standard_error_is_not_a_terminal(monkeypatch):
    import io

    from explainer import progress

    monkeypatch.delenv("EXPLAINER_PROGRESS", raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress.wanted() is False
    assert progress.wanted(True) is True
    monkeypatch.setenv("EXPLAINER_PROGRESS", "1")
    assert progress.wanted() is True
    monkeypatch.setenv("EXPLAINER_PROGRESS", "0")
    assert progress.wanted() is False


def test_progress_is_on_on_a_terminal_but_not_in_a_notebook():
    import os
    import pty

    code = (
        "import sys\n"
        "from explainer import progress\n"
        "on = progress.wanted()\n"
        "sys.modules['ipykernel'] = sys  # as inside a notebook's kernel\n"
        "print(on, progress.wanted())\n"
    )
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "EXPLAINER_PROGRESS"}
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=follower, text=True,
            check=True, timeout=300, env=env,
        ).stdout  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert out.split() == ["True", "False"]


def test_reading_a_large_folder_prints_nothing_when_not_on_a_terminal(monkeypatch, capsys):
    from explainer import progress
    from explainer.dataset import DATA_DIR, load_dataset, validate

    monkeypatch.delenv("EXPLAINER_PROGRESS", raising=False)
    monkeypatch.setattr(progress, "LARGE_BYTES", 0)  # the bundled folder counts as large
    validate(DATA_DIR)
    load_dataset(DATA_DIR)
    assert capsys.readouterr() == ("", "")
    validate(DATA_DIR, progress=True)  # asked: the same reading does show its bar
    assert "reading" in capsys.readouterr().err


def test_the_cli_prints_no_progress_when_piped(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "EXPLAINER_PROGRESS"}
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate"], capture_output=True, text=True,
        timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.strip().endswith("valid (0 warning(s)).")


def test_drafting_a_long_article_shows_progress_only_on_a_terminal(monkeypatch, capsys):
    from explainer.dataset import DATA_DIR
    from explainer.draft import extract
    from explainer.draft.extract import analyse, read_article

    text = read_article(DATA_DIR / "sources" / "numerama-2024-10.txt")
    monkeypatch.setattr(extract, "LONG_ARTICLE_SENTENCES", 1)
    monkeypatch.delenv("EXPLAINER_PROGRESS", raising=False)
    analyse(text, "fr")
    assert capsys.readouterr() == ("", "")
    monkeypatch.setenv("EXPLAINER_PROGRESS", "1")
    analyse(text, "fr")
    assert "drafting" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------------
# validate: warnings summarised per kind, every one with --all


def _folder_with_drafted_rows(tmp_path):
    import csv
    import shutil

    from explainer.dataset import DATA_DIR

    folder = tmp_path / "drafted"
    shutil.copytree(DATA_DIR, folder)
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["review"] = "check the status"
    with (folder / "claims.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder, len(rows)


def test_validate_summarises_many_warnings_of_one_kind(tmp_path, capsys):
    from explainer.__main__ import FIRST_WARNINGS, main

    folder, n = _folder_with_drafted_rows(tmp_path)
    assert n > FIRST_WARNINGS + 5
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if "this draft row still needs a person" in line]
    assert len(listed) == FIRST_WARNINGS + 1  # the first few, then one line for the rest
    summary = listed[-1]
    assert summary.startswith(f"warning: claims.csv: {n - FIRST_WARNINGS} more like the above")
    assert "(lines " in summary and "Add --all to list every one." in summary
    assert out[-1] == f"{folder}: valid ({n} warning(s))."


def test_validate_all_lists_every_warning(tmp_path, capsys):
    from explainer.__main__ import main

    folder, n = _folder_with_drafted_rows(tmp_path)
    assert main(["validate", str(folder), "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if "this draft row still needs a person" in line]
    assert len(listed) == n
    assert not any("more like the above" in line for line in out)


def test_a_file_past_the_fixed_limit_is_refused_unread_with_the_limit(tmp_path):
    from explainer import schema
    from explainer.__main__ import main
    from explainer.synthetic import write_synthetic

    folder = write_synthetic(tmp_path / "huge", 20)
    with (folder / "claims.csv").open("r+b") as f:
        f.truncate(schema.MAX_FILE_BYTES + 1)  # sparse: no disk used, and never read
    problems = [p for p in schema.read_folder(folder)[2] if p.severity == "error"]
    assert [(p.file, p.message) for p in problems] == [
        (
            "claims.csv",
            f"this file is too large ({schema.MAX_FILE_BYTES + 1:,} bytes; at most "
            f"{schema.MAX_FILE_BYTES:,})",
        )
    ]
    assert problems[0].hint.startswith("Split the archive")
    assert main(["validate", str(folder)]) == 1


# --------------------------------------------------------------------------------------------------
# The benchmark's machinery, on a tiny size (its timings are printed, never asserted)


def test_the_scale_benchmark_writes_every_figure(tmp_path):
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "scale.py"
    out = tmp_path / "scale.json"
    subprocess.run(
        [sys.executable, str(script), "--sizes", "300", "--explorer", "300", "--draft-kb", "2",
         "--json", str(out)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    import json

    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["machine"]) >= {"cpu", "cores", "memory_gb", "python", "pandas"}
    row = report["sizes"]["300"]
    assert row["load_claims"] == 300 and row["validate_errors"] == 0
    assert row["load_ratio"] > 0 and row["validate_peak_rss_mb"] > 0
    huge = report["huge_file"]
    assert huge["exit"] == 1 and huge["traceback"] is False and "too large" in huge["message"]
    assert report["draft"]["2KB"]["draft_s"] > 0
    explorer = report["explorer"]["300"]
    assert explorer["claims"] == 300 and explorer["changes"] == len(explorer["shown"]) == 50
    assert explorer["p95_ms"] >= explorer["p50_ms"] > 0 and explorer["bytes_per_change"] > 0
    assert report["import"]["explainer_s"] > 0


# --------------------------------------------------------------------------------------------------
# The reader's lines: cut exactly as io.StringIO(newline="") cuts them, without its copy


@pytest.mark.parametrize("chunk", [3, 1 << 20])
def test_csv_lines_are_those_of_stringio(chunk, monkeypatch):
    import io

    from explainer import schema

    monkeypatch.setattr(schema, "_CHUNK", chunk)  # small chunks: cuts between \r and \n tried

    @settings(max_examples=800, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list('ab,"\r\n \x0b\x85\u2028é')), max_size=60))
    def same(text):
        expected = list(io.StringIO(text, newline=""))
        assert list(schema._csv_lines(text)) == expected
        told: list[int] = []
        assert list(schema._csv_lines(text, told.append)) == expected
        assert sum(told) == len(text)  # the progress adds up to the whole text

    same()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2009\u3000\x85é'")), max_size=40))
def test_counting_words_quickly_agrees_with_str_split(text):
    import pandas as pd

    from explainer import schema

    for most in (0, 1, 3, 25):
        found = schema._words_at_most(most)(pd.Series([text], dtype="str")).tolist()
        assert found == [len(text.split()) <= most]
