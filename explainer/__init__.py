"""An interactive classroom explainer of the claims in a news article.

The public API, everything a notebook or a test calls::

    import explainer as ex
    ds = ex.load_dataset()
    ex.filter_claims(ds.claims, actors=["putin"], start="2022", end="2024-10", statuses=["reported"])
"""

from explainer.dataset import Dataset, DatasetError, load_dataset, save_dataset, validate
from explainer.dates import EDTFDate, InvalidDate, parse_date
from explainer.export import export_html
from explainer.filtering import filter_claims
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import Problem

__all__ = [
    "KIND_ORDER",
    "STATUS_ORDER",
    "Dataset",
    "DatasetError",
    "EDTFDate",
    "InvalidDate",
    "Problem",
    "export_html",
    "filter_claims",
    "load_dataset",
    "parse_date",
    "save_dataset",
    "validate",
]

__version__ = "0.1.0"
