"""The installable web app: a manifest and its icons, made from code at build time.

`hooks/webapp.py` adds what `web_app_files` returns to the site as generated files, so no
binary is committed and the same build always writes the same bytes. The icons are drawn
from rectangles (a barbell over a running track) and encoded as PNG with the standard
library only: no image library, no fonts, nothing fetched.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from liftheavy.cache import DiskCache, code_fingerprint, fingerprint

THEME_COLOR = "#4051b5"  # Material's indigo, the header colour in both palettes
BACKGROUND_COLOR = "#ffffff"
_INDIGO = (0x40, 0x51, 0xB5)
_WHITE = (0xFF, 0xFF, 0xFF)
_ORANGE = (0xFF, 0x6E, 0x40)  # Material's deep orange accent

# The drawing, in a unit square: (x, y, width, height, colour).
_BARBELL = (
    (0.00, 0.46, 1.00, 0.08, _WHITE),  # the bar
    (0.07, 0.30, 0.08, 0.40, _WHITE),  # small plates
    (0.85, 0.30, 0.08, 0.40, _WHITE),
    (0.17, 0.20, 0.10, 0.60, _WHITE),  # big plates
    (0.73, 0.20, 0.10, 0.60, _WHITE),
    (0.30, 0.88, 0.40, 0.06, _ORANGE),  # the track underneath
)


@dataclass(frozen=True, slots=True)
class Icon:
    path: str  # where it goes in the site
    size: int
    purpose: str  # "any" or "maskable" (drawn inside the central safe zone)


ICONS = (
    Icon("assets/images/icon-192.png", 192, "any"),
    Icon("assets/images/icon-512.png", 512, "any"),
    Icon("assets/images/icon-maskable-512.png", 512, "maskable"),
)
APPLE_TOUCH_ICON = Icon("assets/images/apple-touch-icon.png", 180, "any")
MANIFEST = "manifest.webmanifest"


def draw_icon(size: int, purpose: str) -> bytes:
    """A square PNG: the barbell on indigo. A maskable icon keeps it in the middle 60 %,
    inside the circle every launcher's mask leaves visible."""
    margin = 0.20 if purpose == "maskable" else 0.10
    pixels = bytearray(bytes(_INDIGO) * size * size)
    inner = size * (1 - 2 * margin)
    for x, y, width, height, colour in _BARBELL:
        left = round(size * margin + x * inner)
        right = round(size * margin + (x + width) * inner)
        for row in range(round(size * margin + y * inner), round(size * margin + (y + height) * inner)):
            start = (row * size + left) * 3
            pixels[start : start + (right - left) * 3] = bytes(colour) * (right - left)
    return encode_png(size, size, bytes(pixels))


def encode_png(width: int, height: int, rgb: bytes) -> bytes:
    """8-bit RGB pixels, row by row, as a PNG file (deterministic: no timestamps)."""
    stride = width * 3
    raw = b"".join(b"\x00" + rgb[row * stride : (row + 1) * stride] for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


TODAY_PATH = "today/"  # docs/today.md: opens today's session of "Your block"


def web_manifest(name: str, short_name: str, description: str, app_id: str) -> str:
    """The manifest, with URLs relative to itself (it sits at the site root), so it works
    under any base path; `app_id` is the site's path (`/runners-lift-heavy/`).

    The `id` is what a phone knows the installed app by. Without one it is the start URL,
    so moving the start page would make a new app. It is root-relative, not "./": browsers
    resolve `id` against the origin, not the manifest, so "./" would name the whole
    github.io origin, shared with every other project site there."""
    manifest = {
        "id": app_id,
        "name": name,
        "short_name": short_name,
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": icon.path, "sizes": f"{icon.size}x{icon.size}", "type": "image/png", "purpose": icon.purpose}
            for icon in ICONS
        ],
        # A long press on the home-screen icon (Android) offers today's session of the
        # runner's block; the page finds it in this phone's storage, offline too.
        "shortcuts": [
            {
                "name": "Today's session",
                "short_name": "Today",
                "description": "Open today's session of your block",
                "url": f"./{TODAY_PATH}",
                "icons": [{"src": ICONS[0].path, "sizes": f"{ICONS[0].size}x{ICONS[0].size}", "type": "image/png"}],
            }
        ],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def web_app_files(
    name: str, short_name: str, description: str, app_id: str, cache: DiskCache | None = None
) -> dict[str, str | bytes]:
    """Every file of the web app by its path in the site: the manifest and the icons (drawn
    once and kept in `cache`: they depend on nothing but this module and their size)."""
    files: dict[str, str | bytes] = {MANIFEST: web_manifest(name, short_name, description, app_id)}
    cache = cache or DiskCache(None)
    code = code_fingerprint([Path(__file__)])
    for icon in (*ICONS, APPLE_TOUCH_ICON):
        key = fingerprint("app icon", code, str(icon.size), icon.purpose)
        files[icon.path] = cache.png(key, lambda icon=icon: draw_icon(icon.size, icon.purpose))  # type: ignore[misc]
    return files
