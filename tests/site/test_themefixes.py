"""Fixes to Material's HTML (`liftheavy.browser.themefixes`, hooks/theme_fixes.py): the search
dialog's accessible name, the start palette on <body>, deferred end-of-body scripts, search on demand and stripped
indentation; on the built site, and a strict build that fails when Material's markup no
longer matches. (tests/browser/test_browser.py opens search for real.)"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, copy_project
from liftheavy.tools.htmlscan import html_pages
from liftheavy.browser.themefixes import (
    defer_end_scripts,
    label_search_dialog,
    LAZY_SEARCH_FILE,
    lazy_search_script,
    missing_fixes,
    search_on_demand,
    ship_start_palette,
    strip_indentation,
)

SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '  <input type="text" class="md-search__input" name="query" aria-label="Suche" placeholder="Suche">\n'
    "</div>"
)
SCRIPTS = (
    '<head><script src="head.js"></script></head><body>\n'
    '<script id="__config" type="application/json">{"base": "."}</script>\n'
    '<script src="bundle.js"></script>\n'
    '<script src="mine.js" async></script>\n'
    '<script type="module" src="module.js"></script>\n'
    '<script src="extra.js"></script>\n'
    "</body>"
)


def test_search_dialog_is_named_after_its_search_box() -> None:
    fixed = label_search_dialog(SEARCH)
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">' in fixed
    assert label_search_dialog(fixed) == fixed
    assert [problem for problem in missing_fixes(fixed) if "dialog" in problem] == []


def test_changed_search_markup_is_reported_not_ignored() -> None:
    changed = SEARCH.replace('role="dialog"', 'role="dialog" hidden')
    assert label_search_dialog(changed) == changed
    assert missing_fixes(changed) != []
    assert missing_fixes("<p>No search on this page</p>") == []

PALETTE = (
    '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">\n'
    '<form class="md-header__option" data-md-component="palette">\n'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme)" data-md-color-scheme="default" '
    'data-md-color-primary="indigo" data-md-color-accent="indigo" aria-label="Light" type="radio">\n'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default" '
    'data-md-color-primary="teal" data-md-color-accent="deep-orange" aria-label="Dark" type="radio">\n'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" '
    'data-md-color-primary="teal" data-md-color-accent="lime" aria-label="System" type="radio">\n'
    "</form>"
)


def test_body_ships_the_palette_material_starts_with() -> None:
    fixed = ship_start_palette(PALETTE)
    assert fixed.startswith(
        '<body dir="ltr" data-md-color-media="(prefers-color-scheme)" data-md-color-scheme="default" '
        'data-md-color-primary="teal" data-md-color-accent="deep-orange">'
    )
    assert fixed.split(">", 1)[1] == PALETTE.split(">", 1)[1]  # the options are untouched
    assert ship_start_palette(fixed) == fixed
    assert [problem for problem in missing_fixes(fixed) if "palette" in problem] == []
    # A single fixed palette: its own media and colours.
    single = PALETTE.replace("(prefers-color-scheme)", "(prefers-color-scheme: light)", 1)
    assert 'data-md-color-primary="indigo" data-md-color-accent="indigo">' in ship_start_palette(single).split("\n")[0]


def test_changed_palette_markup_is_reported_not_ignored() -> None:
    assert [problem for problem in missing_fixes(PALETTE) if "palette" in problem] != []  # not fixed yet
    changed = PALETTE.replace('<input class="md-option"', '<input class="md-option" data-new', 1).replace(
        'data-md-color-accent="indigo" aria', 'aria', 1
    )
    assert ship_start_palette(changed) == changed
    assert [problem for problem in missing_fixes(changed) if "palette" in problem] != []
    assert [problem for problem in missing_fixes("<body><p>No palette</p></body>") if "palette" in problem] == []


def test_end_of_body_scripts_are_deferred_in_order() -> None:
    fixed = defer_end_scripts(SCRIPTS)
    assert '<script src="head.js"></script>' in fixed  # before the configuration: untouched
    assert re.findall(r"<script [^>]*>", fixed.split("__config")[1]) == [
        '<script src="bundle.js" defer>',
        '<script src="mine.js" async>',
        '<script type="module" src="module.js">',
        '<script src="extra.js" defer>',
    ]
    assert defer_end_scripts(fixed) == fixed


def test_search_waits_for_the_reader_on_pages_with_search_only() -> None:
    bundle = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    scripts = SCRIPTS.replace('<script src="bundle.js"></script>', bundle)
    page = f"<html><head></head><body>{SEARCH}{scripts}"
    fixed = search_on_demand(page)
    assert f'<script src="../{LAZY_SEARCH_FILE}" defer></script>\n{bundle}' in fixed  # runs just before it
    assert search_on_demand(fixed) == fixed
    assert search_on_demand(f"<p>No search</p>{bundle}") == f"<p>No search</p>{bundle}"
    assert missing_fixes(label_search_dialog(fixed)) == []
    assert any("search on demand" in problem for problem in missing_fixes(SEARCH))
    script = lazy_search_script()
    assert "XMLHttpRequest.prototype.send" in script  # the index request is held back
    assert "window.Worker=" in script  # and so is the worker


def test_indentation_goes_but_verbatim_text_stays() -> None:
    html = (
        "<div>\n    <p>Two\n      words</p>\n\n\n  <pre><code>  keep\n    this</code></pre>\n"
        "  <textarea>\n  as typed</textarea>\n  <script>\n  var a = 1;\n  </script>\n</div>"
    )
    assert strip_indentation(html) == (
        "<div>\n<p>Two\nwords</p>\n<pre><code>  keep\n    this</code></pre>\n"
        "<textarea>\n  as typed</textarea>\n<script>\n  var a = 1;\n  </script>\n</div>"
    )


def test_every_built_page_is_fixed(site: Path) -> None:
    pages = html_pages(site)
    assert any(path.parent.name == "week-1" for path in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'role="dialog" aria-label="Search"' in html, path
        assert re.search(r'<body [^>]*data-md-color-accent="deep-orange"', html), path  # as mkdocs.yml says
        tail = html.split('<script id="__config"')[1]
        scripts = re.findall(r"<script [^>]*src=[^>]*>", tail)
        assert any("bundle." in script for script in scripts), path
        assert all(re.search(r"\b(defer|async)\b|type=\"module\"", script) for script in scripts), (path, scripts)
        assert not re.search(r"\n[ \t]+<(div|nav|li|a|p)\b", html), path
        bundle_at = next(index for index, script in enumerate(scripts) if "bundle." in script)
        assert LAZY_SEARCH_FILE in scripts[bundle_at - 1], path  # search on demand, just before the bundle
        fixed = search_on_demand(defer_end_scripts(label_search_dialog(ship_start_palette(html))))
        assert fixed == html  # nothing left to fix


def test_strict_build_fails_when_material_markup_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    partial = project / "overrides" / "partials" / "search.html"
    partial.write_text('<div class="md-search" data-md-component="search" role="dialog" data-new-material></div>\n')
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "could not apply search dialog label" in result.stderr
