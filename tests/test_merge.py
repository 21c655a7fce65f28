"""Update semantics: exact, loose, restored, fuzzy and obsolete entries; nothing is lost."""

from __future__ import annotations

from diglot.catalog.merge import loose_key, merge
from diglot.po.model import Catalog, Entry


def pot(*msgids: str) -> Catalog:
    return Catalog(None, [Entry(m, references=(f"source_fr/a.md:{i}",)) for i, m in enumerate(msgids, 1)])


def po(*entries: Entry) -> Catalog:
    return Catalog(Entry("", "Language: en\n"), list(entries))


def by_id(catalog: Catalog) -> dict[str, Entry]:
    return {e.msgid: e for e in catalog.entries}


OLD = "Le chat dort sur le canapé du salon depuis ce matin."
NEW = "Le chat dort sur le grand canapé du salon depuis ce matin."


def test_exact_match_keeps_translation_comments_flags_and_takes_new_references():
    old = po(Entry(OLD, "The cat sleeps.", translator_comments=("checked",), flags=("no-wrap",),
                   references=("old:1",)))
    result = merge(old, pot(OLD), 0.6).catalog
    entry = result.entries[0]
    assert (entry.msgstr, entry.translator_comments, entry.flags) == ("The cat sleeps.", ("checked",), ("no-wrap",))
    assert entry.references == ("source_fr/a.md:1",)
    assert result.header == old.header


def test_edited_segment_comes_back_fuzzy_with_previous_msgid():
    result = merge(po(Entry(OLD, "The cat sleeps.")), pot(NEW), 0.6)
    entry = result.catalog.entries[0]
    assert (entry.msgid, entry.msgstr, entry.fuzzy, entry.previous_msgid) == (NEW, "The cat sleeps.", True, OLD)
    assert result.fuzzy == [entry]
    assert result.catalog.obsolete == []  # the old entry's translation moved, it is not duplicated


def test_removed_segment_becomes_obsolete_and_returns_translated():
    first = merge(po(Entry(OLD, "The cat sleeps.")), pot("Tout autre chose, vraiment."), 0.6).catalog
    assert [(e.msgid, e.obsolete) for e in first.entries] == [("Tout autre chose, vraiment.", False), (OLD, True)]
    back = merge(first, pot("Tout autre chose, vraiment.", OLD), 0.6).catalog
    assert by_id(back)[OLD].msgstr == "The cat sleeps." and not by_id(back)[OLD].fuzzy
    assert back.obsolete == []


def test_whitespace_and_quote_changes_keep_translation_without_fuzzy():
    old = po(Entry("Il dit : « oui » et c'est tout !", "He says: “yes” and that’s all!"))
    result = merge(old, pot("Il dit\u00a0: \u00ab\u202foui\u202f\u00bb et c’est tout\u202f!"), 0.6).catalog
    entry = result.entries[0]
    assert entry.msgstr == "He says: “yes” and that’s all!" and not entry.fuzzy and entry.previous_msgid is None


def test_reverted_edit_restores_translated_state():
    fuzzy = merge(po(Entry(OLD, "The cat sleeps.")), pot(NEW), 0.6).catalog
    restored = merge(fuzzy, pot(OLD), 0.6).catalog.entries[0]
    assert (restored.msgid, restored.msgstr, restored.fuzzy, restored.previous_msgid) == (OLD, "The cat sleeps.", False, None)


def test_matching_is_one_to_one_best_pair_first():
    a = "Le chat dort sur le canapé du salon."
    b = "Le chien dort dans le jardin."
    new_a = "Le chat dort sur le vieux canapé du salon."
    new_b = "Le chat dort sur le canapé bleu du salon."
    result = merge(po(Entry(a, "A"), Entry(b, "B")), pot(new_a, new_b), 0.5).catalog
    got = by_id(result)
    seeded = [e for e in (got[new_a], got[new_b]) if e.msgstr == "A"]
    assert len(seeded) == 1  # A's translation seeds only one entry


def test_obsolete_entries_are_candidates_for_fuzzy():
    old = po(Entry(OLD, "The cat sleeps.", obsolete=True))
    entry = merge(old, pot(NEW), 0.6).catalog.entries[0]
    assert entry.fuzzy and entry.msgstr == "The cat sleeps."


