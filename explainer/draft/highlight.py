"""The lesson view: an article with its hedges, actors and dates marked.

``highlight(text, lang="fr", ui_lang="en")`` returns a :class:`Highlight`, which a notebook shows as
HTML: ``lang`` is the text's language, ``ui_lang`` the legend's (by default the same). Each
cue is marked twice, by colour *and* by the style of its underline, so that the marks read without
colour (in print, for colour-blind readers): reported, dotted; accused, wavy; denial, double;
stated, solid; the journalist's speculation (a hypothetical conditional), dashed. Actors are in bold
on a grey ground, dates on a yellow ground; hovering a mark says what it is. A legend says all of it
in words.

All text from the article is escaped: an article that contains ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from explainer.bidi import balance, needs_isolation
from explainer.draft.extract import analyse
from explainer.i18n import CATALOGUE, LANGS, t

__all__ = ["STYLES", "Highlight", "highlight"]

# Cue style -> (colour, underline style). Colours dark enough for text on white (contrast >= 4.5).
STYLES: dict[str, tuple[str, str]] = {
    "reported": ("#9a4f00", "dotted"),
    "accused": ("#a8002f", "wavy"),
    "denial": ("#1f4e9c", "double"),
    "stated": ("#1b6b3a", "solid"),
    "commentary": ("#5b3a94", "dashed"),
}
_ACTOR_BG = "#e6e6e6"
_DATE_BG = "#fff1b8"


# The legend's words are in the catalogue (explainer/i18n.py, ``highlight.*``), in the interface
# language, which need not be the text's.
def _tr(key: str, lang: str) -> str:
    return t(f"highlight.{key}", lang)


def _rule(name: str, lang: str) -> str:
    """A cue rule's name in the interface language; a rule named by its words ("selon",
    "according to", "reportedly") keeps them: they are the text's own."""
    hypothesis = re.fullmatch(r"hypothetical conditional \(after «(.*)»\)", name)
    if hypothesis:
        return t("highlight.rule.hypothetical", lang, marker=hypothesis.group(1))
    key = "highlight.rule." + re.sub(r"\W+", "_", name)
    return t(key, lang) if key in CATALOGUE else name


@dataclass
class _Mark:
    start: int
    end: int
    what: str  # a STYLES key, "actor" or "date"
    title: str


@dataclass
class Highlight:
    """An article with its cues, actors and dates marked; a notebook shows it as HTML.

    Attributes
    ----------
    html : str
        The whole view (legend and text), every piece of the article escaped.
    counts : dict
        How many marks of each sort: ``reported``, ``accused``, ``denial``, ``stated``,
        ``commentary``, ``actor``, ``date``.
    """

    html: str
    counts: dict[str, int] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        shown = ", ".join(f"{k} {v}" for k, v in self.counts.items() if v)
        return f"<Highlight: {shown or 'nothing marked'}>"

    def save(self, path: str | Path) -> Path:
        """Write the view as a standalone HTML page."""
        path = Path(path)
        page = (
            '<!doctype html><html><head><meta charset="utf-8"><title>highlight</title></head>'
            f'<body style="font-family:system-ui,sans-serif;max-width:52em;margin:1em auto">'
            f"{self.html}</body></html>"
        )
        path.write_text(page, encoding="utf-8")
        return path


def _style(what: str) -> str:
    if what == "actor":
        return f"font-weight:600;background:{_ACTOR_BG};border-radius:3px;padding:0 1px"
    if what == "date":
        return f"background:{_DATE_BG};border-radius:3px;padding:0 1px"
    colour, line = STYLES[what]
    thickness = "1px" if line == "double" else "2px"
    return (
        f"color:{colour};text-decoration-line:underline;text-decoration-style:{line};"
        f"text-decoration-color:{colour};text-decoration-thickness:{thickness};"
        "text-underline-offset:3px;text-decoration-skip-ink:none"
    )


