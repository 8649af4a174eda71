"""What the hooks share (not itself a hook: mkdocs.yml does not list it).

Every hook that needs the program asks `current_build(config)` for the build it is part
of. The first to ask reads and validates everything once (`load_publication`, pure), and
what several hooks use (the generated pages, the figures, the preview cards and their PNG
images) is computed once, on first use. Both are kept on disk between builds
(`liftheavy.cache`): the publication under the fingerprint of what it was read from, and
what is derived from it under that fingerprint too, so an unchanged program is neither
parsed nor rendered again, and the bytes are those of a clean build. A new `config` object
means a new build (`mkdocs serve` loads the configuration again for every rebuild), so
nothing but those files carries over from one build to the next and no hook depends on
another's place in mkdocs.yml.

Also here, once: the command (`serve` previews unreleased weeks), and the translation of
the core's errors into MkDocs' `PluginError`, so a data problem stops the build with the
core's `file:line:col` messages and no traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from liftheavy.browser.bundle import page_scripts
from liftheavy.cache import CACHE_DIR, CACHING, DiskCache, fingerprint
from liftheavy.data.errors import DataError
from liftheavy.data.model import Redirect
from liftheavy.data.publication import Publication, load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.pages.render import GeneratedPage, expand_markers, render_pages
from liftheavy.sharing.feeds import FeedConfigError
from liftheavy.sharing.previewcards import Card, PagePreview, cached_card, drawing_fingerprint, preview_cards

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# One invocation's command, and the build in progress. Hook modules live as long as the
# process (`mkdocs serve` does not reload them); `current_build` replaces the build for
# each new configuration.
_invocation = {"command": "build"}
_current: list[Build] = []
T = TypeVar("T")


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember the command. Hooks that read the program export this as their own on_startup."""
    _invocation["command"] = command


@contextlib.contextmanager
def plugin_errors() -> Iterator[None]:
    """Turn the core's errors (bad data, a bad RELEASE_DATE or feed setting) into PluginError."""
    try:
        yield
    except (ReleaseDateError, FeedConfigError) as error:
        raise PluginError(str(error)) from None
    except DataError as error:
        raise PluginError(f"the program data has problems:\n{error}") from None


class Build:
    """One build's publication and what is derived from it, each computed once."""

    def __init__(self, config: MkDocsConfig, publication: Publication, cache: DiskCache) -> None:
        self.config = config
        self.publication = publication
        self.cache = cache
        # Checked in on_env, when every page's anchors are known; written in on_post_build.
        self.redirect_stubs: list[tuple[Redirect, PagePreview]] = []

    def derived(self, name: str, compute: Callable[[], T], *inputs: str) -> T:
        """`compute()`, kept on disk under the publication's inputs (and any further `inputs`)."""
        return self.cache.value(name, fingerprint(self.publication.inputs, *inputs), compute)

    @functools.cached_property
    def pages(self) -> dict[str, GeneratedPage]:
        """The generated pages (weeks, exercise library) by their src_uri."""
        return self.derived("pages", functools.partial(_pages_by_uri, self.publication))

    @functools.cached_property
    def figures(self) -> dict[str, str]:
        """Both SVG files of every exercise's figure, by path in the site."""
        return self.derived("figures", functools.partial(_figures, self.publication))

    @functools.cached_property
    def page_scripts(self) -> dict[str, str]:
        """Our served scripts, each bundled from its modules (may raise BundleError)."""
        return self.derived("page-scripts", page_scripts)

    def expanded_markdown(self, src_uri: str, markdown: str) -> str:
        """A hand-written page's Markdown with its data markers expanded."""
        program, release = self.publication.program, self.publication.release
        expand = functools.partial(expand_markers, markdown, program, src_uri, release)
        return self.derived("markers-" + src_uri.replace("/", "_"), expand, markdown)

    @functools.cached_property
    def cards(self) -> dict[str, Card]:
        """The preview cards: one per published week and article, and the default."""
        return preview_cards(self.publication)

    @functools.cached_property
    def preview_images(self) -> dict[str, bytes]:
        """Each card's PNG, by its path in the site (drawn once; the feed needs their sizes)."""
        site_name, site_url = self.config.site_name, self.config.site_url or ""
        drawing = drawing_fingerprint()
        return {card.path: cached_card(card, site_name, site_url, self.cache, drawing) for card in self.cards.values()}


def _pages_by_uri(publication: Publication) -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in render_pages(publication.program, publication.release)}


def _figures(publication: Publication) -> dict[str, str]:
    from liftheavy.figures.draw import figure_files  # the drawing code: only when the figures are not on disk

    return {path: svg for exercise in publication.program.exercises for path, svg in figure_files(exercise).items()}


def current_build(config: MkDocsConfig) -> Build:
    """The build this configuration belongs to, read on first use."""
    if _current and _current[0].config is config:
        return _current[0]
    root = Path(config.config_file_path).parent
    # What the build draws and derives, kept between builds below the project root.
    cache = DiskCache(root / CACHE_DIR if CACHING else None)
    with plugin_errors():
        publication = load_publication(root, Path(config.docs_dir), os.environ, _invocation["command"], cache)
    _current[:] = [Build(config, publication, cache)]
    return _current[0]


def require_site_url(config: MkDocsConfig, needed_for: str) -> str:
    """`site_url`, which absolute links need; a clear error when mkdocs.yml lacks it."""
    if not config.site_url:
        raise PluginError(f"site_url must be set in mkdocs.yml: {needed_for}")
    return config.site_url


def add_generated(files: Files, config: MkDocsConfig, path: str, content: str | bytes, what: str) -> File:
    """Add a generated file; refuse to silently replace one from docs/ (Files.append would)."""
    if files.get_file_from_path(path) is not None:
        raise PluginError(f"docs/{path} would replace the generated {what}; remove or rename it")
    file = File.generated(config, path, content=content)
    files.append(file)
    return file
