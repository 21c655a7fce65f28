"""Real articles: tables, figures, footnotes, definition lists and HTML comments, from the
Markdown through the PO files to both editions."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from diglot.builders import BuildContext, get_builder
from diglot.catalog.template import kind_comment
from diglot.config import Config
from diglot.errors import SourceError
from diglot.locales import build_time
from diglot.media import attach
from diglot.source.inline import profile
from diglot.source.reader import parse_article
from support import bilingual_from, png

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
PNG = png(2, 1)

TABLE = """| Pays | Capitale | Habitants |
|:-----|:--------:|----------:|
| France | Paris | 68 |
| Italie \\| Saint-Marin | *Rome* | `59` |
| Espagne | | — |
"""
NOTES = """Le texte[^1] et encore[^long].

Une reprise[^1].

[^long]: Premier paragraphe.

    Second paragraphe.

[^1]: Une note.

[^seule]: Jamais appelée.
"""


def article(text: str):
    return parse_article(text, "a", "source_fr/a.md")


def segments(text: str) -> list[tuple[str, str]]:
    doc = article(text)
    return [(kind_comment(b, doc.notes), b.text) for b in doc.segments]


def context() -> BuildContext:
    return BuildContext("Édition", Config(), build_time(), {})


def html(doc) -> str:
    return get_builder("html").article(doc, context()).decode("utf-8")


def docx_parts(doc) -> dict[str, bytes]:
    data = get_builder("docx").article(doc, context())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def xml(parts, name="word/document.xml"):
    return etree.fromstring(parts[name])


# -- segmentation (what reaches the PO file) -----------------------------------------------

def test_each_table_cell_with_words_is_a_placed_segment():
    assert segments(TABLE) == [
        ("table 1, header row, column 1", "Pays"), ("table 1, header row, column 2", "Capitale"),
        ("table 1, header row, column 3", "Habitants"), ("table 1, row 2, column 1", "France"),
        ("table 1, row 2, column 2", "Paris"), ("table 1, row 3, column 1", "Italie | Saint-Marin"),
        ("table 1, row 3, column 2", "*Rome*"), ("table 1, row 4, column 1", "Espagne")]
    cells = [b for b in article(TABLE).blocks]
    assert [b.text for b in cells if b.fixed] == ["68", "`59`", "", "—"]  # shown, not extracted
    assert [b.cell.align for b in cells[:3]] == ["left", "center", "right"]
    assert len(cells) == 12 and cells[-1].cell.row == 4


def test_a_lone_image_is_a_figure_of_alt_text_and_caption():
    text = ('![Une *piste* cyclable](images/quai.png "Le quai, le soir")\n\n'
            "Une ![icône](i.png) dans la phrase.\n\n[![badge](b.png)](https://x.org)\n\n"
            "![](vide.png)\n")
    assert segments(text) == [
        ("image alt text (images/quai.png)", "Une *piste* cyclable"),
        ("figure caption (images/quai.png)", "Le quai, le soir"),
        ("paragraph", "Une ![icône](i.png) dans la phrase."),
        ("paragraph", "[![badge](b.png)](https://x.org)")]
    empty = article(text).blocks[-1]
    assert (empty.kind, empty.image, empty.fixed) == ("image alt text", "vide.png", True)


def test_footnotes_are_segments_numbered_by_first_call_and_placed_last():
    assert segments(NOTES) == [
        ("paragraph", "Le texte[^1] et encore[^long]."), ("paragraph", "Une reprise[^1]."),
        ("footnote 1", "Une note."), ("footnote 2", "Premier paragraphe."),
        ("footnote 2", "Second paragraphe."), ("footnote 3", "Jamais appelée.")]
    assert dict(article(NOTES).notes) == {"1": 1, "long": 2, "seule": 3}


def test_a_footnote_defined_twice_is_an_error_naming_its_line():
    with pytest.raises(SourceError) as caught:
        article("Texte[^x].\n\n[^x]: Un.\n\n[^x]: Deux.\n")
    assert str(caught.value) == ("source_fr/a.md:5: footnote [^x] is defined twice (first on "
                                 "line 3); give each note its own label")


@pytest.mark.parametrize("text, line", [
    ("| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n", 4),
    ("Texte.\n\n> | a | b |\n> |---|---|\n> | 1 | 2 | 3 |\n", 5),
    ("- item\n\n  a | b\n  --|--\n  1 | 2 | 3\n", 5),
])
def test_a_table_row_with_more_cells_than_its_header_is_an_error_naming_its_line(text, line):
    with pytest.raises(SourceError) as error:
        parse_article(text, "t", "source_fr/t.md")
    assert (error.value.line, error.value.message) == (line, (
        "this table row has 1 cell(s) with text past its header's 2: Markdown drops them; add "
        "a header cell, join the cells, or write a | inside a cell as \\|"))


def test_a_table_past_64_columns_is_an_error_naming_its_line():
    def table(columns: int) -> str:
        return "Texte.\n\n| " + " | ".join(["h"] * columns) + " |\n|" + "---|" * columns + "\n"
    assert parse_article(table(64), "t", "source_fr/t.md").segments
    with pytest.raises(SourceError) as error:
        parse_article(table(65), "t", "source_fr/t.md")
    assert (error.value.line, error.value.message) == (3, (
        "this table has more than 64 columns, more than an edition sets beside its translation; "
        "split it"))


@pytest.mark.parametrize("text", ["| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n| 1 |\n",
                                  "| a | b |\n|---|---|\n| `x` | 2 |\n",
                                  "| a | b |\n|---|---|\n| x | y | |\n| x | y ||\n"])
def test_escaped_pipes_and_short_rows_are_whole_rows(text):
    assert parse_article(text, "t", "source_fr/t.md").segments


def test_a_footnote_called_but_never_defined_is_an_error_and_an_escaped_one_is_text():
    with pytest.raises(SourceError) as caught:
        article("Titre\n\nTexte[^1] et suite[^3].\n\n[^1]: Un.\n")
    assert str(caught.value) == ("source_fr/a.md:3: footnote [^3] is called but never defined; "
                                 "add a line '[^3]: …' with the note, or write \\[^3] for the "
                                 "text itself")
    assert segments("Texte[^1] et \\[^3] ici.\n\n[^1]: Un.\n")[0] == (
        "paragraph", "Texte[^1] et \\[^3] ici.")


def test_terms_and_definitions_are_segments():
    assert segments("Compost\n: Déchets verts.\n: Retourné chaque mois.\n\nTerme\n: Sens.\n") == [
        ("term", "Compost"), ("definition", "Déchets verts."),
        ("definition", "Retourné chaque mois."), ("term", "Terme"), ("definition", "Sens.")]


def test_a_term_of_code_alone_is_no_segment_and_shows_as_written_in_both_columns():
    """A reader's review: `\\b` as a term was a segment to translate, where a table's cell
    of code alone is shown as written (nobody translates code)."""
    source = "`\\b`\n: Limite de mot.\n\n`re.I`, `IGNORECASE`\n: Sans casse.\n\nLe `\\B`\n: Le contraire.\n"
    assert segments(source) == [("definition", "Limite de mot."), ("definition", "Sans casse."),
                                ("term", "Le `\\B`"), ("definition", "Le contraire.")]
    page = html(bilingual_from(source, [["Limite de mot.", "Word boundary."]]))
    assert page.count("<dt lang=\"en\"><code>\\b</code></dt>") == 1
    assert page.count("<code>\\b</code>") == 2


def test_comments_and_link_definitions_never_reach_the_po():
    text = ("<!-- Note de la rédaction : à vérifier. -->\n\nVoir le [site][s] <!-- caché --> ici.\n"
            "Suite <!-- sur deux\nlignes --> fin.\n\n<div>brut</div>\n\n"
            "[s]: https://example.org \"Site\"\n")
    assert segments(text) == [("paragraph", "Voir le [site][s] ici. Suite fin."),
                              ("paragraph", "<div>brut</div>")]
    page = html(bilingual_from(text, [["Voir le [site][s] ici. Suite fin.",
                                       "See the [site][s] here. More end."]]))
    assert "rédaction" not in page and "caché" not in page and "lignes" not in page
    assert '<a href="https://example.org" title="Site">site</a>' in page
    assert "&lt;div&gt;brut&lt;/div&gt;" in page  # raw HTML stays text
    document = docx_parts(bilingual_from(text, []))["word/document.xml"].decode()
    assert "rédaction" not in document and "caché" not in document


def test_the_markup_profile_counts_images_and_footnote_calls():
    found = profile('Un ![a](x.png "t") et ![b](y.png)[^1], puis [^1] et [^n]. `[^2]` ![c][r]',
                    {"R": {"href": "z.png", "title": ""}})
    assert found.images == ["x.png", "y.png", "z.png"]
    assert found.notes == ["1", "1", "n"]


# -- the HTML edition ----------------------------------------------------------------------

TABLE_EN = [["Pays", "Country"], ["Capitale", "Capital"], ["Habitants", "Population"],
            ["France", "France"], ["Paris", "Paris"], ["Italie | Saint-Marin", "Italy | San Marino"],
            ["*Rome*", "*Rome*"], ["Espagne", "Spain"]]


def test_html_table_in_each_column_with_alignment_and_cells_as_written():
    page = html(bilingual_from(TABLE, TABLE_EN))
    tables = re.findall(r'<div class="seg col-(fr|en) tbl" lang="(\w+)" tabindex="0" '
                        r'role="region" aria-label="([^"]+)"><table>(.*?)</table>', page, re.S)
    assert [(t[0], t[1], t[2]) for t in tables] == [("fr", "fr", "Tableau 1"),
                                                    ("en", "en", "Table 1")]
    english = tables[1][3]
    assert '<th class="al-c" lang="en" scope="col">Capital</th>' in english
    assert '<td class="al-r" lang="en"><code>59</code></td>' in english
    assert '<td class="al-l" lang="en">Italy | San Marino</td>' in english
    assert english.count("<tr>") == 4 and "<thead>" in english and "<tbody>" in english


def test_a_cell_of_numbers_is_written_as_each_language_writes_numbers():
    # Nobody translates these cells (they are not in the PO file): an English reader must
    # not meet "11,5" beside an English "11.5 km".
    text = ("| Ligne | Longueur (km) | Voyageurs | Part |\n|---|--:|--:|--:|\n"
            "| T1 | 11,5 | 95 000 | 42 % |\n| T2 | 2001 | 3 500 | −2,5 % |\n")
    page = html(bilingual_from(text, [["Ligne", "Line"], ["Longueur (km)", "Length (km)"],
                                      ["Voyageurs", "Riders"], ["Part", "Share"]]))
    french, english = re.findall(r"<table>(.*?)</table>", page, re.S)
    cells = lambda table: re.findall(r'<td class="al-r" lang="\w+">([^<]*)</td>', table)
    assert cells(english) == ["11.5", "95,000", "42%", "2001", "3,500", "−2.5%"]
    assert cells(french) == ["11,5", "95\u202f000", "42\u202f%", "2001", "3\u202f500", "−2,5\u202f%"]


def test_a_cell_of_phone_numbers_is_left_as_written():
    """A translator's review: "0 800 123 456" came out "0,800,123,456" in English, and
    "0800 123 456" "0800 123,456"; a leading zero or a group not of three is no quantity."""
    text = ("| Service | Numéro |\n|---|--:|\n| Vert | 0 800 123 456 |\n| Bureau | 0800 123 456 |\n"
            "| Mobile | 06 12 34 56 78 |\n| Voyageurs | 1 250 000 |\n")
    page = html(bilingual_from(text, [["Service", "Service"], ["Numéro", "Number"], ["Vert", "Free"],
                                      ["Bureau", "Office"], ["Mobile", "Mobile"],
                                      ["Voyageurs", "Riders"]]))
    english = re.findall(r"<table>(.*?)</table>", page, re.S)[1]
    cells = re.findall(r'<td class="al-r" lang="\w+">([^<]*)</td>', english)
    assert cells == ["0 800 123 456", "0800 123 456", "06 12 34 56 78", "1,250,000"]


def test_a_cell_of_amounts_puts_the_currency_sign_where_english_puts_it():
    """A translator's review: "2.10 €" and "12,345.5 €" in the English column, which the
    translator cannot fix (such cells are not extracted); English writes €2.10."""
    text = ("| Tarif | Prix |\n|---|--:|\n| Ticket | 2,10 € |\n| Abonnement | 12 345,5 € |\n"
            "| Carnet | 10–20 € |\n")
    page = html(bilingual_from(text, [["Tarif", "Fare"], ["Prix", "Price"], ["Ticket", "Ticket"],
                                      ["Abonnement", "Pass"], ["Carnet", "Book"]]))
    french, english = re.findall(r"<table>(.*?)</table>", page, re.S)
    cells = lambda table: re.findall(r'<td class="al-r" lang="\w+">([^<]*)</td>', table)
    assert cells(english) == ["€2.10", "€12,345.5", "€10–20"]
    assert cells(french) == ["2,10\u00a0€", "12\u202f345,5\u00a0€", "10–20\u00a0€"]


def test_html_figure_once_across_both_columns_or_each_translated(tmp_path):
    images = tmp_path / "source_fr" / "images"
    images.mkdir(parents=True)
    (images / "quai.png").write_bytes(PNG)
    text = '![Le quai](images/quai.png "Au matin")\n'
    pairs = [["Le quai", "The quay"], ["Au matin", "In the morning"]]
    doc, inputs = attach(bilingual_from(text, pairs), tmp_path, tmp_path / "source_fr")
    assert inputs == ["source_fr/images/quai.en.png", "source_fr/images/quai.png"]
    page = html(doc)
    assert '<div class="figimgs shared">' in page
    assert re.findall(r'<img src="(assets/quai-\w+\.png)" alt="([^"]+)">', page) == [
        (f"assets/{doc.images['images/quai.png'].source.asset}", "Le quai"),
        (f"assets/{doc.images['images/quai.png'].source.asset}", "The quay")]
    assert '<p class="seg col-en" lang="en">In the morning</p>' in page
    (images / "quai.en.png").write_bytes(PNG + b"en")
    doc, _ = attach(bilingual_from(text, pairs), tmp_path, tmp_path / "source_fr")
    page = html(doc)
    assert '<div class="figimgs pair">' in page
    sources = re.findall(r'<img src="assets/(quai[.\w-]+)"', page)
    assert sources[0].startswith("quai-") and sources[1].startswith("quai.en-")
    assert set(get_builder("html").files(doc)) == {f"assets/{s}" for s in sources}


def test_html_note_calls_link_to_notes_side_by_side_and_back_to_every_call():
    english = [["Le texte[^1] et encore[^long].", "The text[^1] and more[^long]."],
               ["Une reprise[^1].", "Once more[^1]."], ["Une note.", "A note."]]
    page = html(bilingual_from(NOTES, english))
    assert ('<sup class="call"><a href="#fn-en-1" id="fnref-en-1" role="doc-noteref">1</a>'
            '</sup>') in page
    assert 'id="fnref-en-1-2"' in page and 'id="fnref-fr-1-2"' in page
    note = re.search(r'<div class="seg col-en" id="fn-en-1" lang="en">(.*?)</div>', page).group(1)
    assert note.startswith('<p lang="en"><span class="number">1. </span>A note.')
    assert note.count('class="back"') == 2
    never = re.search(r'id="fn-fr-3" lang="fr">(.*?)</div>', page).group(1)
    assert "Jamais appelée." in never and "back" not in never
    assert page.index('class="notes"') > page.index("Once more")


def test_html_definition_list_groups_keep_the_columns_level():
    page = html(bilingual_from("Compost\n: Déchets verts.\n", [["Compost", "Compost"],
                                                               ["Déchets verts.", "Green waste."]]))
    assert ('<dl class="seg col-en" lang="en"><dt lang="en">Compost</dt><dd lang="en">Green '
            "waste.</dd></dl>") in page


def test_each_definition_is_level_with_its_translation_on_a_row_of_its_own():
    """A reader's review: a term's second definition stood 27 px lower in French, whose
    first definition was a line longer. Both lists take the pair's rows (a subgrid): the
    group of K items is marked nK, and the page's style gives each list K rows, the
    English K rows below the French on a phone."""
    source = "`\\b`\n: Limite de mot, longue à dire.\n: Un mot est une suite de lettres.\n"
    page = html(bilingual_from(source, [["`\\b`", "`\\b`"], ["Limite de mot, longue à dire.",
                                        "Word boundary."], ["Un mot est une suite de lettres.",
                                                            "A word is letters."]]))
    assert '<div class="pair dl n3" id=' in page
    style = page.split("<style>")[1].split("</style>")[0]
    assert ".dl.n3 > .seg, .dl.n3::before { grid-row: 1 / span 3; }" in style
    assert ".dl.n16 > .seg, .dl.n16::before { grid-row: 1 / span 16; }" in style  # a review
    assert ".dl.n3 > .col-en { grid-row: 4 / span 3; }" in style
    # the English alone on a phone, in a browser without :has() (a code review: a gap)
    assert '[data-view="en"] .dl > .col-en { grid-row-start: 1; }' in style.split(".dl.n9 > .col-en")[1]
    assert "grid-template-rows: subgrid;" in style.split(".dl:is(.n2, .n3")[1].split("}")[0]


def test_definitions_going_on_after_a_nested_list_are_valid_html_level_with_theirs():
    """A reader's review: after a list nested in a definition, the next definitions made
    a dl holding only a dd (vnu and epubcheck errors, axe's serious definition-list)."""
    source = ("Classe\n: Des caractères, par exemple :\n\n    - les chiffres ;\n\n"
              ": Une classe niée.\n: Et une autre.\n")
    pairs = [["Classe", "Class"], ["Des caractères, par exemple :", "Characters, for example:"],
             ["les chiffres ;", "digits;"], ["Une classe niée.", "A negated class."],
             ["Et une autre.", "And another."]]
    page = html(bilingual_from(source, pairs))
    assert ('<div class="pair dl n2" id="p-') in page and page.count("<dl ") == 2
    assert ('<div class="seg col-en defs" lang="en"><div class="dd" lang="en">A negated class.'
            '</div><div class="dd" lang="en">And another.</div></div>') in page


def test_remote_images_are_allowed_by_exact_address_and_never_fetched(tmp_path):
    text = ("![Carte](https://tiles.example.org/carte.png)\n\n"
            "Un ![logo](https://example.org/a;b.png) ici.\n")
    doc, inputs = attach(bilingual_from(text, []), tmp_path, tmp_path)
    assert inputs == [] and all(i.source.data == b"" for i in doc.images.values())
    page = html(doc)
    assert "img-src https://tiles.example.org/carte.png;" in page
    assert '<img src="https://tiles.example.org/carte.png" alt="Carte">' in page
    assert "a;b.png" not in page.split("</style>")[0]  # no address a policy could misread
    assert '<span class="alt">logo</span>' in page


# -- the DOCX edition ----------------------------------------------------------------------

def test_docx_tables_are_word_tables_nested_in_each_column():
    body = xml(docx_parts(bilingual_from(TABLE, TABLE_EN))).find("w:body/w:tbl", NS)
    nested = body.findall("w:tr/w:tc/w:tbl", NS)
    assert len(nested) == 2  # the French table left, the English one right, in one row
    english = nested[1]
    header = english.find("w:tr", NS)
    # not repeated on the next page: Word never repeats a nested table's header row, and
    # LibreOffice repeated the English one only (every later row then out of level)
    assert header.find("w:trPr/w:tblHeader", NS) is None
    assert {p.get(f"{{{W}}}val") for p in header.iter(f"{{{W}}}pStyle")} == {"TableHeading"}
    rows = [["".join(t.text for t in tc.iter(f"{{{W}}}t")) for tc in tr.findall("w:tc", NS)]
            for tr in english.findall("w:tr", NS)]
    assert rows == [["Country", "Capital", "Population"], ["France", "Paris", "68"],
                    ["Italy | San Marino", "Rome", "59"], ["Spain", "", "—"]]
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in english.findall("w:tr", NS))
    aligned = english.findall("w:tr/w:tc[3]/w:p/w:pPr/w:jc", NS)
    assert {j.get(f"{{{W}}}val") for j in aligned} == {"right"}


