"""The interaction benchmark's machinery on a tiny size: it runs and writes every figure (no timing
is asserted: speed goals are printed by the benchmark, not tested)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "interaction.py"

RESULT_KEYS = {
    "n",
    "explorer_p50_ms",
    "explorer_p95_ms",
    "baseline_p50_ms",
    "baseline_p95_ms",
    "speedup_p50",
    "payload_bytes_explainer",
    "payload_bytes_baseline",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    run = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--quick",
            "--sizes",
            "40",
            "--no-notebook",
            "--json",
            out,
            "--import-runs",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")), run.stdout


def test_writes_the_required_keys(report):
    data, _ = report
    assert len(data["results"]) == 1
    result = data["results"][0]
    assert set(result) >= RESULT_KEYS
    assert result["n"] == 40
    for key in RESULT_KEYS - {"n"}:
        assert isinstance(result[key], int | float), key
        assert result[key] > 0, key


def test_replays_fifty_changes_on_both_apps(report):
    result = report[0]["results"][0]
    assert result["changes_timed_explorer"] == 50
    assert result["changes_timed_baseline"] == 50
    assert len(result["sequence"]) == 50
    controls = {step.split(":")[0].split()[0] for step in result["sequence"]}
    assert controls == {"actors", "dates", "status", "known_on", "text"}
    # Both apps showed the same number of claims after every change.
    assert result["shown_mismatches"] == []
    assert len(result["claims_shown"]) == 50
    assert min(result["claims_shown"]) == 0  # the sequence includes a search that finds nothing
    assert max(result["claims_shown"]) == 40  # and states that show everything


def test_bytes_are_those_of_real_messages(report):
    result = report[0]["results"][0]
    # Each change sends at least busy + echo + idle: a few hundred signed bytes.
    assert result["messages_per_change_explainer"] >= 3
    assert result["messages_per_change_baseline"] >= 3
    # The baseline displays a whole plotly figure each time: kilobytes of JSON.
    assert result["payload_bytes_baseline"] > 2000


def test_load_import_memory_and_machine(report):
    data, stdout = report
    assert data["load"]["load_40_s"] > 0
    assert data["import"]["import_explainer_s"] > 0
    assert data["memory"]["kernel_rss_mb"] is None  # skipped on request, and says so
    assert "skipped" in data["memory"]["note"]
    machine = data["machine"]
    assert machine["cores"] >= 1
    assert machine["python"].startswith("3.")
    assert {"plotly", "ipywidgets", "pandas"} <= set(machine["packages"])
    assert "goals" in data
    assert "explorer p50" in stdout  # the table is printed


def test_sequence_is_fixed_for_a_dataset():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import interaction
    finally:
        sys.path.remove(str(SCRIPT.parent))
    from explainer.synthetic import synthetic

    data = synthetic(300, seed=1)
    first = interaction.make_sequence(data)
    again = interaction.make_sequence(data)
    assert [interaction.describe_step(s) for s in first] == [
        interaction.describe_step(s) for s in again
    ]
    assert len(first) == interaction.N_CHANGES
    # Each step changes one control, and the state it leaves is cumulative.
    assert first[0]["state"]["actors"] is not None
    assert first[-1]["state"]["text"] == ""
    assert interaction.percentile([1, 2, 3, 4], 50) == 2.5


def test_the_usual_notebook_voila_serves_is_the_baseline_of_the_kernel_benchmark():
    # browser_latency.py serves benchmarks/baseline_explore.ipynb beside 02_explore: its code
    # must be interaction.py's baseline itself (not a copy that could drift), shown whole.
    import nbformat

    notebook = nbformat.read(SCRIPT.parent / "baseline_explore.ipynb", as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert "from interaction import BaselineApp" in code
    namespace: dict = {}
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        exec(compile(code, "baseline_explore.ipynb", "exec"), namespace)
    finally:
        sys.path.remove(str(SCRIPT.parent))
    app = namespace["app"]
    assert type(app).__module__ == "interaction" and type(app).__name__ == "BaselineApp"
    assert app.shown() == len(namespace["ex"].load_dataset().claims)  # drawn once, everything
    # The controls browser_latency.py drives: two lists, two sliders, a text box.
    assert [type(w).__name__ for w in app.ui.children[:-1]] == [
        "SelectMultiple", "SelectionRangeSlider", "SelectMultiple", "SelectionSlider", "Text",
    ]  # fmt: skip
