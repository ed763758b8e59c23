"""The classroom notebooks: shape, size, pairs, and that they are what ``make notebooks`` makes.

Their outputs are checked cell by cell by nbval (``pytest --nbval``); these tests check what nbval
does not: the structure every notebook follows, no saved widget state, jupytext pairs in sync, the
normalised form the build writes, and, by running the build's own code path again, that the
committed files are its output.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
from pathlib import Path

import nbformat
import pytest

import explainer as ex

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"

_spec = importlib.util.spec_from_file_location("build_nb", ROOT / "tools" / "build_notebooks.py")
build_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_notebooks)

EXPECTED = [
    "01_story.ipynb",
    "02_explore.ipynb",
    "03_reading_claims.ipynb",
    "04_your_own_article.ipynb",
    "fr/01_story.ipynb",
    "fr/02_explore.ipynb",
    "fr/03_reading_claims.ipynb",
]
PATHS = [NOTEBOOK_DIR / name for name in EXPECTED]
IDS = [name.removesuffix(".ipynb") for name in EXPECTED]

# The headings every notebook has, in this order; content comes between "time" and "summary".
HEADINGS = {
    "en": ["Overview", "Prerequisites", "Time to learn", "Summary", "What's next"],
    "fr": ["Vue d'ensemble", "Prérequis", "Temps nécessaire", "Résumé", "Et ensuite"],
}


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _lang(path: Path) -> str:
    return "fr" if path.parent.name == "fr" else "en"


def _code(nb: nbformat.NotebookNode) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _headings(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(level, text) of every markdown heading, in order."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for match in re.finditer(r"^(#{1,6})\s+(.+?)\s*$", cell.source, flags=re.M):
                found.append((len(match.group(1)), match.group(2).replace("’", "'")))
    return found


def test_every_notebook_is_there():
    assert sorted(build_notebooks.notebook_paths(NOTEBOOK_DIR)) == sorted(PATHS)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_under_one_megabyte(path):
    assert path.stat().st_size < 1_000_000, f"{path.name} is {path.stat().st_size / 1e6:.2f} MB"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_no_saved_widget_state(path):
    nb = _read(path)
    assert "widgets" not in nb.metadata
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert build_notebooks.WIDGET_VIEW not in output.get("data", {})


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_outputs_are_stored_and_clean(path):
    nb = _read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    with_output = [c for c in code if c.outputs]
    shown = f"{len(with_output)} of {len(code)} code cells have outputs"
    assert len(with_output) * 2 > len(code), shown
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error", f"an error is stored in: {cell.source[:80]}"
            if output.output_type == "stream":
                assert output.name == "stdout", f"stderr (a warning?) in: {cell.source[:80]}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_follows_the_cookbook_structure(path):
    nb = _read(path)
    headings = _headings(nb)
    assert headings and headings[0][0] == 1, "the notebook starts with a level-1 title"
    texts = [text for _, text in headings]
    positions = []
    for wanted in HEADINGS[_lang(path)]:
        hits = [i for i, text in enumerate(texts) if text.startswith(wanted)]
        assert hits, f"no heading {wanted!r} in {path.name}: {texts}"
        positions.append(hits[0])
    assert positions == sorted(positions), f"headings out of order: {texts}"
    time_at, summary_at = positions[2], positions[3]
    assert summary_at - time_at >= 2, "content sections between 'time' and 'summary'"
    # Prerequisites: a table of concepts and how important each is; time: in minutes.
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"^\|.*Importance.*\|\s*$", markdown, flags=re.M), "a prerequisites table"
    assert re.search(r"\d+\s*min", markdown), "the time needed, in minutes"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_code_cells_are_calls_not_definitions(path):
    nb = _read(path)
    for source in _code(nb):
        assert not re.search(r"^\s*(async\s+def|def|class)\s", source, flags=re.M), source
    imports = [
        i
        for i, source in enumerate(_code(nb))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert imports and set(imports) == {0}, "imports all in the first code cell"
    assert "import explainer as ex" in _code(nb)[0]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_at_most_two_ignored_outputs(path):
    count = sum(source.count("NBVAL_IGNORE_OUTPUT") for source in _code(_read(path)))
    assert count <= 2


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_jupytext_pair_in_sync(path):
    py = build_notebooks.pair_path(path)
    assert py.exists(), f"{py.name} is missing: run make notebooks"
    assert build_notebooks.pair_text(_read(path)) == py.read_text(encoding="utf-8"), (
        f"{py.relative_to(ROOT)} differs from {path.name}: run make notebooks"
    )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_in_normalised_form(path):
    # What the build writes is a fixed point of its normalisation, written byte for byte that way.
    nb = _read(path)
    assert build_notebooks.normalise(nb) == nb
    assert path.read_text(encoding="utf-8") == nbformat.writes(nb) + "\n"


@pytest.mark.parametrize("path", [p for p in PATHS if p.stem == "01_story"], ids=["en", "fr"])
def test_story_presents_as_slides(path):
    nb = _read(path)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]
    assert all(kinds), "every cell says how it presents"
    assert kinds[0] == "slide"
    assert 8 <= kinds.count("slide") + kinds.count("subslide") <= 20


def test_explore_shows_the_explorer_and_little_else():
    # What nbval compares is what the Explorer shows: its summary line, then a scripted filter's
    # summary and claims (folded in the page), the very claims filter_claims keeps.
    claims = ex.load_dataset().claims
    kept = ex.filter_claims(claims, actors="putin", statuses="reported")
    for path in (NOTEBOOK_DIR / "02_explore.ipynb", NOTEBOOK_DIR / "fr" / "02_explore.ipynb"):
        outputs = [o for c in _read(path).cells if c.cell_type == "code" for o in c.outputs]
        texts = ["".join(o.get("data", {}).get("text/plain", "")) for o in outputs]
        assert len(outputs) == 2, "Voila shows every output: keep the Explorer the main one"
        assert texts[0].startswith(f"Explorer: {len(claims)} "), texts[0]  # first on screen
        summary, _, rows = texts[1].partition("\n")
        assert summary.startswith(f"{len(kept)} "), summary
        ids = [line.split()[0] for line in rows.splitlines()[1:]]
        assert ids == list(kept["id"])
        html = "".join(outputs[1]["data"]["text/html"])
        assert html.startswith("<details"), "folded: the Explorer stays first on screen"


def test_template_is_valid():
    problems = ex.validate(ROOT / "data" / "template")
    assert [p for p in problems if p.severity == "error"] == []
    loaded = ex.load_dataset(ROOT / "data" / "template")
    assert len(loaded.claims) == len(loaded.actors) == len(loaded.sources) == 1


# --------------------------------------------------------------------------------------------------
# The build itself, on small notebooks made here


def _toy_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    state = {"application/vnd.jupyter.widget-state+json": {"state": {"x": "y" * 100}}}
    nb.metadata["widgets"] = state
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    md = nbformat.v4.new_markdown_cell("# Title", metadata={"slideshow": {"slide_type": "slide"}})
    code = nbformat.v4.new_code_cell("1 + 1", metadata={"execution": {"iopub.status.busy": "2024"}})
    code.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"text/plain": "2", build_notebooks.WIDGET_VIEW: {"model_id": "abc123"}},
            execution_count=1,
        ),
        nbformat.v4.new_output("display_data", data={build_notebooks.WIDGET_VIEW: {"m": "1"}}),
    ]
    nb.cells = [md, code]
    return nb


def test_normalise_strips_what_varies_and_is_idempotent():
    nb = build_notebooks.normalise(_toy_notebook())
    assert "widgets" not in nb.metadata
    assert "version" not in nb.metadata.language_info
    assert [c.id for c in nb.cells] == ["cell-01", "cell-02"]
    code = nb.cells[1]
    assert "execution" not in code.metadata
    assert code.outputs == [
        nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)
    ]
    assert nb.cells[0].metadata == {"slideshow": {"slide_type": "slide"}}
    assert build_notebooks.normalise(nb) == nb


def test_read_inputs_takes_a_newer_py_and_keeps_its_slides(tmp_path):
    ipynb = tmp_path / "n.ipynb"
    nb = build_notebooks.normalise(_toy_notebook())
    build_notebooks.write(nb, ipynb)
    py = build_notebooks.pair_path(ipynb)
    assert build_notebooks.read_inputs(ipynb) == nb  # in sync: the notebook as it is
    py.write_text(py.read_text(encoding="utf-8").replace("1 + 1", "2 + 2"), encoding="utf-8")
    os.utime(py, (ipynb.stat().st_mtime + 10,) * 2)
    edited = build_notebooks.read_inputs(ipynb)
    assert edited.cells[1].source == "2 + 2"
    assert edited.cells[0].metadata["slideshow"] == {"slide_type": "slide"}
    os.utime(ipynb, (py.stat().st_mtime + 10,) * 2)  # an older .py loses: the notebook wins
    assert build_notebooks.read_inputs(ipynb).cells[1].source == "1 + 1"


def test_build_executes_from_the_notebook_folder(tmp_path):
    ipynb = tmp_path / "where.ipynb"
    (tmp_path / "marker.txt").write_text("here", encoding="utf-8")
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("print(open('marker.txt').read())")]
    )
    build_notebooks.write(build_notebooks.normalise(nb), ipynb)
    built = build_notebooks.build(ipynb)
    assert built.cells[0].outputs[0].text == "here\n"
    assert built.cells[0].execution_count == 1


# --------------------------------------------------------------------------------------------------
# The committed notebooks are what `make notebooks` produces

REBUILT = [p for p in PATHS if os.environ.get("NOTEBOOKS_REBUILD_ALL") or p.stem == "02_explore"]


@pytest.mark.parametrize("path", REBUILT, ids=[p.stem + "-" + _lang(p) for p in REBUILT])
def test_committed_notebook_is_what_the_build_produces(path):
    """Re-run the build's own code path (not written anywhere) and compare with the committed file.

    One notebook by default, to keep ``make test`` quick (nbval runs every notebook anyway);
    ``NOTEBOOKS_REBUILD_ALL=1`` checks all of them.
    """
    committed = _read(path)
    built = build_notebooks.build(path)
    for i, (old, new) in enumerate(zip(committed.cells, built.cells, strict=True), start=1):
        assert old == new, f"{path.name} cell {i} differs from a fresh build: run make notebooks"
    assert committed == built
