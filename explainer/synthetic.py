"""Synthetic datasets of any size, for benchmarks and tests at classroom and archive scale.

``synthetic(n, seed=0)`` makes a dataset shaped like a newsroom's archive of claims: about 200
invented actors (people, organisations, states, platforms, outlets), 30 years of dates (1995-2024)
in the EDTF forms the real data uses, every status and kind, both layers, summaries of realistic
length in English and French, verbatim quotes and the source texts they come from. Every name,
outlet and event is invented: nothing here is a claim about a real person.

The dataset goes through the same path as real data: the CSV files and source texts are written to a
folder and read back with :func:`explainer.load_dataset`, so it is validated by the declared schema
(quotes are checked word for word against their paragraph) and parsed by the same code.

The same ``n`` and ``seed`` always give the same files, byte for byte.

(Over 500 lines on purpose: the invented names, texts and date forms are data that the generator
must keep byte for byte; splitting them from the generator would hide what a seed produces.)
"""

from __future__ import annotations

import calendar
import csv
import itertools
import random
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the loader (pandas, pandera) is imported when a dataset is made, not on import
    from explainer.dataset import Dataset

__all__ = ["EDTF_FORMS", "N_ACTORS", "synthetic"]

N_ACTORS = 200
FIRST_YEAR, LAST_YEAR = 1995, 2024

# The EDTF forms of the real data, with their share of ``when`` values.
EDTF_FORMS = {
    "day": 0.46,  # 2022-10-03
    "month": 0.2,  # 2021-04
    "year": 0.1,  # 2002
    "open": 0.05,  # 2022/.. ("since 2022")
    "open_start": 0.04,  # ../2024-10 ("by October 2024")
    "approximate": 0.05,  # 2002~ ("about 2002")
    "day_interval": 0.05,  # 2024-10-24/2024-10-31
    "interval": 0.05,  # 2022/2024, 2021-04/2022~
}
_STATUS_SHARE = {
    "established": 0.28,
    "stated": 0.2,
    "reported": 0.27,
    "accused": 0.1,
    "commentary": 0.15,
}
_KIND_SHARE = {
    "contact": 0.15,
    "influence": 0.13,
    "action": 0.3,
    "stance": 0.2,
    "denial": 0.08,
    "assessment": 0.14,
}

# --------------------------------------------------------------------------------------------------
# Invented names and words

_FIRST = (
    "Anna", "Boris", "Camille", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
    "Katya", "Lucas", "Mila", "Nikolai", "Olga", "Pavel", "Quentin", "Rosa", "Sergei", "Tamara",
    "Ulrich", "Vera", "Walter", "Xenia", "Yannick", "Zoé", "Amir", "Bianca", "Cyril", "Dora",
    "Emil", "Flora", "Gleb", "Hana", "Igor", "Jana", "Kiril", "Lena", "Marek", "Nadia", "Oskar",
    "Petra", "Roman", "Sofia", "Taras", "Uma", "Viktor", "Wanda", "Yuri", "Zora",
)  # fmt: skip
_LAST = (
    "Abramov", "Berger", "Castel", "Dorn", "Egorova", "Fontaine", "Gruber", "Halvorsen",
    "Ilyin", "Jansen", "Kovacs", "Lindqvist", "Marchetti", "Novak", "Orlova", "Petrov", "Quist",
    "Roussel", "Sokolov", "Tanaka", "Ulyanova", "Vasquez", "Weber", "Yashina", "Zimmer",
    "Arkwright", "Belova", "Carrel", "Dubois", "Eriksen", "Falk", "Garnier", "Hollis",
    "Ivanova", "Jourdan", "Kessler", "Laurent", "Moreau", "Nilsen", "Ostrova",
)  # fmt: skip
_ROLES = (
    "entrepreneur", "minister", "diplomat", "spokesperson", "investor", "general", "senator",
    "ambassador", "analyst", "executive", "adviser", "regulator",
)  # fmt: skip
_ORG_A = (
    "Northwind", "Helios", "Borealis", "Meridian", "Kestrel", "Aurora", "Vantage", "Solace",
    "Granite", "Tundra",
)  # fmt: skip
_ORG_B = (
    "Satellite Systems", "Holdings", "Energy Group", "Launch Services", "Capital", "Networks",
    "Defence Works", "Media Group", "Foundation", "Logistics",
)  # fmt: skip
_STATES = (
    ("Republic of Valdoria", "République de Valdorie"),
    ("Kingdom of Estmark", "Royaume d'Estmark"),
    ("Federation of Arvenia", "Fédération d'Arvénie"),
    ("Republic of Lusenna", "République de Lusenna"),
    ("Union of Corvales", "Union de Corvales"),
    ("State of Nordhavn", "État de Nordhavn"),
    ("Republic of Tessaly", "République de Tessalie"),
    ("Principality of Orlen", "Principauté d'Orlen"),
)
_PLATFORMS = ("Chirp", "Loop", "Parley", "Beacon", "Tide", "Murmur")
_OUTLETS = (
    ("The Harbour Ledger", "en"),
    ("Evening Dispatch", "en"),
    ("The Meridian Post", "en"),
    ("Le Courrier du Matin", "fr"),
    ("La Gazette des Deux Rives", "fr"),
    ("Le Veilleur", "fr"),
    ("Global Wire Service", "en"),
    ("Panorama Hebdo", "fr"),
    ("Record & Review", "en"),  # an ampersand: views must escape data text
)
_COUNTRIES = ["VA", "EM", "AR", "LU", "CO", "NH", "TS", "OR", "US", "FR", "DE", "GB", "UA", "PL"]

