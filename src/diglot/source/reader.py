"""French Markdown source (with optional YAML front matter) → Article.

Segmentation is markdown-it-py's parse (CommonMark, GitHub tables, footnotes, definition
lists): this module only walks its tokens and turns each heading, paragraph, list item,
blockquote paragraph, table cell, term, definition and footnote paragraph into a Block whose
text is the block's inline Markdown source; a paragraph that is one image becomes a figure
(its alt text and its caption). It knows nothing of PO files or outputs.
"""

from __future__ import annotations

import shlex

from pathlib import Path

from diglot.errors import SourceError
from diglot.fsio import TooLarge, read_limited
from diglot.model import (ALT, BLOCKQUOTE, CAPTION, CODE, DEFINITION, HEADING, LIST_ITEM,
                          PARAGRAPH, RULE, TABLE_CELL, TERM, TITLE, Article, Block, ListLevel)
from diglot.safety import MAX_SOURCE_BYTES, MAX_TABLE_COLUMNS, MB, UNPRINTABLE, stacked_marks
from diglot.source import bounds, frontmatter, notes, tables
from diglot.source.figures import lone_image
from diglot.source.markdown import HARD_BACKSLASH, SOFT, block_parser, breaks_of


def read_article(path: Path, slug: str, rel_path: str) -> Article:
    """Read and segment one source file; ``rel_path`` is how PO references name it."""
    return parse_article(decode_source(read_source(path, rel_path), rel_path), slug, rel_path)


def read_source(path: Path, shown: str) -> bytes:
    """A source's bytes, within ``safety.MAX_SOURCE_BYTES``."""
    try:
        return read_limited(path, MAX_SOURCE_BYTES)
    except TooLarge:
        raise SourceError(f"the file is larger than {MAX_SOURCE_BYTES // MB} MB, diglot's "
                          "bound for one article; split it into several articles",
                          shown) from None
    except OSError as exc:
        raise SourceError(f"cannot read the source: {exc.strerror}", shown) from exc


