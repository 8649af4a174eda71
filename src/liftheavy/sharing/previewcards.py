"""Link previews: the 1200×630 image and the Open Graph facts of every page.

    Publication --preview_cards--> Card per week, per article, one default --draw_card--> PNG bytes
    Card + page title/description/URL --page_preview--> PagePreview --render_preview_tags--> <meta> tags

The images are drawn by `carddrawing` (Pillow), which only a build that finds a card missing
from its disk cache imports: a warm build neither loads Pillow nor draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import PIL  # the package's version only (a light import): drawing needs PIL.Image, in carddrawing

from liftheavy.cache import DiskCache, code_fingerprint, fingerprint
from liftheavy.data.model import Program
from liftheavy.data.publication import Publication
from liftheavy.pages.render import render_template
from liftheavy.pages.urls import absolute_url, site_path

PREVIEW_DIR = "assets/previews"
WIDTH, HEIGHT = 1200, 630  # the 1.91:1 size every network shows as a large card
DEFAULT_CARD = "site"
_DRAWING_MODULE = Path(__file__).with_name("carddrawing.py")
_FONT_DIR = Path(__file__).parent / "fonts"
FONTS = (_FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf")  # regular, bold


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


def drawing_fingerprint() -> str:
    """What every card's pixels depend on besides the card: the drawing module, its fonts, Pillow."""
    code = code_fingerprint([_DRAWING_MODULE, *FONTS])
    return fingerprint(code, PIL.__version__)


def card_key(card: Card, site_name: str, site_url: str, drawing: str) -> str:
    """The card's key in the disk cache (`drawing` is `drawing_fingerprint()`)."""
    return fingerprint("preview card", drawing, repr(card), site_name, site_url)


def cached_card(card: Card, site_name: str, site_url: str, cache: DiskCache, drawing: str) -> bytes:
    """`draw_card`'s bytes, from the disk cache when this card was drawn before."""

    def draw() -> bytes:
        from liftheavy.sharing.carddrawing import draw_card  # Pillow, only when a card is missing

        return draw_card(card, site_name, site_url)

    return cache.png(card_key(card, site_name, site_url, drawing), draw)
