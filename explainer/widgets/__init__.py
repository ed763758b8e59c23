"""The interactive views: the Explorer, the Story, and the HTML card and table they show.

This is the only package that imports ipywidgets and holds state; the figures it shows come from
:mod:`explainer.figures` and are changed in place.
"""

from explainer.widgets.card import card_html, table_html
from explainer.widgets.explorer import Explorer, StableFigureWidget
from explainer.widgets.story import Story

__all__ = ["Explorer", "StableFigureWidget", "Story", "card_html", "table_html"]
