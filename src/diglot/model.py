"""The central model: an Article is a sequence of Blocks; a Bilingual article pairs each with its translation.

Pure, frozen data with no I/O. The reader builds Articles, the catalog layer pairs them with
translations, and the builders render Bilinguals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

# Block kinds. Every kind but CODE and RULE is a translatable segment.
TITLE = "title"  # front-matter title
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list item"
BLOCKQUOTE = "blockquote"
CODE = "code"
RULE = "rule"  # thematic break

UNTRANSLATABLE = frozenset({CODE, RULE})

# Translation states, as a reader and the statistics see them.
TRANSLATED = "translated"
FUZZY = "fuzzy"
UNTRANSLATED = "untranslated"


@dataclass(frozen=True, slots=True)
class ListLevel:
    """One enclosing list: its type and this item's marker number (ordered lists)."""

    ordered: bool
    number: int = 0
    first: bool = True  # False for a later paragraph of the same item (no marker shown)


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

    @property
    def translatable(self) -> bool:
        return self.kind not in UNTRANSLATABLE


@dataclass(frozen=True, slots=True)
class Article:
    """A French source: its slug, front matter and blocks."""

    slug: str
    path: str  # project-relative POSIX path, as used in PO references
    blocks: tuple[Block, ...]
    meta: Mapping[str, object] = field(default_factory=dict)
    references: Mapping[str, object] = field(default_factory=dict)  # Markdown link definitions

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


@dataclass(frozen=True, slots=True)
class Pair:
    """A block beside its translation; ``target`` is None where nothing is shown."""

    block: Block
    target: str | None
    state: str  # TRANSLATED, FUZZY or UNTRANSLATED (code blocks count as TRANSLATED)
    fallback: bool = False  # target is the French shown in place of a translation
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

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.segments, 1) if self.segments else 100.0


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

    @property
    def slug(self) -> str:
        return self.article.slug

    @property
    def title(self) -> str:
        return self.article.title
