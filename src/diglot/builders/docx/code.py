"""A code block in the DOCX: the lines that fit the block's width share one paragraph,
broken by ``w:br`` (the smallest XML: a paragraph per line made a 2 MB block 2.4 GB); a line
that would wrap gets a paragraph of its own with a hanging indent, so that it goes on two
characters further in than its own indentation, as in the PDF and the EPUB. Flush left,
"coprime)." read as a new, dedented line of Python."""

from __future__ import annotations

from diglot.ooxml import xml as x
from diglot.ooxml.styles import sid

# Courier New's advance is 0.6 em: 5.1 pt, 102 twips, at the Code Block style's 8.5 pt.
_CHAR = 102
_INDENT = 6 * 20  # the style's indents, 6 pt on each side, in twips
_HANG = 2  # characters further in than the line's own indentation
# Sizes a block may be set in, in half-points: the style's 8.5 pt, then smaller down to 7 pt
# so that lines a little too long fit whole (a reader's review: "# commentaire" over a lone
# "0" on every line of a block of 90-character lines). Longer ones wrap at the style's size.
_SIZES = (17, 16, 15, 14)


def put(tc, text: str, lang: str, width: int) -> None:
    """The block's paragraphs in ``tc``, a cell ``width`` twips wide (its margins out)."""
    lines = text.split("\n")
    size = _size(lines, width - 2 * _INDENT)
    char = _CHAR * size // _SIZES[0]
    fits = max(8, (width - 2 * _INDENT) // char - 1)  # one character to spare: estimates round
    groups = list(_groups(lines, fits))
    for number, (group, hang) in enumerate(groups):
        para = x.paragraph(tc, sid("Code Block"))
        _spacing(para, first=number == 0, last=number == len(groups) - 1, hang=hang * char)
        x.verbatim(para, "\n".join(group), lang)
        if size != _SIZES[0]:
            x.font_size(para, size)


def _size(lines: list[str], room: int) -> int:
    """The largest size at which every line fits ``room`` twips; else the style's."""
    longest = max((len(line.expandtabs()) for line in lines), default=0)
    return next((size for size in _SIZES if longest <= room // (_CHAR * size // _SIZES[0]) - 1),
                _SIZES[0])


def _groups(lines: list[str], fits: int):
    """(lines, hanging indent in characters or 0): runs of lines that fit, and each line
    that does not, alone."""
    run: list[str] = []
    for line in lines:
        wide = line.expandtabs()
        if len(wide) <= fits:
            run.append(line)
            continue
        if run:
            yield run, 0
            run = []
        # at most half the block: a deeper indentation put the line past the right margin,
        # where LibreOffice drew nothing of it (a code review)
        yield [line], min(len(wide) - len(wide.lstrip(" ")) + _HANG, fits // 2)
    if run or not lines:
        yield run, 0


def _spacing(para, first: bool, last: bool, hang: int) -> None:
    """One grey block: no space between its paragraphs; a wrapped line's indent."""
    if first and last and not hang:
        return  # the style's own look, as every short block had it
    props = para[0]  # the paragraph's w:pPr, its style in it
    if not last:
        x.sub(props, "w:spacing", {"w:after": "0"})
    if hang:  # (twips)
        x.sub(props, "w:ind", {"w:left": str(_INDENT + hang), "w:hanging": str(hang)})
