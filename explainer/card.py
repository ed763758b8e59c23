"""HTML views of claims: the detail card and the table. Pure functions returning strings.

The Explorer, the Story and the offline page show these; the wording of each piece (who → whom,
source and paragraph, status and kind) is :mod:`explainer.presentation`'s.

Every piece of data text is escaped (``html.escape``) before it goes into the page: a summary that
contains ``<script>`` shows as those characters; and isolated (:func:`explainer.bidi.bdi`), so
that a bidirectional control in one field cannot reorder another. Source links are made only for
``http``/``https`` addresses, open in a new tab, and carry ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from explainer.bidi import bdi
from explainer.figures.style import FONT, STATUS_STYLES
from explainer.i18n import CATALOGUE, t
from explainer.presentation import claim_who, kind_label, source_paragraph, status_label, who_whom

if TYPE_CHECKING:
    from explainer.dataset import Dataset

__all__ = ["TableRows", "card_html", "safe_url", "status_badge", "table_html"]

TABLE_LIMIT = 200  # rows written out; more would make the page slow and nobody reads them on screen

_CARD_STYLE = (
    f"font-family:{FONT};border:1px solid #c8c8c8;border-radius:6px;padding:12px 16px;"
    "background:#ffffff;"
    "max-width:46em;line-height:1.45;font-size:14px"
)
_MUTED = "color:#555555;font-size:14px"  # 14 px at least: read on a projector


def safe_url(url: object) -> str | None:
    """``url`` if it is an absolute ``http``/``https`` address, else ``None`` (no link is made)."""
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in text for ch in "\"'<>` \t\r\n"):
        return None
    return text


def status_badge(status: str, lang: str = "en") -> str:
    """The status as HTML: its shape (the timeline's marker, as a character), colour and word."""
    style = STATUS_STYLES[status]
    return (
        f'<span style="color:{style.colour};font-weight:bold" aria-hidden="true">'
        f"{style.glyph}</span>"
        f" <b>{html.escape(status_label(status, lang))}</b>"
    )


def _source_link(data: Dataset, source_id: str, *, title: bool = True) -> str:
    """The source as HTML: its outlet, linked when it has an http(s) address, and its title."""
    sources = data.sources
    if source_id in sources.index:
        label = bdi(sources.at[source_id, "outlet"])
        heading = str(sources.at[source_id, "title"] or "") if title else ""
        url = safe_url(sources.at[source_id, "url"]) if "url" in sources.columns else None
    else:
        label, heading, url = bdi(source_id), "", None
    if url:
        label = (
            f'<a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{label}</a>'
        )
    if heading:
        label += f", <i>{bdi(heading)}</i>"
    return label


def _source_html(data: Dataset, row: pd.Series, lang: str, *, title: bool = True) -> str:
    return source_paragraph(_source_link(data, row["source"], title=title), row["paragraph"], lang)


def _who(data: Dataset, row: pd.Series, lang: str) -> str:
    return claim_who(data, row["actor"], row["target"], lang, name=bdi)


def _claim_row(data: Dataset, claim_id: str) -> pd.Series | None:
    hits = data.claims.index[data.claims["id"] == claim_id]
    return data.claims.loc[hits[0]] if len(hits) else None


def card_html(data: Dataset, claim_id: str, lang: str = "en", *, reveal: bool = True) -> str:
    """The detail card of one claim: summary, quote, source with link, status in one sentence.

    Parameters
    ----------
    data : Dataset
    claim_id : str
        The claim's ``id``.
    lang : {"en", "fr"}
    reveal : bool
        ``False`` hides the status ("predict, then reveal"): the card asks the class to guess.

    Returns
    -------
    str
        HTML, with all data text escaped. An unknown id gives a card that says so.
    """
    row = _claim_row(data, claim_id)
    if row is None:
        message = html.escape(t("ui.card.unknown", lang, id=claim_id))
        return f'<div style="{_CARD_STYLE}" role="status">{message}</div>'
    summary = row[f"summary_{lang}"] or row["summary_en"] or row["summary_fr"] or row["id"]
    parts = [
        f'<div style="{_CARD_STYLE}" role="region" '
        f'aria-label="{html.escape(row["id"], quote=True)}">',
        f'<div style="{_MUTED}">{html.escape(row[f"when_label_{lang}"])} · {_who(data, row, lang)}'
        "</div>",
        f'<p style="font-size:16px;margin:6px 0 8px 0">{bdi(summary)}</p>',
    ]
    if row["quote"]:
        # The quote stays in the source's language; the card says which.
        code = ""
        if row["source"] in data.sources.index:
            code = str(data.sources.at[row["source"], "language"])
        name = t(f"lang_name.{code}", lang) if f"lang_name.{code}" in CATALOGUE else code
        label = t("ui.card.quote", lang, language=name) if name else ""
        parts.append(
            f'<blockquote lang="{html.escape(code, quote=True)}" style="margin:6px 0 8px 0;'
            f'padding-left:10px;border-left:3px solid #c8c8c8;font-style:italic">'
            f"« {bdi(row['quote'])} »"
            f'<div style="{_MUTED};font-style:normal">{html.escape(label)}</div></blockquote>'
        )
    if reveal:
        status = row["status"]
        long = html.escape(status_label(status, lang, long=True))
        status_html = t("colon", lang, label=status_badge(status, lang), text=long)
    else:
        status_html = f"<i>{html.escape(t('ui.card.hidden', lang))}</i>"
    parts.append(
        f'<p style="margin:4px 0">{html.escape(t("ui.card.status", lang))} — {status_html}</p>'
    )
    if row["involves"]:
        names = [data.actor_name(a.strip(), lang) for a in row["involves"].split(";") if a.strip()]
        text = ", ".join(bdi(n) for n in names)
        parts.append(_line(t("ui.card.involves", lang), text, lang))
    if row["responds_to"]:
        answered = _claim_row(data, row["responds_to"])
        text = bdi(
            answered[f"summary_{lang}"] or answered["id"]
            if answered is not None
            else row["responds_to"]
        )
        parts.append(_line(t("ui.card.answers", lang), text, lang))
    denials = data.claims[data.claims["responds_to"] == row["id"]]
    for _, denial in denials.iterrows():
        text = f"{_who(data, denial, lang)} — {bdi(denial[f'summary_{lang}'] or denial['id'])}"
        parts.append(_line(t("ui.card.denied_by", lang), text, lang))
    parts.append(_line(t("ui.card.source", lang), _source_html(data, row, lang), lang))
    public = html.escape(row[f"public_label_{lang}"])
    if row["layer"] == "context":
        public += " · " + html.escape(t("hover.context", lang))
    parts.append(_line(t("ui.card.public", lang), public, lang))
    parts.append("</div>")
    return "".join(parts)


def _line(label: str, value_html: str, lang: str) -> str:
    text = t("colon", lang, label=f"<b>{html.escape(label)}</b>", text=value_html)
    return f'<div style="{_MUTED};margin-top:3px">{text}</div>'


class TableRows:
    """The rows of the claims table as HTML, each built once per language, when first needed.

    Parameters
    ----------
    data : Dataset
    claims : pandas.DataFrame, optional
        The claims the row numbers refer to (default ``data.claims``).
    """

    _COLUMNS = ("id", "actor", "target", "status", "kind", "source", "paragraph")

    def __init__(self, data: Dataset, claims: pd.DataFrame | None = None):
        self.data = data
        c = (data.claims if claims is None else claims).reset_index(drop=True)
        self.n = len(c)
        self.columns = {name: c[name].to_numpy(dtype=object) for name in self._COLUMNS}
        for lang in ("en", "fr"):
            for name in (f"summary_{lang}", f"when_label_{lang}"):
                self.columns[name] = c[name].to_numpy(dtype=object)
        self._rows: dict[tuple[str, int], str] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._sources: dict[str, str] = {}

    def _name(self, actor: str, lang: str) -> str:
        names = self._names.setdefault(lang, {})
        if actor not in names:
            names[actor] = bdi(self.data.actor_name(actor, lang))
        return names[actor]

    def _source(self, source: str) -> str:
        if source not in self._sources:
            self._sources[source] = _source_link(self.data, source, title=False)
        return self._sources[source]

    def row(self, i: int, lang: str) -> str:
        """Row ``i`` as ``<tr>...</tr>``, all data text escaped."""
        key = (lang, i)
        if key not in self._rows:
            col = self.columns
            target = col["target"][i]
            who = who_whom(
                self._name(col["actor"][i], lang), self._name(target, lang) if target else ""
            )
            source = source_paragraph(self._source(col["source"][i]), col["paragraph"][i], lang)
            summary = col[f"summary_{lang}"][i] or col["summary_en"][i] or col["id"][i]
            cells = [
                html.escape(col[f"when_label_{lang}"][i]),
                who,
                status_badge(col["status"][i], lang),
                html.escape(kind_label(col["kind"][i], lang)),
                bdi(summary),
                source,
            ]
            # Each cell names its column: on a phone the rows stack and the names show.
            body = "".join(
                f'<td data-label="{_HEADS[lang][k]}">{cell}</td>' for k, cell in enumerate(cells)
            )
            self._rows[key] = (
                f'<tr data-claim="{html.escape(col["id"][i], quote=True)}">{body}</tr>'
            )
        return self._rows[key]

    def table(
        self,
        rows: Iterable[int] | np.ndarray,
        lang: str = "en",
        *,
        limit: int = TABLE_LIMIT,
        selected: str | None = None,
        caption: str | None = None,
    ) -> str:
        """The table of ``rows`` (row numbers, in order; at most ``limit`` are written)."""
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        head = "".join(f'<th scope="col">{h}</th>' for h in _HEADS[lang])
        body = []
        for i in rows[:limit]:
            text = self.row(int(i), lang)
            if selected is not None and self.columns["id"][i] == selected:
                text = text.replace(
                    "<tr ", '<tr style="background:#fff3b0" aria-selected="true" ', 1
                )
            body.append(text)
        note = ""
        if len(rows) > limit:
            note = f'<p style="{_MUTED}">{html.escape(t("ui.table.more", lang, shown=limit))}</p>'
        cap = (
            f'<caption style="text-align:left;{_MUTED};padding:4px 0">'
            f"{html.escape(caption)}</caption>"
            if caption
            else ""
        )
        return (
            f'{_TABLE_STYLE}<div style="max-height:420px;overflow:auto">'
            '<table class="explainer-table" '
            f'style="border-collapse:collapse;font-size:14px;width:100%;font-family:{FONT}">'
            f"{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}</div>"
        )


# One style block a table rather than a style on each cell: the table is sent on every change.
# In a box narrower than 600 px (a phone), each row becomes a block of labelled lines, so that the
# claim itself is on screen rather than in a sixth column off to the right.
_TABLE_STYLE = (
    "<style>.explainer-table td{padding:4px 6px;border-bottom:1px solid #ddd;"
    "vertical-align:top}.explainer-table th{text-align:left;padding:4px 6px;"
    "border-bottom:2px solid #888}"
    "@container (max-width: 600px){.explainer-table thead{display:none}"
    ".explainer-table tr{display:block;border-bottom:1px solid #bbb;padding:4px 0}"
    ".explainer-table td{display:block;border:0;padding:1px 6px}"
    '.explainer-table td::before{content:attr(data-label) ": ";font-weight:bold}}</style>'
)

_HEADS = {
    lang: [
        html.escape(t(f"ui.table.{h}", lang), quote=True)
        for h in ("when", "who", "status", "kind", "claim", "source")
    ]
    for lang in ("en", "fr")
}


def table_html(
    data: Dataset,
    claims: pd.DataFrame,
    lang: str = "en",
    *,
    limit: int = TABLE_LIMIT,
    selected: str | None = None,
    caption: str | None = None,
) -> str:
    """The claims as an HTML table (the text alternative of the timeline): all data text escaped.

    Parameters
    ----------
    data : Dataset
        For names and sources.
    claims : pandas.DataFrame
        The rows to list, in the order given; at most ``limit`` are written.
    lang : {"en", "fr"}
    limit : int
        Most rows written; a note says that there are more.
    selected : str, optional
        A claim id whose row is highlighted.
    caption : str, optional
        Plain text caption (escaped here).
    """
    rows = TableRows(data, claims)
    return rows.table(np.arange(rows.n), lang, limit=limit, selected=selected, caption=caption)
