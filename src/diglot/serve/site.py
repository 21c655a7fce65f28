"""The preview edition in memory: every page of the HTML edition in preview mode, keyed by
URL path, each with a generation that open pages compare with to know when to reload.

A rebuild reads the digests of every article's source and PO files and rebuilds only the
articles whose files changed (and the index pages when any did), the way ``diglot build``
decides what is stale; a change of settings rebuilds everything. A file that cannot be read
turns its article's pages into error pages showing its one-line error, and the index lists
it; the project's own problem (settings, no source folder) turns every page into one. The
pages' images are served from memory where ``diglot build`` would copy them (``assets/``),
and a changed image rebuilds the articles that show it.
"""

from __future__ import annotations

import mimetypes
import os
import threading
import time
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable

from diglot import crossref, media
from diglot.builders import PreviewNotes
from diglot.builders.html import BUILDER
from diglot.builders.preview import error_page
from diglot.catalog.gather import read_or_skip
from diglot.catalog.plan import plan_template
from diglot.catalog.translate import bilingual
from diglot.commands.build import context
from diglot.commands.build_plan import file_digest, input_digest
from diglot.errors import DiglotError
from diglot.model import Bilingual
from diglot.project import Project
from diglot.serve import notes


HTML = "text/html; charset=utf-8"


class _Page:
    """A page (or an image) and its generation; an article's page is rendered when first
    asked for (a big edition starts at once, and a save renders the pages that are open)."""

    def __init__(self, status: int, generation: str, data: bytes | None = None,
                 make: Callable[[], bytes] | None = None, kind: str = HTML):
        self.status, self.generation, self.data, self.make = status, generation, data, make
        self.kind = kind
        self._lock = threading.Lock()

    def bytes(self) -> bytes:
        with self._lock:
            if self.data is None:
                self.data, self.make = self.make(), None
            return self.data


@dataclass
class _Article:
    key: tuple[str, ...]  # digests of its source, PO and image files
    docs: dict[str, Bilingual] = field(default_factory=dict)  # language → translated article
    error: str | None = None  # the one-line error of a file that cannot be read
    inputs: tuple[str, ...] = ()  # its image files (project-relative), found when read
    # language → (what to tell: a PO file behind its source, or the error of the last good
    # version shown), and the fuzzy drafts update would make (msgid → draft)
    notices: dict[str, tuple[tuple[str, ...], dict[str, str]]] = field(default_factory=dict)


class Site:
    def __init__(self, root: Path):
        self.root = root
        self.epoch = f"{os.getpid():x}{time.time_ns():x}"  # generations differ between runs
        self.count = 0
        self.pages: dict[str, _Page] = {}  # URL path → page
        self.project: Project | None = None
        self.problem: str | None = None  # the project cannot be loaded
        self.articles: dict[str, _Article] = {}
        self.paths: dict[str, list[str]] = {}  # slug → its pages' paths
        self.assets: list[str] = []  # the images' paths (shared between articles)
        self.closed = False
        self._rebuilding = threading.Lock()
        self._changed = threading.Condition()

    # --- what the server asks ------------------------------------------------------------

    def page(self, path: str) -> tuple[int, str, bytes]:
        """A path's status, content type and bytes."""
        page = self.pages.get(path) or self._missing(path)
        return page.status, page.kind, page.bytes()

    def generation(self, path: str) -> str:
        found = self.pages.get(path)
        return found.generation if found else f"{self.epoch}-missing-{self.count}"

    def home(self) -> str:
        langs = self.project.languages if self.project else ()
        return f"/{langs[0]}/index.html" if len(langs) > 1 else "/index.html"

    def wait(self, path: str, generation: str, timeout: float) -> str | None:
        """The page's new generation once it differs from ``generation``; None on timeout
        or when the site closes."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.generation(path) != generation,
                                   timeout)
            return None if self.closed or self.generation(path) == generation else self.generation(path)

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def _missing(self, path: str) -> _Page:
        generation = self.generation(path)
        message = self.problem or f"no page at {path} (the index lists every article)"
        return _Page(500 if self.problem else 404, generation,
                     error_page(message, generation, self.home()))

    # --- rebuilding ----------------------------------------------------------------------

    def rebuild(self) -> list[str]:
        """Rebuild what changed; the lines to print (errors start with ``Error:``)."""
        with self._rebuilding:
            started = time.monotonic()
            generation = f"{self.epoch}-{self.count + 1}"
            try:
                project = Project.load(self.root)
                slugs = project.slugs()
            except DiglotError as exc:
                return self._fail(str(exc))
            if self.project is None or project.config != self.project.config:
                self.articles = {}  # new settings: everything is rebuilt
            self.project = project
            changed = self._refresh(slugs)
            if not changed and self.pages:
                return []
            self._publish(changed, generation)
            return _log(self.articles, changed, time.monotonic() - started)

    def _fail(self, problem: str) -> list[str]:
        if problem == self.problem:
            return []
        self.project, self.articles = None, {}
        with self._changed:
            self.problem, self.pages, self.paths, self.count = problem, {}, {}, self.count + 1
            self._changed.notify_all()
        return [f"Error: {problem}"]

    def _refresh(self, slugs: list[str]) -> list[str]:
        """Read again every article whose files changed; the slugs that did (or are gone)."""
        project, changed = self.project, sorted(set(self.articles) - set(slugs))
        for slug in changed:
            del self.articles[slug]
        for slug in slugs:
            known, files = self.articles.get(slug), _files_key(project, slug)
            if known is not None and known.key == files + _images_key(project, known.inputs):
                continue
            fresh = _read(project, slug, files)
            if known is not None and (known.key, known.error) == (fresh.key, fresh.error):
                continue  # the same problem as before: nothing to show again
            if fresh.error and known is not None and known.docs:
                fresh = _last_good(known, fresh)
            self.articles[slug] = fresh
            changed.append(slug)
        return changed

    def _publish(self, changed: list[str], generation: str) -> None:
        pages, paths, ctx = dict(self.pages), dict(self.paths), context(self.project)
        for slug in changed:
            for path in paths.pop(slug, ()):
                del pages[path]
            if slug in self.articles:
                made = self._article_pages(slug, ctx, generation)
                pages.update(made)
                paths[slug] = list(made)
        pages.update(self._index_pages(ctx, generation))
        for path in self.assets:
            pages.pop(path, None)
        assets = self._assets(generation)
        pages.update(assets)
        with self._changed:
            self.pages, self.paths, self.problem, self.assets = pages, paths, None, list(assets)
            self.count += 1
            self._changed.notify_all()

    def _article_pages(self, slug: str, ctx, generation: str) -> dict:
        article, pages = self.articles[slug], {}
        for lang in self.project.languages:
            path = self._path(lang, f"{self.project.output_name(slug)}.html")
            if lang in article.docs:
                pages[path] = _Page(200, generation, make=partial(
                    _render, self.project, article.docs[lang], lang, ctx, generation,
                    article.notices.get(lang, ((), {}))))
            elif article.error is not None:
                pages[path] = _Page(500, generation, error_page(article.error, generation))
        return pages

    def _index_pages(self, ctx, generation: str) -> dict:
        errors = tuple(a.error for _, a in sorted(self.articles.items()) if a.error)
        notes = PreviewNotes(generation, errors=errors)
        pages = {}
        for lang in self.project.languages:
            docs = [a.docs[lang] for _, a in sorted(self.articles.items()) if a.docs]
            pages[self._path(lang, "index.html")] = _Page(
                200, generation, BUILDER.index(docs, replace(ctx, preview=notes)))
        return pages

    def _assets(self, generation: str) -> dict:
        """Every image the pages show, where ``diglot build`` copies it."""
        found = {}
        for _, article in sorted(self.articles.items()):
            for lang, doc in article.docs.items():
                for rel, data in BUILDER.files(doc).items():
                    kind = mimetypes.guess_type(rel)[0] or "application/octet-stream"
                    found[self._path(lang, rel)] = _Page(200, generation, data, kind=kind)
        return found

    def _path(self, lang: str, name: str) -> str:
        return f"/{lang}/{name}" if len(self.project.languages) > 1 else f"/{name}"


def _files_key(project: Project, slug: str) -> tuple[str, ...]:
    """The digests of an article's source and PO files."""
    return (file_digest(project.source_path(slug)),
            *(file_digest(project.po_path(lang, slug)) for lang in project.languages))


