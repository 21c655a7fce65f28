"""A chapter as the build keeps it between runs (see ``builders.Builder.render``): a JSON
line (its facts, and each file's path and length), then the files' bytes one after the
other. Read back as data: every field checked; a damaged part is a BuildError."""

from __future__ import annotations

import json
import re

from diglot.builders.epub.chapter import Chapter, Section
from diglot.errors import BuildError

# A path inside the package, as chapter.py writes them (no '..', never absolute).
_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


def dump(chapter: Chapter) -> bytes:
    names = sorted(chapter.files)
    head = {"name": chapter.name, "langs": chapter.langs, "titles": chapter.titles,
            "author": chapter.author, "date": chapter.date,
            "sections": [[s.anchor, *s.titles] for s in chapter.sections],
            "files": [[name, len(chapter.files[name])] for name in names]}
    body = b"".join(chapter.files[name] for name in names)
    return json.dumps(head, ensure_ascii=False, sort_keys=True).encode() + b"\n" + body


def load(data: bytes) -> Chapter:
    line, _, body = data.partition(b"\n")
    try:
        head = json.loads(line)
        chapter = Chapter(_text(head["name"]), _pair(head["langs"]), _pair(head["titles"]),
                          _text(head["author"]), _text(head["date"]),
                          tuple(Section(_text(a), _pair([f, e])) for a, f, e in head["sections"]),
                          _files(head["files"], body))
    except (ValueError, KeyError, TypeError):
        raise BuildError("an article's part of the EPUB edition is damaged; "
                         "rebuild with --force") from None
    return chapter


def _files(listing, body: bytes) -> dict[str, bytes]:
    files, pos = {}, 0
    for name, size in listing:
        if not isinstance(name, str) or not _PATH.fullmatch(name) or type(size) is not int \
                or size < 0 or pos + size > len(body):
            raise ValueError("not a file of the part")
        files[name], pos = body[pos:pos + size], pos + size
    if pos != len(body):
        raise ValueError("bytes beyond the files")
    return files


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _pair(value) -> tuple[str, str]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError("not a pair")
    return _text(value[0]), _text(value[1])
