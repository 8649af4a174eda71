"""MkDocs hook: the theme's compiled templates kept between builds.

MkDocs gives the theme (Material's templates and our `overrides/`) a fresh Jinja
environment for every build, and Jinja compiles each template it renders into Python code:
for our site, 50 compilations and about a fifth of a warm build's CPU time, spent again on
every `make build` and every `mkdocs serve` rebuild. on_env gives that environment the
bytecode cache our own templates use (`liftheavy.cache.TEMPLATE_BYTECODE`, Jinja's
`FileSystemBytecodeCache`): Jinja keys each entry by the template's file and checks its
source's checksum, so an edited or upgraded template is compiled again, and the output is
the same as without the cache. `LIFTHEAVY_CACHE=off` leaves it out (a clean machine's build).

Material's search plugin makes environments of its own for its translations; those are not
given to hooks and stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liftheavy.cache import TEMPLATE_BYTECODE

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Compile each theme template once per machine instead of once per build."""
    if TEMPLATE_BYTECODE is not None and env.bytecode_cache is None:
        env.bytecode_cache = TEMPLATE_BYTECODE
    return env
