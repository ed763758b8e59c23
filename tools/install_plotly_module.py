"""Copy plotly's widget bundle where Voila serves it to the browser as a static file.

Usage::

    .venv/bin/python tools/install_plotly_module.py             # into this Python's share/jupyter
    .venv/bin/python tools/install_plotly_module.py --dest DIR  # into DIR (a Jupyter data folder)

It writes ``<dest>/voila/templates/explainer/static/plotly-widget.js``, a copy of
``plotly/package_data/widgetbundle.js``. Voila serves every Jupyter data folder's template files, so
the copy is found whichever folder holds the template itself. Under Voila, the Explorer's kernel
then sends a three-line module that imports this file instead of the 5 MB bundle
(``explainer/widgets/plotly_module.py``); without the copy, or with a copy from another plotly
version, it sends the bundle as before. `make lab`/`make test` and Binder's ``postBuild`` run this
script; run it again after upgrading plotly.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.widgets.plotly_module import (  # noqa: E402
    MODULE_NAME,
    STATIC_PATH,
    plotly_bundle,
)


def default_dest() -> Path:
    return Path(sys.prefix) / "share" / "jupyter"


def install(dest: Path | None = None) -> Path:
    """Copy the bundle into the data folder ``dest`` (replacing an older copy); return the copy."""
    target = (dest or default_dest()) / STATIC_PATH / MODULE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    # Aside, then renamed: a server reading the file meanwhile never sees half of it.
    partial = target.with_name(target.name + ".tmp")
    shutil.copyfile(plotly_bundle(), partial)
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, help="a Jupyter data folder (default: this prefix's)")
    args = parser.parse_args(argv)
    try:
        print(f"installed {install(args.dest)}")
    except OSError as error:
        print(f"could not copy plotly's widget bundle: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