def test_below_threshold_stays_untranslated_and_old_goes_obsolete():
    result = merge(po(Entry(OLD, "The cat sleeps.")), pot("Rien à voir."), 0.6).catalog
    assert by_id(result)["Rien à voir."].msgstr == ""
    assert by_id(result)[OLD].obsolete and by_id(result)[OLD].msgstr == "The cat sleeps."


def test_untranslated_unused_entries_are_dropped_but_commented_ones_kept():
    old = po(Entry("Vide."), Entry("Commenté.", translator_comments=("à revoir",)))
    result = merge(old, pot("Autre."), 0.6).catalog
    assert [(e.msgid, e.obsolete) for e in result.entries] == [("Autre.", False), ("Commenté.", True)]


def test_purge_obsolete_deletes_them():
    old = po(Entry(OLD, "The cat sleeps.", obsolete=True))
    assert merge(old, pot("Rien à voir."), 0.6, purge_obsolete=True).catalog.obsolete == []


def test_fuzzy_entry_matched_again_keeps_its_original_previous_msgid():
    old = po(Entry(NEW, "The cat sleeps.", flags=("fuzzy",), previous_msgid=OLD))
    newer = NEW.replace("matin", "midi")
    entry = merge(old, pot(newer), 0.6).catalog.entries[0]
    assert entry.previous_msgid == OLD and entry.fuzzy


def test_loose_key_ignores_spaces_and_quote_styles():
    assert loose_key("« a » b’c : d") == loose_key('"a" b\'c\u00a0:d')
    assert loose_key("a b") != loose_key("a c")


def test_three_paragraphs_joined_carry_their_translations_comments_and_flags_in_order():
    a, b, c = "Un premier alinéa.", "Un deuxième alinéa.", "Un troisième, pas traduit."
    old = po(Entry(a, "A first one.", translator_comments=("note a",)),
             Entry(b, "A second one.", flags=("no-wrap",)), Entry(c, ""))
    result = merge(old, pot(f"{a} {b} {c}"), 0.6)
    (entry,) = result.catalog.entries
    assert (entry.msgstr, entry.fuzzy, entry.translator_comments) == (
        "A first one. A second one.", True, ("note a",))
    assert entry.flags == ("fuzzy", "no-wrap") and entry.previous_msgid == f"{a}\n\n{b}\n\n{c}"


def test_joined_paragraphs_keep_every_translation_even_one_inside_another():
    short, long = "Oui.", "« Oui. » C'est tout ce qu'il a dit."
    old = po(Entry(short, "Yes."), Entry(long, '"Yes." That is all he said.'))
    (entry,) = merge(old, pot(f"{short} {long}"), 0.6).catalog.entries
    assert entry.msgstr == 'Yes. "Yes." That is all he said.'
    (twice,) = merge(po(Entry("Non.", "No."), Entry("Non !", "No.")), pot("Non. Non !"),
                     0.6).catalog.entries
    assert twice.msgstr == "No. No."


def test_a_joined_paragraph_reworded_then_reverted_stays_fuzzy():
    a, b = "Un premier alinéa assez long.", "Un deuxième alinéa assez long."
    joined = merge(po(Entry(a, "A first one."), Entry(b, "A second one.")), pot(f"{a} {b}"), 0.6)
    edited = merge(joined.catalog, pot(f"{a} {b}".replace("premier", "tout premier")), 0.6)
    reverted = merge(edited.catalog, pot(f"{a} {b}"), 0.6)
    (entry,) = reverted.catalog.active
    assert entry.fuzzy and entry.msgstr == "A first one. A second one."


def test_a_join_takes_paragraphs_next_to_each_other_once_the_others_found_their_place():
    a, b, c = "Un premier alinéa.", "Un deuxième alinéa.", "Un troisième alinéa."
    old = po(Entry(a, "A first one."), Entry(c, "A third one."), Entry(b, "A second one."))
    merged = by_id(merge(old, pot(f"{a} {b}", c), 0.6).catalog)  # c moved away, a and b joined
    assert merged[f"{a} {b}"].msgstr == "A first one. A second one." and merged[c].msgstr == "A third one."
    apart = by_id(merge(po(Entry(a, "A first one."), Entry(c, "A third one."), Entry(b, "A second one.")),
                        pot(f"{a} {b}"), 0.6).catalog)  # c gone: a and b were never neighbours
    assert apart[f"{a} {b}"].msgstr in ("A first one.", "A second one.")  # the nearest one
    kept = by_id(merge(po(Entry(a, "A first one."), Entry(b, "A second one.")),
                       pot(a, f"{a} {b}"), 0.6).catalog)  # a is still there on its own
    assert kept[a].msgstr == "A first one." and not kept[a].fuzzy
    assert kept[f"{a} {b}"].msgstr != "A first one. A second one."


