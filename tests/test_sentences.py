"""Sentences inside a segment and its translation: the segmenter's table, the links, the
translator's ``# sentences:`` comment and its survival through ``diglot update``."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diglot.source.inline import plain_text, spans
from diglot.model import TRANSLATED
from diglot.sentences import link, override_problem, split
from diglot.sentences.override import OverrideError, parse, value
from sentence_cases import CASES
from support import bilingual_from


@pytest.mark.parametrize("lang, markdown, expected", CASES,
                         ids=[f"{c[0]}-{k}" for k, c in enumerate(CASES)])
def test_segmenter_table(lang, markdown, expected):
    text = plain_text(markdown)
    assert [text[s.start:s.end] for s in split(markdown, lang)] == expected


def test_offsets_are_into_the_plain_text_of_the_spans():
    markdown = "Un **gras. Vraiment.** Puis `x.` Et [lien](https://a.org). Fin."
    text = "".join(s.text for s in spans(markdown))
    assert [text[s.start:s.end] for s in split(markdown, "fr")] == \
        ["Un gras.", "Vraiment.", "Puis x. Et lien.", "Fin."]


def test_headings_and_list_items_are_one_sentence():
    assert len(split("Premier point. Second point.", "fr", whole=True)) == 1
    assert split("", "fr") == () and split("   ", "en") == ()


@given(st.text(alphabet="ab .!?«»\"\n`*M", max_size=60))
def test_sentences_are_ordered_inside_the_text_and_never_empty(markdown):
    text = plain_text(markdown)
    found = split(markdown, "fr")
    assert all(0 <= s.start < s.end <= len(text) for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in found)


# --- links ------------------------------------------------------------------------------

def shape(links):
    return [(f"{f[1] - f[0]}-{e[1] - e[0]}") for f, e, *_ in links]


def texts(fr, en, links):
    a, b = plain_text(fr), plain_text(en)
    return [(a[slice(*x.fr_offsets)], b[slice(*x.en_offsets)]) for x in links]


def test_one_to_one_links_each_sentence_with_its_translation():
    fr = "Le train partit à 8 h 45. Fogg regardait sa montre. Passepartout dormait."
    en = "The train left at 8:45. Fogg watched his watch. Passepartout was asleep."
    assert texts(fr, en, link(fr, en)) == [
        ("Le train partit à 8 h 45.", "The train left at 8:45."),
        ("Fogg regardait sa montre.", "Fogg watched his watch."),
        ("Passepartout dormait.", "Passepartout was asleep.")]


def test_two_french_sentences_merged_into_one_english_sentence():
    fr = ("Le module `shutil` copie des fichiers. Il gère aussi les droits. "
          "Voir la section 12 pour les détails sur les liens symboliques.")
    en = ("The `shutil` module copies files and also handles permissions. "
          "See section 12 for details about symbolic links.")
    assert shape(link(fr, en)) == ["2-1", "1-1"]


def test_one_french_sentence_split_in_two():
    fr = ("Phileas Fogg, qui avait quitté Londres le 2 octobre à 8 h 45 du soir, arrivait à "
          "Suez le 9 octobre, à 11 heures du matin. Il était en avance.")
    en = ("Phileas Fogg left London on the 2nd of October at 8:45 in the evening. "
          "He reached Suez on the 9th of October at 11 in the morning. He was early.")
    assert shape(link(fr, en)) == ["1-2", "1-1"]


def test_one_short_french_sentence_goes_with_all_the_english_not_a_wrong_half():
    """A reader's review: "— Tout de suite." lit "Only I warn you…" (the lengths chose it)
    and left "At once." unlinked; the whole passage is the link, never a wrong one."""
    for fr, en in [("— Tout de suite.", "“At once. Only I warn you that I shall do it at "
                    "your expense.”"), ("— Bien, prenez ce sac. »", "“Good! Take this carpet-bag.”")]:
        links = link(fr, en)
        assert shape(links) == ["1-2"]
        assert links[0].en_offsets == (0, len(plain_text(en)))


def test_five_french_sentences_the_translator_made_one_are_linked_to_it():
    """A reader's review of Verne: Towle's one long sentence for five of Verne's left two
    French sentences unlinked and lit the wrong English for the third."""
    fr = ("Anglais, à coup sûr, Phileas Fogg n'était peut-être pas Londonner. On ne l'avait "
          "jamais vu ni à la Bourse, ni à la Banque. Ni les bassins ni les docks de Londres "
          "n'avaient jamais reçu un navire ayant pour armateur Phileas Fogg. Ce gentleman ne "
          "figurait dans aucun comité d'administration. Son nom n'avait jamais retenti dans un "
          "collège d'avocats, ni au Temple, ni à Lincoln's-inn. Jamais il ne plaida ni à la Cour "
          "du chancelier, ni au Banc de la Reine. Il n'était ni industriel, ni négociant.")
    en = ("Certainly an Englishman, it was more doubtful whether Phileas Fogg was a Londoner. "
          "He was never seen on 'Change, nor at the Bank; no ships ever came into London docks "
          "of which he was the owner; he had no public employment; he had never been entered at "
          "any of the Inns of Court, either at the Temple, or Lincoln's Inn. Nor had his voice "
          "ever resounded in the Court of Chancery, or the Queen's Bench. He certainly was not a "
          "manufacturer; nor was he a merchant.")
    assert shape(link(fr, en)) == ["1-1", "4-1", "1-1", "1-1"]


def test_a_sentence_with_no_counterpart_is_left_alone():
    fr = ("La version 3.11 ajoute `tomllib` pour lire le format TOML. Elle est bien plus "
          "rapide que la 3.10. Note du traducteur : le mot « TOML » signifie Tom's Obvious "
          "Minimal Language, d'après son auteur, Tom Preston-Werner, en 2013.")
    en = "Version 3.11 adds `tomllib` to read the TOML format. It is much faster than 3.10."
    links = link(fr, en)
    assert shape(links) == ["1-1", "1-1", "1-0"]
    assert links[-1].en_offsets[0] == links[-1].en_offsets[1] == len(plain_text(en))


def test_an_empty_side_gives_no_links_and_a_heading_one():
    assert link("Bonjour. Au revoir.", "") == ()
    assert shape(link("Titre. Sous-titre.", "Title: subtitle", whole=True)) == ["1-1"]


def test_links_are_deterministic():
    fr = "Un. Deux trois quatre. Cinq six. Sept."
    en = "One. Two three four five six. Seven."
    assert link(fr, en) == link(fr, en) == link(fr, en)


# --- the translator's comment -------------------------------------------------------------

FR = "Il pleut. Nous restons. Fogg part."
EN = "It rains, so we stay. Fogg leaves. A note."


def test_override_wins_over_the_aligner():
    links = link(FR, EN, "1=1 | 2=- | 3=2-3")
    assert [(x.fr, x.en) for x in links] == [((0, 1), (0, 1)), ((1, 2), (1, 1)), ((2, 3), (1, 3))]
    assert texts(FR, EN, links)[2] == ("Fogg part.", "Fogg leaves. A note.")


def test_an_override_that_no_longer_fits_is_ignored_and_reported():
    assert link(FR, EN, "1=1 | 2-3=2") == link(FR, EN)
    assert override_problem(FR, EN, "1=1 | 2-3=2") == (
        "'# sentences: 1=1 | 2-3=2' is ignored: the comment links 2 English sentence(s) but "
        "the English has 3 now (French: 3 sentence(s), English: 3)")
    assert override_problem(FR, EN, "1=1 | 2-3=2-3") is None


@pytest.mark.parametrize("text, message", [
    ("1=1 | 2", "'2' is not FRENCH=ENGLISH"),
    ("1=1 | 3=2", "French sentence 3 out of order: sentence 2 comes next"),
    ("1=1 | 2=x", "'x' is not a English sentence number"),
    ("1=1 | -=-", "'-=-' links nothing to nothing"),
])
def test_override_syntax_errors_name_the_part(text, message):
    with pytest.raises(OverrideError, match=message):
        parse(text)


def test_comment_value_is_read_from_translator_comments():
    assert value(("align: confidence 0.9", "sentences: 1=1 | 2=2")) == "1=1 | 2=2"
    assert value(("sentences: 1=1", "sentences:  1-2=1 ")) == "1-2=1"
    assert value(("other",)) is None
    assert parse("sentences: 1-2=1") == (((0, 2), (0, 1)),)


def test_pair_carries_the_comment_of_its_translated_entry():
    from diglot.catalog.translate import bilingual
    from diglot.po.model import Catalog, Entry
    from diglot.source.reader import parse_article

    article = parse_article(f"{FR}\n", "a", "source_fr/a.md")
    entry = Entry(FR, EN, translator_comments=("sentences: 1=1 | 2=- | 3=2-3",))
    pair = bilingual(article, Catalog(None, [entry]), "fr", "en", "source").pairs[0]
    assert pair.state == TRANSLATED and pair.sentences == "1=1 | 2=- | 3=2-3"
    fuzzy = replace(entry, flags=("fuzzy",))
    assert bilingual(article, Catalog(None, [fuzzy]), "fr", "en", "source").pairs[0].sentences is None
    assert bilingual_from(f"{FR}\n", [(FR, EN)]).pairs[0].sentences is None


def test_the_comment_survives_update_exact_and_fuzzy(make_project):
    other = "Le chien attend patiemment devant la porte du jardin depuis ce matin."
    comment = "sentences: 1=1 | 2=- | 3=2-3"
    proj = make_project({"a": f"{FR}\n\n{other}\n"},
                        {"a": {FR: {"msgstr": EN, "translator_comments": (comment,)},
                               other: "The dog waits."}})
    proj.source("a", f"{other}\n\n{FR}\n")  # moved: an exact match
    assert proj.run("update").exit_code == 0
    assert proj.entries("a")[FR].translator_comments == (comment,)
    edited = FR.replace("Fogg part.", "Fogg part vite.")
    proj.source("a", f"{other}\n\n{edited}\n")  # changed: a fuzzy match
    assert proj.run("update").exit_code == 0
    entry = proj.entries("a")[edited]
    assert entry.fuzzy and entry.translator_comments == (comment,)
    assert override_problem(edited, entry.msgstr, value(entry.translator_comments)) is None


def test_a_sentence_number_of_thousands_of_digits_is_an_override_problem_not_a_traceback():
    with pytest.raises(OverrideError, match="too large"):
        parse("1=1-" + "9" * 5000)
