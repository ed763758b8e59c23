"""The interactive views: the Explorer and the Story (the HTML card and table they show are
:mod:`explainer.card`'s, re-exported here).

This is the only package that imports ipywidgets and holds state; the figures it shows come from
:mod:`explainer.figures` and are changed in place.
"""

import re
import sys

from explainer.widgets import plotly_module as _plotly_module


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


def _escape_beyond_latin1(match: re.Match[bytes]) -> bytes:
    # A run of UTF-8: Latin-1 characters stay as they are (one byte each once decoded as Latin-1),
    # the others become \\uXXXX escapes (surrogate pairs beyond the BMP, as JavaScript holds them).
    out = []
    for char in match.group().decode("utf-8"):
        code = ord(char)
        if code <= 0xFF:
            out.append(char.encode("latin-1"))
        elif code <= 0xFFFF:
            out.append(b"\\u%04x" % code)
        else:
            code -= 0x10000
            out.append(b"\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    return b"".join(out)


def _figurewidget_bundle_in_one_byte_per_character() -> None:
    """Keep plotly's 5 MB widget bundle (the ``_esm`` sent to the browser) at 5 MB in the kernel.

    In plotly 7.1 the bundle has 13 Chinese characters and one U+FFFD, all in regular expressions
    (a calendar's month names); because of them Python would store the whole text with 2 bytes per
    character: 10 MB in every kernel, never given back. Written as ``\\uXXXX`` escapes, which mean
    the same characters in a JavaScript regular expression or string, the text takes 1 byte per
    character. The file is rewritten as bytes, so the 10 MB text is never made at all.
    """
    import plotly.basewidget

    widget = plotly.basewidget.BaseFigureWidget
    path = getattr(widget.__dict__.get("_esm"), "_path", None)  # anywidget's FileContents
    if path is None:  # already done, or a plotly that stores its bundle otherwise
        return
    raw = re.sub(rb"[\x80-\xff]+", _escape_beyond_latin1, path.read_bytes())
    widget._esm = raw.decode("latin-1")


_import_figurewidget_without_iri_grammars()
# Under Voila, plotly's module comes from a file the browser caches (plotly_module.py).
if not _plotly_module.serve_from_voila():
    _figurewidget_bundle_in_one_byte_per_character()

from explainer.card import card_html, table_html  # noqa: E402
from explainer.widgets.explorer import Explorer, StableFigureWidget  # noqa: E402
from explainer.widgets.story import Story  # noqa: E402

__all__ = ["Explorer", "StableFigureWidget", "Story", "card_html", "table_html"]
