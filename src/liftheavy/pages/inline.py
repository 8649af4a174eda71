"""Inline Markdown for data text: *emphasis*, **strong** and [links](https://…), nothing else.

Contributors write short text in YAML. We render the tiny subset above ourselves instead
of handing the text to a full Markdown engine, so raw HTML, `javascript:` links, images
and event handlers cannot reach a page: the text is HTML-escaped first, and only the
three patterns below are turned back into tags. (The loader already rejects HTML and
non-http links with a clear message; this is the second line of defence.)
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s\"'<>]+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


def render_inline(text: str) -> Markup:
    """Escape `text` and render its inline Markdown subset as HTML."""
    html = str(escape(text))
    html = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    html = _STRONG.sub(r"<strong>\1</strong>", html)
    html = _EMPHASIS.sub(r"<em>\1</em>", html)
    return Markup(html)


# Characters that Python-Markdown (with attr_list) treats as syntax in a heading line.
# `<`, `>` and `&` are not listed: they are HTML-escaped afterwards, which Markdown keeps.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(text: str) -> Markup:
    """Escape `text` for a Markdown line (a heading) so it shows exactly as written."""
    return escape(_MARKDOWN_SYNTAX.sub(r"\\\1", text))
