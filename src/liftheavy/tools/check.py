"""`make check`: validate what the build validates, and print every problem, compiler style.

It reads the same inputs through the same entry as the build (`load_publication`): the
program in `data/` and the articles' front matter in `docs/`, with the same messages.

Usage: python -m liftheavy.tools.check [ROOT]   (ROOT defaults to the current directory)

Exit status 0 when the data is valid, 1 when it is not. Valid data must also match the
committed JSON Schemas in `schemas/`, whose week schema lists the exercise ids: when a pull
request adds an exercise, the check says which lines to add to which schema file, since a
coach in GitHub's web editor cannot run `make schemas`. Inside GitHub Actions
(GITHUB_ACTIONS=true) each problem is also printed as an `::error` annotation so it
shows on the changed line of the pull request.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from liftheavy.data.errors import DataError, Problem
from liftheavy.data.publication import load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.tools.schema import ExerciseIds, stale

DOCS_DIR = "docs"  # mkdocs.yml keeps MkDocs' default docs_dir


def _escape(text: str, *, in_property: bool = False) -> str:
    # Workflow commands treat '%', CR and LF specially, and ':' and ',' inside properties;
    # escape them as GitHub documents for workflow commands.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions `::error` command: an annotation on that line of the PR."""
    location = f"file={_escape(problem.file, in_property=True)},line={problem.line},col={problem.column}"
    return f"::error {location}::{_escape(problem.text)}"


def _report(problems: list[Problem], summary: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(annotation(problem))
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} {summary}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Check the data under ROOT; print problems to stderr and return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        publication = load_publication(root, root / DOCS_DIR, os.environ, "build")
    except ReleaseDateError as error:
        print(error, file=sys.stderr)
        return 1
    except DataError as error:
        _report(error.problems, "found in data/ and docs/")
        return 1
    program, articles = publication.program, publication.articles
    # A project without committed schemas (a test's fixture) has none to keep up to date.
    outdated = stale(root, ExerciseIds.of(program.exercises)) if (root / "schemas").is_dir() else []
    if outdated:
        _report(outdated, "in schemas/: make the changes above, or run `make schemas`")
        return 1
    sessions = sum(len(week.sessions) for week in program.weeks)
    print(
        f"data/ and docs/ are valid: {len(program.weeks)} weeks, {sessions} sessions,"
        f" {len(program.exercises)} exercises, {len(articles)} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
