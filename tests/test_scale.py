"""Archive scale (issue 14): what can be asserted about work that grows with its input.

Times and sizes are the benchmark's (benchmarks/scale.py prints them); here, behaviour only.
"""

from __future__ import annotations

import subprocess
import sys


def test_import_explainer_loads_no_pandera_until_validation_is_asked_for():
    out = subprocess.run(
        [sys.executable, "-c", "import explainer, sys; print('pandera' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout  # fmt: skip
    assert out.strip() == "False"


def test_validation_still_loads_pandera_and_finds_the_bundled_dataset_clean():
    code = (
        "import sys, explainer\n"
        "problems = explainer.validate()\n"
        "print('pandera' in sys.modules, sum(p.severity == 'error' for p in problems))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    assert out.split() == ["True", "0"]
