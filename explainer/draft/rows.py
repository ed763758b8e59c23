"""The rows of a draft: one per sentence and suggested status (see :mod:`explainer.draft.draft`).

For each sentence: its cues grouped by status (a denial joins the group of its status), who the
claim is about (the cue's subject, else the sentence's; a pronoun or a description is resolved to
the person named last in the paragraph, or the article's protagonist), the target and the others
named, the kind guessed from the words, the date nearest the cue, a quote of at most 25 words
that keeps the cue, and the review notes that say what was guessed. A denial is linked to the
hedge it most likely answers (``responds_to``).
"""

from __future__ import annotations

import re
from collections import OrderedDict

from explainer import schema
from explainer.draft.cues import Cue, sentence_subject
from explainer.draft.extract import Analysis
from explainer.draft.model import Sentence

__all__ = ["MAX_WORDS", "claim_rows", "columns"]

MAX_WORDS = 25
_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "he", "she", "they"}

_KIND_WORDS = [  # first match wins; lemmas (French) and words (English)
    (
        "influence",
        r"convain\w*|convainc\w*|influen\w*|persua\w*|pouss\w*|pression\w*|manipul\w*|"
        r"renonc\w*|sway\w*|pressur\w*|talked\s+\w+\s+into",
    ),
    (
        "contact",
        r"parl\w*|discut\w*|conversation\w*|relation\w*|liens?|contacts?|rencontr\w*|"
        r"appel\w*|coup\s+de\s+fil|entretien\w*|échang\w*|téléphon\w*|talk\w*|spoke|speak\w*|"
        r"calls?|called|met|meet\w*|ties|relationship\w*",
    ),
    (
        "stance",
        r"admir\w*|soutien\w*|soutient|soutenu|considèr\w*|revendiqu\w*|critiqu\w*|espèr\w*|"
        r"ambition\w*|milit\w*|défend\w*|intérêt|proches?|support\w*|prais\w*|oppos\w*|"
        r"hopes?|wants?|favou?r\w*",
    ),
    (
        "action",
        r"déploy\w*|bloqu\w*|lanc\w*|publi\w*|diffus\w*|propos\w*|envo\w*|financ\w*|"
        r"achet\w*|vot\w*|partag\w*|utilis\w*|deploy\w*|block\w*|launch\w*|post\w*|shar\w*|"
        r"sen[dt]\w*|fund\w*|bought|buy\w*|used?|using",
    ),
]
_KIND_RES = [(kind, re.compile(rf"\b(?:{pat})\b", re.IGNORECASE)) for kind, pat in _KIND_WORDS]


def columns(table: str) -> list[str]:
    """The column names of a table, in the descriptor's order."""
    return [f["name"] for f in schema.fields(table)]


