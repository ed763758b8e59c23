"""tools/slides.py: the RISE slide metadata it sets, and tools/install_labextension.py."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import install_labextension  # noqa: E402
import slides  # noqa: E402


def notebook(*cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["jupytext"] = {
        "cell_metadata_filter": "slideshow,tags,-all",
        "formats": "ipynb,py:percent",
        "notebook_metadata_filter": "-all",
    }
    return nb


def md(text, slide_type=None):
    meta = {"slideshow": {"slide_type": slide_type}} if slide_type else {}
    return nbformat.v4.new_markdown_cell(text, metadata=meta)


def code(text, slide_type=None):
    meta = {"slideshow": {"slide_type": slide_type}} if slide_type else {}
    return nbformat.v4.new_code_cell(text, metadata=meta)


def kind(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type")


def hidden(cell):
    return cell.metadata.get("jupyter", {}).get("source_hidden", False)


def test_headings_start_slides_and_explicit_choices_stay():
    nb = slides.apply_slides(
        notebook(
            md("# Title"),
            md("## Overview", "subslide"),
            md("Some prose, no heading"),
            md("\n## A heading after a blank line"),
            md("### A level-3 heading"),
            md("## Notes for the teacher", "notes"),
        )
    )
    assert [kind(c) for c in nb.cells] == ["slide", "subslide", None, "slide", None, "notes"]


@pytest.mark.parametrize(
    ("source", "is_view"),
    [
        ('ex.influence_timeline(ds, lang="en")', True),
        ("story = ex.Story(ds)\nstory", True),
        ("import explainer as ex\n\nds = ex.load_dataset()", False),
        ("fig = ex.actor_network(ds);", False),
        ("ex.actor_network(ds);", False),
        ('print("hello")', False),
        ("%matplotlib inline", False),
        ("", False),
    ],
)
def test_what_counts_as_a_view(source, is_view):
    assert slides.displays_a_view(source) is is_view


def test_views_keep_their_slide_and_hide_their_input_setup_is_skipped():
    nb = slides.apply_slides(
        notebook(
            code("import explainer as ex\nds = ex.load_dataset()"),
            code("ds", "skip"),
            code('ex.influence_timeline(ds, lang="en")', "fragment"),
            code("story = ex.Story(ds)\nstory"),
        )
    )
    setup, skipped, fragment, story = nb.cells
    assert (kind(setup), hidden(setup)) == ("skip", False)
    assert (kind(skipped), hidden(skipped)) == ("skip", False)  # skipped: not on a slide at all
    assert (kind(fragment), hidden(fragment)) == ("fragment", True)
    assert (kind(story), hidden(story)) == ("-", True)
    assert story.metadata["tags"] == ["hide-input"]
    # The notebook: starts at the beginning; its .py pair keeps the hidden inputs.
    assert nb.metadata["rise"]["start_slideshow_at"] == "beginning"
    assert nb.metadata["jupytext"]["cell_metadata_filter"] == "slideshow,tags,jupyter,-all"


def test_idempotent_and_does_not_touch_its_argument():
    nb = notebook(md("# T"), code("x = 1"), code("x"))
    before = json.dumps(nb, sort_keys=True)
    once = slides.apply_slides(nb)
    assert json.dumps(nb, sort_keys=True) == before
    assert slides.apply_slides(once) == once


def test_rewrite_writes_the_notebook_and_its_pair(tmp_path):
    for name in ("01_story.ipynb", "01_story.py"):
        shutil.copy(ROOT / "notebooks" / name, tmp_path / name)
    ipynb = tmp_path / "01_story.ipynb"
    assert slides.rewrite(ipynb, check=True) in (True, False)  # --check changes nothing
    assert (tmp_path / "01_story.py").read_text() == (ROOT / "notebooks/01_story.py").read_text()
    slides.rewrite(ipynb)
    assert slides.rewrite(ipynb, check=True) is False  # applied: nothing left to do
    nb = nbformat.read(ipynb, as_version=4)
    story = next(c for c in nb.cells if "ex.Story(" in c.source)
    assert hidden(story)
    py = (tmp_path / "01_story.py").read_text()
    assert 'jupyter={"source_hidden": true}' in py
    # Prose and code are untouched: only metadata changed.
    original = nbformat.read(ROOT / "notebooks" / "01_story.ipynb", as_version=4)
    assert [c.source for c in nb.cells] == [c.source for c in original.cells]


def test_the_labextension_installs_as_jupyterlab_finds_it(tmp_path):
    target = install_labextension.install(tmp_path)
    package = json.loads((target / "package.json").read_text())
    assert (target / package["jupyterlab"]["_build"]["load"]).is_file()
    from jupyterlab_server.config import get_page_config

    config = get_page_config([str(tmp_path)])
    names = [e["name"] for e in config["federated_extensions"]]
    assert names == ["explainer-rise-widgets"]
    install_labextension.install(tmp_path)  # again: replaces, does not nest
    assert not (target / target.name).exists()
