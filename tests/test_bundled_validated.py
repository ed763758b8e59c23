"""The bundled dataset is validated when it is built, and trusted at load only while unchanged.

Every Voila page load runs ``load_dataset()`` on the bundled data; its pandera checks (and pandera's
import) were a quarter of a second of the kernel's time to first marks (issue 12). They are skipped
for the bundled folder while its files have the digest ``tools/sync_package_data.py`` recorded
after validating them; anything else is validated as before.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import explainer as ex
from explainer import bundled, schema

ROOT = Path(__file__).resolve().parent.parent


def test_the_recorded_digest_is_the_bundled_data_s_and_that_data_validates(sync_tool):
    # The record can only be trusted if what it names passes every check: validate it here.
    assert schema.read_folder(bundled.DATA_DIR)[2] == []
    assert bundled.digest(bundled.DATA_DIR) == bundled.VALIDATED_DIGEST, (
        "run: python tools/sync_package_data.py (it validates the copy and records its digest)"
    )
    assert sync_tool.recorded_digest() == bundled.VALIDATED_DIGEST


@pytest.fixture
def count_validations(monkeypatch):
    calls: list[int] = []
    real = schema.validate_tables

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(schema, "validate_tables", counted)
    return calls


def test_the_bundled_data_is_not_validated_again(count_validations):
    ds = ex.load_dataset()
    assert count_validations == []
    assert len(ds.claims) > 0 and ds.warnings == []


def test_the_same_frames_as_with_validation(count_validations, monkeypatch):
    trusted = ex.load_dataset()
    monkeypatch.setattr(bundled, "VALIDATED_DIGEST", "")
    checked = ex.load_dataset()
    assert len(count_validations) == 1
    for name in ("claims", "actors", "sources"):
        assert getattr(trusted, name).equals(getattr(checked, name)), name
    assert trusted.texts == checked.texts


def test_a_changed_bundled_file_is_validated(count_validations, monkeypatch):
    monkeypatch.setattr(bundled, "VALIDATED_DIGEST", "0" * 64)
    ex.load_dataset()
    assert len(count_validations) == 1


def test_a_copy_elsewhere_is_validated_and_its_errors_reported(tmp_path, count_validations):
    copy = tmp_path / "data"
    shutil.copytree(bundled.DATA_DIR, copy)
    ex.load_dataset(copy)
    assert len(count_validations) == 1
    claims = copy / "claims.csv"
    text = claims.read_text(encoding="utf-8").splitlines()
    # A status outside the schema's list, on the first claim.
    header = text[0].split(",")
    row = text[1].split(",")
    row[header.index("status")] = "rumoured"
    claims.write_text("\n".join([text[0], ",".join(row), *text[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ex.DatasetError, match="rumoured"):
        ex.load_dataset(copy)


def test_the_tool_records_nothing_for_data_with_problems(tmp_path, sync_tool):
    tool = sync_tool
    copy = tmp_path / "data"
    shutil.copytree(bundled.DATA_DIR, copy)
    assert tool.validated_digest(copy) == bundled.digest(copy)
    (copy / "actors.csv").write_text("id,name\n", encoding="utf-8")  # columns missing
    assert tool.validated_digest(copy) == ""
    module = tmp_path / "bundled.py"
    module.write_text('x = 1\nVALIDATED_DIGEST = "ab12"\n', encoding="utf-8")
    tool.record_digest("", module)
    assert tool.recorded_digest(module) == ""


def test_loading_the_bundled_data_does_not_import_pandera():
    code = "import sys, explainer as ex; ex.load_dataset(); print('pandera' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False", out.stderr
