"""Translation memory in ``diglot update``: a segment with no translation gets a fuzzy
proposal from other PO files, its own obsolete entries and compendia, with its origin and
score in a translator comment; never a silent translation."""

from __future__ import annotations

import pytest

from diglot.catalog import memory
from diglot.po.model import Catalog, Entry
from diglot.catalog.anchors import text_anchor

GARE = "Le tram part de la gare centrale à huit heures précises."
LYON = "Il arrive à Lyon le soir, après un long voyage dans la vallée."
FIN = "En conclusion, prenez le tram : c'est simple et rapide."
ENGLISH = {"Le tram": "The tram", GARE: "The tram leaves the central station at eight sharp.",
           LYON: "It reaches Lyon in the evening, after a long journey down the valley.",
           FIN: "In conclusion, take the tram: it is simple and fast."}


@pytest.fixture
def proj(make_project):
    """A translated article: the memory the other articles draw on."""
    return make_project({"tram": f"# Le tram\n\n{GARE}\n\n{LYON}\n\n{FIN}\n"}, {"tram": ENGLISH})


def test_shared_and_reworded_paragraphs_get_five_proposals_with_their_origin(proj):
    gare2 = GARE.replace("huit heures", "neuf heures")
    lyon2 = LYON.replace("long voyage", "voyage")
    proj.source("metro", f"# Le métro\n\n{GARE}\n\n{LYON}\n\n{FIN}\n\n{gare2}\n\n{lyon2}\n\n"
                         "Rien de tout cela ne ressemble au reste.\n")
    result = proj.run("update")
    assert "created translations/en/metro.po (0 fuzzy, 7 new, 0 obsolete, 5 given a fuzzy proposal from memory)" in result.output
    entries = proj.entries("metro")
    for text in (GARE, LYON, FIN):
        e = entries[text]
        assert e.fuzzy and e.msgstr == ENGLISH[text] and e.previous_msgid is None
        assert e.translator_comments == ("memory: 100% from tram",)
    for new, old in ((gare2, GARE), (lyon2, LYON)):
        e = entries[new]
        assert e.fuzzy and e.msgstr == ENGLISH[old] and e.previous_msgid == old
        (comment,) = e.translator_comments
        assert comment.startswith("memory: ") and comment.endswith("% from tram")
        assert 75 <= int(comment.split()[1].rstrip("%")) < 100
    assert entries["Le métro"].msgstr == "" and not entries["Le métro"].fuzzy
    assert entries["Rien de tout cela ne ressemble au reste."].msgstr == ""
    text = (proj.root / "translations/en/metro.po").read_text()
    anchor = text_anchor(GARE)
    assert (f'# memory: 100% from tram\n#. paragraph\n#. anchor: {anchor}\n#: source_fr/metro.md:3\n'
            f'#, fuzzy\nmsgid "{GARE}"') in text
    # the proposals are the translator's to accept: nothing counts as translated
    status = proj.run("status", "--format", "json", "--article", "metro")
    assert '"translated": 0' in status.output and '"fuzzy": 5' in status.output
    assert proj.run("update", "--check").exit_code == 0  # stable: a second update changes nothing


def test_a_proposal_the_translator_emptied_is_not_made_again(proj):
    proj.source("metro", f"# Le métro\n\n{GARE}\n")
    proj.run("update")
    catalog = proj.po("metro")
    po = proj.root / "translations/en/metro.po"
    po.write_text(po.read_text().replace(f'#, fuzzy\nmsgid "{GARE}"\nmsgstr "{ENGLISH[GARE]}"',
                                         f'msgid "{GARE}"\nmsgstr ""'))
    assert proj.entries("metro")[GARE].msgstr == "" and len(catalog.entries) == 2
    assert "0 of 4 files changed" in proj.run("update").output
    e = proj.entries("metro")[GARE]
    assert e.msgstr == "" and e.translator_comments == ("memory: 100% from tram",)


