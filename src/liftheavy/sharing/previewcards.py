"""Link previews: the 1200×630 image and the Open Graph facts of every page.

    Publication --preview_cards--> Card per week, per article, one default --draw_card--> PNG bytes
    Card + page title/description/URL --page_preview--> PagePreview --render_preview_tags--> <meta> tags

The images are drawn with Pillow and the DejaVu Sans font kept in `fonts/` (no network, no
system fonts), with the basic layout engine and no PNG metadata, so the same data gives the
same bytes on every machine with the locked Pillow. Text comes from the data but is drawn as
pixels; long titles shrink and wrap, and what still does not fit ends with an ellipsis.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import PIL
from PIL import Image, ImageDraw, ImageFont

from liftheavy.cache import DiskCache, code_fingerprint, fingerprint
from liftheavy.data.model import Program
from liftheavy.data.publication import Publication
from liftheavy.pages.render import render_template
from liftheavy.pages.urls import absolute_url, site_path

PREVIEW_DIR = "assets/previews"
WIDTH, HEIGHT = 1200, 630  # the 1.91:1 size every network shows as a large card
DEFAULT_CARD = "site"
_FONTS = Path(__file__).parent / "fonts"
_REGULAR = _FONTS / "DejaVuSans.ttf"
_BOLD = _FONTS / "DejaVuSans-Bold.ttf"

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


@dataclass(frozen=True, slots=True)
class Card:
    """What one preview image says; `name` is its file name without .png."""

    name: str
    label: str  # a short line above the title: "Week 2 of 4"
    title: str
    text: str
    published: dt.date | None = None  # weeks and articles; None for the default card

    @property
    def path(self) -> str:
        """Where the image is published, below the site root."""
        return f"{PREVIEW_DIR}/{self.name}.png"

    def alt(self, site_name: str) -> str:
        """The image's text, for screen readers and og:image:alt."""
        parts = [site_name, self.label, self.title, self.text]
        unique = [part for index, part in enumerate(parts) if part and part not in parts[:index]]
        return " ".join(part if part[-1] in ".!?" else f"{part}." for part in unique)


def preview_cards(publication: Publication) -> dict[str, Card]:
    """One card per published week and per article, keyed by page (src_uri), plus the default."""
    program = publication.published
    total = len(publication.program.weeks)
    cards = {
        f"{week.slug}.md": Card(week.slug, f"Week {week.number} of {total}", week.title, week.summary, week.release)
        for week in program.weeks
    }
    for article in publication.articles:
        name = article.src_uri.removesuffix(".md").replace("/", "-")
        cards[article.src_uri] = Card(name, "Article", article.title, article.description, article.published)
    cards[""] = _default_card(publication.program)
    return cards


def _default_card(program: Program) -> Card:
    label = f"{len(program.weeks)} weeks · {program.sessions_per_week} sessions a week"
    return Card(DEFAULT_CARD, label, program.title, program.tagline)


def card_for(cards: dict[str, Card], src_uri: str | None) -> Card:
    """The page's own card, or the default one (overview, library, about, 404)."""
    return cards.get(src_uri or "", cards[""])


@dataclass(frozen=True, slots=True)
class PagePreview:
    """The values of one page's link-preview tags; every URL is absolute."""

    title: str
    description: str
    url: str | None  # None for the 404 page: it is shown at whatever address was not found
    type: str  # og:type: "article" for weeks and articles, "website" otherwise
    image_url: str
    image_alt: str
    published: str | None  # ISO date for article:published_time
    image_width: int = WIDTH
    image_height: int = HEIGHT


def page_preview(
    *,
    site_url: str,
    src_uri: str | None,
    meta: Mapping[str, object],
    title: str | None,
    site_name: str,
    site_description: str,
    card: Card,
) -> PagePreview:
    """The preview of a page (`src_uri`), or of the 404 page when `src_uri` is None.

    The front matter's title and description win over the navigation title ("Overview")
    and the site's description: they are what the page is about.
    """
    # The 404 page has no address of its own: an og:url of /404.html would tell a preview
    # scraper that every broken link is that page. Without og:url, it uses the link it fetched.
    return PagePreview(
        title=str(meta.get("title") or title or site_name),
        description=str(meta.get("description") or site_description),
        url=absolute_url(site_url, site_path(src_uri)) if src_uri is not None else None,
        type="article" if card.published else "website",
        image_url=absolute_url(site_url, card.path),
        image_alt=card.alt(site_name),
        published=card.published.isoformat() if card.published else None,
    )


def render_preview_tags(preview: PagePreview, site_name: str) -> str:
    """The <meta> tags of a link preview (Open Graph, and the Twitter card type)."""
    return render_template("preview-tags.html.j2", preview=preview, site_name=site_name)


# -- drawing -----------------------------------------------------------------------------


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


def drawing_fingerprint() -> str:
    """What every card's pixels depend on besides the card: this module, its fonts, Pillow."""
    return fingerprint(code_fingerprint([Path(__file__), _REGULAR, _BOLD]), PIL.__version__)


def card_key(card: Card, site_name: str, site_url: str, drawing: str) -> str:
    """The card's key in the disk cache (`drawing` is `drawing_fingerprint()`)."""
    return fingerprint("preview card", drawing, repr(card), site_name, site_url)


def cached_card(card: Card, site_name: str, site_url: str, cache: DiskCache, drawing: str) -> bytes:
    """`draw_card`'s bytes, from the disk cache when this card was drawn before."""
    return cache.png(card_key(card, site_name, site_url, drawing), lambda: draw_card(card, site_name, site_url))


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
