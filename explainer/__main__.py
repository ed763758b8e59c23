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


def _export(args: argparse.Namespace) -> int:
    from explainer.dataset import DATA_DIR, DatasetError
    from explainer.export import ExportError, export_html

    folder = Path(args.folder) if args.folder else DATA_DIR
    try:
        path = export_html(folder, args.out, lang=args.lang, force=args.force)
    except DatasetError as error:
        errors = [p for p in error.problems if p.severity == "error"]
        for p in errors:
            print(p)
        print(
            f"{folder}: {len(errors)} error(s); nothing was written. Fix the errors above, "
            "then run this command again.",
            file=sys.stderr,
        )
        return 1
    except ExportError as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    size = path.stat().st_size / 1e6
    print(f"Wrote {path} ({size:.1f} MB): one file, open it in any browser, no network needed.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a dataset folder; list every problem")
    check.add_argument("folder", nargs="?", help="dataset folder (default: the bundled data/)")
    check.set_defaults(run=_validate)
    page = commands.add_parser(
        "export", help="write the claims as one self-contained HTML page that works offline"
    )
    page.add_argument("folder", nargs="?", help="dataset folder (default: the bundled data/)")
    page.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    page.add_argument(
        "--lang", choices=["en", "fr"], default="en", help="language the page opens in (default en)"
    )
    page.add_argument("--force", action="store_true", help="replace FILE.html if it exists")
    page.set_defaults(run=_export)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 1


if __name__ == "__main__":
    sys.exit(main())
