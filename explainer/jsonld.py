"""schema.org ``Claim`` JSON-LD: the claims as structured data for a web page.

Each claim becomes a schema.org `Claim <https://schema.org/Claim>`_: its summary as ``text``,
who makes it as ``author``, the piece it is read in as ``appearance`` (with the source's address,
outlet and date), ``firstAppearance`` when that piece is where it first became public, when it
became public as ``datePublished`` and when it happened as ``temporalCoverage``. The status is said
in words in ``description``.

Why not ``ClaimReview``: a ``ClaimReview`` rates whether a claim is true. Our statuses say how a
claim is sourced (public record, a person's own statement, unnamed sources, an accusation, the
journalist's view), not whether it is true; writing them as ratings would misstate them. And
Google retired ClaimReview rich results in June 2025, so the markup no longer buys a fact-check
display in search either.

Dates: schema.org wants ISO 8601. ``datePublished`` is given only when ``public_since`` is one day,
month or year with no qualifier (``2024-10-24``, ``2022-10``); "at the latest by" (``../2024-08``),
"about" (``2002~``) or a window (``2024-10-24/2024-10-31``) has no single publication date, and is
left out rather than invented. ``temporalCoverage`` takes ISO 8601 intervals, with ``..`` for an
open end, so ``when`` is given as written when it has no ``~``/``?`` qualifier.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from explainer.i18n import t
from explainer.timelinejs import WORDS

if TYPE_CHECKING:  # for the hints only
    from explainer.dataset import Dataset

__all__ = ["CONTEXT", "claims_jsonld", "export_jsonld", "script_tag"]

CONTEXT = "https://schema.org"
_POINT = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")
_ISO_INTERVAL = re.compile(
    r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.))?\Z"
)
# Statuses whose claim is made by the actor itself; the others are made by the source's outlet.
_ACTOR_SPEAKS = ("stated", "commentary")


def _agent(name: str, kind: str) -> dict:
    return {"@type": "Person" if kind == "person" else "Organization", "name": name}


def _work(source: pd.Series) -> dict:
    work: dict = {
        "@type": "CreativeWork",
        "name": source["title"],
        "publisher": {"@type": "Organization", "name": source["outlet"]},
        "inLanguage": source["language"],
    }
    if source["url"]:
        work["url"] = source["url"]
    if _POINT.match(source["published"]):
        work["datePublished"] = source["published"]
    return work


def claims_jsonld(dataset: Dataset, lang: str = "en") -> dict:
    """The claims of a dataset as one JSON-LD document: a ``@graph`` of schema.org ``Claim``.

    Parameters
    ----------
    dataset : Dataset
        A loaded dataset.
    lang : {"en", "fr"}
        The language of ``text`` (the summary) and ``description`` (the status in words).

    Returns
    -------
    dict
        ``{"@context": "https://schema.org", "@graph": [...]}``; each claim's ``@id`` is
        ``#<claim id>``, relative to the page that holds it.
    """
    claims = dataset.claims
    actors = dataset.actors
    sources = dataset.sources
    summary = "summary_fr" if lang == "fr" else "summary_en"
    name = "name_fr" if lang == "fr" else "name"
    graph = []
    for _, claim in claims.iterrows():
        source = sources.loc[claim["source"]] if claim["source"] in sources.index else None
        node: dict = {
            "@type": "Claim",
            "@id": f"#{claim['id']}",
            "identifier": claim["id"],
            "text": claim[summary] or claim["summary_en"] or claim["summary_fr"],
            "inLanguage": lang,
            "description": t(
                "colon",
                lang,
                label=WORDS["status"][lang],
                text=f"{t('status.' + claim['status'], lang)} "
                f"({t('status_long.' + claim['status'], lang)})",
            ),
        }
        actor = actors.loc[claim["actor"]] if claim["actor"] in actors.index else None
        if claim["status"] in _ACTOR_SPEAKS and actor is not None:
            node["author"] = _agent(actor[name], actor["type"])
        elif source is not None:
            node["author"] = {"@type": "Organization", "name": source["outlet"]}
        # About whom: who acts (or is accused) and whom it is aimed at.
        about = [claim["actor"]] + ([claim["target"]] if claim["target"] else [])
        node["about"] = [
            _agent(actors.loc[a, name], actors.loc[a, "type"]) for a in about if a in actors.index
        ]
        if _POINT.match(claim["public_since"]):
            node["datePublished"] = claim["public_since"]
        if _ISO_INTERVAL.match(claim["when"]):
            node["temporalCoverage"] = claim["when"]
        if source is not None:
            node["appearance"] = _work(source)
            # Where it first appeared, when known: the source became public when the claim did.
            if _POINT.match(claim["public_since"]) and source["published"] == claim["public_since"]:
                node["firstAppearance"] = _work(source)
        graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}


def script_tag(document: dict) -> str:
    """The JSON-LD in a ``<script type="application/ld+json">`` element, for a web page."""
    text = json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def export_jsonld(dataset: Dataset, out: str | Path, lang: str = "en") -> Path:
    """Write :func:`claims_jsonld` to ``out``; returns the file.

    ``.jsonld`` or ``.json``: the JSON-LD document. ``.html`` or ``.htm``: the same inside its
    ``<script type="application/ld+json">`` element (:func:`script_tag`), to paste into a page.
    """
    path = Path(out)
    document = claims_jsonld(dataset, lang)
    if path.suffix.lower() in (".html", ".htm"):
        text = script_tag(document) + "\n"
    else:
        text = json.dumps(document, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    return path
