"""MkDocs hook: the RSS and Atom feeds and the calendar of release dates.

Thin glue around `liftheavy.sharing.feeds` and `liftheavy.sharing.ics` (no MkDocs imports
there):

- on_config: check the feed settings (`extra.feed.url_parameters` in mkdocs.yml);
- on_files: write feed.xml, atom.xml and the .ics file at the site root (`File.generated`).
  The items' images are the preview images, whose byte sizes come from the same drawing
  the previews hook publishes (`liftheavy_glue.current_build`), whatever the hook order.

The channel dates come from the items; the build time (`SOURCE_DATE_EPOCH` when set) is
used only for an empty feed and the calendar's DTSTAMP, so builds are reproducible.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.utils import get_build_datetime

from liftheavy.pages.urls import ATOM_FILE, CALENDAR_FILE, FEED_FILE
from liftheavy.sharing.feeds import feed_channel, render_atom, render_rss, url_parameters
from liftheavy.sharing.ics import render_calendar

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy_glue import add_generated, current_build, on_startup, plugin_errors, require_site_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

__all__ = ["on_config", "on_files", "on_startup"]
log = logging.getLogger("mkdocs.plugins.liftheavy.feed")


def on_config(config: MkDocsConfig) -> None:
    """Fail early on a missing site_url or a bad feed setting."""
    require_site_url(config, "the feed needs absolute URLs")
    with plugin_errors():
        url_parameters(config.extra.get("feed"))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the feeds and the calendar to the site."""
    build = current_build(config)
    site_url = require_site_url(config, "the feed needs absolute URLs")
    build_time = get_build_datetime()  # SOURCE_DATE_EPOCH when set
    with plugin_errors():
        parameters = url_parameters(config.extra.get("feed"))
    channel = feed_channel(
        build.publication,
        site_name=config.site_name,
        site_url=site_url,
        description=config.site_description or "",
        cards=build.cards,
        image_sizes={path: len(png) for path, png in build.preview_images.items()},
        parameters=parameters,
        build_time=build_time,
    )
    program = build.publication.program
    calendar = render_calendar(program, site_name=config.site_name, site_url=site_url, build_time=build_time)
    for path, content in (
        (FEED_FILE, render_rss(channel)),
        (ATOM_FILE, render_atom(channel)),
        (CALENDAR_FILE, calendar),
    ):
        add_generated(files, config, path, content, path)
    log.info("Feed: %s", [item.title for item in channel.items])
    return files
