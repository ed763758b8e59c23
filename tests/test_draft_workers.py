"""Drafting in worker processes (issue 14): the same draft as in one process, clean failures.

The thresholds are lowered (``WORKERS_FROM``, ``PIPE_BATCH``) so that the bundled article and a
short synthetic text go through two workers in a few seconds; ``EXPLAINER_DRAFT_WORKERS=2`` asks for
two whatever the machine's cores. Timings are not asserted: ``benchmarks/draft_speed.py`` prints
them.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from explainer.__main__ import main
from explainer.dataset import DATA_DIR
from explainer.draft import DraftError, draft_text, workers
from explainer.draft import extract as extract_module
from explainer.draft.extract import analyse, load_nlp, read_article, split_paragraphs

BUNDLED_TEXT = DATA_DIR / "sources" / "numerama-2024-10.txt"
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform in ("darwin", "win32"),
    reason="no fork on this system: drafting runs in one process",
)
DEFAULT_BATCH = extract_module.PIPE_BATCH


@pytest.fixture(scope="module", autouse=True)
def nlp_fr():
    """The French pipeline, loaded once (before any fork: the workers share it)."""
    return load_nlp("fr")


@pytest.fixture
def forced(monkeypatch):
    """Workers for any article of two chunks or more, 4 sentences a chunk; records which
    processes parsed the chunks."""
    monkeypatch.setattr(workers, "WORKERS_FROM", 1)
    monkeypatch.setattr(extract_module, "PIPE_BATCH", 4)
    monkeypatch.setenv(workers.ENV, "2")
    # Forked whatever threads earlier tests left running here (their children only run spaCy);
    # that a thread keeps the drafter in one process is tested on its own below.
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    seen: list[int] = []
    real = workers.run_in_workers

    def spied(work, count, n, take):
        seen.append(-1)  # a run in workers started

        def work_with_pid(k):
            return os.getpid(), work(k)

        def take_with_pid(k, result):
            seen.append(result[0])
            take(k, result[1])

        real(work_with_pid, count, n, take_with_pid)

    monkeypatch.setattr(workers, "run_in_workers", spied)
    return seen


def _serial(monkeypatch, fn):
    """``fn()`` in this process only, with the default chunk size."""
    with monkeypatch.context() as m:
        m.setattr(workers, "run_in_workers", _no_workers)
        m.setenv(workers.ENV, "1")
        m.setattr(extract_module, "PIPE_BATCH", DEFAULT_BATCH)
        return fn()


def _no_workers(*args):
    raise AssertionError("the serial draft used workers")


def _as_data(result) -> dict:
    return {
        "claims": result.claims,
        "actors": result.actors,
        "sources": result.sources,
        "paragraphs": result.paragraphs,
        "left_out": result.left_out,
        "notes": result.notes,
        "spans": result.spans,
    }


def _synthetic_text() -> str:
    """The bundled article three times over, one word in eight swapped with its neighbour
    (seeded): about 80 sentences, nearly all new to spaCy (as in benchmarks/draft_speed.py)."""
    article = " ".join(split_paragraphs(read_article(BUNDLED_TEXT)))
    rng = random.Random(0)
    copies = []
    for _ in range(3):
        words = article.split(" ")
        for i in rng.sample(range(len(words) - 1), len(words) // 8):
            words[i], words[i + 1] = words[i + 1], words[i]
        copies.append(" ".join(words))
    return "\n\n".join(copies)


def _children() -> set[int]:
    """This process's live child processes (zombies too: a child not waited for)."""
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        pids.update(int(p) for p in (task / "children").read_text().split())
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_the_bundled_article_drafted_in_workers_is_the_serial_draft(monkeypatch, forced):
    text = read_article(BUNDLED_TEXT)
    serial = _serial(monkeypatch, lambda: draft_text(text, lang="fr", date="2024-10"))
    parallel = draft_text(text, lang="fr", date="2024-10")
    assert forced[0] == -1, "the workers were not used"
    pids = set(forced[1:])
    assert len(pids) == 2 and os.getpid() not in pids  # two workers, neither this process
    assert len(forced) - 1 == -(-34 // 4)  # every chunk (34 distinct sentences) came back once
    assert serial.claims  # a draft with claims, not two empty ones
    assert _as_data(parallel) == _as_data(serial)


def test_a_long_new_text_analysed_in_workers_is_the_serial_analysis(monkeypatch, forced):
    """Every sentence's tokens, entities, actor mentions, dates, cues and new actors, and the
    registry of actors, in order; and the draft made from them."""
    text = _synthetic_text()
    serial = _serial(monkeypatch, lambda: analyse(text, "fr"))
    parallel = analyse(text, "fr")
    assert forced[0] == -1 and len(set(forced[1:])) == 2
    assert len(serial.sentences) > 75
    assert repr(parallel.sentences) == repr(serial.sentences)
    assert parallel.registry.actors == serial.registry.actors
    assert [parallel.protagonist(k) for k in range(len(serial.sentences))] == [
        serial.protagonist(k) for k in range(len(serial.sentences))
    ]
    draft_serial = _serial(monkeypatch, lambda: draft_text(text, lang="fr"))
    assert _as_data(draft_text(text, lang="fr")) == _as_data(draft_serial)


def test_short_articles_and_the_setting_run_in_this_process(monkeypatch):
    monkeypatch.setattr(workers, "run_in_workers", _no_workers)
    monkeypatch.delenv(workers.ENV, raising=False)
    analyse(read_article(BUNDLED_TEXT), "fr")  # 34 sentences: fewer than WORKERS_FROM
    monkeypatch.setattr(workers, "WORKERS_FROM", 1)
    monkeypatch.setenv(workers.ENV, "1")
    analyse(read_article(BUNDLED_TEXT), "fr")
    assert workers.worker_count(10_000, 1) == 1  # never more workers than chunks
    monkeypatch.delenv(workers.ENV)
    # As a command-line run is: the threads earlier tests left in pytest's process (a browser
    # driver's) would otherwise keep every count at one.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert workers.worker_count(10_000, 100) == workers.MAX_WORKERS
    monkeypatch.setattr(workers, "WORKERS_FROM", 500)
    assert workers.worker_count(499, 100) == 1


def test_a_process_with_another_thread_drafts_in_this_process(monkeypatch):
    """A notebook's kernel runs threads of its own: no fork there (a lock another thread held
    would stay held in the child)."""
    monkeypatch.setattr(workers, "WORKERS_FROM", 1)
    monkeypatch.setattr(extract_module, "PIPE_BATCH", 4)
    monkeypatch.setenv(workers.ENV, "2")
    with monkeypatch.context() as alone:
        alone.setattr(threading, "active_count", lambda: 1)
        assert workers.worker_count(100, 25) == 2
    monkeypatch.setattr(workers, "run_in_workers", _no_workers)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert not workers.can_fork()
        assert workers.worker_count(100, 25) == 1
        analyse(read_article(BUNDLED_TEXT), "fr")
    finally:
        stop.set()
        other.join()


@pytest.mark.parametrize("setting", ["0", "two", "-1", "1.5"])
def test_a_bad_setting_is_a_draft_error(monkeypatch, setting):
    monkeypatch.setenv(workers.ENV, setting)
    with pytest.raises(DraftError, match=f"{workers.ENV} is '{setting}'"):
        analyse(read_article(BUNDLED_TEXT), "fr")


def test_workers_ignore_ctrl_c_and_every_result_comes_back_once():
    """Ctrl-C on a terminal reaches the workers too: they ignore it (the parent decides), and
    finish their chunks; every chunk's result is taken once, from a worker, not this process."""
    got: dict[int, tuple[int, int]] = {}

    def work(k: int) -> tuple[int, int]:
        os.kill(os.getpid(), signal.SIGINT)
        return k * k, os.getpid()

    def take(k: int, result: tuple[int, int]) -> None:
        assert k not in got
        got[k] = result

    before = _children()
    workers.run_in_workers(work, 7, 2, take)
    assert {k: square for k, (square, _) in got.items()} == {k: k * k for k in range(7)}
    pids = {pid for _, pid in got.values()}
    assert len(pids) == 2 and os.getpid() not in pids
    assert _children() == before


def test_a_result_that_cannot_be_sent_is_a_draft_error_without_a_traceback(capfd):
    before = _children()
    with pytest.raises(DraftError, match=r"a drafting worker process failed: \w*Error: .*lambda"):
        workers.run_in_workers(lambda k: (k, lambda: k), 4, 2, lambda k, result: None)
    assert "Traceback" not in capfd.readouterr().err
    assert _children() == before


def _fail_in_workers(monkeypatch, how: str) -> None:
    """Make ``_parse_chunk`` fail in a worker (not in this process), on its second chunk."""
    parent = os.getpid()
    real = extract_module._parse_chunk
    calls = []

    def failing(nlp, texts, parsed):
        calls.append(1)
        if os.getpid() != parent and len(calls) == 2:
            if how == "raise":
                raise ValueError("broken on purpose")
            if how == "exit":  # ends without a word (a C library's exit, say)
                os._exit(3)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(nlp, texts, parsed)

    monkeypatch.setattr(extract_module, "_parse_chunk", failing)


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("raise", r"a drafting worker process failed: ValueError: broken on purpose; draft in one "
                  r"process \(EXPLAINER_DRAFT_WORKERS=1\)"),
        # Killed (the out-of-memory killer's signal): memory is the likely cause, and said.
        ("kill", r"a drafting worker process \(pid \d+\) was killed by SIGKILL before it finished; "
                 r"the machine may be short of memory.*EXPLAINER_DRAFT_WORKERS=1"),
        # Any other end says nothing about memory.
        ("exit", r"a drafting worker process \(pid \d+\) exited with code 3 before it finished; "
                 r"draft in one process \(EXPLAINER_DRAFT_WORKERS=1\) to see whether it fails"),
    ],
)  # fmt: skip
def test_a_failing_worker_is_a_draft_error_and_leaves_no_process(monkeypatch, forced, how, said):
    before = _children()
    _fail_in_workers(monkeypatch, how)
    with pytest.raises(DraftError, match=said):
        analyse(_synthetic_text(), "fr")
    assert _children() == before


