"""QA checks: each planted mistake is reported at its entry, by the check that owns it, with a
message that shows it; good translations pass clean."""

from __future__ import annotations

import json
import re

import pytest

from diglot.checks import SEVERITIES
from diglot.checks.run import CHECKS, run_checks
from diglot.po.model import Entry
from diglot.po.parser import parse_po
from support import CASES

ROOT = CASES.parent.parent
PAIRS = json.loads((CASES / "showcase" / "pairs.json").read_text("utf-8"))
GOOD = [
    ("Llama 3 (décembre 2023)\u00a0: le modèle 70B coûte 1 250,5 €.", "Llama 3 (December 2023): the 70B model costs €1,250.5."),
    ("Les dépenses pourraient atteindre 65 milliards de dollars.", "Spending could reach $65 billion."),
    ("La hausse est de 12 % depuis le 14 juillet 1789.", "The rise is 12% since 14 July 1789."),
    ("Il a dit « bonjour » et est parti\u202f!", "He said “hello” and left!"),
    ("Un service disponible 24h/24 et 7j/7.", "A service available 24/7."),
    ("Python 3.11 ajoute `match`, voir [la doc](https://docs.python.org).",
     "Python 3.11 adds `match`, see [the docs](https://docs.python.org)."),
    ("Mélangez 50 g de farine et 50 g d'eau.", "Mix 50 g of flour and 50 g of water."),
    ("Au XIXᵉ siècle, deux guerres.", "In the 19th century, 2 wars."),
    ("Les deux listes ont 3 éléments.", "Both lists have three items."),
    ("La génération `0` est la plus jeune.", "Generation 0 is the youngest."),
    ("Les valeurs vont de [00,59] ; voir `0x20` et U+00EA.", "Values range over [00,59]; see `0x20` and U+00EA."),
    ("Voir la RFC 822 et le format base64.", "See RFC822 and the base-64 format."),
    ("Voir :ref:`la section sur les tris <sorting>` et :term:`itérable`.",
     "See :ref:`the section on sorting <sorting>` and :term:`iterable`."),
    ("Note\u00a0: ce module existe.", "Note: this module exists."),
    ("Exemple ::", "Example::"),
    ("Un rail pèse 1,250 tonne, soit 1 250 kg.", "A rail weighs 1.250 tonnes, or 1,250 kg."),
    ("Le jour de l'année [001,366].", "The day of the year [001,366]."),  # a range in both
    ("Le tutoriel ``logging`` au niveau ``ERROR`` renvoie ``True``.",  # prose may change case
     "The ``Logging`` tutorial at ``error`` level returns ``True``."),
    ("Voir :ref:`la section <auditing>`.", "See :ref:`auditing`."),  # the target, as whole text
    ("Voir :ref:`le tri <sorting-howto>`.", "See :ref:`sorting <Sorting-HOWTO>`."),  # Sphinx: any case
    ("Un nombre dans [0, 1[, cas a) et b).", "A number in [0, 1), cases a) and b) :-)"),  # no pair to close
    ("Calculez 7 % 3 ; voilà.", "Compute 7 % 3 ;-)"),  # modulo; a smiley
    # Verne, read by a QA review: a quotation running over paragraphs, open in both; the
    # English's own italics and a name it writes unaccented; "had had"
    ("« Je pars ce soir, dit-il.", "“I am going to-night,” said he. “You will"),
    ("Le *Tankadère* et le *General-Grant* partent *viâ* Suez.",
     "The Tankadere and the General Grant leave *viâ* Suez."),
    ("Il en avait assez.", "He had had enough."),
    ("Son livre. *Histoire de la ville de Lyon et de ses ponts.*",  # a French title kept
     "His book. *Histoire de la ville de Lyon et de ses ponts.*"),
    ("Les ensembles {1, 2} et {a, b} à 50 % ; 10 %s et {0} ici.",  # sets; placeholders kept
     "The sets {1, 2} and {a, b} at 50%; 10 %s and {0} here."),
    ("Voir https://fr.wikipedia.org/wiki/Lyon ou https://docs.python.org/fr/3/.",  # localised
     "See https://en.wikipedia.org/wiki/Lyon or https://docs.python.org/3/."),
    ("Il a dit : “Stay hungry, stay foolish.” Puis il est parti.",  # an English quotation
     "He said: “Stay hungry, stay foolish.” Then he left."),
]


def entries(pairs, **extra):
    """Entries from (French, English) pairs, or (French, English, translator comments)."""
    return [Entry(fr, en, line=10 * i, translator_comments=tuple(rest[0]) if rest else (), **extra)
            for i, (fr, en, *rest) in enumerate(pairs, 1)]


def test_faithful_translations_have_no_findings_at_all():
    assert run_checks(entries(PAIRS + GOOD), "en.po") == []


def test_every_check_id_has_a_function_and_a_default_severity():
    from diglot.checks.run import PROJECT_CHECKS

    assert list(CHECKS) + list(PROJECT_CHECKS) == list(SEVERITIES)