_TOPICS = (
    ("satellite coverage", "la couverture satellitaire"),
    ("a launch contract", "un contrat de lancement"),
    ("export licences", "des licences d'exportation"),
    ("the election campaign", "la campagne électorale"),
    ("sanctions on steel", "les sanctions sur l'acier"),
    ("a ceasefire proposal", "une proposition de cessez-le-feu"),
    ("content moderation", "la modération des contenus"),
    ("a gas pipeline", "un gazoduc"),
    ("defence procurement", "les achats de défense"),
    ("a media acquisition", "le rachat d'un média"),
    ("rare-earth supplies", "l'approvisionnement en terres rares"),
    ("a <border> dispute", "un différend « frontalier »"),  # markup-like text, to be escaped
)
_PLACES = (
    ("in Valdor City", "à Valdor"),
    ("at a forum in Estholm", "lors d'un forum à Estholm"),
    ("by telephone", "par téléphone"),
    ("at a private dinner", "lors d'un dîner privé"),
    ("during a state visit", "pendant une visite d'État"),
    ("over encrypted messages", "par messages chiffrés"),
)

# Kind -> (English predicate, French indicative, French conditional); {b} is the other actor.
_PREDICATES = {
    "contact": (
        "has been in regular contact with {b} about {topic} {place}",
        "est en contact régulier avec {b} au sujet de {topic} {place}",
        "serait en contact régulier avec {b} au sujet de {topic} {place}",
    ),
    "influence": (
        "asked {b} to change course on {topic}",
        "a demandé à {b} de changer de cap sur {topic}",
        "aurait demandé à {b} de changer de cap sur {topic}",
    ),
    "action": (
        "announced a decision on {topic}, with consequences for {b}",
        "a annoncé une décision sur {topic}, avec des conséquences pour {b}",
        "aurait annoncé une décision sur {topic}, avec des conséquences pour {b}",
    ),
    "stance": (
        "publicly took a position on {topic}, close to that of {b}",
        "a pris publiquement position sur {topic}, dans la ligne de {b}",
        "aurait pris position sur {topic}, dans la ligne de {b}",
    ),
    "denial": (
        "denies having discussed {topic} with {b}",
        "dément avoir discuté de {topic} avec {b}",
        "démentirait avoir discuté de {topic} avec {b}",
    ),
    "assessment": (
        "is, in this reading, pursuing its own interests on {topic} more than those of {b}",
        "défend, dans cette lecture, ses propres intérêts sur {topic} plus que ceux de {b}",
        "défendrait ses propres intérêts sur {topic} plus que ceux de {b}",
    ),
}
# Status -> endings of a summary, English and French; the first is the most common.
_TAILS = {
    "established": (
        ("", ""),
        (", in a post seen by millions", ", dans un message vu par des millions de personnes"),
    ),
    "stated": (("", ""), (", in an interview", ", lors d'un entretien")),
    "reported": (
        (", according to people familiar with the matter",
         ", selon des personnes au fait du dossier"),
        (", a claim that has not been independently verified", ", ce qui n'a pas été vérifié"),
    ),
    "accused": (("", ""), (", without giving evidence", ", sans en apporter la preuve")),
    "commentary": (("", ""),),
}  # fmt: skip
_FILLER = (
    "Les faits remontent à plusieurs années et restent en partie contestés.",
    "Aucune des parties n'a souhaité répondre à nos questions.",
    "Le dossier a pris une ampleur nouvelle ces derniers mois.",
    "The matter had been discussed privately for some time.",
    "None of the parties answered requests for comment.",
    "Documents reviewed by reporters point in the same direction.",
)


