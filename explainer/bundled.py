"""Where the package's own files live: the schema and the bundled dataset, as package data.

``data/`` at the top of the repository is the copy people read and edit; ``explainer/data/`` is
the same tree shipped inside the package, so that an installed wheel validates and loads outside
the repository. ``tools/sync_package_data.py`` copies the first over the second, and
``tests/test_package_data.py`` fails while they differ.

The bundled dataset is validated when it is built, not at every load: ``tools/sync_package_data.py``
validates the copy and records its files' digest as ``VALIDATED_DIGEST`` below; ``load_dataset()``
skips the schema checks (pandera: a quarter of a second and its import, in every Voila page load)
only for this folder and only while its files still have that digest. Any other folder, or a
bundled file changed since, is validated in full. ``tests/test_package_data.py`` checks that the
digest is current and that the data it names validates.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

__all__ = ["DATA_DIR", "DESCRIPTOR_PATH", "TEMPLATE_DIR", "VALIDATED_DIGEST", "digest", "validated"]

# Written by tools/sync_package_data.py when explainer/data/ validates without errors.
VALIDATED_DIGEST = "5cccdbe2d8d80f21099f649ef0c45ec2e5e21d788507fbe2c59f5921d0b29f61"


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


def digest(folder: Path) -> str:
    """sha256 of a dataset folder's files (names and contents), ``template/`` left out."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if relative.parts[0] == "template" or "__pycache__" in relative.parts:
            continue
        data = path.read_bytes()
        h.update(f"{relative.as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def validated(folder: Path) -> bool:
    """Whether ``folder`` is the bundled dataset exactly as it was when it last validated."""
    try:
        same = folder.resolve() == DATA_DIR.resolve()
    except OSError:
        return False
    return same and bool(VALIDATED_DIGEST) and digest(DATA_DIR) == VALIDATED_DIGEST
