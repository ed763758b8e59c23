"""Draft a claims table from any article, and show its hedges.

``explainer.draft(article, out, lang="fr", date=...)`` writes a draft dataset folder (see
:func:`explainer.draft.draft.draft`); ``explainer.highlight(text, lang="fr")`` shows an article with
its cues, actors and dates marked (:func:`explainer.draft.highlight.highlight`). This package is
also what ``explainer.draft`` names, and calling it drafts: ``explainer.draft("article.txt",
"my_draft")``.

spaCy and its French model load on first use, never on ``import explainer``.
"""

from __future__ import annotations

import sys
import types

from explainer.draft.draft import Draft, draft, draft_text
from explainer.draft.highlight import Highlight, highlight
from explainer.draft.model import DraftError

__all__ = ["Draft", "DraftError", "Highlight", "draft", "draft_text", "highlight"]


class _CallableModule(types.ModuleType):
    """``explainer.draft`` is this package (its modules live here) and the function that drafts."""

    def __call__(self, *args, **kwargs) -> Draft:
        return draft(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