# --------------------------------------------------------------------------------------------------
# Dates


def _day(d: date) -> str:
    return d.isoformat()


def _random_day(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def _when(rng: random.Random, form: str, published: date) -> tuple[str, date]:
    """An EDTF ``when`` before ``published`` in the given form, and the last day it can mean."""
    first = date(FIRST_YEAR, 1, 1)
    # Most claims are about the months before the piece; some reach back years.
    back = rng.choice((30, 120, 365, 365 * 3, 365 * 10))
    d = _random_day(rng, max(first, published - timedelta(days=back)), published)
    if form == "day":
        return _day(d), d
    if form == "month":
        last = date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return f"{d.year}-{d.month:02d}", min(last, published)
    if form == "year":
        return str(d.year), min(date(d.year, 12, 31), published)
    if form == "open":
        return f"{d.year}/..", published
    if form == "open_start":
        if rng.random() < 0.5:
            return f"../{d.year}", min(date(d.year, 12, 31), published)
        last = date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return f"../{d.year}-{d.month:02d}", min(last, published)
    if form == "approximate":
        return f"{d.year}~", min(date(d.year, 12, 31), published)
    if form == "interval":
        start = min(d, date(published.year - 1, d.month, 1))
        if rng.random() < 0.5:
            return f"{start.year}/{published.year}", published
        return f"{start.year}-{start.month:02d}/{published.year}~", published
    end = min(d + timedelta(days=rng.randint(1, 14)), published)
    if end <= d:
        d = end - timedelta(days=1)
    return f"{_day(d)}/{_day(end)}", end


# --------------------------------------------------------------------------------------------------
# Tables


def _actors(rng: random.Random) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(name: str, name_fr: str, role: str, country: str, kind: str) -> None:
        plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
        slug = "".join(c if c.isalnum() else "_" for c in plain)
        slug = "_".join(part for part in slug.split("_") if part)
        base, k = slug, 2
        while slug in seen:
            slug, k = f"{base}_{k}", k + 1
        seen.add(slug)
        rows.append(
            {"id": slug, "name": name, "name_fr": name_fr, "role": role, "country": country,
             "type": kind}
        )  # fmt: skip

    for en, fr in _STATES:
        add(en, fr, "state", rng.choice(_COUNTRIES), "state")
    for p in _PLATFORMS:
        add(p, p, "social network", "", "platform")
    for outlet, _lang in _OUTLETS:
        add(outlet, outlet, "news outlet", rng.choice(_COUNTRIES), "outlet")
    for a in _ORG_A:
        for b in _ORG_B[:3]:
            add(f"{a} {b}", f"{a} {b}", "company", rng.choice(_COUNTRIES), "organisation")
    while len(rows) < N_ACTORS:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        add(name, name, rng.choice(_ROLES), rng.choice(_COUNTRIES), "person")
    return rows


def _sources(rng: random.Random, count: int) -> list[dict[str, str]]:
    rows = []
    for j in range(count):
        outlet, lang = _OUTLETS[j % len(_OUTLETS)]
        # Archives grow: later years hold more pieces (a triangular draw leaning to the end).
        year = int(rng.triangular(FIRST_YEAR, LAST_YEAR + 1, LAST_YEAR + 1))
        year = min(year, LAST_YEAR)
        d = _random_day(rng, date(year, 1, 1), date(year, 12, 31))
        # A few pieces are known only by the week they came out, like the bundled WSJ report.
        if rng.random() < 0.04 and d < date(LAST_YEAR, 12, 24):
            published = f"{_day(d)}/{_day(d + timedelta(days=7))}"
        else:
            published = _day(d)
        title_topic = rng.choice(_TOPICS)[0 if lang == "en" else 1]
        title = (
            f"What we know about {title_topic}"
            if lang == "en"
            else f"Ce que l'on sait sur {title_topic}"
        )
        rows.append(
            {
                "id": f"s{j:05d}",
                "outlet": outlet,
                "title": title,
                "url": f"https://example.org/{outlet.split()[-1].lower()}/{d.year}/{j:05d}",
                "published": published,
                "language": lang,
                "note": "synthetic" if j % 7 else "",
            }
        )
    return rows


def _published_last_day(published: str) -> date:
    return date.fromisoformat(published.split("/")[-1])


def _chooser(rng: random.Random, shares: dict[str, float]) -> Callable[[], str]:
    """A function that draws one key of ``shares`` by its weight (cumulative weights made once)."""
    keys, cum = list(shares), list(itertools.accumulate(shares.values()))
    return lambda: rng.choices(keys, cum_weights=cum)[0]


def _fr(text: str) -> str:
    # French contracts "de le" into "du", "à les" into "aux"...: templates meet any article.
    for a, b in _CONTRACTIONS:
        text = text.replace(a, b)
    return text


Pair = tuple[str, str]

_CONTRACTIONS = (
    (" de le ", " du "), (" de les ", " des "), (" de des ", " de "), (" de un ", " d'un "),
    (" de une ", " d'une "), (" à le ", " au "), (" à les ", " aux "),
)  # fmt: skip


def _texts(
    status: str, kind: str, actor: Pair, other: Pair, outlet: str, topic: Pair, place: Pair,
    tail: Pair, accuser_pair: Pair,
) -> tuple[str, str, str, str]:  # fmt: skip
    """The summaries (English, French) and what the source itself would write (English, French).

    Names, topics, places and endings come as (English, French) pairs.
    """
    (a, a_fr), (b, b_fr), (accuser, accuser_fr) = actor, other, accuser_pair
    en, fr_ind, fr_cond = _PREDICATES[kind]
    en = en.format(b=b, topic=topic[0], place=place[0]).rstrip()
    fr_ind = _fr(fr_ind.format(b=b_fr, topic=topic[1], place=place[1]).rstrip())
    fr_cond = _fr(fr_cond.format(b=b_fr, topic=topic[1], place=place[1]).rstrip())
    # The source's own words: the French press puts what unnamed sources say in the conditional.
    said_en = f"{a} {en}"
    said_fr = f"{a_fr} {fr_cond if status == 'reported' else fr_ind}"
    if status == "established":
        summary = f"{a} {en}{tail[0]}.", f"{a_fr} {fr_ind}{tail[1]}."
    elif status == "stated":
        summary = (
            f"In a public statement, {a} said they {en.replace('has been', 'had been')}{tail[0]}.",
            f"Dans une déclaration publique, {a_fr} affirme qu'il {fr_ind}{tail[1]}.",
        )
    elif status == "reported":
        summary = (
            f"According to {outlet}, citing unnamed sources, {a} {en}{tail[0]}.",
            f"D'après {outlet}, qui cite des sources anonymes, {a_fr} {fr_cond}{tail[1]}.",
        )
    elif status == "accused":
        summary = (
            f"{accuser} accuses {a} of having secretly dealt with {b} on {topic[0]}{tail[0]}.",
            _fr(
                f"{accuser_fr} accuse {a_fr} d'avoir traité en secret avec {b_fr} "
                f"sur {topic[1]}{tail[1]}."
            ),
        )
        said_en = f"{accuser} accuses {a} of having secretly dealt with {b} on {topic[0]}"
        said_fr = _fr(
            f"{accuser_fr} accuse {a_fr} d'avoir traité en secret avec {b_fr} sur {topic[1]}"
        )
    else:
        summary = (
            f"In the journalist's analysis, {a} {en}; an opinion, not a finding.",
            f"Selon l'analyse du journaliste, {a_fr} {fr_ind} ; une opinion, pas un constat.",
        )
    return summary[0], summary[1], said_en, said_fr


def _write_csv(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@dataclass
class _Cast:
    """Who the news is about, and how often: actors with power-law popularity."""

    actors: list[dict[str, str]]
    index: dict[str, int]  # actor id -> its place in actors
    ranked: list[int]  # actors, most talked about first
    popular: list[float]  # cumulative weights over ranked

    @classmethod
    def draw(cls, rng: random.Random) -> _Cast:
        actors = _actors(rng)
        # A few actors are in most of the news: popularity falls off like a power law.
        popular = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(actors))))
        ranked = list(range(len(actors)))
        rng.shuffle(ranked)
        return cls(actors, {a["id"]: k for k, a in enumerate(actors)}, ranked, popular)


