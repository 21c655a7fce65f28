"""``diglot check`` through the CLI: the exact lines a translator reads, the JSON, the exit
code, and the ``severity`` setting."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from diglot.po.writer import dump_po
from project_fixture import Proj

SOURCE = """# Le marché

Mélangez 50 g de farine et 50 g d'eau.

Et maintenant ?

Lire [la suite](https://exemple.org/suite).

Le **chat** dort.
"""
ENGLISH = {"Le marché": "The Market", "Mélangez 50 g de farine et 50 g d'eau.": "Mix 5 g of flour and 50 g of water.",
           "Et maintenant ?": "Et maintenant ?", "Lire [la suite](https://exemple.org/suite).": "Read [more](https://example.org/more).",
           "Le **chat** dort.": "The cat sleeps."}


@pytest.fixture
def proj(make_project):
    return make_project({"a": SOURCE}, {"a": ENGLISH})


def line_of(proj: Proj, msgid: str) -> int:
    return next(e.line for e in proj.po("a").entries if e.msgid == msgid)


def test_text_output_shows_the_problem_and_where_it_is(proj):
    result = proj.run("check")
    assert result.exit_code == 1
    l3, l5, l7, l9 = (line_of(proj, m) for m in list(ENGLISH)[1:])
    assert result.output.splitlines() == [
        f"translations/en/a.po:{l3}: error [numbers] 50 appears 2× in French, 1× in English; the English has 5 "
        f"instead: “Mélangez 50 g de farine et 50 g d'eau.” → “Mix 5 g of flour and 50 g of water.” (source_fr/a.md:3)",
        f"translations/en/a.po:{l5}: warning [copy] the translation is the French text, copied: “Et maintenant ?” "
        f"(source_fr/a.md:5)",
        f"translations/en/a.po:{l7}: error [markup] link URL changed: https://exemple.org/suite → "
        f"https://example.org/more (source_fr/a.md:7)",
        f"translations/en/a.po:{l9}: warning [emphasis] bold spans: 1 in French, 0 in English: French **chat** "
        f"(source_fr/a.md:9)",
        "2 error(s), 2 warning(s)",
    ]


def test_json_keeps_its_keys_and_adds_source_msgid_and_excerpt(proj):
    result = proj.run("check", "--format", "json")
    assert result.exit_code == 1
    first = json.loads(result.output)[0]
    assert first == {"path": "translations/en/a.po", "line": line_of(proj, "Mélangez 50 g de farine et 50 g d'eau."),
                     "check": "numbers", "severity": "error",
                     "message": "50 appears 2× in French, 1× in English; the English has 5 instead",
                     "source": "source_fr/a.md:3", "msgid": "Mélangez 50 g de farine et 50 g d'eau.",
                     "excerpt": "“Mélangez 50 g de farine et 50 g d'eau.” → “Mix 5 g of flour and 50 g of water.”"}


def test_fuzzy_entries_warn_and_say_so(proj):
    catalog = proj.po("a")
    catalog.entries = [replace(e, flags=("fuzzy",)) if e.msgid.startswith("Mélangez") or e.msgid.startswith("Lire")
                       else e for e in catalog.entries]
    (proj.root / "translations/en/a.po").write_bytes(dump_po(catalog))
    result = proj.run("check")
    assert result.exit_code == 0
    assert [line.split(": ", 2)[1] for line in result.output.splitlines()[:-1]] == [
        "warning [numbers] fuzzy entry", "warning [copy] the translation is the French text, copied",
        "warning [markup] fuzzy entry", "warning [emphasis] bold spans"]
    assert result.output.splitlines()[-1] == "0 error(s), 4 warning(s)"


def test_severity_setting_turns_checks_off_or_into_errors(proj):
    proj.write("diglot.toml", 'severity = {numbers = "warning", markup = "off", copy = "error"}\n')
    result = proj.run("check", "--format", "json")
    assert result.exit_code == 1
    assert [(f["check"], f["severity"]) for f in json.loads(result.output)] == [
        ("numbers", "warning"), ("copy", "error"), ("emphasis", "warning")]
    proj.write("diglot.toml", 'severity = {numbers = "off", markup = "off", copy = "off", emphasis = "off", spacing = "off"}\n')
    result = proj.run("check")
    assert (result.exit_code, result.output) == (0, "0 error(s), 0 warning(s)\n")


@pytest.mark.parametrize("setting, message", [
    ('severity = {nombres = "off"}', "'severity' names an unknown check 'nombres' (known checks: markup, numbers,"),
    ('severity = {copy = "fatal"}', "'severity' for 'copy' must be one of error, warning, off, not 'fatal'"),
    ('severity = "off"', "'severity' must be a table of check = severity, not 'off'"),
    # a new user: the same setting written as a table of its own gave no line
    ('[severity]\ncopy = "fatal"', "'severity' for 'copy' must be one of error, warning, off, not 'fatal'"),
])
def test_a_wrong_severity_setting_names_file_and_line(proj, setting, message):
    proj.write("diglot.toml", f"title = 'x'\n{setting}\n")
    result = proj.run("check")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: diglot.toml:2: {message}")


@pytest.mark.parametrize("locations", ["full", "file"])
def test_a_source_name_with_spaces_is_named_whole(make_project, locations):
    # A #: line separates references with spaces, so "Mon été.md:3" is two tokens there.
    proj = make_project({"2026/Mon été": SOURCE}, {"2026/Mon-ete": ENGLISH},
                        config=f'locations = "{locations}"\n')
    result = proj.run("check", "--format", "json")
    sources = {finding["source"] for finding in json.loads(result.output)}
    where = {"full": {f"source_fr/2026/Mon été.md:{n}" for n in (3, 5, 7, 9)},
             "file": {"source_fr/2026/Mon été.md"}}[locations]
    assert result.exit_code == 1 and sources == where


def test_a_msgid_edited_in_the_po_file_is_an_error_at_its_line(proj):
    po = proj.po_path("a")
    po.write_bytes(po.read_bytes().replace(b'msgid "Le **chat** dort."', b'msgid "Le chat dort."'))
    before = proj.snapshot()
    result = proj.run("check")
    line = line_of(proj, "Le chat dort.")
    assert (f"translations/en/a.po:{line}: error [msgid] this msgid is not a segment of the French "
            "(its template has no such entry)") in result.output
    assert result.exit_code == 1 and proj.snapshot() == before
    proj.root.joinpath("translations/templates/a.pot").unlink()  # no template: nothing said
    assert "[msgid]" not in proj.run("check").output


def test_a_source_every_other_command_refuses_stops_check_too(proj):
    proj.source("a", SOURCE.replace("# Le marché", "---\ntitle: Le marché : un jour\n---"))
    before = proj.snapshot()
    result = proj.run("check")
    assert result.exit_code == 2 and proj.snapshot() == before
    assert result.output.splitlines() == [
        'Error: source_fr/a.md:2: front matter is not valid YAML (mapping values are not '
        'allowed here); a value holding ": " needs quotes: title: "Le tramway : vingt-cinq ans"']


@pytest.mark.parametrize("image, message", [
    ("images/voie.png", "image 'images/voie.png' not found (no file source_fr/images/voie.png)"),
    ("../../secret.png", "image '../../secret.png' is outside the project")])
def test_an_image_the_build_refuses_stops_check_too(proj, image, message):
    """A new user: check passed an article whose picture was missing; build then failed."""
    proj.source("a", SOURCE + f"\n![Schéma de la voie]({image})\n")
    assert proj.run("update").exit_code == 0
    before = proj.snapshot()
    result = proj.run("check")
    assert result.exit_code == 2 and proj.snapshot() == before
    assert result.output.startswith(f"Error: source_fr/a.md:11: {message}")


def test_serve_s_check_does_not_read_the_source_again(proj):
    """diglot serve checks a page's PO file after its rebuild read the source: ``sources=False``."""
    from diglot.commands.check import check
    from diglot.project import Project

    proj.source("a", SOURCE.replace("# Le marché", "---\ntitle: Le marché : un jour\n---"))
    findings = check(Project.load(proj.root), ["a"], ("en",), sources=False)
    assert {f.check for f in findings} >= {"numbers"}  # the PO file's findings, no error raised


def test_with_fallback_fail_an_unfinished_translation_is_still_checked(make_project):
    """A code review: with ``fallback = "fail"`` (a CI gate's setting) check stopped on the
    untranslated segment and exited 2 without a finding."""
    proj = make_project({"a": SOURCE}, {"a": {k: v for k, v in ENGLISH.items()
                                              if k != "Le **chat** dort."}})
    proj.write("diglot.toml", 'fallback = "fail"\n')
    result = proj.run("check")
    assert result.exit_code == 1, result.output
    assert "error [numbers] 50 appears 2× in French, 1× in English" in result.output


def test_an_article_without_a_po_file_is_named_as_not_checked(make_project):
    proj = make_project({"a": "Un texte.\n", "b": "Un autre texte.\n"}, update=False)
    result = proj.run("check")
    assert result.exit_code == 0
    assert "Warning: translations/en/a.po and 1 more: no translation file yet; run diglot update " \
           "to create it (meanwhile nothing of it is checked)" in result.output.splitlines()
    assert proj.run("update").exit_code == 0
    assert "Warning" not in proj.run("check").output


def test_one_french_segment_translated_two_ways_in_the_project_is_a_warning(make_project):
    """A QA lead: the same French in two articles, two Englishes, and nothing said."""
    french = "Eh bien, répondit le consul, il a l'air d'un parfait honnête homme."
    proj = make_project({"a": f"# Un\n\n{french}\n", "b": f"# Deux\n\n{french}\n", "c": f"# Trois\n\n{french}\n"},
                        {"a": {"Un": "One", french: "Well, said the consul, he looks an honest man."},
                         "b": {"Deux": "Two", french: "Well, said the consul, he looks  an honest man."},
                         "c": {"Trois": "Three", french: "“Well,” replied the consul, “he seems honest!”"}})
    result = proj.run("check", "--format", "json")
    found = [f for f in json.loads(result.output) if f["check"] == "consistency"]
    line = next(e.line for e in proj.po("a").entries if e.msgid == french)
    assert [(f["path"], f["severity"], f["message"]) for f in found] == [
        ("translations/en/c.po", "warning", f"translated otherwise in translations/en/a.po:{line}: "
         "“Well, said the consul, he looks an honest man.”")]  # spacing aside, a and b agree
    assert found[0]["excerpt"] == "““Well,” replied the consul, “he seems honest!””"
    proj.edit("c", {french: {"translator_comments": ("diglot-ignore: consistency",)}})
    assert "consistency" not in proj.run("check").output
