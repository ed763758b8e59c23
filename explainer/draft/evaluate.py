"""How good are the drafter's suggestions? Measured against our hand-made dataset.

The drafter drafts the bundled article (``data/sources/<id>.txt``), then each suggestion is held
against the hand-made claims of that article (``layer`` = article, with a paragraph and a quote):

- a draft row *matches* a hand-made claim when they are in the same paragraph and the hand-made
  quote lies inside the draft row's sentence (or overlaps it by at least half the quote, for a quote
  that runs over two sentences);
- **recall** for a status: of the hand-made claims with that status, the share that a matching draft
  row flags the same way;
- **precision**: of the draft rows flagged with that status, the share that match a hand-made claim
  with that status.

``denial`` is a kind, not a status: it counts rows whose kind is ``denial``. Run it with
``python -m explainer.draft.evaluate [FOLDER]`` (or ``python benchmarks/evaluate_drafter.py``).
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Evaluation", "evaluate"]

FLAGS = ("reported", "accused", "stated", "denial")
GOALS = {"reported": (0.90, 0.80)}  # recall, precision


@dataclass
class Evaluation:
    """The evaluation table, and the rows behind each figure.

    Attributes
    ----------
    table : list of dict
        One row per flag: ``flag``, ``hand_made``, ``found``, ``recall``, ``drafted``, ``correct``,
        ``precision``.
    missed : list of str
        Hand-made claims no draft row flagged the same way.
    wrong : list of str
        Draft flags that match no hand-made claim with that flag.
    """

    table: list[dict[str, object]]
    missed: list[str]
    wrong: list[str]

    def __str__(self) -> str:
        lines = [
            f"{'flag':<10}{'hand-made':>10}{'found':>7}{'recall':>8}   "
            f"{'drafted':>8}{'correct':>8}{'precision':>10}   goal"
        ]
        for r in self.table:
            goal = GOALS.get(str(r["flag"]))
            goal_text = f"recall >= {goal[0]:.0%}, precision >= {goal[1]:.0%}" if goal else ""
            lines.append(
                f"{r['flag']!s:<10}{r['hand_made']:>10}{r['found']:>7}{_pct(r['recall']):>8}   "
                f"{r['drafted']:>8}{r['correct']:>8}{_pct(r['precision']):>10}   {goal_text}"
            )
        return "\n".join(lines)

    def met(self) -> bool:
        """Whether every goal (reported: recall >= 90%, precision >= 80%) is met."""
        for r in self.table:
            goal = GOALS.get(str(r["flag"]))
            if goal and not (
                (r["recall"] or 0) >= goal[0] and (r["precision"] or 0) >= goal[1]  # type: ignore[operator]
            ):
                return False
        return True


def _pct(value: object) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _flags(row: dict[str, str]) -> set[str]:
    out = {row["status"]} & set(FLAGS)
    if row["kind"] == "denial":
        out.add("denial")
    return out


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [dict(r) for r in csv.DictReader(f)]


def evaluate(folder: str | Path | None = None) -> Evaluation:
    """Draft the bundled article and hold the draft against the hand-made claims.

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        A dataset folder with hand-made claims of articles whose text is in ``sources/<id>.txt``.
        Default: the bundled ``data/``.

    Returns
    -------
    Evaluation
    """
    from explainer.dataset import DATA_DIR
    from explainer.draft.draft import draft_text

    folder = Path(folder) if folder is not None else DATA_DIR
    claims = _read(folder / "claims.csv")
    sources = {r["id"]: r for r in _read(folder / "sources.csv")}
    actors = _read(folder / "actors.csv")
    hand = [
        r
        for r in claims
        if r.get("layer") == "article"
        and r.get("quote")
        and r.get("paragraph")
        and (folder / "sources" / f"{r['source']}.txt").exists()
    ]
    counts = {f: {"hand_made": 0, "found": 0, "drafted": 0, "correct": 0} for f in FLAGS}
    missed: list[str] = []
    wrong: list[str] = []
    for source_id in dict.fromkeys(r["source"] for r in hand):
        src = sources[source_id]
        text = (folder / "sources" / f"{source_id}.txt").read_text(encoding="utf-8")
        result = draft_text(
            text,
            lang=src["language"],
            date=src["published"],
            source_id=source_id,
            known_actors=actors,
        )
        paragraphs = result.paragraphs
        rows = {r["id"]: r for r in result.claims}

        def span_of(
            claim: dict[str, str], paragraphs: list[str] = paragraphs
        ) -> tuple[int, int, int]:
            p = int(claim["paragraph"])
            para = _norm(paragraphs[p - 1]) if p <= len(paragraphs) else ""
            q = _norm(claim["quote"])
            at = para.find(q)
            return (p, at, at + len(q)) if at >= 0 else (p, -1, -1)

        def overlaps(h: tuple[int, int, int], d: tuple[int, int, int]) -> bool:
            if h[0] != d[0] or h[1] < 0:
                return False
            inside = d[1] <= h[1] and h[2] <= d[2]
            shared = min(h[2], d[2]) - max(h[1], d[1])
            return inside or shared >= (h[2] - h[1]) / 2

        # Hand-made spans are found in the whitespace-normalised paragraph: so are the draft's.
        spans = {}
        for cid, (p, a, b) in result.spans.items():
            para = paragraphs[p - 1]
            spans[cid] = (p, len(_norm(para[:a] + "x")) - 1, len(_norm(para[:b] + "x")) - 1)
        hand_spans = [(h, span_of(h)) for h in hand if h["source"] == source_id]
        for flag in FLAGS:
            for h, hs in hand_spans:
                if flag not in _flags(h):
                    continue
                counts[flag]["hand_made"] += 1
                if any(flag in _flags(rows[cid]) and overlaps(hs, ds) for cid, ds in spans.items()):
                    counts[flag]["found"] += 1
                else:
                    missed.append(f"{flag}: {h['id']} (paragraph {h['paragraph']}): {h['quote']}")
            for cid, ds in spans.items():
                if flag not in _flags(rows[cid]):
                    continue
                counts[flag]["drafted"] += 1
                if any(flag in _flags(h) and overlaps(hs, ds) for h, hs in hand_spans):
                    counts[flag]["correct"] += 1
                else:
                    wrong.append(
                        f"{flag}: {cid}: {rows[cid]['quote']} [{rows[cid]['review'].split(';')[0]}]"
                    )
    table = []
    for flag in FLAGS:
        c = counts[flag]
        table.append(
            {
                "flag": flag,
                **c,
                "recall": c["found"] / c["hand_made"] if c["hand_made"] else None,
                "precision": c["correct"] / c["drafted"] if c["drafted"] else None,
            }
        )
    return Evaluation(table, missed, wrong)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation table, then what was missed and what was flagged wrongly."""
    args = sys.argv[1:] if argv is None else argv
    result = evaluate(args[0] if args else None)
    print("The drafter against the hand-made claims of the bundled article")
    print(result)
    if result.missed:
        print("\nMissed (hand-made claims no draft row flagged the same way):")
        print("\n".join(f"  {m}" for m in result.missed))
    if result.wrong:
        print("\nWrong flags (draft rows that match no hand-made claim with that flag):")
        print("\n".join(f"  {w}" for w in result.wrong))
    print("\nGoal met." if result.met() else "\nGoal not met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
