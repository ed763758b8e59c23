"""``make notebooks``: execute every notebook in place, store its outputs, sync its jupytext pair.

Usage::

    .venv/bin/python tools/build_notebooks.py                 # every notebook under notebooks/
    .venv/bin/python tools/build_notebooks.py notebooks/02_explore.ipynb

For each notebook:

1. Inputs come from the notebook, or from its ``py:percent`` pair when the ``.py`` was edited more
   recently (so a change made in the reviewable ``.py`` is not lost). A ``.py`` without a notebook
   creates one.
2. It runs top to bottom in a fresh kernel of this Python (the venv's ``python3`` kernel), from the
   notebook's own folder, as Binder and nbval run it.
3. The result is normalised so that the same inputs give the same file, byte for byte: no saved
   widget state (``metadata.widgets`` embeds about 5 MB of plotly.js), no widget model ids (random,
   and useless without the state), no execution timings, no Python patch version, cell ids by
   position, and pairing metadata so that JupyterLab keeps the ``.py`` in sync.
4. The notebook and its ``.py`` pair are written.

``tests/test_notebooks.py`` calls the same functions to check that the committed notebooks are what
this command produces.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PAIR_FORMAT = "py:percent"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TIMEOUT = 600  # seconds a cell may take; spaCy's model loads in seconds, nothing comes near this


def notebook_paths(root: Path = NOTEBOOKS) -> list[Path]:
    """Every notebook to build, in a stable order.

    ``notebooks/*.ipynb`` and ``notebooks/fr/*.ipynb``, and ``py:percent`` files there that have no
    notebook yet.
    """
    found = set()
    for folder in (root, root / "fr"):
        for path in folder.glob("*.ipynb"):
            found.add(path)
        for path in folder.glob("*.py"):
            if path.read_text(encoding="utf-8").lstrip().startswith(("# ---", "# %%")):
                found.add(path.with_suffix(".ipynb"))
    return sorted(found)


def pair_path(ipynb: Path) -> Path:
    """The ``py:percent`` file paired with a notebook."""
    return ipynb.with_suffix(".py")


def pair_text(nb: nbformat.NotebookNode) -> str:
    """The ``py:percent`` text of a notebook, as committed next to it."""
    return jupytext.writes(copy.deepcopy(nb), fmt=PAIR_FORMAT)


def read_inputs(ipynb: Path) -> nbformat.NotebookNode:
    """The notebook to run: the ``.ipynb``, or its ``.py`` pair when that is newer and differs."""
    py = pair_path(ipynb)
    nb = nbformat.read(ipynb, as_version=4) if ipynb.exists() else None
    if py.exists() and (nb is None or py.stat().st_mtime > ipynb.stat().st_mtime):
        text = py.read_text(encoding="utf-8")
        if nb is None or pair_text(nb) != text:
            from_py = jupytext.reads(text, fmt=PAIR_FORMAT)
            if nb is not None:  # keep the notebook's own metadata; cells come from the .py
                from_py.metadata = nb.metadata
            nb = from_py
    if nb is None:
        raise FileNotFoundError(f"{ipynb} and {py} are both missing")
    return nb


def execute(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run ``nb`` top to bottom in a fresh ``python3`` kernel started in ``folder``; return a copy.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        When a cell raises; the message names the cell and the error.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:  # outputs of a previous run never leak into this one
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",  # jupyter_client runs the native python3 kernel with this Python
        resources={"metadata": {"path": str(folder)}},
        record_timing=False,
        store_widget_state=False,
    )
    client.execute()
    return nb


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """What must be stable, made stable (idempotent: a normalised notebook is left as it is)."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, 5
    meta = nb.metadata
    meta.pop("widgets", None)  # saved widget state: megabytes of plotly.js, and useless once closed
    meta["kernelspec"] = dict(KERNELSPEC)
    language = meta.get("language_info", {})
    language.pop("version", None)  # 3.11.x differs between this machine and Binder
    meta["language_info"] = language or {"name": "python"}
    # The .py pair carries the cells and only the cell metadata that matters (slides, tags), and no
    # header, so that it reads as a plain script in a review.
    meta["jupytext"] = {
        "cell_metadata_filter": "slideshow,tags,jupyter,-all",
        "formats": f"ipynb,{PAIR_FORMAT}",
        "main_language": "python",
        "notebook_metadata_filter": "-all",
    }
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{i:02d}"
        cell.metadata.pop("execution", None)  # timestamps
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                data.pop(WIDGET_VIEW, None)  # a random model id, meaningless without the state
                if not data and output.output_type == "display_data":
                    continue
            outputs.append(output)
        cell.outputs = outputs
    return nb


def build(ipynb: Path) -> nbformat.NotebookNode:
    """Read, execute and normalise one notebook; nothing is written."""
    return normalise(execute(read_inputs(ipynb), ipynb.parent))


def write(nb: nbformat.NotebookNode, ipynb: Path) -> None:
    """Write a built notebook and its ``py:percent`` pair."""
    nbformat.validate(nb)
    ipynb.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    pair_path(ipynb).write_text(pair_text(nb), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook")
    args = parser.parse_args(argv)
    paths = [p.resolve().with_suffix(".ipynb") for p in args.notebooks] or notebook_paths()
    failed = []
    for path in paths:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        started = time.perf_counter()
        try:
            nb = build(path)
        except CellExecutionError as err:
            print(f"{shown}: a cell failed; nothing was written.\n{err}", file=sys.stderr)
            failed.append(shown)
            continue
        except FileNotFoundError as err:
            print(f"{shown}: {err}", file=sys.stderr)
            failed.append(shown)
            continue
        write(nb, path)
        size = path.stat().st_size / 1e3
        print(f"{shown}: executed in {time.perf_counter() - started:.1f} s, {size:.0f} kB")
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(map(str, failed))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
