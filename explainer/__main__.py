"""The command line: ``python -m explainer validate [FOLDER]`` (and more commands as they come).

Argument parsing and exit codes only: 0 when all is well, 1 with a clear message otherwise, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _validate(args: argparse.Namespace) -> int:
    from explainer.dataset import DATA_DIR, validate

    folder = Path(args.folder) if args.folder else DATA_DIR
    problems = validate(folder)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    for p in problems:
        print(p)
    if errors:
        print(
            f"{folder}: {len(errors)} error(s), {len(warnings)} warning(s). Fix the errors above, "
            "then run this command again.",
            file=sys.stderr,
        )
        return 1
    print(f"{folder}: valid ({len(warnings)} warning(s)).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a dataset folder; list every problem")
    check.add_argument("folder", nargs="?", help="dataset folder (default: the bundled data/)")
    check.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 1


if __name__ == "__main__":
    sys.exit(main())