PLANTED = [
    # errors: what a reader would see as wrong or broken
    ("markup", "error", "Lire [ceci](https://a.org/x).", "Read [this](https://a.org/y).",
     "link URL changed: https://a.org/x → https://a.org/y", ""),
    ("markup", "error", "Lire [ceci](https://a.org/x) maintenant.", "Read this now, right away.",
     "link to https://a.org/x is missing from the English", ""),
    ("markup", "error", "Ligne un\nligne deux.", "Line one line two.",
     "hard line breaks: 1 in French, 0 in English", "“Ligne un↵ligne deux.”"),
    ("markup", "error", "Voir https://docs.python.org/fr/3/dl.html, ou écrire à a@b.fr.",
     "See https://docs.python.org/3/dl.htm, or write to a@b.fr.",
     "address changed: https://docs.python.org/fr/3/dl.html → https://docs.python.org/3/dl.htm", ""),
    ("markup", "error", "Voir ![le schéma](img/a.png).", "See ![the diagram](img/b.png).",
     "image path changed: img/a.png → img/b.png", ""),
    ("markup", "error", "Comme dit[^1], c'est vrai.", "As said, it is true.",
     "footnote reference [^1] is missing from the English", ""),
    ("markup", "error", "Notamment *La Doua* et **Bron** ;", "Notably *La Doua and **Bron**;",
    "Markdown mark shown as text in the English only (*): an emphasis or code span left open, "
     "or a mark to escape with \\", "“Notably *La Doua and Bron;”"),
    ("numbers", "error", "Il coûte 1 250,5 euros.", "It costs 1,205.5 euros.",
     "1 250,5 is missing from the English; the English has 1,205.5 instead",
     "“Il coûte 1 250,5 euros.” → “It costs 1,205.5 euros.”"),
    ("numbers", "error", "Ils étaient 65 milliards.", "There were 56 billion.",
     "65 milliards is missing from the English; the English has 56 billion instead",
     "“Ils étaient 65 milliards.” → “There were 56 billion.”"),
    ("numbers", "error", "Mélangez 50 g de farine et 50 g d'eau.", "Mix 5 g of flour and 50 g of water.",
     "50 appears 2× in French, 1× in English; the English has 5 instead",
     "“Mélangez 50 g de farine et 50 g d'eau.” → “Mix 5 g of flour and 50 g of water.”"),
    ("numbers", "error", "Mélangez 50 g de farine et 50 g d'eau.", "Mix 50 g of flour and water.",
     "50 appears 2× in French, 1× in English", "“Mélangez 50 g de farine et 50 g d'eau.”"),
    ("numbers", "error", "Une hausse de 12 %.", "A sharp rise.",
     "12 is missing from the English", "“Une hausse de 12 %.”"),
    ("numbers", "error", "Au XIXᵉ siècle.", "In the 18th century.",
     "XIXᵉ siècle is missing from the English; the English has 18 instead",
     "“Au XIXᵉ siècle.” → “In the 18th century.”"),
    ("numbers", "error", "Elle est 1,5 fois plus rapide.", "It is 1,5 times faster.",
     "1,5 is written with a French decimal comma; English writes 1.5", "“It is 1,5 times faster.”"),
    ("numbers", "error", "La valeur est 1,5, pas 2.", "The value is 1,5, not 2.",  # a comma after
     "1,5 is written with a French decimal comma; English writes 1.5", "“The value is 1,5, not 2.”"),
    ("numbers", "error", "Un rail pèse 1,250 tonne.", "A rail weighs 1,250 tonnes.",
     "1,250 is written with a French decimal comma (English reads 1,250 as 1250); English "
     "writes 1.250", "“A rail weighs 1,250 tonnes.”"),
    ("typography", "error", "Il dit « oui ».", "He says « yes ».",
     "French quotation marks « » in English; use “ ” or \" \"", "“He says « yes ».”"),
    ("typography", "error", "Vraiment\u202f?", "Really\u202f?",
     "a French no-break space before ? ! : or ; in English; remove it", "“Really\u202f?”"),
    # warnings: differences a translator may intend
    ("emphasis", "warning", "Le **chat** dort.", "The cat sleeps.",
     "bold spans: 1 in French, 0 in English", "French **chat**"),
    ("emphasis", "warning", "Voir *ceci* ici.", "See this here.",
     "italic spans: 1 in French, 0 in English", "French *ceci*"),
    ("emphasis", "warning", "Notamment *La Doua* et **Bron** ;", "Notably *La Doua* and Bron;",
     "bold spans: 1 in French, 0 in English", "French **Bron**"),  # no French habit for bold
    ("code", "warning", "Lancez `ls` maintenant.", "Run ls now.",
     "code `ls` is in the English as plain text, not as code", "“Run ls now.”"),
    ("code", "warning", "Renvoie ``True`` si oui.", "Returns true if so.",
     "code `True` is in the English as plain text, not as code", "“Returns true if so.”"),
    ("code", "warning", "Lancez `ls`, puis `ls` encore.", "Run `ls`, then again.",
     "code spans: 2 in French, 1 in English", "French `ls`"),
    ("code", "warning", "Appelez `os.path.join` ici.", "Call `os.path.joint` here.",
     "code `os.path.join` is not in the English", "“Appelez `os.path.join` ici.”"),
    ("code", "warning", "Voir :ref:`la doc <sorting>`.", "See :ref:`the docs <sortin>`.",
     "code `la doc <sorting>` is not in the English", "“Voir :ref:`la doc <sorting>`.”"),
    ("code", "warning", "La classe :class:`ZipInfo` lit ``None``.",  # a name's case is the name
     "The :class:`Zipinfo` class reads ``none``.", "code `ZipInfo`, `None` are not in the English",
     "“La classe :class:`ZipInfo` lit `None`.”"),
    ("code", "warning", "Voir :ref:`la section <auditing>`.",  # the target, not a word of prose
     "See the auditing section and :ref:`events <audit-events>`.",
     "code `la section <auditing>` is not in the English", "“Voir :ref:`la section <auditing>`.”"),
    ("code", "warning", "Le fichier %s a %(count)d lignes.", "The file %s has %(total)d lines.",
     "placeholder changed: %(count)d → %(total)d", ""),
    ("extra-numbers", "warning", "Il a trois chats.", "He has 3 cats and 2 dogs.",
     "2 has no French counterpart", "“He has 3 cats and 2 dogs.”"),
    ("spacing", "warning", "Vraiment ?", "Really ?",
     "a space before ? ! ; or : (French spacing); remove it", "“Really ?”"),
    ("spacing", "warning", "Une hausse de 12 %.", "A rise of 12 %.",
     "a space before % (French spacing); remove it", "“A rise of 12 %.”"),
    ("spacing", "warning", "Note : ceci.", "Note : this.",
     "a space before ? ! ; or : (French spacing); remove it", "“Note : this.”"),
    ("whitespace", "warning", "Un texte.", "A text. ",
     "trailing whitespace differs: '' in French, ' ' in English", ""),
    ("copy", "warning", "Et maintenant ?", "Et maintenant ?",
     "the translation is the French text, copied", "“Et maintenant ?”"),
    ("copy", "warning", "Python est un langage de programmation", "Python est un langage de programmation",
     "the translation is the French text, copied", "“Python est un langage de programmation”"),
    ("copy", "warning", "Le dépôt accueillera les rames. Le chantier démarre cet automne.",
     "The depot will house the trains. Le chantier démarre cet automne.",
     "a sentence of the English is the French, copied",
     "“The depot will house the trains. Le chantier démarre cet automne.”"),
    ("brackets", "warning", "Voir la note (page 3).", "See the note (page 3.",
     "unbalanced ( ) in the English: 1 “(”, 0 “)”", "“See the note (page 3.”"),
    ("brackets", "warning", "Il dit « oui ».", 'He said "yes.',
     'an odd number of " in the English: a quotation left open', '“He said "yes.”'),
    ("doubled-word", "warning", "Le chat est là.", "The the cat is there.",
     "doubled word 'The the'", "“The the cat is there.”"),
]


