"""A segment's text → its sentences, as offsets into the plain text ``inline.spans`` renders
(the concatenation of the span texts, hard breaks as ``\\n``), so a builder can cut its
styled spans at them.

Rules, per language: a sentence ends at ``.``, ``!``, ``?`` or an ellipsis, with the closing
quotes and brackets that follow it (« Viens. » ends after »), when blank space and the start
of a sentence (a capital, a digit, an opening quote, bracket or dialogue dash, a code span)
follow. Not after an abbreviation (M., Mme, p. ex., av. J.-C., e.g., Dr., No. 5), nor
inside a code span or a link, whose text is kept whole. ``3,5`` and ``3.5`` have no blank
after the point, so they never end anything.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Mapping, NamedTuple

from diglot.source.inline import Span, spans

# A sentence's end: terminators, then closing quotes or brackets (French puts a no-break
# space before »), then blank space; group 1 is the end, the match's end the next start.
_END = re.compile(r"((?:[.!?…]+)(?:[\u00a0\u202f ]?[»”\"’')\]])*)[\s\u00a0\u202f]+")
_OPENING = "«“\"‘'([¿¡"
_BEFORE_INITIAL = " \u00a0\u202f\n(«“\"'‘-"
_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:")  # a reST role left in the text: ":meth:"
_DASHES = "—–-"
_TOKEN = re.compile(r"[\w.'’\-]+$")  # the word a point closes: "p", "J.-C", "e.g", "Mme"

# Abbreviations that never end a sentence (compared case-sensitively, point removed).
_ALWAYS = {
    "fr": {"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr", "St", "Ste",
           "Mᵐᵉ", "Mˡˡᵉ", "Mᵍʳ", "av", "apr", "cf", "ex", "c.-à-d", "env", "éd", "hab",
           "tél", "vol", "chap", "fig", "art", "resp", "var", "op", "cit", "ibid", "coll"},
    "en": {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Jr", "Sr", "Rev", "Gen", "Col",
           "Capt", "Lt", "Sgt", "Hon", "vs", "cf", "e.g", "i.e", "viz", "approx", "Fig",
           "fig", "Vol", "vol", "Ch", "ch", "Sect", "sect", "Inc", "Ltd", "Co", "Corp",
           "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
           "Dec", "al", "esp"},
}
# Abbreviations that end nothing when a number follows: "No. 5", "p. 12", "n. 3".
_BEFORE_NUMBER = {"No", "no", "Nos", "nos", "p", "pp", "n", "t", "art", "Art", "ch",
                  "chap", "fig", "Fig", "vol", "Vol", "sect", "Sect", "éq", "eq"}
_DOTTED = re.compile(r"(?:\w{1,3}\.-?)+\w{1,3}")  # "U.S", "e.g", "Ph.D", not "os.path"
_ERAS = {"J.-C", "B.C", "A.D", "B.C.E", "C.E"}  # end sentences as often as they go on
# After a dotted abbreviation (U.S., J.-C.), a sentence starts only with one of these.
_STARTERS = {
    "fr": {"Il", "Elle", "Ils", "Elles", "Le", "La", "Les", "Ce", "Cet", "Cette", "Ces", "Un",
           "Une", "Des", "On", "Nous", "Vous", "Je", "En", "Dans", "Mais", "Puis", "Alors",
           "Cela", "Ceci", "Si", "Pour", "Par", "Depuis", "Après", "Avant", "Au", "Aux"},
    "en": {"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You",
           "I", "A", "An", "In", "But", "Then", "So", "If", "For", "On", "At", "As", "There",
           "Its", "His", "Her", "Their", "After", "Before", "When", "While"},
}


class Sentence(NamedTuple):
    """Plain-text offsets ``start:end`` of one sentence, without the blank around it."""

    start: int
    end: int


def plain(items: list[Span]) -> str:
    """The plain text offsets refer to."""
    return "".join(s.text for s in items)


def split(text: str, lang: str, *, whole: bool = False,
          references: Mapping | None = None) -> tuple[Sentence, ...]:
    """The sentences of a segment's inline Markdown ``text`` in language ``lang`` (``fr``,
    ``en``; another reads as English); ``whole`` (headings, list items) gives one."""
    return split_spans(spans(text, references), lang, whole=whole)


def split_spans(items: list[Span], lang: str, *, whole: bool = False) -> tuple[Sentence, ...]:
    """``split`` for spans already parsed."""
    text = plain(items)
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    if first >= last:
        return ()
    if whole or not _MAY_END.search(text):
        return (Sentence(first, last),)
    cuts = _cuts(text, items, lang)
    starts, ends = [first, *(s for _, s in cuts)], [*(e for e, _ in cuts), last]
    return tuple(Sentence(s, e) for s, e in zip(starts, ends))


_MAY_END = re.compile(r"[.!?…]")


class _Protected:
    """Plain-text ranges of code spans and links, in order: a sentence never ends inside
    one (looked up by bisection: the corpus's paragraphs hold dozens of code spans)."""

    __slots__ = ("starts", "ends", "styled")

    def __init__(self, items: list[Span]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.styled: set[int] = set()  # where code, italic or bold text starts
        pos = 0
        for span in items:
            if span.code or span.href:
                self.starts.append(pos)
                self.ends.append(pos + len(span.text))
            if span.code or span.italic or span.bold:
                self.styled.add(pos)
            pos += len(span.text)

    def holds(self, stop: int, start: int) -> bool:
        """Whether the end mark at ``stop`` or the cut before ``start`` is inside one."""
        k = bisect_right(self.starts, stop) - 1
        if k >= 0 and self.ends[k] > stop:
            return True
        k = bisect_left(self.starts, start) - 1
        return k >= 0 and self.ends[k] > start

    def closes(self, at: int) -> bool:
        """Whether one ends at ``at``: "… `find_module`. Celle-ci" ends a sentence."""
        k = bisect_right(self.starts, at) - 1
        return k >= 0 and self.ends[k] == at


def _cuts(text: str, items: list[Span], lang: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for every sentence end in ``text``."""
    out, protected = [], None
    for match in _END.finditer(text):
        start = match.end()
        if start >= len(text):
            continue
        if protected is None:
            protected = _Protected(items)
        if protected.starts and protected.holds(match.start(), start):
            continue
        if not _starts_sentence(text, start, start in protected.styled):
            continue
        if match.group(1) != "." or protected.closes(match.start()) or \
                not _abbreviation(text, match.start(), start, lang):
            out.append((match.end(1), start))
    return out


def _starts_sentence(text: str, at: int, styled: bool) -> bool:
    """A capital, a digit, an opening quote or bracket, a dialogue dash before a capital,
    or a code span or emphasis (a sentence may start with ``None`` or a parameter's name,
    "*opener* must return")."""
    first = text[at]
    if styled or first.isupper() or first.isdigit() or first in _OPENING:
        return True
    if first == ":":
        return _ROLE.match(text, at) is not None
    if first in _DASHES:
        rest = text[at + 1:at + 4].lstrip(_DASHES + "\u00a0\u202f ")  # "— Non", "--Non"
        return bool(rest) and (rest[0].isupper() or rest[0] in _OPENING)
    return False


def _abbreviation(text: str, stop: int, after: int, lang: str) -> bool:
    """Whether the point at ``stop`` closes an abbreviation rather than a sentence (a
    lone point: "!", "?", "…" and a point inside closing quotes always end one)."""
    token = _TOKEN.search(text, max(0, stop - 24), stop)  # a longer word is no abbreviation
    if token is None:
        return False
    word = token.group().lstrip(".'’-")
    following = _next_word(text, after)
    table = _ALWAYS.get(lang, _ALWAYS["en"])
    if word in table or word in _ALWAYS["en" if lang == "fr" else "fr"] and word[:1].isupper():
        return True
    if word in _BEFORE_NUMBER and following[:1].isdigit():
        return True
    if len(word) == 1 and word.isalpha() and (token.start() == 0 or
                                              text[token.start() - 1] in _BEFORE_INITIAL):
        return True  # an initial, or "p." of "p. ex.", not "Python/C."
    if word in _ERAS or any(c.isdigit() for c in word):  # "44 av. J.-C. Auguste", "3.11."
        return False
    if _DOTTED.fullmatch(word):  # U.S., e.g.: a sentence may follow, if it starts like one
        return following not in _STARTERS.get(lang, _STARTERS["en"])
    return False


def _next_word(text: str, at: int) -> str:
    found = re.match(r"\w+", text[at:at + 40])
    return found.group() if found else ""
