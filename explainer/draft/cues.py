"""The cue rules: which words of a sentence suggest how we know what it says.

Each rule is a general rule of news writing, not a rule fitted to one article. There is one set of
rules for every language: the words each rule looks for are data, in ``lexicons/<lang>.toml``
(:mod:`explainer.draft.lexicon`), and what a language lacks (English has no conditional mood, no
parse here) its lexicon says. The examples below are those lexicons' words.

reported
    French: the conditional mood (``serait``, ``aurait``, ``discuteraient``) outside quotes;
    ``selon`` / ``d'après`` followed by anything but a person; an unnamed source (``une source``,
    ``des proches``), or a speech verb whose speaker is one. English: ``reportedly``,
    ``according to`` (not a person), ``is said to``, ``sources said``, ``people familiar with``,
    ``unnamed officials``.
accused
    French: ``accusé``, ``accusation``, ``soupçonné``, ``mis en cause``, ``reproche``. English:
    ``accused``, ``allegedly``, ``alleged``, ``suspected of``, ``charged with``.
denial (a kind, not a status)
    French: ``dément``, ``nie``, ``réfute``, ``conteste``, not negated (``ne nie pas`` is no
    denial). English: ``denies``, ``denied``, ``rejected the claims``, not negated. Its status is
    ``stated`` (``reported`` when the sentence also reports).
stated
    A speech verb (``affirme``, ``déclare``, ``dit``, ``indique``, ``qualifie``; ``said``,
    ``says``, ``told``) whose speaker is named or a pronoun; ``selon lui``, ``selon`` or
    ``according to`` followed by a person; words (two or more) in quotation marks in a sentence
    about a named actor, when nothing else says who speaks.
commentary
    A *hypothetical* conditional: one after ``si``, ``éventuel``, ``en cas de``, ``au cas où``,
    ``à condition``, ``une fois`` (+ a participle or a name), in a sentence that names no source:
    the journalist's own speculation, not a report.

Not a hedge: a conditional inside quotation marks (the speaker's own words), and one in the ``que``
clause of a past speech verb (``a affirmé qu'il démissionnerait``: the future in the past).

The conditional is read from spaCy's morphology (``Mood=Cnd``) and, because the small French model
misses many forms (it tags ``continuerait`` as an imperfect and ``discuteraient`` as an adverb),
from the word and its lemma: a conditional is the future stem (the infinitive, ``prendr-`` for
``prendre``, or an irregular stem such as ``ser-``, ``aur-``, ``pourr-``) plus ``-ait`` /
``-aient``. Imperfects such as ``montrait`` or ``tirait`` do not match. Only third-person forms are
read: reporting is in the third person.

A speech verb whose speaker is an unnamed source (``indique une source du WSJ``) suggests
``reported``.

(Just over 500 lines: one rule set for both languages; its words are in ``lexicons/``.)
"""

from __future__ import annotations

import re

from explainer.draft.lexicon import Lexicon, every_language, lexicon
from explainer.draft.model import Cue, Sentence, Token

__all__ = ["CUE_STATUSES", "Cue", "find_cues", "is_conditional", "sentence_subject"]

CUE_STATUSES = ("reported", "accused", "stated", "commentary")


# --------------------------------------------------------------------------------------------------
# The conditional (French grammar: the lexicon says whether a language has one)

# Irregular future stems: lemma ending -> stem ending ("entretenir" -> "entretiendr").
_IRREGULAR = {
    "être": "ser", "avoir": "aur", "aller": "ir", "faire": "fer", "pouvoir": "pourr",
    "devoir": "devr", "vouloir": "voudr", "savoir": "saur", "venir": "viendr", "tenir": "tiendr",
    "voir": "verr", "falloir": "faudr", "valoir": "vaudr", "envoyer": "enverr", "courir": "courr",
    "mourir": "mourr", "cevoir": "cevr", "quérir": "querr", "asseoir": "assiér",
    "pleuvoir": "pleuvr",
}  # fmt: skip
# Whole words that can only be conditionals (for when the lemmatizer fails).
_ALWAYS = re.compile(
    r"^(?:ser|aur|fer|pourr|devr|voudr|saur|faudr|vaudr|verr|ir|\w*iendr|\w*cevr)(?:ait|aient)$"
)