SHORT_OLD, SHORT_NEW = "— Et maintenant ?", "— Et aujourd’hui ?"
BEFORE = "Le train quitte la gare de Lyon à huit heures précises."
AFTER = "Personne ne parle pendant le voyage jusqu’à Marseille."


def test_a_short_line_reworded_between_unchanged_neighbours_comes_back_fuzzy():
    old = po(Entry(BEFORE, "The train leaves."), Entry(SHORT_OLD, "— And now?"),
             Entry(AFTER, "Nobody speaks."))
    result = merge(old, pot(BEFORE, SHORT_NEW, AFTER), 0.6)
    entry = by_id(result.catalog)[SHORT_NEW]
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == ("— And now?", True, SHORT_OLD)
    assert result.catalog.obsolete == [] and result.fuzzy == [entry]


def test_lines_reworded_in_place_pair_in_order_and_at_the_article_edges():
    old = po(Entry(SHORT_OLD, "— And now?"), Entry("Il pleut.", "It rains."), Entry(BEFORE, "The train."),
             Entry("Oui.", "Yes."), Entry("Non !", "No!"))
    new = pot("— Et aujourd’hui ?", "Il neige.", BEFORE, "Oui, hélas.", "Non, hélas !")
    got = {e.msgid: (e.msgstr, e.fuzzy) for e in merge(old, new, 0.6).catalog.entries}
    assert got == {"— Et aujourd’hui ?": ("— And now?", True), "Il neige.": ("It rains.", True),
                   BEFORE: ("The train.", False), "Oui, hélas.": ("Yes.", True), "Non, hélas !": ("No!", True)}


def test_a_rewrite_or_an_ambiguous_place_is_not_handed_an_old_translation():
    old = po(Entry(BEFORE, "The train."), Entry("Il pleut.", "It rains."), Entry("Oui.", "Yes."),
             Entry(AFTER, "Nobody."))
    unrelated = merge(old, pot(BEFORE, "Xylophone, zébu, kayak.", "Oui.", AFTER), 0.6).catalog
    assert by_id(unrelated)["Xylophone, zébu, kayak."].msgstr == ""  # below the floor
    two_for_one = merge(old, pot(BEFORE, "Il neige.", AFTER), 0.6).catalog
    assert by_id(two_for_one)["Il neige."].msgstr == ""  # two old lines stood there
    assert {e.msgid for e in two_for_one.obsolete} == {"Il pleut.", "Oui."}


def test_an_entry_with_a_context_and_an_empty_msgid_is_kept_obsolete_with_its_translation():
    old = po(Entry("", "A note.", msgctxt="note", translator_comments=("mine",)), Entry(OLD, "The cat."))
    result = merge(old, pot(OLD), 0.6).catalog
    [kept] = result.obsolete
    assert (kept.msgctxt, kept.msgid, kept.msgstr, kept.translator_comments) == ("note", "", "A note.", ("mine",))


def test_a_fuzzy_entry_with_no_translation_keeps_no_previous_msgid_so_a_second_update_is_no_change():
    """The writer prints "fuzzy" only over a translation (msgcat); a "#|" left without it
    went at the next update: two updates, two different files."""
    old = po(Entry(OLD, "", flags=("fuzzy",), previous_msgid="Avant."))
    once = merge(old, pot(OLD), 0.6).catalog
    assert once.entries[0].previous_msgid is None
    assert merge(once, pot(OLD), 0.6).catalog == once


