"""`make figures`: one PNG of every exercise's figure, for a reviewer to look at.

Usage: python -m liftheavy.tools.figuresheet [OUT.png] [--blind] [--dark]

Loads `data/` like the build, draws each exercise's still (`liftheavy.figures.draw`), lays
them out in a grid in an HTML page with the exercise's name under each, and has Debian's
Chromium (through Playwright) take a screenshot. `--blind` numbers the figures instead of
naming them and leaves out the position labels, for a recognition test; `--dark` shows
them as the dark palette does. The pull-request workflow uploads the PNG as an artifact
when data/exercises.yaml changes.
"""

from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path

from liftheavy.data.errors import DataError
from liftheavy.data.loader import load_program
from liftheavy.figures.draw import still_svg

CHROMIUM = "/usr/bin/chromium"
# The dark palette's page colour and the filter the site's stylesheet gives figures there.
_DARK = "body{background:#1e2129;color:#e2e4e9}img{filter:invert(1) hue-rotate(180deg)}"
_STYLE = (
    "body{margin:12px;font:15px/1.3 sans-serif;display:grid;grid-template-columns:repeat(4,300px);gap:10px}"
    "figure{margin:0;padding:6px;border:1px solid #9994}img{display:block;width:100%;height:150px;"
    "object-fit:contain}figcaption{margin-top:4px;text-align:center}"
)


def sheet_html(root: Path, directory: Path, *, blind: bool, dark: bool) -> str:
    """Write each still into `directory` and return the page that shows them all."""
    program = load_program(root)
    cells = []
    for number, exercise in enumerate(program.exercises, start=1):
        if exercise.figure is None:
            continue
        name = f"{exercise.id}-still.svg"
        (directory / name).write_text(still_svg(exercise.figure, labels=not blind), encoding="utf-8")
        caption = f"Figure {number}" if blind else html.escape(exercise.name)
        cells.append(f'<figure><img src="{name}" alt=""><figcaption>{caption}</figcaption></figure>')
    return f"<!doctype html><meta charset=utf-8><style>{_STYLE}{_DARK if dark else ''}</style>{''.join(cells)}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    flags = {arg for arg in args if arg.startswith("--")}
    paths = [arg for arg in args if not arg.startswith("--")]
    out = Path(paths[0] if paths else "figures.png").resolve()
    from playwright.sync_api import sync_playwright  # a dev dependency: only this tool needs it

    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        try:
            page_html = sheet_html(Path.cwd(), directory, blind="--blind" in flags, dark="--dark" in flags)
        except DataError:
            return 1
        (directory / "sheet.html").write_text(page_html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1260, "height": 400})
            page.goto((directory / "sheet.html").as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(out), full_page=True)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
