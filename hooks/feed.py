"""MkDocs hook: the RSS and Atom feeds and the calendar of release dates.

Thin glue around `liftheavy.sharing.feeds` and `liftheavy.sharing.ics` (no MkDocs imports there):

- on_config: read what this build publishes (`load_publication`, the same inputs as the
  page hook) and check the feed settings (`extra.feed.url_parameters` in mkdocs.yml);
- on_files: write feed.xml, atom.xml and the .ics file at the site root (`File.generated`).
  The items' images are the preview images, so this hook runs after hooks/previews.py
  (its place in mkdocs.yml) and reads their byte sizes from the files it added.

The channel dates come from the items; the build time (`SOURCE_DATE_EPOCH` when set) is
used only for an empty feed and the calendar's DTSTAMP, so builds are reproducible.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_build_datetime

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.data.errors import DataError
from liftheavy.data.publication import Publication, load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.pages.urls import ATOM_FILE, CALENDAR_FILE, FEED_FILE
from liftheavy.sharing.feeds import FeedConfigError, feed_channel, render_atom, render_rss, url_parameters
from liftheavy.sharing.ics import render_calendar
from liftheavy.sharing.previewcards import preview_cards

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.liftheavy.feed")

# Reset by every on_config (hook modules survive `mkdocs serve` rebuilds).
_build: dict[str, object] = {}
_invocation = {"command": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    _invocation["command"] = command


def on_config(config: MkDocsConfig) -> None:
    """Read the publication and the feed settings once per build."""
    if not config.site_url:
        raise PluginError("site_url must be set in mkdocs.yml: the feed needs absolute URLs")
    root = Path(config.config_file_path).parent
    try:
        publication = load_publication(root, Path(config.docs_dir), os.environ, _invocation["command"])
        parameters = url_parameters(config.extra.get("feed"))
    except (ReleaseDateError, FeedConfigError) as error:
        raise PluginError(str(error)) from None
    except DataError as error:
        raise PluginError(f"the program data has problems:\n{error}") from None
    _build.clear()
    _build.update(publication=publication, parameters=parameters)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the feeds and the calendar to the site."""
    publication: Publication = _build["publication"]
    build_time = get_build_datetime()  # SOURCE_DATE_EPOCH when set
    cards = preview_cards(publication)
    image_sizes = {}
    for card in cards.values():
        image = files.get_file_from_path(card.path)
        if image is None:
            raise PluginError(f"{card.path} is missing: list hooks/previews.py before hooks/feed.py in mkdocs.yml")
        image_sizes[card.path] = len(image.content_bytes)
    channel = feed_channel(
        publication,
        site_name=config.site_name,
        site_url=config.site_url,
        description=config.site_description or "",
        cards=cards,
        image_sizes=image_sizes,
        parameters=_build["parameters"],
        build_time=build_time,
    )
    calendar = render_calendar(
        publication.program, site_name=config.site_name, site_url=config.site_url, build_time=build_time
    )
    for path, content in (
        (FEED_FILE, render_rss(channel)),
        (ATOM_FILE, render_atom(channel)),
        (CALENDAR_FILE, calendar),
    ):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would replace the generated {path}; remove or rename it")
        files.append(File.generated(config, path, content=content))
    log.info("Feed: %s", [item.title for item in channel.items])
    return files