def test_joined_paragraphs_record_their_old_french_even_when_the_first_was_untranslated():
    """A code review's find: the "#|" went with the first piece's empty msgstr."""
    old = po(Entry("Titre", "Title"), Entry(OLD, ""), Entry(NEW, "The cat sleeps."))
    joined = by_id(merge(old, pot("Titre", f"{OLD} {NEW}"), 0.6).catalog)[f"{OLD} {NEW}"]
    assert (joined.msgstr, joined.fuzzy, joined.previous_msgid) == ("The cat sleeps.", True, f"{OLD}\n\n{NEW}")


def test_a_fuzzy_threshold_at_or_under_the_in_place_easing_still_merges():
    """fuzzy_threshold = 0.05 is a setting diglot accepts: rapidfuzz refused the negative
    cutoff with a traceback."""
    old = po(Entry(BEFORE, "The train."), Entry("Oui.", "Yes."), Entry(AFTER, "Nobody."))
    # Too unlike for the similarity pass even at 0.05: the in-place pass meets it.
    result = merge(old, pot(BEFORE, "Non, jamais de la vie !", AFTER), 0.05).catalog
    assert [e.msgid for e in result.active] == [BEFORE, "Non, jamais de la vie !", AFTER]


def test_a_plural_entry_is_never_a_piece_of_a_seamed_join():
    """A code review's find: a join edited at its seam could take a plural entry, whose
    other forms pieces_joined would drop."""
    a = "Un premier alinéa assez long pour compter comme un paragraphe."
    plural = Entry("Un fichier supprimé", "", msgid_plural="%d fichiers supprimés",
                   msgstr_plural=("One file deleted", "%d files deleted"))
    old = po(Entry(a, "A first paragraph."), plural)
    result = merge(old, pot(f"{a} Un fichier supprimé,"), 0.6).catalog
    kept = [e for e in result.entries if e.msgid_plural]
    assert kept and kept[0].msgstr_plural == ("One file deleted", "%d files deleted")


def test_a_text_of_common_words_only_reads_a_few_postings_of_them():
    """An attack round: texts of an eight-word vocabulary read a fifth of 240,000 old
    entries three times per changed segment (335 s); a few postings of each now."""
    from diglot.catalog import fuzzy

    words = "le la les un une des et est".split()
    old = [" ".join(words[(i + k) % 8] for k in range(6)) + f" {i % 7}" for i in range(4000)]
    index = fuzzy.Index(old)
    read = []

    class Counted(list):
        def __getitem__(self, key):
            found = list.__getitem__(self, key)
            read.append(len(found))
            return found

    index.postings = {f: Counted(p) for f, p in index.postings.items()}
    found = index.candidates("le la les un une des et est", 20_000)
    assert found and sum(read) <= 3 * fuzzy._COMMON_READ
    new = [old[5].replace("est", "et"), old[10]]
    assert fuzzy.match(new, old, 0.8)[1] == (10, 1.0)  # an unchanged text still finds itself


def test_long_texts_are_scored_by_their_ends():
    """An attack round: Indel's work grows with the product of two texts' lengths (two
    1,000,000-character paragraphs, 20 s; one update against twelve, 281 s). A long text is
    scored by its first and last 10,000 characters; a short one whole."""
    from diglot.catalog import fuzzy

    long = "".join(f"mot{n} " for n in range(10_000))  # 68,890 characters
    edited = long[:30_000] + "UN AJOUT AU MILIEU " + long[30_000:]
    assert fuzzy._ends(long) == long[:10_000] + long[-10_000:]
    assert fuzzy.similarity(long, edited, 0.9) == 1.0  # the middle is not read
    assert fuzzy.similarity("un texte court", "un texte court modifié") < 1.0
    assert fuzzy.match([edited], [long, "Autre chose."], 0.8) == {0: (0, 1.0)}



def test_an_entry_with_a_context_of_its_own_still_gives_its_translation():
    """A code review: skipping every entry with a context (to never revive a kept review
    edit) lost the translations of entries a PO editor gave a context."""
    from diglot.catalog.merge import merge
    from diglot.po.model import Catalog, Entry

    pot = Catalog(None, [Entry("Le chat dort sur le canapé du salon.")])
    old = Catalog(None, [Entry("Le chat dort sur le canapé du salon.", "The cat sleeps.",
                               msgctxt="weblate")])
    [entry] = merge(old, pot, 0.6).catalog.entries
    assert entry.msgstr == "The cat sleeps." and entry.msgctxt is None
