"""The figures: pure functions from a dataset to a plotly figure, and their text alternatives.

They import plotly, never ipywidgets, and have no side effect: display is the caller's business.
Importing them makes plotly read its validators' parameters on demand (9 MB less in every kernel:
:mod:`explainer.figures.validators`).
"""

from explainer.figures.describe import describe, describe_network, summary_line
from explainer.figures.network import actor_network
from explainer.figures.timeline import influence_timeline
from explainer.figures.validators import read_on_demand

read_on_demand()  # before any figure is made: no module above makes one at import

__all__ = ["actor_network", "describe", "describe_network", "influence_timeline", "summary_line"]
