"""Links that last: every public URL in `public-urls.txt` keeps working, through renamed
exercise ids (`former_ids`) and moved pages (`data/redirects.yaml` stubs); canonical URLs;
(what a browser does with those links: tests/browser/test_links_browser.py).

After adding a page, a week or an exercise, add its addresses to public-urls.txt (the test
lists the missing lines; `UPDATE_URLS=1 make test` appends them). Never delete a line: a
link in an old newsletter still points there.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import FIXTURES, PHONE, ROOT, build_site, copy_project, serve_directory
from liftheavy.tools.htmlscan import html_pages, scan
from liftheavy.data.loader import load_program
from liftheavy.data.model import Redirect
from liftheavy.sharing.redirectstubs import check_redirects, relative_file, relative_link, stub_file
from liftheavy.pages.urls import ATOM_FILE, CALENDAR_FILE, FEED_FILE, site_path
from liftheavy.pages.render import library_sections

PINNED_FILE = Path(__file__).parent.parent / "public-urls.txt"
SITE_URL = "https://runners-lift-heavy.github.io/runners-lift-heavy/"


def pinned_urls() -> list[str]:
    lines = PINNED_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("# ")]


def landing_problem(site: Path, url: str, hops: int = 3) -> str | None:
    """Why `url` (a site path like /week-2/#session-a) does not land on its target, or None.

    Redirect stubs are followed as a browser does: the refresh replaces the whole address,
    so the old #fragment is dropped and the stub's own target (and its anchor) must exist.
    An entry of the library's index (/exercises/#goblet-squat) is followed to the link its
    script goes to (test_old_library_addresses_forward_in_a_browser runs the script itself).
    """
    path, _, fragment = url.partition("#")
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return f"{url}: nothing at {file.relative_to(site)}"
    if file.suffix != ".html":
        return None
    page = scan(file)
    if "refresh" in page.meta:
        if hops == 0:
            return f"{url}: too many redirects"
        target = page.meta["refresh"][0].split("url=", 1)[1]
        return landing_problem(site, urljoin(path, target), hops - 1)
    if fragment and fragment not in page.ids:
        return f"{url}: no #{fragment} on the page"
    if fragment in page.forwards:
        if hops == 0:
            return f"{url}: too many forwards"
        return landing_problem(site, urljoin(path, page.forwards[fragment]), hops - 1)
    return None


def published_urls(root: Path) -> set[str]:
    """The public addresses this data publishes once every week is out."""
    program = load_program(root)
    urls = {"/" + site_path(path.relative_to(root / "docs").as_posix()) for path in (root / "docs").rglob("*.md")}
    for week in program.weeks:
        base = f"/{week.slug}/"
        urls |= {base, f"{base}#warm-up", f"{base}#high-mileage"}
        for session in week.sessions:
            urls.add(f"{base}#session-{session.id}")
            urls |= {f"{base}#{session.id}-{p.exercise.id}" for b in session.blocks for p in b.prescriptions}
        urls |= {f"{base}#high-mileage-{p.exercise.id}" for p in week.high_mileage.prescriptions}
    urls |= {"/exercises/", *(f"/exercises/#{exercise.id}" for exercise in program.exercises)}
    for section in library_sections(program):
        base = "/" + site_path(section.src_uri)
        urls |= {base, *(f"{base}#{exercise.id}" for exercise in section.exercises)}
    return urls | {f"/{FEED_FILE}", f"/{ATOM_FILE}", f"/{CALENDAR_FILE}"}


def test_every_pinned_url_lands(site: Path) -> None:
    problems = [problem for url in pinned_urls() if (problem := landing_problem(site, url))]
    assert problems == []


def test_every_published_url_is_pinned() -> None:
    missing = sorted(published_urls(ROOT) - set(pinned_urls()))
    if missing and os.environ.get("UPDATE_URLS") == "1":
        with PINNED_FILE.open("a", encoding="utf-8") as pinned:
            pinned.writelines(f"{url}\n" for url in missing)
        missing = []
    assert missing == [], f"add these lines to {PINNED_FILE.name} (or run UPDATE_URLS=1 make test)"


def test_pinned_list_has_no_duplicates() -> None:
    urls = pinned_urls()
    assert len(urls) == len(set(urls))


def test_every_page_names_its_canonical_url(site: Path) -> None:
    wrong = []
    for path in html_pages(site):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        [canonical] = [link["href"] for link in scan(path).link_rels.get("canonical", [])]
        if canonical != SITE_URL + relative.removesuffix("index.html"):
            wrong.append(f"{relative}: {canonical}")
    assert wrong == []


# -- renames and moves ---------------------------------------------------------------------


def test_renamed_id_and_moved_page_keep_every_pinned_url(renamed_site: Path) -> None:
    assert (renamed_site / "evidence/index.html").is_file()
    assert "kettlebell-goblet-squat" in scan(renamed_site / "exercises/squat/index.html").ids
    assert scan(renamed_site / "exercises/index.html").forwards["goblet-squat"] == "squat/#kettlebell-goblet-squat"
    problems = [problem for url in pinned_urls() if (problem := landing_problem(renamed_site, url))]
    assert problems == []


def test_redirect_stub_is_plain_html_that_names_the_new_page(renamed_site: Path) -> None:
    stub = scan(renamed_site / "why-lift-heavy/index.html")
    assert stub.meta["refresh"] == ["0; url=../evidence/"]
    assert [link["href"] for link in stub.link_rels["canonical"]] == [SITE_URL + "evidence/"]
    assert stub.meta["robots"] == ["noindex"]
    assert stub.meta["og:url"] == [SITE_URL + "evidence/"]
    assert stub.meta["og:title"] == ["Why runners should lift heavy"]
    assert stub.links == ["../evidence/"]  # a plain link for browsers that do not follow the refresh
    assert [link["href"] for link in stub.link_rels["icon"]] == ["../assets/images/favicon.png"]
    assert (renamed_site / "assets/images/favicon.png").is_file()
    assert stub.scripts == 0  # no script: works under a strict Content-Security-Policy
    assert (renamed_site / "program.html").is_file()
    assert scan(renamed_site / "program.html").meta["refresh"] == ["0; url=./"]


def test_redirects_are_not_in_the_sitemap_or_search(renamed_site: Path) -> None:
    for index in ("sitemap.xml", "search/search_index.json"):
        text = (renamed_site / index).read_text(encoding="utf-8")
        assert "why-lift-heavy/" not in text
        assert "evidence/" in text


def test_redirect_to_a_missing_page_fails_the_build_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data/redirects.yaml").write_text(
        "redirects:\n  - from: /weeks/2/\n    to: /week-9/\n  - from: /about/\n    to: /exercises/#nope\n",
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/redirects.yaml:3:9: redirects[0].to: no page at '/week-9/'; the pages are /, /about/" in result.stderr
    assert (
        "data/redirects.yaml:4:11: redirects[1].from: '/about/' is the address of a page of this site" in result.stderr
    )
    assert "Traceback" not in result.stderr


def _redirect(old: str, new: str) -> Redirect:
    return Redirect(old=old, new=new, file="data/redirects.yaml", old_at=(2, 11), new_at=(3, 9))


@pytest.mark.parametrize(
    ("old", "new", "file", "link"),
    [
        ("/weeks/2/", "/week-2/", "weeks/2/index.html", "../../week-2/"),
        ("/program.html", "/", "program.html", "./"),
        ("/old/lib.html", "/exercises/#goblet-squat", "old/lib.html", "../exercises/#goblet-squat"),
        ("/a/", "/", "a/index.html", "../"),
    ],
)
def test_stub_file_and_relative_link(old: str, new: str, file: str, link: str) -> None:
    redirect = _redirect(old, new)
    assert (stub_file(redirect), relative_link(redirect)) == (file, link)
    icon = relative_file(redirect, "assets/images/favicon.png")
    assert posixpath.normpath(posixpath.join(posixpath.dirname("/" + file), icon)) == "/assets/images/favicon.png"


def test_redirect_to_an_unreleased_week_waits_for_it() -> None:
    waiting, ready = _redirect("/weeks/3/", "/week-3/"), _redirect("/weeks/2/", "/week-2/")
    pages = {"/": frozenset(), "/week-2/": frozenset({"session-a"})}
    assert check_redirects((waiting, ready), pages, frozenset({"/week-3/"}), frozenset()) == ([ready], [])


def test_valid_fixture_reads_redirects_and_former_ids() -> None:
    program = load_program(FIXTURES / "valid")
    assert [(r.old, r.new, r.old_at, r.new_at) for r in program.redirects] == [
        ("/weeks/1/", "/week-1/", (3, 11), (4, 9)),
        ("/calves.html", "/exercises/#calf-raise", (5, 11), (6, 9)),
    ]
    assert {exercise.id: exercise.former_ids for exercise in program.exercises}["calf-raise"] == (
        "standing-calf-raise",
    )
