"""What a kernel pays to show the Explorer: every Voila page load starts one.

Measured sizes and times are the benchmark's (benchmarks/interaction.py prints the kernel's memory);
here, what can be asserted: heavy modules that no view needs are not loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys


def run(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_widgets_do_not_compile_the_iri_grammars_but_leave_them_importable():
    found = run(
        "import json, sys\n"
        "import explainer.widgets\n"
        "before = 'rfc3987_syntax' in sys.modules\n"
        "figurewidget = 'plotly.basewidget' in sys.modules\n"
        "jsonschema = 'jsonschema' in sys.modules\n"
        "import rfc3987_syntax\n"
        "print(json.dumps({'before': before, 'figurewidget': figurewidget,\n"
        "                  'jsonschema': jsonschema, 'after': rfc3987_syntax.__name__}))\n"
    )
    # plotly's FigureWidget (and through it jsonschema) is loaded, without rfc3987_syntax...
    assert found["figurewidget"] and found["jsonschema"]
    assert found["before"] is False
    # ...which a later import still gets: nothing is blocked for good.
    assert found["after"] == "rfc3987_syntax"
