"""Actors: matching names in a sentence to known actors, and making new ones.

Names are matched to known actors (by default the bundled ``data/actors.csv``; its names, French
names, surnames, initials of multi-word organisations) and to aliases kept as data in
``lexicons/aliases.toml`` (WSJ, Poutine/Putin, Kirienko/Kiriyenko...). Other people and
organisations become new actors with slug ids, marked for review. Places become actors only when the
known actors list has them. English has no named-entity model here, so its names are runs of
capitalised words (:func:`english_entities`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from explainer.draft.date_phrases import MONTH_NUMBERS
from explainer.draft.lexicon import aliases
from explainer.draft.model import Mention

__all__ = ["Actor", "ActorRegistry", "clean_entity", "english_entities", "fold", "known_mentions",
           "slug", "type_for"]  # fmt: skip

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
_EN_STOP |= {m for m in MONTH_NUMBERS if "." not in m}


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
        self._gazetteer: tuple[int, list[tuple[re.Pattern, str, frozenset[str]]]] | None = None
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
        for alias, canonical in aliases().items():  # aliases of known actors only
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
        alias = aliases().get(key)
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
        canonical = aliases().get(fold(surface))
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

    def gazetteer(self) -> list[tuple[re.Pattern, str, frozenset[str]]]:
        """Patterns for every known key, longest first (a capitalised match only), each with the
        capitals its match can start with."""
        # Asked for every sentence; keys are only ever added, so their number says when to rebuild.
        if self._gazetteer is None or self._gazetteer[0] != len(self.keys):
            pats = []
            for key, actor_id in sorted(self.keys.items(), key=lambda kv: -len(kv[0])):
                if len(key) < 2 and key != "x":
                    continue
                pats.append((_name_pattern(key), actor_id, _first_capitals(key)))
            self._gazetteer = (len(self.keys), pats)
        return self._gazetteer[1]


# Each letter's accented forms, by the letter fold() makes of them ("e" -> "éèêëÉÈÊË").
_ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ"
_BY_FOLD: dict[str, set[str]] = {}
for _c in _ACCENTED:
    _BY_FOLD.setdefault(fold(_c), set()).add(_c)


def _variants(ch: str) -> set[str]:
    """The characters a folded key's letter ``ch`` stands for in a text."""
    return {ch, ch.upper()} | _BY_FOLD.get(ch, set())


_CAPITAL = "A-ZÀ-ÖØ-Þ"
_CAPITAL_AT_WORD_START = re.compile(rf"(?<![\w])[{_CAPITAL}]")


def _first_capitals(key: str) -> frozenset[str]:
    """The capitals a match of ``key``'s pattern can start with (its first letter's variants that
    the pattern's capital look-ahead allows); empty when it can start with none."""
    if not key[:1].isalpha():
        return frozenset()
    return frozenset(c for c in _variants(key[0]) if re.fullmatch(f"[{_CAPITAL}]", c))


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
            parts.append("[" + "".join(sorted(_variants(ch))) + "]")
        else:
            parts.append(re.escape(ch))
    return re.compile(rf"(?<![\w])(?=[{_CAPITAL}])" + "".join(parts) + r"(?![\w])")


_ELIDED = re.compile(r"^(?:[a-zà-ÿ]{1,7}['’])+(?=[A-ZÀ-ÖØ-Þ])")
_TRAILING = re.compile(r"(?:\s+[a-zà-ÿ]{1,3}['’]|[\s.,;:!?»”\"')]+)$")


def clean_entity(text: str, start: int) -> tuple[str, int] | None:
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


def known_mentions(text: str, registry: ActorRegistry) -> list[Mention]:
    found: list[Mention] = []
    # A name starts with a capital at a word's start: only the patterns that can start with one of
    # this text's are tried (a long article names hundreds of actors, a sentence a few; issue 14).
    capitals = set(_CAPITAL_AT_WORD_START.findall(text))
    for pattern, actor_id, first in registry.gazetteer():
        if capitals.isdisjoint(first):
            continue
        for m in pattern.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if m.group(0) == "X" and not re.search(
                r"\b(?:sur|on|via|réseau|comme|like)\s+$", text[: m.start()]
            ):
                continue  # a lone capital X is the platform only where a platform fits
            found.append(Mention(m.start(), m.end(), m.group(0), actor_id))
    return found


def english_entities(text: str) -> list[tuple[int, int, str]]:
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


def type_for(label: str, text: str) -> str | None:
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
