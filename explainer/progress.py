"""Progress bars for long work (issue 14): on a terminal only, unless asked.

A bar is drawn (by tqdm, on standard error) when the caller asks for one, or when nobody said and
standard error is a terminal outside a notebook. ``EXPLAINER_PROGRESS=1`` asks for bars anywhere,
``EXPLAINER_PROGRESS=0`` turns them off. Piped or redirected output, a test or a notebook therefore
get none: nothing is printed where nobody watches.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["LARGE_BYTES", "bar", "wanted"]

# Tables smaller than this (all files of a folder together) are read in about a second: no bar.
LARGE_BYTES = 20 * 1024 * 1024


def wanted(asked: bool | None = None) -> bool:
    """Whether to draw a bar: ``asked`` if given, else ``EXPLAINER_PROGRESS``, else on a terminal
    outside a notebook."""
    if asked is not None:
        return bool(asked)
    setting = os.environ.get("EXPLAINER_PROGRESS", "").strip()
    if setting in ("0", "1"):
        return setting == "1"
    if "ipykernel" in sys.modules:  # a notebook: its output is not a terminal, even when it says so
        return False
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


def bar(*, total: float | None, desc: str, unit: str = "it", asked: bool | None = None,
        **options: Any) -> Any:  # fmt: skip
    """A tqdm bar on standard error, disabled (silent, nearly free) when :func:`wanted` says no."""
    from tqdm import tqdm

    on = wanted(asked)
    return tqdm(
        total=total, desc=desc, unit=unit, disable=not on, file=sys.stderr, leave=False,
        dynamic_ncols=True, **options,
    )  # fmt: skip