def _quote(sentence: str, cue_start: int | None) -> str:
    """At most 25 words of the sentence, verbatim, keeping the cue inside."""
    words = list(re.finditer(r"\S+", sentence))
    if len(words) <= MAX_WORDS:
        return sentence.strip()
    at = 0
    if cue_start is not None:
        at = next((i for i, w in enumerate(words) if w.end() > cue_start), 0)
    first = 0 if at < MAX_WORDS - 4 else max(0, min(at - MAX_WORDS // 2, len(words) - MAX_WORDS))
    last = first + MAX_WORDS - 1
    return sentence[words[first].start() : words[last].end()]


def _guess_kind(sent: Sentence, status: str, denial: bool) -> str:
    if denial:
        return "denial"
    if status == "commentary":
        return "assessment"
    lemmas = " ".join(t.lemma or t.text for t in sent.tokens) if sent.tokens else ""
    for kind, pattern in _KIND_RES:
        if pattern.search(sent.text) or (lemmas and pattern.search(lemmas)):
            return kind
    return "action"


def _when(sent: Sentence, cue: Cue | None, fallback: str) -> tuple[str, str | None]:
    if not sent.dates:
        return fallback, None
    pos = cue.start if cue is not None else 0
    best = min(sent.dates, key=lambda d: abs(d.start - pos))
    return best.edtf, best.text


class _Context:
    """What the actor rules remember from one sentence to the next."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.last_actor: dict[int, str] = {}  # paragraph -> the last row's actor, if a person
        self.position = 0

    def resolve(
        self, sent: Sentence, subject: tuple[str, int, int] | None
    ) -> tuple[str | None, str]:
        """(actor id, how it was found): named, or guessed from a pronoun or description."""
        kind = subject[0] if subject else None
        if kind == "mention":
            m = sent.mention_at(subject[1], subject[2])  # type: ignore[index]
            if m is not None:
                return m.actor, "named"
        if kind == "pronoun":
            before = [
                m
                for m in sent.mentions
                if m.end <= subject[1] and m.person and not m.attribution  # type: ignore[index]
            ]
            if before:
                return before[0].actor, "guessed from a pronoun"
            if sent.paragraph in self.last_actor:
                return self.last_actor[sent.paragraph], "guessed from a pronoun"
        unnamed = not any(not m.attribution for m in sent.mentions)
        if kind is None and unnamed and sent.paragraph in self.last_actor:
            return self.last_actor[sent.paragraph], "guessed (no name in the sentence)"
        if kind is None:
            named = [m for m in sent.mentions if not m.attribution]
            if named:
                return named[0].actor, "named"
        main = self.analysis.protagonist(self.position + 1)
        if main is not None:
            return main, "guessed (no name in the sentence)"
        return None, ""


def _rows_for(
    sent: Sentence, ctx: _Context, source_id: str, published: str, fallback: str
) -> list[dict[str, str]]:
    cues = sent.cues
    denial = next((c for c in cues if c.denial), None)
    groups: OrderedDict[str, list[Cue]] = OrderedDict()
    for c in cues:
        if c.denial:
            continue
        groups.setdefault(c.status, []).append(c)
    if denial is not None:
        status = "reported" if "reported" in groups else denial.status
        groups.setdefault(status, []).insert(0, denial)
    named = [m for m in sent.mentions if not m.attribution]
    pronoun_start = bool(sent.tokens) and sent.tokens[0].text.lower() in _SUBJECT_PRONOUNS
    if not groups:
        if not named and not pronoun_start:
            return []
        groups["established"] = []
    rows = []
    for status, group in groups.items():
        main = group[0] if group else None
        subject = next((c.subject for c in group if c.subject), None)
        if subject is None:  # no cue, or a cue that names nobody (selon, quotation marks)
            subject = sentence_subject(sent, ctx.analysis.lang)
        actor, how = ctx.resolve(sent, subject)
        if actor is None:
            continue
        others = OrderedDict.fromkeys(
            m.actor
            for m in sorted(sent.mentions, key=lambda m: (m.attribution, m.start))
            if m.actor != actor
        )
        target = next(
            (m.actor for m in sent.mentions if not m.attribution and m.actor != actor), ""
        )
        involves = [a for a in others if a not in (actor, target)]
        is_denial = any(c.denial for c in group)
        kind = _guess_kind(sent, status, is_denial)
        when, date_text = _when(sent, main, fallback)
        notes = []
        if main is None:
            notes.append(
                "no cue found: established, or the journalist's commentary? check the status"
            )
        else:
            also = [c.describe() for c in group[1:]]
            notes.append(
                f"status {status} suggested by {main.describe()}"
                + (f" (also {', '.join(also)})" if also else "")
            )
            if main.name == "quotation marks":
                notes.append("whose words are in quotation marks? (scare quotes are commentary)")
        if not is_denial:
            notes.append(f"kind guessed: {kind}")
        if how != "named":
            notes.append(f"actor {how}: {actor}")
        new = [a for a in sent.new_actors if a in (actor, target) or a in involves]
        if new:
            notes.append("new actor(s) to check in actors.csv: " + ", ".join(new))
        notes.append(
            f"when from «{date_text}»" if date_text else f"no date in the sentence: when {when}"
        )
        notes.append("write the summaries")
        row = {c: "" for c in columns("claims")}
        row.update(
            id=f"p{sent.paragraph}-s{sent.index}-{status}",
            when=when,
            public_since=published,
            actor=actor,
            target=target,
            involves=";".join(involves),
            kind=kind,
            status=status,
            quote=_quote(sent.text, main.start if main else None),
            source=source_id,
            paragraph=str(sent.paragraph),
            layer="article",
            review="; ".join(notes),
        )
        rows.append(row)
        if ctx.analysis.registry.actors[actor].type == "person":
            ctx.last_actor[sent.paragraph] = actor  # what "il" or "elle" may refer to next
    return rows


class _Hedges:
    """The reported and accused rows so far (what a denial may answer), indexed by actor and
    paragraph: a long article has thousands, and every denial looks among them."""

    def __init__(self) -> None:
        self.rows: list[dict[str, str]] = []
        self.about: dict[str, list[dict[str, str]]] = {}  # actor or target -> rows
        self.in_paragraph: dict[str, list[dict[str, str]]] = {}
        self.about_in_paragraph: dict[tuple[str, str], list[dict[str, str]]] = {}

    def add(self, row: dict[str, str]) -> None:
        self.rows.append(row)
        self.in_paragraph.setdefault(row["paragraph"], []).append(row)
        for actor in dict.fromkeys((row["actor"], row["target"])):
            self.about.setdefault(actor, []).append(row)
            self.about_in_paragraph.setdefault((actor, row["paragraph"]), []).append(row)


def _denied(row: dict[str, str], sent: Sentence, hedges: _Hedges) -> str:
    """A guess at the claim a denial answers: the first hedge of its paragraph about the denier
    whose kind matches what is denied ("dément tout lien": a contact), else the latest about the
    denier (about anyone when none is about the denier)."""
    about = hedges.about.get(row["actor"])
    if about:
        scope = hedges.about_in_paragraph.get((row["actor"], row["paragraph"]), [])
    else:
        about, scope = hedges.rows, hedges.in_paragraph.get(row["paragraph"], [])
    denied = next((k for k, pattern in _KIND_RES if pattern.search(sent.text)), None)
    same = next((h for h in scope if denied is None or h["kind"] == denied), None)
    return (same or about[-1])["id"]


def claim_rows(
    analysis: Analysis, source_id: str, published: str, fallback: str
) -> tuple[list[dict[str, str]], list[str], dict[str, tuple[int, int, int]]]:
    """The claims rows of an analysed article, the sentences with a cue but no actor (left out),
    and where each row's sentence is (paragraph, start, end)."""
    claims: list[dict[str, str]] = []
    left_out = []
    spans: dict[str, tuple[int, int, int]] = {}
    ctx = _Context(analysis)
    hedges = _Hedges()
    for n, sent in enumerate(analysis.sentences):
        ctx.position = n
        rows = _rows_for(sent, ctx, source_id, published, fallback)
        if not rows and sent.cues:
            left_out.append(
                f"paragraph {sent.paragraph}, sentence {sent.index} ({sent.cues[0].describe()}): "
                "no actor found"
            )
        for row in rows:
            spans[row["id"]] = (sent.paragraph, sent.start, sent.start + len(sent.text))
            if row["kind"] == "denial" and hedges.rows:
                guess = _denied(row, sent, hedges)
                row["responds_to"] = guess
                row["review"] = row["review"].replace(
                    "; write the summaries", f"; responds_to guessed: {guess}; write the summaries"
                )
            elif row["status"] in ("reported", "accused"):
                hedges.add(row)
        claims.extend(rows)
    return claims, left_out, spans