def test_own_obsolete_entry_below_the_fuzzy_threshold_comes_back_as_a_proposal(proj):
    proj.write("diglot.toml", "fuzzy_threshold = 0.9\nmemory_threshold = 0.7\n")
    lyon2 = "Il arrive à Lyon le soir, après une traversée de la vallée."  # 83% alike
    # Moved to the end: not reworded where it stood, which update seeds at 0.8.
    proj.source("tram", f"# Le tram\n\n{GARE}\n\n{FIN}\n\n{lyon2}\n")
    result = proj.run("update")
    assert "(0 fuzzy, 1 new, 1 obsolete, 1 with new references, comments or flags, " \
        "1 given a fuzzy proposal from memory)" in result.output
    e = proj.entries("tram")[lyon2]
    assert e.msgstr == ENGLISH[LYON] and e.fuzzy and e.previous_msgid == LYON
    assert e.translator_comments[0].endswith("% from this file's obsolete entries")


def test_a_paragraph_moved_to_another_article_follows_from_its_obsolete_entry(proj):
    proj.source("tram", f"# Le tram\n\n{GARE}\n\n{FIN}\n")
    proj.source("lyon", f"# Lyon\n\n{LYON}\n")
    proj.run("update")
    e = proj.entries("lyon")[LYON]
    assert e.msgstr == ENGLISH[LYON] and e.translator_comments == ("memory: 100% from tram (obsolete)",)


def test_a_compendium_named_in_the_config_is_read(make_project):
    compendium = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
                  f'msgid "{GARE}"\nmsgstr "{ENGLISH[GARE]}"\n')
    p = make_project({"metro": f"# Le métro\n\n{GARE}\n"}, config="memory = ['old/compendium.po']\n",
                     files={"old/compendium.po": compendium})
    e = p.entries("metro")[GARE]
    assert e.msgstr == ENGLISH[GARE] and e.translator_comments == ("memory: 100% from old/compendium.po",)


def test_a_compendium_for_another_language_is_not_used(make_project):
    german = f'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "{GARE}"\nmsgstr "Die Bahn"\n'
    p = make_project({"metro": f"{GARE}\n"}, config="memory = ['de.po']\n", files={"de.po": german})
    assert p.entries("metro")[GARE].msgstr == ""


@pytest.mark.parametrize("config, message", [
    ("memory = ['nowhere.po']\n", "diglot.toml:1: 'memory' names 'nowhere.po', which is not a file"),
    ("memory = ['../x.po']\n", "diglot.toml:1: 'memory' files must be inside the project"),
    ("memory = 'x.po'\n", "diglot.toml:1: 'memory' must be a list of PO file paths"),
    ("memory_threshold = 2\n", "diglot.toml:1: 'memory_threshold' must be between 0 and 1"),
])
def test_bad_memory_settings_name_the_line(proj, config, message):
    proj.write("diglot.toml", config)
    result = proj.run("update")
    assert result.exit_code == 2 and f"Error: {message}" in result.output


def test_update_check_reports_a_file_memory_would_change(proj):
    proj.source("metro", f"# Le métro\n\n{GARE}\n")
    proj.run("update")
    proj.translate("metro", {"Le métro": "The underground"})
    proj.source("tram", f"# Le tram\n\n{GARE}\n\n{LYON}\n\n{FIN}\n\nLe métro\n")
    result = proj.run("update", "--check")
    assert result.exit_code == 1
    assert "would update translations/en/tram.po (0 fuzzy, 1 new, 0 obsolete, 1 given a fuzzy proposal from memory)" in result.output


def test_the_most_common_translation_wins_and_says_others_exist():
    units = [memory.Unit("Oui.", "Yes.", "b"), memory.Unit("Oui.", "Indeed.", "a"),
             memory.Unit("Oui.", "Yes.", "c")]
    found = memory.propose(["Oui."], [], memory.Memory(units), "z", 0.75)
    proposed, count = memory.apply(Catalog(None, [Entry("Oui.")]), found)
    assert count == 1 and proposed.entries[0].msgstr == "Yes."
    # a translator's review: the other translation went unmentioned
    assert proposed.entries[0].translator_comments == (
        "memory: 100% from b; 1 other translation(s) of it elsewhere",)


