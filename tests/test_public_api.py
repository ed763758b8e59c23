"""The public API as altair checks its own: ``__all__`` complete, every lazy name resolving and
listed by ``dir()``; and the walls of the design sketch, each checked in a fresh interpreter
(a module already imported by another test would hide a wall that fell)."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

import explainer

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def fresh(code: str) -> dict:
    """Run ``code`` in a new interpreter; it prints a JSON value, returned here."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------ public API


def test_all_lists_every_public_name_and_each_resolves():
    public = {n for n in dir(explainer) if not n.startswith("_")}
    modules = {n for n in public if isinstance(getattr(explainer, n), types.ModuleType)}
    # Every public name that is not a subpackage is in __all__, and the reverse.
    assert public - modules - set(explainer.__all__) == set()
    assert sorted(explainer.__all__) == sorted(set(explainer.__all__))
    for name in explainer.__all__:
        assert getattr(explainer, name) is not None, name


def test_dir_lists_the_lazy_names_before_they_load():
    listed = fresh(
        "import sys, json, explainer as ex; names = dir(ex); "
        "print(json.dumps([names, sorted(m for m in ('plotly', 'ipywidgets', 'spacy') "
        "if m in sys.modules)]))"
    )
    names, loaded = listed
    for name in ("Explorer", "Story", "influence_timeline", "actor_network", "draft", "highlight"):
        assert name in names, name
    assert set(explainer.__all__) <= set(names)
    assert loaded == []  # listing them loads none of them


def test_each_lazy_name_resolves_to_what_its_module_defines():
    from explainer.figures import actor_network, influence_timeline
    from explainer.widgets import Explorer, Story

    assert explainer.Explorer is Explorer and explainer.Story is Story
    assert explainer.influence_timeline is influence_timeline
    assert explainer.actor_network is actor_network
    with pytest.raises(AttributeError, match="no attribute 'Explore'"):
        explainer.Explore  # noqa: B018


def test_a_module_name_binds_the_module():
    found = fresh(
        "import json, types, explainer as ex; import explainer.synthetic as s; "
        "import explainer.draft as d; "
        "print(json.dumps([isinstance(s, types.ModuleType), s.__name__, callable(ex.draft), "
        "d is ex.draft, ex.synthetic_dataset is s.synthetic]))"
    )
    assert found == [True, "explainer.synthetic", True, True, True]


# ------------------------------------------------------------------------------------- the walls


@pytest.mark.parametrize(
    "module",
    ["explainer.filtering", "explainer.dates", "explainer.schema", "explainer.dataset"],
)
def test_the_data_layer_loads_neither_plotly_nor_ipywidgets(module):
    loaded = fresh(
        f"import sys, json, {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'plotly', 'ipywidgets'})))"
    )
    assert loaded == [], f"importing {module} loads {loaded}"


def test_the_figures_never_load_ipywidgets():
    loaded = fresh(
        "import sys, json, explainer.figures as f, explainer.card, explainer.presentation; "
        "from explainer import load_dataset; ds = load_dataset(); "
        "f.influence_timeline(ds); f.actor_network(ds); f.describe(ds.claims, data=ds); "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'ipywidgets')))"
    )
    assert loaded == []


def test_import_explainer_loads_no_pandera_plotly_nor_widgets():
    loaded = fresh(
        "import sys, json, explainer; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'pandera', 'plotly', 'ipywidgets', 'spacy'})))"
    )
    assert loaded == []