def _labels(rng: random.Random, i: int, draw: dict[str, Callable[[], str]]) -> tuple[str, ...]:
    """The EDTF form, status and kind of claim ``i``."""
    forms, statuses, kinds = list(EDTF_FORMS), list(_STATUS_SHARE), list(_KIND_SHARE)
    # The first rows cycle through every form, status and kind so that any n >= 6 has them all.
    form = forms[i % len(forms)] if i < 6 * len(forms) else draw["form"]()
    status = statuses[i % len(statuses)] if i < 30 else draw["status"]()
    kind = kinds[i % len(kinds)] if i < 30 else draw["kind"]()
    if i >= 30:  # the journalist's analysis is mostly an assessment, and an assessment is analysis
        if status == "commentary":
            kind = "assessment" if rng.random() < 0.7 else "stance"
        elif kind == "assessment":
            kind = "stance"
        elif kind == "denial" and rng.random() < 0.7:
            status = "stated"
    return form, status, kind


def _claim(
    rng: random.Random,
    i: int,
    labels: tuple[str, ...],
    cast: _Cast,
    sources: list[dict[str, str]],
    paragraphs: dict[str, list[list[str]]],
    claims: list[dict[str, str]],
    answerable: list[int],
) -> dict[str, str]:
    """Claim ``i`` as a row; its quote, if any, is added to its source's paragraph."""
    form, status, kind = labels
    actors, index, ranked = cast.actors, cast.index, cast.ranked
    if kind == "denial" and not answerable:
        kind = "stance"
    context = status == "established" and kind in ("action", "stance") and rng.random() < 0.5
    ai, bi = rng.choices(ranked, cum_weights=cast.popular, k=2)
    if bi == ai:
        bi = ranked[(ranked.index(ai) + 1) % len(ranked)]
    responds_to = ""
    if kind == "denial":
        # A denial answers an earlier claim about the one who denies.
        answered = claims[rng.choice(answerable[-50:])]
        responds_to = answered["id"]
        ai = index[answered["actor"]]
        if answered["target"]:
            bi = index[answered["target"]]
    source = sources[0] if context else sources[1 + rng.randrange(len(sources) - 1)]
    when, when_last = _when(rng, form, _published_last_day(source["published"]))
    pair = [(actors[k]["name"], actors[k]["name_fr"]) for k in (ai, bi, rng.choice(ranked[:40]))]
    topic, place = rng.choice(_TOPICS), rng.choice(_PLACES)
    tails = _TAILS[status]
    tail = tails[0] if rng.random() < 0.6 else rng.choice(tails)
    summary_en, summary_fr, said_en, said_fr = _texts(
        status, kind, pair[0], pair[1], source["outlet"], topic, place, tail, pair[2]
    )
    # A stance may have no target; the actor it is close to is then among those involved.
    has_target = kind != "stance" or rng.random() < 0.5
    others = {actors[k]["id"] for k in rng.sample(ranked[:60], rng.choice((0, 0, 1, 2)))}
    if not has_target:
        others.add(actors[bi]["id"])
    involves = ";".join(sorted(others - {actors[ai]["id"], actors[bi]["id"] if has_target else ""}))
    quote, paragraph = "", ""
    if context:  # public from that day, or known to have been public by then
        public_since = _day(when_last) if rng.random() < 0.6 else f"../{_day(when_last)}"
    else:
        public_since = source["published"]
        paras = paragraphs[source["id"]]
        p = rng.randrange(len(paras))
        paragraph = str(p + 1)
        if rng.random() < 0.7:  # most article claims carry a short verbatim quote
            quote = " ".join((said_fr if source["language"] == "fr" else said_en).split()[:25])
            paras[p].append(f"« {quote} »" if source["language"] == "fr" else f'"{quote}"')
    return {
        "id": f"c{i:06d}",
        "when": when,
        "public_since": public_since,
        "actor": actors[ai]["id"],
        "target": actors[bi]["id"] if has_target else "",
        "involves": involves,
        "kind": kind,
        "status": status,
        "summary_en": summary_en,
        "summary_fr": summary_fr,
        "quote": quote,
        "source": source["id"],
        "paragraph": paragraph,
        "responds_to": responds_to,
        "layer": "context" if context else "article",
        "review": "",
    }


