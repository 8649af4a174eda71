"""The feed: RSS 2.0 and Atom, one item per released week plus each released article.

    Publication + preview cards + image sizes --feed_channel--> Channel --render_rss/atom--> XML

Written for RSS-to-email services (Mailchimp-style campaigns) as much as for feed readers:
- only what readers can open today: a week appears on its release date, never before;
- `pubDate` is the release date at 00:00 UTC in RFC 822 form, so a daily rebuild adds the
  new week with the right date, and the channel dates come from the items, not the clock;
- every URL in an item is absolute (email clients break relative links and images);
- each item is a short summary (well under Gmail's ~100 KB clipping) with the page's
  preview image as enclosure and `media:content`, and links to the page for the rest;
- optional `url_parameters` (UTM tags) go on the item links, never on the guid, which is
  the page's canonical URL and stays the same forever.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import format_datetime

from liftheavy.data.model import Article, Week
from liftheavy.data.publication import Publication
from liftheavy.pages.render import render_template
from liftheavy.pages.urls import ATOM_FILE, FEED_FILE, absolute_url, site_path, with_parameters
from liftheavy.sharing.previewcards import HEIGHT, WIDTH, Card

_PARAMETER_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_PARAMETER_VALUE = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}")


class FeedConfigError(ValueError):
    """The feed settings in mkdocs.yml (`extra.feed`) are not usable."""


def url_parameters(settings: object) -> dict[str, str]:
    """The checked `extra.feed` settings: {} or {'url_parameters': {'utm_source': 'feed', …}}."""
    if settings is None:
        return {}
    if not isinstance(settings, Mapping) or set(settings) - {"url_parameters"}:
        raise FeedConfigError("extra.feed in mkdocs.yml takes one key, url_parameters (a mapping of name: value)")
    parameters = settings.get("url_parameters") or {}
    if not isinstance(parameters, Mapping):
        raise FeedConfigError("extra.feed.url_parameters must be a mapping like utm_source: feed")
    checked = {}
    for name, value in parameters.items():
        if not (isinstance(name, str) and _PARAMETER_NAME.fullmatch(name)):
            raise FeedConfigError(
                f"extra.feed.url_parameters: {name!r} is not a lowercase parameter name like utm_source"
            )
        if not (isinstance(value, str) and _PARAMETER_VALUE.fullmatch(value)):
            raise FeedConfigError(
                f"extra.feed.url_parameters.{name}: {value!r} must be lowercase letters, digits, '.', '_' or '-'"
            )
        checked[name] = value
    return checked


@dataclass(frozen=True, slots=True)
class FeedImage:
    url: str
    length: int  # bytes, for <enclosure>
    alt: str
    type: str = "image/png"
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str
    link: str  # with the url parameters
    guid: str  # the canonical page URL
    published: dt.datetime
    summary: str  # plain text
    html: str  # the item body; absolute URLs only. A plain str, so the XML template escapes it
    image: FeedImage


@dataclass(frozen=True, slots=True)
class Channel:
    title: str
    description: str
    link: str
    rss_url: str
    atom_url: str
    updated: dt.datetime  # the newest item's date (the build time when there is none)
    items: tuple[FeedItem, ...]


def feed_channel(
    publication: Publication,
    *,
    site_name: str,
    site_url: str,
    description: str,
    cards: Mapping[str, Card],
    image_sizes: Mapping[str, int],
    parameters: Mapping[str, str],
    build_time: dt.datetime,
) -> Channel:
    """The feed of this build; `image_sizes` maps each card's path to its PNG's length."""
    context = _ItemContext(site_name, site_url, cards, image_sizes, parameters)
    weeks = [context.week_item(publication, week) for week in publication.released_weeks]
    articles = [context.article_item(article) for article in publication.released_articles]
    items = tuple(sorted(weeks + articles, key=lambda item: (item.published, item.guid), reverse=True))
    return Channel(
        title=site_name,
        description=description,
        link=absolute_url(site_url, ""),
        rss_url=absolute_url(site_url, FEED_FILE),
        atom_url=absolute_url(site_url, ATOM_FILE),
        updated=items[0].published if items else build_time.astimezone(dt.UTC).replace(microsecond=0),
        items=items,
    )


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class _ItemContext:
    site_name: str
    site_url: str
    cards: Mapping[str, Card]
    image_sizes: Mapping[str, int]
    parameters: Mapping[str, str]

    def _image(self, src_uri: str) -> FeedImage:
        card = self.cards[src_uri]
        return FeedImage(absolute_url(self.site_url, card.path), self.image_sizes[card.path], card.alt(self.site_name))

    def _page(self, src_uri: str) -> tuple[str, str]:
        """The page's canonical URL (the guid) and the link readers follow (with parameters)."""
        canonical = absolute_url(self.site_url, site_path(src_uri))
        return canonical, with_parameters(canonical, self.parameters)

    def week_item(self, publication: Publication, week: Week) -> FeedItem:
        src_uri = f"{week.slug}.md"
        canonical, link = self._page(src_uri)
        image = self._image(src_uri)
        html = render_template(
            "feed-week.html.j2",
            week=week,
            total=len(publication.program.weeks),
            link=link,
            image=image,
            library=with_parameters(absolute_url(self.site_url, "exercises/"), self.parameters),
        )
        title = f"Week {week.number}: {week.title}"
        return FeedItem(title, link, canonical, _midnight_utc(week.release), week.summary, html, image)

    def article_item(self, article: Article) -> FeedItem:
        canonical, link = self._page(article.src_uri)
        image = self._image(article.src_uri)
        html = render_template("feed-article.html.j2", article=article, link=link, image=image)
        published = _midnight_utc(article.published)
        return FeedItem(article.title, link, canonical, published, article.description, html, image)


def rfc822(moment: dt.datetime) -> str:
    """Mon, 11 Jan 2027 00:00:00 GMT: the English date form RSS readers and Mailchimp expect."""
    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def rfc3339(moment: dt.datetime) -> str:
    """2027-01-11T00:00:00Z, for Atom."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_rss(channel: Channel) -> str:
    return render_template("rss.xml.j2", channel=channel, **_FORMATS)


def render_atom(channel: Channel) -> str:
    return render_template("atom.xml.j2", channel=channel, **_FORMATS)


_FORMATS = {"rfc822": rfc822, "rfc3339": rfc3339}
