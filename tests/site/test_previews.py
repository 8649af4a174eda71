"""Link previews: every HTML page carries the full set of Open Graph / Twitter tags with
absolute URLs under site_url, and each image they name is a 1200×630 PNG in the site.
The images are drawn from the data; long text wraps and shrinks, and is cut only as a
last resort; the same card always gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, build_site, copy_project
from liftheavy.tools.htmlscan import PageScan, html_pages, scan
from liftheavy.sharing.carddrawing import TEXT_WIDTH, draw_card, layout
from liftheavy.sharing.previewcards import (
    HEIGHT,
    WIDTH,
    Card,
    page_preview,
    preview_cards,
    render_preview_tags,
)
from liftheavy.data.publication import load_publication

SITE_URL = "https://runners-lift-heavy.github.io/runners-lift-heavy/"
TAGS = (
    "description",
    "og:title",
    "og:description",
    "og:url",
    "og:type",
    "og:image",
    "og:image:alt",
    "og:image:width",
    "og:image:height",
    "twitter:card",
)


def test_every_html_page_has_the_full_set_of_preview_tags(site: Path) -> None:
    problems = []
    for path in html_pages(site):
        meta = scan(path).meta
        name = path.relative_to(site).as_posix()
        if name == "404.html":  # shown at any missing address: no og:url of its own (next test)
            meta = {**meta, "og:url": meta.get("og:url", [SITE_URL])}
        problems += [f"{name}: {tag} x{len(meta.get(tag, []))}" for tag in TAGS if len(meta.get(tag, [])) != 1]
        problems += [f"{name}: empty {tag}" for tag in TAGS if meta.get(tag) and not meta[tag][0].strip()]
        problems += [
            f"{name}: {tag} is not under site_url"
            for tag in ("og:url", "og:image")
            if not meta.get(tag, [""])[0].startswith(SITE_URL)
        ]
        if meta.get("twitter:card") != ["summary_large_image"]:
            problems.append(f"{name}: twitter:card {meta.get('twitter:card')}")
        if (meta.get("og:image:width"), meta.get("og:image:height")) != (["1200"], ["630"]):
            problems.append(f"{name}: image size tags")
    assert html_pages(site), "no pages built"
    assert problems == []


def test_every_preview_image_is_a_1200x630_png_in_the_site(site: Path) -> None:
    images = {scan(path).meta["og:image"][0] for path in html_pages(site)}
    assert len(images) == 6  # four weeks, the article, the default
    for url in images:
        file = site / url.removeprefix(SITE_URL)
        with Image.open(file) as image:
            assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT)), url
            assert len(image.getcolors(maxcolors=100_000) or []) > 10, f"{url} looks blank"
        assert file.stat().st_size < 300_000, f"{url} is too big for WhatsApp previews"


def test_the_404_page_does_not_claim_an_address(site: Path) -> None:
    # An og:url of /404.html would make every broken link's preview "the 404 page's URL".
    meta = scan(site / "404.html").meta
    assert "og:url" not in meta
    assert "404.html" not in " ".join(value for values in meta.values() for value in values)
    assert meta["og:title"] == ["Page not found"]


@pytest.mark.parametrize(
    ("page", "image", "kind"),
    [
        ("week-2/index.html", "week-2.png", "article"),
        ("why-lift-heavy/index.html", "why-lift-heavy.png", "article"),
        ("index.html", "site.png", "website"),
        ("exercises/index.html", "site.png", "website"),
        ("404.html", "site.png", "website"),
    ],
)
def test_weeks_and_the_article_have_their_own_image(site: Path, page: str, image: str, kind: str) -> None:
    meta = scan(site / page).meta
    assert meta["og:image"] == [f"{SITE_URL}assets/previews/{image}"]
    assert meta["og:type"] == [kind]


def test_preview_title_and_description_come_from_the_page(site: Path) -> None:
    week = scan(site / "week-2/index.html").meta
    program = load_publication(ROOT, ROOT / "docs", {"RELEASE_DATE": "2027-02-01"}, "build").program
    summary = program.weeks[1].summary
    assert (week["og:title"], week["og:description"], week["description"]) == (["Week 2: Build"], [summary], [summary])
    assert week["article:published_time"] == [program.weeks[1].release.isoformat()]
    assert week["og:url"] == [SITE_URL + "week-2/"]
    assert week["og:image:alt"][0].startswith("Runners Lift Heavy. Week 2 of 4. Build. ")
    article = scan(site / "why-lift-heavy/index.html").meta
    assert article["og:title"] == ["Why runners should lift heavy"]  # the page's title, not the nav's
    assert article["article:published_time"] == ["2026-12-28"]


def test_text_from_the_data_is_escaped_in_the_tags() -> None:
    card = Card("week-1", "Week 1 of 4", 'Squat "deep" & <b>', "x", dt.date(2027, 1, 4))
    preview = page_preview(
        site_url=SITE_URL,
        src_uri="week-1.md",
        meta={"title": 'Squat "deep" & <b>', "description": "<script>alert(1)</script>"},
        title=None,
        site_name="Runners Lift Heavy",
        site_description="",
        card=card,
    )
    html = render_preview_tags(preview, "Runners Lift Heavy")
    assert "<script" not in html
    assert "<b>" not in html
    parsed = PageScan()
    parsed.feed(html)
    assert parsed.meta["og:title"] == ['Squat "deep" & <b>']
    assert parsed.meta["og:description"] == ["<script>alert(1)</script>"]


# -- drawing --------------------------------------------------------------------------------

LONG_TITLE = "Single-leg strength, offset loads and the heaviest barbell week"
LONG_TEXT = " ".join(["Dual-sets and tri-sets with long rests between rounds of heavy single-leg work."] * 3)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Build", "Short."),
        (LONG_TITLE, LONG_TEXT[:160]),
        (LONG_TITLE * 2, LONG_TEXT),
        ("Supercalifragilisticexpialidocious" * 3, "Averyveryverylongwordwithoutanyspaces" * 6),
    ],
)
def test_text_always_fits_the_card(title: str, text: str) -> None:
    room = 300
    title_block, text_block = layout(Card("x", "Week 1 of 4", title, text), room)
    assert title_block.height + text_block.height <= room
    for block in (title_block, text_block):
        assert all(block.font.getlength(line) <= TEXT_WIDTH for line in block.lines)
    for block, source in ((title_block, title), (text_block, text)):
        shown = "".join(block.lines).replace(" ", "")
        assert shown.endswith("…") == block.cut
        assert source.replace(" ", "").startswith(shown.removesuffix("…").rstrip(",;:."))  # only ever cut


def test_short_text_is_never_cut() -> None:
    title, text = layout(Card("x", "Week 2 of 4", "Build", LONG_TEXT[:160]), 300)
    assert not title.cut
    assert not text.cut
    assert title.font.size == 92  # the largest size


def _chunks(png: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        chunks.append(png[offset + 4 : offset + 8])
        offset += 12 + length
    return chunks


def test_drawing_is_deterministic_and_carries_no_timestamp() -> None:
    publication = load_publication(ROOT, ROOT / "docs", {"RELEASE_DATE": "2027-02-01"}, "build")
    card = preview_cards(publication)["week-3.md"]
    first = draw_card(card, "Runners Lift Heavy", SITE_URL)
    draw_card.cache_clear()  # draw again for real, not from the cache
    assert first == draw_card(card, "Runners Lift Heavy", SITE_URL)
    assert set(_chunks(first)) <= {b"IHDR", b"IDAT", b"IEND", b"PLTE"}
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (WIDTH, HEIGHT)


def test_unreleased_weeks_get_no_card() -> None:
    publication = load_publication(ROOT, ROOT / "docs", {"RELEASE_DATE": "2027-01-12"}, "build")
    assert sorted(card.name for card in preview_cards(publication).values()) == [
        "site",
        "week-1",
        "week-2",
        "why-lift-heavy",
    ]


def test_a_warm_cache_gives_the_bytes_of_a_clean_build(tmp_path: Path) -> None:
    """Preview images and app icons are kept in .cache/liftheavy/ between builds (content-
    addressed); a build that reads them, or finds an entry torn, writes the same bytes."""
    project = copy_project(tmp_path / "project")
    images = ("assets/previews/*.png", "assets/images/icon-*.png", "assets/images/apple-touch-icon.png")

    def drawn(site: Path) -> dict[str, bytes]:
        files = [path for pattern in images for path in site.glob(pattern)]
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in files}

    assert build_site(project, tmp_path / "clean").returncode == 0
    cached = sorted((project / ".cache" / "liftheavy").glob("*.png"))
    clean = drawn(tmp_path / "clean")
    assert len(cached) == len(clean) > 4
    cached[0].write_bytes(cached[0].read_bytes()[:100])  # torn: drawn again
    assert build_site(project, tmp_path / "warm").returncode == 0
    assert drawn(tmp_path / "warm") == clean
