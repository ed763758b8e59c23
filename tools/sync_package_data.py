"""Copy data/ (what people read and edit) into explainer/data/ (what the package ships).

    python tools/sync_package_data.py           # make explainer/data/ the same as data/
    python tools/sync_package_data.py --check   # exit 1 and list the differences, change nothing

Run it after editing anything in data/; ``tests/test_package_data.py`` fails until then. A copy,
not a link or a build hook: a wheel built from a clone, an sdist or a zip of the repository then
holds the same files, and ``importlib.resources`` finds them in an editable install too.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data"
PACKAGED = ROOT / "explainer" / "data"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> content), hidden files and caches left out."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(".")
    }


def differences(source: Path = SOURCE, packaged: Path = PACKAGED) -> list[str]:
    """What differs between the two trees, one line each (empty when they are the same)."""
    want, have = tree(source), tree(packaged) if packaged.is_dir() else {}
    lines = [f"missing from {packaged.name}/: {name}" for name in sorted(want.keys() - have)]
    lines += [f"not in {source.name}/ (stale copy): {name}" for name in sorted(have.keys() - want)]
    lines += [f"differs: {name}" for name in sorted(want.keys() & have) if want[name] != have[name]]
    return lines


def sync(source: Path = SOURCE, packaged: Path = PACKAGED) -> None:
    """Make ``packaged`` an exact copy of ``source``."""
    if packaged.exists():
        shutil.rmtree(packaged)
    shutil.copytree(source, packaged, ignore=shutil.ignore_patterns(".*", "__pycache__"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say what differs")
    args = parser.parse_args(argv)
    found = differences()
    if args.check:
        for line in found:
            print(line)
        if found:
            print("Run: python tools/sync_package_data.py", file=sys.stderr)
        return 1 if found else 0
    sync()
    print(f"{PACKAGED.relative_to(ROOT)}/ is now the same as data/ ({len(found)} change(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
