"""MkDocs hook: make the site installable (add it to the home screen, open full-screen).

Thin glue around `liftheavy.browser.manifest` (no MkDocs imports there):

- on_files: add the web app manifest (`manifest.webmanifest`, at the site root) and its
  PNG icons, drawn at build time, as generated files;
- on_env: give the theme the theme colour, for the `<meta name="theme-color">` that
  `overrides/partials/liftheavy/webapp.html` writes next to `<link rel="manifest">`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.browser.manifest import THEME_COLOR, web_app_files
from liftheavy_glue import current_build, require_site_url

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

SHORT_NAME = "Lift Heavy"  # under the home-screen icon: about 12 characters fit


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the manifest and the icons; refuse to silently replace a file from docs/."""
    description = config.site_description or config.site_name
    app_id = urlsplit(require_site_url(config, "the web app's id is the site's path")).path or "/"
    cache = current_build(config).cache
    for path, content in web_app_files(config.site_name, SHORT_NAME, description, app_id, cache).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would replace a generated web app file; remove or rename it")
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["liftheavy_theme_color"] = THEME_COLOR
    return env
