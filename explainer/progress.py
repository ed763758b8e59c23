"""Progress bars for long work (issue 14): on a terminal only, unless asked.

A bar is drawn (by tqdm, on standard error) when the caller asks for one, or when nobody said and
standard error is a terminal outside a notebook. ``EXPLAINER_PROGRESS=1`` asks for bars anywhere,
``EXPLAINER_PROGRESS=0`` turns them off. Piped or redirected output, a test or a notebook therefore
get none: nothing is printed where nobody watches.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["LARGE_BYTES", "bar", "steps", "wanted"]

T = TypeVar("T")

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
    on = wanted(asked)
    return _bar_class()(
        total=total, desc=desc, unit=unit, disable=not on, file=sys.stderr, leave=False,
        dynamic_ncols=True, **options,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _bar_class() -> type:
    """tqdm without its monitor thread: tqdm starts one with its first bar (even a disabled one)
    and keeps it for the life of the process, and the drafter forks its workers only from a
    process with no other thread (explainer.draft.workers). Our bars are updated often enough
    not to need a thread that redraws a stalled one."""
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def steps(
    items: Iterable[T],
    *,
    total: int,
    desc: str,
    unit: str = "it",
    least: int = 0,
    asked: bool | None = None,
) -> Iterator[T]:
    """``items``, one step of a bar each; the bar is closed at the end, or on an error.

    Parameters
    ----------
    items : iterable
        The work, one item a step.
    total : int
        How many items there are.
    desc, unit : str
        What the bar says ("exporting", " claims").
    least : int
        Fewer items than this are quick work: no bar unless ``asked``.
    asked : bool, optional
        As for :func:`wanted`.

    Examples
    --------
    >>> list(steps(range(3), total=3, desc="counting", asked=False))
    [0, 1, 2]
    """
    if asked is None and total < least:
        asked = False
    shown = bar(total=total, desc=desc, unit=unit, asked=asked)
    try:
        for item in items:
            yield item
            shown.update()
    finally:
        shown.close()