def test_docx_figure_embeds_the_picture_scaled_with_its_captions(tmp_path):
    (tmp_path / "source_fr").mkdir()
    (tmp_path / "source_fr/quai.png").write_bytes(PNG)
    text = '![Le quai](quai.png "Au matin")\n\nUn ![svg](dessin.svg) et ![web](https://x.org/a.png).\n'
    (tmp_path / "source_fr/dessin.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    doc, _ = attach(bilingual_from(text, [["Le quai", "The quay"], ["Au matin", "In the morning"]]),
                    tmp_path, tmp_path / "source_fr")
    parts = docx_parts(doc)
    assert [n for n in parts if n.startswith("word/media/")] == ["word/media/image1.png"]
    root = xml(parts)
    drawing = root.find(".//w:drawing/wp:inline", NS)
    assert drawing.find("wp:extent", NS).get("cx") == str(2 * 9525)  # natural size, 96 dpi
    assert drawing.find("wp:docPr", NS).get("descr") == "Le quai / The quay"
    cell = drawing.getparent().getparent().getparent().getparent()
    assert cell.find("w:tcPr/w:gridSpan", NS).get(f"{{{W}}}val") == "2"  # across both columns
    captions = [p for p in root.iter(f"{{{W}}}p")
                if p.find("w:pPr/w:pStyle[@w:val='Caption']", NS) is not None]
    assert ["".join(p.itertext()) for p in captions] == ["Au matin", "In the morning"]
    texts = "".join(root.itertext())
    assert "svg" in texts and "web" in texts  # an SVG shows its alt text; a remote image links
    assert root.find(".//w:hyperlink", NS) is not None


