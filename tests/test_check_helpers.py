"""The checks' helpers: numbers read and matched one-to-one, sentences counted, excerpts
quoted, inline elements listed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diglot.checks import excerpt, sentences
from diglot.checks.matching import match
from diglot.checks.model import Side
from diglot.checks.numbers import read
from diglot.source.inline import elements


def texts(numbers) -> list[str]:
    return [n.text for n in numbers]


@pytest.mark.parametrize("fr, en", [
    ("1 250,5 €", "€1,250.5"),
    ("65 milliards", "65 billion"),
    ("12 %", "12%"),
    ("Python 3.9.0", "Python 3.9.0"),
    ("au XIXᵉ siècle", "in the 19th century"),
    ("au XXIe siècle", "in the 21st century"),
    ("dix fois plus", "10 times more"),
    ("deux listes", "both lists"),
    ("la première ligne vaut 1", "the first line is 1"),
    ("14 h 30", "2:30 pm"),
    ("Il est 2 h 30", "It is 2.30 a.m."),  # British English: a point between hour and minutes
    ("de 7 h à 19 h 30", "from 7 a.m. to 7.30 p.m."),
    ("de 7 h à 19 h 30", "from 7:00 to 19:30"),
    ("à 0 h 15", "at 12.15 a.m."),
    ("à 8 h 00", "at 8 a.m."),
    ("à 19 h", "at 7 pm"),
    ("à 19 h", "at 7 in the evening"),
    ("à 12 h et à 0 h 30", "at 12 p.m. and at 12.30 a.m."),
    ("à 12 h", "at noon"),
    ("de 12 h à 0 h", "from midday to midnight"),
    ("à 24 h", "at midnight"),
    ("à midi", "at 12 p.m."),
    # hours written out, and the half of the day in words (Verne: "4 heures soir")
    ("à 4 heures soir", "at 4 p.m."), ("à 16 heures", "at 4 p.m."), ("à 7 h du soir", "at 7 p.m."),
    ("à 8 heures 40 matin", "at 8.40 a.m."), ("à 8 heures 40 du soir", "at 8.40 p.m."),
    ("à 3 h de l'après-midi", "at 3 p.m."), ("il a 4 heures de retard", "he is 4 hours late"),
    ("la génération `0`", "generation 0"),
    ("de 0 à 255", "from 0 to 255"),
    ("24h/24 et 7j/7", "24/7"),
    ("[01,12]", "[01,12]"),
    ("0,66", ".66"),
    ("le bit est mis à 1", "the bit is set"),
    ("la RFC 822", "RFC822"),
])
def test_same_numbers_match_whatever_the_writing(fr, en):
    found = match(Side(fr).masked, Side(en).masked)
    assert (texts(found.missing), texts(found.extra)) == ([], [])


@pytest.mark.parametrize("fr, en, missing, extra", [
    ("50 g de farine et 50 g d'eau", "5 g of flour and 50 g of water", ["50"], ["5"]),
    ("50 g de farine et 50 g d'eau", "50 g of flour and water", ["50"], []),
    ("4 espaces, puis 4 espaces, soit quatre", "4 spaces, then 5 spaces, so four", ["4"], ["5"]),
    ("au XIXᵉ siècle", "in the 18th century", ["XIXᵉ siècle"], ["18"]),
    ("3 chats", "3 cats and 2 dogs", [], ["2"]),
    ("à 19 h 15", "at 7.25 p.m.", ["19 h 15"], ["7.25"]),
    ("à 19 h 15", "at 19:16", ["19 h 15"], ["19", "16"]),
    # the half of the day English gives must be the French hour's
    ("à 19 h 30", "at 7:30 a.m.", ["19 h 30"], ["7", "30"]),
    ("à 7 h 15", "at 7.15 p.m.", ["7 h 15"], ["7.15"]),
    ("à 19 h", "at 7 a.m.", ["19"], ["7"]),
    ("à 4 heures du soir", "at 4 a.m.", ["4"], ["4"]),
    ("à 13 h", "at noon", ["13"], []),  # noon is 12 only
    ("7,30 €", "€7.15", ["7,30"], ["7.15"]),
    ("le code `x = 50`", "the code `x = 5`", [], []),  # code is the code check's business
])
def test_a_number_needs_its_own_counterpart(fr, en, missing, extra):
    found = match(Side(fr).masked, Side(en).masked)
    assert (texts(found.missing), texts(found.extra)) == (missing, extra)


@pytest.mark.parametrize("text, french, read_as", [
    ("Il a quatre-vingts ans.", True, [("quatre-vingts", 80)]),
    ("dix-huit jours, quarante-cinq minutes", True, [("dix-huit", 18), ("quarante-cinq", 45)]),
    ("soixante-dix-sept, quatre-vingt-dix-neuf", True,
     [("soixante-dix-sept", 77), ("quatre-vingt-dix-neuf", 99)]),
    ("vingt et un, trente et une", True, [("vingt et un", 21), ("trente et une", 31)]),
    ("deux cent trois", True, [("deux cent trois", 203)]),
    ("mille neuf cent quatre-vingt-dix", True, [("mille neuf cent quatre-vingt-dix", 1990)]),
    ("deux ou trois, deux trois", True, [("deux", 2), ("trois", 3), ("deux", 2), ("trois", 3)]),
    ("un chat et un chien", True, []),  # an article, not a number
    ("eighty-five", False, [("eighty-five", 85)]),
    ("two hundred and five, a hundred", False, [("two hundred and five", 205), ("a hundred", 100)]),
    ("one and two", False, [("one", 1), ("two", 2)]),
    # "et" and "and" join only where each language puts them
    ("entre cinq et cent pages, entre deux et mille", True,
     [("cinq", 5), ("cent", 100), ("deux", 2), ("mille", 1000)]),
    ("between five and a hundred pages", False, [("five", 5), ("a hundred", 100)]),
    # four twenties are French alone; "un" closes a French numeral after a ten or a hundred
    ("four twenty-dollar bills, four and twenty blackbirds", False,
     [("four", 4), ("twenty", 20), ("four", 4), ("twenty", 20)]),
    ("quatre-vingt-un, deux cent un, cent un", True,
     [("quatre-vingt-un", 81), ("deux cent un", 201), ("cent un", 101)]),
    # a run that is no numeral is cut into the longest ones
    ("twenty-four seven", False, [("twenty-four", 24), ("seven", 7)]),
    ("mille deux cents", True, [("mille deux cents", 1200)]),
    ("zéro", True, [("zéro", 0)]),
])
def test_a_compound_numeral_is_one_number(text, french, read_as):
    assert [(n.text, n.values) for n in read(text, french)] == \
        [(t, frozenset({Decimal(v)})) for t, v in read_as]


def test_a_century_then_two_digits_may_be_a_year_and_three_may_count_hundreds():
    assert [(n.text, n.values) for n in read("In nineteen eighty-four", False)] == [
        ("nineteen", frozenset({Decimal(19), Decimal(1984)})), ("eighty-four", frozenset({Decimal(84)}))]
    assert [(n.text, n.values) for n in read("three or four hundred", False)] == [
        ("three", frozenset({Decimal(3), Decimal(300)})), ("four hundred", frozenset({Decimal(400)}))]
    for fr, en in (("Trois cents ou quatre cents.", "Three or four hundred."),
                   ("En mille neuf cent quatre-vingt-quatre.", "In nineteen eighty-four."),
                   ("À onze heures quinze.", "At eleven fifteen."),
                   ("En 1984, il fit les quatre cents coups.", "In nineteen eighty-four he ran wild.")):
        found = match(fr, en)
        assert not (found.loose_fr and found.loose_en), fr  # no spelled-numbers finding


@pytest.mark.parametrize("fr, en, missing, extra", [
    ("25 millions d'euros", "25 billion euros", ["25 millions"], ["25 billion"]),
    ("65 milliards d'euros", "65 million euros", ["65 milliards"], ["65 million"]),
    ("65 milliards", "65,000 million", [], []),
    ("3 millions et 3 chats", "3m and 3 cats", [], []),
    ("la ligne T6", "the T7 line", ["T6"], ["T7"]),
    ("La ligne T6 remplace le bus 6.", "The T7 line replaces bus 6.", ["T6"], ["T7"]),
    ("Il y a 50 villes et 50 millions d'habitants.", "There are 50 million people.", ["50"], []),
    ("Voir la figure\n2 et la figure 3.", "See figure 3.", ["2"], []),
    ("Le ConnectionPoolV2", "The ConnectionPoolV3", ["ConnectionPoolV2"], ["ConnectionPoolV3"]),
    ("la ligne T6 et le rfc822", "the T6 line and RFC 822", [], []),
    ("Il a quatre-vingts ans.", "He is eighty.", [], []),
])
def test_a_scale_or_a_name_that_changed_is_a_changed_number(fr, en, missing, extra):
    found = match(fr, en)
    assert (texts(found.missing), texts(found.extra), found.loose_fr) == (missing, extra, ())


def test_a_thousand_numbers_written_alike_are_matched_by_count():
    found = match("; ".join(["5"] * 2000) + " et 7", " ".join(["5"] * 1000 + ["8"]))
    assert (len(found.missing), texts(found.extra)) == (1001, ["8"])
    assert texts(found.missing).count("7") == 1


def test_spelled_out_numbers_are_counterparts_never_required():
    assert match("deux ou trois", "a few").missing == []
    assert match("un texte", "one, two, three").extra == []


def test_readings_of_a_french_number():
    [number] = read("1 250,5", french=True)
    assert Decimal("1250.5") in number.values and number.parts == (
        frozenset({Decimal(1)}), frozenset({Decimal(250)}), frozenset({Decimal(5)}))
    assert [n.optional for n in read("base64, 0x20, W3C et 7", french=True)] == [True, True, True, True, False]


@pytest.mark.parametrize("text, lang, count", [
    ("", "fr", 0),
    ("Une phrase.", "fr", 1),
    ("Une phrase. Une autre ! Et une troisième ?", "fr", 3),
    ("Voir p. ex. la doc, cf. M. Dupont et J. Verne. Fin.", "fr", 2),
    ("Python 3.11 adds `match`. See the docs.", "en", 2),
    ("This is 1-indexed: the first line, e.g. line one.  Then more.", "en", 2),
    ("Il dit « non. » Puis il part.", "fr", 2),
])
def test_sentences_are_counted_by_the_segmenter(text, lang, count):
    assert sentences.count(Side(text), lang) == count


def test_an_excerpt_quotes_whole_words_around_the_span():
    text = "Le premier mot, puis beaucoup de texte autour du nombre 42 et encore bien des mots ensuite, fin."
    assert excerpt.quote(text, 56, 58) == "“…beaucoup de texte autour du nombre 42 et encore bien des mots ensuite, fin.”"
    assert excerpt.quote(text, 56, 58, width=20) == "“…autour du nombre 42 et encore bien des…”"
    assert excerpt.quote("Ligne un\nligne deux.", 8) == "“Ligne un↵ligne deux.”"


def test_inline_elements_in_order_with_their_values():
    assert elements("a ![alt](img.png) [l **b**](u) `c` *x `y`*\nz") == [
        ("image", "img.png"), ("link", "u"), ("bold", "b"), ("code", "c"), ("italic", "x y"),
        ("code", "y"), ("break", "\n")]
