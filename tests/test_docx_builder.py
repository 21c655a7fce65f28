"""The DOCX print edition: golden document.xml, read-back with python-docx, raw OOXML facts,
fallback marks, the edition file and determinism (its build time is measured in bench/).
Regenerate the golden file with ``DIGLOT_REGEN=1 pytest tests/test_docx_builder.py``."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from lxml import etree

import support
from diglot.builders import BuildContext, get_builder
from diglot.ooxml import xml as docx_xml
from diglot.builders.docx.lists import ListTracker
from diglot.config import Config
from diglot.source.inline import plain_text
from diglot.typography import typeset_plain
from diglot.locales import build_time
from diglot.model import ListLevel

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
GOLDEN = support.CASES / "showcase" / "showcase.document.xml"
BUILDER = get_builder("docx")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def context(**settings) -> BuildContext:
    return BuildContext("Jardins et machines", Config(**settings), build_time())


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def xml(data: bytes, name: str = "word/document.xml"):
    return etree.fromstring(part(data, name))


@pytest.fixture(scope="module")
def showcase_docx() -> bytes:
    with pytest.MonkeyPatch.context() as patch:  # runs before conftest's autouse fixture
        patch.setenv("SOURCE_DATE_EPOCH", "1795000000")
        return BUILDER.article(support.showcase(), context())


@pytest.fixture(scope="module")
def document(showcase_docx):
    return docx.Document(io.BytesIO(showcase_docx))


def cell_texts(table):
    """(left, right) texts of two-cell rows, read through python-docx's table API."""
    rows = [list({c._tc: c.text for c in row.cells}.values()) for row in table.rows]
    return [tuple(cells) for cells in rows if len(cells) == 2]


def styles_of(table, text: str) -> set[str]:
    return {p.style.name for row in table.rows for c in row.cells for p in c.paragraphs
            if p.text.startswith(text)}


