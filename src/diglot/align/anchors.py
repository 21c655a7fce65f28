"""The anchors two texts can share, whatever the language: numbers, words spelt alike (names,
borrowings, cognates by their first letters), URLs, inline code, chapter numerals.

Each segment yields a set of keys; a key is worth more the rarer it is in the two texts
(inverse document frequency), so "Sheridan" or "1814" ties two paragraphs together and
"son" (French "his", English "son") barely counts. Words found on one side only are dropped:
they cannot tie anything.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from diglot.source.inline import Span, spans
from diglot.model import HEADING, TITLE, Block

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*")
_URL = re.compile(r"(?:https?://|www\.)[^\s)>\]]+")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_CHAPTER_WORDS = {"chapter", "chapitre", "part", "partie", "book", "livre", "section"}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
PREFIX = 5  # words this long or longer match on their first letters: "mystérieux" ~ "mysterious"
STRONG = 2.0  # numbers, URLs and code are rarely a coincidence: their weight counts double
STRONG_MARKS = "#@`"  # the first character of their keys


def keys(block: Block, items: list[Span] | None = None) -> set[str]:
    """The anchor keys of one segment (``items``: its spans, when already parsed)."""
    items = spans(block.text) if items is None else items
    found = span_keys(items) | {"@" + u.rstrip(".,;:") for u in _URL.findall(block.text)}
    if block.kind in (HEADING, TITLE):
        found |= _chapter_number("".join(s.text for s in items))
    return found


def span_keys(items: list[Span]) -> set[str]:
    """The anchor keys of a run of styled spans (a segment, or one of its sentences)."""
    text = "".join(s.text for s in items)
    found = {_word_key(w) for w in _WORD.findall(text) if len(w) >= 3}
    found |= {"#" + re.sub(r"\D", "", n) for n in _NUMBER.findall(text)}
    found |= {"@" + u.rstrip(".,;:") for u in _URL.findall(text)}
    found |= {"`" + s.text for s in items if s.code}
    return found | {"@" + s.href for s in items if s.href}


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """Names match whole ("Passepartout" is not "passed"); other words by their start."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "=" + plain if word[0].isupper() else plain[:PREFIX]


def _chapter_number(text: str) -> set[str]:
    """A heading's leading number in Roman numerals: "XII. Où…" and "CHAPTER XII." share 12."""
    words = re.findall(r"[\w]+", text)[:2]
    if words and words[0].casefold() in _CHAPTER_WORDS:
        words = words[1:]
    if words and _ROMAN.match(words[0].upper()) and words[0].isupper():
        return {f"#{_roman(words[0])}"}
    return set()


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def weights(french: list[set[str]], english: list[set[str]]) -> dict[str, float]:
    """Key → weight, log(segments / segments holding it), for every key found on both sides,
    and for numbers, URLs and code found on one side only: those say "this passage has no
    counterpart here" where a word of one language says nothing about the other."""
    df_fr, df_en = Counter(k for s in french for k in s), Counter(k for s in english for k in s)
    total = len(french) + len(english)
    out = {}
    for key in df_fr.keys() | df_en.keys():
        strong = key[0] in STRONG_MARKS
        if strong or (key in df_fr and key in df_en):
            weight = math.log(total / (df_fr[key] + df_en[key]))
            out[key] = weight * (STRONG if strong else 1.0)
    return {k: w for k, w in out.items() if w > 0}


def landmarks(french: list[frozenset[str]], english: list[frozenset[str]],
              spread: float = 0.1) -> list[tuple[int, int]]:
    """Segment pairs (i, j) tied by a key found in exactly one segment on each side and at
    about the same place in the text, keeping the longest chain increasing in both: the
    points a band of the dynamic programme can be drawn through."""
    fr, en = _unique(french), _unique(english)
    n, m = max(len(french), 1), max(len(english), 1)
    pairs = {(fr[k], en[k]) for k in fr.keys() & en.keys()
             if abs(fr[k] / n - en[k] / m) <= spread}
    return _increasing_chain(sorted(pairs, key=lambda p: (p[0], -p[1])))


def _unique(sets: list[frozenset[str]]) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for index, keys in enumerate(sets):
        for key in keys:
            if key in seen:
                repeated.add(key)
            seen[key] = index
    return {k: i for k, i in seen.items() if k not in repeated}


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence strictly increasing in j (pairs come sorted by i, then by j
    descending, so one i never gives two points): patience sorting, O(k log k)."""
    from bisect import bisect_left

    tails: list[int] = []  # tails[L]: index into pairs of the chain of length L+1 ending lowest
    before: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        length = bisect_left([pairs[t][1] for t in tails], j)
        before[k] = tails[length - 1] if length else -1
        tails[length:length + 1] = [k]
    chain, k = [], tails[-1] if tails else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]
