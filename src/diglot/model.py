"""The central model: an Article is a sequence of Blocks; a Bilingual article pairs each with its translation.

Pure, frozen data with no I/O. The reader builds Articles, the catalog layer pairs them with
translations, and the builders render Bilinguals.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Mapping

# Block kinds. Every kind but CODE and RULE is a translatable segment.
TITLE = "title"  # front-matter title
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list item"
BLOCKQUOTE = "blockquote"
CODE = "code"
RULE = "rule"  # thematic break
TABLE_CELL = "table cell"  # one cell of a GFM table (Block.cell places it)
ALT = "image alt text"  # a figure's alt text (Block.image is its source)
CAPTION = "figure caption"  # a figure's title, shown as its caption
TERM = "term"  # a definition list's term
DEFINITION = "definition"  # a paragraph of a term's definition

UNTRANSLATABLE = frozenset({CODE, RULE})

# Translation states, as a reader and the statistics see them.
TRANSLATED = "translated"
FUZZY = "fuzzy"
UNTRANSLATED = "untranslated"


def _pickled_by_fields(cls):
    """``cls`` pickled as its fields' values, in order. A book's article is pickled twice a
    first build (the forked parse sends it back; the build keeps it): dataclasses' own state
    makes a list through ``fields()`` for every block and sets each field back one by one
    (10,000 blocks: 0.032 s to pickle, 0.036 s to load; by fields 0.023 and 0.021 s)."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):
        return cls, tuple(getattr(self, name) for name in names)
    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ListLevel:
    """One enclosing list: its type and this item's marker number (ordered lists)."""

    ordered: bool
    number: int = 0
    first: bool = True  # False for a later paragraph of the same item (no marker shown)


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date as precise as the author gave it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """``2024``, ``2024-05`` or ``2024-05-14``: valid in an HTML ``<time>``."""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cell:
    """Where a table cell sits: its table (1, 2… in the article), row (1 is the header
    row), column, and the column's alignment (``left``, ``center``, ``right`` or ``""``)."""

    table: int
    row: int
    column: int
    align: str = ""

    @property
    def header(self) -> bool:
        return self.row == 1


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One block of the source, in document order.

    ``text`` is the msgid (inline Markdown, soft breaks as spaces, hard breaks as ``\\n``)
    for a segment, or the verbatim content for a code block.
    """

    kind: str
    text: str
    line: int
    level: int = 0  # heading level 1-6
    lists: tuple[ListLevel, ...] = ()  # enclosing lists, outermost first
    quote_depth: int = 0
    info: str = ""  # code fence info string
    cell: Cell | None = None  # a table cell's place
    image: str = ""  # a figure's image source (its alt text and caption blocks)
    note: str = ""  # the label of the footnote this block belongs to
    fixed: bool = False  # shown as written and never extracted (a cell of numbers)

    @property
    def translatable(self) -> bool:
        return self.kind not in UNTRANSLATABLE and not self.fixed


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A French source: its slug, front matter and blocks."""

    slug: str
    path: str  # project-relative POSIX path, as used in PO references
    blocks: tuple[Block, ...]
    meta: Mapping[str, object] = field(default_factory=dict)
    references: Mapping[str, object] = field(default_factory=dict)  # Markdown link definitions
    notes: Mapping[str, int] = field(default_factory=dict)  # footnote label → its number

    @property
    def segments(self) -> list[Block]:
        return [b for b in self.blocks if b.translatable]

    @property
    def title(self) -> str:
        """The front-matter title, else the first level-1 heading, else the slug."""
        for block in self.blocks:
            if block.kind == TITLE or (block.kind == HEADING and block.level == 1):
                return block.text
        return self.slug

    @property
    def author(self) -> str:
        return str(self.meta.get("author") or "")

    @property
    def date(self) -> PubDate | None:
        """The front-matter date, read by the reader; None when the article has none."""
        value = self.meta.get("date")
        return value if isinstance(value, PubDate) else None


