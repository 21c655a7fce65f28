"""``diglot align`` ahead of hunalign: orphans left without a proposal, inserted English
left unmatched and listed, merges and splits kept, code read from .docx monospaced runs,
and a confidence from the evidence (see bench/align_corpus.py for the corpus figures)."""

from __future__ import annotations

import re

from test_align import ARTICLE, EN, FR, NOTE, align, english_variant, markdown, proj, translations  # noqa: F401

from diglot.align.aligner import align as align_blocks
from diglot.align.dp import path_and_margins
from diglot.model import PARAGRAPH, Block


def without(english: dict[int, str], *keys: int) -> dict[int, str]:
    return {k: ("" if k in keys else en) for k, en in english.items()}


def test_an_orphan_does_not_take_its_neighbours_sentence(proj):
    # The French paragraph 5 has no English; its neighbours' English have two sentences
    # each, and the orphan is about as long as one of them.
    result = align(proj, english_variant(delete={5}))
    assert result.exit_code == 0, result.output
    assert translations(proj) == without(EN, 5)
    assert "French without English: 1" in result.output


def test_two_orphans_in_a_row_and_a_merge_beside_them(proj):
    result = align(proj, english_variant(delete={6, 7}, merge={15}))
    assert result.exit_code == 0, result.output
    assert translations(proj) == without(EN, 6, 7)


def test_inserted_english_is_left_unmatched_and_listed(proj):
    result = align(proj, english_variant(add={4, 14}, split={7}))
    assert result.exit_code == 0, result.output
    assert translations(proj) == EN  # the split paragraph joined again, the notes in none
    assert "English unmatched: 2" in result.output
    assert len(re.findall(r"sein\.en\.md:\d+: Translator's note", result.output)) == 2


def test_docx_monospaced_runs_come_back_as_code(proj):
    import docx

    document = docx.Document()
    for prefix, _, en in ARTICLE:
        if prefix.startswith("#"):
            document.add_heading(en, prefix.count("#"))
            continue
        paragraph = document.add_paragraph(style="List Bullet" if prefix == "- " else None)
        for k, piece in enumerate(re.split(r"`([^`]+)`", en)):
            run = paragraph.add_run(piece.replace("[the website](https://www.ile-de-sein.fr/"
                                                  "visites)", "the website"))
            if k % 2:
                run.font.name = "Consolas"
    path = proj.root / "sein.docx"
    document.save(str(path))
    result = proj.run("align", "sein", str(path))
    assert result.exit_code == 0, result.output
    assert translations(proj)[13] == "For opening hours, see the website or type `sein-visites` in the app."


def test_confidence_is_lower_where_the_alignment_could_go_another_way():
    french = [Block(PARAGRAPH, fr, 1) for _, fr, _ in ARTICLE[1:9]]
    clean = align_blocks(french, [Block(PARAGRAPH, en, 1) for _, _, en in ARTICLE[1:9]])
    shuffled = [ARTICLE[k][2] for k in (1, 2, 4, 3, 5, 6, 8, 7)]
    messy = align_blocks(french, [Block(PARAGRAPH, en, 1) for en in shuffled])
    assert all(0 <= b.confidence <= 1 for b in clean.beads + messy.beads)
    assert sum(b.confidence >= 0.8 for b in clean.pairs) >= 6  # one pair shares no anchor
    assert sum(b.confidence for b in messy.pairs) / len(messy.pairs) < \
        sum(b.confidence for b in clean.pairs) / len(clean.pairs)


def test_margins_are_how_much_dearer_another_path_is():
    # A 3x3 problem whose diagonal costs 0 and everything else 1 per move.
    path, margins = path_and_margins(lambda i, a, j, b: 0.0 if (a, b) == (1, 1) else 1.0,
                                     3, 3, moves=((1, 1), (1, 0), (0, 1)))
    assert path == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1)]
    # Crossing any boundary off the diagonal costs a skip on each side: 2.
    assert margins == [2.0, 2.0, 2.0, 2.0]
    _, margins = path_and_margins(lambda i, a, j, b: 0.0, 1, 1, moves=((1, 1),))
    assert margins == [float("inf"), float("inf")]  # nothing else can be done


def test_alignment_is_deterministic():
    french = [Block(PARAGRAPH, fr, 1) for _, fr, _ in ARTICLE]
    english = [Block(PARAGRAPH, en, 1) for _, _, en in ARTICLE]
    first, second = align_blocks(french, english), align_blocks(french, english)
    assert first.beads == second.beads
