"""The styled span, the unit every inline Markdown reader and writer of diglot shares, and
the link targets one may carry."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Link targets a span may carry: http(s), mailto, relative and fragment URLs, never a
# scheme a browser or Word would run or open (javascript:, data:, file:).
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def safe_url(url: str) -> bool:
    return bool(_SAFE_URL.match(url.strip()))


# Never changed once made, but not frozen: a frozen dataclass sets each of its ten fields
# through object.__setattr__, five times the cost of a plain one, and a book-length page
# makes some 100,000 spans (parsing, typography, sentence cuts). Hashable as a frozen one.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A run of text with its styles; ``br`` spans are hard line breaks (text ``\\n``)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    br: bool = False
    image: str | None = None  # an image: its source (``text`` is its alt text)
    note: str | None = None  # a footnote reference: the note's label (``text`` is empty)
    title: str = ""  # an image's title
    markdown: str = ""  # an image's or a reference's Markdown source, as written
    link_title: str = ""  # the title of the link it is in (``[text](url "title")``)

    @property
    def markup(self) -> bool:
        """An image or a footnote reference: one piece, never merged with its neighbours."""
        return self.image is not None or self.note is not None

    def with_text(self, text: str) -> "Span":
        """The span with another text (dataclasses.replace, several times faster)."""
        return Span(text, self.bold, self.italic, self.code, self.href, self.br, self.image,
                    self.note, self.title, self.markdown, self.link_title)