@dataclass(frozen=True, slots=True)
class Pair:
    """A block beside its translation; ``target`` is None where nothing is shown."""

    block: Block
    target: str | None
    state: str  # TRANSLATED, FUZZY or UNTRANSLATED (code blocks count as TRANSLATED)
    fallback: bool = False  # target is the French shown in place of a translation
    anchor: str = ""  # the passage's lasting anchor (catalog.anchors); repeats share it
    # The translator's sentence links, the value of a "# sentences:" comment on the entry
    # (see diglot.sentences.override); None when there is none.
    sentences: str | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    """Translation progress of one article in one language."""

    segments: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    words: int = 0
    words_left: int = 0  # words of the fuzzy and untranslated segments

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.segments, 1) if self.segments else 100.0


@dataclass(frozen=True, slots=True)
class Picture:
    """One image file as an edition uses it: ``data`` is empty for a remote image (never
    fetched), whose ``url`` is then all there is."""

    url: str  # the source as the Markdown gives it
    path: str = ""  # project-relative POSIX path of a local file
    data: bytes = b""
    asset: str = ""  # its file name among the HTML edition's assets

    @property
    def remote(self) -> bool:
        return not self.path


@dataclass(frozen=True, slots=True)
class Image:
    """An image source of an article: the file the French shows and the one the target
    language shows (a translated ``chart.en.png`` beside ``chart.png``, else the same)."""

    source: Picture
    target: Picture

    @property
    def translated(self) -> bool:
        return self.target.path != self.source.path


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A translated article, ready for a builder: everything a builder needs, nothing to read."""

    article: Article
    source_lang: str
    target_lang: str
    pairs: tuple[Pair, ...]
    stats: Stats
    title_target: str | None = None  # the title's translation, when translated
    fallback: str = "source"  # the policy that produced the pairs (see config.FALLBACKS)
    references: Mapping[str, object] = field(default_factory=dict)  # link definitions
    images: Mapping[str, Image] = field(default_factory=dict)  # image source → its files
    articles: frozenset[str] = frozenset()  # the edition's articles (crossref: links to them)
    target_references: Mapping[str, object] = field(default_factory=dict)  # see references_for

    @property
    def slug(self) -> str:
        return self.article.slug

    def references_for(self, source: bool) -> Mapping[str, object]:
        """The link definitions a text reads: the source's, or for a translation the same
        without their titles (the source's words, never extracted to translate: a reader's
        review found French titles over the English links)."""
        return self.references if source else self.target_references

    @property
    def title(self) -> str:
        return self.article.title

    def title_and_rest(self) -> tuple[Pair, tuple[Pair, ...]]:
        """The title pair (front-matter title, else a leading level-1 heading) and the rest;
        without either, a title pair made from the article's title (the DOCX and PDF
        editions set it apart from the passages)."""
        first = self.pairs[0] if self.pairs else None
        if first and (first.block.kind == TITLE
                      or (first.block.kind == HEADING and first.block.level == 1)):
            return first, self.pairs[1:]
        block, target = Block(TITLE, self.title, 0), self.title_target
        if target is not None:
            return Pair(block, target, TRANSLATED), self.pairs
        if self.fallback == "source":
            return Pair(block, self.title, UNTRANSLATED, fallback=True), self.pairs
        return Pair(block, None, UNTRANSLATED), self.pairs


def section_level(body: tuple[Pair, ...] | list[Pair]) -> int:
    """The level of an article body's top headings, quotations, lists and notes aside: 2
    as a rule, 1 where its chapters are ``#`` headings under the article's title (the
    books' contents and heading sizes start there)."""
    return min((p.block.level for p in body if section_head(p.block)), default=2)


def chapter_openings(body: tuple[Pair, ...] | list[Pair]) -> set[int]:
    """Where ``body``'s chapters open (``chapter_break``): the indices of its top headings
    that follow some text (a first chapter right under the title opens no new page)."""
    top, found, text = section_level(body), set(), False
    for k, pair in enumerate(body):
        if section_head(pair.block) and pair.block.level == top:
            if text:
                found.add(k)
        elif not pair.block.note:
            text = True
    return found


def section_head(block: Block) -> bool:
    """A heading of the article's own outline: not one inside a quotation, list or note."""
    return block.kind == HEADING and not (block.quote_depth or block.lists or block.note)
