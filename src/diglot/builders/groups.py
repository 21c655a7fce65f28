"""How consecutive pairs of a translated article form one structure both editions lay out
together: a table (its cells), a figure (its alt text and caption) and a definition list
group (terms, then their definitions). Every other block is a group of one. And which
paragraph introduces the structure after it, to stand on the same page."""

from __future__ import annotations

from diglot.model import ALT, CAPTION, CODE, DEFINITION, LIST_ITEM, PARAGRAPH, TABLE_CELL, TERM

# What a paragraph ending in a colon announces, and is kept with: "Voici un exemple :" at
# the foot of a page, its code on the next (a reader's review, PDF and DOCX).
_ANNOUNCED = (CODE, TABLE_CELL, ALT)


def group_end(pairs, start: int) -> int:
    """Where the structure starting at ``start`` ends (exclusive): the rest of its table,
    its caption, or its definitions; a plain block is a group of one."""
    block = pairs[start].block
    end = start + 1
    if block.kind == TABLE_CELL:
        while end < len(pairs) and _same_table(pairs[end].block, block):
            end += 1
    elif block.image and end < len(pairs) and pairs[end].block.kind == CAPTION \
            and pairs[end].block.image == block.image and pairs[end].block.line == block.line:
        end += 1
    elif block.kind in (TERM, DEFINITION):  # definitions going on after a nested list too
        while end < len(pairs) and _continues_group(pairs[end - 1].block, pairs[end].block):
            end += 1
    return end


def _same_table(block, first) -> bool:
    return (block.kind == TABLE_CELL and block.cell.table == first.cell.table
            and block.note == first.note)


def _continues_group(before, block) -> bool:
    """Terms, then their definitions: a term after a definition starts the next group."""
    if block.note != before.note:
        return False
    return block.kind == DEFINITION or (block.kind == TERM and before.kind == TERM)




def introducers(pairs) -> set[int]:
    """The indexes of the paragraphs that end in a colon just before code, a table, a
    figure or a list (deeper than theirs): each keeps with what it introduces."""
    found = set()
    for index, (pair, after) in enumerate(zip(pairs, pairs[1:])):
        block, following = pair.block, after.block
        if block.kind in (PARAGRAPH, LIST_ITEM) and block.text.rstrip(" *_\u00a0\u202f").endswith(":") \
                and (following.kind in _ANNOUNCED or len(following.lists) > len(block.lists)):
            found.add(index)
    return found
