"""RSS 2.0 and Atom 1.0 feeds: staff blog (pro), public news, new titles per resource.

A feed is first gathered as a neutral `Feed` (pure function of the model), then
written in either format. Dates come from the model (a feed was updated when its
newest entry was), never from the clock, so the bytes are reproducible and change
only when an entry does.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..i18n import text as _
from ..models.graph import Post
from ..view import paths
from ..view.site_view import SiteView
from ..render.markdown import markdown_html, plain_text, sanitize_html
from . import locations as loc
from .records import page_url, titles_of
from .xml import child, root, rfc822, rfc3339, serialize

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Feed readers show the latest items; a resource can hold tens of thousands of titles.
NEW_TITLES_LIMIT = 50
SUMMARY_CHARS = 300
_MORE = re.compile(r"<!--\s*more\s*-->")


@dataclass(frozen=True)
class Entry:
    id: str  # Atom id and RSS guid: an absolute URL or a urn:uuid
    title: str
    url: str
    published: datetime  # timezone-aware
    summary: str  # plain text ('' for none)
    content_html: str  # sanitized HTML ('' for none)
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    title: str
    subtitle: str
    home: str  # the page the feed mirrors
    rss_url: str
    atom_url: str
    updated: datetime  # its newest entry's date (the build's day when empty), timezone-aware
    author: str
    entries: tuple[Entry, ...]


# gathering -----------------------------------------------------------------------------------


def newest(view: SiteView, moments: Iterable[datetime]) -> datetime:
    """When a feed last changed: its newest entry's date, or the build's day if it has none."""
    return max(moments, default=None) or loc.day_start(view.now)



def published_posts(view: SiteView) -> list[Post]:
    """The site's posts readers may see (never drafts), newest first."""
    posts = [p for p in view.posts if not p.meta.draft]
    return sorted(posts, key=lambda p: (loc.paris(p.meta.date), p.id), reverse=True)


def post_url(view: SiteView, post: Post) -> str:
    index = paths.NEWS if post.kind == "news" else paths.BLOG
    return loc.absolute(view.site, f"{index.rsplit('/', 1)[0]}/{post.id}/")


def _post_summary(post: Post) -> str:
    if post.meta.description:
        return post.meta.description
    text = plain_text(_MORE.split(post.body, maxsplit=1)[0])
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


def posts_feed(view: SiteView) -> Feed:
    """Public news on a portal (respecting each post's `sites`), the staff blog on the pro site."""
    site = view.site
    news = site.kind == "public"
    authors = view.graph.authors
    entries = tuple(
        Entry(
            id=post_url(view, post),
            title=post.meta.title,
            url=post_url(view, post),
            published=loc.paris(post.meta.date),
            summary=_post_summary(post),
            content_html=str(markdown_html(_MORE.sub("", post.body), loc.images(site))),
            authors=tuple(authors[a].name for a in post.meta.authors if a in authors),
            categories=tuple(post.meta.categories),
        )
        for post in published_posts(view)
    )
    kind = "news" if news else "blog"
    return Feed(
        title=_(f"feed.{kind}.title", site=site.name),
        subtitle=_(f"feed.{kind}.subtitle", site=site.name),
        home=loc.absolute(site, paths.url_of(paths.NEWS if news else paths.BLOG)),
        rss_url=loc.absolute(site, loc.NEWS_RSS if news else loc.BLOG_RSS),
        atom_url=loc.absolute(site, loc.NEWS_ATOM if news else loc.BLOG_ATOM),
        updated=newest(view, (e.published for e in entries)),
        author=view.graph.network.name,
        entries=entries,
    )


@lru_cache(maxsize=65536)  # pure; every title is in the API, OPDS and feeds of several sites
def title_uuid(resource_id: str, title_id: str) -> str:
    """A stable Atom id for a title, valid whatever characters its identifier holds."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"bibnum:title:{resource_id}:{title_id}").urn


def new_titles_feed(view: SiteView, resource_id: str) -> Feed:
    site = view.site
    resource = view.graph.resources[resource_id]
    home = page_url(view, "resource", resource_id)
    entries = tuple(
        Entry(
            id=title_uuid(resource_id, t.id),
            title=t.title,
            url=t.url or home,
            published=loc.paris(t.first_seen),
            summary="",
            content_html=sanitize_html(t.summary_html) if t.summary_html else "",
            authors=tuple(t.authors),
        )
        for t in titles_of(view, resource_id)[:NEW_TITLES_LIMIT]
    )
    return Feed(
        title=_("feed.titles.title", resource=resource.title),
        subtitle=_("feed.titles.subtitle", resource=resource.title, site=site.name),
        home=home,
        rss_url=loc.absolute(site, loc.new_titles_rss(resource_id)),
        atom_url=loc.absolute(site, loc.new_titles_atom(resource_id)),
        updated=newest(view, (e.published for e in entries)),
        author=resource.provider,
        entries=entries,
    )


# writing -------------------------------------------------------------------------------------


def rss(feed: Feed) -> bytes:
    document = root("rss", {"atom": ATOM_NS, "dc": DC_NS}, version="2.0")
    channel = child(document, "channel")
    child(channel, "title", feed.title)
    child(channel, "link", feed.home)
    child(channel, "description", feed.subtitle)
    child(channel, "language", "fr")
    child(channel, "lastBuildDate", rfc822(feed.updated))
    child(channel, "atom:link", href=feed.rss_url, rel="self", type=loc.RSS_TYPE)
    for entry in feed.entries:
        item = child(channel, "item")
        child(item, "title", entry.title)
        child(item, "link", entry.url)
        child(item, "guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false")
        child(item, "pubDate", rfc822(entry.published))
        child(item, "description", entry.content_html or entry.summary)
        for name in entry.authors:
            child(item, "dc:creator", name)
        for category in entry.categories:
            child(item, "category", category)
    return serialize(document)


def atom(feed: Feed) -> bytes:
    document = root("feed", {"": ATOM_NS}, xml_lang="fr")
    child(document, "id", feed.atom_url)
    child(document, "title", feed.title)
    child(document, "subtitle", feed.subtitle)
    child(document, "updated", rfc3339(feed.updated))
    child(document, "link", rel="self", type=loc.ATOM_TYPE, href=feed.atom_url)
    child(document, "link", rel="alternate", type="text/html", href=feed.home)
    author = child(document, "author")
    child(author, "name", feed.author)
    for entry in feed.entries:
        item = child(document, "entry")
        child(item, "id", entry.id)
        child(item, "title", entry.title)
        child(item, "updated", rfc3339(entry.published))
        child(item, "published", rfc3339(entry.published))
        child(item, "link", rel="alternate", type="text/html", href=entry.url)
        for name in entry.authors:
            child(child(item, "author"), "name", name)
        for category in entry.categories:
            child(item, "category", term=category)
        if entry.summary:
            child(item, "summary", entry.summary, type="text")
        if entry.content_html:
            # xml:base lets readers resolve the post's relative links against its page.
            child(item, "content", entry.content_html, type="html", xml_base=entry.url)
    return serialize(document)


def feed_files(view: SiteView) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    main = posts_feed(view)
    news = view.site.kind == "public"
    files[loc.NEWS_RSS if news else loc.BLOG_RSS] = rss(main)
    files[loc.NEWS_ATOM if news else loc.BLOG_ATOM] = atom(main)
    for resource in view.resources:
        if view.graph.titles.get(resource.id):
            feed = new_titles_feed(view, resource.id)
            files[loc.new_titles_rss(resource.id)] = rss(feed)
            files[loc.new_titles_atom(resource.id)] = atom(feed)
    return files
