"""MkDocs hook: the service worker that makes every page open with no signal after one visit.

Thin glue around `liftheavy.browser.serviceworker` (no MkDocs imports there). on_post_build runs last, once
every page and every other hook's file is written, and writes `sw.js` at the site root with
the precache list of this build (each page and asset with a content hash). The gym script
(`src/liftheavy/browser/js/offline.js`, in the served gym script) registers it on every page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.browser.serviceworker import write_service_worker

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.liftheavy.offline")


@event_priority(-100)  # last: after every hook or plugin that writes files into the site
def on_post_build(*, config: MkDocsConfig) -> None:
    # 404.html links to assets by absolute path under site_url's path (/runners-lift-heavy/).
    base_path = urlsplit(config.site_url or "/").path or "/"
    entries = write_service_worker(Path(config.site_dir), base_path)
    log.info("Service worker: %d files saved for offline use", len(entries))
