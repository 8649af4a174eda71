"""Before-and-after screenshots of the pages a change touches, for reviewers.

    python -m liftheavy.tools.screenshots BASE_SITE HEAD_SITE OUT_DIR

Compares two built sites (the pull request's base and head, built by the pull-request
workflow) page by page, and for every page whose content differs, is new or is gone, takes
a full-page screenshot at 360 px (a phone) of each side with Debian's Chromium (Playwright):
`OUT_DIR/before/<page>.png`, `OUT_DIR/after/<page>.png`, and `OUT_DIR/README.md` listing
them. The workflow uploads OUT_DIR as an artifact and links it from the job summary.

A page "differs" when its `<article>` (the content, without the navigation) differs: a new
week changes every page's navigation, and the reviewer wants the pages whose content moved.
Each site is served on 127.0.0.1 under production's base path; every other host is refused,
and service workers are off, so each screenshot shows exactly that build.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from liftheavy.tools.localserver import serve_site

BASE_PATH = "/runners-lift-heavy/"  # production's (site_url), as the 404 page's links assume
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 360, 740  # a phone
LIMIT = 40  # pages per side at most: a review artifact, not an archive
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Change:
    page: str  # the page's path below the site root: "", "week-1/", "404.html"
    before: bool  # the page exists in the base build
    after: bool  # ...and in the head build

    @property
    def name(self) -> str:
        """The screenshots' file name: week-1.png, index.png, 404.png."""
        stem = self.page.removesuffix("/").removesuffix(".html").replace("/", "--")
        return f"{stem or 'index'}.png"


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site by its path below the root, with the part compared."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        article = _ARTICLE.search(html)
        found[relative.removesuffix("index.html")] = article.group(0) if article else html
    return found


def changed_pages(base: Path, head: Path) -> list[Change]:
    """The pages whose content differs between the two builds, or that one of them lacks."""
    before, after = pages(base), pages(head)
    return [
        Change(page, page in before, page in after)
        for page in sorted(before.keys() | after.keys())
        if before.get(page) != after.get(page)
    ]


def serve(site: Path) -> contextlib.AbstractContextManager[str]:
    """The site on 127.0.0.1 under BASE_PATH; yields its base URL."""
    return serve_site(site, BASE_PATH)


def take(site: Path, changes: list[Change], folder: Path, *, side: str) -> None:
    """Full-page screenshots at 360 px of the changed pages that exist on this side."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    wanted = [change for change in changes if (change.before if side == "before" else change.after)]
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(
            viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1, service_workers="block"
        )
        local = urlsplit(url).netloc
        context.route(
            "**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == local else route.abort()
        )
        page = context.new_page()
        for change in wanted:
            page.goto(url + change.page, wait_until="load")
            page.screenshot(path=str(folder / change.name), full_page=True)
        browser.close()


def summary(changes: list[Change], shown: int) -> str:
    """OUT_DIR/README.md: which page is in which file."""
    lines = [
        "# Changed pages, before and after, at 360 px",
        "",
        "| page | before | after |",
        "|---|---|---|",
    ]
    for change in changes[:shown]:
        address = "/" + change.page
        before = f"before/{change.name}" if change.before else "(new page)"
        after = f"after/{change.name}" if change.after else "(page removed)"
        lines.append(f"| `{address}` | {before} | {after} |")
    if len(changes) > shown:
        lines += ["", f"{len(changes) - shown} more changed pages are not shown (at most {shown})."]
    if not changes:
        lines.append("| (no page's content changed) | | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print("usage: python -m liftheavy.tools.screenshots BASE_SITE HEAD_SITE OUT_DIR", file=sys.stderr)
        return 2
    base, head, out = map(Path, args)
    for site in (base, head):
        if not (site / "index.html").is_file():
            print(f"{site}/ is not a built site (no index.html): build it first", file=sys.stderr)
            return 2
    changes = changed_pages(base, head)
    shown = changes[:LIMIT]
    take(base, shown, out / "before", side="before")
    take(head, shown, out / "after", side="after")
    (out / "README.md").write_text(summary(changes, LIMIT), encoding="utf-8")
    print(f"{len(changes)} changed page(s); screenshots of {len(shown)} in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