def test_fuzzy_and_own_entries_are_never_proposed():
    units = memory.units_of(Catalog(None, [Entry("Oui.", "Yes.", flags=("fuzzy",))]), "a")
    assert units == []
    shared = memory.Memory([memory.Unit("Non.", "No.", "self")])
    assert memory.propose(["Non."], [], shared, "self", 0.5) == {}


def test_update_of_one_article_reads_the_memory_of_the_others(proj):
    proj.source("metro", f"# Le métro\n\n{GARE}\n")
    result = proj.run("update", "--article", "metro")
    assert "1 given a fuzzy proposal from memory" in result.output
    assert proj.entries("metro")[GARE].translator_comments == ("memory: 100% from tram",)


def test_update_of_one_article_reads_the_memory_of_articles_in_folders(make_project):
    """A code review: ``update --article`` read only ``en/*.po``, so an article in a folder
    (``en/2026/tram.po``) proposed nothing, where a plain ``update`` proposed it."""
    proj = make_project({"2026/tram": f"# Le tram\n\n{GARE}\n"}, {"2026/tram": ENGLISH})
    proj.source("metro", f"# Le métro\n\n{GARE}\n")
    assert "1 given a fuzzy proposal" in proj.run("update", "--article", "metro").output
    assert proj.entries("metro")[GARE].translator_comments == ("memory: 100% from 2026/tram",)


def test_a_paragraph_moved_away_while_its_copy_is_reworded_finds_its_translation(proj):
    """A translator's review: the translation became the fuzzy seed of the reworded copy
    and nothing else; the moved paragraph got nothing, and once the translator revised the
    seed the translation was gone from the project."""
    proj.source("tram", f"# Le tram\n\n{GARE.replace('huit heures', 'neuf heures')}\n\n{LYON}\n\n{FIN}\n")
    proj.source("metro", f"# Le métro\n\n{GARE}\n")
    result = proj.run("update")
    assert "updated translations/en/tram.po (1 fuzzy" in result.output
    moved = proj.entries("metro")[GARE]
    assert moved.fuzzy and moved.msgstr == ENGLISH[GARE]
    assert moved.translator_comments == ("memory: 100% from tram",)


