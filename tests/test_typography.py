"""French typography at render time: a table of what an author types and what the reader
gets, and properties that hold for any text (idempotent, code and URLs untouched, only
spaces and apostrophes ever change)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from diglot.source.inline import Span, spans
from diglot.typography import typeset, typeset_plain

N, T = "\u00a0", "\u202f"  # no-break space, narrow no-break space


@pytest.mark.parametrize("typed, shown", [
    ("Pourquoi ?", f"Pourquoi{T}?"),
    ("Pourquoi?", f"Pourquoi{T}?"),
    ("Quoi ?!", f"Quoi{T}?!"),
    ("Note : voir plus bas", f"Note{N}: voir plus bas"),
    ("Note: voir", f"Note{N}: voir"),
    ("Attention ; suite", f"Attention{T}; suite"),
    ("« citation »", f"«{N}citation{N}»"),
    ("«citation»", f"«{N}citation{N}»"),
    ('« il a dit "non" hier »', f"«{N}il a dit “non” hier{N}»"),  # quotes inside quotes
    ('« a » puis "b"', f"«{N}a{N}» puis «{N}b{N}»"),
    ("12 000 habitants", f"12{T}000 habitants"),
    ("1 250 000 euros", f"1{T}250{T}000{N}euros"),
    ("42 %", f"42{T}%"),
    ("42%", f"42{T}%"),
    ("65 milliards", f"65{N}milliards"),
    ("l'été", "l’été"),
    ("aujourd'hui", "aujourd’hui"),
    ("à 14:30", "à 14:30"),
    ("un ratio 1:2", "un ratio 1:2"),
    ("(?)", "(?)"),
    ("voir https://exemple.fr/page?q=1&r=2 : ici", f"voir https://exemple.fr/page?q=1&r=2{N}: ici"),
    ("écrire à marie@exemple.fr ; merci", f"écrire à marie@exemple.fr{T}; merci"),
    ("en 2024 300 personnes", "en 2024 300 personnes"),
    ("'guillemets simples'", "'guillemets simples'"),
    ('Il dit : "oui".', f"Il dit{N}: «{N}oui{N}»."),  # straight quotes that pair up
    ("Il est 19 h 30.", f"Il est 19{N}h{N}30."),  # a time of day is never cut
    ('"Pourquoi ?" (et "comment")', f"«{N}Pourquoi{T}?{N}» (et «{N}comment{N}»)"),
    ('un écran de 12" et un "', 'un écran de 12" et un "'),  # inches, a lone quote
    ('Il dit "oui"! Puis "non"; fin', f"Il dit «{N}oui{N}»{T}! Puis «{N}non{N}»{T}; fin"),
    # a dash set apart stays with its words: no line starts with "—," or ends with "—"
    ("— Oui, dit-il. — Non !", f"—{N}Oui, dit-il. —{N}Non{T}!"),
    ("le jardin — partagé — compte", f"le jardin —{N}partagé{N}— compte"),
    ("quatre-vingt-six —, et il attendait", f"quatre-vingt-six{N}—, et il attendait"),
    ("qui indiquait — depuis le 2 octobre", f"qui indiquait —{N}depuis le 2 octobre"),
    ("de 1914–1918", "de 1914–1918"),
    # an incise ends with its sentence, its line or a quotation; a spaced range is no incise
    ("Il viendra — peut-être. Puis — enfin — il partit.",
     f"Il viendra —{N}peut-être. Puis —{N}enfin{N}— il partit."),
    ("« — Oui, je viens — enfin — demain. »", f"«{N}—{N}Oui, je viens —{N}enfin{N}— demain.{N}»"),
    ("— Bonjour.\n— Bonsoir — enfin — dit-elle.", f"—{N}Bonjour.\n—{N}Bonsoir —{N}enfin{N}— dit-elle."),
    ("les pages 10 – 20 — surtout — sont utiles", f"les pages 10 – 20 —{N}surtout{N}— sont utiles"),
    ("Le docteur — M. Dupont — arriva.", f"Le docteur —{N}M.{N}Dupont{N}— arriva."),  # an initial
    # an abbreviation never ends a line: a title before its name, a reference word before
    # its number; not in a word or a name ("PM.", "DPMe"), nor before a small letter
    ("M. Dupont, Mme Martin, MM. Durand et Dr House", f"M.{N}Dupont, Mme{N}Martin, MM.{N}Durand et Dr{N}House"),
    ("voir p. 45, pp. 12-14, chap. 3, n°3 et § 2", f"voir p.{N}45, pp.{N}12-14, chap.{N}3, n°{N}3 et §{N}2"),
    ("le PM. Dupont, le DPMe X, le M. dort, fin. 12 pommes",
     "le PM. Dupont, le DPMe X, le M. dort, fin. 12 pommes"),
    ("l'art. 3 du code ; un mur de 5 M. Les travaux", f"l’art.{N}3 du code{T}; un mur de 5 M. Les travaux"),
    # Verne (a QA review): a title before its particle, English titles, nº, units of the time
    ("M. de Lesseps, Mme d'Épinay, Mr. Fogg, Mrs. Aouda, Dr. Livingstone",
     f"M.{N}de Lesseps, Mme{N}d’Épinay, Mr.{N}Fogg, Mrs.{N}Aouda, Dr.{N}Livingstone"),
    ("le nº 5, le N° 6, 300 lieues, 20 francs, l'«engine-room»",
     f"le nº{N}5, le N°{N}6, 300{N}lieues, 20{N}francs, l’«{N}engine-room{N}»"),
    ("en 1914 — 17 ans à peine — pour", f"en 1914 —{N}17{N}ans à peine{N}— pour"),  # no range
    ("Il dit — le crois-tu ? — qu'il part.", f"Il dit —{N}le crois-tu{T}?{N}— qu’il part."),
    ('Il répondit — un "oui" bas — et sortit.', f"Il répondit —{N}un «{N}oui{N}» bas{N}— et sortit."),
    ("Il a tout pris — livres, etc. — puis il part.", f"Il a tout pris —{N}livres, etc.{N}— puis il part."),
    ("Il montra — ô surprise ! — Éloïse.", f"Il montra —{N}ô surprise{T}!{N}— Éloïse."),
    # a dash written against one word belongs to it (a verne review: "enfin— chez" had
    # its no-break space after, tied to both words and read as opening)
    ("Il vint—enfin— chez nous.", f"Il vint—enfin{N}— chez nous."),
    ("Il vint —enfin— chez nous.", f"Il vint —{N}enfin{N}— chez nous."),
    ("Il vint —enfin.", f"Il vint —{N}enfin."),
    ("Il cria « Non ! » — de toutes ses forces — et partit.",
     f"Il cria «{N}Non{T}!{N}» —{N}de toutes ses forces{N}— et partit."),
    ("300 000 F", f"300{T}000{N}F"),  # francs
])
def test_french_typography_table(typed, shown):
    assert typeset_plain(typed, "fr") == shown


def test_spacing_follows_the_house_style():
    assert typeset_plain("Pourquoi ? « Oui »", "fr", "nbsp") == f"Pourquoi{N}? «{N}Oui{N}»"
    off = typeset_plain("Pourquoi ? 12 000 l'été", "fr", "off")
    assert off == f"Pourquoi ? 12{N}000 l’été"


def test_rules_work_across_styles_and_spare_code():
    items = typeset(spans("*Pourquoi* ? `a ? b` et `x` : fin"), "fr")
    assert [(s.text, s.italic, s.code) for s in items] == [
        ("Pourquoi", True, False), (f"{T}? ", False, False), ("a ? b", False, True),
        (" et ", False, False), ("x", False, True), (f"{N}: fin", False, False)]


def test_english_gets_its_quotes_never_french_spaces_and_autolinks_are_untouched():
    assert typeset_plain("Why ? 12 000", "en") == "Why ? 12 000"
    assert typeset_plain("Why ? 12 000 l'été", "de") == "Why ? 12 000 l'été"  # no rules
    link = spans("<https://a.fr/?x=1;y=2>")
    assert typeset(link, "fr") == link and typeset(spans("<https://a.fr/it's>"), "en-GB") == \
        spans("<https://a.fr/it's>")


@pytest.mark.parametrize("typed, shown", [
    ("I'm here, it's the students' books.", "I\u2019m here, it\u2019s the students\u2019 books."),
    ("He said 'no' and \"yes\".", "He said \u2018no\u2019 and \u201cyes\u201d."),
    ("the '90s, the 1990's", "the \u201990s, the 1990\u2019s"),
    ("12' long, 5\" wide", "12' long, 5\" wide"),  # primes
    ("(\"quoted\")", "(\u201cquoted\u201d)"),
    ("It rose \"42%\" and \"$5 a day\".", "It rose \u201c42%\u201d and \u201c$5 a day\u201d."),
    # a reader's review: lines ended on "Mr." and started with "m" beside a French that ties them
    ("Mr. Fogg met Mrs Aouda, Dr. Smith and St. Paul.",
     "Mr.\u00a0Fogg met Mrs\u00a0Aouda, Dr.\u00a0Smith and St.\u00a0Paul."),
    ("It is 32.4 m long, 2 km away, $65 billion; see p. 45, Fig. 2, No. 5 and § 3.",
     "It is 32.4\u00a0m long, 2\u00a0km away, $65\u00a0billion; see p.\u00a045, Fig.\u00a02, "
     "No.\u00a05 and §\u00a03."),
    ("In 3D, 5G and 5 in 10 cases; the MDr. Smith; DMr. X", "In 3D, 5G and 5 in 10 cases; the MDr. Smith; DMr. X"),
    # a code review: the cheap test before the rule skipped these
    ("Messrs. Fogg and Passepartout left.", "Messrs.\u00a0Fogg and Passepartout left."),
    ("He met Dr\u202fWatson there.", "He met Dr\u00a0Watson there."),
])
def test_english_typography_table(typed, shown):
    assert typeset_plain(typed, "en") == shown


@given(st.lists(st.tuples(_TEXT_EN := st.text(alphabet=st.sampled_from(
    list("ab1 '\":;!?\n.,()—‘’“”") + ["0", "M", "r", "m", "p", "F", "\u00a0", "§"]), max_size=40),
    st.booleans()), max_size=5))
def test_english_typesetting_is_idempotent_changes_only_quotes_and_ties_and_spares_code(parts):
    items = [Span(t, code=c) for t, c in parts if t]
    once = typeset(items, "en")
    assert typeset(once, "en") == once
    for before, after in zip(items, once):
        assert after == before if before.code else \
            re.sub("[‘’]", "'", re.sub("[“”]", '"', after.text)).replace("\u00a0", " ") == \
            re.sub("[‘’]", "'", re.sub("[“”]", '"', before.text)).replace("\u00a0", " ")


_TEXT = st.text(alphabet=st.sampled_from(list("ab1 '«»\":;!?%\u00a0\u202f\n.,()—–…P“”") + ["é", "0"]),
                max_size=40)


def _pieces(draw_texts, codes):
    return [Span(t, code=c) for t, c in zip(draw_texts, codes) if t]


# Prose as a novel's dialogue has it: words, initials, abbreviations, sentence ends, dashes.
_PROSE = st.lists(st.sampled_from(["Oui", "mot", "abc", "M. ", "etc. ", "être. ", "Puis ", " ",
                                   "\u00a0", "\n", "—", "–", "…", "?", "!", ":", ",", ".", "«",
                                   "»", '"', "“", "”", "1914", "0"]), max_size=16).map("".join)


@given(st.lists(st.tuples(_PROSE, st.booleans()), max_size=4))
def test_typesetting_dialogue_twice_is_typesetting_it_once(parts):
    items = [Span(t, code=c) for t, c in parts if t]
    once = typeset(items, "fr")
    assert typeset(once, "fr") == once


@given(st.lists(st.tuples(_TEXT, st.booleans()), max_size=5),
       st.sampled_from(["narrow", "nbsp", "off"]))
def test_typesetting_is_idempotent_and_spares_code(parts, style):
    items = [Span(t, code=c) for t, c in parts if t]
    once = typeset(items, "fr", style)
    assert typeset(once, "fr", style) == once
    assert len(once) == len(items)
    for before, after in zip(items, once):
        if before.code:
            assert after == before
        assert (before.bold, before.italic, before.code, before.href) == \
               (after.bold, after.italic, after.code, after.href)


@given(_TEXT)
def test_only_spaces_apostrophes_and_straight_quotes_change(text):
    out = typeset_plain(text, "fr")
    squash = lambda s: re.sub("[ \u00a0\u202f\u2009]", "", s).replace("’", "'").translate(
        {ord("«"): '"', ord("»"): '"', ord("“"): '"', ord("”"): '"'})
    assert squash(out) == squash(text)
    assert out.count("\n") == text.count("\n")


@given(st.from_regex(r"https?://[a-z]{1,5}\.fr/[a-z?;:!=&]{0,12}", fullmatch=True))
def test_urls_in_text_are_never_changed(url):
    assert url in typeset_plain(f"voir {url} : ici", "fr")


def test_an_image_keeps_its_source_when_its_alt_text_is_typeset():
    items = typeset(spans("Voir ![l'image du quai](img/quai.png) : ici"), "fr")
    image = next(s for s in items if s.image)
    assert (image.text, image.image) == ("l’image du quai", "img/quai.png")
