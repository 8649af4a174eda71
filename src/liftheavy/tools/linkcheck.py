"""Check every internal link and anchor of a built site; no network, no third-party service.

    python -m liftheavy.tools.linkcheck site/         (`make linkcheck`, run by CI on the built artifact)

Reads each HTML page (`htmlscan`), resolves its links as a browser would under the site's
base path, and lists every link whose page or `#anchor` does not exist. External links are
not fetched: CI and the build are offline by design. Exit status 1 when anything is broken.
"""

from __future__ import annotations

import sys
from pathlib import Path

from liftheavy.tools.htmlscan import html_pages, page_url, resolve, scan


def broken_links(site: Path) -> list[str]:
    """`/from/page/ → href (why)` for every internal link that leads nowhere."""
    broken = []
    for path in html_pages(site):
        from_url = page_url(site, path)
        for href in scan(path).links:
            target = resolve(site, from_url, href)
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                broken.append(f"{from_url} → {href} (no page)")
            elif fragment and file.suffix == ".html" and fragment not in scan(file).ids:
                broken.append(f"{from_url} → {href} (no anchor)")
    return broken


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("site")
    if not any(html_pages(site)):
        print(f"{site}/ has no HTML pages; run `make build` first", file=sys.stderr)
        return 1
    broken = broken_links(site)
    for link in broken:
        print(link, file=sys.stderr)
    pages = len(html_pages(site))
    print(f"{len(broken)} broken internal links in {pages} pages of {site}/", file=sys.stderr if broken else sys.stdout)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
