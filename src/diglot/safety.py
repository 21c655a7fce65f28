"""Text crossing a trust boundary: control characters escaped before a message shows file
content on a terminal, names refused when a PO line or a message cannot carry them, the
line separators other programs split lines at (so text never injects a PO line), and the
size bounds that keep memory and time in check on huge inputs (README, "Safety")."""

from __future__ import annotations

import re

from diglot._marks import MARKS

MB = 1024 * 1024
# A source (or English text to align): a long novel is 1 MB; the bounds hold a whole book
# of 50,000 paragraphs. An article at the bounds builds in about half a minute on 2 cores.
MAX_SOURCE_BYTES = 16 * MB
MAX_SEGMENTS = 65_536
MAX_SEGMENT_CHARS = 2 * MB  # one paragraph: 2,097,152 characters, some 300,000 words
MAX_PO_BYTES = 64 * MB  # a PO or POT file (a full translation of the largest source)
MAX_CONFIG_BYTES = 1 * MB
# One image file: a print-quality photograph is a few MB. An attack round's 1 GB "PNG" (a
# 1×1 picture and padding) was copied into every output, an EPUB build peaking at 10.9 GB.
MAX_IMAGE_BYTES = 32 * MB
MAX_ARTICLE_IMAGES = 256 * MB  # an article's image files in all (each read once)
# The pictures a build's documents hold: each article's DOCX, EPUB or PDF embeds its own, so
# a file counts once per document showing it (an attack round: a 31 MB picture shown by 40
# articles took 3.8 GB to build).
MAX_EMBEDDED_IMAGES = 512 * MB
# The pixels a build's PDF books decode in all (each article's within its own bound): the
# edition's bound, since edition.pdf decodes them all again.
MAX_DECODED_PIXELS = 500_000_000
# What link reference definitions write in all where an article's text uses them: each use
# repeats the address and title (an attack round: a 1 MB title used 1,000 times, from a
# 1 MB source, made a 2 GB page and took 4.9 GB).
MAX_REFERENCE_WRITING = 16 * MB
# Footnote calls in an article's text, each column's: every call is a raised link and a
# back link in the note, in every edition (an attack round: 750,000 calls in a 3 MB source
# made a 254 MB page and took 2.5 GB). A heavily annotated book has a few thousand.
MAX_NOTE_CALLS = 20_000
MAX_TABLE_COLUMNS = 64  # a table wider than this no edition sets beside its translation
# Lines of code blocks in one article: a program's whole listing is a few thousand. An attack
# round's 7 blocks of 1,000,000 one-character lines (14 MB) took 15.6 GB to build.
MAX_CODE_LINES = 100_000
# Version-control folders: their files are the repository itself (and its settings may hold
# a token); diglot neither writes there nor reads a picture there.
# Casefolded (paths are compared so). Jujutsu's, Sapling's and Pijul's were missing (an
# attack round wrote a build into ".jj/repo/op_heads/heads"); not CVS's "CVS", a word a
# French edition may name a folder of articles with (cvs: résumés).
VCS_FOLDERS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", ".fossil", ".jj", ".sl",
                         ".pijul"})

# C0 and C1 controls but tab, line and paragraph separators, bidirectional overrides and
# isolates (which reorder what a terminal shows), and lone surrogates (undecodable bytes of a
# file name).
_SHOWN_RAW = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                        "\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}
# Every character some PO reader takes for the end of a line: gettext stops at "\n" only,
# but polib and other str.splitlines() users also at these.
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Unicode category Cc but tab and newline: no edition can print them, and Word refuses a
# document holding one. Sources, settings and front matter are refused with them.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# More combining marks on one letter than Unicode's stream-safe text allows (30): no writing
# needs them, and the PDF's line breaking grows faster than linearly with them (100,000
# accents on one letter, 200 KB, took two minutes). Every script's marks (``_marks``); a
# run of 31 characters past U+02FF is looked for first, which ordinary text rarely has.
_STACKED = re.compile(f"[{MARKS}]{{31}}")
_PAST_LATIN = re.compile("[^\x00-\u02ff]{31,}")


def stacked_marks(text: str) -> int | None:
    """Where a letter carries more than 30 combining marks, or None."""
    for run in _PAST_LATIN.finditer(text):
        found = _STACKED.search(run.group())
        if found:
            return run.start() + found.start()
    return None


_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escaped(text: str) -> str:
    """``text`` as a message may show it: control characters, separators, bidirectional
    controls and undecodable bytes written as escapes (``\\x1b``, ``\\r``, ``\\u2028``)."""
    if not _SHOWN_RAW.search(text):
        return text
    return _SHOWN_RAW.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte Python could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def unsafe_name(name: str) -> str | None:
    """Why a file name cannot be used as an article name (None when it can)."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in name):
        return f"'{escaped(name)}' is not valid UTF-8"
    found = _UNSAFE_NAME.search(name)
    if found:
        return (f"'{escaped(name)}' holds the control character U+{ord(found.group()):04X}, "
                "which a PO reference line cannot carry")
    return None


def split_lines(text: str) -> list[str]:
    """``text`` cut at every line separator any PO reader knows."""
    return LINE_BREAKS.split(text)


def one_line(text: str) -> str:
    """``text`` on one line: every run of whitespace (separators included) one space, and
    no other control character (a PO comment cannot hold one)."""
    return " ".join(_CONTROL.sub("", text).split()) if _CONTROL.search(text) else \
        " ".join(text.split())


# Control characters that are not whitespace to str.split() (which takes \x1c-\x1f, \x85).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
