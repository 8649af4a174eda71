"""Our own scripts and stylesheets are served minified (`liftheavy.browser.minifier`), with the same
behaviour: the browser tests run the minified files; these pin what minifying does."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from liftheavy.browser.bundle import GYM_SCRIPT, gym_script
from liftheavy.browser.minifier import minify, minify_site_files

STYLESHEET = ROOT / "docs/assets/stylesheets/liftheavy.css"


def test_served_files_are_the_sources_minified(site: Path) -> None:
    sources = {GYM_SCRIPT: (gym_script(), ".js"), "assets/stylesheets/liftheavy.css": (STYLESHEET.read_text(), ".css")}
    for served, (source, suffix) in sources.items():
        text = (site / served).read_text(encoding="utf-8")
        assert text == minify(source, suffix)
        assert len(text) < 0.8 * len(source)
        assert "/*" not in text


def test_service_worker_is_minified(site: Path) -> None:
    text = (site / "sw.js").read_text(encoding="utf-8")
    assert "/*" not in text
    assert "{#" not in text


def test_minify_keeps_strings_and_drops_comments() -> None:
    script = 'const a = "/* not a comment */"; // note\n/* block */ const b = `x // y`;\n'
    assert minify(script, ".js") == 'const a="/* not a comment */";const b=`x // y`;\n'
    style = '/* why */\n.a::after { content: "/* kept */"; }\n'
    assert minify(style, ".css") == '.a::after{content:"/* kept */"}\n'


def test_only_listed_local_files_are_touched(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("/* c */ let x = 1;\n")
    (tmp_path / "b.js").write_text("/* untouched */\n")
    (tmp_path / "page.html").write_text("<!-- page -->\n")
    changed = minify_site_files(tmp_path, ["a.js", "page.html", "https://cdn.example/x.js", "missing.css"])
    assert changed == ["a.js"]
    assert (tmp_path / "a.js").read_text() == "let x=1;\n"
    assert (tmp_path / "b.js").read_text() == "/* untouched */\n"
