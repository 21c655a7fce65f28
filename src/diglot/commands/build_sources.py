"""The articles a build reads: a book-length source is kept parsed between builds, so a
build after one translation changed does not read its Markdown again (a 10,000-paragraph
article: 0.3 s of markdown-it).

The parsed article is kept beside the output it was read for
(``<output>/.diglot-cache/<output name>.article``), sealed like a part (see
``build_cache``) under its source's digest and diglot's own code: the seal is checked
before anything of the file is read, so only an article this user's diglot parsed from
these very bytes is ever used; anything else is parsed again. A book-length source parsed
for the first time is parsed in a forked process while the build reads the PO files.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

from diglot import heap, parallel
from diglot.catalog.gather import checked, read_or_skip
from diglot.commands import build_cache
from diglot.commands.build_plan import combine
from diglot.model import Article
from diglot.project import Project
from diglot.source.reader import decode_source, parse_article, read_source

MIN_BYTES = 256 * 1024  # below this a source parses in less than its kept copy loads
# From here a source's parse (markdown-it: 0.15 s a megabyte) pays a forked process and
# the article's pickle sent back (a tenth of that), when the build has an idle core.
FORK_BYTES = 512 * 1024

Kept = tuple[str, str, bool]  # (file, the code's key, whether to read it: not with --force)


def read(project: Project, slug: str, kept: Kept | None
         ) -> tuple[Article | None, str, tuple[str, str, bytes] | None]:
    """``read_or_skip``'s (article, warning), and what to keep for the next build: (file,
    seal key, bytes), or None when nothing is to be kept."""
    return start(project, slug, kept)[0]()


def start(project: Project, slug: str, kept: Kept | None, helpers: int = 0
          ) -> tuple[Callable[[], tuple[Article | None, str, tuple[str, str, bytes] | None]], bool]:
    """``read``, begun now and finished by the call returned, and whether that call will
    wait for another process (the caller can do something else meanwhile). With an idle core
    (``helpers``), a book-length source with no kept copy is parsed in a forked process
    while this one goes on (the build reads the PO files meanwhile); the article comes
    back pickled, the very bytes kept for the next build. Errors in the source are
    raised at once, as ``read`` raises them, but for a forked parse's: by the call."""
    if kept is None:
        return partial(_given, (*read_or_skip(project, slug), None)), False
    path = project.source_path(slug)
    shown = project.rel(path)
    data = read_source(path, shown)
    if len(data) < MIN_BYTES:
        return partial(_given, _parsed(data, slug, shown, None)), False
    file, code, use = kept
    key = combine(code, hashlib.sha256(data).hexdigest())
    found = _load(project, Path(file), key) if use else None
    if found is not None:
        return partial(_given, (*checked(found, shown), None)), False
    if helpers > 0 and len(data) >= FORK_BYTES:
        return _forked(data, slug, shown, (file, key)), True
    return partial(_given, _parsed(data, slug, shown, (file, key))), False


def _given(answer: tuple):
    return answer


def _parsed(data: bytes, slug: str, shown: str, keep: tuple[str, str] | None):
    article = parse_article(decode_source(data, shown), slug, shown)
    kept = (*keep, pickle.dumps(article, pickle.HIGHEST_PROTOCOL)) if keep else None
    return (*checked(article, shown), kept)


def _forked(data: bytes, slug: str, shown: str, keep: tuple[str, str]):
    forked = parallel.Forked(_pickled, data, slug, shown)

    @cache  # the build may ask twice (see build_jobs._catalogs)
    def finish():
        try:
            pickled = forked.result()
        except parallel.Lost:  # the process was lost (killed, out of memory)
            pickled = None
        if pickled is None:  # an error in the source, or no process: parsed (and raised) here
            return _parsed(data, slug, shown, keep)
        return (*checked(pickle.loads(pickled), shown), (*keep, pickled))
    return finish


def _pickled(data: bytes, slug: str, shown: str) -> bytes | None:
    """In the forked process: the parsed article, pickled; None when parsing fails (the
    build's own process reports it, with everything it knows)."""
    try:
        with heap.paused():
            return pickle.dumps(parse_article(decode_source(data, shown), slug, shown),
                                pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - any failure is found again and reported by the caller
        return None


def _load(project: Project, file: Path, key: str) -> Article | None:
    """The kept article, when the file is there and its seal holds (only then is it
    unpickled: a file diglot did not seal for these bytes is never read further)."""
    if not file.exists():
        return None
    sealed = build_cache.load(file, key, project.area(project.output_dir))
    if sealed is None:
        return None
    article = pickle.loads(sealed)
    return article if isinstance(article, Article) else None
