"""Reading an article: its file, its paragraphs and its sentences.

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
Overlong sentences
    A stretch of more than ``MAX_SENTENCE_CHARS`` characters with no sentence end (a list or a
    table pasted without full stops) is read in pieces of at most that many, cut at a space
    (:func:`cut_long`): spaCy's parser needs about 1 GB of memory per 100,000 characters of one
    text and refuses a million, and a news sentence has a few hundred.
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer.draft.model import DraftError

__all__ = ["MAX_SENTENCE_CHARS", "cut_long", "read_article", "split_paragraphs", "split_sentences"]


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


MAX_SENTENCE_CHARS = 10_000


def cut_long(
    paragraph: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS
) -> tuple[list[tuple[int, int]], int]:
    """The sentence spans with none longer than ``limit``, and how many were cut.

    A longer span is cut at the last space before ``limit`` characters (at ``limit`` when it has
    none), its pieces without their edge spaces, as :func:`split_sentences` leaves them out.
    """
    out: list[tuple[int, int]] = []
    cut = 0
    for start, end in spans:
        if end - start > limit:
            cut += 1
        while end - start > limit:
            at = paragraph.rfind(" ", start + 1, start + limit + 1)
            stop = at if at > start else start + limit
            while paragraph[stop - 1].isspace():
                stop -= 1  # the piece starts with a non-space, so this stops inside it
            out.append((start, stop))
            start = stop
            while start < end and paragraph[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out, cut


def _word_before(text: str, at: int) -> str:
    """The run of non-spaces ending at ``at`` (``(\\S+)$`` on ``text[:at]``, one final newline
    allowed as ``$`` does), or ""; its cost is the word's length, not ``at``."""
    end = at - 1 if at and text[at - 1] == "\n" else at
    begin = end
    while begin and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


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
