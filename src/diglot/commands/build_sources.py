"""The articles a build reads: a book-length source is kept parsed between builds, so a
build after one translation changed does not read its Markdown again (a 10,000-paragraph
article: 0.3 s of markdown-it).

The parsed article is kept beside the output it was read for
(``<output>/.diglot-cache/<output name>.article``), sealed like a part (see
``build_cache``) under its source's digest and diglot's own code: the seal is checked
before anything of the file is read, so only an article this user's diglot parsed from
these very bytes is ever used; anything else is parsed again.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from diglot.catalog.gather import checked, read_or_skip
from diglot.commands import build_cache
from diglot.commands.build_plan import combine
from diglot.model import Article
from diglot.project import Project
from diglot.source.reader import decode_source, parse_article, read_source

MIN_BYTES = 256 * 1024  # below this a source parses in less than its kept copy loads

Kept = tuple[str, str, bool]  # (file, the code's key, whether to read it: not with --force)


def read(project: Project, slug: str, kept: Kept | None
         ) -> tuple[Article | None, str, tuple[str, str, bytes] | None]:
    """``read_or_skip``'s (article, warning), and what to keep for the next build: (file,
    seal key, bytes), or None when nothing is to be kept."""
    if kept is None:
        return (*read_or_skip(project, slug), None)
    path = project.source_path(slug)
    shown = project.rel(path)
    data = read_source(path, shown)
    if len(data) < MIN_BYTES:
        return (*checked(parse_article(decode_source(data, shown), slug, shown), shown), None)
    file, code, use = kept
    key = combine(code, hashlib.sha256(data).hexdigest())
    found = _load(project, Path(file), key) if use else None
    if found is not None:
        return (*checked(found, shown), None)
    article = parse_article(decode_source(data, shown), slug, shown)
    return (*checked(article, shown), (file, key, pickle.dumps(article, pickle.HIGHEST_PROTOCOL)))


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
