"""An interactive classroom explainer of the claims in a news article.

The public API, everything a notebook or a test calls::

    import explainer as ex
    ds = ex.load_dataset()
    ex.filter_claims(ds.claims, actors=["putin"], start="2022", end="2024-10",
                     statuses=["reported"])
"""

from explainer.dataset import Dataset, DatasetError, load_dataset, save_dataset, validate
from explainer.dates import EDTFDate, InvalidDate, parse_date
from explainer.export import export_html
from explainer.filtering import filter_claims
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import Problem
from explainer.synthetic import synthetic  # after this line, explainer.synthetic is the function

__all__ = [
    "KIND_ORDER",
    "STATUS_ORDER",
    "Dataset",
    "DatasetError",
    "EDTFDate",
    "Explorer",
    "InvalidDate",
    "Problem",
    "Story",
    "actor_network",
    "describe",
    "draft",
    "export_html",
    "filter_claims",
    "highlight",
    "influence_timeline",
    "load_dataset",
    "parse_date",
    "save_dataset",
    "synthetic",
    "validate",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The drafter needs spaCy: it loads on first use of ex.draft or ex.highlight, not on import.
    if name == "draft":
        import explainer.draft  # the subpackage; calling it drafts (see explainer.draft)

        return explainer.draft
    if name == "highlight":
        from explainer.draft.highlight import highlight

        return highlight
    # The figures (plotly) and the widgets (ipywidgets) load on first use, keeping the import light.
    if name in ("influence_timeline", "actor_network", "describe"):
        import explainer.figures

        return getattr(explainer.figures, name)
    if name in ("Explorer", "Story"):
        import explainer.widgets

        return getattr(explainer.widgets, name)
    raise AttributeError(f"module 'explainer' has no attribute {name!r}")
