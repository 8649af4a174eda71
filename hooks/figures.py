"""MkDocs hook: the drawn figure of every exercise, as SVG files under assets/figures/.

Thin glue around `liftheavy.figures.draw` (no MkDocs imports there); the files come from
`liftheavy_glue.current_build`, drawn once per program (and kept on disk until it changes):

- on_files: add each exercise's two files, the loop and the still (for reduced motion),
  to the site (`File.generated`, nothing written to docs/). The library and
  every week card load the same files with <picture>, so each is downloaded once; the
  offline hook precaches them like any other image a page loads.

`mkdocs serve` watches data/, so saving exercises.yaml redraws the figures at once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy_glue import add_generated, current_build, on_startup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

__all__ = ["on_files", "on_startup"]
log = logging.getLogger("mkdocs.plugins.liftheavy.figures")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add both files of every exercise's figure."""
    figures = current_build(config).figures
    for path, svg in figures.items():
        add_generated(files, config, path, svg, "figure")
    log.debug("Drew %d figure files", len(figures))
    return files