def test_golden_document_xml(showcase_docx):
    """word/document.xml pretty-printed by lxml (never the zip bytes)."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(part(showcase_docx, "word/document.xml"), parser)
    got = etree.tostring(root, pretty_print=True, encoding="unicode")
    if os.environ.get("DIGLOT_REGEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_one_two_column_table_with_every_pair(document):
    assert len(document.tables) == 1
    table = document.tables[0]
    assert len(table.columns) == 2
    rows = cell_texts(table)
    assert rows[0] == ("Français", "English")
    assert rows[1] == ("Le jardin partagé de la rue des Lilas",
                       "The Shared Garden on Rue des Lilas")
    assert rows[2] == ("Camille Martin · 27 novembre 2026", "Camille Martin · 27 November 2026")
    assert any("<script>alert(1)</script> & under-10s" in en for _, en in rows)
    pairs = json.loads((support.CASES / "showcase" / "pairs.json").read_text("utf-8"))
    prose = pairs[:23]  # tables, figures, notes and calls: tested on their own below
    # The French column is typeset (no-break spaces, ’): the PO's msgids are not.
    positions = [rows.index((typeset_plain(plain_text(fr), "fr"), plain_text(en)))
                 for fr, en in prose]
    assert positions == sorted(positions)


def test_real_styles_in_cells(document):
    table = document.tables[0]
    expected = {"Une idée de voisins": "Heading 2", "What We Grow": "Heading 3",
                "Nous voulions": "Quote", "Des légumes de saison": "List Bullet",
                "heirloom tomatoes": "List Bullet 2", "Chaque parcelle": "List Number",
                "never in full sun": "List Number 2", "$ recoltes": "Code Block",
                "Ce mois-ci": "Body Text", "The Shared Garden": "Title Translation"}
    assert {text: styles_of(table, text) for text in expected} == {
        text: {style} for text, style in expected.items()}


def test_fonts_live_in_styles_and_code_spans_the_row(showcase_docx):
    root = xml(showcase_docx)
    assert not root.findall(".//w:r/w:rPr/w:rFonts", NS)
    assert not root.findall(".//w:r/w:rPr/w:sz", NS)
    styles = xml(showcase_docx, "word/styles.xml")
    code = styles.find("w:style[@w:styleId='CodeBlock']", NS)
    assert code.find("w:rPr/w:rFonts", NS).get(q("ascii")) == "Courier New"
    code = [tc for tc in root.iter(q("tc"))  # the code block: once, across both columns
            if tc.find(".//w:pStyle[@w:val='CodeBlock']", NS) is not None]
    assert len(code) == 1
    assert code[0].find("w:tcPr/w:gridSpan", NS).get(q("val")) == "2"
    assert len(code[0].findall(".//w:br", NS)) == 2  # three lines, no trailing empty one


def test_header_row_repeats_and_headings_stay_with_next(showcase_docx):
    rows = xml(showcase_docx).findall("w:body/w:tbl/w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    headings = [r for r in rows if r.find(".//w:pStyle[@w:val='Heading2']", NS) is not None]
    assert headings and all(r.find("w:trPr/w:cantSplit", NS) is not None for r in headings)
    assert all(r.find(".//w:pPr/w:keepNext", NS) is not None for r in headings)
    long = "mot " * 200  # long paragraph rows may break across pages
    doc = support.bilingual_from(f"# T\n\n{long}\n", [["T", "T"], [long.strip(), "word " * 200]])
    rows = xml(BUILDER.article(doc, context())).findall("w:body/w:tbl/w:tr", NS)
    assert rows[-1].find("w:trPr/w:cantSplit", NS) is None


def test_every_run_has_its_configurable_language(showcase_docx):
    rows = [tr.findall("w:tc", NS) for tr in xml(showcase_docx).findall(".//w:tbl/w:tr", NS)]
    for tc, lang in ((tc, lang) for cells in rows if len(cells) == 2
                     for tc, lang in zip(cells, ("fr-FR", "en-GB"))):
        runs = tc.findall(".//w:r", NS)
        # code: the language with a private-use subtag, so that LibreOffice leaves it whole
        assert runs and {r.find("w:rPr/w:lang", NS).get(q("val")).removesuffix("-x-code")
                         for r in runs} == {lang}
        for r in runs:
            style = r.find("w:rPr/w:rStyle", NS)
            is_code = style is not None and "Code" in style.get(q("val"))
            assert r.find("w:rPr/w:lang", NS).get(q("val")).endswith("-x-code") == is_code
    data = BUILDER.article(support.showcase(), context(proofing={"fr": "fr-CA", "en": "en-US"}))
    assert {e.get(q("val")).removesuffix("-x-code") for e in xml(data).iter(q("lang"))} == \
        {"fr-CA", "en-US"}


def test_inline_markup_becomes_runs_links_and_breaks(showcase_docx):
    root = xml(showcase_docx)
    texts = lambda prop: {r.findtext("w:t", namespaces=NS) for r in root.iter(q("r"))
                          if r.find(f"w:rPr/{prop}", NS) is not None}
    assert texts("w:b") == {"dix ans", "tenth anniversary"}
    assert texts("w:i") == {"douze voisins", "twelve neighbours"}
    assert texts("w:rStyle[@w:val='InlineCode']") == {"recoltes --annee 2026"}
    assert texts("w:rStyle[@w:val='InlineCodeTable']") == {"n/c"}  # a point smaller, as the cell
    links = root.findall(".//w:hyperlink", NS)[:2]  # then the reference-style links
    assert len(root.findall(".//w:hyperlink", NS)) == 4
    # French and English; each paragraph then has its hard break
    assert all(link.getparent().find("w:r/w:br", NS) is not None for link in links)
    rid = links[0].get(f"{{{R}}}id")
    rel = next(r for r in xml(showcase_docx, "word/_rels/document.xml.rels")
               if r.get("Id") == rid)
    assert (rel.get("Target"), rel.get("TargetMode")) == (
        "https://example.org/jardin-lilas", "External")
    assert links[1].get(f"{{{R}}}id") == rid  # one relationship per URL
    para = docx_xml.paragraph(docx_xml.el("w:body"), None)  # text XML cannot hold is dropped
    docx_xml.verbatim(para, "\x1b[1mgras\x0c", "fr-FR")  # (the reader refuses it in sources)
    assert etree.tostring(para, method="text", encoding="unicode") == "[1mgras"


def test_numbered_lists_restart_per_list_and_column(showcase_docx):
    root = xml(showcase_docx)
    numbering = xml(showcase_docx, "word/numbering.xml")
    ids = [p.find("w:pPr/w:numPr/w:numId", NS).get(q("val"))
           for p in root.iter(q("p")) if p.find("w:pPr/w:numPr", NS) is not None]
    # French and English outer lists, then each column's nested list: four lists.
    assert len(ids) == 10 and len(set(ids)) == 4
    abstracts = {numbering.find(f"w:num[@w:numId='{i}']/w:abstractNumId", NS).get(q("val"))
                 for i in ids}
    assert len(abstracts) == 4  # LibreOffice counts one definition as one list
    for ident in abstracts:
        abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{ident}']", NS)
        assert abstract.find("w:lvl/w:start", NS).get(q("val")) == "1"
    tracker = ListTracker()  # list keys: a new list after a non-list block or a new item
    one, two = ListLevel(True, 1), ListLevel(True, 2)
    nested = (replace(two, first=False), ListLevel(True, 1))
    keys = [tracker.see(levels) for levels in ((one,), (two,), nested, (), (one,))]
    assert keys[0] == keys[1] and keys[2] not in keys[:2] and keys[3] is None
    assert keys[4] not in keys[:3]


def test_page_setup_running_heads_and_properties(document):
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.header.paragraphs[0].text == ("Le jardin partagé de la rue des Lilas\t"
                                                  "The Shared Garden on Rue des Lilas")
    assert [t.text for t in section.footer._element.iter(q("instrText"))] == [" PAGE "]
    core = document.core_properties
    assert (core.title, core.author, core.language) == (
        "Le jardin partagé de la rue des Lilas", "Camille Martin", "fr-FR")
    assert core.subject.startswith("The Shared Garden on Rue des Lilas")
    assert core.created == core.modified and core.created.isoformat().startswith("2026-11-18")


def test_letter_paper_and_bordered_review_look(showcase_docx):
    borders = lambda data: {b.get(q("val")) for b in xml(data).find(".//w:tblBorders", NS)}
    assert borders(showcase_docx) == {"nil"}  # the book look by default: no visible grid
    data = BUILDER.article(support.showcase(), context(page_size="Letter", docx_borders=True))
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (12240, 15840)
    assert borders(data) == {"single"}


def test_rebuilds_are_identical(showcase_docx):
    again = BUILDER.article(support.showcase(), context())  # SOURCE_DATE_EPOCH is set
    for name in ("word/document.xml", "docProps/core.xml", "word/numbering.xml",
                 "word/styles.xml", "word/_rels/document.xml.rels"):
        assert part(again, name) == part(showcase_docx, name), name


DROP = ("Une idée de voisins",)
FUZZY = ("Les règles du jardin",)


def right_cell(data: bytes, french: str):
    rows = [tr.findall("w:tc", NS) for tr in xml(data).findall(".//w:tbl/w:tr", NS)]
    return next(c[1] for c in rows if len(c) == 2 and "".join(c[0].itertext()) == french)


def test_fallback_policies_mark_untranslated_cells():
    data = BUILDER.article(support.showcase(drop=DROP, fuzzy=FUZZY), context())
    for french, note in ((DROP[0], "Not yet translated"), (FUZZY[0], "Translation under review")):
        cell = right_cell(data, french)
        assert cell.find("w:tcPr/w:shd", NS).get(q("fill")) == "EDEDED"
        paras = cell.findall("w:p", NS)  # the text first, level with the French; then the note
        assert "".join(paras[0].itertext()) == typeset_plain(french, "fr")
        assert {e.get(q("val")) for e in paras[0].iter(q("lang"))} == {"fr-FR"}
        assert "".join(paras[1].itertext()).startswith(note)
    text = "".join(xml(data).itertext())
    assert "the French original is shown" in text
    # The French legend is French as a typesetter sets it (and says "en anglais").
    assert ("Les passages grisés de la colonne en anglais ne sont pas encore traduits ou sont "
            "en révision\u202f; l’original en français les remplace.") in text
    assert "Shaded" not in "".join(xml(BUILDER.article(support.showcase(), context())).itertext())
    data = BUILDER.article(support.showcase("placeholder", drop=DROP), context())
    assert "".join(right_cell(data, DROP[0]).itertext()) == "[Translation pending]"
    data = BUILDER.article(support.showcase("omit", drop=DROP), context())
    cell = right_cell(data, DROP[0])
    assert "".join(cell.itertext()) == "" and cell.find("w:tcPr/w:shd", NS) is None


def test_titles_from_a_leading_heading_or_the_slug():
    doc = support.bilingual_from("# Titre\n\nTexte.\n", [["Titre", "Title"], ["Texte.", "Text."]])
    table = docx.Document(io.BytesIO(BUILDER.article(doc, context()))).tables[0]
    assert [r for r in cell_texts(table) if "Titre" in r] == [("Titre", "Title")]
    assert styles_of(table, "Titre") == {"Title"}
    doc = support.bilingual_from("Texte.\n", [["Texte.", "Text."]], slug="sans-titre")
    rows = cell_texts(docx.Document(io.BytesIO(BUILDER.article(doc, context()))).tables[0])
    assert rows[1] == ("sans-titre", "sans-titre\nNot yet translated: French original shown")


@pytest.fixture(scope="module")
def edition() -> bytes:
    first = support.showcase()
    second = support.bilingual_from("# Deuxième\n\nTexte.\n", [["Deuxième", "Second"],
                                                              ["Texte.", "Text."]], "deux")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795000000")
        return BUILDER.index([first, second], context())


def test_edition_title_page_contents_and_one_section_per_article(edition):
    document = docx.Document(io.BytesIO(edition))
    assert len(document.tables) == 2
    assert cell_texts(document.tables[1])[1] == ("Deuxième", "Second")
    assert len(document.sections) == 3  # title page and contents, then one per article
    assert all(s.start_type == docx.enum.section.WD_SECTION.NEW_PAGE
               for s in document.sections[1:])
    assert document.sections[0].different_first_page_header_footer
    root = xml(edition)  # the title page and the contents field
    text = "".join(root.itertext())
    assert "Jardins et machines" in text and "Bilingual edition, French and English" in text
    instructions = [t.text for t in root.iter(q("instrText"))]
    assert instructions == [f" PAGEREF _TocDiglot000{n}{lang} \\h " for n in (1, 2)
                            for lang in ("fr", "en")]  # LibreOffice computes these
    heads = [s.header.paragraphs[0].text for s in document.sections]
    assert heads == ["Jardins et machines", "Le jardin partagé de la rue des Lilas\t"
                     "The Shared Garden on Rue des Lilas", "Deuxième\tSecond"]
    anchors = {h.get(q("anchor")) for h in root.iter(q("hyperlink")) if h.get(q("anchor"))}
    marks = {b.get(q("name")) for b in root.iter(q("bookmarkStart"))}
    assert anchors and anchors <= marks
    settings = xml(edition, "word/settings.xml")
    assert settings.find("w:updateFields", NS).get(q("val")) == "true"
    assert docx.Document(io.BytesIO(BUILDER.index([], context()))).tables == []


def test_footnotes_are_typeset_like_the_text_in_each_language():
    source = "Texte[^n].\n\n[^n]: Pourquoi ? Note : l'été.\n\n    Voir « ici » : 42 %.\n"
    pairs = [["Texte[^n].", "Text[^n]."], ["Pourquoi ? Note : l'été.", "Why? Note: summer."],
             ["Voir « ici » : 42 %.", "See \"here\": 42%."]]
    data = BUILDER.article(support.bilingual_from(source, pairs), context())
    notes = xml(data, "word/footnotes.xml")
    texts = ["".join(t.text for t in p.iter(q("t"))).strip() for p in notes.iter(q("p"))]
    assert [t for t in texts if t] == [
        "Pourquoi\u202f? Note\u00a0: l’été.", "Voir «\u00a0ici\u00a0»\u00a0: 42\u202f%.",
        "Why? Note: summer.", "See \u201chere\u201d: 42%."]  # English: its quotes, no spaces


def test_a_long_column_leaves_the_short_ones_room_for_their_words():
    # A commentary column used to take the width in proportion to its length, leaving
    # "Villeurbanne" cut into "Vill/eurb/anne" and "67 129" into "67 1/29".
    rows = [("Ville", "Population", "Commentaire"),
            ("Villeurbanne", "156 928", "Une croissance portée par les nouveaux quartiers "
             "du Carré de Soie, au nord-est de la commune, depuis dix ans."),
            ("Vénissieux", "67 129", "Stable.")]
    source = "\n".join("| " + " | ".join(r) + " |" for r in rows[:1]) + "\n|---|--:|---|\n"
    source += "\n".join("| " + " | ".join(r) + " |" for r in rows[1:]) + "\n"
    data = BUILDER.article(support.bilingual_from(source, []), context())
    inner = [t for t in xml(data).iter(q("tbl")) if t.getparent().tag == q("tc")][0]
    widths = [int(c.get(q("w"))) for c in inner.find("w:tblGrid", NS)]
    # Liberation Serif 9.5 pt sets "Villeurbanne" 992 dxa wide, Liberation Sans Bold 8.5 pt
    # "Population" 878 (their font metrics); a cell has 170 of margins.
    assert widths[0] >= 992 + 170 and widths[1] >= 878 + 170
    assert widths[2] == max(widths)


def test_a_bold_header_word_gets_its_whole_width():
    # Liberation Sans Bold 8.5 pt sets "Ouverture" 812 dxa wide (its font metrics: 4.78 em);
    # the estimate gave 806 and LibreOffice printed "Ouvertur" / "e".
    source = ("| Ligne | Ouverture | Longueur (km) | Voyageurs par jour |\n|---|---|---|---|\n"
              "| T1 | 2001 | 11,5 | 95 000 |\n| Rhônexpress | 2010 | 22 | 3 500 |\n")
    data = BUILDER.article(support.bilingual_from(source, []), context())
    inner = [t for t in xml(data).iter(q("tbl")) if t.getparent().tag == q("tc")][0]
    widths = [int(c.get(q("w"))) for c in inner.find("w:tblGrid", NS)]
    assert widths[1] >= 812 + 170


def test_code_in_a_cell_is_measured_as_courier_and_set_a_point_smaller():
    # "tuple" in Courier 8.5 pt is 5 × 0.6 em = 510 dxa; measured as text it was 379, and
    # LibreOffice printed "tup" / "le" in a 618-dxa column.
    source = ("| Type | Usage typique |\n|---|---|\n| `tuple` | Enregistrement hétérogène, souvent "
              "déballé en plusieurs variables au fil du programme, " * 1 + "|\n| `list` | Oui |\n")
    data = BUILDER.article(support.bilingual_from(source, []), context())
    inner = [t for t in xml(data).iter(q("tbl")) if t.getparent().tag == q("tc")][0]
    widths = [int(c.get(q("w"))) for c in inner.find("w:tblGrid", NS)]
    assert widths[0] >= 510 + 170
    size = xml(data, "word/styles.xml").find("w:style[@w:styleId='InlineCodeTable']/w:rPr/w:sz", NS)
    assert size.get(q("val")) == "17"  # half-points: 8.5 pt in 9.5 pt cells


def test_code_in_a_title_or_heading_is_set_at_its_size():
    """An editor's review: `strftime` in a 17 pt title was set at the body's 9.5 pt."""
    source = "# Codes de `strftime`\n\n## La méthode `strptime`\n\nTexte `x` ici.\n"
    data = BUILDER.article(support.bilingual_from(source, [["Codes de `strftime`",
                                                            "`strftime` codes"]]), context())
    root = xml(data)
    styled = lambda name: [r.findtext("w:t", namespaces=NS) for r in root.iter(q("r"))
                           if r.find(f"w:rPr/w:rStyle[@w:val='{name}']", NS) is not None]
    assert styled("InlineCodeHeading") == ["strftime", "strftime", "strptime", "strptime"]
    assert styled("InlineCode") == ["x", "x"]
    style = xml(data, "word/styles.xml").find("w:style[@w:styleId='InlineCodeHeading']", NS)
    assert style.find("w:rPr/w:rFonts", NS) is not None and style.find("w:rPr/w:sz", NS) is None


def test_short_code_with_hyphens_and_spaces_in_a_cell_gets_room_to_stay_whole():
    """A reader's review: LibreOffice printed "[^a-zA-Z0-" / "9_]" and "[ \\t\\n\\r\\f\\" / "v]"
    beside a text column with room: code up to 20 characters is measured as one word."""
    source = ("| Séquence | Sens | Classe équivalente |\n|---|---|---|\n"
              "| `\\W` | Correspond à n’importe quel caractère non alphanumérique. | `[^a-zA-Z0-9_]` |\n"
              "| `\\s` | Correspond à n’importe quel caractère « blanc ». | `[ \\t\\n\\r\\f\\v]` |\n")
    data = BUILDER.article(support.bilingual_from(source, []), context())
    inner = [t for t in xml(data).iter(q("tbl")) if t.getparent().tag == q("tc")][0]
    widths = [int(c.get(q("w"))) for c in inner.find("w:tblGrid", NS)]
    assert widths[2] >= 13 * 0.6 * 8.5 * 20 + 170  # Courier 8.5 pt: 13 characters and margins


def test_a_long_code_address_in_a_cell_breaks_and_leaves_the_text_its_words():
    """A reader's review: a 150-character address in code took the full width, and the text
    column (643 dxa) was cut letter by letter ("Expli/ca/tion"). Long code breaks anyway."""
    url = "https://docs.python.org/3/library/os.path.html?section=" + "x_" * 45
    source = f"| Terme | Explication |\n|---|---|\n| court | Un mot court, bien visible. |\n| `{url}` | Attribut du module. |\n"
    body = xml(BUILDER.article(support.bilingual_from(source, []), context()))
    nested = [t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc")]
    assert nested[0].getparent().find("w:tcPr/w:gridSpan", NS) is None  # side by side
    widths = [int(c.get(q("w"))) for c in nested[0].find("w:tblGrid", NS)]
    # Liberation Serif 9.5 pt: "Explication" (Sans Bold 8.5 pt) and "visible." whole
    assert widths[1] >= 1300 and widths[0] >= 20 * 0.6 * 8.5 * 20  # 20 characters of code


def test_code_in_a_footnote_is_set_a_point_under_the_note():
    source = "Un texte[^1].\n\n[^1]: Voir `list.sort()`.\n"
    data = BUILDER.article(support.bilingual_from(source, []), context())
    styles = {r.get(q("val")) for r in xml(data, "word/footnotes.xml").iter(q("rStyle"))}
    assert "InlineCodeNote" in styles and "InlineCode" not in styles


def test_a_table_too_wide_for_half_the_page_gets_the_full_width_french_above_english():
    head = ("Arrondissement", "Population", "Superficie", "Densité", "Marchés",
            "Bibliothèques", "Stations")
    row = ("Premier arrondissement", "29 000", "1,5 km²", "19 300", "4", "2", "21")
    source = "| " + " | ".join(head) + " |\n|---|--:|--:|--:|--:|--:|--:|\n| " + " | ".join(row) + " |\n"
    pairs = [["Arrondissement", "District"], ["Premier arrondissement", "First district"]]
    body = xml(BUILDER.article(support.bilingual_from(source, pairs), context()))
    nested = [t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc")]
    assert len(nested) == 2
    outer = [tc.find("w:tcPr/w:gridSpan", NS) for tc in (t.getparent() for t in nested)]
    assert [span.get(q("val")) for span in outer] == ["2", "2"]  # each across the page
    first_cells = ["".join(t.text for t in tbl.iter(q("t"))) for tbl in nested]
    assert first_cells[0].startswith("Arrondissement") and first_cells[1].startswith("District")
    widths = [int(c.get(q("w"))) for c in nested[0].find("w:tblGrid", NS)]
    assert widths[0] >= 1300  # "arrondissement" whole on a line
    # A reader's review: across both columns, the French table's last columns stood under
    # the page's "English"; each table is named over it.
    labels = ["".join(t.text for t in tbl.getprevious().iter(q("t"))) for tbl in nested]
    assert labels == ["Français", "English"]


def test_a_table_whose_words_need_a_point_less_is_set_smaller_side_by_side():
    """A reader's review: four short columns that every other edition set side by side
    were set full width, French above English, by 215 dxa of words."""
    source = ("| Ligne | Mise en service | Longueur (km) | Voyageurs par jour |\n|:--|:--|--:|--:|\n"
              "| T1 | janvier 2001 | 17,9 | 112 500 |\n"
              "| Navette aéroportuaire intercommunale | étude préliminaire | 9,9 | 412 650 |\n")
    body = xml(BUILDER.article(support.bilingual_from(source, []), context()))
    nested = [t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc")]
    assert [t.getparent().find("w:tcPr/w:gridSpan", NS) for t in nested] == [None, None]
    styles = {p.find("w:pPr/w:pStyle", NS).get(q("val")) for t in nested for p in t.iter(q("p"))}
    assert styles == {"TableTextSmall", "TableHeadingSmall"}
    sizes = xml(BUILDER.article(support.bilingual_from(source, []), context()), "word/styles.xml")
    size = sizes.find("w:style[@w:styleId='TableTextSmall']/w:rPr/w:sz", NS)
    assert size.get(q("val")) == "17"  # half-points: 8.5 pt, a point under the 9.5 of the text
    # a table that fits at the text's size keeps it
    body = xml(BUILDER.article(support.bilingual_from("| Ligne | Longueur |\n|---|---|\n| T1 | 17,9 |\n", []), context()))
    assert "TableText" in {e.get(q("val")) for e in body.iter(q("pStyle"))}


def test_side_by_side_tables_have_level_rows_and_a_short_table_is_kept_on_one_page():
    """A row is as high as the taller language's (a long English note beside a short French
    one), and a table of a few rows is one unsplittable row of the page's table: LibreOffice
    parts a nested table badly (its header left at the page's foot, over the notes)."""
    source = ("| Ligne | Remarque |\n|---|---|\n| T1 | Court. |\n"
              "| T2 | Prolongée vers Saint-Priest et, depuis 2009, jusqu'au parc des expositions. |\n")
    pairs = [["Ligne", "Line"], ["Remarque", "Note"], ["Court.", "Short, but the English says "
             "a great deal more than the French about this line and its history."],
             ["Prolongée vers Saint-Priest et, depuis 2009, jusqu'au parc des expositions.",
              "Extended to Saint-Priest."]]
    body = xml(BUILDER.article(support.bilingual_from(source, pairs), context()))
    nested = [t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc")]
    heights = [[int(h.get(q("val"))) for h in tbl.iter(q("trHeight"))] for tbl in nested]
    assert heights[0] == heights[1] and len(heights[0]) == 3
    assert heights[0][1] > heights[0][0] and heights[0][2] > heights[0][0]  # T1 by its English
    more = "".join(f"| T{n} | Une remarque de soixante caractères environ sur la ligne {n}. |\n"
                   for n in range(3, 8))  # 400 characters in all: more than a short row
    body = xml(BUILDER.article(support.bilingual_from(source + more, pairs), context()))
    inner = next(t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc"))
    assert inner.getparent().getparent().find("w:trPr/w:cantSplit", NS) is not None
    rows = "".join(f"| Région {n} | Commentaire sur la région numéro {n}, assez long pour tenir "
                   "sur deux lignes de la colonne. |\n" for n in range(12))  # half a page
    body = xml(BUILDER.article(support.bilingual_from("| Région | Commentaire |\n|---|---|\n" + rows,
                                                      []), context()))
    inner = next(t for t in body.iter(q("tbl")) if t.getparent().tag == q("tc"))
    assert inner.getparent().getparent().find("w:trPr/w:cantSplit", NS) is not None
    # a body paragraph's space below the table (LibreOffice drops a paragraph's own there)
    assert inner.getparent().find("w:tcPr/w:tcMar/w:bottom", NS).get(q("w")) == "120"


def test_a_link_to_another_machine_without_a_scheme_is_text_in_the_docx():
    """Word would open //host/x or \\\\host\\share over the network (SMB) when clicked."""
    french = "Voir [a](//hote/x), [b](\\\\\\\\hote\\\\partage) et [c](https://a.org)."
    data = BUILDER.article(support.bilingual_from(french + "\n", [[french, french]]), context())
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "https://a.org" in rels and "hote" not in rels.lower()
    texts = [left for left, _ in cell_texts(docx.Document(io.BytesIO(data)).tables[0])]
    assert "Voir a, b et c." in texts  # the text stays


def test_a_list_inside_a_quotation_is_set_as_the_quotation_is():
    source = "> Un bon levain :\n>\n> - farine de seigle ;\n> - eau tiède.\n\n- hors citation\n"
    pairs = [["Un bon levain :", "A good starter:"], ["farine de seigle ;", "rye flour;"],
             ["eau tiède.", "warm water."], ["hors citation", "outside the quotation"]]
    data = BUILDER.article(support.bilingual_from(source, pairs), context())
    body = xml(data)
    styles = [p.find("w:pPr/w:pStyle", NS).get(q("val")) for p in body.iter(q("p"))
              if "".join(t.text for t in p.iter(q("t"))) in ("rye flour;", "outside the quotation")]
    assert styles == ["ListBulletQuoted", "ListBullet"]
    defined = {s.get(q("styleId")): s for s in xml(data, "word/styles.xml").iter(q("style"))}
    quoted = defined["ListBulletQuoted"]
    assert quoted.find("w:basedOn", NS).get(q("val")) == "ListBullet"  # its bullets
    assert quoted.find("w:rPr/w:i", NS) is not None  # italic, as the Quote style


def test_a_numbered_list_in_a_quotation_counts_in_each_column_on_its_own():
    source = "> Citation :\n>\n> 1. Un.\n> 2. Deux.\n"
    pairs = [["Citation :", "Quotation:"], ["Un.", "One."], ["Deux.", "Two."]]
    data = BUILDER.article(support.bilingual_from(source, pairs), context())
    numbered = [(p.find("w:pPr/w:pStyle", NS).get(q("val")),
                 p.find("w:pPr/w:numPr/w:numId", NS).get(q("val")), "".join(p.itertext()))
                for p in xml(data).iter(q("p")) if p.find("w:pPr/w:numPr", NS) is not None]
    assert [text for _, _, text in numbered] == ["Un.", "One.", "Deux.", "Two."]
    assert {style for style, _, _ in numbered} == {"ListNumberQuoted"}
    french, english = {n for _, n, t in numbered if t in ("Un.", "Deux.")}, \
        {n for _, n, t in numbered if t in ("One.", "Two.")}
    assert len(french) == len(english) == 1 and french != english  # 1, 2 on each side


def test_set_for_print_justified_hyphenated_code_kept_whole(showcase_docx):
    settings = xml(showcase_docx, "word/settings.xml")
    assert settings.find("w:autoHyphenation", NS).get(q("val")) == "true"
    # a poem's lines (hard breaks) are not stretched across the justified column
    assert settings.find("w:compat/w:doNotExpandShiftReturn", NS) is not None
    styles = {s.get(q("styleId")): s for s in xml(showcase_docx, "word/styles.xml").iter(q("style"))}
    assert styles["BodyText"].find("w:pPr/w:jc", NS).get(q("val")) == "both"
    code = styles["CodeBlock"].find("w:pPr", NS)
    assert code.find("w:keepLines", NS) is not None
    assert code.find("w:suppressAutoHyphens", NS) is not None
    assert styles["Heading2"].find("w:pPr/w:suppressAutoHyphens", NS) is not None
    for title in ("EditionTitle", "EditionSubtitle"):  # a reader's review: "édition bi-/lingue"
        assert styles[title].find("w:pPr/w:suppressAutoHyphens", NS) is not None, title
    # the running head's one tab goes to the right margin (no centre stop before it)
    head = styles["Header"].find("w:pPr/w:tabs", NS)
    assert [t.get(q("val")) for t in head] == ["right"]


def test_each_column_is_typeset_as_its_language_is_printed():
    french = "Pourquoi ? Note : 12 000 « mots » l'été."
    english = "Why? Note: 12,000 \"words\", the writers' own."
    data = BUILDER.article(support.bilingual_from(french + "\n", [[french, english]]), context())
    row = [r for r in cell_texts(docx.Document(io.BytesIO(data)).tables[0]) if "Why" in r[1]]
    assert row == [("Pourquoi\u202f? Note\u00a0: 12\u202f000 «\u00a0mots\u00a0» l’été.",
                    "Why? Note: 12,000 \u201cwords\u201d, the writers\u2019 own.")]


def test_emphasis_inside_a_quotation_is_set_roman_against_its_italic_style():
    doc = support.bilingual_from("# T\n\n> Le journal *Le Progrès* titrait.\n\nHors *citation*.\n",
                                 [["T", "T"], ["Le journal *Le Progrès* titrait.",
                                               "The *Le Progrès* newspaper ran."],
                                  ["Hors *citation*.", "Outside *quotes*."]])
    body = xml(BUILDER.article(doc, context()))
    italic = [("".join(r.itertext()), r.find("w:rPr/w:i", NS).get(q("val")))
              for r in body.iter(q("r")) if r.find("w:rPr/w:i", NS) is not None]
    assert italic == [("Le Progrès", "0"), ("Le Progrès", "0"),  # French, then English
                      ("citation", None), ("quotes", None)]


def test_a_paragraph_holding_an_address_no_line_can_break_is_set_ragged_right():
    pairs = [("Voir le site officiel : <https://www.tcl.fr/plan-du-reseau-2026>.",
              "See the official site: <https://www.tcl.fr/plan-du-reseau-2026>."),
             ("Un paragraphe anticonstitutionnellement ordinaire, voir [le site](https://exemple.fr/a/b/c/d).",
              "An ordinary paragraph, see [the site](https://exemple.fr/a/b/c/d)."),
             ("Les récoltes de 2026[^1] par le [bureau][bureau].", "The 2026 harvests[^1] by the [committee][bureau]."),
             # a reader's review: a long word in curly quotes, or after a dash, is a word
             ("Une « reconquête anticonstitutionnellement lente » de l'espace.",
              'An "unconstitutionally slow" reconquest—electroencephalography… of space, unconstitutionally—and.'),
             # and after hyphens (Verne writes a dash "--"), where LibreOffice breaks too
             ("Passepartout--onze heures et demie étant sonnées--se trouvait seul.",
              "Passepartout--half-past eleven having struck--was alone.")]
    text = "\n\n".join(fr for fr, _ in pairs) + "\n\n[^1]: Pesées.\n\n[bureau]: https://exemple.fr/bureau\n"
    data = BUILDER.article(support.bilingual_from(text, pairs + [("Pesées.", "Weighed.")]), context())
    aligned = {}
    for para in xml(data).iter(q("p")):
        jc = para.find("w:pPr/w:jc", NS)
        aligned["".join(para.itertext())[:20]] = None if jc is None else jc.get(q("val"))
    assert aligned["Voir le site officie"] == aligned["See the official sit"] == "left"
    assert aligned["Un paragraphe antico"] is None and aligned["An ordinary paragrap"] is None
    assert aligned["Les récoltes de 2026"] is None
    assert aligned["Une «\u00a0reconquête ant"] is None and aligned["An “unconstitutional"] is None
    assert aligned["Passepartout--onze h"] is None and aligned["Passepartout--half-p"] is None


def test_a_link_title_is_the_links_tooltip_in_its_language():
    """A translator's report: a link's title, translated in the msgstr, reached no edition."""
    french = 'Voir le [plan](https://ex.fr/p "Plan à jour") et le [plan](https://ex.fr/p).'
    english = 'See the [map](https://ex.fr/p "Map up to date") and the [map](https://ex.fr/p).'
    body = xml(BUILDER.article(support.bilingual_from(french + "\n", [[french, english]]),
                               context()))
    tips = [(h.get(q("tooltip")), "".join(h.itertext())) for h in body.iter(q("hyperlink"))]
    assert tips == [("Plan à jour", "plan"), (None, "plan"),
                    ("Map up to date", "map"), (None, "map")]
    # a reference's title is the French source's: over the French link only (a review)
    french, english = "Voir le [bureau][b].", "See the [committee][b]."
    body = xml(BUILDER.article(support.bilingual_from(
        f"{french}\n\n[b]: https://ex.fr/b \"Le bureau\"\n", [[french, english]]), context()))
    assert [(h.get(q("tooltip")), "".join(h.itertext())) for h in body.iter(q("hyperlink"))] \
        == [("Le bureau", "bureau"), (None, "committee")]


def test_nested_bullets_change_glyph_by_depth_as_in_the_other_editions(showcase_docx):
    numbering, styles = xml(showcase_docx, "word/numbering.xml"), xml(showcase_docx, "word/styles.xml")
    abstracts = {a.get(q("abstractNumId")): a for a in numbering.findall("w:abstractNum", NS)}
    nums = {n.get(q("numId")): n.find("w:abstractNumId", NS).get(q("val"))
            for n in numbering.findall("w:num", NS)}
    glyphs = []
    for name in ("ListBullet", "ListBullet2", "ListBullet3"):
        style = styles.find(f"w:style[@w:styleId='{name}']", NS)
        level = abstracts[nums[style.find("w:pPr/w:numPr/w:numId", NS).get(q("val"))]].find("w:lvl", NS)
        glyphs.append((level.find("w:lvlText", NS).get(q("val")),
                       level.find("w:rPr/w:rFonts", NS).get(q("ascii"))))
    assert glyphs == [("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")]


def test_a_list_in_a_quotation_is_indented_inside_the_quotation_rule():
    text = "> Il dit :\n>\n> - un\n>   - deux\n"
    pairs = [("Il dit :", "He says:"), ("un", "one"), ("deux", "two")]
    data = BUILDER.article(support.bilingual_from(text, pairs), context())
    left = {}
    for para in xml(data).iter(q("p")):
        ind = para.find("w:pPr/w:ind", NS)
        left["".join(para.itertext())] = None if ind is None else int(ind.get(q("left")))
    assert (left["un"], left["deux"], left["one"], left["two"]) == (643, 1003, 643, 1003)


def test_a_long_pair_of_titles_is_shortened_in_the_running_head_never_one_language_dropped():
    """A reader's review: past 100 characters the English title left the running head."""
    from diglot.builders.docx.book import _head_titles

    fr = "Structures de données : listes, tuples et dictionnaires en Python"
    en = "Data Structures: Lists, Tuples and Dictionaries in Python"
    short_fr, short_en = _head_titles(fr, en)
    assert short_fr.startswith("Structures de données") and short_en.startswith("Data Structures")
    assert len(short_fr) + len(short_en) <= 100 and short_fr.endswith("…")
    data = BUILDER.article(support.bilingual_from(f"# {fr}\n\nTexte.\n", [[fr, en], ["Texte.", "Text."]]),
                           context())
    heads = "".join(t.text for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
                    if name.startswith("word/header") for t in xml(data, name).iter(q("t")))
    assert short_en.upper() in heads.upper() and short_fr.split(" ")[0].upper() in heads.upper()


def test_a_link_to_a_local_file_keeps_its_text_unlinked_web_links_stay():
    """An attack round's note: '../../setup.exe' and '/etc/passwd' were kept as hyperlinks
    Word would open; the PDF and EPUB already dropped them."""
    source = ("Voir [le site](https://example.org), [l'outil](../../setup.exe), "
              "[le fichier](/etc/passwd) et [l'écrit](mailto:a@example.org).\n")
    data = BUILDER.article(support.bilingual_from(source, []), context())
    rels = part(data, "word/_rels/document.xml.rels").decode()
    targets = re.findall(r'Target="([^"]+)" TargetMode="External"', rels)
    assert targets == ["https://example.org", "mailto:a@example.org"]
    text = "".join(t.text for t in xml(data).iter(q("t")))
    assert "l’outil" in text and "le fichier" in text


def test_a_wrapped_code_line_hangs_under_its_own_indentation():
    """A reader's review: Word and LibreOffice wrapped a long code line flush left, where
    "cinquieme):" read as a new, dedented line of Python. The line is a paragraph of its own
    whose wrap goes on two characters further in than its indentation; the lines that fit
    share one paragraph, and the block stays one grey block (no space between them)."""
    long_line = "    if " + " and ".join(f"argument_{n}" for n in range(12)) + ":"
    source = f"```python\ndef f():\n    x = 1\n{long_line}\n        return x\n```\n"
    body = xml(BUILDER.article(support.bilingual_from(source, []), context()))
    paras = [p for p in body.iter(q("p")) if p.find("w:pPr/w:pStyle[@w:val='CodeBlock']", NS) is not None]
    texts = [etree.tostring(p, method="text", encoding="unicode") for p in paras]
    assert texts == ["def f():    x = 1", long_line, "        return x"]
    indents = [p.find("w:pPr/w:ind", NS) for p in paras]
    assert indents[0] is None and indents[2] is None
    char = 102  # Courier New at 8.5 pt, in twips
    assert int(indents[1].get(q("hanging"))) == (4 + 2) * char
    assert int(indents[1].get(q("left"))) == 120 + (4 + 2) * char
    after = [p.find("w:pPr/w:spacing", NS) for p in paras]
    assert [a.get(q("after")) if a is not None else None for a in after] == ["0", "0", None]
    # a code review: a line indented past the block's width hung past the right margin,
    # where LibreOffice drew none of it; the hang is at most half the block
    deep = " " * 100 + "x = " + "a" * 120
    body = xml(BUILDER.article(support.bilingual_from(f"```\n{deep}\n```\n", []), context()))
    [ind] = [p.find("w:pPr/w:ind", NS) for p in body.iter(q("p"))
             if p.find("w:pPr/w:ind", NS) is not None and p.find("w:pPr/w:pStyle[@w:val='CodeBlock']", NS) is not None]
    block = int(body.find(".//w:tbl/w:tblPr/w:tblW", NS).get(q("w")))  # the article's table
    assert int(ind.get(q("hanging"))) <= block / 2 < int(ind.get(q("hanging"))) + 8 * char


def test_pictures_are_stored_as_python_docx_stores_them_without_its_scans():
    """An attack round: python-docx hashes every stored picture again, and scans every part
    name and relationship, for each picture added (3,000 tiny pictures: 58 s). ``store``
    keeps a digest index; the names and ids are the ones python-docx picks."""
    from diglot.ooxml.pictures import store

    blobs = [support.png(1, 1, (n, 0, 0)) for n in range(5)]
    blobs.insert(3, blobs[1])  # a picture shown twice is stored once
    ours, theirs = docx.Document(), docx.Document()
    ours.part.rels.add_relationship("http://x/hyperlink", "https://a.org", "rId9", is_external=True)
    theirs.part.rels.add_relationship("http://x/hyperlink", "https://a.org", "rId9", is_external=True)
    got = [(rid, str(ours.part.rels[rid].target_part.partname)) for rid, _ in
           (store(ours.part, blob) for blob in blobs)]
    want = [(rid, str(theirs.part.rels[rid].target_part.partname)) for rid, _ in
            (theirs.part.get_or_add_image(io.BytesIO(blob)) for blob in blobs)]
    assert got == want and len({name for _, name in got}) == 5


@pytest.mark.parametrize("tag", ["fr-FR", "fr_FR", "FR", "fr_CA"])
def test_the_docx_and_pdf_words_follow_any_spelling_of_a_french_tag(tag):
    """A code review: the words split a tag on "-" only, so ``fr_FR`` (a proofing setting
    written as gettext writes it) gave an English title page."""
    from diglot.builders.docx import text
    from diglot.builders.pdf import words

    assert text.words("contents", tag, "fr", "en") == words.words("contents", tag, "fr", "en") == "Sommaire"
    assert text.mark("untranslated", False, tag, "fr") == "Pas encore traduit\u00a0: original en français"


INTRODUCED = ("# T\n\nVoici un exemple :\n\n```\n>>> 17 / 3\n```\n\nLes colonnes :\n\n| a | b |\n"
              "|---|---|\n| un | deux |\n\nTrois cas :\n\n- un\n- deux\n\nEt enfin :\n\nLa suite.\n")


def test_a_paragraph_ending_in_a_colon_stays_with_the_code_table_or_list_it_introduces():
    """A reader's review: "Voici un exemple :" ended a page, its code on the next one."""
    doc = support.bilingual_from(INTRODUCED, [])
    rows = xml(BUILDER.article(doc, context())).findall("w:body/w:tbl/w:tr", NS)
    kept = {"".join(t.text for t in r.iter(q("t"))).split(":")[0].strip()
            for r in rows if r.find(".//w:pPr/w:keepNext", NS) is not None}
    assert {"Voici un exemple", "Les colonnes", "Trois cas"} <= kept
    assert "Et enfin" not in kept  # a paragraph follows: nothing to keep it with


def test_a_code_block_a_little_too_wide_is_set_smaller_to_keep_its_lines_whole():
    """A reader's review: a block of 90-character lines wrapped each one, "# commentaire"
    over a lone "0"; set at 8 pt they fit. Far longer lines still wrap at the style's size."""
    def block(line: str) -> etree._Element:
        source = "```python\n" + "\n".join(line.format(n=n) for n in range(3)) + "\n```\n"
        return xml(BUILDER.article(support.bilingual_from(source, []), context()))

    def sizes(body) -> set[str]:
        return {sz.get(q("val")) for p in body.iter(q("p"))
                if p.find("w:pPr/w:pStyle[@w:val='CodeBlock']", NS) is not None
                for sz in p.iter(q("sz"))}

    wide = block('print(f"ligne {n:02} : {{datetime.date(2024, 1, 1) + datetime.timedelta(days={n})}}")  # commentaire {n:04}')
    assert sizes(wide) and max(map(int, sizes(wide))) < 17 and wide.find(".//w:ind", NS) is None
    assert sizes(block("x = {n}")) == set()  # short lines: the style's 8.5 pt
    assert sizes(block("y = " + "a" * 200 + "{n}")) == set()  # too long at 7 pt: wraps instead


def test_a_title_past_the_255_characters_of_a_document_property_is_shortened_there():
    """An attack round: a 280-character title ended `build` with python-docx's traceback
    (a core property holds 255 characters at most), and no edition was written."""
    title = "Un titre assez long pour une thèse " * 8
    data = BUILDER.article(support.bilingual_from(f"# {title}\n\nCorps.\n", []), context())
    core = xml(data, "docProps/core.xml")
    shown = core.find("{http://purl.org/dc/elements/1.1/}title").text
    assert len(shown) <= 255 and shown.endswith("thèse Un titre…") and len(shown) > 250
    assert title.strip() in "".join(xml(data).itertext())  # the page shows it whole
