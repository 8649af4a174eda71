"""The data → pages step of one project, timed on its own; also writes its Markdown out.

Run by `perf.bench` in a fresh process whose PYTHONPATH puts the measured project's own
`src/` (and, for commits before the package move, `hooks/`) first, so an older commit is
measured with its own code:

    python -m perf.generate PROJECT --release 2027-01-25 --repeat 5 --stock-docs DIR

It loads and validates the project's `data/` (a DataError is reported and exits 1), times
`load_program` and `render_pages` with the process clock (CPU time, steadier than wall time
on a busy machine) `repeat` times, and prints the timings as JSON. With `--stock-docs` it
also writes every page as plain Markdown (generated pages with their title and description
as front matter, hand-written pages with their markers expanded): the input of the stock
Material build that the bench compares against.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import time
from pathlib import Path

try:
    from liftheavy.data.errors import DataError
    from liftheavy.data.loader import load_program
    from liftheavy.data.release import Release
    from liftheavy.pages.render import expand_markers, render_pages
except ModuleNotFoundError:  # a commit from before the package move (hooks/liftheavy/)
    from liftheavy.errors import DataError  # type: ignore[no-redef]
    from liftheavy.load import load_program  # type: ignore[no-redef]
    from liftheavy.release import Release  # type: ignore[no-redef]
    from liftheavy.render import expand_markers, render_pages  # type: ignore[no-redef]

_COPIED_WITH_DOCS = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif")  # images the Markdown may show


def data_bytes(project: Path) -> int:
    """The size of the program's YAML: what loading and rendering grow with."""
    return sum(path.stat().st_size for path in (project / "data").rglob("*.yaml"))


def time_generation(project: Path, release: Release, repeat: int) -> dict[str, object]:
    """Process time of loading and of rendering, `repeat` times each, and what they produced."""
    load_s, render_s = [], []
    for _ in range(repeat):
        start = time.process_time()
        program = load_program(project)
        loaded = time.process_time()
        pages = render_pages(program, release)
        load_s.append(loaded - start)
        render_s.append(time.process_time() - loaded)
    return {
        "weeks": len(program.weeks),
        "exercises": len(program.exercises),
        "generated_pages": len(pages),
        "data_bytes": data_bytes(project),
        "load_s": load_s,
        "render_s": render_s,
    }


def _front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars, whatever characters the title holds.
    return f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n\n"


def write_plain_docs(project: Path, release: Release, destination: Path) -> int:
    """Every page of the site as plain Markdown under `destination`; returns the page count."""
    program = load_program(project)
    count = 0
    for page in render_pages(program, release):
        target = destination / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(page.title, page.description) + page.markdown, encoding="utf-8")
        count += 1
    docs = project / "docs"
    for source in sorted(docs.rglob("*")):
        relative = source.relative_to(docs)
        target = destination / relative
        if source.suffix == ".md":
            target.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8")
            target.write_text(expand_markers(text, program, relative.as_posix(), release), encoding="utf-8")
            count += 1
        elif source.suffix.lower() in _COPIED_WITH_DOCS:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the data → pages step of a project.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--release", type=dt.date.fromisoformat, required=True, help="publish weeks up to this date")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stock-docs", type=Path, help="also write every page as plain Markdown here")
    args = parser.parse_args()
    release = Release(today=args.release)
    try:
        result = time_generation(args.project, release, args.repeat)
        if args.stock_docs:
            result["stock_pages"] = write_plain_docs(args.project, release, args.stock_docs)
    except DataError as error:
        sys.exit(f"{args.project}: the program data has problems:\n{error}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
