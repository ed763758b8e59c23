"""Nothing lost, nothing half-written: save_dataset keeps every column, writes all or nothing,
never replaces what is not a file of its own, and reading keeps an apostrophe a person typed.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd
import pytest
from sample_data import CLAIMS, write_dataset

from explainer import dataset as dataset_module
from explainer import load_dataset, save_dataset, validate
from explainer.schema import DESCRIPTOR_PATH


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def changed_dataset(small_data):
    ds = small_data
    ds.claims["summary_en"] = ds.claims["summary_en"] + " (changed)"
    ds.actors["name"] = ds.actors["name"] + " (changed)"
    ds.texts = {"record": ["three", "four"]}  # a text of its own, no quote to check
    return ds


# save_dataset replaces files with os.replace (2 calls a file that exists: old aside, new in
# place); fail at every one of them in turn, and while writing aside.
@pytest.mark.parametrize("failing", range(12))
@pytest.mark.parametrize("step", ["replace", "write"])
def test_a_failure_at_any_step_changes_nothing(small_data, tmp_path, monkeypatch, failing, step):
    folder = save_dataset(small_data, tmp_path / "copy")
    before = snapshot(folder)
    ds = changed_dataset(load_dataset(folder))
    calls = {"n": 0}
    real = os.replace if step == "replace" else dataset_module.tempfile.mkstemp

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == failing + 1:
            raise OSError(28, "No space left on device", str(args[0] if args else kwargs["dir"]))
        return real(*args, **kwargs)

    if step == "replace":
        monkeypatch.setattr(dataset_module.os, "replace", flaky)
    else:
        monkeypatch.setattr(dataset_module.tempfile, "mkstemp", flaky)
    try:
        save_dataset(ds, folder)
    except OSError as err:
        assert "nothing was changed" in str(err)
        assert snapshot(folder) == before  # no file changed, no temporary file left behind
    else:  # the failure came after the last step: everything was written
        monkeypatch.undo()
        assert "(changed)" in load_dataset(folder).claims["summary_en"].iloc[0]
        assert not [p for p in folder.rglob("*") if p.name.startswith(".")]


def test_a_failed_save_into_a_new_folder_leaves_no_folder(small_data, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(13, "Permission denied", str(args[0]))

    monkeypatch.setattr(dataset_module.os, "replace", fail)
    with pytest.raises(OSError, match="nothing was changed"):
        save_dataset(changed_dataset(small_data), tmp_path / "new")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("what", ["folder", "symlink", "fifo"])
def test_save_refuses_to_replace_what_is_not_a_file(small_data, tmp_path, what):
    folder = save_dataset(small_data, tmp_path / "copy")
    before = snapshot(folder)
    target = folder / "claims.csv"
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("mine", encoding="utf-8")
    target.unlink()
    if what == "folder":
        target.mkdir()
    elif what == "symlink":
        target.symlink_to(elsewhere)
    else:
        os.mkfifo(target)
    with pytest.raises(ValueError, match=r"claims\.csv is .*nothing was written"):
        save_dataset(changed_dataset(small_data), folder)
    after = snapshot(folder)
    before.pop("claims.csv")
    after.pop("claims.csv", None)  # the link reads through to "mine"
    assert after == before
    assert elsewhere.read_text(encoding="utf-8") == "mine"


def test_save_into_a_file_is_refused(small_data, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="it is a file, not a folder"):
        save_dataset(small_data, tmp_path / "file")


def test_saving_over_its_own_folder_keeps_every_column(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0].append("teacher_notes")
    for i, row in enumerate(rows[1:], start=1):
        row.append(f"note {i}" if i % 2 else "")
    with (folder / "claims.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    ds = load_dataset(folder)
    save_dataset(ds, ds.path)
    again = load_dataset(folder)
    assert again.claims["teacher_notes"].tolist()[:2] == ["note 1", ""]
    pd.testing.assert_frame_equal(again.claims[list(ds.claims.columns)], ds.claims)


def test_a_column_named_like_a_computed_one_is_refused(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    text = (folder / "claims.csv").read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",when_start"] + [line + ",x" for line in text[1:]]
    (folder / "claims.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    [problem] = [p for p in validate(folder) if p.severity == "error"]
    assert (problem.file, problem.line, problem.column) == ("claims.csv", 1, "when_start")
    assert "Rename the column" in problem.hint


# --------------------------------------------------------------------------------------------------
# The formula guard: only what save_dataset escaped is un-escaped


def _with_summary(folder: Path, summary: str) -> Path:
    row = (*CLAIMS[0][:8], summary, *CLAIMS[0][9:])
    return write_dataset(folder, claims=[row, *CLAIMS[1:]])


@pytest.mark.parametrize("typed", ["'-ish' he said", "'=not a formula", "''+x"])
def test_an_apostrophe_a_person_typed_is_kept(tmp_path, typed):
    folder = _with_summary(tmp_path / "mine", typed)  # no datapackage.json: a person's own files
    ds = load_dataset(folder)
    assert ds.claims["summary_en"].iloc[0] == typed
    [warning] = [w for w in ds.warnings if "apostrophe" in w.message]
    assert (warning.line, warning.column, warning.value) == (2, "summary_en", typed)
    # and it survives a save and a load (now guarded, as save_dataset records)
    again = load_dataset(save_dataset(ds, tmp_path / "saved"))
    assert again.claims["summary_en"].iloc[0] == typed
    assert not [w for w in again.warnings if "apostrophe" in w.message]


def test_save_dataset_records_the_guard_it_wrote(small_data, tmp_path):
    small_data.claims.loc[0, "summary_en"] = "=1+1"
    folder = save_dataset(small_data, tmp_path / "saved")
    assert (folder / "datapackage.json").read_bytes() == DESCRIPTOR_PATH.read_bytes()
    assert "'=1+1" in (folder / "claims.csv").read_text(encoding="utf-8")
    assert load_dataset(folder).claims.loc[0, "summary_en"] == "=1+1"


# --------------------------------------------------------------------------------------------------
# A datapackage.json in the folder that says something else is reported, not silently ignored


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON"),
        ('{"resources": []}', "no resource 'actors'"),
        (
            DESCRIPTOR_PATH.read_text(encoding="utf-8").replace('"established",', '"rumour",', 1),
            "field 'status' is declared differently",
        ),
        (
            DESCRIPTOR_PATH.read_text(encoding="utf-8").replace('"claims.csv"', '"my.csv"'),
            "claims: path 'my.csv' instead of 'claims.csv'",
        ),
    ],
)
def test_a_datapackage_that_disagrees_is_reported(tmp_path, text, words):
    folder = write_dataset(tmp_path / "mine")
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    problems = validate(folder)
    [warning] = [p for p in problems if p.file == "datapackage.json"]
    assert warning.severity == "warning" and words in warning.message, warning
    assert "not used" in warning.message
    assert not [p for p in problems if p.severity == "error"]


def test_our_own_datapackage_in_the_folder_says_nothing(tmp_path):
    folder = write_dataset(tmp_path / "mine")
    (folder / "datapackage.json").write_bytes(DESCRIPTOR_PATH.read_bytes())
    assert not [p for p in validate(folder) if p.file == "datapackage.json"]
