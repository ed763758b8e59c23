"""How a claim is said: "who → whom", "source, paragraph N", the status and the kind in words.

The one place for these wordings, used by the timeline's hover, the card, the table, the Explorer's
claim picker, the offline page and (through the card) the Story. Each function returns plain text
built from the pieces it is given: a caller that writes HTML passes names it has already escaped
and isolated (:func:`explainer.bidi.bdi` or :func:`html.escape`), and the words added here hold
no markup character, so the result is still safe HTML. No plotly, no ipywidgets: the offline
page's module imports this at ``import explainer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from explainer.i18n import t

if TYPE_CHECKING:
    from collections.abc import Callable

    from explainer.dataset import Dataset

__all__ = [
    "ARROW",
    "claim_who",
    "kind_label",
    "paragraph_words",
    "source_paragraph",
    "status_label",
    "who_whom",
]

ARROW = " → "  # between who speaks or acts and whom it is about


def who_whom(who: str, whom: str = "") -> str:
    """``"who → whom"``, or ``who`` alone for a claim without a target.

    >>> who_whom("Vladimir Putin", "Elon Musk")
    'Vladimir Putin → Elon Musk'
    >>> who_whom("Elon Musk")
    'Elon Musk'
    """
    return f"{who}{ARROW}{whom}" if whom else who


def claim_who(
    data: Dataset,
    actor: str,
    target: str,
    lang: str = "en",
    *,
    name: Callable[[str], str] = str,
) -> str:
    """A claim's actor and target by their names in ``lang``, as :func:`who_whom`.

    Parameters
    ----------
    data : Dataset
        For the actors' names.
    actor, target : str
        Actor ids (``target`` may be ``""``).
    lang : {"en", "fr"}
    name : callable, optional
        Applied to each name: :func:`explainer.bidi.bdi` for HTML, nothing for plain text.
    """
    whom = name(data.actor_name(target, lang)) if target else ""
    return who_whom(name(data.actor_name(actor, lang)), whom)


def paragraph_words(paragraph: object, lang: str = "en") -> str:
    """``"paragraph 6"`` (``"paragraphe 6"``), or ``""`` for a claim without a paragraph."""
    if paragraph is None or (not isinstance(paragraph, str) and pd.isna(paragraph)):
        return ""
    return t("claim.paragraph", lang, n=int(paragraph))  # type: ignore[call-overload]


def source_paragraph(source: str, paragraph: object, lang: str = "en") -> str:
    """``"source, paragraph N"``: where a claim can be checked; ``source`` alone without a
    paragraph. ``source`` is used as given (plain text, or HTML such as a link)."""
    words = paragraph_words(paragraph, lang)
    return f"{source}, {words}" if words else source


def status_label(status: str, lang: str = "en", *, long: bool = False) -> str:
    """The status in words (``reported``); with ``long=True``, the sentence saying how we know."""
    return t(("status_long." if long else "status.") + status, lang)


def kind_label(kind: str, lang: str = "en") -> str:
    """The kind of claim in words (``contact``, ``denial``...)."""
    return t(f"kind.{kind}", lang)
