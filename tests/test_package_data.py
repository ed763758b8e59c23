"""The schema and the bundled dataset ship inside the package (issue 13 §5), the same as data/."""

from __future__ import annotations

from pathlib import Path

import explainer
from explainer import bundled, schema, spreadsheet
from explainer.dataset import DATA_DIR


def test_package_copy_is_data_exactly(sync_tool):
    tool = sync_tool
    assert tool.differences() == [], "run: python tools/sync_package_data.py"
    assert "datapackage.json" in tool.tree(tool.PACKAGED)
    assert "claims.csv" in tool.tree(tool.PACKAGED)


def test_differences_are_found_and_synced(tmp_path, sync_tool):
    tool = sync_tool
    source, packaged = tmp_path / "data", tmp_path / "pkg"
    (source / "sources").mkdir(parents=True)
    (source / "claims.csv").write_text("id\nc1\n", encoding="utf-8")
    (source / "sources" / "a.txt").write_text("one", encoding="utf-8")
    packaged.mkdir()
    (packaged / "claims.csv").write_text("id\nc0\n", encoding="utf-8")
    (packaged / "old.csv").write_text("x", encoding="utf-8")
    assert tool.differences(source, packaged) == [
        "missing from pkg/: sources/a.txt",
        "not in data/ (stale copy): old.csv",
        "differs: claims.csv",
    ]
    tool.sync(source, packaged)
    assert tool.differences(source, packaged) == []


def test_everything_reads_from_inside_the_package():
    package = Path(explainer.__file__).resolve().parent
    assert DATA_DIR == bundled.DATA_DIR == package / "data"
    assert package / "data" / "datapackage.json" == schema.DESCRIPTOR_PATH
    assert package / "data" / "template" == spreadsheet.TEMPLATE_DIR
    assert explainer.load_dataset().path == DATA_DIR