@pytest.mark.parametrize("check, severity, fr, en, message, excerpt", PLANTED,
                         ids=[f"{p[0]}-{i}" for i, p in enumerate(PLANTED)])
def test_planted_mistake_is_reported_at_its_entry(check, severity, fr, en, message, excerpt):
    pairs = PAIRS[:3] + [(fr, en)] + PAIRS[3:6]
    findings = run_checks(entries(pairs), "translations/en/a.po")
    assert [(f.line, f.check, f.severity, f.message, f.excerpt) for f in findings] == [
        (40, check, severity, message, excerpt)]
    assert findings[0].path == "translations/en/a.po" and findings[0].msgid == fr


def test_finding_names_its_source_location_from_the_reference():
    entry = Entry("Il dit « oui ».", "He says « yes ».", line=7, references=("source_fr/x.md:12", "source_fr/x.md:30"))
    [finding] = run_checks([entry], "translations/en/x.po")
    assert finding.source == "source_fr/x.md:12"
    assert finding.as_text() == ("translations/en/x.po:7: error [typography] French quotation marks « » in English; "
                                 "use “ ” or \" \": “He says « yes ».” (source_fr/x.md:12)")


def test_an_image_after_a_word_is_no_french_spacing():
    for fr, en in [("Voir ![le plan](plan.png) ici.", "See ![the map](plan.png) here."),
                   ("Voir ![x](javascript:alert(1)).", "See ![x](javascript:alert(1))."),
                   ("Voir ![x] ici.", "See ![x] here.")]:  # shown as written: still no spacing
        assert [f.check for f in run_checks(entries(PAIRS[:3] + [(fr, en)]), "a.po")] == []
    pairs = PAIRS[:3] + [("Vraiment ! Voir ![le plan](plan.png).", "Really ! See ![the map](plan.png).")]
    assert [f.check for f in run_checks(entries(pairs), "a.po")] == ["spacing"]


LONG_FR = ("Le jardin ouvre ses portes chaque samedi matin aux habitants du quartier. Les enfants "
           "y apprennent à semer des radis et à arroser les tomates. Le soir, les bénévoles se "
           "retrouvent autour d'une soupe préparée avec la récolte du jour.")
LONG_EN = ("The garden opens its gates every Saturday morning to the people of the neighbourhood. "
           "Children learn to sow radishes and water the tomatoes there. In the evening, the "
           "volunteers meet over a soup made from the day's harvest.")


def test_a_dropped_sentence_is_a_warning():
    shorter = LONG_EN.split(". ")[0] + ". " + LONG_EN.split(". ")[2]
    pairs = PAIRS[:10] + [(LONG_FR, shorter)]
    findings = run_checks(entries(pairs), "a.po")
    assert [(f.check, f.severity, f.message) for f in findings] == [
        ("dropped-sentence", "warning", "3 sentences in French, 2 in English, and the English is "
                                        "69% of this file's usual length")]
    assert run_checks(entries(PAIRS[:10] + [(LONG_FR, LONG_EN)]), "a.po") == []


