"""The interactive views: the Explorer and the Story (the HTML card and table they show are
:mod:`explainer.card`'s, re-exported here).

This is the only package that imports ipywidgets and holds state; the figures it shows come from
:mod:`explainer.figures` and are changed in place.
"""

import contextlib
import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Iterator

from explainer.figures.validators import read_on_demand
from explainer.widgets import plotly_module as _plotly_module


@contextlib.contextmanager
def _absent(name: str) -> Iterator[None]:
    """Make ``import name`` fail, as if the package were not installed, for the ``with`` block only.

    Code that imports it after the block still gets it: nothing is blocked for good.
    """
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # None: ImportError
    try:
        yield
    finally:
        if sys.modules.get(name, 0) is None:
            del sys.modules[name]


class _ImportedOnFirstUse(types.ModuleType):
    """Stands for a module in another module's namespace, and imports it when first read from.

    The import is made with ``rfc3987_syntax`` absent: jsonschema (under nbformat) imports it when
    it is installed (the Jupyter server's own dependencies bring it), and it compiles 38 lark
    grammars at import, 1 to 2 s and 16 MB, for IRI checks that no view of ours makes.
    """

    def __getattr__(self, attr: str) -> object:
        if self.__name__ not in sys.modules:
            with _absent("rfc3987_syntax"):
                importlib.import_module(self.__name__)
        return getattr(sys.modules[self.__name__], attr)


def _import_figurewidget() -> None:
    """Import plotly's ``FigureWidget`` without nbformat, which plotly loads for ``fig.show()``.

    ``FigureWidget`` imports plotly's renderers, which import nbformat at import for one version
    check made by ``fig.show()`` alone; nbformat imports jsonschema and its format checkers
    (arrow, isoduration, referencing...). That is 5 MB in every kernel, so in every Voila page
    load, for a call that no view of ours makes. While plotly loads, nbformat is made absent;
    the renderers then get a stand-in that imports it on first use, so ``fig.show()`` works as
    before.
    """
    if "plotly.basewidget" in sys.modules:
        return
    if "nbformat" in sys.modules or importlib.util.find_spec("nbformat") is None:
        import plotly.basewidget  # nothing to spare: already loaded, or absent

        return
    with _absent("nbformat"):
        import plotly.basewidget  # noqa: F401
    import plotly.io._renderers as renderers
    from _plotly_utils import optional_imports

    optional_imports._not_importable.discard("nbformat")  # plotly noted it as not installed
    renderers.nbformat = _ImportedOnFirstUse("nbformat")


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


_import_figurewidget()
# Under Voila, plotly's module comes from a file the browser caches (plotly_module.py).
if not _plotly_module.serve_from_voila():
    _figurewidget_bundle_in_one_byte_per_character()
# A kernel that shows our widgets keeps 9 MB less of plotly's validator parameters. Done here, the
# package of kernel trims, not in explainer.figures: a figure alone must not change plotly for
# the rest of the process.
read_on_demand()

from explainer.card import card_html, table_html  # noqa: E402
from explainer.widgets.explorer import Explorer, StableFigureWidget  # noqa: E402
from explainer.widgets.story import Story  # noqa: E402

__all__ = ["Explorer", "StableFigureWidget", "Story", "card_html", "table_html"]
