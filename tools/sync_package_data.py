"""Copy data/ (what people read and edit) into explainer/data/ (what the package ships).

    python tools/sync_package_data.py           # make explainer/data/ the same as data/
    python tools/sync_package_data.py --check   # exit 1 and list the differences, change nothing

Run it after editing anything in data/; ``tests/test_package_data.py`` fails until then. It
also validates the copy and, when it has no problem at all, records its digest in
``explainer/bundled.py`` (``VALIDATED_DIGEST``): ``load_dataset()`` then skips the schema checks
for the bundled data. A copy, not a link or a build hook: a wheel built from a clone, an sdist
or a zip of the repository then holds the same files, and ``importlib.resources`` finds them in
an editable install too.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data"
PACKAGED = ROOT / "explainer" / "data"
BUNDLED = ROOT / "explainer" / "bundled.py"
sys.path.insert(0, str(ROOT))


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


def validated_digest(packaged: Path = PACKAGED) -> str:
    """The digest to record: the copy's, when it validates with no problem at all; else empty."""
    from explainer import bundled, schema

    if schema.read_folder(packaged)[2]:
        return ""
    return bundled.digest(packaged)


def recorded_digest(module: Path = BUNDLED) -> str | None:
    """``VALIDATED_DIGEST`` as written in ``explainer/bundled.py``."""
    found = re.search(r'^VALIDATED_DIGEST = "([0-9a-f]*)"$', module.read_text("utf-8"), re.M)
    return found.group(1) if found else None


def record_digest(value: str, module: Path = BUNDLED) -> None:
    text = module.read_text("utf-8")
    new = re.sub(
        r'^VALIDATED_DIGEST = "[0-9a-f]*"$', f'VALIDATED_DIGEST = "{value}"', text, flags=re.M
    )
    if new != text:
        module.write_text(new, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say what differs")
    args = parser.parse_args(argv)
    found = differences()
    if args.check:
        if not found and recorded_digest() != validated_digest():
            found = ["VALIDATED_DIGEST in explainer/bundled.py is not the validated data's"]
        for line in found:
            print(line)
        if found:
            print("Run: python tools/sync_package_data.py", file=sys.stderr)
        return 1 if found else 0
    sync()
    value = validated_digest()
    record_digest(value)
    print(f"{PACKAGED.relative_to(ROOT)}/ is now the same as data/ ({len(found)} change(s))")
    if not value:
        print("it has problems (python -m explainer validate): it is validated at every load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
