"""A Content-Security-Policy for every page, as a `<meta http-equiv>` tag.

GitHub Pages sets no response headers, so the policy travels inside each page. It allows
scripts only from the site itself plus the exact inline scripts the page carries (Material
writes a few small ones); each is allowed by its SHA-256 hash, computed here from the
finished HTML, so an injected inline script, event handler or `javascript:` URL can never
run. Everything else (styles, images, fonts, fetches, workers) is limited to the site.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)

# `data:` images: Material's icons are SVG data URIs in its CSS.
_POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for the page's executable inline scripts, in order."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # e.g. Material's JSON configuration: data, never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(html: str) -> str:
    """The policy for this page."""
    hashes = "".join(f" {source}" for source in inline_script_hashes(html))
    return "; ".join(_POLICY).format(hashes=hashes)


def add_content_security_policy(html: str) -> str:
    """The page with its policy as the first tag after `<meta charset>` (or `<head>`)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html  # not a full HTML document (e.g. a fragment); nothing to protect
    return f"{html[: anchor.end()]}\n    {tag}{html[anchor.end() :]}"
