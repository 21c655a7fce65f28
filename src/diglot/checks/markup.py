"""The ``markup``, ``emphasis`` and ``code`` checks: inline elements compared between French
and English.

``KINDS`` lists every element the checks compare; counting one more (table cells, say) is
one line: its check, its name, whether its value (a URL, a path) must survive translation,
and, for what the Markdown parser does not see, a pattern that finds it in the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass

from diglot.checks.code_spans import comparable, found_in, listed, missing_code, within
from diglot.checks.excerpt import quote
from diglot.checks.links import blank_links, localized
from diglot.checks.model import NUMERIC_CODE, Pair, Problem, Side


@dataclass(frozen=True)
class Kind:
    check: str
    noun: str
    value: str = ""  # what must survive translation (a URL, a path): compared, not only counted
    pattern: re.Pattern | None = None  # found in the text, not by the Markdown parser


KINDS: dict[str, Kind] = {
    "link": Kind("markup", "link to", "link URL"),
    "image": Kind("markup", "image", "image path"),
    "footnote": Kind("markup", "footnote reference", "footnote reference"),
    "break": Kind("markup", "hard line break"),
    "bold": Kind("emphasis", "bold span"),
    "italic": Kind("emphasis", "italic span"),
    "code": Kind("code", "code span"),
    # A printf or format placeholder written as text ("%s", "%(name)d", "{name}", "{0}"):
    # a program fills it in, by its exact name.
    "placeholder": Kind("code", "placeholder", "placeholder", re.compile(
        r"%(?:\(\w+\))?[-#0+]?\d*(?:\.\d+)?[sdifrxXoeEgGc]\b|\{\w*(?:[.!:][^{}\s]*)?\}")),
    # A web or e-mail address written as text (not a link): a reader copies it as it is.
    "address": Kind("markup", "address", "address", re.compile(
        r"\b(?:https?|ftp)://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]»”’]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # from a word's start: linear
}


def elements(side: Side, kind: str) -> list[str]:
    """The values of one kind of element in a text, in order (an address that is a link's
    own text, an autolink, is the link check's: one mistake, one finding)."""
    pattern = KINDS[kind].pattern
    if pattern is not None:
        found = pattern.findall(side.masked)
        linked = set(side.by_kind.get("link", ())) if kind == "address" and found else ()
        return [v for v in found if v not in linked and f"mailto:{v}" not in linked]
    # A number in a code span is compared as a number ("`0`" in one language, "0" in the other).
    values = side.by_kind.get(kind, [])
    return [v for v in values if not NUMERIC_CODE.fullmatch(v)] if kind == "code" else values


def _compared(pair: Pair, check: str) -> list[Problem]:
    problems = []
    for kind, spec in KINDS.items():
        if spec.check == check:
            fr, en = elements(pair.fr, kind), elements(pair.en, kind)
            fr = localized(fr, en) if kind in ("link", "address") and fr != en else fr
            if fr != en:
                problems += _valued(spec, fr, en) if spec.value else _counted(pair, kind, fr, en)
    return problems


def _valued(spec: Kind, fr: list[str], en: list[str]) -> list[Problem]:
    """Lost, changed and added values (a link's URL, an image's path, a footnote's id)."""
    lost, added = list((Counter(fr) - Counter(en)).elements()), list((Counter(en) - Counter(fr)).elements())
    if len(fr) == len(en):
        return [Problem(f"{spec.value} changed: {a} → {b}") for a, b in zip(lost, added)]
    return ([Problem(f"{spec.noun} {a} is missing from the English") for a in lost]
            + [Problem(f"{spec.noun} {b} is in the English only") for b in added])


def _counted(pair: Pair, kind: str, fr: list[str], en: list[str]) -> list[Problem]:
    """Different counts, showing the elements of either side without a twin in the other;
    none when the difference is only restyling (below)."""
    lost, added = Counter(fr) - Counter(en), Counter(en) - Counter(fr)
    if len(fr) == len(en):  # excuses only ever close a gap: "*Guillotière*", "*La Guillotière*"
        return []
    # The English styles more: nothing of the French is lost (emphasis is translated text,
    # counted; code is the same text, compared).
    if kind in ("bold", "italic") and len(en) > len(fr) or kind == "code" and not lost:
        return []
    if len(fr) - _restyled(pair, kind, lost, "fr") <= len(en) - _restyled(pair, kind, added, "en"):
        return []  # the excuses leave the French no more than the English
    prose = _prose(pair.en) if kind == "code" else ""
    if kind == "code" and all(found_in(comparable(v), prose) for v in lost):
        return [_unmarked(prose, list(lost))]
    message = f"{KINDS[kind].noun}s: {len(fr)} in French, {len(en)} in English"
    if kind == "break":  # where the side with more breaks has one
        text = pair.fr.shown if len(fr) > len(en) else pair.en.shown
        return [Problem(message, quote(text, text.find("\n")))]
    shown = [f"{side} {_styled(kind, only)}" for side, only in (("French", lost), ("English", added)) if only]
    return [Problem(message, "; ".join(shown))]


_MARKS = {"bold": "**", "italic": "*", "code": "`"}


def _unmarked(prose: str, values: list[str]) -> Problem:
    """French code the English writes as plain text: its look is lost, not its text."""
    text = prose.replace("\0", "…")  # its code spans, in the excerpt
    at = max(text.find(values[0]), text.lower().find(values[0].lower()))
    return Problem(f"code {listed(values)} in the English as plain text, not as code",
                   quote(text, at, at + len(values[0])))


def _styled(kind: str, values: Counter) -> str:
    mark = _MARKS.get(kind, "")
    return ", ".join(f"{mark}{v}{mark}" for v in values)


def _restyled(pair: Pair, kind: str, only: Counter, side: str) -> int:
    """How many of the elements one side alone has are the same text styled otherwise on
    the other side (a parameter in italics in one language, as code in the other), or, for
    French italics, French typography rather than a loss (``_roman_habit``)."""
    if kind not in ("bold", "italic", "code"):
        return 0
    other = pair.en if side == "fr" else pair.fr
    styles = ("bold", "italic") if kind == "code" else ("code",)
    elsewise = {v for k, v in other.elements if k in styles}
    habit = side == "fr" and kind == "italic"  # a habit of italics: lost bold always counts
    return sum(n for v, n in only.items() if v in elsewise or habit and _roman_habit(pair, v))


def _roman_habit(pair: Pair, value: str) -> bool:
    """French typography italicises foreign words ("le *slot*", "*Serhiy Storchaka*") and the
    letter of "*n*-uplet": nothing is lost when the English writes the words in roman here
    and styles them nowhere in the file. Names such as *f* or *close_fds* are not words:
    their emphasis always counts."""
    if len(value) == 1:
        return re.search(rf"(?<!\w){re.escape(value)}-\w", pair.fr.shown) is not None
    return (_WORDS.fullmatch(value) is not None and value.lower() not in pair.styled
            and within(_folded(value), _folded(pair.en.shown)) and not _keeps_italics(pair, value))


def _keeps_italics(pair: Pair, value: str) -> bool:
    """Whether the English writes the item in roman beside a listed item it keeps in
    italics: then its italics are lost, not a habit ("*inline*, *attachment*" → "inline,
    *attachment*"). A French italic for a foreign word (*wrapper*, *mapping*) beside a kept
    parameter name is still the habit: only a list's items are compared."""
    # the places are found once an entry and read once a length (an attack round: a search
    # for each dropped italic over the whole English was quadratic), the item of any shape
    return value in _beside_italics(pair.en.markdown, len(value))


@lru_cache(maxsize=64)
def _beside_italics(markdown: str, n: int) -> frozenset[str]:
    """The texts of ``n`` characters a list's separator next to an item in italics follows
    or precedes, standing whole (not the end of a longer word)."""
    before, after = _separators(markdown)
    return frozenset([markdown[at - n:at] for at in before if at >= n and _edge(markdown, at - n - 1)]
                     + [markdown[at:at + n] for at in after if _edge(markdown, at + n)])


def _edge(text: str, at: int) -> bool:
    return not 0 <= at < len(text) or not (text[at].isalnum() or text[at] in "*_")


@lru_cache(maxsize=8)
def _separators(markdown: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a list's separator next to an item in italics starts (", *b*", " or *b*") and
    where the item after one ends up ("*a*, b"): the places a roman item may stand."""
    return (tuple(m.start() for m in _BEFORE_ITALIC.finditer(markdown)),
            tuple(m.end() for m in _AFTER_ITALIC.finditer(markdown)))


_BEFORE_ITALIC = re.compile(r"(?:,|\s+(?:or|and))\s+(?=[*_]\w)")
_AFTER_ITALIC = re.compile(r"(?<=\w[*_])(?:,|\s+(?:or|and))\s+")


@lru_cache(maxsize=8)  # the English, asked for each italic it drops: folded once
def _folded(text: str) -> str:
    """Lower case, without accents, hyphens as spaces: *Tankadère* is "Tankadere" in the
    English, *General-Grant* "General Grant"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("-", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORDS = re.compile(r"[^\W\d_]{2,}(?:[-'’ ][^\W\d_]+)*")


def english_styles(pairs: list[Pair]) -> frozenset[str]:
    """Every text the English of a file sets in bold or italic, lowercased."""
    return frozenset(value.lower() for pair in pairs for kind, value in pair.en.elements
                     if kind in ("bold", "italic"))


def check_markup(pair: Pair) -> list[Problem]:
    """What breaks the edition: a link, image or footnote reference lost or changed, a hard
    line break lost, an emphasis or code mark left open (shown as text)."""
    return _compared(pair, "markup") + blank_links(pair) + _stray(pair)


# Emphasis and code marks the Markdown parser left as text, outside code spans: any "`";
# a "*" run that opens a word ("*La Doua") or closes one ("Doua* and"). Not a "*" between
# spaces or digits ("t1 * i", "imag*1j": arithmetic) nor a "_" ("__spam": a Python name).
_STRAY = re.compile(r"`+|(?<![^\s(\[\"'«“‘])\*+(?=[^\s*])|(?<=[^\W\d_])\*+(?=[\s.,;:!?)\]»”’]|$)")


def _stray(pair: Pair) -> list[Problem]:
    """Marks the reader sees in the English and not in the French: an emphasis or code span
    the translator left open (``*La Doua and **Bron**`` prints its first star). Only more
    than the French, not a mark escaped on purpose (``\\*``), and not a star in a word the
    French writes alike (``fail*`` as code there)."""
    text = _prose(pair.en)
    found = [m for m in _STRAY.finditer(text) if not _as_french(pair, text, m)]
    extra = _marks(found, pair.en) - _marks(_STRAY.finditer(_prose(pair.fr)), pair.fr)
    if not extra:
        return []
    first = min(m.start() for m in found if m.group()[0] in extra)
    marks = ", ".join(mark + (f" ×{n}" if n > 1 else "") for mark, n in sorted(extra.items()))
    shown = text.replace("\0", "…")  # a code span, in the excerpt
    return [Problem(f"Markdown mark shown as text in the English only ({marks}): an emphasis "
                    "or code span left open, or a mark to escape with \\",
                    quote(shown, first, first + 1))]


def _marks(matches, side) -> Counter:
    """Each mark's count ("*", "`"), less those the Markdown escapes (``\\*``)."""
    counted = Counter(char for m in matches for char in m.group())
    for mark in counted:
        counted[mark] -= side.markdown.count("\\" + mark)
    return +counted


def _as_french(pair: Pair, text: str, match: re.Match) -> bool:
    """A star in a word the French shows alike: ``fail*`` (in code there), ``imag*1j``."""
    return match.group()[0] == "*" and _word_at(text, match) in pair.fr.shown


def _prose(side) -> str:
    """The text outside code spans, each code span a NUL (no mark, no word)."""
    return "".join("\0" if s.code else s.text for s in side.spans)


def _word_at(text: str, match: re.Match) -> str:
    start = max(text.rfind(c, 0, match.start()) for c in " \0\n") + 1
    ends = [i for i in (text.find(c, match.end()) for c in " \0\n") if i >= 0]
    return text[start:min(ends, default=len(text))]


def check_emphasis(pair: Pair) -> list[Problem]:
    """Bold and italic counts (French italicises foreign words English leaves roman)."""
    return _compared(pair, "emphasis")


def check_code(pair: Pair) -> list[Problem]:
    """The text of a French code span missing from the English; else different counts."""
    missing = missing_code(pair, elements(pair.fr, "code"))
    return missing or _compared(pair, "code")
