"""The PDF paginator's decisions (which lines of which passage on which spread, at which
height), pure and font-free: golden cases in tests/cases/pagination/<case>/ (items.json →
expected.txt, rewritten when DIGLOT_REGEN=1; review the diff like code), and properties
over random passages: every line drawn once and in order, pairs level, pages not overrun,
no lone line left by a split.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from diglot.builders.pdf.paginate import EPSILON, MAX_FOOT, Item, Line, paginate

CASES = Path(__file__).resolve().parent / "cases" / "pagination"


def side(heights: list[float], splittable: bool) -> tuple[tuple[Line, ...], float]:
    """Stacked lines, breakable as the measuring pass marks a paragraph's: never before
    its first two lines nor before its last one."""
    lines, top = [], 0.0
    for index, height in enumerate(heights):
        lines.append(Line(top, top + height, splittable and 2 <= index <= len(heights) - 2))
        top += height
    return tuple(lines), top


def item_of(spec: dict) -> Item:
    """``calls``: per side, [line number (from 1), note index] of each footnote call."""
    (fr, hf), (en, he) = (side(spec[k], spec.get("split", False)) for k in ("fr", "en"))
    calls = spec.get("calls", {})
    found = tuple(tuple((lines[line - 1].top, note) for line, note in calls.get(k, []))
                  for k, lines in (("fr", fr), ("en", en)))
    return Item((fr, en), (hf, he), spec.get("space", 0.0), spec.get("keep", False), found)


def describe(specs: list[dict], items: list[Item], spreads) -> str:
    """One line per item on each spread: where it starts, which lines of each side; then
    the notes at its foot."""
    out = []
    for number, spread in enumerate(spreads, 1):
        out.append(f"spread {number}")
        feet = [p for p in spread if p.kind == "note" and p.side == 0]
        spread = [p for p in spread if not p.kind]
        for index in dict.fromkeys(piece.item for piece in spread):
            pieces = {p.side: p for p in spread if p.item == index}
            y = min(p.y for p in pieces.values())
            shown = [_lines(items[index], s, pieces.get(s)) for s in (0, 1)]
            out.append(f"  {specs[index]['name']:<10} y={y:6.1f}   fr {shown[0]:<12} en {shown[1]}")
        out += [f"  note {p.item + 1:<5} y={p.y:6.1f}" for p in feet]
    return "\n".join(out) + "\n"


def _lines(item: Item, side_: int, piece) -> str:
    lines = item.sides[side_]
    if piece is None:
        return "-"
    inside = [k + 1 for k, line in enumerate(lines)
              if piece.start - EPSILON <= line.top < piece.end - EPSILON]
    return f"{inside[0]}-{inside[-1]}/{len(lines)}"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden_pagination(case):
    spec = json.loads((CASES / case / "items.json").read_text("utf-8"))
    items = [item_of(s) for s in spec["items"]]
    spreads = paginate(items, spec["height"], tuple(spec.get("notes", ())), spec.get("rule", 0.0))
    text = describe(spec["items"], items, spreads)
    expected = CASES / case / "expected.txt"
    if os.environ.get("DIGLOT_REGEN"):
        expected.write_text(text, "utf-8")
    assert expected.exists(), f"no golden file: run DIGLOT_REGEN=1 pytest {__file__}"
    assert text == expected.read_text("utf-8")


def test_a_passage_pair_starts_level_and_the_next_starts_below_the_longer_side():
    items = [item_of({"fr": [10, 10, 10], "en": [10]}), item_of({"fr": [10], "en": [10], "space": 5})]
    (spread,) = paginate(items, 100)
    assert [(p.item, p.side, p.y) for p in spread] == [(0, 0, 0), (0, 1, 0), (1, 0, 35), (1, 1, 35)]


# --- properties ------------------------------------------------------------------------------

heights = st.lists(st.sampled_from([8.0, 10.0, 12.5]), min_size=0, max_size=14)
specs = st.lists(st.fixed_dictionaries({
    "fr": heights, "en": heights, "split": st.booleans(), "keep": st.booleans(),
    "space": st.sampled_from([0.0, 3.0, 6.0])}), min_size=1, max_size=12)


@given(specs, st.sampled_from([40.0, 65.0, 100.0]))
def test_every_line_is_drawn_once_in_order_level_and_within_the_page(spec, height):
    items = [item_of(s) for s in spec]
    spreads = paginate(items, height)
    seen: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for spread in spreads:
        for piece in spread:
            seen.setdefault((piece.item, piece.side), []).append((piece.start, piece.end))
            assert piece.end > piece.start
            overrun = piece.y + piece.end - piece.start > height + EPSILON
            assert not overrun or piece.y == 0  # only a forced piece at the top overruns
        firsts = {}
        for piece in spread:
            if piece.first:
                firsts.setdefault(piece.item, set()).add(piece.y)
        assert all(len(ys) == 1 for ys in firsts.values())  # both sides start level
    for index, item in enumerate(items):
        for side_, total in enumerate(item.heights):
            ranges = seen.get((index, side_), [])
            if total <= 0:
                continue
            # contiguous, in order, covering the whole side exactly once
            assert ranges[0][0] == 0 and abs(ranges[-1][1] - total) < EPSILON
            assert all(abs(a[1] - b[0]) < EPSILON for a, b in zip(ranges, ranges[1:]))


@given(specs)
def test_a_split_paragraph_keeps_two_lines_on_each_page_when_it_is_not_forced(spec):
    items = [item_of(s) for s in spec]
    for spread in paginate(items, 100.0):
        for piece in spread:
            if piece.y == 0 and not piece.first:
                continue  # a continuation at the top: its start was decided on the spread before
            lines = items[piece.item].sides[piece.side]
            inside = [ln for ln in lines if piece.start - EPSILON <= ln.top < piece.end - EPSILON]
            rest = [ln for ln in lines if ln.top >= piece.end - EPSILON]
            if rest and piece.y > 0:  # split at an allowed break: two lines each side
                assert len(inside) >= 2 and len(rest) >= 2


notes_specs = st.lists(st.fixed_dictionaries({
    "fr": st.lists(st.sampled_from([8.0, 10.0, 12.5]), min_size=1, max_size=14),
    "en": st.lists(st.sampled_from([8.0, 10.0, 12.5]), min_size=1, max_size=14),
    "split": st.booleans(), "space": st.sampled_from([0.0, 3.0]),
    "call": st.one_of(st.none(), st.tuples(st.integers(0, 13), st.integers(0, 2)))}),
    min_size=1, max_size=10)


@given(notes_specs, st.sampled_from([60.0, 100.0]))
def test_a_spread_holds_the_notes_its_pieces_call_under_the_text(spec, height):
    notes, rule = (12.0, 20.0, 8.0), 6.0
    for s in spec:  # a call on the French side and the English, on a line each has
        if s["call"]:
            line, note = s["call"]
            s["calls"] = {k: [[min(line, len(s[k]) - 1) + 1, note]] for k in ("fr", "en")}
    items = [item_of(s) for s in spec]
    for spread in paginate(items, height, notes, rule):
        feet = {p.item for p in spread if p.kind == "note"}
        text = [p for p in spread if not p.kind]
        called = {k for p in text for top, k in items[p.item].calls[p.side]
                  if p.start - EPSILON <= top < p.end - EPSILON}
        assert called == feet  # every note called here, and only those
        if feet:
            foot = min(p.y for p in spread if p.kind == "rule")
            assert abs(foot + rule + sum(notes[k] for k in feet) - height) < EPSILON
            for p in text:  # the text stays above the rule (but a forced piece at the top)
                assert p.y + p.end - p.start <= foot + EPSILON or p.y == 0
        for k in feet:  # each note pair level
            assert len({p.y for p in spread if p.kind == "note" and p.item == k}) == 1


def test_a_chapter_opening_starts_a_spread_of_its_own_unless_one_just_began():
    items = [item_of({"fr": [10], "en": [10]}), item_of({"fr": [10], "en": [10]}),
             item_of({"fr": [10], "en": [10]})]
    items[1] = Item(items[1].sides, items[1].heights, fresh=True)
    spreads = paginate(items, 100)
    assert [[p.item for p in s if p.side == 0] for s in spreads] == [[0], [1, 2]]
    items[0] = Item(items[0].sides, items[0].heights, fresh=True)  # the first: no empty spread
    assert [[p.item for p in s if p.side == 0] for s in paginate(items, 100)] == [[0], [1, 2]]


long_notes = st.lists(st.tuples(st.lists(st.sampled_from([8.0, 10.0]), min_size=1, max_size=40),
                                st.lists(st.sampled_from([8.0, 10.0]), min_size=1, max_size=40)),
                      min_size=1, max_size=3)


@given(long_notes, st.lists(st.integers(0, 2), min_size=1, max_size=6))
def test_a_note_too_long_for_the_foot_goes_on_at_the_next_foot_every_line_once(notes, calls):
    """A note longer than the page (cut between its lines) goes on at the foot of the next
    spreads: every line of both sides set once, in order, and the foot never over
    ``MAX_FOOT`` of a page that has text, nor over the page."""
    height, rule, gap = 100.0, 6.0, 2.0
    note_items = [Item(tuple(side(h, True)[0] for h in pair),
                       tuple(side(h, True)[1] for h in pair)) for pair in notes]
    heights = tuple(max(n.heights) + gap for n in note_items)
    items = [item_of({"fr": [10.0] * 3, "en": [10.0] * 3,
                      "calls": {"fr": [[1, k % len(notes)]], "en": [[1, k % len(notes)]]}})
             for k in calls]
    seen: dict = {}
    for spread in paginate(items, height, heights, rule, note_items):
        feet = [p for p in spread if p.kind == "note"]
        text = [p for p in spread if not p.kind]
        if feet:
            top = min(p.y for p in spread if p.kind == "rule")
            assert height - top <= (rule + MAX_FOOT * height if text else height) + EPSILON
            assert all(p.y + p.end - p.start <= top + EPSILON for p in text)
            assert all(p.y + p.end - p.start <= height + EPSILON for p in feet)
        for k in {p.item for p in feet}:  # each note's pieces level
            assert len({p.y for p in feet if p.item == k}) == 1
        for p in feet:
            seen.setdefault((p.item, p.side), []).append((p.start, p.end))
    called = {k % len(notes) for k in calls}
    for k in called:
        for s in (0, 1):
            ranges = seen[k, s]  # the first spread that calls it, and what follows
            assert ranges[0][0] == 0 and abs(ranges[-1][1] - note_items[k].heights[s]) < EPSILON
            assert all(abs(a[1] - b[0]) < EPSILON or b[0] == 0 for a, b in zip(ranges, ranges[1:]))


def test_a_table_row_taller_than_the_page_is_cut_between_its_lines_never_under_the_header():
    """Rows stand whole where they fit; a row taller than the page is cut inside (the
    measuring pass's ``inner`` lines), and never right under the header rows."""
    head = Line(0.0, 12.0, False)
    row = tuple(Line(12.0 + 10 * k, 22.0 + 10 * k, False, inner=k > 0) for k in range(30))
    last = Line(312.0, 322.0, False)
    lines = (head,) + row + (last,)
    table = Item((lines, lines), (322.0, 322.0), head=12.0)
    spreads = paginate([item_of({"fr": [10.0] * 9, "en": [10.0] * 9}), table], 100.0)
    pieces = [p for s in spreads for p in s if p.item == 1 and p.side == 0]
    assert pieces[0].y == 0 and pieces[0].end > 12.0  # the header has text under it
    assert all(p.end - p.start <= 100.0 - (12.0 if p.start else 0) + EPSILON for p in pieces)
    assert [p.start for p in pieces[1:]] == [p.end for p in pieces[:-1]]
    assert pieces[-1].end == 322.0


def test_a_picture_forced_onto_a_spread_is_never_under_a_continued_note():
    """A code review's find: a figure forced onto a spread whose foot a long note goes on
    at was drawn over the note (text 0..50, foot from 24)."""
    height, rule, gap = 100.0, 4.0, 2.0
    lines, total = side([5.0] * 40, True)  # a note of 200 pt: two pages' worth
    note = Item((lines, lines), (total, total))
    call = item_of({"fr": [10.0] * 2, "en": [10.0] * 2, "calls": {"fr": [[1, 0]], "en": [[1, 0]]}})
    figure = Item(((Line(0.0, 50.0, False),), (Line(0.0, 50.0, False),)), (50.0, 50.0))
    spreads = paginate([call, figure], height, (total + gap,), rule, [note])
    for spread in spreads:
        text = [p.y + p.end - p.start for p in spread if not p.kind]
        foot = [p.y for p in spread if p.kind == "rule"]
        if text and foot:
            assert max(text) <= min(foot) + EPSILON
    drawn = sorted((p.start, p.end) for s in spreads for p in s if p.kind == "note" and p.side == 0)
    assert drawn[0][0] == 0 and abs(drawn[-1][1] - total) < EPSILON
    assert all(abs(a[1] - b[0]) < EPSILON for a, b in zip(drawn, drawn[1:]))


def test_a_heading_goes_with_a_paragraph_whose_note_leaves_it_no_room_at_the_foot():
    """A reader's review: a heading at a page's foot, its paragraph (calling a long note,
    which takes the foot) on the next spread. The heading goes there too."""
    height, rule = 100.0, 4.0
    lines, total = side([5.0] * 6, False)  # a note of 30 pt, never cut
    note = Item((lines, lines), (total, total))
    text = item_of({"name": "text", "fr": [10.0] * 7, "en": [10.0] * 7})
    heading = item_of({"name": "heading", "fr": [10.0], "en": [10.0], "keep": True})
    call = item_of({"name": "call", "fr": [10.0] * 2, "en": [10.0] * 2,
                    "calls": {"fr": [[1, 0]], "en": [[1, 0]]}})
    spreads = paginate([text, heading, call], height, (total + 2.0,), rule, [note])
    where = {p.item: n for n, spread in enumerate(spreads) for p in spread if not p.kind}
    assert where == {0: 0, 1: 1, 2: 1}  # 70 + 10 + 20 fits, 70 + 10 + 20 + 36 of note not
