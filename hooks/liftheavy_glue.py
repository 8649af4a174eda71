"""What the hooks share (not itself a hook: mkdocs.yml does not list it).

Every hook that needs the program asks `current_build(config)` for the build it is part
of. The first to ask reads and validates everything once (`load_publication`, pure), and
what several hooks use (the generated pages, the preview cards and their PNG images) is
computed once, on first use. A new `config` object means a new build (`mkdocs serve`
loads the configuration again for every rebuild), so nothing carries over from one build
to the next and no hook depends on another's place in mkdocs.yml.

Also here, once: the command (`serve` previews unreleased weeks), and the translation of
the core's errors into MkDocs' `PluginError`, so a data problem stops the build with the
core's `file:line:col` messages and no traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from liftheavy.cache import CACHE_DIR, CACHING, DiskCache
from liftheavy.data.errors import DataError
from liftheavy.data.model import Redirect
from liftheavy.data.publication import Publication, load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.pages.render import GeneratedPage, render_pages
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

    def __init__(self, config: MkDocsConfig, publication: Publication) -> None:
        self.config = config
        self.publication = publication
        # Checked in on_env, when every page's anchors are known; written in on_post_build.
        self.redirect_stubs: list[tuple[Redirect, PagePreview]] = []

    @functools.cached_property
    def pages(self) -> dict[str, GeneratedPage]:
        """The generated pages (weeks, exercise library) by their src_uri."""
        return {page.src_uri: page for page in render_pages(self.publication.program, self.publication.release)}

    @functools.cached_property
    def cards(self) -> dict[str, Card]:
        """The preview cards: one per published week and article, and the default."""
        return preview_cards(self.publication)

    @functools.cached_property
    def cache(self) -> DiskCache:
        """Drawn images kept between builds, below the project root (see liftheavy.cache)."""
        return DiskCache(Path(self.config.config_file_path).parent / CACHE_DIR if CACHING else None)

    @functools.cached_property
    def preview_images(self) -> dict[str, bytes]:
        """Each card's PNG, by its path in the site (drawn once; the feed needs their sizes)."""
        site_name, site_url = self.config.site_name, self.config.site_url or ""
        drawing = drawing_fingerprint()
        return {card.path: cached_card(card, site_name, site_url, self.cache, drawing) for card in self.cards.values()}


def current_build(config: MkDocsConfig) -> Build:
    """The build this configuration belongs to, read on first use."""
    if _current and _current[0].config is config:
        return _current[0]
    with plugin_errors():
        publication = load_publication(
            Path(config.config_file_path).parent, Path(config.docs_dir), os.environ, _invocation["command"]
        )
    _current[:] = [Build(config, publication)]
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
