"""Nothing a contributor writes can run script in a reader's browser.

Hostile payloads go into every free-text field of a copy of the real data. First line of
defence: the loader refuses HTML and non-http links, naming each field. Second line: with
that check switched off, the same data is built and every page is opened in Chromium:
the payloads show as text, nothing executes, no dialog opens, no CSP violation fires.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ALL_RELEASED, PHONE, copy_project, serve_directory
from liftheavy.data import yamlnodes
from liftheavy.data.errors import DataError
from liftheavy.data.loader import load_program

PAYLOADS = [
    '<script>alert("x1")</script>',
    '<img src=x onerror=alert("x2")>',
    '[tap me](javascript:alert("x3"))',
    '"><svg onload=alert("x4")>',
    "{{ 7*7 }} {% raw %}x5",
    "' onmouseover='alert(\"x6\")' x='",
]
# What must never appear in built output: each payload's active form.
ACTIVE = [
    re.compile(r"<script>alert", re.IGNORECASE),
    re.compile(r"<img src=x", re.IGNORECASE),
    re.compile(r"""href=["']?javascript:""", re.IGNORECASE),
    re.compile(r"<svg onload", re.IGNORECASE),
    re.compile(r"\b49\b x5"),
    re.compile(r"<[^<>]*\sonmouseover=", re.IGNORECASE),  # an attribute only inside a tag
]
# Free-text fields, by file; everything else is an id, a number, a date or a vocabulary word.
FREE_TEXT = {
    "program": {"title", "tagline", "description", "equipment", "authors", "journal", "note", "publisher"},
    "exercises": {"name", "cues", "faults", "regression", "progression", "substitution"},
    "week": {"title", "summary", "focus", "changes", "raise", "activate", "mobilise", "potentiate", "cues", "note"},
}


def _poison(value: object, kind: str, payloads: itertools.cycle, planted: list[str], key: str | None = None) -> object:
    """Replace every free-text string under `value` with the next payload."""
    if isinstance(value, dict):
        return {k: _poison(v, kind, payloads, planted, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(item, kind, payloads, planted, key) for item in value]
    if isinstance(value, str) and key in FREE_TEXT[kind]:
        planted.append(next(payloads))
        return planted[-1]
    return value


def poison_data(project: Path) -> list[str]:
    """Plant payloads in every free-text field of the project's data; returns what was planted."""
    payloads, planted = itertools.cycle(PAYLOADS), []
    files = [("program", project / "data/program.yaml"), ("exercises", project / "data/exercises.yaml")]
    files += [("week", path) for path in sorted((project / "data/weeks").glob("*.yaml"))]
    for kind, path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # Keep key order: a figure's first `rests:` entry anchors the drawing.
        poisoned = _poison(data, kind, payloads, planted)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return planted


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("poisoned"))
    return project, poison_data(project)


def test_loader_refuses_html_and_script_links_in_every_field(poisoned: tuple[Path, list[str]]) -> None:
    project, planted = poisoned
    with pytest.raises(DataError) as caught:
        load_program(project)
    messages = [problem.message for problem in caught.value.problems]
    html = sum(payload.startswith(("<", '">')) for payload in planted)
    assert html > 50  # every field kind got some
    assert messages.count("HTML tags are not allowed; write plain text (Markdown *emphasis* and links work)") == html
    assert all(
        re.fullmatch(r"data/[\w/.-]+\.yaml", problem.file) and problem.line > 0 for problem in caught.value.problems
    )


@pytest.fixture(scope="module")
def poisoned_site(poisoned: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The poisoned data built with the loader's HTML and link checks switched off."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, _ = poisoned
    site = tmp_path_factory.mktemp("poisoned-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlnodes, "_RAW_HTML", re.compile(r"(?!)"))
        patch.setattr(yamlnodes, "_MD_LINK", re.compile(r"(?!)"))
        patch.setenv("RELEASE_DATE", ALL_RELEASED)
        load_program(project)  # the checks are really off: this data now loads
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))
    return site


class _ActiveMarkup(HTMLParser):
    """Finds what a browser would run in a page: on* handler attributes, javascript: URLs,
    and the planted payloads' own elements (attribute values are parsed, not pattern-matched)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_no_payload_is_active_in_any_built_file(poisoned_site: Path) -> None:
    found = []
    for path in sorted(poisoned_site.rglob("*")):
        name = path.relative_to(poisoned_site).as_posix()
        if path.suffix == ".html":
            parser = _ActiveMarkup()
            parser.feed(path.read_text(encoding="utf-8"))
            found += [f"{name}: {item}" for item in parser.found]
        elif path.suffix == ".xml" or name == "search/search_index.json":
            # Feeds and the search index carry HTML that a reader or Material renders; the
            # manifest and the .ics calendar are plain text by definition, never rendered as HTML.
            text = path.read_text(encoding="utf-8")
            found += [f"{name}: {p.pattern}" for p in ACTIVE if p.search(text)]
    assert found == []
    week = (poisoned_site / "week-1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x1&#34;)&lt;/script&gt;" in week  # shown as text, not dropped


@pytest.mark.browser
def test_opening_every_poisoned_page_runs_nothing(browser, poisoned_site: Path) -> None:
    from test_browser import CSP_LISTENER

    with serve_directory(poisoned_site) as base:
        assert _what_ran(browser, poisoned_site, base, CSP_LISTENER) == []


def _what_ran(browser, poisoned_site: Path, base: str, csp_listener: str) -> list[str]:
    """Dialogs and policy violations while every page is opened, hovered and searched."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.add_init_script(csp_listener)
    try:
        for path in sorted(poisoned_site.rglob("index.html")):
            url = base + path.parent.relative_to(poisoned_site).as_posix().removeprefix(".") + "/"
            page.goto(url.replace("//", "/").replace("http:/", "http://"), wait_until="networkidle")
            page.mouse.move(100, 300)  # would fire an injected onmouseover
            events += [f"{url}: csp {v}" for v in page.evaluate("window.__cspViolations")]
        page.locator("label.md-header__button[for='__search']").click()
        page.locator("input.md-search__input").press_sequentially("tap me")
        page.locator(".md-search-result__item").first.wait_for()
        events += [f"search: csp {v}" for v in page.evaluate("window.__cspViolations")]
    finally:
        context.close()
    return events
