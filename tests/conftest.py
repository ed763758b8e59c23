"""Shared fixtures: a small hand-made dataset (every date form, status and kind), the bundled one.

The rows and ``write_dataset(folder, ...)`` live in ``sample_data.py``, for tests needing their own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sample_data import ACTORS, CLAIMS, HOSTILE_QUOTE, HOSTILE_SUMMARY, SOURCES, write_dataset

from explainer import load_dataset
from explainer.dataset import DATA_DIR

__all__ = ["ACTORS", "CLAIMS", "HOSTILE_QUOTE", "HOSTILE_SUMMARY", "SOURCES", "write_dataset"]


@pytest.fixture
def small_data(tmp_path):
    """A 13-claim dataset written to ``tmp_path`` and loaded: every date form, status and link."""
    return load_dataset(write_dataset(tmp_path / "small"))


@pytest.fixture
def hostile_data(tmp_path):
    """The small dataset plus markup in an actor name, a summary and a quote (shown as text)."""
    actors = [*ACTORS, ("evil", "<i>Evil</i> & Co", "<i>Evil</i> & Cie", "", "", "organisation")]
    claims = [
        *CLAIMS,
        ("c-hostile", "2023-05-02", "2023-05-02", "evil", "musk", "", "influence", "reported",
         HOSTILE_SUMMARY, HOSTILE_SUMMARY, HOSTILE_QUOTE, "numerama", 3, "", "article"),
    ]  # fmt: skip
    return load_dataset(write_dataset(tmp_path / "hostile", actors=actors, claims=claims))


@pytest.fixture
def one_claim_data(tmp_path):
    """A dataset with a single claim, with no target."""
    return load_dataset(write_dataset(tmp_path / "one", claims=[CLAIMS[0]]))


@pytest.fixture(scope="session")
def bundled_data():
    """The bundled dataset (data/), loaded once for the session."""
    if not (DATA_DIR / "claims.csv").exists():
        pytest.fail("the bundled dataset (data/claims.csv) is missing: the suite needs it")
    return load_dataset()


@pytest.fixture(scope="session")
def sync_tool():
    """``tools/sync_package_data.py`` as a module (a script, not part of the package)."""
    path = Path(__file__).resolve().parent.parent / "tools" / "sync_package_data.py"
    spec = importlib.util.spec_from_file_location("sync_package_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
