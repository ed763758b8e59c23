"""The figures: pure functions from a dataset to a plotly figure, and their text alternatives.

They import plotly, never ipywidgets, and have no side effect: display is the caller's business.
"""

from explainer.figures.describe import describe, describe_network, summary_line
from explainer.figures.network import actor_network
from explainer.figures.timeline import influence_timeline

__all__ = ["actor_network", "describe", "describe_network", "influence_timeline", "summary_line"]