def test_docx_notes_are_word_footnotes_in_each_column_with_one_number():
    english = [["Le texte[^1] et encore[^long].", "The text[^1] and more[^long]."],
               ["Une reprise[^1].", "Once more[^1]."], ["Une note.", "A note."],
               ["Premier paragraphe.", "First paragraph."], ["Second paragraphe.", "Second one."]]
    parts = docx_parts(bilingual_from(NOTES, english))
    root = xml(parts)
    calls = root.findall(".//w:footnoteReference", NS)
    assert len(calls) == 4  # notes 1 and 2, once per column; a second call shows its number
    assert all(c.get(f"{{{W}}}customMarkFollows") == "1" for c in calls)
    marks = [c.getparent().findtext("w:t", namespaces=NS) for c in calls]
    assert marks == ["1", "2", "1", "2"]
    notes = xml(parts, "word/footnotes.xml").findall("w:footnote", NS)[2:]
    texts = ["".join(n.itertext()).strip() for n in notes]
    assert texts == ["Une note.", "Premier paragraphe.Second paragraphe.", "A note.",
                     "First paragraph.Second one."]
    langs = {n.find(".//w:lang", NS).get(f"{{{W}}}val") for n in notes[2:]}
    assert langs == {"en-GB"}
    assert all(n.find(".//w:footnoteRef", NS) is not None for n in notes)
    assert b"Jamais appel" in parts["word/document.xml"]  # a note nothing calls: after the text
    assert b"footnotePr" in parts["word/settings.xml"]
