"""MkDocs hook: serve our own JavaScript and CSS minified (the budget in perf/budgets.toml).

Thin glue around `liftheavy.browser.bundle` and `liftheavy.browser.minifier` (no MkDocs
imports there). on_files adds the gym script, its ES modules joined into one file at the URL
mkdocs.yml lists under `extra_javascript`. on_post_build minifies, in the built site, the
files listed under `extra_css` and `extra_javascript` (ours: Material's own assets are
minified already), before `hooks/offline.py` hashes every file for the service worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.browser.bundle import GYM_SCRIPT, BundleError, gym_script
from liftheavy.browser.minifier import minify_site_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.liftheavy.minify")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        script = gym_script()
    except BundleError as error:
        raise PluginError(f"The gym script cannot be built: {error}") from None
    files.append(File.generated(config, GYM_SCRIPT, content=script))
    return files


@event_priority(-50)  # late, but before hooks/offline.py (-100) hashes the files
def on_post_build(*, config: MkDocsConfig) -> None:
    paths = [str(path) for path in config.extra_css] + [str(script) for script in config.extra_javascript]
    changed = minify_site_files(Path(config.site_dir), paths)
    log.info("Minified %d of our own scripts and stylesheets", len(changed))