def is_conditional(word: str, lemma: str = "", mood: tuple[str, ...] = ()) -> bool:
    """Whether a French word is a third-person conditional (``serait``, ``discuteraient``).

    Parameters
    ----------
    word : str
        The word as written.
    lemma : str
        Its lemma (infinitive), when known.
    mood : tuple of str
        spaCy's ``Mood`` morphology values, when known.

    Examples
    --------
    >>> is_conditional("continuerait", "continuer"), is_conditional("montrait", "montrer")
    (True, False)
    """
    w = word.lower()
    # The future stem ends in r: "continuer|ait", "discuter|aient" (called for every token).
    if w.endswith("rait"):
        stem = w[:-3]
    elif w.endswith("raient"):
        stem = w[:-5]
    else:
        return False
    if not w.isalpha():
        return False
    if "Cnd" in mood:
        return True
    lem = lemma.lower()
    if lem.endswith(("er", "ir")) and stem == lem:
        return True  # continuer -> continuerait, finir -> finirait
    if lem.endswith("re") and stem == lem[:-1]:
        return True  # prendre -> prendrait, dire -> dirait
    for ending, irregular in _IRREGULAR.items():
        if lem.endswith(ending) and stem.endswith(irregular):
            return True
    if _ALWAYS.match(w):
        return True
    # The lemmatizer failed: a plain "-erait" is a first-group conditional (no imperfect ends so,
    # "-érait" / "-rrait" imperfects aside), unless the lemma says it is an imperfect.
    return (
        stem.endswith("er")
        and not stem.endswith(("érer", "èrer"))
        and lem not in (stem[:-2] + "er", stem[:-2] + "rer")
    )


def _hypothesis_before(sent: Sentence, pos: int, lex: Lexicon) -> str | None:
    """The hypothesis marker before ``pos`` (``si``, ``éventuelle``...), if any."""
    for t in sent.tokens:
        if t.start >= pos:
            break
        low = t.text.lower()
        prev = sent.text[max(0, t.start - 6) : t.start].lower()
        if (
            low in lex.hypothesis_conjunctions
            and t.pos == "SCONJ"
            and lex.hypothesis_not_after not in prev
        ):
            return t.text
    m = lex.hypothesis.search(sent.text[:pos]) if lex.hypothesis else None
    return m.group(0) if m else None


def _reported_speech_before(sent: Sentence, pos: int, lex: Lexicon) -> bool:
    """Whether ``pos`` is in a ``que`` clause of a past speech verb (``a affirmé qu'il ...``)."""
    if lex.that_clause is None:
        return False
    clause = re.split(r"[.;:]", sent.text[:pos])[-1]
    offset = pos - len(clause)
    for t in sent.tokens:
        if not offset <= t.start < pos or _speech_verb(t, lex) is None:
            continue
        past = t.text.lower().endswith(lex.past_speech_endings)
        if past and lex.that_clause.search(sent.text[t.end : pos]):
            return True
    return False


def _speech_verb(t: Token, lex: Lexicon) -> str | None:
    """The speech verb a token is (its lemma, or its form where the lexicon lists forms), if any;
    guesses first-group lemmas when the lemmatizer failed."""
    w = t.text.lower()
    if w in lex.speech_forms:
        return w
    lemma = t.lemma.lower()
    if lemma in lex.speech_lemmas:
        return lemma
    for ending in lex.speech_endings:
        if w.endswith(ending):
            guess = w[: -len(ending)] + lex.speech_infinitive_ending
            if guess in lex.speech_lemmas:
                return guess  # "indique" lemmatised "indique": indiquer
    return None


_QUOTE = re.compile(r"«\s*([^»]*?)\s*»|“([^”]*)”|\"([^\"]+)\"")


def _quoted(sent: Sentence) -> list[bool]:
    """For each token, whether it starts inside « guillemets » or “quotes” (more opened than closed
    before it), counted in one pass over the sentence."""
    text, flags = sent.text, []
    counted, guillemets, quotes = 0, 0, 0
    for t in sent.tokens:
        start = max(t.start, counted)
        guillemets += text.count("«", counted, start) - text.count("»", counted, start)
        quotes += text.count("“", counted, start) - text.count("”", counted, start)
        counted = start
        flags.append(guillemets > 0 or quotes > 0)
    return flags


# --------------------------------------------------------------------------------------------------
# Who a cue is about


def _classify(sent: Sentence, t: Token, unnamed: frozenset[str]) -> tuple[str, int, int]:
    m = sent.mention_at(t.start, t.end)
    if m is not None:
        return ("mention", m.start, m.end)
    low = t.text.lower()
    if low in unnamed or t.lemma.lower() in unnamed:
        return ("unnamed", t.start, t.end)
    every = every_language()
    if low in every.pronouns:
        return ("pronoun", t.start, t.end)
    if low in every.relatives:  # a relative: its antecedent is the name before it
        before = [m for m in sent.mentions if m.end <= t.start and not m.attribution]
        if before:
            return ("mention", before[-1].start, before[-1].end)
    return ("noun", t.start, t.end)


