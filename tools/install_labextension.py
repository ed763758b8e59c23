"""Install the repository's own JupyterLab extension (``labextensions/explainer-rise-widgets``).

Usage::

    .venv/bin/python tools/install_labextension.py            # into this Python's prefix
    .venv/bin/python tools/install_labextension.py --dest DIR # into DIR (a labextensions folder)

It is a load-only federated extension, plain JavaScript with no build step: it lets the ipywidgets
8 widget manager start inside jupyterlab-rise's slideshow application (see its remoteEntry.js).
JupyterLab finds extensions in ``<prefix>/share/jupyter/labextensions``; `make lab`/`make test` and
Binder's ``postBuild`` run this script. Copying is enough: nothing is compiled or rebuilt.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "labextensions" / "explainer-rise-widgets"


def default_dest() -> Path:
    return Path(sys.prefix) / "share" / "jupyter" / "labextensions"


def install(dest: Path | None = None) -> Path:
    """Copy the extension into ``dest`` (replacing an older copy); return where it went."""
    target = (dest or default_dest()) / SOURCE.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SOURCE, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, help="a labextensions folder (default: this prefix)")
    args = parser.parse_args(argv)
    print(f"installed {install(args.dest)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
