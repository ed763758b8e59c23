"""What the drafter's steps hand each other: tokens, mentions, date phrases, cues and sentences.

These are plain records with no behaviour beyond small look-ups, so that every step (reading,
actors, dates, cue rules, drafting) imports them from here and no step imports another to know its
types (the ``extract`` ⇄ ``cues`` cycle of issue 13).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Cue", "DateHit", "DraftError", "Mention", "Sentence", "Token"]


class DraftError(ValueError):
    """An article that cannot be drafted, with a message that says what to do."""


@dataclass(frozen=True)
class DateHit:
    """A date phrase in a sentence: where it is, what it says, and its EDTF value."""

    start: int
    end: int
    text: str
    edtf: str


@dataclass
class Mention:
    """An actor named in a sentence."""

    start: int
    end: int
    text: str
    actor: str
    attribution: bool = False  # the source of the sentence ("selon le WSJ"), not one of its actors
    person: bool = False  # the actor is a person (a named speaker makes a statement)


@dataclass(slots=True)  # hundreds of thousands in a long article: no __dict__ each
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


@dataclass(frozen=True)
class Cue:
    """A word or phrase that suggests a status.

    Attributes
    ----------
    status : str
        ``reported``, ``accused``, ``stated`` or ``commentary``.
    name : str
        Which rule fired (``conditional``, ``selon``, ``unnamed source``, ``speech verb``...).
    start, end : int
        Where the cue is in the sentence.
    word : str
        The cue as written.
    denial : bool
        A denial verb: the claim's kind is ``denial``.
    subject : tuple or None
        Who the cue is about, as the rules see it: ``(kind, start, end)`` with kind ``mention``
        (a named actor), ``pronoun``, ``unnamed`` (an unnamed source), ``noun`` (a description such
        as "le milliardaire"), or None when nothing was found.
    """

    status: str
    name: str
    start: int
    end: int
    word: str
    denial: bool = False
    subject: tuple[str, int, int] | None = None

    def describe(self) -> str:
        """``conditional «serait»``: the rule and the words, for the review column and the
        legend."""
        return f"{self.name} «{self.word}»"


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
    cues: list[Cue] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # raw (start, end, label)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)``, if any."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
        return None
