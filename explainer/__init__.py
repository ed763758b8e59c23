"""An interactive classroom explainer of the claims in a news article.

The public API, everything a notebook or a test calls::

    import explainer as ex
    ds = ex.load_dataset()
    ex.filter_claims(ds.claims, actors=["putin"], start="2022", end="2024-10",
                     statuses=["reported"])

``import explainer`` stays light: the figures (plotly), the widgets (ipywidgets), the drafter
(spaCy) and the spreadsheet, TimelineJS and JSON-LD converters load on first use of one of their
names (``ex.Explorer``, ``ex.draft``, ...), which ``dir(explainer)`` lists with the others.

Two names are also modules, on purpose and each in one way:

- ``explainer.draft`` is the drafter's package, and calling it drafts:
  ``ex.draft("article.txt", "my_draft")`` is :func:`explainer.draft.draft.draft` (Python binds a
  subpackage on its parent, so the name cannot stay a plain function once the drafter loads).
- ``explainer.synthetic`` is the module of synthetic datasets; the function that makes one is
  ``ex.synthetic_dataset(n, seed=...)`` (it was ``ex.synthetic``, which hid the module).
"""

from explainer.dataset import Dataset, DatasetError, load_dataset, save_dataset, validate
from explainer.dates import EDTFDate, InvalidDate, parse_date
from explainer.export import export_html
from explainer.filtering import ClaimFilter, Criteria, filter_claims
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import Problem
from explainer.synthetic import synthetic as synthetic_dataset

# Loaded on first use: name -> (module, attribute in it; None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "draft": ("explainer.draft", None),  # the package, callable (see above)
    "highlight": ("explainer.draft.highlight", "highlight"),
    "influence_timeline": ("explainer.figures", "influence_timeline"),
    "actor_network": ("explainer.figures", "actor_network"),
    "describe": ("explainer.figures", "describe"),
    "Explorer": ("explainer.widgets", "Explorer"),
    "Story": ("explainer.widgets", "Story"),
    "save_workbook": ("explainer.spreadsheet", "save_workbook"),
    "write_template": ("explainer.spreadsheet", "write_template"),
    "import_sheet": ("explainer.timelinejs", "import_sheet"),
    "export_timeline": ("explainer.timelinejs", "export_timeline"),
    "export_sheet": ("explainer.timelinejs", "export_sheet"),
    "claims_jsonld": ("explainer.jsonld", "claims_jsonld"),
    "export_jsonld": ("explainer.jsonld", "export_jsonld"),
}

__all__ = [
    "KIND_ORDER",
    "STATUS_ORDER",
    "ClaimFilter",
    "Criteria",
    "Dataset",
    "DatasetError",
    "EDTFDate",
    "Explorer",
    "InvalidDate",
    "Problem",
    "Story",
    "actor_network",
    "claims_jsonld",
    "describe",
    "draft",
    "export_html",
    "export_jsonld",
    "export_sheet",
    "export_timeline",
    "filter_claims",
    "highlight",
    "import_sheet",
    "influence_timeline",
    "load_dataset",
    "parse_date",
    "save_dataset",
    "save_workbook",
    "synthetic_dataset",
    "validate",
    "write_template",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'explainer' has no attribute {name!r}")
    import importlib

    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    return module if attribute is None else getattr(module, attribute)


def __dir__() -> list[str]:
    # The lazy names too, as plotly does: tab completion and help() find Explorer before it loads.
    return sorted({*globals(), *_LAZY})
