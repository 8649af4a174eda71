"""The feed (RSS 2.0 and Atom) and the calendar of release dates, as readers get them.

feedparser reads the feeds without complaint; the items are the released weeks and the
article for a fixed release date, newest first, with RFC 822 dates from the data, absolute
links and images only, a stable guid and small bodies. icalendar reads the .ics. A build
between two release dates publishes only the released weeks: pages, links, sitemap, search,
feed and images. Two builds with the same SOURCE_DATE_EPOCH and RELEASE_DATE are identical.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import icalendar
import pytest

from conftest import PHONE, ROOT, build_site, copy_project
from support.blockdata import without_block_data
from liftheavy.tools.htmlscan import PageScan, html_pages, resolve, scan
from liftheavy.sharing.feeds import FeedConfigError, feed_channel, render_atom, render_rss, url_parameters
from liftheavy.sharing.previewcards import preview_cards
from liftheavy.data.publication import load_publication
from liftheavy.pages.render import expand_markers

SITE_URL = "https://runners-lift-heavy.github.io/runners-lift-heavy/"
BETWEEN = "2027-01-12"  # after week 2's release (2027-01-11), before week 3's (2027-01-18)
EPOCH = "1798761600"  # 2027-01-01 00:00:00 UTC
PROGRAM = load_publication(ROOT, ROOT / "docs", {"RELEASE_DATE": BETWEEN}, "build").program
RELEASED = [week for week in PROGRAM.weeks if week.release <= dt.date.fromisoformat(BETWEEN)]
UTM = {"utm_source": ["feed"], "utm_medium": ["feed"], "utm_campaign": ["weekly-release"]}  # mkdocs.yml


@pytest.fixture(scope="module")
def between(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as readers see it on 12 January 2027: weeks 1 and 2 are out."""
    site = tmp_path_factory.mktemp("between")
    result = build_site(ROOT, site, release_date=BETWEEN, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stderr
    return site


def _parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize(("name", "version"), [("feed.xml", "rss20"), ("atom.xml", "atom10")])
def test_feeds_parse_without_bozo(site: Path, name: str, version: str) -> None:
    parsed = _parse(site / name)
    assert parsed.version == version
    assert parsed.feed.title == "Runners Lift Heavy"
    assert parsed.feed.link == SITE_URL


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_items_are_the_released_weeks_and_the_article_newest_first(between: Path, name: str) -> None:
    entries = _parse(between / name).entries
    expected = [f"Week {week.number}: {week.title}" for week in reversed(RELEASED)]
    assert [entry.title for entry in entries] == [*expected, "Why runners should lift heavy"]
    assert [entry.id for entry in entries] == [
        *(f"{SITE_URL}{week.slug}/" for week in reversed(RELEASED)),
        f"{SITE_URL}why-lift-heavy/",
    ]


def test_pub_dates_are_rfc822_release_dates(between: Path) -> None:
    xml = (between / "feed.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<item>.*?<pubDate>(.*?)</pubDate>", xml, re.DOTALL)
    assert all(re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} 00:00:00 GMT", d) for d in dates)
    released = [week.release for week in reversed(RELEASED)] + [dt.date(2026, 12, 28)]
    assert [parsedate_to_datetime(d) for d in dates] == [
        dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) for day in released
    ]
    channel = re.search(r"<lastBuildDate>(.*?)</lastBuildDate>", xml).group(1)
    assert parsedate_to_datetime(channel).date() == RELEASED[-1].release  # from the newest item, not the clock


def test_every_url_in_an_item_is_absolute(between: Path) -> None:
    for entry in _parse(between / "feed.xml").entries:
        body = PageScan()
        body.feed(entry.description)
        urls = body.links + body.resources + [entry.link, entry.enclosures[0].href, entry.media_content[0]["url"]]
        assert urls
        assert [url for url in urls if not url.startswith(("https://", "http://"))] == [], entry.title
        own = [url for url in body.links + body.resources + [entry.link] if url.startswith(SITE_URL)]
        assert own, entry.title