def test_a_sentence_the_aligner_links_to_nothing_is_a_dropped_sentence():
    """A QA lead's plants: one sentence left out of five leaves some 80% of the length, so
    the length rule alone caught 1 in 6; the HTML edition's sentence aligner sees it."""
    fr = ("Un protocole comme HTTP utilise un connecteur pour un seul transfert. Le client "
          "envoie une demande, puis lit une réponse. C'est tout. Le connecteur est mis au rebut. "
          "Cela signifie qu'un client peut détecter la fin de la réponse en recevant 0 octet.")
    en = ("A protocol like HTTP uses a socket for only one transfer. The client sends a request, "
          "then reads a reply. That's it. The socket is discarded. This means that a client can "
          "detect the end of the reply by receiving 0 bytes.")
    dropped = en.replace(" The socket is discarded.", "")
    findings = run_checks(entries(PAIRS[:10] + [(fr, dropped)]), "a.po")
    assert [(f.check, f.severity, f.excerpt) for f in findings] == [
        ("dropped-sentence", "warning", "“Le connecteur est mis au rebut.”")]
    assert findings[0].message.startswith("a sentence in French has no counterpart in the English, which is ")
    assert run_checks(entries(PAIRS[:10] + [(fr, en)]), "a.po") == []
    # a translator's own links say where each sentence went: the aligner is not asked
    assert run_checks(entries(PAIRS[:10] + [(fr, dropped, ["sentences: 1=1 | 2=2 | 3=3 | 4-5=4"])]), "a.po") == []


def test_length_ratio_far_outside_the_usual_is_a_warning_on_long_segments_only():
    long = "Une phrase assez longue pour compter dans le calcul du rapport des longueurs du fichier."
    pairs = PAIRS[:10] + [(long, "Yes."), ("Une phrase courte, ici.", "Yes.")]
    findings = run_checks(entries(pairs), "a.po")
    assert [(f.line, f.check, f.severity, f.excerpt) for f in findings] == [(110, "length-ratio", "warning", "“Yes.”")]
    assert findings[0].message.startswith("length ratio 0.05 is far from this file's usual ")


def test_a_translator_comment_silences_one_check_on_one_entry():
    pairs = [("Le 14 juillet 1789.", "On Bastille Day.")] * 2
    found = run_checks([Entry(pairs[0][0], pairs[0][1], line=1, translator_comments=("diglot-ignore: numbers",)),
                        Entry(pairs[1][0] + " ", pairs[1][1] + " ", line=2)], "a.po")
    assert [(f.line, f.check, f.message) for f in found] == [(2, "numbers", "14 and 1789 are missing from the English")]


def test_a_misspelt_ignore_comment_is_named_and_silences_nothing():
    found = run_checks(entries([("Il a 3 chats.", "He has 4 cats.", ["diglot-ignore: Number, all-checks"])]), "a.po")
    assert [(f.check, f.message) for f in found] == [
        ("ignore", "diglot-ignore names no check: 'number' (did you mean 'numbers'?); it silences nothing"),
        ("ignore", "diglot-ignore names no check: 'all-checks'; it silences nothing"),
        ("numbers", "3 is missing from the English; the English has 4 instead")]


def test_a_sentence_left_in_french_is_reported_with_the_entrys_other_problems():
    found = run_checks(entries([("Il a 3 chats. Le chantier démarre cet automne.",
                                 "He has 4 cats. Le chantier démarre cet automne.")]), "a.po")
    assert [f.check for f in found] == ["copy", "numbers"]


def test_an_autolink_changed_is_one_finding_and_a_space_before_a_percent_sign_in_brackets_counts():
    """A code review: an autolink was reported as a link and as an address; "50 % (roughly)"
    passed for a modulo."""
    found = run_checks(entries([("Voir <https://a.org/x>.", "See <https://a.org/y>."),
                                ("Environ 50 % (à peu près).", "About 50 % (roughly).")]), "a.po")
    assert [(f.check, f.message) for f in found] == [
        ("markup", "link URL changed: https://a.org/x → https://a.org/y"),
        ("spacing", "a space before % (French spacing); remove it")]


def test_brackets_pair_innermost_first_and_the_excerpt_shows_the_one_left_open():
    """A code review: "(see [1] and figure 3)" lost its ")" to an item's "3)"; the excerpt
    showed a code span's "(" far from the bracket left open."""
    from diglot.checks.model import Pair
    from diglot.checks.text import check_brackets

    assert check_brackets(Pair.of("Les deux cas (voir la note) sont traités.",
                                  "Both cases (see [1] and figure 3) are handled.")) == []
    long = "a long sentence that goes on " * 4
    found = check_brackets(Pair.of(f"Voir f(x), {long}, et la note (page 3).",
                                   f"See `f(x)`, {long}, and the note (page 3."))
    assert found[0].excerpt.endswith("and the note (page 3.”") and "f(x)" not in found[0].excerpt


def test_a_number_in_words_that_changed_is_told_beside_a_missing_figure():
    """Verne, read by a QA review: "(300 lieues)" missing hid 770 → 707 in words."""
    found = run_checks(entries([("Il fit sept cent soixante-dix milles (300 lieues).",
                                 "He made seven hundred and seven miles.")]), "a.po")
    assert [(f.check, f.message) for f in found] == [
        ("numbers", "300 is missing from the English"),
        ("spelled-numbers", "sept cent soixante-dix (770) has no English counterpart; the English "
                            "has seven hundred and seven (707) instead")]


def test_an_ignore_comment_does_not_silence_a_fuzzy_entry_whose_french_changed():
    entry = Entry("Le 14 juillet 2025.", "On 14 July 2024.", line=1, flags=("fuzzy",),
                  translator_comments=("diglot-ignore: numbers",))
    assert [(f.check, f.severity) for f in run_checks([entry], "a.po")] == [("numbers", "warning")]


def test_ignoring_markup_still_silences_emphasis_and_code():
    entry = Entry("Le **chat** et `ls`.", "The cat and ls.", line=1, translator_comments=("diglot-ignore: markup",))
    assert run_checks([entry], "a.po") == []


