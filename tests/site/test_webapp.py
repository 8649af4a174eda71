"""The installable web app (`liftheavy.browser.manifest`): the manifest, its icons (real PNGs of the
declared sizes, a maskable one drawn inside the safe zone) and the head tags pointing at them."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from liftheavy.tools.htmlscan import html_pages
from liftheavy.browser.manifest import APPLE_TOUCH_ICON, ICONS, THEME_COLOR, draw_icon


def _read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB PNG without interlacing or row filters."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, *_ = header
    assert (depth, colour) == (8, 2)
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    rows = [raw[row * stride : (row + 1) * stride] for row in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, [row[1:] for row in rows]


def _manifest(site: Path) -> dict[str, object]:
    return json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))


def test_manifest_makes_the_site_installable(site: Path) -> None:
    manifest = _manifest(site)
    assert manifest["name"] == "Runners Lift Heavy"
    assert len(manifest["short_name"]) <= 12
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./"  # relative: works under any base path
    # The app's identity: root-relative, as browsers resolve `id` against the origin.
    assert manifest["id"] == "/runners-lift-heavy/"
    assert manifest["theme_color"] == THEME_COLOR
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_the_today_shortcut_opens_a_built_page_that_is_saved_offline(site: Path) -> None:
    """A long press on the installed app's icon offers today's session (docs/today.md)."""
    (shortcut,) = _manifest(site)["shortcuts"]
    assert shortcut["name"] == "Today's session"
    assert len(shortcut["short_name"]) <= 12
    assert shortcut["url"] == "./today/"  # relative to the manifest, at the site root
    assert (site / "today" / "index.html").is_file()
    assert '"today/"' in (site / "sw.js").read_text(encoding="utf-8")
    assert all((site / icon["src"]).is_file() for icon in shortcut["icons"])


@pytest.mark.parametrize("icon", [*ICONS, APPLE_TOUCH_ICON], ids=lambda icon: icon.path)
def test_icons_are_pngs_of_their_declared_size(site: Path, icon) -> None:
    width, height, _ = _read_png((site / icon.path).read_bytes())
    assert (width, height) == (icon.size, icon.size)


def test_maskable_icon_keeps_the_drawing_inside_the_safe_zone() -> None:
    size = 512
    _, _, rows = _read_png(draw_icon(size, "maskable"))
    background = bytes.fromhex(THEME_COLOR[1:])
    centre, safe_radius = size / 2, size * 0.4  # the circle every launcher's mask keeps
    drawn_outside = [
        (x, y)
        for y, row in enumerate(rows)
        for x in range(0, size, 4)
        if (x - centre) ** 2 + (y - centre) ** 2 > safe_radius**2 and row[x * 3 : x * 3 + 3] != background
    ]
    assert drawn_outside == []
    assert any(row[x * 3 : x * 3 + 3] != background for row in rows for x in range(size))


def test_icons_are_reproducible() -> None:
    assert draw_icon(192, "any") == draw_icon(192, "any")
    assert draw_icon(512, "any") != draw_icon(512, "maskable")


def test_every_page_links_the_manifest_theme_colour_and_home_screen_icon(site: Path) -> None:
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert '<link rel="manifest" href="' in html, path
        assert f'<meta name="theme-color" content="{THEME_COLOR}">' in html, path
        assert '<link rel="apple-touch-icon" href="' in html, path
