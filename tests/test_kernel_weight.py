"""What a kernel pays to show the Explorer: every Voila page load starts one.

Measured sizes and times are the benchmark's (benchmarks/interaction.py prints the kernel's memory);
here, what can be asserted: heavy modules that no view needs are not loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_widgets_leave_nbformat_out_until_plotly_shows_a_figure():
    found = run(
        "import json, sys\n"
        "import explainer.widgets\n"
        "import plotly.graph_objects as go, plotly.io as pio\n"
        "heavy = ('nbformat', 'jsonschema', 'arrow', 'isoduration', 'rfc3987_syntax')\n"
        "before = [m for m in heavy if m in sys.modules]\n"
        "figurewidget = 'plotly.basewidget' in sys.modules\n"
        "pio.show(go.Figure(go.Scatter(x=[1], y=[2])), renderer='plotly_mimetype')\n"
        "shown = [m for m in heavy if m in sys.modules]\n"
        "import rfc3987_syntax\n"
        "print(json.dumps({'before': before, 'figurewidget': figurewidget, 'shown': shown,\n"
        "                  'after': rfc3987_syntax.__name__}))\n"
    )
    # plotly's FigureWidget is loaded, without nbformat and jsonschema's format checkers...
    assert found["figurewidget"] and found["before"] == []
    # ...which fig.show() loads when it needs them (plotly checks nbformat's version), still
    # without compiling rfc3987_syntax's grammars...
    assert found["shown"] == ["nbformat", "jsonschema", "arrow", "isoduration"]
    # ...which a later import still gets: nothing is blocked for good.
    assert found["after"] == "rfc3987_syntax"


def test_plotly_reads_only_the_validator_parameters_the_figures_use():
    found = run(
        "import json\n"
        "import explainer as ex\n"
        "from plotly.validator_cache import ValidatorCache as cache\n"
        "app = ex.Explorer(ex.load_dataset(), lang='en')\n"
        "held = cache._json_cache\n"
        "print(json.dumps({'type': type(held).__name__, 'whole': held._whole is not None,\n"
        "                  'groups': sorted(held._starts), 'validators': len(cache._cache)}))\n"
    )
    # The Explorer's figures were validated (plotly made its validators)...
    assert found["validators"] > 100
    # ...from the few groups of entries they use, never from the whole file.
    assert found["type"] == "ValidatorParams" and found["whole"] is False
    assert set(found["groups"]) <= {"data", "frames", "layout", "scatter", "scattergl"}


def test_the_validator_parameters_are_the_files_own_entry_for_entry(tmp_path):
    import plotly.validator_cache

    from explainer.figures.validators import ValidatorParams

    path = Path(plotly.validator_cache.__file__).parent / "validators" / "_validators.json"
    whole = json.loads(path.read_text(encoding="utf-8"))
    params = ValidatorParams(path)
    assert all(params.get(key) == value for key, value in whole.items())
    assert params._whole is None  # every entry found where the file's layout puts it
    assert params.get("no.such.entry", "missing") == "missing"

    # A file laid out otherwise (no indentation; a key that needs escaping) is read whole, as
    # plotly reads it, and gives the same entries.
    odd = {"layout": {"params": {"a": 1}}, 'scatter.x"y': {"params": {"b": "\u00e9\n"}}}
    for text in (json.dumps(odd), json.dumps(odd, indent=4)):
        (tmp_path / "v.json").write_text(text, encoding="utf-8")
        params = ValidatorParams(tmp_path / "v.json")
        assert [params.get(key) for key in odd] == list(odd.values())


def test_the_explorer_leaves_networkx_and_hypothesis_out_until_the_network_is_shown():
    found = run(
        "import json, sys\n"
        "import explainer as ex\n"
        "app = ex.Explorer(ex.load_dataset(), lang='en')\n"
        "before = {m: m in sys.modules for m in ('networkx', 'hypothesis', 'pandera')}\n"
        "app.network\n"
        "print(json.dumps({'before': before, 'after': 'networkx' in sys.modules}))\n"
    )
    # The bundled data validated when it was built (explainer/bundled.py), and any clean folder
    # checked without it (issue 14): no pandera either; hypothesis (pandera's data synthesis)
    # and networkx are not needed...
    assert found["before"] == {"networkx": False, "hypothesis": False, "pandera": False}
    # ...until the network is asked for.
    assert found["after"] is True


BUNDLE = r"""
import json, re, sys, pathlib
import plotly
import explainer.widgets
from plotly.basewidget import BaseFigureWidget

esm = BaseFigureWidget._esm
path = pathlib.Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"
original = path.read_text(encoding="utf-8")


def plain(text):  # every \\uXXXX escape (and surrogate pair) read as its character
    pair = r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-fA-F]{4})"

    def char(m):
        if m[1]:
            return chr(0x10000 + ((int(m[1], 16) - 0xD800) << 10) + int(m[2], 16) - 0xDC00)
        return chr(int(m[3], 16))

    return re.sub(pair, char, text)


done = isinstance(esm, str)
print(json.dumps({
    "str": done,
    "max": max(map(ord, esm)) if done else None,
    "size": sys.getsizeof(esm),
    "chars": len(original),
    "wide": sum(ord(c) > 0xFF for c in original),
    "added": esm.count("\\u") - original.count("\\u") if done else None,
    "same": done and plain(esm) == plain(original),
}))
"""


def test_the_plotly_bundle_is_one_byte_per_character_and_means_the_same():
    found = run(BUNDLE)
    assert found["str"], "plotly's bundle is not the file anywidget reads: see explainer.widgets"
    assert found["max"] <= 0xFF
    assert found["size"] < 1.1 * found["chars"]  # 1 byte a character, not 2
    # Each wide character became one \uXXXX escape (none is beyond the BMP in plotly 7.1), and
    # with every escape read as its character, the two texts are the same.
    assert found["wide"] > 0 and found["added"] == found["wide"]
    assert found["same"]


def test_the_voila_kernel_has_no_debugger_and_gives_memory_back():
    """``share/jupyter/kernels/python3``: what ``make voila`` and Binder start for each page."""
    import os

    from jupyter_client.manager import start_new_kernel

    root = Path(__file__).resolve().parents[1]
    spec = json.loads((root / "share/jupyter/kernels/python3/kernel.json").read_text())
    assert spec["metadata"]["debugger"] is False
    assert spec["env"]["MALLOC_TRIM_THRESHOLD_"] == "131072"
    printed: list[str] = []
    saved = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(root / "share" / "jupyter")
    try:
        manager, client = start_new_kernel(kernel_name="python3", startup_timeout=120)
    finally:
        if saved is None:
            del os.environ["JUPYTER_PATH"]
        else:
            os.environ["JUPYTER_PATH"] = saved
    try:
        reply = client.execute_interactive(
            "import sys, os, ipykernel.debugger as d\n"
            "print(d._is_debugpy_available, 'debugpy' in sys.modules and sys.modules['debugpy'],"
            " os.environ.get('MALLOC_TRIM_THRESHOLD_'), sys.path[0] != '')",
            timeout=120,
            output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert "".join(printed).split() == ["False", "None", "131072", "True"]
