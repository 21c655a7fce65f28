"""The preview's notes (QA findings, fuzzy drafts) sit under a passage without covering it:
on a wide screen below both columns, on a phone (columns stacked, the English the second
row) below the English. Read from the stylesheets the preview page carries."""

from __future__ import annotations

import re

from diglot.web import asset

NARROW = "@media screen and (max-width: 42rem)"


def rows(css: str, selector: str) -> list[str]:
    """The grid-row values given to ``selector`` in ``css``, in order."""
    pattern = re.escape(selector) + r"\s*\{([^}]*)\}"
    return [m for body in re.findall(pattern, css)
            for m in re.findall(r"grid-row:\s*([^;}]+)", body)]


def narrow_block(css: str) -> str:
    """The text of the stylesheet's narrow-screen media blocks."""
    blocks, at = [], css.find(NARROW)
    while at >= 0:
        depth, i = 0, css.index("{", at)
        for j in range(i, len(css)):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            if depth == 0:
                blocks.append(css[i + 1:j])
                break
        at = css.find(NARROW, j)
    return "\n".join(blocks)


def test_on_a_phone_the_note_goes_below_the_english_not_over_it():
    page, preview = asset("diglot.css"), asset("preview.css")
    english_row = rows(narrow_block(page), ".col-en")[-1].strip()
    note_rows = rows(narrow_block(preview), ".pair[data-note]::after")
    assert note_rows, "the preview gives its notes no row of their own on a phone"
    assert note_rows[-1].strip() not in (english_row, "1")


def test_on_a_wide_screen_the_note_goes_below_both_columns():
    page, preview = asset("diglot.css"), asset("preview.css")
    wide_page = page.replace(narrow_block(page), "")
    assert rows(wide_page, ".col-en")[0].strip() == "1"
    assert rows(preview.replace(narrow_block(preview), ""), ".pair[data-note]::after") == ["2"]
