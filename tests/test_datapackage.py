"""Interoperability: data/datapackage.json is a Frictionless Data Package that other tools read.

frictionless (a test dependency) validates the bundled package, and judges a dataset of ours the
way our own validator does on what both understand (types, enums, patterns, keys).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless  # pinned in pyproject.toml: a missing one is an error, not a skip
import pytest
from sample_data import write_dataset

from explainer.dataset import DATA_DIR
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import DESCRIPTOR_PATH


def descriptor() -> dict:
    return json.loads(DESCRIPTOR_PATH.read_text(encoding="utf-8"))


def resource(name: str) -> dict:
    return next(r for r in descriptor()["resources"] if r["name"] == name)


def enum(table: str, column: str) -> list[str]:
    field = next(f for f in resource(table)["schema"]["fields"] if f["name"] == column)
    return field["constraints"]["enum"]


def frictionless_errors(folder: Path) -> list[tuple[str, str, str]]:
    report = frictionless.validate(str(folder / "datapackage.json"))
    return [
        (task.name, error.type, getattr(error, "field_name", ""))
        for task in report.tasks
        for error in task.errors
    ] + [("package", e.type, "") for e in report.errors]


def test_the_descriptor_is_json_with_the_three_resources():
    d = descriptor()
    assert [r["name"] for r in d["resources"]] == ["actors", "sources", "claims"]
    for r in d["resources"]:
        assert r["path"] == f"{r['name']}.csv"
        assert r["profile"] == "tabular-data-resource"
        assert r["encoding"] == "utf-8"
        assert r["schema"]["primaryKey"] == ["id"]
        for field in r["schema"]["fields"]:
            assert field["type"] in {"string", "integer"}, field["name"]
            assert field.get("description"), field["name"]


def test_the_vocabulary_is_the_one_the_interface_knows():
    assert enum("claims", "status") == list(STATUS_ORDER)
    assert enum("claims", "kind") == list(KIND_ORDER)


def test_our_extensions_are_present():
    # x-edtf, x-max-words, x-list-separator, x-draft-may-be-empty drive checks that Frictionless
    # cannot express; they must survive in the descriptor (frictionless ignores x- properties).
    claims = {f["name"]: f for f in resource("claims")["schema"]["fields"]}
    assert claims["when"]["x-edtf"] and claims["public_since"]["x-edtf"]
    assert claims["quote"]["x-max-words"] == 25
    assert claims["involves"]["x-list-separator"] == ";"
    assert claims["summary_en"]["x-draft-may-be-empty"]


def test_frictionless_validates_the_bundled_package():
    if not (DATA_DIR / "claims.csv").exists():
        pytest.fail("the bundled dataset (data/claims.csv) is missing: the suite needs it")
    assert frictionless_errors(DATA_DIR) == []


def with_descriptor(folder: Path) -> Path:
    shutil.copy(DESCRIPTOR_PATH, folder / "datapackage.json")
    return folder


def test_frictionless_accepts_a_dataset_we_accept(tmp_path):
    assert frictionless_errors(with_descriptor(write_dataset(tmp_path / "d"))) == []


def test_frictionless_rejects_what_we_reject(tmp_path):
    folder = with_descriptor(write_dataset(tmp_path / "d"))
    claims = folder / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    text = text.replace(",reported,", ",rumoured,", 1)  # outside the enum
    text = text.replace(",putin,", ",nobody,", 1)  # an unknown actor id
    claims.write_text(text, encoding="utf-8")
    found = frictionless_errors(folder)
    kinds = {(table, kind) for table, kind, _ in found}
    assert ("claims", "constraint-error") in kinds
    assert ("claims", "foreign-key") in kinds


def test_layer_is_optional_and_its_default_is_one_of_its_values():
    layer = next(f for f in resource("claims")["schema"]["fields"] if f["name"] == "layer")
    assert not layer["constraints"].get("required")
    assert layer["x-default"] in layer["constraints"]["enum"]
    defaults = [f["name"] for r in descriptor()["resources"] for f in r["schema"]["fields"]
                if "x-default" in f]  # fmt: skip
    assert defaults == ["layer"]  # a default on a required column would hide a missing value


def test_frictionless_and_we_both_accept_hyphenated_actor_ids(tmp_path):
    from explainer.dataset import validate

    folder = with_descriptor(write_dataset(tmp_path / "d"))
    for name in ("actors.csv", "claims.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace("kremlin", "the-kremlin"), "utf-8")
    assert "the-kremlin" in (folder / "actors.csv").read_text(encoding="utf-8")
    assert frictionless_errors(folder) == []
    assert [p for p in validate(folder) if p.severity == "error"] == []
