"""In Voila, plotly's widget module comes from a static file the browser caches, not the websocket.

plotly 7's ``FigureWidget`` is an anywidget whose ``_esm`` is plotly's whole widget bundle (5 MB of
JavaScript): every kernel holds it, sends it in the widgets' state over the websocket at each page
load, and the browser evaluates it from a ``blob:`` URL (which it never caches). anywidget also
accepts a module that loads another one, so under Voila, when the bundle is served as
``voila/templates/explainer/static/plotly-widget.js`` (copied there by
``tools/install_plotly_module.py``), the widgets' ``_esm`` becomes a three-line module importing
that file. The browser fetches it once, keeps it in its cache (compiled), and the Voila template
(``share/jupyter/voila/templates/explainer/index.html.j2``) starts that import as soon as the page
opens, while the kernel still runs the notebook. JupyterLab, nbval and plain Python keep the
bundle inline: nothing there serves the file.
"""

from __future__ import annotations

import filecmp
import json
import os
from pathlib import Path

__all__ = ["MODULE_NAME", "installed_copy", "serve_from_voila", "stub"]

MODULE_NAME = "plotly-widget.js"
# Where Voila serves a template's static files, on both the standalone command and the Jupyter
# server's voila/render route (voila's TemplateStaticFileHandler); any template's files are served.
STATIC_PATH = "voila/templates/explainer/static/"


def plotly_bundle() -> Path:
    """plotly's own widget bundle, the file ``FigureWidget._esm`` is read from."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"


def installed_copy() -> Path | None:
    """The copy Voila serves, if one is on Jupyter's data path and equal to plotly's bundle.

    Voila looks for a template's static files in every Jupyter data folder, in
    ``jupyter_path()`` order, and serves the first it finds; a copy left from another plotly
    version (its contents differ) is not used.
    """
    from jupyter_core.paths import jupyter_path

    bundle = plotly_bundle()
    for root in jupyter_path():
        copy = Path(root) / STATIC_PATH / MODULE_NAME
        if copy.is_file():
            return copy if bundle.is_file() and filecmp.cmp(copy, bundle, shallow=False) else None
    return None


def stub(base_url: str) -> str:
    """The module sent instead of the bundle: it imports the served copy and re-exports it.

    The URL is made absolute in the browser (anywidget evaluates ``_esm`` from a ``blob:`` URL,
    against which a path cannot be resolved), exactly as the template's early import makes it,
    so that both name one module and the browser evaluates it once.
    """
    path = json.dumps(base_url.rstrip("/") + "/" + STATIC_PATH + MODULE_NAME)
    return (
        f"const url = new URL({path}, window.location.href).href;\n"
        "const module = await import(url);\n"
        "export default module.default;\n"
    )


def serve_from_voila() -> bool:
    """Under Voila, with the copy installed, make every ``FigureWidget`` send :func:`stub`.

    Returns
    -------
    bool
        True when the widgets now load plotly's module from the served file; False (nothing
        changed) outside Voila or when no equal copy is installed.
    """
    # Voila starts each page's kernel with the request's CGI-like variables (voila/handler.py).
    if not os.environ.get("SERVER_SOFTWARE", "").startswith("voila/"):
        return False
    if installed_copy() is None:
        return False
    import plotly.basewidget

    base_url = os.environ.get("VOILA_BASE_URL") or "/"
    plotly.basewidget.BaseFigureWidget._esm = stub(base_url)
    return True
