"""The cue rules: which words of a sentence suggest how we know what it says.

Each rule is a general rule of news writing, not a rule fitted to one article.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explainer.draft.extract import Sentence, Token

__all__ = ["CUE_STATUSES", "Cue", "find_cues", "is_conditional", "sentence_subject"]

CUE_STATUSES = ("reported", "accused", "stated", "commentary")


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


# --------------------------------------------------------------------------------------------------
# The conditional

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
    m = re.search(r"r(?:ait|aient)$", w)
    if not m or not w.isalpha():
        return False
    if "Cnd" in mood:
        return True
    stem = w[: m.start() + 1]  # the future stem ends in r
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
        and lem
        not in (
            stem[:-2] + "er",
            stem[:-2] + "rer",
        )
    )


_HYPOTHETICAL_FR = re.compile(
    r"(?:\béventuel\w*|\ben\s+cas\s+d|\bau\s+cas\s+où|\bà\s+condition|\bdans\s+l['’]hypothèse|"
    r"\bà\s+supposer|\bune\s+fois(?=\s+(?:que\b|qu['’]|[A-ZÀ-Þ]|\w+(?:é|ée|és|ées|i|is|u|us)\b)))",
    re.IGNORECASE,
)


def _hypothesis_before(sent: Sentence, pos: int) -> str | None:
    """The hypothesis marker before ``pos`` (``si``, ``éventuelle``...), if any."""
    for t in sent.tokens:
        if t.start >= pos:
            break
        low = t.text.lower()
        prev = sent.text[max(0, t.start - 6) : t.start].lower()
        if low in ("si", "s’", "s'") and t.pos == "SCONJ" and "même" not in prev:
            return t.text
    m = _HYPOTHETICAL_FR.search(sent.text[:pos])
    return m.group(0) if m else None


def _reported_speech_before(sent: Sentence, pos: int) -> bool:
    """Whether ``pos`` is in a ``que`` clause of a past speech verb (``a affirmé qu'il ...``)."""
    clause = re.split(r"[.;:]", sent.text[:pos])[-1]
    offset = pos - len(clause)
    for t in sent.tokens:
        if not offset <= t.start < pos or _speech_lemma(t) is None:
            continue
        past = t.text.lower().endswith(("ait", "aient", "é", "ée", "és", "ées", "a", "èrent"))
        if past and re.search(r"\bqu(?:e\b|['’])", sent.text[t.end : pos], re.IGNORECASE):
            return True
    return False


# --------------------------------------------------------------------------------------------------
# Lexicons

_SPEECH_FR = {
    "affirmer", "déclarer", "dire", "assurer", "expliquer", "indiquer", "annoncer", "confier",
    "souligner", "préciser", "ajouter", "reconnaître", "admettre", "avouer", "raconter", "répondre",
    "écrire", "tweeter", "promettre", "prétendre", "qualifier", "revendiquer", "marteler",
    "insister", "confirmer", "répéter", "estimer", "dénoncer", "témoigner", "rétorquer",
    "clamer", "proclamer", "soutenir", "maintenir", "jurer", "garantir", "révéler",
}  # fmt: skip
_DIRE_FORMS = {"dit", "disent", "disait", "disaient", "dira", "diront", "dise", "disant"}
_SPEECH_EN = (
    r"said|says|say|saying|stated|states|told|tells|announced|declared|wrote|writes|tweeted|posted|"
    r"added|insisted|claimed|claims|explained|confirmed|argued|noted|acknowledged|admitted|"
    r"maintained|asserted"
)
_UNNAMED_FR = {
    "source", "sources", "proche", "proches", "témoin", "témoins", "interlocuteur",
    "interlocuteurs",
    "responsable", "responsables", "officiel", "officiels", "diplomate", "diplomates", "conseiller",
    "conseillers", "informateur", "informateurs", "on", "l’on", "l'on", "personne", "personnes",
}  # fmt: skip
_UNNAMED_EN = {
    "source", "sources", "official", "officials", "person", "people", "insider", "insiders",
    "aide", "aides", "adviser", "advisers", "advisor", "advisors", "diplomat", "diplomats",
    "witness", "witnesses", "someone", "associates",
}  # fmt: skip
_PRONOUNS = {"il", "elle", "ils", "elles", "he", "she", "they", "lui", "eux"}

_UNNAMED_SOURCE_FR = re.compile(
    r"\b(?:(?:une|des|plusieurs|deux|trois|quatre|cinq|certaines|nombreuses|d['’]autres|de)\s+"
    r"(?:\w+\s+)?sources?\b|sous\s+couvert\s+d['’]anonymat|selon\s+nos\s+informations|"
    r"de\s+sources?\s+(?:sûres?|proches?|concordantes|bien\s+informées)|"
    r"(?:un|des|plusieurs)\s+proches?\s+d[eu'’])",
    re.IGNORECASE,
)
_UNNAMED_SOURCE_EN = re.compile(
    r"\b(?:(?:anonymous|unnamed|several|two|three|four|many|some|other)\s+(?:\w+\s+)?"
    r"(?:sources?|officials?|people|persons)|sources?\s+(?:said|say|says|told|tell|close|familiar)|"
    r"people\s+(?:familiar|close|with\s+knowledge)|persons?\s+(?:familiar|close)|"
    r"on\s+condition\s+of\s+anonymity|who\s+(?:asked|spoke)\s+(?:not\s+to\s+be\s+named|on\s+condition))",
    re.IGNORECASE,
)
_ACCUSED_FR = re.compile(
    r"\b(?:accus(?:é|ée|és|ées|e|es|ent|ait|aient|ant|er|ation|ations|ateur|ateurs|atrice)|"
    r"soupçonn(?:é|ée|és|ées|e|ent|ait|aient|er)|mis(?:e|es)?\s+en\s+cause|"
    r"reproch(?:e|ent|ait|aient|é|és|er))\b",
    re.IGNORECASE,
)
_ACCUSED_EN = re.compile(
    r"\b(?:accus(?:ed|es|e|ing|ation|ations|er|ers)|allegedly|alleged|allegations?|"
    r"suspected\s+of|charged\s+with)\b",
    re.IGNORECASE,
)
_DENIAL_FR = re.compile(
    r"\b(?:dément|démentent|démenti|démentie|démentis|démenties|démentait|démentaient|démentant|"
    r"démentira|démentir|nie|nient|nié|niée|niés|niées|niait|niaient|niant|nier|"
    r"réfute|réfutent|réfuté|réfutait|conteste|contestent|contestait|"
    r"rejette\s+(?:les|ces|toute?s?)\s+(?:accusations|allégations|informations|affirmations))\b",
    re.IGNORECASE,
)
_DENIAL_EN = re.compile(
    r"\b(?:denies|denied|deny|denying|refutes?|refuted|disputes|disputed|"
    r"(?:rejects|rejected|dismissed|dismisses)\s+(?:the\s+|these\s+|those\s+|all\s+)?"
    r"(?:claims?|allegations?|reports?|accusations?|report))\b",
    re.IGNORECASE,
)
_NEGATION_FR = re.compile(r"\b(?:ne\s+|n['’]\s*)(?:\S+\s+){0,2}$", re.IGNORECASE)
_NEGATION_FR_AFTER = re.compile(r"^\s*(?:\S+\s+)?(?:pas|jamais|plus|guère|point)\b", re.I)
_NEGATION_EN = re.compile(
    r"\b(?:not|never|n['’]t|no\s+longer|without)\s+(?:\S+\s+)?$|\bnot\s+$", re.IGNORECASE
)
_PREPOSITION = re.compile(
    r"\b(?:pour|avec|à|au|aux|de|des|du|d['’]|contre|entre|par|sur|sans|chez|vers|comme|et|"
    r"for|with|to|of|against|between|by|on|at|from|like|and)\s+(?:le\s+|la\s+|l['’]|les\s+|the\s+)?$",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"«\s*([^»]*?)\s*»|“([^”]*)”|\"([^\"]+)\"")


def _in_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”")


# --------------------------------------------------------------------------------------------------
# Who a cue is about


def _classify(sent: Sentence, t: Token, unnamed: set[str]) -> tuple[str, int, int]:
    m = sent.mention_at(t.start, t.end)
    if m is not None:
        return ("mention", m.start, m.end)
    low = t.text.lower()
    if low in unnamed or t.lemma.lower() in unnamed:
        return ("unnamed", t.start, t.end)
    if low in _PRONOUNS:
        return ("pronoun", t.start, t.end)
    if low in ("qui", "who", "that", "which"):  # a relative: its antecedent is the name before it
        before = [m for m in sent.mentions if m.end <= t.start and not m.attribution]
        if before:
            return ("mention", before[-1].start, before[-1].end)
    return ("noun", t.start, t.end)


def _subject_fr(sent: Sentence, i: int) -> tuple[str, int, int] | None:
    toks = sent.tokens
    v = toks[i]
    if (v.dep.startswith("aux") or v.dep == "cop") and 0 <= v.head < len(toks):
        v = toks[v.head]
    for t in toks:
        if t.head == v.i and t.i != v.i and t.dep in ("nsubj", "nsubj:pass", "expl:subj"):
            kind = _classify(sent, t, _UNNAMED_FR)
            if kind[0] == "noun":  # "les liens entre le Kremlin et Musk": a name inside the subject
                inside = [m for m in sent.mentions if m.start >= t.start and not m.attribution]
                for m in inside:
                    if m.start < v.start:
                        return ("mention", m.start, m.end)
            return kind
    return _subject_by_position(sent, v.start, v.end, _UNNAMED_FR)


def _subject_by_position(
    sent: Sentence, start: int, end: int, unnamed: set[str]
) -> tuple[str, int, int] | None:
    """Without a parse: a name or source right after the verb (« ... », dit X), else the nearest
    before."""
    after = sent.text[end : end + 40]
    lead = re.match(
        r"\s*(?:-t-\s*|-)?(?:le\s+|la\s+|l['’]|une?\s+|des\s+|the\s+|an?\s+)?(\w+)", after
    )
    if lead and lead.group(1).lower() in unnamed:
        s = end + lead.start(1)
        return ("unnamed", s, s + len(lead.group(1)))
    title = re.match(r"\s*(?:M\.|Mme|Mlle|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)?\s*", after)
    for m in sent.mentions:  # "a déclaré M. Dupont", "said Musk"
        if end <= m.start <= end + (title.end() if title else 0) + 1 and not m.attribution:
            return ("mention", m.start, m.end)
    window = sent.text[max(0, start - 60) : start]
    clause = re.split(r"[;:]|,\s+(?:mais|but)\b", window)[-1]
    cut = start - len(clause)
    before = [m for m in sent.mentions if cut <= m.start and m.end <= start and not m.attribution]
    pron = list(re.finditer(r"\b(\w+)\b", clause))
    if pron and pron[-1].group(1).lower() in _PRONOUNS and not before:
        s = cut + pron[-1].start(1)
        return ("pronoun", s, s + len(pron[-1].group(1)))
    for w in reversed(pron[-4:]):
        if w.group(1).lower() in unnamed:
            s = cut + w.start(1)
            return ("unnamed", s, s + len(w.group(1)))
    if before:
        return ("mention", before[-1].start, before[-1].end)
    if pron and pron[-1].group(1).lower() in _PRONOUNS:
        s = cut + pron[-1].start(1)
        return ("pronoun", s, s + len(pron[-1].group(1)))
    return None


# --------------------------------------------------------------------------------------------------
# The rules


def _quote_cues(sent: Sentence, speech: bool, unnamed_source: bool) -> list[Cue]:
    """Words in quotation marks, in a sentence about a named actor, with no other speaker."""
    if (
        speech
        or unnamed_source
        or (
            not any(not m.attribution for m in sent.mentions)
            and not any(t.text.lower() in _PRONOUNS for t in sent.tokens[:3])
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


def _cues_fr(sent: Sentence) -> list[Cue]:
    text, toks = sent.text, sent.tokens
    cues: list[Cue] = []
    unnamed_source = [m for m in _UNNAMED_SOURCE_FR.finditer(text)]
    attribution = bool(unnamed_source) or bool(re.search(r"\b(?:selon|d['’]après)\b", text, re.I))
    for m in unnamed_source:
        cues.append(Cue("reported", "unnamed source", m.start(), m.end(), m.group(0)))
    for m in re.finditer(r"\b(?:selon|d['’]après)\b", text, re.IGNORECASE):
        after = text[m.end() : m.end() + 30]
        named = [x for x in sent.mentions if m.end() < x.start <= m.end() + 6 and x.attribution]
        pron = re.match(r"\s*(lui|elle|eux|elles)\b", after, re.I)
        person = named and _is_person(sent, named[0])
        status = "stated" if (pron or person) else "reported"
        subject = ("mention", named[0].start, named[0].end) if person else None
        if pron:
            subject = ("pronoun", m.end() + pron.start(1), m.end() + pron.end(1))
        cues.append(
            Cue(
                status,
                m.group(0).lower().replace("’", "'"),
                m.start(),
                m.end(),
                m.group(0),
                subject=subject,
            )
        )
    for t in toks:
        if _in_quotes(text, t.start):
            continue  # the speaker's own words: their conditional is not the journalist's hedge
        if is_conditional(t.text, t.lemma, t.mood):
            if _reported_speech_before(sent, t.start):
                continue  # "a déclaré qu'il démissionnerait": the future in the past, not a hedge
            hypothesis = None if attribution else _hypothesis_before(sent, t.start)
            subject = _subject_fr(sent, t.i)
            if hypothesis:
                cues.append(
                    Cue(
                        "commentary",
                        f"hypothetical conditional (after «{hypothesis}»)",
                        t.start,
                        t.end,
                        t.text,
                        subject=subject,
                    )
                )
            else:
                cues.append(Cue("reported", "conditional", t.start, t.end, t.text, subject=subject))
    for m in _ACCUSED_FR.finditer(text):
        if "réception" in text[m.end() : m.end() + 15]:
            continue
        subject = _accused_subject(sent, m.start(), m.end())
        cues.append(Cue("accused", "accusation", m.start(), m.end(), m.group(0), subject=subject))
    denial_spans = []
    for m in _DENIAL_FR.finditer(text):
        if _NEGATION_FR.search(text[: m.start()]) and (
            _NEGATION_FR_AFTER.match(text[m.end() :])
            or re.search(r"\b(?:pas|jamais|plus)\s+(?:\S+\s+)?$", text[: m.start()], re.I)
        ):
            continue  # "ne nie pas", "n'a pas démenti": not a denial
        tok = _token_at(sent, m.start())
        subject = _subject_fr(sent, tok.i) if tok else None
        status = "reported" if subject and subject[0] == "unnamed" else "stated"
        cues.append(
            Cue(status, "denial", m.start(), m.end(), m.group(0), denial=True, subject=subject)
        )
        denial_spans.append((m.start(), m.end()))
    speech = False
    for t in toks:
        lemma = _speech_lemma(t)
        if lemma is None or _in_quotes(text, t.start):
            continue
        if t.text.lower() == lemma:
            continue  # an infinitive ("comment expliquer ?") says nobody spoke
        if any(is_conditional(p.text, p.lemma, p.mood) for p in toks[max(0, t.i - 2) : t.i]):
            continue  # "il aurait dit": the speech itself is reported; the conditional says so
        if lemma == "dire" and (
            t.text.lower() not in _DIRE_FORMS
            or re.search(
                r"(?:soi-|autrement\s+|c['’]est-à-|pour\s+ainsi\s+|à\s+vrai\s+)$",
                text[: t.start],
                re.I,
            )
        ):
            continue
        if t.pos in ("NOUN", "ADJ", "PROPN") and lemma != t.text.lower():
            continue  # "une réponse précise", "un ennemi déclaré"
        if any(a <= t.start < b for a, b in denial_spans):
            continue
        subject = _subject_fr(sent, t.i)
        speech = True
        if subject and subject[0] == "unnamed":
            cues.append(
                Cue(
                    "reported",
                    "speech verb, unnamed source",
                    t.start,
                    t.end,
                    t.text,
                    subject=subject,
                )
            )
        else:
            cues.append(Cue("stated", "speech verb", t.start, t.end, t.text, subject=subject))
    cues.extend(_quote_cues(sent, speech, bool(unnamed_source)))
    return cues


def _speech_lemma(t: Token) -> str | None:
    """The speech verb a token is, if any; guesses first-group lemmas when the lemmatizer failed."""
    lemma = t.lemma.lower()
    if lemma in _SPEECH_FR:
        return lemma
    w = t.text.lower()
    for ending in ("aient", "ait", "ent", "ées", "és", "ée", "é", "es", "e", "ant"):
        if w.endswith(ending) and w[: -len(ending)] + "er" in _SPEECH_FR:
            return w[: -len(ending)] + "er"  # "indique" lemmatised "indique": indiquer
    return None


def _is_person(sent: Sentence, mention: object) -> bool:
    return bool(getattr(mention, "person", False))


def _token_at(sent: Sentence, pos: int) -> Token | None:
    for t in sent.tokens:
        if t.start <= pos < t.end:
            return t
    return None


def _accused_subject(sent: Sentence, start: int, end: int) -> tuple[str, int, int] | None:
    """Who is accused: the name an ``accusé`` follows; for ``X accuse Y``, the name after the
    verb."""
    word = sent.text[start:end].lower()
    before = sent.text[:start]
    active = word in (
        "accuse",
        "accusent",
        "accusait",
        "accusaient",
        "accuses",
        "accusing",
    ) or bool(re.search(r"\b(?:a|ont|avait|avaient|has|have|had)\s+$", before, re.I))
    if active:
        for m in sent.mentions:
            if m.start >= end and not m.attribution:
                return ("mention", m.start, m.end)
    for m in reversed(sent.mentions):
        if m.end <= start and not m.attribution:
            return ("mention", m.start, m.end)
    return _subject_by_position(sent, start, end, _UNNAMED_FR | _UNNAMED_EN)


def _cues_en(sent: Sentence) -> list[Cue]:
    text = sent.text
    cues: list[Cue] = []
    unnamed_source = list(_UNNAMED_SOURCE_EN.finditer(text))
    for m in unnamed_source:
        cues.append(Cue("reported", "unnamed source", m.start(), m.end(), m.group(0)))
    for m in re.finditer(
        r"\b(?:reportedly|purportedly|(?:is|are|was|were)\s+(?:said|believed|thought|understood|"
        r"reported)\s+to)\b",
        text,
        re.IGNORECASE,
    ):
        subject = _subject_by_position(sent, m.start(), m.start(), _UNNAMED_EN)
        cues.append(
            Cue(
                "reported",
                m.group(0).split()[0].lower() if " " not in m.group(0) else "is said to",
                m.start(),
                m.end(),
                m.group(0),
                subject=subject,
            )
        )
    for m in re.finditer(r"\baccording\s+to\b", text, re.IGNORECASE):
        named = [x for x in sent.mentions if m.end() < x.start <= m.end() + 6]
        pron = re.match(r"\s*(him|her|them)\b", text[m.end() :], re.I)
        person = bool(named) and _is_person(sent, named[0])
        subject = ("mention", named[0].start, named[0].end) if person else None
        cues.append(
            Cue(
                "stated" if (person or pron) else "reported",
                "according to",
                m.start(),
                m.end(),
                m.group(0),
                subject=subject,
            )
        )
    for m in _ACCUSED_EN.finditer(text):
        cues.append(
            Cue(
                "accused",
                "accusation",
                m.start(),
                m.end(),
                m.group(0),
                subject=_accused_subject(sent, m.start(), m.end()),
            )
        )
    denial_spans = []
    for m in _DENIAL_EN.finditer(text):
        if _NEGATION_EN.search(text[: m.start()]):
            continue  # "did not deny"
        subject = _subject_by_position(sent, m.start(), m.end(), _UNNAMED_EN)
        status = "reported" if subject and subject[0] == "unnamed" else "stated"
        cues.append(
            Cue(status, "denial", m.start(), m.end(), m.group(0), denial=True, subject=subject)
        )
        denial_spans.append((m.start(), m.end()))
    speech = False
    for m in re.finditer(rf"\b(?:{_SPEECH_EN})\b", text, re.IGNORECASE):
        if _in_quotes(text, m.start()) or any(a <= m.start() < b for a, b in denial_spans):
            continue
        if re.search(r"\b(?:is|are|was|were)\s+$", text[: m.start()], re.I):
            continue  # "is said to": the reported rule above
        subject = _subject_by_position(sent, m.start(), m.end(), _UNNAMED_EN)
        speech = True
        if subject and subject[0] == "unnamed":
            cues.append(
                Cue(
                    "reported",
                    "speech verb, unnamed source",
                    m.start(),
                    m.end(),
                    m.group(0),
                    subject=subject,
                )
            )
        else:
            cues.append(
                Cue("stated", "speech verb", m.start(), m.end(), m.group(0), subject=subject)
            )
    cues.extend(_quote_cues(sent, speech, bool(unnamed_source)))
    return cues


def sentence_subject(sent: Sentence, lang: str = "fr") -> tuple[str, int, int] | None:
    """The subject of the sentence's main verb (French parse), or its first named actor."""
    if lang == "fr":
        root = next((t for t in sent.tokens if t.dep == "ROOT"), None)
        if root is not None:
            for t in sent.tokens:
                if t.head == root.i and t.i != root.i and t.dep in ("nsubj", "nsubj:pass"):
                    return _classify(sent, t, _UNNAMED_FR)
    first = sent.tokens[0].text.lower() if sent.tokens else ""
    if first in _PRONOUNS:
        return ("pronoun", 0, len(first))
    # A name after a preposition ("pour Donald Trump", "avec Poutine") is not who the sentence is
    # about.
    for m in sent.mentions:
        if not m.attribution and not _PREPOSITION.search(sent.text[: m.start]):
            return ("mention", m.start, m.end)
    return None


def find_cues(sent: Sentence, lang: str = "fr") -> list[Cue]:
    """Every cue of a sentence, in order of position.

    Parameters
    ----------
    sent : explainer.draft.extract.Sentence
        A sentence with its tokens and actor mentions (from
        :func:`explainer.draft.extract.analyse`).
    lang : str
        ``"fr"`` or ``"en"``.
    """
    cues = _cues_fr(sent) if lang == "fr" else _cues_en(sent)
    cues.sort(key=lambda c: (c.start, c.end))
    return cues
