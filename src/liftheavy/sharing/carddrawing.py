"""Preview cards as pixels: a `Card` drawn into a 1200×630 PNG.

    Card --draw_card--> PNG bytes (cached on disk by previewcards.cached_card)

The images are drawn with Pillow and the DejaVu Sans font kept in `fonts/` (no network, no
system fonts), with the basic layout engine and no PNG metadata, so the same data gives the
same bytes on every machine with the locked Pillow. Text comes from the data but is drawn as
pixels; long titles shrink and wrap, and what still does not fit ends with an ellipsis.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont

from liftheavy.sharing.previewcards import FONTS, HEIGHT, WIDTH, Card

_REGULAR, _BOLD = FONTS

# Colours: the site's indigo and deep orange, light text on a dark ground (contrast > 7:1).
_BACKGROUND = (40, 53, 147)
_ACCENT = (255, 112, 67)
_SITE_NAME = (255, 171, 145)
_LABEL = (197, 202, 233)
_TITLE = (255, 255, 255)
_TEXT = (232, 234, 246)
_FOOTER = (159, 168, 218)
_BARBELL = (92, 107, 192)
_MARGIN = 80
_GAP = 22  # between the title and the text
TEXT_WIDTH = WIDTH - 2 * _MARGIN


@functools.lru_cache(maxsize=64)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # The basic engine lays out the same everywhere (raqm, when present, could differ).
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines of text set in one font, ready to draw."""

    font: ImageFont.FreeTypeFont
    lines: tuple[str, ...]
    leading: int  # distance from one line's top to the next
    cut: bool = False  # the text did not fit and ends with an ellipsis

    @property
    def height(self) -> int:
        return self.leading * len(self.lines)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:
            cut = next((i for i in range(len(word) - 1, 1, -1) if font.getlength(word[:i]) <= width), 1)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _block(text: str, path: Path, size: int, leading: float) -> TextBlock:
    font = _font(path, size)
    return TextBlock(font, tuple(_wrap(text, font, TEXT_WIDTH)), round(size * leading))


def _cut(block: TextBlock, max_lines: int) -> TextBlock:
    """The first `max_lines` lines, the last one ending with an ellipsis."""
    kept = list(block.lines[:max_lines])
    last = kept[-1]
    while last and block.font.getlength(f"{last}…") > TEXT_WIDTH:
        last = last[:-1].rstrip()
    kept[-1] = f"{last.rstrip(' ,;:.')}…"
    return TextBlock(block.font, tuple(kept), block.leading, cut=True)


TITLE_SIZES = range(92, 55, -4)
TEXT_SIZES = range(38, 29, -2)


def layout(card: Card, room: int) -> tuple[TextBlock, TextBlock]:
    """The largest title, then the largest text, that fit together in `room` pixels of height.

    Nothing is cut while some size fits; otherwise the smallest sizes are cut to fit.
    """
    for title_size in TITLE_SIZES:
        title = _block(card.title, _BOLD, title_size, 1.12)
        if len(title.lines) > 3:
            continue
        for text_size in TEXT_SIZES:
            text = _block(card.text, _REGULAR, text_size, 1.32)
            if len(text.lines) <= 3 and title.height + text.height <= room:
                return title, text
    title = _block(card.title, _BOLD, TITLE_SIZES[-1], 1.12)
    title = _cut(title, 2) if len(title.lines) > 2 else title
    text = _block(card.text, _REGULAR, TEXT_SIZES[-1], 1.32)
    lines = max(1, min(3, (room - title.height) // text.leading))
    return title, (_cut(text, lines) if len(text.lines) > lines else text)


def _draw_barbell(draw: ImageDraw.ImageDraw) -> None:
    """A small loaded barbell in the bottom-right corner: the site's one decoration."""
    y = HEIGHT - 86
    draw.rectangle((840, y - 5, 1130, y + 5), fill=_BARBELL)
    for x, half_height, width in ((878, 48, 22), (904, 38, 18), (1066, 48, 22), (1044, 38, 18)):
        draw.rounded_rectangle((x, y - half_height, x + width, y + half_height), radius=5, fill=_BARBELL)


@functools.lru_cache(maxsize=32)  # `mkdocs serve` rebuilds redraw only the cards that changed
def draw_card(card: Card, site_name: str, site_url: str) -> bytes:
    """The card as PNG bytes: same card, same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 17, HEIGHT), fill=_ACCENT)
    _draw_barbell(draw)
    y = 64
    if card.title != site_name:
        draw.text((_MARGIN, y), site_name.upper(), font=_font(_BOLD, 30), fill=_SITE_NAME)
        y += 52
    draw.text((_MARGIN, y), card.label, font=_font(_REGULAR, 34), fill=_LABEL)
    y += 66
    footer_top = HEIGHT - 64 - 28
    title, text = layout(card, room=footer_top - 60 - _GAP - y)
    for block, colour in ((title, _TITLE), (text, _TEXT)):
        for line in block.lines:
            draw.text((_MARGIN, y), line, font=block.font, fill=colour)
            y += block.leading
        y += _GAP
    host = urlsplit(site_url).hostname or site_url
    draw.text((_MARGIN, footer_top), host, font=_font(_REGULAR, 28), fill=_FOOTER)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
