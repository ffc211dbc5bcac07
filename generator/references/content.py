"""The front matter of Markdown content (blog posts, news, pages): the ids it names."""

from __future__ import annotations

from ..load.markdown_source import MarkdownDocument
from .ids import IdChecks


class ContentChecks(IdChecks):
    def _content(self) -> None:
        checked = {post.source for post in self.graph.posts} | {page.source for page in self.graph.pages}
        for kind, documents in (("blog", self.sources.posts), ("news", self.sources.news),
                                ("pages", self.sources.public_pages), ("pages", self.sources.pro_pages)):
            for doc in documents:
                if doc.file not in checked:
                    self._as_written(doc.meta, kind, doc.meta.data)
        for post in self.graph.posts:
            self._fields(self._markdown(post.source).meta, post.kind, post.meta)
        for page in self.graph.pages:
            self._fields(self._markdown(page.source).meta, "pages", page.meta)

    def _markdown(self, source: str) -> MarkdownDocument:
        for documents in (self.sources.posts, self.sources.news, self.sources.public_pages, self.sources.pro_pages):
            for doc in documents:
                if doc.file == source:
                    return doc
        raise KeyError(source)
