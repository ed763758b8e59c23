"""The words of each language the drafter reads, loaded from ``lexicons/*.toml`` (package data).

The cue rules (:mod:`explainer.draft.cues`) are one rule set; what changes from French to English is
data: ``lexicons/fr.toml`` and ``lexicons/en.toml`` hold the cue words and patterns of each
language (as spaCy keeps ``lang/<xx>/``), and ``lexicons/aliases.toml`` the other names of actors
(Poutine for Vladimir Putin, WSJ...). A new language is a new file, and an edit to a word list needs
no change of code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from explainer.draft.model import DraftError

__all__ = ["LANGUAGES", "Lexicon", "aliases", "every_language", "lexicon"]

# The languages with a lexicon file.
LANGUAGES = ("fr", "en")


def _read(name: str) -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("lexicons", name).read_text("utf-8"))


def _compile(pattern: str) -> re.Pattern | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@dataclass(frozen=True)
class Lexicon:
    """One language's cue words and patterns (see ``lexicons/fr.toml`` for what each one means)."""

    lang: str
    model: str  # the spaCy pipeline; "" for a blank one (tokens only, no parse)
    conditional: bool
    attribution: re.Pattern
    attribution_pronoun: re.Pattern
    unnamed_source: re.Pattern
    reported_phrases: tuple[tuple[str, re.Pattern], ...]
    accused: re.Pattern
    accused_not_followed_by: tuple[str, ...]
    denial: re.Pattern
    negation_before: re.Pattern
    negation_second_after: re.Pattern | None
    negation_second_before: re.Pattern | None
    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]
    speech_endings: tuple[str, ...]
    speech_infinitive_ending: str
    speech_not_after: re.Pattern | None
    speech_restricted: dict[str, tuple[frozenset[str], re.Pattern | None]]
    hypothesis_conjunctions: frozenset[str]
    hypothesis_not_after: str
    hypothesis: re.Pattern | None
    past_speech_endings: tuple[str, ...]
    that_clause: re.Pattern | None
    unnamed: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    prepositions: tuple[str, ...]

    @property
    def parsed(self) -> bool:
        """Whether sentences come with a dependency parse (a model, not a blank pipeline)."""
        return bool(self.model)


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (``"fr"`` or ``"en"``), read once.

    Raises
    ------
    DraftError
        For a language with no lexicon file.
    """
    if lang not in LANGUAGES:
        raise DraftError(f"language {lang!r} is not supported; use fr or en")
    d = _read(f"{lang}.toml")
    hyp, said, words = d.get("hypothesis", {}), d.get("reported_speech", {}), d["words"]
    return Lexicon(
        lang=lang,
        model=d["model"],
        conditional=d["conditional"],
        attribution=_compile(d["attribution"]),  # type: ignore[arg-type]
        attribution_pronoun=_compile(d["attribution_pronoun"]),  # type: ignore[arg-type]
        unnamed_source=_compile(d["unnamed_source"]),  # type: ignore[arg-type]
        reported_phrases=tuple((name, _compile(p)) for name, p in d["reported_phrases"]),  # type: ignore[misc]
        accused=_compile(d["accused"]),  # type: ignore[arg-type]
        accused_not_followed_by=tuple(d["accused_not_followed_by"]),
        denial=_compile(d["denial"]),  # type: ignore[arg-type]
        negation_before=_compile(d["negation_before"]),  # type: ignore[arg-type]
        negation_second_after=_compile(d.get("negation_second_after", "")),
        negation_second_before=_compile(d.get("negation_second_before", "")),
        speech_lemmas=frozenset(d["speech_lemmas"]),
        speech_forms=frozenset(d["speech_forms"]),
        speech_endings=tuple(d["speech_endings"]),
        speech_infinitive_ending=d["speech_infinitive_ending"],
        speech_not_after=_compile(d.get("speech_not_after", "")),
        speech_restricted={
            lemma: (frozenset(r["forms"]), _compile(r.get("not_after", "")))
            for lemma, r in d.get("speech_restricted", {}).items()
        },
        hypothesis_conjunctions=frozenset(hyp.get("conjunctions", ())),
        hypothesis_not_after=hyp.get("conjunction_not_after", ""),
        hypothesis=_compile(hyp.get("pattern", "")),
        past_speech_endings=tuple(said.get("past_endings", ())),
        that_clause=_compile(said.get("that", "")),
        unnamed=frozenset(words["unnamed"]),
        pronouns=frozenset(words["pronouns"]),
        relatives=frozenset(words["relatives"]),
        prepositions=tuple(words["prepositions"]),
    )


@dataclass(frozen=True)
class _Every:
    """The words of all languages together, for rules that read either language (an article quotes
    others: "il a dit «they said»")."""

    unnamed: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    preposition_before: re.Pattern


@lru_cache(maxsize=1)
def every_language() -> _Every:
    """Unnamed-source words, pronouns, relatives and prepositions of every language together."""
    lexicons = [lexicon(lang) for lang in LANGUAGES]
    prepositions = "|".join(p for lex in lexicons for p in lex.prepositions)
    return _Every(
        unnamed=frozenset().union(*(lex.unnamed for lex in lexicons)),
        pronouns=frozenset().union(*(lex.pronouns for lex in lexicons)),
        relatives=frozenset().union(*(lex.relatives for lex in lexicons)),
        preposition_before=re.compile(
            rf"\b(?:{prepositions})\s+(?:le\s+|la\s+|l['’]|les\s+|the\s+)?$", re.IGNORECASE
        ),
    )


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Other names of actors (``"poutine"`` → ``"Vladimir Putin"``), from
    ``lexicons/aliases.toml``."""
    return dict(_read("aliases.toml"))
