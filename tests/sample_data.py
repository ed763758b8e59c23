"""A small hand-made dataset (every date form, status and kind) as rows, and ``write_dataset``.

Plain module, not a conftest: test files import it by name (``from sample_data import ...``), which
a conftest cannot offer once tests/browser has a conftest of its own.
"""

from __future__ import annotations

import csv
from pathlib import Path

from explainer.schema import fields

ACTORS = [
    # id, name, name_fr, role, country, type
    ("musk", "Elon Musk", "Elon Musk", "head of SpaceX, Tesla and X", "US", "person"),
    ("putin", "Vladimir Putin", "Vladimir Poutine", "president of Russia", "RU", "person"),
    ("kiriyenko", "Sergei Kiriyenko", "Sergueï Kirienko", "Kremlin official", "RU", "person"),
    ("kremlin", "the Kremlin", "le Kremlin", "Russian presidency", "RU", "organisation"),
    ("xi", "Xi Jinping", "Xi Jinping", "president of China", "CN", "person"),
    ("ukraine", "Ukraine", "Ukraine", "state", "UA", "state"),
    ("numerama", "Numerama", "Numerama", "French tech news site", "FR", "outlet"),
]

SOURCES = [
    # id, outlet, title, url, published, language, note
    ("numerama", "Numerama", "Elon Musk et Vladimir Poutine", "https://www.numerama.com/a.html",
     "2024-10-25", "fr", ""),
    ("record", "Public record", "Dated public events", "", "2024", "en", "added as context"),
]  # fmt: skip

# One row per case the figures must draw: a day, a month, a year, "about" a year, "since", an
# interval; influence and contact links; a denial answering a claim; commentary; no target.
CLAIMS = [
    # id, when, public_since, actor, target, involves, kind, status, summary_en, summary_fr, quote,
    # source, paragraph, responds_to, layer
    ("c-spacex", "2002~", "2024-10-24", "musk", "", "", "action", "reported",
     "According to the WSJ, Musk became interested in Russia around 2002, seeking SpaceX support.",
     "Selon le WSJ, Musk s'intéresse à la Russie vers 2002, en cherchant des soutiens pour SpaceX.",
     "Elon Musk aurait initialement développé un intérêt pour la Russie en 2002", "numerama", 8,
     "", "article"),
    ("c-talk-2021", "2021-04", "2022-10", "musk", "putin", "", "contact", "stated",
     "Musk said he had spoken to Putin in April 2021.",
     "Musk a affirmé avoir parlé à Poutine en avril 2021.",
     "Elon Musk affirmait alors avoir déjà parlé à Vladimir Poutine en avril 2021", "numerama", 5,
     "", "article"),
    ("c-starlink-ua", "2022-02-26", "2022-02-26", "musk", "ukraine", "", "action", "established",
     "Starlink was switched on in Ukraine.", "Starlink est activé en Ukraine.", "", "record", None,
     "", "context"),
    ("c-contact", "2022/..", "2024-10-24", "musk", "putin", "", "contact", "reported",
     "According to the WSJ, Musk has been in regular contact with Putin since 2022.",
     "Selon le WSJ, Musk est en contact régulier avec Poutine depuis 2022.",
     "Le milliardaire serait en relation constante avec Vladimir Poutine", "numerama", 6, "",
     "article"),
    ("c-kiriyenko", "2022/..", "2024-10-24", "musk", "kiriyenko", "", "contact", "reported",
     "According to the WSJ, Musk talks with Kremlin official Sergei Kiriyenko.",
     "Selon le WSJ, Musk discute avec Sergueï Kirienko, un responsable du Kremlin.",
     "Il continuerait d'avoir des conversations avec des officiels", "numerama", 6, "", "article"),
    ("c-starlink-limit", "2022", "2024-10-24", "putin", "musk", "", "influence", "reported",
     "According to the WSJ, Putin persuaded Musk to restrict Starlink in some war zones.",
     "Selon le WSJ, Poutine a convaincu Musk de restreindre Starlink dans certaines zones.",
     "Il l'aurait notamment convaincu de bloquer Starlink", "numerama", 10, "", "article"),
    ("c-taiwan", "2022", "2024-10-24", "putin", "musk", "xi", "influence", "reported",
     "According to the WSJ, Putin asked Musk not to offer Starlink over Taiwan, as a favour to Xi.",
     "Selon le WSJ, Poutine a demandé à Musk de ne pas ouvrir Starlink à Taïwan, pour Xi.",
     "l'aurait fait renoncer au lancement de Starlink à Taïwan", "numerama", 10, "", "article"),
    ("c-poll", "2022-10-03", "2022-10-03", "musk", "", "ukraine", "action", "established",
     "Musk posted a poll on X proposing that Crimea stay with Russia.",
     "Musk publie sur X un sondage proposant de laisser la Crimée à la Russie.",
     "Dans un sondage publié sur X en 2022", "numerama", 11, "", "article"),
    ("c-call", "2022-10", "2024-10-24", "kremlin", "musk", "", "influence", "reported",
     "According to the WSJ, a call from the Kremlin preceded the poll.",
     "Selon le WSJ, un appel du Kremlin a précédé le sondage.",
     "ce sondage avait été précédé d'un coup de fil du Kremlin", "numerama", 11, "", "article"),
    ("c-propaganda", "2024", "2024-10-25", "kiriyenko", "", "", "action", "accused",
     "Kiriyenko is accused of using social networks such as X to spread propaganda.",
     "Kirienko est accusé d'utiliser les réseaux sociaux comme X pour diffuser de la propagande.",
     "qui est accusé d'utiliser les réseaux sociaux comme X", "numerama", 6, "", "article"),
    ("c-smart", "2022/2024", "2024-10-25", "putin", "musk", "", "stance", "stated",
     "Putin has called Musk 'a very intelligent person' in interviews.",
     "Poutine a qualifié Musk de « personne très intelligente » dans des interviews.",
     "qu'il qualifie dans des interviews de « personne très intelligente »", "numerama", 10, "",
     "article"),
    ("c-denial", "2024-10-24", "2024-10-24", "musk", "", "", "denial", "stated",
     "Musk denies any link.", "Musk dément tout lien.", "Elon Musk dément tout lien", "numerama",
     6, "c-contact", "article"),
    ("c-power", "2024-10", "2024-10-25", "numerama", "musk", "", "assessment", "commentary",
     "In the journalist's view, being close to world leaders is Musk's only way to power.",
     "Pour le journaliste, être proche des dirigeants est le seul moyen pour Musk d'être puissant.",
     "Être proche des leaders de la planète est son seul moyen de toucher au pouvoir", "numerama",
     13, "", "article"),
]  # fmt: skip

HOSTILE_SUMMARY = "<script>alert('x')</script> & <b>bold</b>"
HOSTILE_QUOTE = '<img src=x onerror="alert(1)">'


def write_dataset(
    folder: Path,
    actors: list[tuple] = ACTORS,
    sources: list[tuple] = SOURCES,
    claims: list[tuple] = CLAIMS,
) -> Path:
    """Write ``actors.csv``, ``sources.csv`` and ``claims.csv`` into ``folder``; rows in file order.

    Claim rows may leave out the trailing ``review`` column.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("actors", actors), ("sources", sources), ("claims", claims)):
        header = [f["name"] for f in fields(name)]
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                cells = ["" if v is None else v for v in row]
                writer.writerow(cells + [""] * (len(header) - len(cells)))
    return folder