def _subject_parsed(sent: Sentence, i: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The subject of token ``i``'s verb, from the dependency parse."""
    toks = sent.tokens
    v = toks[i]
    if (v.dep.startswith("aux") or v.dep == "cop") and 0 <= v.head < len(toks):
        v = toks[v.head]
    for t in toks:
        if t.head == v.i and t.i != v.i and t.dep in ("nsubj", "nsubj:pass", "expl:subj"):
            kind = _classify(sent, t, lex.unnamed)
            if kind[0] == "noun":  # "les liens entre le Kremlin et Musk": a name inside the subject
                inside = [m for m in sent.mentions if m.start >= t.start and not m.attribution]
                for m in inside:
                    if m.start < v.start:
                        return ("mention", m.start, m.end)
            return kind
    return _subject_by_position(sent, v.start, v.end, lex.unnamed)


def _subject(sent: Sentence, start: int, end: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """Who the words at ``[start, end)`` are about: by the parse when there is one, else by
    position."""
    if not lex.parsed:
        return _subject_by_position(sent, start, end, lex.unnamed)
    tok = _token_at(sent, start)
    return _subject_parsed(sent, tok.i, lex) if tok else None


# Titles before a name and determiners before a noun, in either language.
_TITLE = re.compile(r"\s*(?:M\.|Mme|Mlle|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)?\s*")
_LEAD = re.compile(r"\s*(?:-t-\s*|-)?(?:le\s+|la\s+|l['’]|une?\s+|des\s+|the\s+|an?\s+)?(\w+)")


def _subject_by_position(
    sent: Sentence, start: int, end: int, unnamed: frozenset[str]
) -> tuple[str, int, int] | None:
    """Without a parse: a name or source right after the verb (« ... », dit X), else the nearest
    before."""
    after = sent.text[end : end + 40]
    lead = _LEAD.match(after)
    if lead and lead.group(1).lower() in unnamed:
        s = end + lead.start(1)
        return ("unnamed", s, s + len(lead.group(1)))
    title = _TITLE.match(after)
    for m in sent.mentions:  # "a déclaré M. Dupont", "said Musk"
        if end <= m.start <= end + (title.end() if title else 0) + 1 and not m.attribution:
            return ("mention", m.start, m.end)
    window = sent.text[max(0, start - 60) : start]
    clause = re.split(r"[;:]|,\s+(?:mais|but)\b", window)[-1]
    cut = start - len(clause)
    before = [m for m in sent.mentions if cut <= m.start and m.end <= start and not m.attribution]
    pronouns = every_language().pronouns
    pron = list(re.finditer(r"\b(\w+)\b", clause))
    if pron and pron[-1].group(1).lower() in pronouns and not before:
        s = cut + pron[-1].start(1)
        return ("pronoun", s, s + len(pron[-1].group(1)))
    for w in reversed(pron[-4:]):
        if w.group(1).lower() in unnamed:
            s = cut + w.start(1)
            return ("unnamed", s, s + len(w.group(1)))
    if before:
        return ("mention", before[-1].start, before[-1].end)
    if pron and pron[-1].group(1).lower() in pronouns:
        s = cut + pron[-1].start(1)
        return ("pronoun", s, s + len(pron[-1].group(1)))
    return None


def _token_at(sent: Sentence, pos: int) -> Token | None:
    for t in sent.tokens:
        if t.start <= pos < t.end:
            return t
    return None


# "X accuse Y" (active: Y is accused) in either language; "accusé" otherwise follows the accused.
_ACTIVE_ACCUSE = {"accuse", "accusent", "accusait", "accusaient", "accuses", "accusing"}
_PERFECT_BEFORE = re.compile(r"\b(?:a|ont|avait|avaient|has|have|had)\s+$", re.IGNORECASE)


def _accused_subject(sent: Sentence, start: int, end: int) -> tuple[str, int, int] | None:
    """Who is accused: the name an ``accusé`` follows; for ``X accuse Y``, the name after the
    verb."""
    word = sent.text[start:end].lower()
    active = word in _ACTIVE_ACCUSE or bool(_PERFECT_BEFORE.search(sent.text[:start]))
    if active:
        for m in sent.mentions:
            if m.start >= end and not m.attribution:
                return ("mention", m.start, m.end)
    for m in reversed(sent.mentions):
        if m.end <= start and not m.attribution:
            return ("mention", m.start, m.end)
    return _subject_by_position(sent, start, end, every_language().unnamed)


# --------------------------------------------------------------------------------------------------
# The rules, in the order their cues are listed for one position


def _unnamed_source_cues(sent: Sentence, lex: Lexicon) -> list[Cue]:
    return [
        Cue("reported", "unnamed source", m.start(), m.end(), m.group(0))
        for m in lex.unnamed_source.finditer(sent.text)
    ]


def _reported_phrase_cues(sent: Sentence, lex: Lexicon) -> list[Cue]:
    """Phrases that report by themselves ("reportedly", "is said to")."""
    cues = []
    for name, pattern in lex.reported_phrases:
        for m in pattern.finditer(sent.text):
            subject = _subject_by_position(sent, m.start(), m.start(), lex.unnamed)
            cues.append(Cue("reported", name, m.start(), m.end(), m.group(0), subject=subject))
    return cues


def _attribution_cues(sent: Sentence, lex: Lexicon) -> list[Cue]:
    """``selon X`` / ``according to X``: a person (or a pronoun) states, anything else reports."""
    text, cues = sent.text, []
    for m in lex.attribution.finditer(text):
        named = [x for x in sent.mentions if m.end() < x.start <= m.end() + 6]
        pron = lex.attribution_pronoun.match(text[m.end() : m.end() + 30])
        person = bool(named) and named[0].person
        subject = ("mention", named[0].start, named[0].end) if person else None
        if pron:
            subject = ("pronoun", m.end() + pron.start(1), m.end() + pron.end(1))
        name = re.sub(r"\s+", " ", m.group(0).lower().replace("’", "'"))
        status = "stated" if (pron or person) else "reported"
        cues.append(Cue(status, name, m.start(), m.end(), m.group(0), subject=subject))
    return cues


def _conditional_cues(
    sent: Sentence, lex: Lexicon, attribution: bool, quoted: list[bool]
) -> list[Cue]:
    """The conditional outside quotes: reported, or commentary after a hypothesis marker."""
    if not lex.conditional:
        return []
    cues = []
    for t, inside in zip(sent.tokens, quoted, strict=True):
        if inside:
            continue  # the speaker's own words: their conditional is not the journalist's hedge
        if not is_conditional(t.text, t.lemma, t.mood):
            continue
        if _reported_speech_before(sent, t.start, lex):
            continue  # "a déclaré qu'il démissionnerait": the future in the past, not a hedge
        hypothesis = None if attribution else _hypothesis_before(sent, t.start, lex)
        subject = _subject(sent, t.start, t.end, lex)
        if hypothesis:
            name = f"hypothetical conditional (after «{hypothesis}»)"
            cues.append(Cue("commentary", name, t.start, t.end, t.text, subject=subject))
        else:
            cues.append(Cue("reported", "conditional", t.start, t.end, t.text, subject=subject))
    return cues


def _accusation_cues(sent: Sentence, lex: Lexicon) -> list[Cue]:
    cues = []
    for m in lex.accused.finditer(sent.text):
        following = sent.text[m.end() : m.end() + 15]
        if any(word in following for word in lex.accused_not_followed_by):
            continue
        subject = _accused_subject(sent, m.start(), m.end())
        cues.append(Cue("accused", "accusation", m.start(), m.end(), m.group(0), subject=subject))
    return cues


def _negated(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the verb at ``[start, end)`` is negated (two-part negations need both parts)."""
    if not lex.negation_before.search(text[:start]):
        return False
    if lex.negation_second_after is None:
        return True
    return bool(lex.negation_second_after.match(text[end:])) or bool(
        lex.negation_second_before and lex.negation_second_before.search(text[:start])
    )


def _denial_cues(sent: Sentence, lex: Lexicon) -> list[Cue]:
    """Denial verbs, not negated: the kind ``denial``, stated (reported from an unnamed source)."""
    cues = []
    for m in lex.denial.finditer(sent.text):
        if _negated(sent.text, m.start(), m.end(), lex):
            continue  # "ne nie pas", "did not deny": not a denial
        subject = _subject(sent, m.start(), m.end(), lex)
        status = "reported" if subject and subject[0] == "unnamed" else "stated"
        cues.append(
            Cue(status, "denial", m.start(), m.end(), m.group(0), denial=True, subject=subject)
        )
    return cues


def _is_speech(t: Token, sent: Sentence, lex: Lexicon, denials: list[Cue], inside: bool) -> bool:
    """Whether a token is a speech verb that says someone spoke (see the module docstring)."""
    if inside:
        return False  # the speaker's own words
    verb = _speech_verb(t, lex)
    text = sent.text
    if verb is None:
        return False
    if t.lemma and t.text.lower() == verb:
        return False  # an infinitive ("comment expliquer ?") says nobody spoke
    before = sent.tokens[max(0, t.i - 2) : t.i]
    if lex.conditional and any(is_conditional(p.text, p.lemma, p.mood) for p in before):
        return False  # "il aurait dit": the speech itself is reported; the conditional says so
    if verb in lex.speech_restricted:
        forms, not_after = lex.speech_restricted[verb]
        if t.text.lower() not in forms or (not_after and not_after.search(text[: t.start])):
            return False  # "c'est-à-dire"
    if t.pos in ("NOUN", "ADJ", "PROPN") and verb != t.text.lower():
        return False  # "une réponse précise", "un ennemi déclaré"
    if lex.speech_not_after and lex.speech_not_after.search(text[: t.start]):
        return False  # "is said to": a reported phrase
    return not any(c.start <= t.start < c.end for c in denials)


def _speech_cues(sent: Sentence, lex: Lexicon, denials: list[Cue], quoted: list[bool]) -> list[Cue]:
    """Speech verbs: stated by whoever speaks, reported when the speaker is an unnamed source."""
    cues = []
    for t, inside in zip(sent.tokens, quoted, strict=True):
        if not _is_speech(t, sent, lex, denials, inside):
            continue
        subject = _subject(sent, t.start, t.end, lex)
        if subject and subject[0] == "unnamed":
            name, status = "speech verb, unnamed source", "reported"
        else:
            name, status = "speech verb", "stated"
        cues.append(Cue(status, name, t.start, t.end, t.text, subject=subject))
    return cues


def _quote_cues(sent: Sentence, speech: bool, unnamed_source: bool) -> list[Cue]:
    """Words in quotation marks, in a sentence about a named actor, with no other speaker."""
    pronouns = every_language().pronouns
    if (
        speech
        or unnamed_source
        or (
            not any(not m.attribution for m in sent.mentions)
            and not any(t.text.lower() in pronouns for t in sent.tokens[:3])
        )
    ):
        return []
    out = []
    for m in _QUOTE.finditer(sent.text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) < 2:
            continue  # a single word in quotes is most often a scare quote
        out.append(Cue("stated", "quotation marks", m.start(), m.end(), m.group(0)))
    return out[:1]


def find_cues(sent: Sentence, lang: str = "fr") -> list[Cue]:
    """Every cue of a sentence, in order of position.

    Parameters
    ----------
    sent : explainer.draft.model.Sentence
        A sentence with its tokens and actor mentions (from
        :func:`explainer.draft.extract.analyse`).
    lang : str
        ``"fr"`` or ``"en"``: which lexicon's words to look for (``explainer/draft/lexicons/``).
    """
    lex = lexicon(lang)
    unnamed = _unnamed_source_cues(sent, lex)
    attributed = _attribution_cues(sent, lex)
    denials = _denial_cues(sent, lex)
    quoted = _quoted(sent)
    speech = _speech_cues(sent, lex, denials, quoted)
    cues = [
        *unnamed,
        *_reported_phrase_cues(sent, lex),
        *attributed,
        *_conditional_cues(sent, lex, bool(unnamed) or bool(attributed), quoted),
        *_accusation_cues(sent, lex),
        *denials,
        *speech,
        *_quote_cues(sent, bool(speech), bool(unnamed)),
    ]
    cues.sort(key=lambda c: (c.start, c.end))  # stable: rules in the order above at one position
    return cues


def sentence_subject(sent: Sentence, lang: str = "fr") -> tuple[str, int, int] | None:
    """The subject of the sentence's main verb (by the parse), or its first named actor."""
    lex = lexicon(lang)
    if lex.parsed:
        root = next((t for t in sent.tokens if t.dep == "ROOT"), None)
        if root is not None:
            for t in sent.tokens:
                if t.head == root.i and t.i != root.i and t.dep in ("nsubj", "nsubj:pass"):
                    return _classify(sent, t, lex.unnamed)
    first = sent.tokens[0].text.lower() if sent.tokens else ""
    if first in every_language().pronouns:
        return ("pronoun", 0, len(first))
    # A name after a preposition ("pour Donald Trump", "avec Poutine") is not who the sentence is
    # about.
    before = every_language().preposition_before
    for m in sent.mentions:
        if not m.attribution and not before.search(sent.text[: m.start]):
            return ("mention", m.start, m.end)
    return None
