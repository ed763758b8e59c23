"""How each status looks: marker shape, fill, colour, line style, and the words that go with it.

Status is never shown by colour alone: each one has its own marker *shape*, and the firm statuses
are *filled* while the hedged ones (``reported``, ``accused``) are open outlines, drawn paler, with
dashed links. ``commentary`` (the journalist's own view) is an asterisk: a different kind of thing,
not a fact at all. The colours are the Okabe-Ito palette, readable with the common colour-vision
deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.i18n import STATUS_ORDER, t

__all__ = [
    "FONT",
    "GREY",
    "LIGHT_GREY",
    "OKABE_ITO",
    "STATUS_STYLES",
    "StatusStyle",
    "status_style",
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
        Plotly marker symbol: the shape (and, with ``-open``, the absence of fill).
    filled : bool
        Whether marks are solid; hedged statuses are outlines.
    colour : str
        Okabe-Ito colour.
    opacity : float
        Opacity of marks; hedged ones are paler.
    dash : str
        Line style of spans' outlines, links and network edges.
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
    def firmness(self) -> int:
        """0 for the firmest status (``established``), larger for less firm ones."""
        return STATUS_ORDER.index(self.status)


_BLUE, _GREEN = OKABE_ITO["blue"], OKABE_ITO["bluish_green"]
_VERMILLION, _PURPLE = OKABE_ITO["vermillion"], OKABE_ITO["reddish_purple"]
STATUS_STYLES: dict[str, StatusStyle] = {
    "established": StatusStyle("established", "circle", True, _BLUE, 1.0, "solid", "●"),
    "stated": StatusStyle("stated", "square", True, _GREEN, 1.0, "solid", "■"),
    "reported": StatusStyle("reported", "diamond-open", False, _VERMILLION, 0.85, "dash", "◇"),
    "accused": StatusStyle("accused", "triangle-up-open", False, _PURPLE, 0.85, "dot", "△"),
    "commentary": StatusStyle("commentary", "asterisk-open", False, GREY, 0.9, "dashdot", "✳"),
}


def status_style(status: str) -> StatusStyle:
    """The style of ``status`` (a clear ``KeyError`` names the allowed ones)."""
    try:
        return STATUS_STYLES[status]
    except KeyError:
        raise KeyError(
            f"unknown status {status!r}; expected one of {', '.join(STATUS_ORDER)}"
        ) from None


def status_words(status: str, lang: str = "en", *, long: bool = False) -> str:
    """The status in words (``reported``); with ``long=True``, the sentence saying how we know."""
    return t(("status_long." if long else "status.") + status, lang)