def _write_files(
    folder: Path,
    tables: dict[str, list[dict[str, str]]],
    paragraphs: dict[str, list[list[str]]],
) -> None:
    """The three CSV files in declared column order, and one text a source (old ones removed)."""
    from explainer.schema import fields  # reads the declared column order; light

    for name, rows in tables.items():
        _write_csv(folder / f"{name}.csv", rows, [f["name"] for f in fields(name)])
    for old in (folder / "sources").glob("*.txt"):
        old.unlink()
    for source_id, paras in paragraphs.items():
        text = "\n".join(" ".join(sentences) for sentences in paras) + "\n"
        (folder / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")


def write_synthetic(folder: str | Path, n: int, seed: int = 0) -> Path:
    """Write a synthetic dataset of ``n`` claims to ``folder`` (CSV files and source texts).

    Parameters
    ----------
    folder : str or pathlib.Path
        Created if missing; ``actors.csv``, ``sources.csv``, ``claims.csv`` and ``sources/*.txt``
        in it are overwritten.
    n : int
        Number of claims (0 or more).
    seed : int
        The same ``n`` and ``seed`` write the same bytes.

    Returns
    -------
    pathlib.Path
        The folder.
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    rng = random.Random(f"explainer-synthetic-{seed}")
    folder = Path(folder)
    (folder / "sources").mkdir(parents=True, exist_ok=True)

    cast = _Cast.draw(rng)
    n_sources = max(3, min(4000, n // 25 + 2))
    sources = _sources(rng, n_sources)
    # Source 0 is the public record, for the context layer (our own additions, dated events).
    sources[0].update(outlet="Public record", title="Dated public events", url="", note="context")
    paragraphs: dict[str, list[list[str]]] = {
        s["id"]: [[rng.choice(_FILLER)] for _ in range(rng.randint(8, 30))] for s in sources[1:]
    }
    draw = {
        "form": _chooser(rng, EDTF_FORMS),
        "status": _chooser(rng, _STATUS_SHARE),
        "kind": _chooser(rng, _KIND_SHARE),
    }
    claims: list[dict[str, str]] = []
    answerable: list[int] = []  # claims that a denial can answer
    for i in range(n):
        labels = _labels(rng, i, draw)
        row = _claim(rng, i, labels, cast, sources, paragraphs, claims, answerable)
        claims.append(row)
        if row["kind"] in ("contact", "influence", "action") and row["status"] in (
            "reported",
            "accused",
        ):
            answerable.append(i)
    _write_files(folder, {"actors": cast.actors, "sources": sources, "claims": claims}, paragraphs)
    return folder


def synthetic(n: int, seed: int = 0, *, folder: str | Path | None = None) -> Dataset:
    """A synthetic dataset of ``n`` claims, validated and loaded like real data.

    Parameters
    ----------
    n : int
        Number of claims: 50 is a classroom article, 100,000 a newsroom's archive.
    seed : int
        The same ``n`` and ``seed`` give the same dataset.
    folder : str or pathlib.Path, optional
        Where to write the CSV files (kept). Default: a temporary folder, removed once loaded.

    Returns
    -------
    Dataset
        About 200 actors, 30 years (1995-2024), every status, kind and EDTF form in use
        (days, months, years, ``YYYY/..``, ``../YYYY-MM``, ``YYYY~``, ``YYYY-MM-DD/YYYY-MM-DD``,
        ``YYYY/YYYY``) once ``n >= 8``.

    Examples
    --------
    >>> import explainer as ex
    >>> ds = ex.synthetic_dataset(1000, seed=1)
    >>> len(ds.claims)
    1000
    """
    from explainer.dataset import load_dataset

    if folder is not None:
        return load_dataset(write_synthetic(folder, n, seed))
    tmp = Path(tempfile.mkdtemp(prefix="explainer-synthetic-"))
    try:
        return load_dataset(write_synthetic(tmp, n, seed))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
