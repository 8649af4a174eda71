"""What one build publishes: the program, the release decision and the articles, read once.

    data/*.yaml + docs/*.md front matter + RELEASE_DATE/today --load_publication--> Publication

`load_publication` is pure: it reads the files every time it is called, or, given a
`DiskCache`, takes the publication read from the same bytes before (`Publication.inputs`,
the fingerprint of those bytes and of our code, is the key). The MkDocs glue
(`hooks/liftheavy_glue.py`) calls it once per build and hands the result to every hook
(pages, previews, feed, redirects), so every part of the site agrees on which weeks are out;
what it derives from the publication is cached under the same `inputs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from liftheavy.cache import DiskCache, code_version, fingerprint, source_fingerprint
from liftheavy.data.errors import DataError
from liftheavy.data.model import Article, Program, Week
from liftheavy.data.release import Release, release_for_command

DATA_DIR = "data"


@dataclass(frozen=True, slots=True)
class Publication:
    program: Program  # every week in the data, released or not
    release: Release
    articles: tuple[Article, ...]
    inputs: str  # fingerprint of the files, release and code it was read with (`publication_inputs`)

    @property
    def published(self) -> Program:
        """The program with only the weeks that have a page in this build."""
        return self.release.published(self.program)

    @property
    def released_weeks(self) -> tuple[Week, ...]:
        """Weeks out for readers today (a preview shows more pages, but they are not out)."""
        return tuple(week for week in self.program.weeks if self.release.is_released(week))

    @property
    def released_articles(self) -> tuple[Article, ...]:
        return tuple(article for article in self.articles if article.published <= self.release.today)


def load_publication(
    root: Path, docs_dir: Path, environ: Mapping[str, str], command: str, cache: DiskCache | None = None
) -> Publication:
    """Read everything (or take it from `cache`, read from the same inputs before); raise
    `DataError` with every problem of the data and the articles at once."""
    release = release_for_command(environ, command)  # may raise ReleaseDateError
    inputs = publication_inputs(root, docs_dir, release)
    cache = cache or DiskCache(None)
    return cache.value("publication", inputs, lambda: read_publication(root, docs_dir, release, inputs))


def publication_inputs(root: Path, docs_dir: Path, release: Release) -> str:
    """A fingerprint of what a publication is read from: every file in `data/`, the Markdown
    of `docs/` (the articles' front matter), the release decision and our code."""
    return fingerprint(
        root.resolve().as_posix(),
        source_fingerprint(root / DATA_DIR),
        source_fingerprint(docs_dir, "**/*.md"),
        repr(release),
        code_version(),
    )


def read_publication(root: Path, docs_dir: Path, release: Release, inputs: str = "") -> Publication:
    """The program and the articles under a release decision already made (`make check` too)."""
    # Imported here: a build whose publication comes from the cache never parses YAML, and
    # these modules (and their validation tables) are a tenth of a warm build's CPU time.
    from liftheavy.data.articles import load_articles
    from liftheavy.data.loader import load_program

    problems = []
    try:
        program = load_program(root)
    except DataError as error:
        problems.extend(error.problems)
    try:
        articles = load_articles(root, docs_dir)
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return Publication(program=program, release=release, articles=articles, inputs=inputs)
