"""Small, checked fixes to the HTML Material writes, for speed and accessibility.

Each function takes a finished page and returns it changed, or unchanged when the markup it
fixes is absent; `missing_fixes` says which fix found the markup changed (for example after
a Material upgrade), so the hook can warn instead of silently shipping the old problem.

- The search overlay is a `role="dialog"` without a name (axe `aria-dialog-name`); it gets
  the label of its own search box ("Search").
- The scripts at the end of the body (Material's bundle, then `extra_javascript`) are
  external classic scripts the parser must stop for. They get `defer`, which keeps their
  order but lets the page paint before 35 KB of JavaScript has arrived on a slow phone.
- Material starts its search worker and downloads the search index while the page loads
  (about 37 KB gzip); `lazysearch.js` (published as `LAZY_SEARCH_FILE`, loaded with
  `defer` right before Material's bundle, so it runs first) holds both back until the
  reader reaches for search. Material shows "Initializing search" until they arrive. It is
  a file, not an inline script, so each page's HTML stays 0.8 KB lighter and the browser
  keeps one cached copy.
- Material writes `<body>` with the first palette option's colours, and that option is the
  system preference one, which names none, so the body ships with accent "indigo"; on
  every first visit Material's palette code then sets the configured colours and the
  whole page is restyled during start-up. The body gets the colours Material will choose
  for a light system preference (the option Material resolves "(prefers-color-scheme)"
  to), so the first paint already carries them and Material's settings change nothing
  there. (A dark preference still switches to slate at start-up, as before.)
- Material's templates indent every line; the indentation is about 5 % of a page's
  compressed size. It is removed outside `<pre>`, `<textarea>`, `<script>` and `<style>`;
  each line break stays, so the text renders exactly as before.
"""

from __future__ import annotations

import re
from pathlib import Path

from liftheavy.browser.minifier import minify

_SEARCH_DIALOG = re.compile(r'(?P<tag><div class="md-search" data-md-component="search" role="dialog")>')
_SEARCH_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="(?P<label>[^"]*)"')
_SEARCH_COMPONENT = 'data-md-component="search"'
# Material's configuration block comes right before its scripts at the end of <body>.
_SCRIPTS_START = '<script id="__config"'
_EXTERNAL_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*\bsrc=[^>]*)>", re.IGNORECASE)
_ALREADY_LAZY = re.compile(r"\b(async|defer)\b|\btype\s*=\s*[\"']?module", re.IGNORECASE)
# Elements whose whitespace is content (or code): left exactly as they are.
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n\s+")  # indentation and blank lines
LAZY_SEARCH_FILE = "assets/javascripts/liftheavy-lazysearch.js"
_BODY = re.compile(r"<body\b[^>]*>")
_PALETTE_COMPONENT = 'data-md-component="palette"'
_PALETTE_OPTION = re.compile(r'<input class="md-option"(?P<attrs>[^>]*)>')
_COLOR = re.compile(r'\sdata-md-color-(?P<key>media|scheme|primary|accent)="(?P<value>[^"]*)"')
# Material's palette start-up resolves the system preference option to this option's colours
# when the system is light (and to "(prefers-color-scheme: dark)" when it is dark).
_SYSTEM = "(prefers-color-scheme)"
_SYSTEM_LIGHT = "(prefers-color-scheme: light)"
_BUNDLE = re.compile(r'<script src="(?P<prefix>[^"]*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def label_search_dialog(html: str) -> str:
    """Name the search dialog after its search box, so screen readers announce it."""
    label = _SEARCH_LABEL.search(html)
    name = label.group("label") if label else "Search"
    return _SEARCH_DIALOG.sub(lambda match: f'{match.group("tag")} aria-label="{name}">', html, count=1)


def defer_end_scripts(html: str) -> str:
    """Add `defer` to the external classic scripts after Material's configuration block."""
    start = html.find(_SCRIPTS_START)
    if start < 0:
        return html

    def defer(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        return match.group(0) if _ALREADY_LAZY.search(attrs) else f"<script{attrs} defer>"

    return html[:start] + _EXTERNAL_SCRIPT.sub(defer, html[start:])


def lazy_search_script() -> str:
    """The minified script behind `search_on_demand`, to publish at `LAZY_SEARCH_FILE`."""
    return minify((Path(__file__).with_name("lazysearch.js")).read_text(encoding="utf-8"), ".js")


def search_on_demand(html: str) -> str:
    """On pages with Material's search, load `LAZY_SEARCH_FILE` just before Material's bundle
    (from the same directory prefix, so relative and absolute pages both work)."""
    bundle = _BUNDLE.search(html)
    if _SEARCH_COMPONENT not in html or bundle is None or LAZY_SEARCH_FILE in html:
        return html
    tag = f'<script src="{bundle.group("prefix")}{LAZY_SEARCH_FILE}" defer></script>\n'
    return html[: bundle.start()] + tag + html[bundle.start() :]


def _start_palette(html: str) -> dict[str, str] | None:
    """The `data-md-color-*` values Material's palette sets at start-up on a first visit with
    a light system preference (media of the first option, colours of the one it resolves to)."""
    options = [dict(_COLOR.findall(match.group("attrs"))) for match in _PALETTE_OPTION.finditer(html)]
    if not options or any(set(option) != {"media", "scheme", "primary", "accent"} for option in options):
        return None
    first = options[0]
    if first["media"] == _SYSTEM:
        resolved = next((option for option in options if option["media"] == _SYSTEM_LIGHT), None)
        if resolved is None:
            return None
        first = {**resolved, "media": _SYSTEM}
    return first


def ship_start_palette(html: str) -> str:
    """Give `<body>` the palette attributes Material's start-up would set (see the module)."""
    palette = _start_palette(html) if _PALETTE_COMPONENT in html else None
    body = _BODY.search(html)
    if palette is None or body is None or "data-md-color-scheme=" not in body.group(0):
        return html
    tag = _COLOR.sub("", body.group(0))[: -len(">")]
    tag += "".join(f' data-md-color-{key}="{palette[key]}"' for key in ("media", "scheme", "primary", "accent"))
    return html[: body.start()] + tag + ">" + html[body.end() :]


def strip_indentation(html: str) -> str:
    """Drop the spaces that start each line, except inside verbatim elements."""
    parts, last = [], 0
    for verbatim in _VERBATIM.finditer(html):
        parts += [_INDENTATION.sub("\n", html[last : verbatim.start()]), verbatim.group(0)]
        last = verbatim.end()
    parts.append(_INDENTATION.sub("\n", html[last:]))
    return "".join(parts)


def fix_page(html: str) -> str:
    """Every fix, in order."""
    return strip_indentation(search_on_demand(defer_end_scripts(label_search_dialog(ship_start_palette(html)))))


def missing_fixes(html: str) -> list[str]:
    """Fixes whose markup is on the page in a form this module does not recognise."""
    missing = []
    if _SEARCH_COMPONENT in html and not _SEARCH_DIALOG.search(html) and 'role="dialog" aria-label=' not in html:
        missing.append("search dialog label (Material's search markup changed)")
    if _SEARCH_COMPONENT in html and LAZY_SEARCH_FILE not in html:
        missing.append("search on demand (Material's bundle is not where it was)")
    if _PALETTE_COMPONENT in html:
        palette, body = _start_palette(html), _BODY.search(html)
        shipped = dict(_COLOR.findall(body.group(0))) if body else {}
        if palette is None or shipped != palette:
            missing.append("start palette on <body> (Material's palette markup changed)")
    return missing
