"""Date phrases in French and English, read into EDTF (:func:`find_dates`).

``en 2002`` → ``2002``, ``avril 2021`` → ``2021-04``, ``le 3 octobre 2022`` → ``2022-10-03``,
``depuis 2022`` → ``2022/..``, ``jusqu'en 2021`` → ``../2021``, ``vers 2002`` → ``2002~``,
``entre 2020 et 2022`` → ``2020/2022``, ``les années 2010`` → ``201X``, and the same in English
(``in April 2021``, ``since 2022``, ``on 3 October 2022``, ``October 3, 2022``). A bare number
counts as a year only after a word that introduces a date (en, depuis, dès, in, since...), so
"2002 personnes" is not a date. A day or month without a year is not read: no precision is
invented. Both languages' phrases are read whatever the article's language: articles quote each
other.
"""

from __future__ import annotations

import re

from explainer.draft.model import DateHit

__all__ = ["MONTH_NUMBERS", "find_dates"]

MONTH_NUMBERS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
    "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}  # fmt: skip
_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))
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


def _point_value(m: re.Match) -> str | None:
    g = m.groupdict()

    def month(name: str) -> int:
        return MONTH_NUMBERS[name.lower()]

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