def _images_key(project: Project, inputs: tuple[str, ...]) -> tuple[str, ...]:
    """The digests of the image files an article was found to show (or to look for)."""
    return tuple(input_digest(project, rel) for rel in inputs)


def _read(project: Project, slug: str, files: tuple[str, ...]) -> _Article:
    """The article translated into every language with its images, or the error that
    stops it; ``files``: its source's and PO files' digests, taken before reading."""
    fallback = project.config.reading_fallback
    docs, inputs, notices = {}, set(), {}
    try:
        article, _skipped = read_or_skip(project, slug)
        template = plan_template(project, article) if article else None
        for lang in project.languages if article else ():
            catalog, notices[lang] = notes.ahead(project, slug, lang, template)
            po = project.rel(project.po_path(lang, slug))
            doc = bilingual(article, catalog, project.config.source_language, lang, fallback,
                            po)
            doc, found = media.attach(doc, project.root, project.source_dir, (po, catalog))
            docs[lang], linked = crossref.attach(doc, project.articles)
            inputs.update(found, linked)
    except DiglotError as exc:  # read again at every change: the fix may be any file (an image)
        return _Article((*files, "?"), error=str(exc))
    inputs = tuple(sorted(inputs))
    return _Article(files + _images_key(project, inputs), docs, inputs=inputs, notices=notices)


def _last_good(known: _Article, fresh: _Article) -> _Article:
    """A file that cannot be read (a PO file saved mid-edit): the last good version's pages
    stay, with the error above them, so the reader keeps their place."""
    said = f"{fresh.error} (showing the last version that could be read)"
    notices = {lang: ((said,), known.notices.get(lang, ((), {}))[1]) for lang in known.docs}
    return replace(fresh, docs=known.docs, inputs=known.inputs, notices=notices)


def _render(project: Project, doc: Bilingual, lang: str, ctx, generation: str,
            notices: tuple[tuple[str, ...], dict[str, str]] = ((), {})) -> bytes:
    found = notes.notes(project, doc.slug, lang, generation)
    told, drafts = notices
    found = replace(found, errors=(*told, *found.errors), fuzzy={**drafts, **found.fuzzy})
    return BUILDER.article(doc, replace(ctx, preview=found))


def _log(articles: dict[str, _Article], changed: list[str], seconds: float) -> list[str]:
    lines = [f"Error: {articles[s].error}" for s in changed if s in articles and articles[s].error]
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return lines + [f"rebuilt {shown or 'the index'} in {seconds:.2f}s"]
