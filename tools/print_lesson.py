"""Print the lesson's documents (``lesson/*.md``) to A4 PDFs with headless Chromium.

Usage::

    .venv/bin/python tools/print_lesson.py                  # every document, into artifacts/lesson/
    .venv/bin/python tools/print_lesson.py --out DIR lesson/worksheet.md

Each Markdown file becomes one PDF laid out for paper: tables do not split their rows, headings
stay with what follows. Needs the development dependencies (Playwright) and a Chromium:
``/usr/bin/chromium`` when it exists, Playwright's own build otherwise. A teacher without Python
prints the Markdown from any viewer instead; this only makes the same pages as files to share.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "lesson"
CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "Atkinson Hyperlegible", "DejaVu Sans", Verdana, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #000; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; break-after: avoid; } h3 { break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
td, th { border: 1px solid #777; padding: 3px 5px; vertical-align: top; }
tr, li { break-inside: avoid; }
blockquote { border-left: 3px solid #777; margin-left: 0; padding-left: 8px; }
code { font-size: 9.5pt; }
"""


def to_html(markdown: str, title: str) -> str:
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files (default: lesson/*.md)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "artifacts" / "lesson", help="output folder"
    )
    args = parser.parse_args(argv)
    files = args.files or sorted(LESSON.glob("*.md"))
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium) if chromium.exists() else None,
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page()
        for md in files:
            page.set_content(to_html(md.read_text(encoding="utf-8"), md.stem))
            pdf = args.out / f"{md.stem}.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=True)
            print(f"Wrote {pdf}")
        browser.close()


if __name__ == "__main__":
    main()
