"""Our own JavaScript and CSS, as served: minified, so they fit their gzipped budget (perf/budgets.toml)
while the sources in docs/assets/ keep their comments.

`hooks/minify.py` calls `minify_site_files` on the built site with the files listed under
`extra_css` in mkdocs.yml and our page scripts; `offline.py` minifies the service worker
it writes. rJSmin and rCSSmin only remove comments and whitespace, so behaviour is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify(text: str, suffix: str) -> str:
    """`text` without comments and needless whitespace (`suffix` is '.js' or '.css')."""
    minified: str = MINIFIERS[suffix](text)
    return minified.strip() + "\n"


def minify_site_files(site_dir: Path, paths: list[str]) -> list[str]:
    """Minify each listed .js/.css file of the built site in place; return those changed.

    Paths that are not files of the site (URLs of other hosts, other types) are skipped.
    """
    changed = []
    for path in paths:
        file = site_dir / path
        if file.suffix in MINIFIERS and file.is_file() and "://" not in path:
            text = file.read_text(encoding="utf-8")
            smaller = minify(text, file.suffix)
            if smaller != text:
                file.write_text(smaller, encoding="utf-8")
                changed.append(path)
    return changed