def test_fuzzy_entries_are_checked_as_warnings_marked_fuzzy():
    fuzzy = Entry("Plus de 3 500 personnes.", "More than 3,000 people.", line=5, flags=("fuzzy",))
    [finding] = run_checks([fuzzy, Entry("Vide."), Entry("Le **chat**.", "The cat.", obsolete=True)], "a.po")
    assert (finding.check, finding.severity, finding.message) == (
        "numbers", "warning", "fuzzy entry: 3 500 is missing from the English; the English has 3,000 instead")


def test_severities_can_be_overridden_per_check():
    pairs = [("Et maintenant ?", "Et maintenant ?"), ("Il dit « oui ».", "He says « yes ».")]
    found = run_checks(entries(pairs), "a.po", {"copy": "error", "typography": "off"})
    assert [(f.check, f.severity) for f in found] == [("copy", "error")]


@pytest.mark.parametrize("path", sorted(CASES.glob("*/*.po")) + [ROOT / "translations/en/llama-4.po"],
                         ids=lambda p: p.parent.name + "/" + p.name)
def test_shipped_translations_have_no_error_and_at_most_two_warnings(path):
    findings = run_checks(parse_po(path.read_bytes(), str(path)).entries, str(path))
    assert [f for f in findings if f.severity == "error"] == []
    assert len(findings) <= 2, [f.as_text() for f in findings]


@pytest.mark.parametrize("path", sorted(CASES.glob("*/pairs.json")), ids=lambda p: p.parent.name)
def test_case_pairs_have_no_error_and_at_most_two_warnings(path):
    findings = run_checks(entries(json.loads(path.read_text("utf-8"))), str(path))
    assert [f for f in findings if f.severity == "error"] == []
    assert len(findings) <= 2, [f.as_text() for f in findings]


LONG = "Une phrase assez longue pour compter dans le calcul du rapport des longueurs du fichier."
# Each example of the README's checks table, and a pair that gives it (after PAIRS[:10]).
README_EXAMPLES = {
    "link URL changed: https://a.org/x → https://a.org/y": ("Lire [ceci](https://a.org/x).", "Read [this](https://a.org/y)."),
    "address changed: contact@tcl.fr → contact@tcl.com": ("Écrivez à contact@tcl.fr.", "Write to contact@tcl.com."),
    "link to https://a.org/x is missing from the English": ("Lire [ceci](https://a.org/x).", "Read this."),
    "image img/a.png is missing from the English": ("Voir ![le schéma](img/a.png).", "See the diagram."),
    "footnote reference changed: [^1] → [^2]": ("Comme dit[^1], c'est vrai.", "As said[^2], it is true."),
    "hard line breaks: 1 in French, 0 in English: “Ligne un↵ligne deux.”": ("Ligne un\nligne deux.", "Line one line two."),
    "Markdown mark shown as text in the English only (*): an emphasis or code span left open, or a mark to "
    "escape with \\: “Notably *La Doua and Bron;”": ("Notamment *La Doua* et **Bron** ;", "Notably *La Doua and **Bron**;"),
    "50 appears 2× in French, 1× in English; the English has 5 instead: “Mélangez 50 g de farine et 50 g d'eau.” "
    "→ “Mix 5 g of flour and 50 g of water.”": ("Mélangez 50 g de farine et 50 g d'eau.", "Mix 5 g of flour and 50 g of water."),
    "12 is missing from the English: “Une hausse de 12 %.”": ("Une hausse de 12 %.", "A sharp rise."),
    "1,5 is written with a French decimal comma; English writes 1.5: “It is 1,5 times faster.”":
        ("Elle est 1,5 fois plus rapide.", "It is 1,5 times faster."),
    "French quotation marks « » in English; use “ ” or \" \": “He says « yes ».”": ("Il dit « oui ».", "He says « yes »."),
    "a French no-break space before ? ! : or ; in English; remove it: “Really\u202f?”": ("Vraiment\u202f?", "Really\u202f?"),
    "this msgid is not a segment of the French (its template has no such entry): the edition never shows "
    "its translation; run diglot update, or put back the French it edited": ("Le chat dort.", "The cat sleeps.", "edited"),
    "bold spans: 1 in French, 0 in English: French **chat**": ("Le **chat** dort.", "The cat sleeps."),
    "code `os.path.join` is not in the English: “Appelez `os.path.join` ici.”": ("Appelez `os.path.join` ici.", "Call `os.path.joint` here."),
    "code `ls` is in the English as plain text, not as code: “Run ls now.”": ("Lancez `ls` maintenant.", "Run ls now."),
    "2 has no French counterpart: “He has 3 cats and 2 dogs.”": ("Il a 3 chats.", "He has 3 cats and 2 dogs."),
    "2021 appears 2× in English, 1× in French: “In 2021, he has 3 cats (since 2021).”": ("En 2021, il a 3 chats.", "In 2021, he has 3 cats (since 2021)."),
    "cinq (5) has no English counterpart; the English has eight (8) instead: “Il a écrit cinq lignes.” → "
    "“He wrote eight lines.”": ("Il a écrit cinq lignes.", "He wrote eight lines."),
    "décembre in French is November in the English: “Le 21 décembre.” → “On 21 November.”":
        ("Le 21 décembre.", "On 21 November."),
    "a space before ? ! ; or : (French spacing); remove it: “Note : this.”": ("Note : ceci.", "Note : this."),
    "a no-break space in English where English has a plain space: “A\u00a0text.”": ("Un\u00a0texte.", "A\u00a0text."),
    "trailing whitespace differs: '' in French, ' ' in English": ("Un texte.", "A text. "),
    "the translation is the French text, copied: “Et maintenant ?”": ("Et maintenant ?", "Et maintenant ?"),
    "a sentence of the English is the French, copied: “See the page. Python est un langage de programmation.”":
        ("Voir la page. Python est un langage de programmation.", "See the page. Python est un langage de programmation."),
    "doubled word 'The the': “The the cat is there.”": ("Le chat est là.", "The the cat is there."),
    "unbalanced ( ) in the English: 1 “(”, 0 “)”: “See the note (page 3.”": ("Voir la note (page 3).", "See the note (page 3."),
    "length ratio 0.05 is far from this file's usual 1.01: “Yes.”": (LONG, "Yes."),
    "3 sentences in French, 2 in English, and the English is 69% of this file's usual length":
        (LONG_FR, LONG_EN.split(". ")[0] + ". " + LONG_EN.split(". ")[2]),
    "link to ../tram.md, a Markdown file that is no article of the edition: readers get a broken link":
        ("Voir [le tram](../tram.md).", "See [the tram](../tram.md).", "article"),
    "'# sentences: 1=1 | 2=2' is ignored: the comment links 2 English sentence(s) but the "
    "English has 1 now (French: 2 sentence(s), English: 1)":
        ("Il pleut. Nous restons.", "It rains, so we stay.", ["sentences: 1=1 | 2=2"]),
    "diglot-ignore names no check: 'number' (did you mean 'numbers'?); it silences nothing":
        ("Il a 3 chats.", "He has 3 cats.", ["diglot-ignore: number"]),
}


def readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    table = text[text.index("| id | severity | finds | example"):text.index("`diglot check --format json` gives")]
    cells = [re.split(r"(?<!\\) \| ", row)[-1].rstrip(" |").replace("\\|", "|")
             for row in table.splitlines()[2:] if row.startswith("| `")]
    examples = [e.strip() for cell in cells for e in cell.split("<br>")]
    return [e[2:-2].strip() if e.startswith("``") else e[1:-1] for e in examples]


# Checks over a whole project (test_check_cli.py): no one pair makes their findings.
PROJECT_EXAMPLES = ("translated otherwise in translations/en/a.po:26: “Well, he looks an honest man.”",)


def test_every_example_of_the_readme_is_what_the_checks_say():
    assert [e for e in readme_examples() if e not in PROJECT_EXAMPLES] == list(README_EXAMPLES)
    for example, pair in README_EXAMPLES.items():
        edited = pair[2:] == ("edited",)  # the msgid check: a French the template lacks
        marked = edited or pair[2:] == ("article",)  # article-link: an article in a folder
        known = frozenset(fr for fr, _ in PAIRS[:10]) | (set() if edited else {pair[0]})
        found = run_checks(entries(PAIRS[:10] + [pair[:2] if marked else pair]), "a.po", known=known,
                           edition=("2026/a", frozenset({"2026/a", "b"})))
        assert [f.message + (f": {f.excerpt}" if f.excerpt else "") for f in found] == [example]


def test_restyling_and_french_italics_on_words_the_english_writes_roman_are_no_loss():
    pairs = [("Le *slot* `tp_getattro` d'un type.", "A type's `tp_getattro` slot."),
             ("Contribution de *Inada Naoki*.", "Contributed by Inada Naoki."),
             ("Le type *bytes* ici.", "The `bytes` type here."),
             ("Renvoie un *n*-uplet.", "Returns a tuple."),
             # as many italics on each side, one holding more words: no count differs
             ("Les commerçants de la *Guillotière*.", "Shopkeepers in *La Guillotière*.")]
    assert run_checks(entries(pairs), "a.po") == []
    # a mark the French shows as text too, or one that the English drops, is no open span
    pairs = [("Calculez `2 * 3`.", "Compute 2 * 3."), ("Valeur *r* + *i*\\*1j.", "Value *r* + *i*\\*1j."),
             ("Le nom `__spam`.", "The name __spam."), ("Les alias `fail*`.", "The fail* aliases.")]
    assert [f for f in run_checks(entries(pairs), "a.po") if f.check == "markup"] == []
    # a name keeps its emphasis, and so does a word the English styles elsewhere in the file
    pairs = [("Le fichier *f* est fermé.", "The file f is closed."), ("Le *slot* libre.", "The free slot."),
             ("Un *slot* encore.", "One more *slot*.")]
    assert [(f.line, f.check) for f in run_checks(entries(pairs), "a.po")] == [(10, "emphasis"), (20, "emphasis")]


def test_a_link_to_the_same_sites_english_page_is_localised_not_changed():
    pairs = [("Voir [Wikipédia](https://fr.wikipedia.org/wiki/Lyon).",
              "See [Wikipedia](https://en.wikipedia.org/wiki/Lyon)."),
             ("Voir [la doc](https://docs.python.org/fr/3/library/os.html).",
              "See [the docs](https://docs.python.org/3/library/os.html)."),
             ("Voir [ceci](https://fr.wikipedia.org/wiki/Lyon).",
              "See [this](https://evil.example/en/wiki)."),
             ("Voir [ceci](https://a.org/fr/x).", "See [this](https://a.org/en/y).")]
    found = run_checks(entries(pairs), "a.po")
    assert [(f.line, f.message) for f in found] == [
        (30, "link URL changed: https://fr.wikipedia.org/wiki/Lyon → https://evil.example/en/wiki")]