def test_proposals_do_not_depend_on_string_hashing(proj):
    """Many equally close candidates: the same one wins in every process."""
    import os
    import subprocess
    import sys

    variants = [f"Le tram numéro {n} part de la gare centrale à huit heures." for n in range(30)]
    proj.source("lignes", "\n\n".join(variants) + "\n")
    proj.run("update")
    proj.translate("lignes", {v: f"Tram {i} leaves at eight." for i, v in enumerate(variants)})
    proj.source("metro", "Le tram numéro part de la gare centrale à huit heures.\n")
    outputs = []
    for seed in ("1", "2", "3"):
        po = proj.root / "translations/en/metro.po"
        po.unlink(missing_ok=True)
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "diglot", "-C", str(proj.root), "-q", "update"],
                       env=env, check=True)
        outputs.append(po.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"# memory: " in outputs[0]


def test_a_file_update_leaves_as_it_was_gets_a_proposal_and_a_dated_header(proj):
    """The proposal is applied to the file the first pass left alone (read back, not planned
    again), and the header then records its template's date, as for any changed file."""
    text = "Un paragraphe que personne n'a encore traduit."
    proj.source("metro", f"# Le métro\n\n{text}\n")
    proj.source("bus", f"# Le bus\n\n{text}\n")
    proj.run("update")
    po = proj.po_path("metro")
    dated = [line for line in po.read_text().splitlines() if "POT-Creation-Date" in line]
    po.write_text(po.read_text().replace(dated[0], '"POT-Creation-Date: 2001-01-01 00:00+0000\\n"'))
    proj.translate("bus", {text: "A paragraph nobody has translated yet."})
    result = proj.run("update")
    assert "updated translations/en/metro.po (0 fuzzy, 0 new, 0 obsolete, 1 with new references, " \
        "comments or flags, 1 given a fuzzy proposal from memory)" in result.output
    e = proj.entries("metro")[text]
    assert e.fuzzy and e.msgstr == "A paragraph nobody has translated yet."
    assert e.translator_comments == ("memory: 100% from bus",)
    template = proj.root / "translations/templates/metro.pot"
    assert dated[0] in template.read_text() and dated[0] in po.read_text()
    assert proj.run("update", "--check").exit_code == 0


def test_the_same_french_with_other_spaces_or_quotes_is_a_100_percent_proposal(proj):
    """update calls a no-break space or a quote's style no change; the memory said 99%, with
    a ``#| msgid`` that looked the same as the msgid and an invisible word diff."""
    spaced = FIN.replace(" :", "\u00a0:").replace("c'est", "c’est")
    proj.source("metro", f"# Le métro\n\n{spaced}\n")
    proj.run("update")
    e = proj.entries("metro")[spaced]
    assert (e.msgstr, e.fuzzy, e.previous_msgid) == (ENGLISH[FIN], True, None)
    assert e.translator_comments == ("memory: 100% from tram",)
    changes = proj.run("status", "--changes", "--article", "metro").output
    assert f"(memory: 100% from tram) {spaced}" in changes


def test_a_paragraph_moved_to_another_article_takes_its_comments_and_flags_along(proj):
    """A translator's review: the note, the ignore and the sentence links stayed on the old
    file's obsolete entry (and went with --purge-obsolete); accepting the proposal brought
    back the error the ignore had silenced."""
    proj.edit("tram", {LYON: {"translator_comments": ("client: keep 'valley'", "sentences: 1=1"),
                              "flags": ("no-wrap",)}})
    proj.source("tram", f"# Le tram\n\n{GARE}\n\n{FIN}\n")
    proj.source("metro", f"# Le métro\n\n{LYON}\n")
    proj.run("update")
    e = proj.entries("metro")[LYON]
    assert e.msgstr == ENGLISH[LYON] and e.flags == ("fuzzy", "no-wrap")
    assert e.translator_comments == ("client: keep 'valley'", "sentences: 1=1",
                                     "memory: 100% from tram (obsolete)")
    left = proj.entries("tram")[LYON]  # the old file keeps its own until it is purged
    assert left.obsolete and left.translator_comments[0] == "client: keep 'valley'"
    assert proj.run("update", "--check").exit_code == 0


def test_a_paragraph_copied_and_reworded_in_the_same_article_gets_its_siblings_translation(proj):
    """A translator's review: msgmerge proposes the sibling; diglot left it empty because
    the memory never read the file's own translated entries."""
    gare2 = GARE.replace("huit heures", "neuf heures")
    proj.source("tram", f"# Le tram\n\n{GARE}\n\n{LYON}\n\n{FIN}\n\n{gare2}\n")
    proj.run("update")
    e = proj.entries("tram")[gare2]
    assert (e.msgstr, e.fuzzy, e.previous_msgid) == (ENGLISH[GARE], True, GARE)
    (comment,) = e.translator_comments
    assert comment.startswith("memory: 9") and comment.endswith("% from this file")
    assert not proj.entries("tram")[GARE].fuzzy  # the sibling itself is untouched


def test_splitting_a_paragraph_never_loses_its_translation_to_exact_proposals_for_both_halves(make_project):
    """A fuzzer's find: both halves took another article's exact translations, and the
    translator's own translation of the paragraph was nowhere in the file."""
    first, second = "Le tram part tôt.", "Il arrive tard."
    whole = f"{first} {second}"
    proj = make_project({"a": f"# A\n\n{whole}\n", "b": f"# B\n\n{first}\n\n{second}\n"},
                        {"a": {"A": "A", whole: "The early tram gets in late, in our words."},
                         "b": {"B": "B", first: "The tram leaves early.", second: "It arrives late."}})
    proj.source("a", f"# A\n\n{first}\n\n{second}\n")
    proj.run("update")
    entries = proj.entries("a")
    assert entries[first].msgstr == "The early tram gets in late, in our words."
    assert entries[first].fuzzy and entries[first].previous_msgid == whole
    assert entries[second].msgstr == "It arrives late." and entries[second].fuzzy
