"""``python -m explainer validate``: exit 0 on valid data, 1 with every problem listed, never a
traceback. Run as a subprocess, from another working directory, as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sample_data import write_dataset

from explainer.__main__ import main
from explainer.dataset import DATA_DIR


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def test_the_bundled_dataset_is_valid(tmp_path):
    if not (DATA_DIR / "claims.csv").exists():
        pytest.fail("the bundled dataset (data/claims.csv) is missing: the suite needs it")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("valid (0 warning(s)).")


def test_a_valid_folder_exits_0(tmp_path):
    write_dataset(tmp_path / "mine")
    result = run("validate", "mine", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "mine: valid (0 warning(s)).\n"
    assert result.stderr == ""


def test_warnings_are_printed_and_exit_0(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    (folder / "claims.csv").write_bytes((folder / "claims.csv").read_bytes() + b"\r\n")
    result = run("validate", "mine", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "warning: claims.csv, line 15: blank lines were skipped (lines 15). "
        "Nothing to do, unless a row went missing there.",
        "mine: valid (1 warning(s)).",
    ]


def test_every_problem_is_printed_and_exit_1(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    claims = folder / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",reported,", ",rumoured,", 1), encoding="utf-8"
    )
    (folder / "sources.csv").write_text("", encoding="utf-8")
    result = run("validate", "mine", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "error: sources.csv: the file is empty. It needs at least the header row: "
        "id,outlet,title,url,published,language,note,note_fr",
        "error: claims.csv, line 2, column 'status': this value is not one of the allowed values "
        "(value 'rumoured'). Use one of: established, stated, reported, accused, commentary.",
    ]
    assert result.stderr == (
        "mine: 2 error(s), 0 warning(s). Fix the errors above, then run this command again.\n"
    )


ROW_END = b",,,action,stated,a,b,,numerama,,,article,\r\n"


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "this folder does not exist"),
        ("file", "this is a file, not a folder"),
        ("unclosed", "a double quote opened in this row is never closed"),
        ("too_many", "this row has 18 cells but the header has 16"),
        ("xlsx", "this is a spreadsheet workbook (.xlsx or .ods), not a CSV file"),
        ("random", "error: claims.csv"),
        ("not_text", "the file is neither UTF-8 nor Windows-1252 text"),
    ],
)
def test_bad_input_gets_a_message_and_exit_1(tmp_path, setup, expected):
    target = tmp_path / "mine"
    if setup == "file":
        target.write_text("id,name\n", encoding="utf-8")
    elif setup != "missing":
        write_dataset(target)
        claims = target / "claims.csv"
        data = claims.read_bytes()
        claims.write_bytes(
            {
                "unclosed": data + b'c-x,2022,2022,"musk' + ROW_END,
                "too_many": data + b"c-x,2022,2022,musk" + ROW_END[:-2] + b",1,2\r\n",
                "xlsx": b"PK\x03\x04" + bytes(100),
                "random": bytes(range(1, 256)) * 3,
                "not_text": b"id,when\r\n\x81\x8d\x8f\r\n",
            }[setup]
        )  # fmt: skip
    result = run("validate", "mine", cwd=tmp_path)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "Fix the errors above" in result.stderr


def test_a_console_that_cannot_show_accents_gets_them_escaped(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    claims = folder / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",reported,", ",établi,", 1), encoding="utf-8"
    )
    result = run("validate", "mine", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert "(value '\\xe9tabli')" in result.stdout


def test_no_command_is_a_usage_message(tmp_path):
    result = run(cwd=tmp_path)
    assert result.returncode == 1  # one contract: 1 for any failure (argparse alone says 2)
    assert "usage: python -m explainer" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["validate", "a", "b"], "unrecognized arguments: b"),
        (["export"], "the following arguments are required: --out"),
        (["export", "--out", "x.html", "--lang", "de"], "invalid choice: 'de'"),
        (["draft", "article.txt"], "the following arguments are required: --out"),
        (["validate", "--verbose"], "unrecognized arguments: --verbose"),
    ],
)
def test_bad_arguments_exit_1_with_the_usage(tmp_path, args, words):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert words in result.stderr and "usage:" in result.stderr and "--help" in result.stderr
    assert not list(tmp_path.iterdir())  # nothing written


def test_help_exits_0_and_states_the_contract(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "1 for any failure" in " ".join(result.stdout.split())


def test_main_in_process(tmp_path, capsys):
    folder = write_dataset(tmp_path / "mine")
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().out == f"{folder}: valid (0 warning(s)).\n"
    (folder / "actors.csv").unlink()
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("error: actors.csv: the file is missing.")
    assert "1 error(s)" in out.err


def test_an_unexpected_error_is_a_message_and_exit_1(tmp_path, capsys, monkeypatch):
    import explainer.dataset

    def broken(folder):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(explainer.dataset, "validate", broken)
    monkeypatch.delenv("EXPLAINER_DEBUG", raising=False)
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Unexpected error (RuntimeError: something nobody foresaw)" in err
    assert "please report it" in err and "Traceback" not in err


def test_ctrl_c_says_so_and_exits_130(tmp_path, capsys, monkeypatch):
    import explainer.dataset

    def interrupted(folder):
        raise KeyboardInterrupt

    monkeypatch.setattr(explainer.dataset, "validate", interrupted)
    assert main(["validate", str(tmp_path)]) == 130
    err = capsys.readouterr().err
    assert err.startswith("Interrupted (Ctrl-C)") and "Traceback" not in err


def test_ctrl_c_in_a_real_process_exits_130(tmp_path):
    """SIGINT while the command runs (the drafter loading its model): the message, no
    traceback, 130."""
    import signal
    import time

    text = tmp_path / "article.txt"
    text.write_text("Elon Musk aurait parlé à Vladimir Poutine.\n" * 20_000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "explainer", "draft", str(text), "--out", str(tmp_path / "d")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "EXPLAINER_PROGRESS": "0"},
    )
    time.sleep(2.0)  # past Python's start and the imports, inside the command
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:  # finished before the signal: nothing to check
        pytest.fail(f"the draft finished in under 2 s, before Ctrl-C: {err}")
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Interrupted (Ctrl-C)" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "a" * 300],
        ["export", "--out", "a" * 300 + ".html"],
        ["draft", "a" * 300, "--out", "x"],
        ["draft", str(DATA_DIR / "sources" / "numerama-2024-10.txt"), "--out", "a" * 300],
    ],
)
def test_a_path_the_system_refuses_is_a_message(tmp_path, args):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert "File name too long" in result.stderr and "characters)" in result.stderr
    assert "bug" not in result.stderr
    assert not list(tmp_path.iterdir())
