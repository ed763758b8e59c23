"""The interactive views: the Explorer and the Story (the HTML card and table they show are
:mod:`explainer.card`'s, re-exported here).

This is the only package that imports ipywidgets and holds state; the figures it shows come from
:mod:`explainer.figures` and are changed in place.
"""

import sys


def _import_figurewidget_without_iri_grammars() -> None:
    """Import plotly's ``FigureWidget`` without compiling ``rfc3987_syntax``'s grammars.

    ``FigureWidget`` imports plotly's renderers, which import nbformat, which imports jsonschema;
    jsonschema imports ``rfc3987_syntax`` when it is installed (the Jupyter server's own
    dependencies bring it), and that package compiles 38 lark grammars at import: 1 to 2 s and
    16 MB in every kernel, so in every Voila page load, for IRI checks no view of ours makes.
    While plotly loads, that one import is made to fail, as if the package were absent; it is
    then allowed again, so code that imports it later still gets it.
    """
    if "plotly.basewidget" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # None: ImportError
    try:
        import plotly.basewidget  # noqa: F401
    finally:
        if sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]


_import_figurewidget_without_iri_grammars()

from explainer.card import card_html, table_html  # noqa: E402
from explainer.widgets.explorer import Explorer, StableFigureWidget  # noqa: E402
from explainer.widgets.story import Story  # noqa: E402

__all__ = ["Explorer", "StableFigureWidget", "Story", "card_html", "table_html"]
