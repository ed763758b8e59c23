"""How each status looks: marker shape, fill, colour, line style, and the words that go with it.

A status says **where a claim comes from, who vouches for it**, not how true it is; the look
follows that. Only ``established`` (the public record: anyone can check that it happened) is a
filled mark. Every other status is an outline whose *shape* names who vouches for it: a square
with a dot for a named person's own words (``stated``), a diamond for a report the article relays
(``reported``), a triangle for an accusation by others (``accused``), an asterisk for the author's
voice, opinion or unsourced assertion (``commentary``). All marks have the same opacity, so no
status looks "weaker": a self-interested denial (``stated``) is not drawn firmer than an
investigation (``reported``), and neither is drawn as more true.

Status is never shown by colour alone: the shapes differ in greyscale, and each status has its own
line pattern for links. The colours are the Okabe-Ito palette, readable with the common
colour-vision deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.i18n import STATUS_ORDER
from explainer.presentation import status_label

__all__ = [
    "FONT",
    "GREY",
    "LIGHT_GREY",
    "OKABE_ITO",
    "STATUS_STYLES",
    "StatusStyle",
    "status_words",
]

# Okabe & Ito (2008), "Color Universal Design": readable with protanopia, deuteranopia, tritanopia.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#5f5f5f"
LIGHT_GREY = "#d9d9d9"
FONT = "Atkinson Hyperlegible, Verdana, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class StatusStyle:
    """The look of one status.

    Attributes
    ----------
    status : str
        The status it is for.
    symbol : str
        Plotly marker symbol: the shape says who vouches for the claim (``-open``: an outline).
    filled : bool
        Whether marks are solid: only the public record (``established``) is.
    colour : str
        Okabe-Ito colour.
    opacity : float
        Opacity of marks: the same for every status, so that none looks weaker.
    dash : str
        Line style of spans' outlines, links and network edges: one pattern per status.
    glyph : str
        The same shape as a character, for text views (cards, tables, controls).
    """

    status: str
    symbol: str
    filled: bool
    colour: str
    opacity: float
    dash: str
    glyph: str

    @property
    def rank(self) -> int:
        """The status's place in legends and controls (``established`` first, the author's voice
        last): an order of who vouches for a claim, not of how true it is."""
        return STATUS_ORDER.index(self.status)


_BLUE, _GREEN = OKABE_ITO["blue"], OKABE_ITO["bluish_green"]
_VERMILLION, _PURPLE = OKABE_ITO["vermillion"], OKABE_ITO["reddish_purple"]
STATUS_STYLES: dict[str, StatusStyle] = {
    # the public record: anyone can check that it happened
    "established": StatusStyle("established", "circle", True, _BLUE, 1.0, "solid", "●"),
    # a named person's own words: established that they said it, not that it is true
    "stated": StatusStyle("stated", "square-open-dot", False, _GREEN, 1.0, "longdash", "▣"),
    # relayed from a news report (the WSJ's, whose sources are not named)
    "reported": StatusStyle("reported", "diamond-open", False, _VERMILLION, 1.0, "dash", "◇"),
    # an accusation by others, not proven
    "accused": StatusStyle("accused", "triangle-up-open", False, _PURPLE, 1.0, "dot", "△"),
    # the author's voice: opinion or unsourced assertion
    "commentary": StatusStyle("commentary", "asterisk-open", False, GREY, 1.0, "dashdot", "✳"),
}


def status_words(status: str, lang: str = "en", *, long: bool = False) -> str:
    """The status in words (``reported``); with ``long=True``, the sentence saying how we know.

    The wording itself is :func:`explainer.presentation.status_label`'s."""
    return status_label(status, lang, long=long)