# Files a writer may give by mistake, by their first bytes: converting them as text (the
# UTF-8 hint below) would only garble them.
_BINARY = ((b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive (an office document?)"),
           (b"\xd0\xcf\x11\xe0", "an old Word or Office file"), (b"{\\rtf", "an RTF document"),
           (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"))


def binary_kind(data: bytes) -> str | None:
    """What a file that is no text is (``a PDF``…), by its first bytes; None for text."""
    return next((kind for magic, kind in _BINARY if data.startswith(magic)), None)


def decode_source(data: bytes, rel_path: str) -> str:
    """UTF-8 (a byte order mark is dropped), with CRLF and CR line ends made LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        kind = binary_kind(data)
        if kind is not None:
            raise SourceError(f"this is {kind}, not text: diglot reads Markdown written in "
                              "UTF-8", rel_path) from None
        line = data[: exc.start].count(b"\n") + 1
        shown = shlex.quote(rel_path)  # from the project folder, where the path is relative
        raise SourceError(
            "not valid UTF-8; convert the file to UTF-8 (for example, from Latin-1: "
            f"iconv -f latin1 -t utf-8 {shown} > utf8.tmp && mv utf8.tmp {shown})",
            rel_path, line) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(text: str, slug: str, rel_path: str) -> Article:
    reject_controls(text, rel_path)
    meta, title_line, body, offset = frontmatter.split(text, rel_path)
    env: dict = {}
    tokens = block_parser().parse(body, env)
    bounds.not_too_deep(tokens, rel_path, offset)
    references = env.get("references", {})
    walker = _Walker(env, offset, rel_path, references, body)
    blocks = list(walker.walk(tokens))
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        blocks.insert(0, Block(TITLE, meta["title"].strip(), title_line, level=1))
    bounds.within_bounds(blocks, rel_path)
    bounds.references_bounded(blocks, references, rel_path, offset)
    called = notes.calls(blocks)
    bounds.calls_defined(called, walker.labels, rel_path)
    numbers = notes.numbered(called, walker.labels)
    return Article(slug, rel_path, notes.at_the_end(blocks, numbers), meta, references, numbers)


def reject_controls(text: str, rel_path: str, line: int | None = None) -> None:
    """A text no edition can print (a control character, a letter under more than 30
    marks) is refused, naming its line: the French sources, and the English align reads."""
    found = UNPRINTABLE.search(text)
    if found:
        line = line or text.count("\n", 0, found.start()) + 1
        raise SourceError(
            f"control character U+{ord(found.group()):04X} in the text; remove it "
            "(it cannot be printed and Word refuses such documents)", rel_path, line)
    stacked = stacked_marks(text)
    if stacked is not None:
        raise SourceError("a letter carries more than 30 combining marks (Unicode's bound for "
                          "text in a stream); remove them", rel_path,
                          line or text.count("\n", 0, stacked) + 1)


def inline_source(content: str, breaks: dict[int, str], cuts: dict[int, int] | None = None) -> str:
    """The msgid of an inline block: soft breaks become one space, hard breaks one newline,
    HTML comments (``cuts``: start → end) go, with a space before them.

    Newlines markdown-it did not treat as breaks (inside code spans or link titles) render
    as spaces, so they become spaces too; container indentation is already gone.
    """
    out: list[str] = []
    start = 0
    for pos in sorted({**breaks, **(cuts or {})}):
        piece = content[start:pos]
        if cuts and pos in cuts:
            out.append(piece.rstrip(" \t"))
            start = cuts[pos]
            continue
        kind = breaks[pos]
        out.append(piece if kind == HARD_BACKSLASH else piece.rstrip(" "))
        out.append(" " if kind == SOFT else "\0")
        start = content.index("\n", pos) + 1
        while start < len(content) and content[start] in " \t":
            start += 1
    out.append(content[start:])
    text = "".join(out).replace("\n", " ").replace("\0", "\n")
    return text.strip(" \t") if cuts else text


class _Walker:
    """Walks the flat token stream, tracking the list, blockquote, definition, footnote and
    table containers."""

    def __init__(self, env: dict, offset: int, rel_path: str, references, body: str):
        self.env, self.offset, self.rel_path, self.references = env, offset, rel_path, references
        self.body, self.lines = body, None  # the body's lines, cut once a table needs them
        self.containers: list[list] = []  # ["list", ordered] / ["item", number, used] / ["quote"] / ["dd"] / ["note", label]
        self.labels: dict[str, int] = {}  # footnote label → line of its definition
        self.table = tables.Tracker()
        self.row_open = None  # the table row being read (its token holds its line)

    def walk(self, tokens):
        handlers = {
            "bullet_list_open": lambda t: self.containers.append(["list", False]),
            "ordered_list_open": lambda t: self.containers.append(["list", True]),
            "list_item_open": lambda t: self.containers.append(["item", _number(t), False]),
            "blockquote_open": lambda t: self.containers.append(["quote"]),
            "dd_open": lambda t: self.containers.append(["dd"]),
            "footnote_reference_open": self._note,
        }
        closers = {"bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close",
                   "dd_close", "footnote_reference_close"}
        for i, token in enumerate(tokens):
            if token.type in handlers:
                handlers[token.type](token)
            elif token.type in closers:
                self.containers.pop()
            elif token.type in tables.TOKENS:
                self.table.see(token)
                self._whole_row(token)
                self._narrow_enough(token)
            elif token.type == "inline":
                yield from self._text_blocks(tokens[i - 1], token)
            elif token.type in ("fence", "code_block"):
                yield self._block(CODE, token.content, token, info=token.info.strip())
            elif token.type == "hr":
                yield self._block(RULE, "", token)

    def _narrow_enough(self, token) -> None:
        """A table of more columns than any page holds beside its translation is refused
        (a 1,000-column table took the PDF book four minutes and 2 GB)."""
        if token.type == "tr_open":
            self.row_open = token  # a cell's token has no line of its own
        elif token.type == "th_open" and self.table.column > MAX_TABLE_COLUMNS:
            raise SourceError(f"this table has more than {MAX_TABLE_COLUMNS} columns, more than "
                              "an edition sets beside its translation; split it",
                              self.rel_path, self._line(self.row_open))

    def _whole_row(self, token) -> None:
        """A table row with more cells than its header is refused: GFM drops the extra ones,
        and their text would silently be in no edition."""
        if token.type != "tr_open" or not token.map:
            return
        if self.lines is None:
            self.lines = self.body.split("\n")
        extra = self.table.extra_cells(self.lines[token.map[0]])
        if extra:
            raise SourceError(f"this table row has {extra} cell(s) with text past its header's "
                              f"{self.table.columns}: Markdown drops them; add a header cell, "
                              "join the cells, or write a | inside a cell as \\|",
                              self.rel_path, self._line(token))

    def _note(self, token) -> None:
        label, line = token.meta["label"], self._line(token)
        if label in self.labels:
            raise SourceError(f"footnote [^{label}] is defined twice (first on line "
                              f"{self.labels[label]}); give each note its own label",
                              self.rel_path, line)
        self.labels[label] = line
        self.containers.append(["note", label])

    def _text_blocks(self, opener, inline):
        breaks, cuts = breaks_of(inline.content, self.env)
        text = inline_source(inline.content, breaks, cuts)
        if not text.strip() and opener.type not in ("th_open", "td_open"):
            return  # only whitespace (U+00A0, U+3000…): nothing to say, no empty msgid
        if opener.type == "heading_open":
            yield self._block(HEADING, text, opener, level=int(opener.tag[1]))
        elif opener.type in ("th_open", "td_open"):
            yield self._block(TABLE_CELL, text, inline, cell=self.table.cell(),
                              fixed=not (text.strip() and tables.worth_translating(text, self.references)))
        elif opener.type == "dt_open":  # a term of code alone (`\b`) is shown as a cell of code is
            yield self._block(TERM, text, opener,
                              fixed=not tables.worth_translating(text, self.references))
        else:
            yield from self._paragraph(text, opener)

    def _paragraph(self, text: str, opener):
        figure = lone_image(text, self.references)
        if figure is None:
            yield self._block(self._paragraph_kind(), text, opener)
            return
        yield self._block(ALT, figure.alt, opener, image=figure.src, fixed=not figure.alt.strip())
        if figure.title.strip():
            yield self._block(CAPTION, figure.title.strip(), opener, image=figure.src)

    def _paragraph_kind(self) -> str:
        innermost = next((c[0] for c in reversed(self.containers) if c[0] not in ("list", "note")),
                         None)
        return {"item": LIST_ITEM, "quote": BLOCKQUOTE, "dd": DEFINITION}.get(innermost, PARAGRAPH)

    def _line(self, token) -> int:
        return (token.map[0] if token.map else 0) + 1 + self.offset

    def _block(self, kind: str, text: str, token, **extra) -> Block:
        note = next((c[1] for c in reversed(self.containers) if c[0] == "note"), "")
        return Block(kind, text, self._line(token), lists=self._lists(), quote_depth=self._quotes(),
                     note=note, **extra)

    def _quotes(self) -> int:
        return sum(1 for c in self.containers if c[0] == "quote")

    def _lists(self) -> tuple[ListLevel, ...]:
        levels = []
        for i, container in enumerate(self.containers):
            if container[0] == "item":
                ordered = self.containers[i - 1][1]
                levels.append(ListLevel(ordered, container[1], first=not container[2]))
        # The innermost item's marker shows once: later paragraphs of the item continue it.
        for container in self.containers:
            if container[0] == "item":
                container[2] = True
        return tuple(levels)


def _number(token) -> int:
    return int(token.info) if token.info.isdigit() else 0