def test_the_cli_says_a_worker_died_and_writes_nothing(monkeypatch, forced, tmp_path, capsys):
    before = _children()  # earlier tests' own children (a browser driver) are not ours
    _fail_in_workers(monkeypatch, "kill")
    article = tmp_path / "article.txt"
    article.write_text(_synthetic_text(), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["draft", str(article), "--out", str(out), "--date", "2024-10"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Nothing was written: a drafting worker process (pid ")
    assert "EXPLAINER_DRAFT_WORKERS=1" in err and "Traceback" not in err
    assert not out.exists()
    assert _children() == before


# The CLI in a process of its own, its workers slowed down (each writes its pid to a folder first)
# so that Ctrl-C reaches them mid-draft.
SLOW_CLI = """
import os, sys, time
from pathlib import Path
from explainer.draft import extract, workers
workers.WORKERS_FROM = 1
extract.PIPE_BATCH = 4
parent, pids = os.getpid(), Path(sys.argv[1])
real = extract._parse_chunk
def slow(nlp, texts, parsed):
    if os.getpid() != parent:
        (pids / str(os.getpid())).touch()
        time.sleep(120)
    return real(nlp, texts, parsed)
extract._parse_chunk = slow
from explainer.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("to", ["group", "parent"])
def test_ctrl_c_during_the_workers_stops_them_all_and_exits_cleanly(tmp_path, to):
    """Ctrl-C on a terminal signals the whole foreground group (the workers ignore it, the parent
    stops them); ``kill -INT`` signals the parent alone."""
    pids = tmp_path / "pids"
    pids.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), workers.ENV: "2"}
    cli = subprocess.Popen(
        [sys.executable, "-c", SLOW_CLI, str(pids), "draft", str(BUNDLED_TEXT), "--out", str(out)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(list(pids.iterdir())) < 2 and cli.poll() is None:
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.1)
        started = [int(p.name) for p in pids.iterdir()]
        assert len(started) == 2 and all(_alive(p) for p in started)
        if to == "group":
            os.killpg(cli.pid, signal.SIGINT)
        else:
            os.kill(cli.pid, signal.SIGINT)
        _, err = cli.communicate(timeout=30)
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
    assert cli.returncode == 130 and "Interrupted (Ctrl-C)" in err, err
    assert "Traceback" not in err, err
    assert not any(_alive(p) for p in started)
    assert not out.exists()


def test_the_bar_moves_as_chunks_come_back_and_only_when_asked(monkeypatch, forced, capfd):
    """A bar (as on a terminal: EXPLAINER_PROGRESS=1) shows counts between 0 and the end while
    the workers parse; not on a terminal, nothing is written."""
    monkeypatch.setattr(extract_module, "LONG_ARTICLE_SENTENCES", 1)
    text = _synthetic_text()
    monkeypatch.setenv("EXPLAINER_PROGRESS", "0")
    analyse(text, "fr")
    assert capfd.readouterr().err == ""
    monkeypatch.delenv("EXPLAINER_PROGRESS")  # standard error is not a terminal under pytest
    analyse(text, "fr")
    assert capfd.readouterr().err == ""
    monkeypatch.setenv("EXPLAINER_PROGRESS", "1")
    monkeypatch.setattr(extract_module, "PIPE_BATCH", 32)  # chunks slow enough to be drawn
    distinct = len({s.text for s in analyse(text, "fr").sentences})
    err = capfd.readouterr().err
    assert "drafting" in err
    counts = {int(n) for n in re.findall(rf"(\d+)/{distinct}\b", err)}
    assert counts & set(range(1, distinct)), err  # a count between the start and the end