def test_a_listed_item_left_in_roman_beside_one_kept_in_italics_is_a_loss():
    """A QA lead: the French habit of italics for foreign words excused a lost italic
    whenever the English wrote the word in roman, even beside its kept sibling."""
    pairs = [("Les valeurs sont *inline*, *attachment* ou ``None``.", "The values are inline, *attachment* or ``None``."),
             # a code review: an item of two words was no longer seen
             ("Le *Great Eastern*, le *Mongolia* et le *Rangoon*.", "The Great Eastern, *Mongolia* and *Rangoon*."),
             ("Un *wrapper* autour de *obj*.", "A wrapper around *obj*."),  # a foreign word: the habit
             ("Les paramètres *mode* et *openhook*.", "The parameters mode and openhook.")]
    assert [(f.line, f.check, f.message, f.excerpt) for f in run_checks(entries(pairs), "a.po")] == [
        (10, "emphasis", "italic spans: 2 in French, 1 in English", "French *inline*"),
        (20, "emphasis", "italic spans: 3 in French, 2 in English", "French *Great Eastern*")]


def test_french_words_left_inside_an_english_sentence_are_a_copy():
    """A QA lead: only a whole French sentence copied was caught (2 of 4 plants)."""
    pairs = [("Ce module fournit des fonctions pour lire les fichiers de configuration.",
              "This module provides fonctions pour lire les fichiers de configuration."),
             ("Le consul signa. Mr. Fogg acquitta les droits de visa, et, après avoir salué, il sortit.",
              "The consul signed. Mr. Fogg acquitta les droits de visa, et, après avoir salué."),
             ("Visitez le Musée des Beaux-Arts de Lyon.", "Visit the Musée des Beaux-Arts de Lyon."),  # a name
             ("Il répondit « le chat est dans la maison ».", "He answered “le chat est dans la maison”."),  # quoted
             # a code review: quoted, but with another apostrophe, or a word before the French
             ("Il répondit « c'est la vie, mon ami, que voulez-vous ».", "He answered “c’est la vie, mon ami, que voulez-vous”."),
             ("Il dit : « Oui, nous partirons pour la ville de Lyon. »", "He said: “Oui, nous partirons pour la ville de Lyon.”"),
             ("Copiez avec copy.copy(d), copy.deepcopy(d) et la suite.", "Copy with copy.copy(d), copy.deepcopy(d) and so on.")]
    assert [(f.line, f.check, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (10, "copy", "French words left in the English"), (20, "copy", "French words left in the English")]


def test_fractions_and_compound_ordinals_are_read_whole():
    """A QA lead's clean pairs: "158 1/2" against "158½" was an error, "soixante-seize jours"
    against "the seventy-sixth" 76 against 70 and 6; Verne's "cent quatre-vingtième méridien"
    is "the one hundred and eightieth meridian"."""
    pairs = [("Il restait 158 1/2 milles, soit 6 jours 1/2.", "There remained 158½ miles, six days and a half."),
             ("Il y avait soixante-seize jours.", "It was the seventy-sixth day."),
             ("Le cent quatre-vingtième méridien.", "The one hundred and eightieth meridian."),
             ("Le vingt et unième jour.", "The twenty-first day."),
             ("En Python 2 ou 3.", "In Python 2/3 code."),  # no fraction: the French's 2 and 3
             ("Il restait 158 1/2 milles.", "There remained 158¼ miles.")]
    assert [(f.line, f.check, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (60, "numbers", "1/2 is missing from the English; the English has ¼ instead")]


def test_every_day_and_round_the_clock_idioms_are_one_number():
    """A translator's review: "7 jours sur 7" → "7 days a week" was an error, "7 appears 2×
    in French"; a real change of the number still is one."""
    pairs = [("Le service fonctionne 7 jours sur 7.", "The service runs 7 days a week."),
             ("Ouvert 24 h/24 et 7 j/7.", "Open 24/7."),
             ("Il est joignable 24 heures sur 24.", "He can be reached 24 hours a day."),
             ("Il travaille 3 jours sur 5.", "He works 3 days out of 5."),
             ("Le service fonctionne 6 jours sur 7.", "The service runs 7 days a week."),
             ("Ouvert 7 jours sur 7.", "Open 7 days out of 7."),  # word for word: no extra 7
             ("Il veille 24 heures sur 24.", "He watches 24 hours out of 24.")]
    assert [(f.line, f.check, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (50, "numbers", "6 is missing from the English")]


def test_a_month_or_a_day_the_english_names_otherwise_is_an_error():
    """A QA lead planted "décembre" → "November" and "samedi" → "Sunday": only the figures of
    a date were compared."""
    pairs = [("Le 21 décembre, à Liverpool.", "On 21st November, in Liverpool."),
             ("Le mardi 3 mars 2026.", "On Thursday 3 May 2026."),
             ("La planète Mars, le 3 mai.", "The planet Mars, on May 3."),  # Mars is no month
             ("Le lendemain, samedi.", "The next day."),  # left out: rephrased
             ("Il partit en août.", "May I say he left in August?"),  # "May": a verb here
             ("Le 1er décembre, un dimanche.", "On Sunday, Dec. 1.")]
    assert [(f.line, f.check, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (10, "dates", "décembre in French is November in the English"),
        (20, "dates", "mars in French is May in the English; mardi in French is Thursday in the English")]


def test_a_link_to_the_same_place_with_or_without_www_or_https_is_no_change():
    """A QA lead: www.numpy.org → numpy.org and http → https were errors that fail a CI."""
    pairs = [("Voir [NumPy](https://www.numpy.org/).", "See [NumPy](https://numpy.org/)."),
             ("Voir [ceci](http://supervisord.org/).", "See [this](https://supervisord.org)."),
             ("Voir [ceci](http://a.org/x).", "See [this](https://a.org/y)."),
             ("Voir [ceci](https://www.a.org/x).", "See [this](https://www.b.org/x).")]
    assert [(f.line, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (30, "link URL changed: http://a.org/x → https://a.org/y"),
        (40, "link URL changed: https://www.a.org/x → https://www.b.org/x")]


def test_a_link_left_with_no_text_is_an_error():
    pairs = [("Voir [l'arbre](https://t.org/tree.htm) ici.", "See [](https://t.org/tree.htm) Tree here."),
             ("Voir [ ](https://t.org/a) et ![x](p.png).", "See [ ](https://t.org/a) and ![x](p.png)."),
             ("Voir [![le plan](p.png)](https://t.org/b).", "See [![the map](p.png)](https://t.org/b).")]
    assert [(f.line, f.check, f.message) for f in run_checks(entries(pairs), "a.po")] == [
        (10, "markup", "link to https://t.org/tree.htm has no text in the English: a reader cannot see it")]


def test_a_name_left_as_it_is_is_no_copy():
    pairs = [("Saint-Priest Bel Air", "Saint-Priest Bel Air"), ("Gare de la Part-Dieu", "Gare de la Part-Dieu"),
             ("Le tram de Lyon", "Le tram de Lyon"), ("ENTRÉE INTERDITE", "ENTRÉE INTERDITE"),
             ("Et la ?", "Et la ?")]
    assert [(f.line, f.check) for f in run_checks(entries(pairs), "a.po")] == [
        (30, "copy"), (40, "copy"), (50, "copy")]


def test_a_measure_left_as_it_is_is_no_copy_but_words_beside_it_are():
    pairs = [("1 min 20 s", "1 min 20 s"), ("120 Go en 3 min", "120 Go en 3 min"),
             ("3 chats noirs", "3 chats noirs"), ("Du 3 au 5 mai", "Du 3 au 5 mai"),
             ("2 ou 3 jours", "2 ou 3 jours")]
    assert [(f.line, f.check) for f in run_checks(entries(pairs), "a.po")] == [
        (30, "copy"), (40, "copy"), (50, "copy")]


def test_doubled_words_all_along_an_entry_are_one_finding():
    found = run_checks(entries([("Le chat.", "The the cat and and the dog dog.")]), "a.po")
    assert [(f.check, f.message) for f in found] == [
        ("doubled-word", "doubled word 'The the' (and 2 more)")]


def test_a_number_in_words_that_changed_is_a_warning_but_a_turn_of_phrase_is_not():
    pairs = [("Les deux premiers, puis les quatre suivants.", "The first two, then the next six."),
             ("Les deux langues, une paire de mots.", "Both languages, a pair of words."),
             ("Un bâtiment neuf et trois tours.", "A new building and three towers."),
             ("La troisième fois.", "The fourth time."),
             ("Il a cinq ans, soit 5 au total.", "He is five, 5 in all.")]
    found = run_checks(entries(pairs), "a.po")
    assert [(f.line, f.check, f.severity) for f in found] == [
        (10, "spelled-numbers", "warning"), (40, "spelled-numbers", "warning")]
    assert found[0].message == ("quatre (4) has no English counterpart; the English has six (6) instead")


def test_one_numbers_finding_per_entry_names_every_number_once():
    pairs = [("De 0 à 9, soit 10 valeurs, et 7 et 7.", "From 1 to 10, and 7."),
             ("Un 5 et un 6.", "A 5, a 6, a 7, an 8 and 8 again.")]
    found = run_checks(entries(pairs), "a.po")
    assert [(f.check, f.message) for f in found] == [
        ("numbers", "0 and 9 are missing from the English; 7 appears 2× in French, 1× in English; "
                    "the English has 1 instead"),
        ("extra-numbers", "7 and 8 (2× in English) have no French counterpart")]


def test_an_open_code_span_is_caught_and_an_escaped_mark_is_not():
    pairs = [("Lancez `make` puis", "Run `make then"), ("Le `x` est", "The `x` is *bad"),
             ("Le prix.", "The \\*price."), ("La touche", "Press the \\` key")]
    found = [(f.line, f.message.split(":")[0], f.excerpt)
             for f in run_checks(entries(pairs), "a.po") if f.check == "markup"]
    assert found == [(10, "Markdown mark shown as text in the English only (`)", "“Run `make then”"),
                     (20, "Markdown mark shown as text in the English only (*)", "“The … is *bad”")]


def test_a_number_is_not_counted_against_a_scaled_or_named_one():
    pairs = [("Il y a 50 villes et 50 millions d'habitants.", "There are 50 million people and many towns."),
             ("La ligne T6 remplace le bus 6.", "The T7 line replaces bus 6.")]
    assert [f.message for f in run_checks(entries(pairs), "a.po")] == [
        "50 is missing from the English", "T6 is missing from the English; the English has T7 instead"]


def test_a_figure_with_one_capital_a_to_f_is_a_figure_not_hexadecimal():
    pairs = [("Le modèle 70B est sorti.", "The 7B model is out."), ("Llama 405B est énorme.", "Llama is huge."),
             ("Le film est en 3D.", "The film is in 2D."), ("Le bus 12A passe.", "Bus 12A runs."),
             ("Le caractère U+00EA.", "The character."), ("La couleur #1E90FF.", "The colour.")]
    assert [f.message for f in run_checks(entries(pairs), "a.po")] == [
        "70 is missing from the English; the English has 7B instead", "405 is missing from the English",
        "3 is missing from the English; the English has 2 instead"]
