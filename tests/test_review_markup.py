"""Review documents and markup: images and footnote calls are shown as their Markdown (in the
Markdown Source style) and read back as written; an edit inside one (an alt text) is an
edit; an edit that takes an image, a link address or a footnote call out of a translation is
a conflict, never a silent loss. Tables, figures and notes are rows like any other."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from project_fixture import Proj
from support import png

SOFFICE = shutil.which("soffice")
PNG = png(40, 20)
SOURCE = """# Le quai

Une piste ![Une piste cyclable](images/quai.png "Le quai") longe le quai[^1].

| Ville | Pistes |
|-------|-------:|
| Lyon | 12 km |

![Le quai au matin](images/quai.png)

Voir [le plan](https://example.org/plan).

[^1]: Selon la mairie.
"""
INLINE = 'Une piste ![Une piste cyclable](images/quai.png "Le quai") longe le quai[^1].'
ENGLISH = {
    "Le quai": "The quay",
    INLINE: 'A ![A cycle lane](images/quai.png "The quay") runs along the quay[^1].',
    "Ville": "Town", "Pistes": "Lanes", "Lyon": "Lyons", "12 km": "12 km",
    "Le quai au matin": "The quay in the morning",
    "Voir [le plan](https://example.org/plan).": "See [the map](https://example.org/plan).",
    "Selon la mairie.": "According to the town hall.",
}


@pytest.fixture
def proj(make_project):
    return make_project({"quai": SOURCE}, {"quai": ENGLISH}, files={"source_fr/images/quai.png": PNG},
                        name="edition", runs=[("review", "export", "quai")])


def _export(p: Proj) -> Path:
    result = p.run("review", "export", "quai")
    assert result.exit_code == 0, result.output
    return p.root / result.output.strip()


def _document(p: Proj) -> Path:
    """The review document ``review export`` wrote when the project was made (the bytes it
    writes now: export is deterministic), made once a session."""
    return p.root / "build/review/quai.en.docx"


def _row(document, msgid: str):
    """The table row whose French cell reads like ``msgid`` (markup shown as written)."""
    for row in document.tables[0].rows[1:]:
        if row.cells[1].text.replace("\n", " ") in (msgid, _plain(msgid)):
            return row
    raise AssertionError(f"no row for {msgid!r}")


def _plain(msgid: str) -> str:
    return msgid.replace("[le plan](https://example.org/plan)", "le plan")


def _english_runs(document, msgid: str):
    return _row(document, msgid).cells[2].paragraphs[0].runs


def test_images_and_note_calls_are_shown_as_markdown_in_their_own_style(proj):
    document = Document(str(_export(proj)))
    runs = _english_runs(document, INLINE)
    shown = [(r.text, r.style.name) for r in runs]
    assert ('![A cycle lane](images/quai.png "The quay")', "Markdown Source") in shown
    assert ("[^1]", "Markdown Source") in shown
    assert proj.run("review", "import", str(_export(proj))).exit_code == 0


def test_editing_an_alt_text_and_a_cell_changes_exactly_those_entries(proj, tmp_path):
    path = _document(proj)
    if SOFFICE:  # what a reviewer's LibreOffice writes back
        path = _resave(path, tmp_path)
    before = proj.entries("quai")
    document = Document(str(path))
    for run in _english_runs(document, INLINE):
        run.text = run.text.replace("A cycle lane", "A bike lane")
    _row(document, "Lyon").cells[2].paragraphs[0].runs[0].text = "Lyon"
    _row(document, "Le quai au matin").cells[2].paragraphs[0].runs[0].text = "The quay at dawn"
    document.save(str(path))
    result = proj.run("review", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "3 rows changed" in result.output
    after = proj.entries("quai")
    assert after[INLINE].msgstr == ('A ![A bike lane](images/quai.png "The quay") runs along '
                                    "the quay[^1].")
    assert after["Lyon"].msgstr == "Lyon"
    assert after["Le quai au matin"].msgstr == "The quay at dawn"
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {INLINE, "Lyon", "Le quai au matin"}


@pytest.mark.parametrize("drop, lost", [
    ('![A cycle lane](images/quai.png "The quay")', "the image images/quai.png"),
    ("[^1]", "the footnote call [^1]"),
])
def test_an_edit_that_takes_markup_out_is_a_conflict(proj, drop, lost):
    path = _document(proj)
    document = Document(str(path))
    for run in _english_runs(document, INLINE):
        if run.text == drop:
            run.text = ""
    document.save(str(path))
    po = proj.root / "translations/en/quai.po"
    result = proj.run("review", "import", str(path))
    assert result.exit_code == 1, result.output
    assert f"the edit takes out {lost}; not applied" in result.output
    entry = proj.entries("quai")[INLINE]
    assert entry.msgstr == ENGLISH[INLINE]
    assert any(c.startswith("review suggestion: ") for c in entry.translator_comments)
    assert "images/quai.png" in po.read_text()


def test_unlinking_a_link_is_a_conflict(proj):
    path = _document(proj)
    document = Document(str(path))
    paragraph = _row(document, "Voir [le plan](https://example.org/plan).").cells[2].paragraphs[0]
    link = paragraph._p.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink")
    for run in list(link):
        link.addprevious(run)  # what "Remove Hyperlink" leaves: the same words, no link
    link.getparent().remove(link)
    document.save(str(path))
    result = proj.run("review", "import", str(path))
    assert result.exit_code == 1
    assert "the edit takes out the link to https://example.org/plan; not applied" in result.output
    assert proj.entries("quai")["Voir [le plan](https://example.org/plan)."].msgstr == \
        "See [the map](https://example.org/plan)."


def _resave(path: Path, tmp_path: Path) -> Path:
    out, profile = tmp_path / "lo-out", tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / path.name
