"""QA checks: each planted mistake is reported at its entry; good translations pass clean."""

from __future__ import annotations

import json

import pytest

from diglot.checks import run_checks
from diglot.po.model import Entry
from support import CASES

PAIRS = json.loads((CASES / "showcase" / "pairs.json").read_text("utf-8"))
GOOD = [
    ("Llama 3 (décembre 2023)\u00a0: le modèle 70B coûte 1 250,5 €.", "Llama 3 (December 2023): the 70B model costs €1,250.5."),
    ("Les dépenses pourraient atteindre 65 milliards de dollars.", "Spending could reach $65 billion."),
    ("La hausse est de 12 % depuis le 14 juillet 1789.", "The rise is 12% since 14 July 1789."),
    ("Il a dit « bonjour » et est parti\u202f!", "He said “hello” and left!"),
    ("Un service disponible 24h/24 et 7j/7.", "A service available 24/7."),
    ("Python 3.11 ajoute `match`, voir [la doc](https://docs.python.org).",
     "Python 3.11 adds `match`, see [the docs](https://docs.python.org)."),
]


def entries(pairs, **extra):
    return [Entry(fr, en, line=10 * i, **extra) for i, (fr, en) in enumerate(pairs, 1)]


def test_faithful_translations_have_no_findings_at_all():
    assert run_checks(entries(PAIRS + GOOD), "en.po") == []


PLANTED = [
    ("markup", "Le **chat** dort.", "The cat sleeps."),
    ("markup", "Voir *ceci* ici.", "See this here."),
    ("markup", "Lancez `ls` maintenant.", "Run ls now."),
    ("markup", "Lire [ceci](https://a.org/x).", "Read [this](https://a.org/y)."),
    ("markup", "Lire [ceci](https://a.org/x) maintenant.", "Read this now, right away."),
    ("markup", "Ligne un\nligne deux.", "Line one line two."),
    ("numbers", "Il coûte 1 250,5 euros.", "It costs 1,205.5 euros."),
    ("numbers", "Ils étaient 65 milliards.", "There were 56 billion."),
    ("numbers", "Le 14 juillet 1789.", "On 14 July 1798."),
    ("numbers", "Une hausse de 12 %.", "A rise of 21%."),
    ("typography", "Il dit « oui ».", "He says « yes »."),
    ("typography", "Vraiment\u202f?", "Really\u202f?"),
    ("spacing", "Vraiment ?", "Really ?"),
    ("whitespace", "Un texte.", "A text. "),
    ("copy", "Python est un langage de programmation", "Python est un langage de programmation"),
    ("doubled-word", "Le chat est là.", "The the cat is there."),
]


@pytest.mark.parametrize("check, fr, en", PLANTED, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(PLANTED)])
def test_planted_mistake_is_reported_at_its_entry(check, fr, en):
    pairs = PAIRS[:3] + [(fr, en)] + PAIRS[3:6]
    findings = run_checks(entries(pairs), "translations/en/a.po")
    assert [(f.line, f.check) for f in findings] == [(40, check)]
    assert findings[0].path == "translations/en/a.po"


def test_length_ratio_far_outside_the_usual_is_a_warning():
    pairs = PAIRS[:10] + [("Une phrase assez longue pour compter dans le calcul du rapport.", "Yes.")]
    findings = run_checks(entries(pairs), "a.po")
    assert [(f.check, f.severity) for f in findings] == [("length-ratio", "warning")]


def test_a_translator_comment_silences_one_check_on_one_entry():
    pairs = [("Le 14 juillet 1789.", "On Bastille Day.")] * 2
    found = run_checks([Entry(pairs[0][0], pairs[0][1], line=1, translator_comments=("diglot-ignore: numbers",)),
                        Entry(pairs[1][0] + " ", pairs[1][1] + " ", line=2)], "a.po")
    assert [(f.line, f.check) for f in found] == [(2, "numbers"), (2, "numbers")]


def test_fuzzy_untranslated_and_obsolete_entries_are_not_checked():
    bad = ("Le **chat**.", "The cat.")
    assert run_checks([Entry(*bad, flags=("fuzzy",)), Entry(bad[0]), Entry(*bad, obsolete=True)], "a.po") == []