@pytest.mark.parametrize("feed", ["feed.xml", "atom.xml"])
def test_item_links_carry_the_configured_utm_parameters_and_the_guid_does_not(between: Path, feed: str) -> None:
    # One set for both formats: an Atom reader's visit must not be counted as RSS.
    for entry in _parse(between / feed).entries:
        link = urlsplit(entry.link)
        assert parse_qs(link.query) == UTM
        assert entry.id == f"{link.scheme}://{link.netloc}{link.path}"  # the canonical URL, no parameters


def test_each_item_has_its_preview_image_with_its_real_size(between: Path) -> None:
    for entry in _parse(between / "feed.xml").entries:
        [enclosure] = entry.enclosures
        file = between / enclosure.href.removeprefix(SITE_URL)
        assert (enclosure.type, int(enclosure.length)) == ("image/png", file.stat().st_size)
        assert entry.media_content[0]["url"] == enclosure.href
        assert f'src="{enclosure.href}"' in entry.description


def test_items_are_small_enough_for_email(site: Path) -> None:
    xml = (site / "feed.xml").read_text(encoding="utf-8")
    items = re.findall(r"<item>.*?</item>", xml, re.DOTALL)
    assert len(items) == 5
    assert max(len(item.encode("utf-8")) for item in items) < 20_000  # Gmail clips at ~100 KB


def test_week_item_summarises_every_session(between: Path) -> None:
    entry = _parse(between / "feed.xml").entries[0]
    week = RELEASED[-1]
    for session in week.sessions:
        assert f"Session {session.id.upper()}: {session.title}" in entry.description
        for block in session.blocks:
            for prescription in block.prescriptions:
                assert prescription.exercise.name in entry.description


def test_a_build_between_release_dates_publishes_only_released_weeks_everywhere(between: Path) -> None:
    out = {week.slug for week in RELEASED}
    assert out == {"week-1", "week-2"}
    future = {week.slug for week in PROGRAM.weeks} - out
    for slug in future:
        assert not (between / slug).exists()
        assert not (between / f"assets/previews/{slug}.png").exists()
    for slug in out:
        assert (between / slug / "index.html").is_file()
        assert (between / f"assets/previews/{slug}.png").is_file()
    pages = [path.read_text(encoding="utf-8") for path in html_pages(between)]
    every_page = "".join(without_block_data(page, future) for page in pages)
    for text in ("sitemap.xml", "search/search_index.json", "feed.xml", "atom.xml"):
        published = (between / text).read_text(encoding="utf-8")
        assert all(f"/{slug}/" not in published for slug in future), text
        assert all(f"{slug}/" in published for slug in out), text
    assert all(f"{slug}/" not in every_page for slug in future)
    assert {f"{slug}/" for slug in out} <= set(scan(between / "index.html").links)


def test_calendar_parses_and_lists_every_release_date(between: Path) -> None:
    raw = (between / "runners-lift-heavy.ics").read_bytes()
    assert b"\r\n" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    # Every week, released or not: the calendar is how readers hear about the next ones.
    assert [event.decoded("DTSTART") for event in events] == [week.release for week in PROGRAM.weeks]
    for event, week in zip(events, PROGRAM.weeks, strict=True):
        assert event.decoded("DTEND") == week.release + dt.timedelta(days=1)  # all day
        assert str(event["UID"]) == f"{week.slug}-release@runners-lift-heavy.github.io"
        assert str(event["URL"]) == f"{SITE_URL}{week.slug}/"
        assert f"week {week.number} ({week.title})" in str(event["SUMMARY"])
        assert week.summary in str(event["DESCRIPTION"])
        assert event.decoded("DTSTAMP") == dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)


def test_overview_links_the_calendar_and_the_feed(site: Path) -> None:
    links = scan(site / "index.html").links
    assert {"runners-lift-heavy.ics", "feed.xml"} <= set(links)
    assert (site / "runners-lift-heavy.ics").is_file()


