"""The command line: ``python -m explainer validate [FOLDER]`` (and more commands as they come).

Argument parsing and exit codes only: 0 when all is well, 1 with a clear message otherwise (bad
arguments included), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

# Warnings of one kind beyond this many are summarised in one line (all shown with --all).
FIRST_WARNINGS = 3


def _warning_kind(p: object) -> tuple[str, str, str]:
    """What makes warnings "the same": file, column and message, without the numbers in it."""
    message = re.sub(r"\d[\d,]*", "#", p.message)  # type: ignore[attr-defined]
    return (p.file, p.column or "", message)  # type: ignore[attr-defined]


def _validate(args: argparse.Namespace) -> int:
    from explainer.dataset import DATA_DIR, validate

    folder = Path(args.folder) if args.folder else DATA_DIR
    problems = validate(folder)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    # Every error; of the warnings, the first few of each kind, then one line per kind saying how
    # many more and where (a draft of a long article has thousands of "needs a person").
    seen: dict[tuple[str, str, str], list] = {}
    for p in problems:
        if p.severity == "warning" and not args.all:
            same = seen.setdefault(_warning_kind(p), [])
            same.append(p)
            if len(same) > FIRST_WARNINGS:
                continue
        print(p)
    for same in seen.values():
        if len(same) > FIRST_WARNINGS:
            more = same[FIRST_WARNINGS:]
            lines = [str(p.line) for p in more[:5] if p.line]
            where = (
                f" (lines {', '.join(lines)}{', ...' if len(more) > 5 else ''})" if lines else ""
            )
            print(
                f"warning: {same[0].file}: {len(more)} more like the above "
                f"({same[0].message!r}){where}. Add --all to list every one."
            )
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

    if args.format != "html":
        return _export_format(args)
    folder = Path(args.folder) if args.folder else DATA_DIR
    try:
        path = export_html(folder, args.out, lang=args.lang, force=args.force, draft=args.draft)
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


def _draft(args: argparse.Namespace) -> int:
    from explainer.draft import DraftError
    from explainer.draft import draft as draft_article

    try:
        result = draft_article(
            args.article, args.out, lang=args.lang, date=args.date, source_id=args.source_id,
            outlet=args.outlet, title=args.title, url=args.url,
            actors=None if args.no_known_actors else (args.actors or "bundled"), force=args.force,
        )  # fmt: skip
    except DraftError as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    from explainer.dataset import validate

    problems = validate(result.folder)
    errors = [p for p in problems if p.severity == "error"]
    for p in errors:  # a draft always validates; if not, that is a bug worth showing in full
        print(p, file=sys.stderr)
    new = sum(1 for a in result.actors if a["role"] == "to review")
    print(
        f"Wrote a draft to {result.folder}: {len(result.claims)} claims, "
        f"{len(result.actors)} actors ({new} new, role 'to review'), 1 source."
    )
    for note in result.notes:
        print(f"Note: {note}")
    # A long article can leave out hundreds of sentences: the first few, then how many more.
    shown = result.left_out if args.all else result.left_out[:FIRST_WARNINGS]
    for line in shown:
        print(f"Left out (a cue but no actor): {line}")
    if len(shown) < len(result.left_out):
        print(
            f"Left out: {len(result.left_out) - len(shown)} more sentences with a cue but no "
            "actor. Add --all to list every one."
        )
    print(
        "Every claim has a 'review' note (which cue chose its status) and empty summaries for "
        f"you to write. Check it with: python -m explainer validate {result.folder}"
    )
    if errors:
        print(f"{len(errors)} error(s) in the draft: please report this.", file=sys.stderr)
        return 1
    return 0


# Formats other than the offline page: what each writes, and the function that writes it.
FORMATS = {
    "html": "the offline page (default)",
    "timelinejs": "TimelineJS3 JSON",
    "timelinejs-csv": "a TimelineJS3 sheet (CSV, the template's 18 columns)",
    "jsonld": "schema.org Claim JSON-LD (to FILE.html: inside its <script> element)",
    "xlsx": "one Excel workbook, a sheet per table, with drop-down lists",
    "ods": "one OpenDocument workbook, a sheet per table",
}


def _export_format(args: argparse.Namespace) -> int:
    """``export FOLDER --format timelinejs|timelinejs-csv|jsonld|xlsx|ods --out FILE``."""
    from explainer import jsonld, spreadsheet, timelinejs
    from explainer.dataset import DATA_DIR, DatasetError, load_dataset
    from explainer.export import ExportError, check_out

    folder = Path(args.folder) if args.folder else DATA_DIR
    out = Path(args.out)
    try:  # the same rule as the offline page: never over a folder, a link, a pipe or a device
        check_out(out, force=args.force)
    except ExportError as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    try:
        dataset = load_dataset(folder)
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
    writers = {
        "timelinejs": timelinejs.export_timeline,
        "timelinejs-csv": timelinejs.export_sheet,
        "jsonld": jsonld.export_jsonld,
        "xlsx": lambda ds, path, lang: spreadsheet.save_workbook(ds, path, texts=False),
        "ods": lambda ds, path, lang: spreadsheet.save_workbook(ds, path, texts=False),
    }
    if args.format in ("xlsx", "ods") and out.suffix.lower() != f".{args.format}":
        print(f"Nothing was written: name the file {out.stem}.{args.format}.", file=sys.stderr)
        return 1
    try:
        path = writers[args.format](dataset, out, args.lang)
    except (OSError, ValueError) as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    print(f"Wrote {path}: {len(dataset.claims)} claims as {FORMATS[args.format]}.")
    if args.format in ("xlsx", "ods") and dataset.texts:
        print(
            f"The source texts stay in {folder / 'sources'}: copy that folder beside the workbook "
            "so that quotes are checked there too."
        )
    return 0


def _template(args: argparse.Namespace) -> int:
    """``template --xlsx FILE``: the starting workbook, with drop-down lists."""
    from explainer.spreadsheet import write_template

    out = Path(args.xlsx)
    if out.suffix.lower() != ".xlsx":
        print(f"Nothing was written: name the file {out.stem}.xlsx.", file=sys.stderr)
        return 1
    if out.is_dir() or (out.exists() and not args.force):
        what = "is a folder" if out.is_dir() else "exists (add --force to replace it)"
        print(f"Nothing was written: {out} {what}.", file=sys.stderr)
        return 1
    try:
        write_template(out)
    except OSError as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    print(
        f"Wrote {out}: sheets actors, sources and claims, each with its header and one example "
        "row to replace. Status, kind, layer, type and ids are chosen from drop-down lists. "
        f"Name it dataset.xlsx in a folder of its own, then check it with: "
        f"python -m explainer validate {out}"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    """``import timelinejs SHEET.csv --out FOLDER``: a dataset to review, from a sheet."""
    from explainer.dataset import validate
    from explainer.timelinejs import TimelineError, import_sheet

    try:
        result = import_sheet(
            args.sheet, args.out, lang=args.lang, date=args.date, source_id=args.source_id
        )
    except TimelineError as error:
        for p in error.problems:
            print(p)
        print(f"Nothing was written: {error.file} cannot be imported.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"The import stopped: {error}.", file=sys.stderr)
        return 1
    errors = [p for p in validate(result.folder) if p.severity == "error"]
    for p in errors:  # an import always validates; if not, that is a bug worth showing in full
        print(p, file=sys.stderr)
    print(
        f"Wrote {result.folder}: {len(result.claims)} claims, {len(result.actors)} actors, "
        f"{len(result.sources)} sources."
    )
    for note in result.notes:
        print(f"Note: {note}")
    print(
        "TimelineJS has no status, kind or target: every claim has a default and a 'review' note "
        f"saying what to check. Check it with: python -m explainer validate {result.folder}"
    )
    if errors:
        print(f"{len(errors)} error(s) in the import: please report this.", file=sys.stderr)
        return 1
    return 0


EPILOG = (
    "Exit status: 0 when all went well (warnings may be printed), 1 for any failure: invalid "
    "data, a file that cannot be written, or a mistyped command; the message says what to do."
)


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a bad argument; our one contract is 1 for any failure."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\nSee: {self.prog} --help\n")


def main(argv: list[str] | None = None) -> int:
    # A console that cannot show "é" (a legacy code page) gets "\xe9" rather than a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _Parser(
        prog="python -m explainer",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a dataset folder; list every problem")
    check.add_argument("folder", nargs="?", help="dataset folder (default: the bundled data/)")
    check.add_argument(
        "--all",
        action="store_true",
        help=f"list every warning (by default, {FIRST_WARNINGS} of each kind, then how many more)",
    )
    check.set_defaults(run=_validate)
    page = commands.add_parser(
        "export",
        help="write the claims as one self-contained HTML page that works offline, or in another "
        "format (--format: TimelineJS, JSON-LD, a workbook)",
    )
    page.add_argument("folder", nargs="?", help="dataset folder (default: the bundled data/)")
    page.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    page.add_argument(
        "--format",
        choices=list(FORMATS),
        default="html",
        help="; ".join(f"{name}: {what}" for name, what in FORMATS.items()),
    )
    page.add_argument(
        "--lang",
        choices=["en", "fr"],
        default="en",
        help="language the page opens in, or of the export (default en)",
    )
    page.add_argument(
        "--force", action="store_true", help="replace FILE if it is an existing regular file"
    )
    page.add_argument(
        "--draft",
        action="store_true",
        help="export claims that still have a 'review' note; the page says it is a draft",
    )
    page.set_defaults(run=_export)
    sketch = commands.add_parser(
        "draft",
        help="draft actors.csv, sources.csv and claims.csv from an article, for a person to review",
    )
    sketch.add_argument("article", help="the article, a plain-text file (one paragraph a line)")
    sketch.add_argument("--out", required=True, metavar="FOLDER", help="a new (or empty) folder")
    sketch.add_argument("--lang", choices=["fr", "en"], default="fr", help="the article's language")
    sketch.add_argument(
        "--date", help="the article's publication date, EDTF: 2024-10-28 (default: unknown)"
    )
    sketch.add_argument("--outlet", help="who published it (default: 'to review')")
    sketch.add_argument("--title", help="its title (default: 'to review')")
    sketch.add_argument("--url", help="where to read it (http or https)")
    sketch.add_argument("--source-id", help="its id in sources.csv (default: from the file name)")
    sketch.add_argument(
        "--actors", metavar="ACTORS.csv", help="known actors to recognise (default: the bundled)"
    )
    sketch.add_argument(
        "--no-known-actors", action="store_true", help="recognise no known actors; all are new"
    )
    sketch.add_argument(
        "--force",
        action="store_true",
        help="draft even if the article looks written in the other language than --lang",
    )
    sketch.add_argument(
        "--all",
        action="store_true",
        help=f"list every sentence left out (by default, the first {FIRST_WARNINGS})",
    )
    sketch.set_defaults(run=_draft)
    start = commands.add_parser(
        "template", help="write the starting workbook (.xlsx) with drop-down lists"
    )
    start.add_argument("--xlsx", required=True, metavar="FILE.xlsx", help="the workbook to write")
    start.add_argument("--force", action="store_true", help="replace FILE.xlsx if it exists")
    start.set_defaults(run=_template)
    bring = commands.add_parser("import", help="make a dataset to review from a TimelineJS3 sheet")
    bring.add_argument("format", choices=["timelinejs"], help="the sheet's format")
    bring.add_argument("sheet", help="the TimelineJS3 sheet, saved as CSV (or .xlsx)")
    bring.add_argument("--out", required=True, metavar="FOLDER", help="a new (or empty) folder")
    bring.add_argument(
        "--lang", choices=["en", "fr"], default="en", help="the language of the slides' text"
    )
    bring.add_argument("--date", help="when the timeline was published, EDTF (default: unknown)")
    bring.add_argument("--source-id", help="the timeline's id in sources.csv (default: its title)")
    bring.set_defaults(run=_import)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        # Ctrl-C: said, not a silent 1; 130 is what a shell reports for a command stopped so.
        print("Interrupted (Ctrl-C): stopped before the end.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (| head): not our failure to report, and no traceback either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except MemoryError:
        print(
            "The memory ran out: this input needs more memory than this machine has free; nothing "
            "more was written. Split it (a dataset folder a year, say), or use a machine with more "
            "free memory.",
            file=sys.stderr,
        )
        return 1
    except OSError as error:  # a path the system refuses (a name too long, a loop of links)
        name = str(error.filename or "")
        shown = name if len(name) <= 120 else f"{name[:120]}... ({len(name)} characters)"
        print(
            f"Cannot use {shown}: {error.strerror or error}; nothing was written. Check that "
            "path: its name, that its folder exists, and that you may read or write there.",
            file=sys.stderr,
        )
        return 1
    except Exception as error:  # the last line of the contract: a message, never a traceback
        if os.environ.get("EXPLAINER_DEBUG"):
            raise
        print(
            f"Unexpected error ({type(error).__name__}: {str(error)[:300]}). Nothing more was "
            "written. This is a bug in the explainer: please report it with the command you ran "
            "(EXPLAINER_DEBUG=1 shows the details).",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
