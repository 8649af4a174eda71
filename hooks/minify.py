"""MkDocs hook: serve our own JavaScript and CSS minified (the budget in perf/budgets.toml).

Thin glue around `liftheavy.browser.bundle` and `liftheavy.browser.minifier` (no MkDocs
imports there). on_files adds our page scripts, each joined from its ES modules into one
file (overrides/partials/liftheavy/body-end.html links the one a page needs; the build in
`liftheavy_glue` keeps them on disk until our code changes). on_post_build
minifies, in the built site, those scripts and the files listed under `extra_css` (ours:
Material's own assets are minified already), before `hooks/offline.py` hashes every file for the service worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.browser.bundle import SCRIPTS, SITE_STYLESHEET, BundleError
from liftheavy.browser.minifier import minify_site_files
from liftheavy_glue import current_build, on_startup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["on_files", "on_post_build", "on_startup"]
log = logging.getLogger("mkdocs.plugins.liftheavy.minify")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        scripts = current_build(config).page_scripts  # bundled once per change of our code
    except BundleError as error:
        raise PluginError(f"Our page scripts cannot be built: {error}") from None
    for url, script in scripts.items():
        files.append(File.generated(config, url, content=script))
    return files


@event_priority(-50)  # late, but before hooks/offline.py (-100) hashes the files
def on_post_build(*, config: MkDocsConfig) -> None:
    paths = [str(path) for path in config.extra_css] + [SITE_STYLESHEET, *SCRIPTS]
    changed = minify_site_files(Path(config.site_dir), paths)
    log.info("Minified %d of our own scripts and stylesheets", len(changed))