def test_follow_marker_links_relative_to_the_page() -> None:
    html = expand_markers("<!-- liftheavy:follow -->", PROGRAM, "tips/more.md", None)
    assert 'href="../../runners-lift-heavy.ics"' in html
    assert 'href="../../feed.xml"' in html


def test_every_page_advertises_the_feeds(site: Path) -> None:
    for path in html_pages(site):
        page = scan(path)
        if "refresh" in page.meta:
            continue
        alternates = {link["type"]: link["href"] for link in page.link_rels.get("alternate", [])}
        assert set(alternates) == {"application/rss+xml", "application/atom+xml"}, path
        if path.name != "404.html":  # 404.html links from the site's base path
            for href in alternates.values():
                file, _ = resolve(site, "/" + path.relative_to(site).as_posix(), href)
                assert file.is_file(), (path, href)


def test_two_builds_are_identical(tmp_path: Path) -> None:
    outputs = ["feed.xml", "atom.xml", "runners-lift-heavy.ics"]
    builds = []
    for name in ("first", "second"):
        result = build_site(ROOT, tmp_path / name, release_date=BETWEEN, SOURCE_DATE_EPOCH=EPOCH)
        assert result.returncode == 0, result.stderr
        builds.append(tmp_path / name)
    images = sorted(path.name for path in (builds[0] / "assets/previews").iterdir())
    assert images == ["site.png", "week-1.png", "week-2.png", "why-lift-heavy.png"]
    outputs += [f"assets/previews/{image}" for image in images]
    assert [path for path in outputs if (builds[0] / path).read_bytes() != (builds[1] / path).read_bytes()] == []


def test_feed_before_anything_is_out_is_empty_but_valid() -> None:
    publication = load_publication(ROOT, ROOT / "docs", {"RELEASE_DATE": "2026-12-01"}, "build")
    cards = preview_cards(publication)
    built = dt.datetime(2026, 12, 1, 5, 30, tzinfo=dt.UTC)
    channel = feed_channel(
        publication,
        site_name="Runners Lift Heavy",
        site_url=SITE_URL,
        description="A program.",
        cards=cards,
        image_sizes=dict.fromkeys((card.path for card in cards.values()), 1000),
        parameters={},
        build_time=built,
    )
    assert (channel.items, channel.updated) == ((), built)
    for xml in (render_rss(channel), render_atom(channel)):
        parsed = feedparser.parse(xml.encode("utf-8"))
        assert not parsed.bozo
        assert parsed.entries == []


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (None, {}),
        ({"url_parameters": {"utm_source": "newsletter", "utm_medium": "email"}}, None),
        ({"url_parameters": None}, {}),
    ],
)
def test_url_parameters_settings(settings: object, expected: dict | None) -> None:
    assert url_parameters(settings) == (expected if expected is not None else settings["url_parameters"])


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"utm": {}}, "takes one key, url_parameters"),
        ({"url_parameters": ["utm_source"]}, "must be a mapping"),
        ({"url_parameters": {"UTM_Source": "feed"}}, "'UTM_Source' is not a lowercase parameter name"),
        ({"url_parameters": {"utm_source": "News Letter"}}, "utm_source: 'News Letter' must be lowercase"),
    ],
)
def test_bad_url_parameters_are_refused(settings: object, message: str) -> None:
    with pytest.raises(FeedConfigError, match=re.escape(message)):
        url_parameters(settings)


@pytest.mark.parametrize(
    ("edited", "old", "new", "message"),
    [
        (
            "mkdocs.yml",
            "utm_source: feed",
            "utm_source: Feed Reader",
            "extra.feed.url_parameters.utm_source: 'Feed Reader' must be lowercase",
        ),
        (
            "docs/why-lift-heavy.md",
            "date: 2026-12-28",
            "date: 28/12/2026",
            "docs/why-lift-heavy.md:4:7: date: expected a date like 2027-01-04, got '28/12/2026'",
        ),
    ],
    ids=["feed-setting", "article-date"],
)
def test_bad_feed_input_fails_the_build_cleanly(tmp_path: Path, edited: str, old: str, new: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / edited
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
