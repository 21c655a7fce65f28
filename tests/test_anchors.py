"""Lasting passage anchors and honest dates, through the real commands: a link taken before
an edit still lands on its passage; a date diglot cannot read stops the build."""

from __future__ import annotations

import re

import pytest

from project_fixture import Proj

FIRST = "Le vélo est roi à Lyon depuis dix ans, et la ville compte bien le rester."
SECOND = "Les pistes cyclables du quai relient désormais les deux rives du Rhône."
EDITED = "Les pistes cyclables des quais relient désormais les deux rives du Rhône et de la Saône."
INSERTED = "Un paragraphe tout neuf arrive avant le second."


def anchor_of(page: str, text: str) -> str:
    """The id of the passage whose French cell holds ``text``."""
    for pair in re.finditer(r'<div class="pair" id="([^"]+)">(.*?)</div>\n', page, re.S):
        if text in pair.group(2):
            return pair.group(1)
    raise AssertionError(f"no passage holds {text!r}")


def page(proj: Proj) -> str:
    assert proj.run("build", "--format", "html").exit_code == 0
    return (proj.root / "build" / "html" / "velo.html").read_text("utf-8")


@pytest.mark.parametrize("translated", [True, False])
def test_an_anchor_survives_an_edit_and_an_insertion_before_it(make_project, translated):
    po = {"velo": {SECOND: "The quay's cycle lanes now link both banks."}} if translated else {}
    proj = make_project({"velo": f"# Le vélo\n\n{FIRST}\n\n{SECOND}\n"}, po, name="edition")
    before = anchor_of(page(proj), SECOND)
    proj.source("velo", f"# Le vélo\n\n{FIRST}\n\n{INSERTED}\n\n{EDITED}\n")
    assert proj.run("update").exit_code == 0
    after = page(proj)
    assert anchor_of(after, EDITED) == before
    assert anchor_of(after, INSERTED) != before
    assert f'href="#{before}"' in after


def test_a_paragraph_cut_in_two_keeps_its_anchor_on_its_first_half_and_joined_on_the_first(make_project):
    """A translator's review: the anchor went to the longer second half, so a link to the
    paragraph landed mid-thought."""
    short, long = "Le vélo est roi.", SECOND + " " + EDITED
    proj = make_project({"velo": f"# Le vélo\n\n{short} {long}\n\n{FIRST}\n"}, name="edition")
    before = anchor_of(page(proj), short)
    proj.source("velo", f"# Le vélo\n\n{short}\n\n{long}\n\n{FIRST}\n")
    assert proj.run("update").exit_code == 0
    assert anchor_of(page(proj), short) == before
    first = anchor_of(page(proj), short)
    proj.source("velo", f"# Le vélo\n\n{short} {long}\n\n{FIRST}\n")  # joined again
    assert proj.run("update").exit_code == 0
    assert anchor_of(page(proj), short) == first


def test_a_passage_reworded_where_it_stands_keeps_its_anchor_as_it_keeps_its_translation(make_project):
    """A translator's review: the translation followed the reworded passage (fuzzy), its
    anchor did not, so links to it broke."""
    old = "Le printemps commence en mars, lorsque les arbres fleurissent."
    new = "Au printemps, les jardins se couvrent de fleurs et les oiseaux reviennent."
    proj = make_project({"velo": f"# Le vélo\n\n{FIRST}\n\n{old}\n\n{SECOND}\n"},
                        {"velo": {old: "Spring begins in March, when the trees blossom."}},
                        name="edition")
    before = anchor_of(page(proj), old)
    proj.source("velo", f"# Le vélo\n\n{FIRST}\n\n{new}\n\n{SECOND}\n")
    assert proj.run("update").exit_code == 0
    assert proj.entries("velo")[new].previous_msgid == old  # the translation followed…
    assert anchor_of(page(proj), new) == before  # …and so did the anchor


def test_paragraphs_moved_past_each_other_beside_reworded_short_lines_keep_distinct_anchors(make_project):
    """A code review: two runs of reworded lines shared one old entry; the anchors' pass
    took it twice and update failed with a traceback."""
    old = [f"Phrase {n} de l'article sur le tour du monde, assez longue pour compter." for n in range(9)]
    old[5] = "— Et maintenant ?"
    proj = make_project({"a": "# Titre\n\n" + "\n\n".join(old) + "\n"}, name="edition")
    new = [old[0], old[1], old[4], "— Et aujourd'hui ?", old[6], old[2], "— Et après ?", old[7],
           old[3], old[8]]
    proj.source("a", "# Titre\n\n" + "\n\n".join(new) + "\n")
    result = proj.run("update")
    assert result.exit_code == 0, result.output
    anchors = [c for e in proj.po("a").entries if not e.obsolete for c in e.extracted_comments
               if c.startswith("anchor: ")]
    assert len(anchors) == len(set(anchors)) == 11


def test_anchors_are_kept_in_the_template_and_po_files(make_project):
    proj = make_project({"velo": f"{FIRST}\n\n{SECOND}\n"}, name="edition")
    anchors = {e.msgid: e.extracted_comments[-1] for e in proj.po("velo").entries}
    assert all(a.startswith("anchor: p-") for a in anchors.values())
    template = (proj.root / "translations" / "templates" / "velo.pot").read_text("utf-8")
    assert anchors[SECOND] in template


def test_an_unreadable_date_fails_with_file_and_line(make_project):
    source = f"---\ntitle: Le vélo\nauthor: Camille\ndate: hier\n---\n\n{FIRST}\n"
    proj = make_project({"velo": source}, update=False, name="edition")
    before = proj.snapshot()
    result = proj.run("build")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: source_fr/velo.md:4: front matter 'date' 'hier' is not a date diglot can "
        "read; write it as 2026-03-14, 14/03/2026, 14 mars 2026 or mars 2026")
    assert proj.snapshot() == before


def test_a_date_the_calendar_does_not_have_is_named_as_such(make_project):
    source = f"---\ntitle: Le vélo\ndate: 31 février 2026\n---\n\n{FIRST}\n"
    proj = make_project({"velo": source}, update=False, name="edition")
    result = proj.run("update")
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: source_fr/velo.md:3: front matter 'date' "
                                     "'31 février 2026' is not a day of the calendar; check "
                                     "the day and the month")


def test_no_build_date_anywhere_by_default(make_project):
    proj = make_project({"velo": f"# Le vélo\n\n{FIRST}\n"}, name="edition")
    html = page(proj)
    index = (proj.root / "build" / "html" / "index.html").read_text("utf-8")
    for text in (html, index):
        assert "2026" not in text.split("</style>", 1)[1]