def _render(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped, with overlapping marks combined on each piece between two mark
    boundaries."""
    # Bidirectional controls balanced without moving a character (the marks are offsets); the
    # closers of what the paragraph left open come last, and the caller isolates the paragraph.
    whole = balance(text, keep_offsets=True)
    text, closers = whole[: len(text)], whole[len(text) :]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b])
        on = [m for m in marks if m.start <= a and b <= m.end]
        if not on:
            out.append(piece)
            continue
        cue = next((m for m in on if m.what in STYLES), None)
        styles = [_style(m.what) for m in on if m.what in ("actor", "date")]
        if cue is not None:
            styles.append(_style(cue.what))
        title = " · ".join(dict.fromkeys(m.title for m in on))
        style = html.escape(";".join(styles))
        out.append(f'<span style="{style}" title="{html.escape(title)}">{piece}</span>')
    out.append(closers)
    rendered = "".join(out)
    return f"<bdi>{rendered}</bdi>" if needs_isolation(whole) else rendered


def _legend(lang: str) -> str:
    items = []
    for what in (*STYLES, "actor", "date"):
        sample = (
            t(f"status.{what}", lang)
            if what in STYLES and what != "denial"
            else (
                t("kind.denial", lang)
                if what == "denial"
                else ("Aa" if what == "actor" else "2021")
            )
        )
        items.append(
            f'<li style="margin:2px 0"><span style="{_style(what)}">{html.escape(sample)}</span> '
            f"— {html.escape(_tr(what, lang))}</li>"
        )
    return (
        f'<div style="border:1px solid #ccc;border-radius:6px;padding:6px 10px;margin-bottom:10px">'
        f"<strong>{html.escape(_tr('title', lang))}</strong>"
        f'<ul style="list-style:none;padding-left:0;margin:4px 0">{"".join(items)}</ul>'
        f'<em style="color:#555">{html.escape(_tr("hover", lang))}</em></div>'
    )


def highlight(
    text: str,
    lang: str = "fr",
    *,
    ui_lang: str | None = None,
    actors: str | Path | None = "bundled",
) -> Highlight:
    """Show an article with its cues (colour and underline style), actors and dates marked.

    Parameters
    ----------
    text : str
        The article (paragraphs separated by blank lines, or one a line).
    lang : str
        The text's language: ``"fr"`` (spaCy's French model, loaded on first use) or ``"en"``
        (rules). It chooses how the text is read, not the language of the legend.
    ui_lang : {"en", "fr"}, optional
        The interface language: the legend, the hover titles and the paragraph numbers' titles.
        Default: ``lang`` (a French article in a French lesson). An English lesson that reads the
        French article passes ``lang="fr", ui_lang="en"``.
    actors : str or pathlib.Path or None
        Known actors to recognise by name (``"bundled"``: the bundled dataset's; None: none).

    Returns
    -------
    Highlight
        Shown as HTML by a notebook; ``.html`` holds the markup, ``.counts`` what was marked.

    Examples
    --------
    >>> import explainer as ex
    >>> ex.highlight("Selon le WSJ, Elon Musk serait en contact avec Vladimir Poutine depuis 2022.")
    # doctest: +SKIP
    >>> ex.highlight("Selon le WSJ, ...", lang="fr", ui_lang="en")  # legend in English
    # doctest: +SKIP

    Raises
    ------
    ValueError
        For a ``ui_lang`` other than ``"en"`` or ``"fr"``.
    """
    from explainer.draft.draft import _known_actors

    ui = lang if ui_lang is None else ui_lang
    if ui not in LANGS:
        raise ValueError(f"ui_lang must be one of {', '.join(LANGS)}, not {ui!r}")

    analysis = analyse(text or "", lang, _known_actors(actors))
    registry = analysis.registry
    counts = dict.fromkeys((*STYLES, "actor", "date"), 0)
    by_paragraph: dict[int, list[_Mark]] = {}
    for sent in analysis.sentences:
        marks = by_paragraph.setdefault(sent.paragraph, [])
        base = sent.start
        for m in sent.mentions:
            actor = registry.actors[m.actor]
            known = "" if actor.known else f" ({_tr('new', ui)})"
            marks.append(_Mark(base + m.start, base + m.end, "actor", f"{actor.id}{known}"))
            counts["actor"] += 1
        for d in sent.dates:
            marks.append(_Mark(base + d.start, base + d.end, "date", f"EDTF {d.edtf}"))
            counts["date"] += 1
        for c in sent.cues:
            what = "denial" if c.denial else c.status
            label = t("kind.denial", ui) if c.denial else t(f"status.{c.status}", ui)
            rule = f"{_rule(c.name, ui)} «{c.word}»"
            marks.append(_Mark(base + c.start, base + c.end, what, f"{label}: {rule}"))
            counts[what] += 1
    paragraphs = []
    for p, para in enumerate(analysis.paragraphs, start=1):
        number = (
            f'<span style="color:#777;font-size:85%;margin-right:6px" '
            f'title="{html.escape(_tr("paragraph", ui))} {p}">§{p}</span>'
        )
        paragraphs.append(
            f'<p style="line-height:1.9;margin:0 0 10px">{number}'
            f"{_render(para, by_paragraph.get(p, []))}</p>"
        )
    body = "".join(paragraphs) or f"<p>{html.escape(_tr('none', ui))}</p>"
    if ui != lang:  # the text keeps its own language, for screen readers and hyphenation
        body = f'<div lang="{html.escape(lang)}">{body}</div>'
    view = f'<div class="explainer-highlight" lang="{html.escape(ui)}">{_legend(ui)}{body}</div>'
    return Highlight(view, counts)
