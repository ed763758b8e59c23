"""Slide metadata for jupyterlab-rise: which cell starts a slide, which code is hidden from it.

Usage (the notebook and its ``py:percent`` pair are both rewritten)::

    .venv/bin/python tools/slides.py notebooks/01_story.ipynb notebooks/fr/01_story.ipynb
    .venv/bin/python tools/slides.py --check notebooks/01_story.ipynb   # exit 1 if it would change

What jupyterlab-rise 0.43 reads (its slideshow is the live JupyterLab notebook, split into
reveal.js sections):

- ``metadata.slideshow.slide_type`` of each cell: ``slide``, ``subslide``, ``fragment``, ``skip``,
  ``notes``, or ``-`` (same slide). It has no tag of its own for hiding a cell's input.
- the input of a cell is hidden the way JupyterLab hides it, ``metadata.jupyter.source_hidden``
  (View > Collapse Selected Code). RISE shows the cell as JupyterLab draws it, so such a cell shows
  its output only. The notebook's ``rise.css`` (next to it) removes the thin placeholder that
  JupyterLab leaves instead of the input, and the prompts, on the slides only.
- ``metadata.rise`` of the notebook: reveal.js settings (theme, width, height, scroll, ...).

The rules, applied by :func:`apply_slides` (idempotent; explicit ``skip``/``notes``/``subslide``
choices are kept):

- a markdown cell that opens with a heading (``#`` or ``##``) starts a slide, unless it has a
  slide type of its own (``subslide``, ``fragment``, ``skip``, ``notes``);
- a code cell whose last statement is an expression (it displays a view: a figure, a widget) keeps
  its slide type (``-`` if it had none) and gets its input hidden (``source_hidden`` and the
  ``hide-input`` tag, which nbconvert/Jupyter Book and readers of the ``.py`` understand);
- any other code cell (setup: imports, assignments) is ``skip`` unless it has a slide type;
- the jupytext pairing keeps the ``jupyter`` cell metadata, so the ``.py`` says which inputs are
  hidden and JupyterLab does not lose it when it reads the notebook from its ``.py``.
"""

from __future__ import annotations

import argparse
import ast
import copy
import sys
from pathlib import Path

import nbformat

HIDE_TAG = "hide-input"
# RISE settings of the notebook: start on the title slide, even when the teacher opens the
# slideshow after Run All (RISE starts on the selected cell's slide by default, the last one then);
# slide numbers, for the class to say "slide 7"; no animation between slides (figures redraw once).
RISE_SETTINGS = {"start_slideshow_at": "beginning", "slideNumber": True, "transition": "none"}


def _slide_type(cell) -> str | None:
    return (cell.get("metadata", {}).get("slideshow") or {}).get("slide_type")


def _set_slide_type(cell, value: str) -> None:
    cell.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = value


def opens_with_heading(source: str) -> bool:
    """A markdown cell whose first non-blank line is a level 1 or 2 heading."""
    for line in source.splitlines():
        if line.strip():
            stripped = line.lstrip()
            return stripped.startswith(("# ", "## "))
    return False


def displays_a_view(source: str) -> bool:
    """A code cell whose last statement is an expression: what it shows is the point of the cell.

    Cells that end with ``;`` (output suppressed), that cannot be parsed (magics), or that end with
    an assignment, import or call to ``print`` are not views.
    """
    text = source.rstrip()
    if not text or text.endswith(";"):
        return False
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return False
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return False
    value = tree.body[-1].value
    is_print = isinstance(value, ast.Call) and getattr(value.func, "id", None) == "print"
    return not is_print


def apply_slides(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` with RISE slide metadata set by the rules above."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        kind = _slide_type(cell)
        if cell.cell_type == "markdown":
            if opens_with_heading(cell.source) and kind in {None, "-"}:
                _set_slide_type(cell, "slide")
        elif cell.cell_type == "code":
            if displays_a_view(cell.source) and kind not in {"skip", "notes"}:
                if kind is None:
                    _set_slide_type(cell, "-")
                cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
                tags = cell.metadata.setdefault("tags", [])
                if HIDE_TAG not in tags:
                    tags.append(HIDE_TAG)
            elif kind is None:
                _set_slide_type(cell, "skip")
    rise = nb.metadata.setdefault("rise", {})
    for key, value in RISE_SETTINGS.items():
        rise.setdefault(key, value)
    pairing = nb.metadata.get("jupytext")
    if pairing is not None:
        keep = pairing.get("cell_metadata_filter", "")
        parts = [p for p in keep.split(",") if p]
        if parts and "jupyter" not in parts and "-all" in parts:
            parts.insert(parts.index("-all"), "jupyter")
            pairing["cell_metadata_filter"] = ",".join(parts)
    return nb


def rewrite(ipynb: Path, *, check: bool = False) -> bool:
    """Apply the rules to a notebook and its ``py:percent`` pair. True when something changed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_notebooks import pair_path, pair_text  # the same pairing as `make notebooks`

    before = nbformat.read(ipynb, as_version=4)
    # Through JSON and back: keys in the order nbformat writes them, so the .py written now is
    # the one `make notebooks` writes later from the saved notebook.
    after = nbformat.reads(nbformat.writes(apply_slides(before)), as_version=4)
    py = pair_path(ipynb)
    new_py = pair_text(after)
    changed = after != before or (py.exists() and py.read_text(encoding="utf-8") != new_py)
    if changed and not check:
        nbformat.write(after, ipynb)
        py.write_text(new_py, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if needed")
    args = parser.parse_args(argv)
    changed = [p for p in args.notebooks if rewrite(p, check=args.check)]
    for path in changed:
        print(f"{'would change' if args.check else 'changed'}: {path}")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
