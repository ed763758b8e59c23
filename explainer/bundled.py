"""Where the package's own files live: the schema and the bundled dataset, as package data.

``data/`` at the top of the repository is the copy people read and edit; ``explainer/data/`` is
the same tree shipped inside the package, so that an installed wheel validates and loads outside
the repository. ``tools/sync_package_data.py`` copies the first over the second, and
``tests/test_package_data.py`` fails while they differ.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["DATA_DIR", "DESCRIPTOR_PATH", "TEMPLATE_DIR"]


def _package_folder(name: str) -> Path:
    """A folder of package data as a real path (the readers open files by path).

    A wheel installs as plain files; only a package imported from a zip file has no real path,
    and the explainer does not support that.
    """
    resource = files("explainer") / name
    path = Path(str(resource))
    if not path.is_dir():
        raise RuntimeError(
            f"the explainer's bundled {name}/ folder is missing from its installation ({path}); "
            "reinstall the package (pip install --force-reinstall explainer)"
        )
    return path


DATA_DIR = _package_folder("data")
DESCRIPTOR_PATH = DATA_DIR / "datapackage.json"
TEMPLATE_DIR = DATA_DIR / "template"
