"""Bidirectional text: keep one field from reordering another on screen.

Unicode's bidirectional controls (U+202A-U+202E embeddings and overrides, U+2066-U+2069
isolates) change the order in which a text is *displayed*: ``"Musk is \\u202eton\\u202c a liar"``
shows "not", and an override left open reverses whatever is drawn after it, the next field too.
A person may need them (an Arabic name in a French sentence), so they are not removed; the
validator warns about them, and every view shows each piece of user text *isolated*:

- in HTML, inside ``<bdi>`` (direction from its own first strong letter, nothing leaks out);
- where there is no markup (plotly hover text, a ``<title>``, a plain string), between FIRST
  STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069).

A text with no right-to-left letter and no control is shown as it is: in these left-to-right
views it cannot reorder anything. Either way the text is first *balanced*: a closing control
that closes nothing is dropped (a stray U+2069 would end our isolate early) and what is left
open is closed at its end.
"""

from __future__ import annotations

import html
import re

__all__ = ["BIDI_CONTROLS", "balance", "bdi", "find_controls", "isolate", "needs_isolation"]

_EMBED = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO: closed by PDF
_PDF = "\u202c"
_ISOLATE = "\u2066\u2067\u2068"  # LRI, RLI, FSI: closed by PDI
_PDI = "\u2069"
BIDI_CONTROLS = _EMBED + _PDF + _ISOLATE + _PDI
_ANY = re.compile(f"[{BIDI_CONTROLS}]")
# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms)
# and the right-to-left marks. A text with none of these and no control is left to right through
# and through: in these left-to-right pages it cannot reorder its neighbours, so it is left as it
# is (no markup to diff, no invisible character to trip a search).
_RTL = re.compile(
    "[\u0590-\u08ff\u200f\u061c\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_NEEDS = re.compile(f"{_ANY.pattern}|{_RTL.pattern}")
_GONE = "\u200b"  # what a dropped control becomes when offsets must stay: a zero-width space
_DEPTH = 60  # Unicode allows 125 levels; deeper openers are dropped, so closers always match


def needs_isolation(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter or a bidirectional control."""
    return bool(_NEEDS.search(text))


def find_controls(text: str) -> list[str]:
    """The bidirectional controls in ``text``, as code points (``["U+202E", "U+202C"]``)."""
    return [f"U+{ord(c):04X}" for c in _ANY.findall(text)]


def balance(text: str, *, keep_offsets: bool = False) -> str:
    """``text`` with every bidirectional control matched: no stray closer, nothing left open.

    With ``keep_offsets``, a stray closer becomes a zero-width space instead of going, so that
    positions in ``text`` (marks of a highlight) still point at the same characters.
    """
    if not _ANY.search(text):
        return text  # the usual case, and fast
    out: list[str] = []
    stack: list[str] = []  # "e" for an embedding or override, "i" for an isolate
    for ch in text:
        if ch in _EMBED or ch in _ISOLATE:
            if len(stack) >= _DEPTH:
                out.append(_GONE if keep_offsets else "")
                continue
            stack.append("e" if ch in _EMBED else "i")
        elif ch == _PDF:
            if not stack or stack[-1] != "e":
                out.append(_GONE if keep_offsets else "")  # closes nothing here: dropped
                continue
            stack.pop()
        elif ch == _PDI:
            if "i" not in stack:
                out.append(_GONE if keep_offsets else "")  # would close our isolate: dropped
                continue
            # A PDI closes its isolate and every embedding opened inside it.
            while stack and stack[-1] == "e":
                stack.pop()
            if stack:
                stack.pop()
        out.append(ch)
    out.extend(_PDF if kind == "e" else _PDI for kind in reversed(stack))
    return "".join(out)


def isolate(text: object) -> str:
    """``text`` between FSI and PDI, balanced: for plain-text views (hover text, titles)."""
    value = "" if text is None else str(text)
    if not _NEEDS.search(value):
        return value
    return f"\u2068{balance(value)}\u2069"


def bdi(text: object, *, escaped: bool = False) -> str:
    """``text`` as HTML in ``<bdi>``, balanced and (unless ``escaped``) HTML-escaped."""
    value = "" if text is None else str(text)
    if not _NEEDS.search(value):
        return value if escaped else html.escape(value, quote=True)
    body = balance(value)
    return f"<bdi>{body if escaped else html.escape(body, quote=True)}</bdi>"
