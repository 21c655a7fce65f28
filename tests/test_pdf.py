"""The PDF edition, built through the CLI and read back with poppler (skipped when WeasyPrint
or Pango cannot load; the poppler checks skip without pdftotext): French on the left-hand
pages and English on the right, every pair's first lines level within 2 pt, long passages
continued on the next spread with every line printed once, fonts embedded, the contents'
page numbers the real ones, fallbacks marked, deterministic bytes, clear errors.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from project_fixture import Proj

try:
    from diglot.builders.pdf import engine  # noqa: F401
except (ImportError, OSError) as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"WeasyPrint cannot load: {exc}", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import pdf_alignment  # noqa: E402  (the measuring script in bench/, shared with the test)

CASES = ROOT / "tests" / "cases"
needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                   reason="poppler (pdftotext, pdffonts) is not installed")
LONG = " ".join(f"Phrase numéro {n} d'un très long passage qui occupe plusieurs pages entières."
                for n in range(160))
LONG_EN = " ".join(f"Sentence number {n} of a very long passage filling several whole pages."
                   for n in range(160))


def showcase_project(root: Path, layout: str = "facing", drop: tuple[str, ...] = ()) -> Proj:
    proj = Proj(root)
    proj.write("diglot.toml", f'title = "Recueil"\npdf_layout = "{layout}"\n')
    proj.source("showcase", (CASES / "showcase" / "article.md").read_text("utf-8"))
    shutil.copytree(CASES / "showcase" / "images", root / "source_fr" / "images")
    assert proj.run("update").exit_code == 0
    pairs = json.loads((CASES / "showcase" / "pairs.json").read_text("utf-8"))
    proj.translate("showcase", {fr: en for fr, en in pairs if fr not in drop})
    return proj


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()] + ["", ""]


def _body(page: str) -> str:
    """A page without its running head and page number (its first and last lines)."""
    return "\n".join([line for line in page.splitlines() if line.strip()][1:-1])


def words(text: str) -> str:
    """The text's words, a word hyphenated at a line's end joined again (past the
    passage number a right-hand page prints at the end of a passage's first line)."""
    text = re.sub(r"\u2010[ \t]+\d+[ \t]*\n", "\u2010\n", text)
    return " ".join(re.sub(r"\u2010\s*\n\s*", "", text).split())


def built(root: Path, layout: str) -> Proj:
    with pytest.MonkeyPatch.context() as patch:  # module fixtures come before conftest's
        patch.setenv("SOURCE_DATE_EPOCH", "1795000000")
        proj = showcase_project(root, layout)
        assert proj.run("build", "--format", "pdf").exit_code == 0
    return proj


@pytest.fixture(scope="module")
def facing(made_once) -> Proj:
    """Read only: shared by the session's workers (a test that builds again copies it)."""
    return Proj(made_once("pdf-facing", lambda root: built(root, "facing")))


@pytest.fixture(scope="module")
def columns(made_once) -> Proj:
    return Proj(made_once("pdf-columns", lambda root: built(root, "columns")))


def copy_of(proj: Proj, tmp_path: Path) -> Proj:
    return Proj(Path(shutil.copytree(proj.root, tmp_path / "copy", symlinks=True)))


def test_build_pdf_writes_each_article_and_the_edition(facing):
    for name in ("showcase.pdf", "edition.pdf"):
        data = (facing.root / "build" / "pdf" / name).read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert not (facing.root / "build" / "html").exists()  # only the format asked for


# The figure's alt text: in the tagged PDF's structure (/Alt), not printed over its caption.
FIGURE_ALT = ["Une parcelle de tomates au mois d’août", "A plot of tomatoes in August"]


def running_text() -> list[list[str]]:
    """Every printed pair of the showcase: text, table cells, the figure's caption, terms
    and definitions, and the footnotes."""
    pairs = json.loads((CASES / "showcase" / "pairs.json").read_text("utf-8"))
    return [p for p in pairs if p != FIGURE_ALT]


@needs_poppler
@pytest.mark.parametrize("layout", ["facing", "columns"])
def test_every_pair_including_note_calls_is_found_in_the_pdf(facing, columns, layout):
    proj = facing if layout == "facing" else columns
    pairs = running_text()
    found, problems = pdf_alignment.measure(str(proj.root / "build" / "pdf" / "showcase.pdf"),
                                            pairs, layout)
    assert problems == [] and len(found) == len(pairs)


@needs_poppler
@pytest.mark.parametrize("name", ["showcase.pdf", "edition.pdf"])
def test_facing_pages_french_left_english_right_level_within_2pt(facing, name):
    pairs = running_text()
    found, problems = pdf_alignment.measure(str(facing.root / "build" / "pdf" / name), pairs)
    assert problems == []
    assert len(found) == len(pairs)
    assert all(pf % 2 == 0 and pe == pf + 1 for pf, pe in (f.pages for f in found))
    assert max(f.delta for f in found) <= pdf_alignment.TOLERANCE


@needs_poppler
def test_columns_french_left_english_right_level_within_2pt(columns):
    pairs = running_text()
    pdf = columns.root / "build" / "pdf" / "showcase.pdf"
    found, problems = pdf_alignment.measure(str(pdf), pairs, "columns")
    assert problems == [] and len(found) == len(pairs)
    assert all(pf == pe for pf, pe in (f.pages for f in found))
    # no title page; no running head over the article's opening page, its title is there
    assert pages_text(pdf)[0].lstrip().startswith("Le jardin partagé")
    assert pages_text(pdf)[1].lstrip().startswith("RECUEIL")  # the next page has its head


@needs_poppler
def test_every_font_is_embedded(facing, columns):
    for proj in (facing, columns):
        for pdf in sorted((proj.root / "build" / "pdf").glob("*.pdf")):
            table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                                   check=True).stdout.splitlines()[2:]
            assert table and all(row.split()[-5] == "yes" for row in table), table


@needs_poppler
def test_the_contents_gives_the_pages_the_articles_really_start_on(tmp_path):
    proj = Proj(tmp_path)
    proj.write("diglot.toml", 'title = "Recueil"\n')
    proj.source("a-court", "# Premier article\n\nCourt.\n")
    proj.source("b-long", "# Deuxième article\n\n" + LONG + "\n\nFin du deuxième.\n")
    proj.source("c-fin", "# Troisième article\n\nFin.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("b-long", {"Deuxième article": "Second article", LONG: LONG_EN})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "edition.pdf")
    contents = next(n for n, text in enumerate(pages, 1) if "Sommaire" in text)
    assert contents == 3 and pages[0].split()[0] == "Recueil" and not pages[1].strip()
    listed = dict(re.findall(r"(\w+ article)[ .]+(\d+)", pages[contents - 1]))
    assert set(listed) == {"Premier article", "Deuxième article", "Troisième article"}
    for title, number in listed.items():
        number = int(number)
        assert number % 2 == 0  # an article opens on a left-hand page
        assert _lines(pages[number - 1])[0] == title  # no running head over it: its title
        assert title not in _lines(pages[number - 3])[:2]  # and not a spread earlier


@needs_poppler
def test_a_long_passage_continues_on_the_next_spreads_each_line_printed_once(tmp_path):
    proj = Proj(tmp_path)
    proj.source("long", "# Long\n\n" + LONG + "\n\nAprès.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("long", {"Long": "Long", LONG: LONG_EN, "Après.": "After."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "long.pdf")
    assert len(pages) >= 7 and len(pages) % 2 == 1  # a title page, then whole spreads
    french = words("\n".join(_body(p) for p in pages[1::2]))
    english = words("\n".join(_body(p) for p in pages[2::2]))
    for n in range(160):  # every sentence once, in order, on its own side only
        assert french.count(f"Phrase numéro {n} ") == 1, n
        assert english.count(f"Sentence number {n} ") == 1, n
    assert french.index("Phrase numéro 159") > french.index("Phrase numéro 80")
    assert "Sentence" not in french and "Phrase" not in english
    pairs = [["Long", "Long"], [LONG, LONG_EN], ["Après.", "After."]]
    assert pdf_alignment.measure(str(proj.root / "build" / "pdf" / "long.pdf"), pairs)[1] == []


@needs_poppler
def test_untranslated_passages_show_the_french_marked_on_the_english_page(tmp_path):
    missing, title, heading = ("Des fleurs pour les abeilles.",
                               "Le jardin partagé de la rue des Lilas", "Une idée de voisins")
    proj = showcase_project(tmp_path, drop=(missing, title, heading))
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pdf = proj.root / "build" / "pdf" / "showcase.pdf"
    pages = pages_text(pdf)
    french, english = page_of(pages, "Ce mois-ci"), page_of(pages, "This month")
    assert english == french + 1
    assert "Not yet translated: French original shown" in words(pages[english - 1])
    assert missing in words(pages[french - 1]) and missing in words(pages[english - 1])
    assert "pas encore traduits" in words(pages[french - 1])  # the legend

    def height(page: int, text: str, nth: int = 0) -> float:
        left, top, right, bottom, _ = word(bbox_words(pdf, page), text, nth)
        return round(bottom - top, 1)

    # An untranslated title or heading: the French, at its own size, on the English page.
    for text in ("jardin", "idée"):
        assert height(english, text) == height(french, text)
    notes = {height(english, "Not", k) for k in range(3)}  # the notes under them: one size,
    assert len(notes) == 1 and notes.pop() < height(english, "idée")  # the body's notes'


def test_same_inputs_give_the_same_bytes(facing, tmp_path):
    first = (facing.root / "build" / "pdf" / "showcase.pdf").read_bytes()
    facing = copy_of(facing, tmp_path)
    assert facing.run("build", "--format", "pdf", "--force").exit_code == 0
    assert (facing.root / "build" / "pdf" / "showcase.pdf").read_bytes() == first


@needs_poppler
def test_metadata_title_author_and_language(facing):
    info = subprocess.run(["pdfinfo", str(facing.root / "build" / "pdf" / "showcase.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Le jardin partagé de la rue des Lilas$", info, re.M)
    assert re.search(r"^Author:\s+Camille Martin$", info, re.M)
    assert re.search(r"^Keywords:\s+fr-FR, en-GB$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^CreationDate:\s+Wed Nov 18 .*2026", info, re.M)  # SOURCE_DATE_EPOCH


def test_a_second_build_writes_nothing_and_the_layout_setting_rebuilds_pdfs_only(facing,
                                                                                 tmp_path):
    facing = copy_of(facing, tmp_path)
    result = facing.run("build", "--format", "pdf", "--format", "html")
    assert "0 rebuilt but unchanged" in result.output
    again = facing.run("build", "--format", "pdf", "--format", "html")
    assert "0 file(s) written" in again.output
    facing.write("diglot.toml", 'title = "Recueil"\npdf_layout = "columns"\n')
    changed = facing.run("build", "--format", "pdf", "--format", "html")
    assert "2 file(s) written" in changed.output  # showcase.pdf and edition.pdf


def test_the_formats_setting_chooses_what_a_plain_build_writes(tmp_path):
    proj = Proj(tmp_path)
    proj.write("diglot.toml", 'formats = ["pdf"]\n')
    proj.source("a", "# Titre\n\nTexte.\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == [".diglot-manifest.json", "pdf"]


def test_without_weasyprint_pdf_is_one_error_line_and_nothing_written(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "weasyprint" else real(name, *a))
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint → ImportError
    monkeypatch.delitem(sys.modules, "diglot.builders.pdf.engine", raising=False)
    proj = Proj(tmp_path)
    proj.source("a", "# Titre\n\nTexte.\n")
    assert proj.run("update").exit_code == 0
    before = proj.snapshot()
    result = proj.run("build", "--format", "pdf")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: the PDF edition "
                                                                       "needs WeasyPrint")
    assert "pip install 'diglot[pdf]'" in result.output
    assert proj.snapshot() == before


@pytest.mark.parametrize("setting, message", [
    ('pdf_layout = "spiral"', "'pdf_layout' must be one of facing, columns"),
    ('formats = ["pdf", "rtf"]', "'formats' must list some of html, docx, epub, pdf"),
    ('formats = ["html", "html"]', "'formats' must list some of html, docx, epub, pdf"),
])
def test_a_bad_pdf_setting_names_its_line(tmp_path, setting, message):
    proj = Proj(tmp_path)
    proj.write("diglot.toml", f'title = "T"\n{setting}\n')
    proj.source("a", "# Titre\n\nTexte.\n")
    result = proj.run("build")
    assert result.exit_code == 2
    assert result.output.startswith("Error: diglot.toml:2: " + message)


def test_chapters_written_as_level_one_headings_are_set_and_outlined_above_their_subtitles():
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    text = "# Le Tour du monde\n\n# Chapitre I\n\n## Où Passepartout\n\nTexte.\n"
    doc = bilingual_from(text, [("Chapitre I", "Chapter I"), ("Texte.", "Text.")])
    classes = {p.sides[0].html: p.classes for p in passages(doc, Setting(("fr-FR", "en-GB"), "narrow"))
               if "heading" in p.classes}
    assert [c for html, c in classes.items() if "Chapitre" in html] == ["heading h2"]
    assert [c for html, c in classes.items() if "Passepartout" in html] == ["heading h3"]


def test_with_chapter_break_a_chapter_after_text_opens_a_spread_one_in_a_quote_does_not():
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    text = ("# Le Tour du monde\n\n# Chapitre I\n\nTexte.\n\n> # Une affiche\n\n"
            "## Où Passepartout\n\n# Chapitre II\n\nFin.\n")
    doc = bilingual_from(text, [("Chapitre I", "Chapter I"), ("Texte.", "Text.")])
    for chapters in (True, False):
        found = [re.sub("<[^>]+>", "", p.sides[0].html)
                 for p in passages(doc, Setting(("fr-FR", "en-GB"), "narrow", chapters=chapters))
                 if p.fresh]
        assert found == (["Chapitre II"] if chapters else [])


@needs_poppler
def test_chapter_break_sets_each_chapter_on_a_new_left_hand_page(tmp_path):
    proj = Proj(tmp_path)
    proj.source("livre", "# Le Livre\n\n# Chapitre I\n\nCourt.\n\n# Chapitre II\n\nFin.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("livre", {"Chapitre I": "Chapter I", "Chapitre II": "Chapter II",
                             "Court.": "Short.", "Fin.": "End."})
    starts = {}
    for setting in ("false", "true"):
        proj.write("diglot.toml", f"chapter_break = {setting}\n")
        assert proj.run("build", "--format", "pdf").exit_code == 0
        pages = pages_text(proj.root / "build" / "pdf" / "livre.pdf")
        starts[setting] = [n for n, page in enumerate(pages, 1) if "Chapitre II" in page]
        assert [n for n, page in enumerate(pages, 1) if "Chapter II" in page] == \
            [n + 1 for n in starts[setting]]  # the English on the facing page
    assert starts["false"] == [2]  # run on, under the first chapter
    assert starts["true"] == [4]  # a spread of its own, French on the left-hand page
    assert _lines(pages[3])[0].endswith("Chapitre II")  # no running head over the opening
    assert _lines(pages[4])[0].startswith("Chapter II")


def test_each_side_is_typeset_as_its_language_is_printed():
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    doc = bilingual_from("# T\n\nC'est « oui » !\n", [("C'est « oui » !", "It's \"yes\"!")])
    (body,) = [p for p in passages(doc, Setting(("fr-FR", "en-GB"), "narrow")) if p.kind == "paragraph"]
    assert [side.html for side in body.sides] == [
        "C’est «\u00a0oui\u00a0»\u202f!", "It’s \u201cyes\u201d!"]


def test_a_line_never_breaks_after_its_first_word_before_a_styled_span():
    """WeasyPrint 70 broke "To | read and write … passing <code>rb</code>" after "To" when
    the space before the code span was the line's last chance to break."""
    text = ("To read and write binary data, it is mandatory to open the file in binary mode "
            "(here, passing `\"rb\"` to :func:`open`). If you use `\"r\"` instead, it is text.")
    lines = _laid_out(f"{text}\n", [[text, text]], "en-GB")
    assert len(lines) == 2  # "To read … passing" then the rest: not "To" alone on a line


def _laid_out(source: str, pairs, lang: str = "fr-FR") -> tuple:
    """The measured lines of ``source``'s last passage, on one side (``lang``'s) of a page."""
    from diglot.builders.pdf import boxes, markup, style
    from diglot.builders.pdf.engine import Engine
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    found = passages(bilingual_from(source, pairs), Setting(("fr-FR", "en-GB"), "narrow"))
    geo = style.geometry("facing", "A4")
    meta = markup.Meta("t", (), ("fr-FR", "en-GB"), "2026-01-01T00:00:00Z", "s", "g")
    html = markup.measuring([("x", found[-1])], int(lang != "fr-FR"), lang, "")
    document = Engine().layout(markup.document(meta, html, lang=lang),
                               style.measure_css(geo, geo.side_width))
    return boxes.lines(boxes.find(document, "data-m")["x"], True)


def _lines_set(text: str, lang: str = "fr-FR") -> int:
    """How many lines a passage of ``text`` takes on its page's measure."""
    return len(_laid_out(f"{text}\n", [[text, text]], lang))


def test_a_name_kept_whole_never_ends_a_line_short():
    """A reader's review: with the name in a span of its own, "« Sur ma foi, se dit
    Passepartout," was set alone on a line, its spaces stretched across the measure."""
    text = ("« Sur ma foi, se dit Passepartout, un peu ahuri tout d'abord, j'ai connu chez "
            "Mme Tussaud des bonshommes aussi vivants que mon nouveau maître ! »")
    assert _lines_set(text) == _lines_set(text.replace("Passepartout", "passepartout")
                                          .replace("Tussaud", "tussaud")) == 2


def test_each_passage_is_tagged_with_its_language(monkeypatch):
    """WeasyPrint tags the document's language only; each passage's element gets its own,
    and a French passage shown on an English page stays French."""
    from diglot import locales
    from diglot.builders import BuildContext
    from diglot.builders.pdf import assemble, engine
    from diglot.config import Config
    from support import showcase

    seen = []
    tagged = engine._passage_languages

    def spy(languages, document, pdf):
        tagged(languages, document, pdf)
        seen.extend(o["Lang"].data.decode() if "Lang" in o else "" for o in pdf.objects
                    if isinstance(o, dict) and o.get("Type") == "/StructElem" and "Pg" in o)

    monkeypatch.setattr(engine, "_passage_languages", spy)
    doc = showcase(drop=("Des fleurs pour les abeilles.",))
    assemble.article(doc, BuildContext("Recueil", Config(), locales.build_time(), {}))
    french, english = seen.count("(fr-FR)"), seen.count("(en-GB)")
    assert english >= 25 and french >= english + 1  # the passages, the fallback French too


@needs_poppler
@pytest.mark.parametrize("fallback, shown", [("placeholder", "[Translation pending]"), ("omit", "")])
def test_placeholder_and_omit_fallbacks_on_letter_paper(tmp_path, fallback, shown):
    proj = Proj(tmp_path)
    proj.write("diglot.toml", f'fallback = "{fallback}"\npage_size = "Letter"\n')
    proj.source("a", "# Titre\n\nTraduit.\n\nPas encore traduit ici.\n\nTraduit aussi.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("a", {"Titre": "Title", "Traduit.": "Translated.", "Traduit aussi.": "Also."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pdf = proj.root / "build" / "pdf" / "a.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "612 x 792 pts (letter)" in info
    english = words(_body(pages_text(pdf)[2]))
    assert re.search(r"Translated\. 1 (\[Translation pending\] 2 )?Also\. 3$", english), english
    assert "Pas encore" not in english and (shown in english)
    assert "Pas encore traduit ici." in words(pages_text(pdf)[1])


def test_words_glued_to_code_spans_never_run_past_the_column():
    """WeasyPrint cannot break before a word made of text and code (``:func:`max`,``) and
    set such lines past the column, over the English; those passages are set again with
    breaks allowed anywhere."""
    from diglot.builders.pdf import boxes, markup, style
    from diglot.builders.pdf.engine import Engine
    from diglot.builders.pdf.measure import measure
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    text = ("Des fonctions :func:`min`, :func:`max`, :func:`sorted`, :meth:`list.sort`, "
            ":func:`heapq.merge`, :func:`heapq.nsmallest`, et :func:`heapq.nlargest` "
            "acceptent un paramètre *key*.")
    doc = bilingual_from(f"{text}\n", [[text, text]])
    geo = style.geometry("columns", "A4")
    meta = markup.Meta("t", (), ("fr-FR", "en-GB"), "2026-01-01T00:00:00Z", "s", "g")
    found = passages(doc, Setting(("fr-FR", "en-GB"), "narrow"))
    measured = measure(Engine(), geo, found, meta)
    assert not any(boxes.overflows(box) for pair in measured.boxes for box in pair)


def test_relative_links_keep_their_text_unlinked_and_web_links_print_their_address():
    from diglot.builders.pdf.passages import inline_html
    from diglot.source.inline import spans

    html = inline_html(spans("Voir [la suite](suite.html), [le site](https://example.org) "
                             "et <https://example.org>."))
    assert "suite.html" not in html and "la suite" in html
    assert 'le site</a> <span class="url">(https://example.org)</span>' in html
    assert html.count("(https://example.org)") == 1  # an address shown as its own text: once
    # a long address is printed cut, the link keeping it whole (an attack round: a
    # 500,000-letter address used six times set 1,551 pages in 9 minutes)
    long = "https://example.org/" + "a" * 1000
    html = inline_html(spans(f"Voir [ici]({long}) et [là]({long})."))
    printed = re.findall(r'<span class="url">\((.*?)\)</span>', html)
    shown = [re.sub(r"<[^>]+>|\u200b", "", p) for p in printed]
    assert len(shown) == 2 and all(len(p) == 200 and p.endswith("a…") for p in shown)
    assert html.count(f'href="{long}"') == 2
    # shown as its own text, it is cut the same; past 2,048 characters it is no link (a
    # re-attack: WeasyPrint wrote a 94 KB address in each line's link area, 3.1 GB)
    html = inline_html(spans(f"Voir <{long}> et [là]({long + 'b' * 3000})."))
    assert html.count("href=") == 1 and html.count("…") == 2
    assert max(len(w) for w in re.sub(r"<[^>]+>|\u200b", "", html).split()) < 210


def test_a_new_weasyprint_invalidates_pdf_outputs_only(monkeypatch):
    import importlib.metadata

    from diglot.commands import build_plan
    from diglot.config import Config

    before = {f: build_plan.format_fingerprint(f, Config(), "T", "") for f in ("pdf", "html")}
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "999.0" if name == "weasyprint" else real(name))
    assert build_plan.format_fingerprint("pdf", Config(), "T", "") != before["pdf"]
    assert build_plan.format_fingerprint("html", Config(), "T", "") == before["html"]


# --- tables, figures, definition lists and footnotes -----------------------------------------

def bbox_words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, word) of every word on a page (1-based)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', xml)]


def page_of(pages: list[str], text: str) -> int:
    """The 1-based number of the first page whose words hold ``text``."""
    return next(n for n, page in enumerate(pages, 1) if text in words(page))


def word(found, text: str, nth: int = 0):
    return [w for w in found if w[4] == text][nth]


@needs_poppler
def test_each_table_is_on_its_own_language_page_rows_whole_and_columns_aligned(facing):
    pdf = facing.root / "build" / "pdf" / "showcase.pdf"
    pages = pages_text(pdf)
    french = page_of(pages, "Légume Récolte (kg) Parcelles")
    assert french % 2 == 0 and "Vegetable" not in pages[french - 1]
    assert "Vegetable Harvest (kg) Plots" in words(pages[french]) and "Légume" not in pages[french]
    for number, rows in ((french, ["Tomates 412 14", "Courgettes 198 9", "Haricots verts 87 n/c"]),
                         (french + 1, ["Tomatoes 412 14", "Courgettes 198 9", "Green beans 87 n/c"])):
        lines = [" ".join(line.split()) for line in pages[number - 1].splitlines()]
        assert all(row in lines for row in rows), lines  # each row on one line, in its cells
        found = bbox_words(pdf, number)
        right = [word(found, n)[2] for n in ("412", "198", "87")]  # a right-aligned column
        centre = [(w[0] + w[2]) / 2 for w in (word(found, "14"), word(found, "9"), word(found, "n/c"))]
        assert max(right) - min(right) < 0.5 and max(centre) - min(centre) < 0.5
        assert min(right) > word(found, "Tomates" if number == french else "Tomatoes")[2] + 100


@needs_poppler
def test_the_picture_is_embedded_on_each_page_with_its_caption_its_alt_text_in_the_tags(facing):
    pdf = facing.root / "build" / "pdf" / "showcase.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    images = [(int(row.split()[0]), row.split()[3], row.split()[4]) for row in listing]
    pages = pages_text(pdf)
    # A reader's review: the alt text printed over the caption said it again in other words
    french = page_of(pages, "Les tomates en août")
    assert "Tomatoes in August" in words(pages[french])  # 1-based: the next page
    assert FIGURE_ALT[0] not in words(pages[french - 1]) and FIGURE_ALT[1] not in words(pages[french])
    assert "Une parcelle de tomates" in _alt_texts(pdf)  # for a screen reader
    for page in (french, french + 1):  # the picture, and the logo in the text
        assert {(w, h) for n, w, h in images if n == page} == {("480", "270"), ("48", "48")}
    assert len(images) == 4  # nothing else: the alt text is no longer shown in its place
    objects = {(int(row.split()[0]), row.split()[3]): row.split()[10] for row in listing}
    assert objects[(french, "480")] == objects[(french + 1, "480")]  # one photo, embedded once
    assert objects[(french, "48")] != objects[(french + 1, "48")]  # logo.en.png on the English
    found = bbox_words(pdf, french)
    caption, text_above = word(found, "tomates"), word(found, "Haricots")
    assert caption[1] - text_above[3] > 150  # the picture stands between the table and its caption


def _alt_texts(pdf) -> str:
    """The /Alt strings of a PDF's structure tree (UTF-16 in its compressed streams)."""
    data, found = pdf.read_bytes(), []
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            body = zlib.decompress(data[start.end():data.find(b"endstream", start.end())])
        except zlib.error:
            continue
        found += [bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Alt <([0-9a-f]+)>", body)]
    return " ".join(found)


@needs_poppler
@pytest.mark.parametrize("layout", ["facing", "columns"])
def test_a_note_stands_at_the_foot_of_the_page_that_calls_it_in_its_language(facing, columns,
                                                                               layout):
    pdf = (facing if layout == "facing" else columns).root / "build" / "pdf" / "showcase.pdf"
    pages = pages_text(pdf)
    step = 1 if layout == "facing" else 0
    for call, note, english_call, english_note in (
            ("Les récoltes de 2026", "Pesées faites à la balance", "The 2026 harvests",
             "Weighed on the association’s scales."),
            ("ornera la cabane", "La cabane a été repeinte", "will adorn the shed",
             "The shed was repainted in 2025.")):
        here = page_of(pages, call)
        assert note in words(pages[here - 1]) and english_call in words(pages[here - 1 + step])
        assert english_note in words(pages[here - 1 + step])
        found = bbox_words(pdf, here)
        note_top = word(found, note.split()[0], -1)[1]
        height = 842.0  # A4
        assert note_top > 0.75 * height  # at the foot of the page
    if layout == "facing":
        assert "Weighed" not in pages[here - 1] and "Pesées" not in pages[here]
    found = bbox_words(pdf, page_of(pages, "Les récoltes de 2026"))
    year = word(found, "2026")
    call = next(w for w in found if w[4] == "1" and abs(w[0] - year[2]) < 3)
    assert call[3] < year[3] - 2 and call[3] - call[1] < 0.75 * (year[3] - year[1])  # raised, small


@needs_poppler
def test_a_term_stands_on_its_own_line_and_its_definition_is_indented(facing):
    pdf = facing.root / "build" / "pdf" / "showcase.pdf"
    pages = pages_text(pdf)
    for number, term in ((page_of(pages, "Parcelle Carré de terre"), "Parcelle"),
                         (page_of(pages, "A square of soil"), "Plot")):
        found = bbox_words(pdf, number)
        term_box = word(found, term)
        under = min((w for w in found if w[1] > term_box[3] - 1), key=lambda w: (w[1], w[0]))
        assert under[4] in ("Carré", "A")  # the definition, on a line of its own
        assert under[0] - term_box[0] > 10  # indented


def test_a_picture_outside_the_project_is_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "secret.png").write_bytes((CASES / "showcase" / "images" / "logo.png").read_bytes())
    proj = Proj(tmp_path / "edition")
    proj.source("fuite", "# Fuite\n\n![x](../../secret.png)\n")
    result = proj.run("build", "--format", "pdf")
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: source_fr/fuite.md:3: image '../../secret.png' is "
                                     "outside the project; keep images inside the project folder")
    assert not (proj.root / "build").exists()


def test_the_pdf_engine_loads_nothing_but_the_pictures_diglot_gives_it(tmp_path):
    """Defence in depth: even an image element naming a file is not read."""
    from diglot.builders.pdf.engine import Engine

    secret = tmp_path / "secret.png"
    secret.write_bytes((CASES / "showcase" / "images" / "jardin.png").read_bytes())
    document = Engine().layout(f'<p><img src="{secret.as_uri()}" alt="x"></p>', "")
    assert all(type(box).__name__ != "InlineReplacedBox"
               for box in document.pages[0]._page_box.descendants())


@needs_poppler
def test_a_long_table_continues_between_rows_under_its_header_repeated_level_and_whole(tmp_path):
    rows = [(f"Ligne numéro {n}", f"Valeur {n}", f"Row number {n}", f"Value {n}") for n in range(70)]
    table = "| Nom | Valeur |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b, _, _ in rows)
    proj = Proj(tmp_path)
    proj.source("long", "# Long\n\n" + table)
    assert proj.run("update").exit_code == 0
    translated = {"Long": "Long", "Nom": "Name", "Valeur": "Value"}
    translated.update({a: c for a, b, c, d in rows} | {b: d for a, b, c, d in rows})
    proj.translate("long", translated)
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pdf = proj.root / "build" / "pdf" / "long.pdf"
    pages = pages_text(pdf)
    assert len(pages) >= 5  # a title page and two spreads at least
    french = words("\n".join(_body(p) for p in pages[1::2]))
    english = words("\n".join(_body(p) for p in pages[2::2]))
    for a, b, c, d in rows:  # every row once, whole (both cells), on its own side only
        assert french.count(f"{a} {b} ") + french.endswith(f"{a} {b}") == 1, a
        assert english.count(f"{c} {d} ") + english.endswith(f"{c} {d}") == 1, c
    for number, page in enumerate(pages[1:], 2):  # the header row heads every page, once
        assert not _lines(page)[-3].startswith(("Nom", "Name")), page
        header = "Nom Valeur" if number % 2 == 0 else "Name Value"
        assert words(page).count(header) == 1
        if number > 3:  # a continuation: the header first, under the running head
            assert _lines(page)[1].split() == header.split(), page
    pairs = [["Long", "Long"], ["Nom", "Name"], ["Valeur", "Value"]]
    pairs += [pair for a, b, c, d in rows for pair in ([a, c], [b, d])]
    found, problems = pdf_alignment.measure(str(pdf), pairs)
    assert problems == [] and len(found) == len(pairs)


@needs_poppler
def test_an_untranslated_cell_caption_or_note_shows_the_french_marked_on_the_english_page(tmp_path):
    missing = ("Récolte (kg)", "Courgettes", "Les tomates en août", "Les chiffres sont arrondis au kilo.")
    proj = showcase_project(tmp_path, drop=missing)
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "showcase.pdf")
    english = page_of(pages, "Vegetable")
    shown = words(pages[english - 1])
    assert "Vegetable Récolte (kg) Plots" in shown  # in its cell, in place of its English
    # the table's two shaded cells share one note, under the table (no grid of notes)
    assert "Courgettes 198 9 Green beans 87 n/c Not yet translated: French original shown" in shown
    assert "Tomatoes in August" not in shown and "Les tomates en août" in shown
    assert "Weighed on the association’s scales. Les chiffres sont arrondis au kilo." in shown
    assert shown.count("Not yet translated: French original shown") == 3


@needs_poppler
def test_a_note_the_text_never_calls_is_printed_at_the_foot_of_the_last_page(tmp_path):
    proj = Proj(tmp_path)
    proj.source("orpheline", "# Titre\n\nTexte sans appel.\n\n[^x]: Une note orpheline.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("orpheline", {"Titre": "Title", "Texte sans appel.": "Text without a call.",
                                 "Une note orpheline.": "An orphan note."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "orpheline.pdf")
    assert "Une note orpheline." in words(pages[-2]) and "An orphan note." in words(pages[-1])


@needs_poppler
def test_code_in_a_notes_second_paragraph_stands_a_space_after_its_word(tmp_path):
    """An editor's review: the indent of a note's second paragraph was given again to each
    short code box in it, pushing ``pow(2, n)`` 3–4 spaces right."""
    proj = Proj(tmp_path)
    proj.source("n", "# Titre\n\nUn texte.[^1]\n\n[^1]: Premier paragraphe.\n\n"
                     "    Un décalage par `pow(2, n)` vaut une multiplication.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("n", {"Un décalage par `pow(2, n)` vaut une multiplication.":
                         "A shift by `pow(2, n)` is a multiplication."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    for page in (2, 3):
        found = bbox_words(proj.root / "build" / "pdf" / "n.pdf", page)
        before, code = word(found, "par" if page == 2 else "by"), word(found, "pow(2,")
        assert 0 < code[0] - before[2] < 7  # a space (5 pt; the indent given again: 16 pt)


@needs_poppler
def test_short_code_in_a_narrow_cell_stays_on_one_line(tmp_path):
    """A reader's review found ``[1, 2,`` / ``3]`` in the English table: short code is kept
    whole, as on the HTML page."""
    proj = Proj(tmp_path)
    rows = [("Type", "Modifiable", "Ordonné", "Syntaxe littérale", "Usage typique"),
            ("`list`", "oui", "oui", "`[1, 2, 3]`", "Collection homogène d'éléments que l'on "
             "modifie au fil du programme"), ("`tuple`", "non", "oui", "`(1, 2, 3)`",
                                              "Enregistrement hétérogène, souvent déballé")]
    table = "\n".join("| " + " | ".join(r) + " |" for r in rows[:1]) + "\n|---|:-:|:-:|---|---|\n"
    table += "\n".join("| " + " | ".join(r) + " |" for r in rows[1:]) + "\n"
    proj.source("types", f"# Types\n\n{table}")
    proj.run("update")
    english = dict(zip([c for r in rows for c in r],
                       ["Type", "Mutable", "Ordered", "Literal syntax", "Typical use", "`list`", "yes",
                        "yes", "`[1, 2, 3]`", "Homogeneous collection of items that the program "
                        "changes as it runs", "`tuple`", "no", "yes", "`(1, 2, 3)`",
                        "Heterogeneous record, often unpacked into several variables"]))
    proj.translate("types", {"Types": "Types", **english})
    proj.run("build", "--format", "pdf", "--article", "types")
    text = "\n".join(pages_text(tmp_path / "build" / "pdf" / "types.pdf"))
    assert text.count("[1, 2, 3]") == 2 and text.count("(1, 2, 3)") == 2


@needs_poppler
def test_a_quotation_is_set_in_italics_as_on_the_page_and_in_the_docx(tmp_path):
    """A reader's review: the PDF set quotations in roman with no rule, the other formats in
    italics with one."""
    proj = Proj(tmp_path)
    proj.source("q", "# Titre\n\n> Une citation sans autre style.\n")
    proj.run("update")
    proj.translate("q", {"Titre": "Title", "Une citation sans autre style.": "A quotation, no other style."})
    proj.run("build", "--format", "pdf", "--article", "q")
    if not shutil.which("pdftohtml"):
        pytest.skip("poppler's pdftohtml is not installed")
    text = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(tmp_path / "build/pdf/q.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert "<i>Une citation sans autre style.</i>" in text
    assert "<i>A quotation, no other style.</i>" in text


@needs_poppler
def test_a_note_or_a_table_row_longer_than_a_page_goes_on_over_the_next_spreads(tmp_path):
    """Nothing is cut off at the foot of a page: a footnote too long for the foot goes on
    at the foot of the next spread, and a table row taller than the page is cut between
    its lines (both were drawn past the page, their end lost)."""
    note = " ".join(f"Remarque {n} d'une note très longue qui ne tient pas en bas." for n in range(90))
    note_en = " ".join(f"Remark {n} of a very long note that does not fit." for n in range(90))
    cell = " ".join(f"Case {n} d'une ligne très haute." for n in range(170))
    cell_en = " ".join(f"Cell {n} of a very tall row." for n in range(170))
    proj = Proj(tmp_path)
    proj.source("long", f"# Long\n\nUn appel[^1].\n\n| A | B |\n|---|---|\n| x | {cell} |\n\n"
                        f"Fin.\n\n[^1]: {note}\n")
    assert proj.run("update").exit_code == 0
    proj.translate("long", {"Long": "Long", "Un appel[^1].": "A call[^1].", "A": "A", "B": "B",
                            "x": "x", cell: cell_en, "Fin.": "End.", note: note_en})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "long.pdf")
    french = words("\n".join(_body(p) for p in pages[1::2]))
    english = words("\n".join(_body(p) for p in pages[2::2]))
    for n in range(90):  # every sentence once, in order, on its own side only
        assert french.count(f"Remarque {n} ") == 1 and english.count(f"Remark {n} ") == 1, n
    for n in range(170):
        assert french.count(f"Case {n} ") == 1 and english.count(f"Cell {n} ") == 1, n
    assert french.index("Remarque 89") > french.index("Remarque 1 ")
    assert french.index("Case 169") > french.index("Case 1 ") and french.endswith("Fin.")
    xml = subprocess.run(["pdftotext", "-bbox", str(proj.root / "build" / "pdf" / "long.pdf"),
                          "-"], capture_output=True, text=True, check=True).stdout
    for page in xml.split("<page ")[1:]:  # every word on its page, none drawn past an edge
        bottom = float(re.search(r'height="([\d.]+)"', page).group(1))
        for top, low in re.findall(r'<word xMin="[-\d.]+" yMin="(-?[\d.]+)" xMax="[-\d.]+" '
                                   r'yMax="(-?[\d.]+)"', page):
            assert 0 <= float(top) and float(low) <= bottom


@needs_poppler
@pytest.mark.parametrize("layout", ["facing", "columns"])
def test_a_table_with_a_long_code_name_keeps_every_column_on_the_page(tmp_path, layout):
    """A reader's review: a code name as wide as a column pushed a 7-column table past the
    page (its last column, "Remarque", never printed); in columns, a 3-column table ran
    over the English one. The passage is set again, its code broken anywhere."""
    long = "`xml.dom.minidom.Node.PROCESSING_INSTRUCTION_NODE`"
    heads = ["Représentation", "Description", "Point", "Catégorie", "Depuis", "Symbole", "Remarque"]
    english = ["Representation", "Description", "Point", "Category", "Since", "Symbol", "Remark"]
    cells = ["`\\v`", "Tabulation", "U+000B", "contrôle", "3.2", long, "ajoutée tard"]
    if layout == "columns":  # three columns in a column's width
        heads, english, cells = ([row[0], row[5], row[6]] for row in (heads, english, cells))
    proj = Proj(tmp_path)
    proj.write("diglot.toml", f'pdf_layout = "{layout}"\n')
    proj.source("t", "# T\n\n| " + " | ".join(heads) + " |\n|" + "---|" * len(heads) + "\n| "
                + " | ".join(cells) + " |\n")
    assert proj.run("update").exit_code == 0
    proj.translate("t", dict(zip(heads, english)) | {"T": "T", "Tabulation": "Tab",
                                                     "contrôle": "control", "ajoutée tard": "added late"})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pdf = proj.root / "build" / "pdf" / "t.pdf"
    text = words("\n".join(pages_text(pdf)))
    assert all(word in text.split() for word in ("Remarque", "Remark", "tard", "late"))
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    french_right = []
    for page in xml.split("<page ")[1:]:
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        found = re.findall(r'<word xMin="(-?[\d.]+)" yMin="[-\d.]+" xMax="(-?[\d.]+)" '
                           r'yMax="[-\d.]+">([^<]*)</word>', page)
        assert all(0 <= float(a) and float(b) <= width for a, b, _ in found)
        french_right += [float(b) for a, b, w in found if w in ("Remarque", "tard")]
    english_left = [float(a) for page in xml.split("<page ")[1:] for a, _, w in re.findall(
        r'<word xMin="(-?[\d.]+)" yMin="[-\d.]+" xMax="(-?[\d.]+)" yMax="[-\d.]+">([^<]*)</word>',
        page) if w == "Representation"]
    if layout == "columns":  # the French table ends before the English one starts
        assert max(french_right) < min(english_left)


@needs_poppler
def test_a_table_a_little_too_wide_is_set_smaller_its_code_whole(tmp_path):
    """An editor's review: a seven-column table of the datetime docs ran past its side and
    was set again breaking code anywhere: "+0000, -0 / 400, +103 / 0". A table first gets a
    smaller size and closer cells, where its code stays whole."""
    heads = ["Directive", "Signification", "Exemple (en_US)", "Exemple (fr_FR)", "C89",
             "Largeur", "Notes"]
    offsets = "`+0000`, `-0400`, `+1030`, `+063415`, `-030712.345216`"
    meaning = ("Décalage horaire UTC sous la forme ``±HHMM[SS[.ffffff]]`` (chaîne vide si "
               "l'instance est naïve).")
    proj = Proj(tmp_path)
    proj.source("t", "# T\n\n| " + " | ".join(heads) + " |\n|" + "---|" * 7 + "\n"
                f"| `%z` | {meaning} | {offsets} | (idem) | oui |  |  |\n")
    assert proj.run("update").exit_code == 0
    proj.translate("t", {h: h.replace("Exemple", "Example") for h in heads} | {
        "T": "T", "(idem)": "(same)", "oui": "yes",
        meaning: "UTC offset in the form ``±HHMM[SS[.ffffff]]`` (empty if naive)."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pages = pages_text(proj.root / "build" / "pdf" / "t.pdf")
    for page in pages[1:3]:
        assert all(code in page.split() for code in ("-0400,", "+063415,", "-030712.345216",
                                                     "±HHMM[SS[.ffffff]]")), page


@needs_poppler
def test_a_footnote_call_never_starts_a_line(tmp_path):
    """A reader's review: in columns, a full line left the call alone on the next one
    ("…imposée par s." then "2")."""
    text = ("Ce tableau répertorie les opérations sur les séquences  triées par priorité "
            "ascendante. Dans le tableau, *s* et *t* sont des séquences du même type, *n*, *i*, "
            "*j* et *k* sont des nombres entiers et *x* est un objet arbitraire qui répond à "
            "toutes les restrictions de type et de valeur imposée par *s*.[^b]")
    proj = Proj(tmp_path)
    proj.write("diglot.toml", 'pdf_layout = "columns"\n')
    proj.source("t", f"# Séquences\n\n{text}\n\n[^b]: Voir la référence du langage.\n")
    assert proj.run("update").exit_code == 0
    proj.translate("t", {"Séquences": "Sequences", text: "In the table, *s* is a sequence.[^b]",
                         "Voir la référence du langage.": "See the language reference."})
    assert proj.run("build", "--format", "pdf").exit_code == 0
    found = bbox_words(proj.root / "build" / "pdf" / "t.pdf", 1)
    before, call = next((a, b) for a, b in zip(found, found[1:]) if a[4] == "s." and b[4] == "1")
    assert abs(before[3] - call[3]) < 5  # on the line of the word it follows


@needs_poppler
def test_a_code_line_too_long_for_the_page_goes_on_indented_under_itself(tmp_path):
    """A reader's review: a wrapped code line went on flush left ("coprime)." read as a
    new, dedented line of Python)."""
    comment = ("    # pow(n, -1, P) gives the inverse of n modulo P (n and P must be coprime), "
               "a very long comment indeed that wraps.")
    proj = Proj(tmp_path)
    proj.source("c", f"# Code\n\n```python\ndef inverse(n, P):\n{comment}\n\n    return 1\n```\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build", "--format", "pdf").exit_code == 0
    found = bbox_words(proj.root / "build" / "pdf" / "c.pdf", 2)
    last = word(found, "wraps.")
    went_on = min(w[0] for w in found if abs(w[1] - last[1]) < 1)  # its line's first word
    hash_x, ret = word(found, "#")[0], word(found, "return")[0]
    assert last[1] > word(found, "#")[1] + 5  # the comment did wrap
    assert went_on > hash_x > word(found, "def")[0]  # further in than its own line's start
    assert ret == hash_x  # the next line at its own indentation, the blank line kept
    assert word(found, "return")[1] > word(found, "wraps.")[1] + 10


@needs_poppler
def test_spaces_in_short_code_are_kept_as_typed_and_never_stretched(tmp_path):
    """A reader's review: `'  '` (difflib's code for a common line) printed as `' '`, its
    two spaces collapsed; a justified line must not stretch them either."""
    text = ("Une ligne commune commence par `'  '` et une autre par `'ab'` ; la suite du "
            "paragraphe remplit la ligne justifiée jusqu'au bout, puis une autre encore, "
            "pour que la première soit étirée d'un bord à l'autre de la page.")
    proj = Proj(tmp_path)
    proj.source("c", f"# Code\n\n{text}\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build", "--format", "pdf").exit_code == 0
    found = [(*w[:4], html.unescape(w[4])) for w in bbox_words(proj.root / "build" / "pdf" / "c.pdf", 2)]
    width = (word(found, "'ab'")[2] - word(found, "'ab'")[0]) / 4  # one character
    first, second = [w for w in found if w[4] == "'"][:2]
    assert abs(second[0] - first[0] - 3 * width) < 0.3  # a quote and two spaces, no more
    line = [w for w in found if abs(w[3] - first[3]) < 4]  # its line (text and code faces)
    assert max(line, key=lambda w: w[2])[2] - min(w[0] for w in line) > 380  # justified, full


@pytest.mark.parametrize("body, message", [
    (" ".join("*[a](b)*" for _ in range(30)), "about 60 links: more than the 20 the PDF edition lays out"),  # both sides
    ("```\n" + "x\n" * 30 + "```", "30 lines of code blocks: more than the 20 the PDF edition lays out"),
    ("Appel" + "[^n]" * 15 + ".\n\n[^n]: Note.",
     "about 30 footnote calls: more than the 20 the PDF edition lays out")])  # both sides
def test_what_the_pdf_engine_lays_out_too_slowly_is_one_error_the_other_formats_build(
        tmp_path, monkeypatch, body, message):
    """An attack round: 70,000 links (630 KB) took WeasyPrint 97 s and 2.1 GB; a code
    block of 20,000 lines 89 s; another, 40,000 note calls 133 s and 1.24 GB."""
    from diglot.builders import pdf

    monkeypatch.setattr(pdf, "MAX_LINKS", 20)
    monkeypatch.setattr(pdf, "MAX_CODE_LINES", 20)
    monkeypatch.setattr(pdf, "MAX_CALLS", 20)
    proj = Proj(tmp_path)
    proj.source("a", f"# A\n\n{body}\n")
    assert proj.run("update").exit_code == 0
    result = proj.run("build", "--format", "pdf")
    assert result.exit_code == 2 and result.output == f"Error: source_fr/a.md: {message}; split " \
        "the article (the other editions take it)\n"
    assert proj.run("build", "--format", "html").exit_code == 0


def test_pictures_past_the_pixels_the_pdf_decodes_are_one_error_before_any_decoding(tmp_path):
    """An attack round: a two-colour PNG of 88 million pixels is 11 kB of file and 9 s of
    WeasyPrint's decoding; ten of them took 94 s."""
    width = 9400  # 88 million pixels, under the bound a picture has in every format
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * width, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + \
            (zlib.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big")

    proj = Proj(tmp_path)
    for n in range(2):
        header = width.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])
        proj.write(f"source_fr/p{n}.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                   + chunk(b"tEXt", b"n\x00" + bytes([48 + n])) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    # a JPEG counts too: WeasyPrint decodes one with an EXIF block (a camera's) to turn it
    frame = b"\x08" + width.to_bytes(2, "big") * 2 + b"\x03" + b"\x01\x11\x00" * 3
    proj.write("source_fr/p2.jpg", b"\xff\xd8\xff\xc0" + (len(frame) + 2).to_bytes(2, "big") + frame + b"\xff\xd9")
    names = ["p0.png", "p1.png", "p2.jpg"]
    proj.source("a", "# A\n\n" + "".join(f"![p{n}]({name})\n\n" for n, name in enumerate(names)) + "![again](p0.png)\n")
    assert proj.run("update").exit_code == 0
    result = proj.run("build", "--format", "pdf")
    assert (result.exit_code, result.output) == (2, (
        "Error: source_fr/a.md: its pictures come to 265 million pixels, more than the 200 million "
        "the PDF edition decodes; scale them down (the book prints a picture at most 300 pt tall: "
        "some 1,250 pixels at 300 dpi), or split the edition (the other editions take them)\n"))
    assert proj.run("build", "--format", "html").exit_code == 0


def test_a_picture_shown_many_times_is_one_address_for_the_layout_engine(tmp_path, monkeypatch):
    """An attack round: each use of a 5 MB picture was a data: URI of its own, 200 MB of page
    for 30 uses (38 s, 2.5 GB). The engine reads a short address; the bytes come once."""
    from diglot.builders.pdf import engine

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + \
            (zlib.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big")

    header = (10).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    padded = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"prVt", b"\0" * (1 << 20)) \
        + chunk(b"IDAT", zlib.compress((b"\0" + b"\0" * 30) * 10)) \
        + chunk(b"IEND", b"")
    proj = Proj(tmp_path)
    proj.write("source_fr/p.png", padded)
    proj.source("a", "# A\n\n" + "".join(f"![vue {n}](p.png)\n\n" for n in range(20)))
    assert proj.run("update").exit_code == 0
    read = []
    real = engine.Engine.layout
    monkeypatch.setattr(engine.Engine, "layout", lambda self, html, css: read.append(len(html)) or real(self, html, css))
    assert proj.run("build", "--format", "pdf", "--article", "a").exit_code == 0
    assert max(read) < 100_000  # not one megabyte of data: URI per use


def test_an_svgs_embedded_pictures_count_against_the_pixels_the_pdf_decodes(tmp_path):
    """An attack round: six 88-million-pixel PNGs inside one 87 kB SVG took the PDF a
    minute, where the same six as figures were refused at once."""
    import base64

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + \
            (zlib.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big")

    images = []
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (9400).to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])) \
        + chunk(b"IEND", b"")
    for kind in ("png", "gif", "x-png"):  # one picture, three addresses: decoded three times
        images.append(f'<image href="data:image/{kind};base64,{base64.b64encode(png).decode()}" '
                      'width="10" height="10"/>')
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' + "".join(images) + "</svg>"
    proj = Proj(tmp_path)
    proj.write("source_fr/dessin.svg", svg)
    proj.source("a", "# A\n\n![un dessin](dessin.svg)\n")
    assert proj.run("update").exit_code == 0
    result = proj.run("build", "--format", "pdf")
    assert result.exit_code == 2 and result.output.startswith(
        "Error: source_fr/a.md: its pictures come to 265 million pixels, more than the 200 million")


def test_the_pixels_all_a_builds_pdf_books_decode_are_bounded(tmp_path, monkeypatch):
    """An attack round: two 11 kB pictures of 88 million pixels in each of 14 articles, each
    article within its bound: 68 s, and more with every article."""
    from diglot.commands import build_jobs

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + \
            (zlib.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big")

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (9400).to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])) \
        + chunk(b"IEND", b"")
    monkeypatch.setattr(build_jobs, "MAX_DECODED_PIXELS", 150_000_000)
    proj = Proj(tmp_path)
    proj.write("source_fr/p.png", png)
    for name in ("a", "b"):
        proj.source(name, f"# {name}\n\n![une vue](p.png)\n")
    assert proj.run("update").exit_code == 0
    before = proj.snapshot()
    result = proj.run("build", "--format", "pdf", "-j", "1")
    assert result.exit_code == 2 and result.output.startswith(
        "Error: source_fr/b.md: the articles' PDF books would decode more than 150 million pixels")
    assert proj.snapshot() == before


@needs_poppler
def test_proper_names_and_acronyms_are_never_hyphenated_other_long_words_are(tmp_path):
    """A reader's review: "Zucker-berg" and "Massa-chusetts" divided at a line's end, which
    neither French nor English typography allows; ordinary long words still are."""
    sentence = ("Les administrateurs constitutionnellement responsables du Massachusetts "
                "rencontrèrent Schwarzenegger, Zuckerberg, l'UNESCO et Constantinople "
                "extraordinairement souvent, {n} fois.")
    text = " ".join(sentence.format(n=n) for n in range(12))
    proj = Proj(tmp_path)
    proj.source("n", f"# Noms\n\n{text}\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build", "--format", "pdf").exit_code == 0
    pdf = proj.root / "build" / "pdf" / "n.pdf"
    found = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    divided = re.findall(r"(\w+)\u2010\n(\w+)", found)
    assert divided, "no word was hyphenated: the test proves nothing"
    assert [a + b for a, b in divided if (a + b)[0].isupper()] == []


def test_a_paragraph_ending_in_a_colon_keeps_with_the_code_table_or_list_it_introduces():
    """A reader's review: "Voici un exemple :" ended a spread, its code on the next one."""
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from
    from test_docx_builder import INTRODUCED

    found = passages(bilingual_from(INTRODUCED, []), Setting(("fr-FR", "en-GB"), "narrow"))
    kept = {re.sub("<[^>]+>", "", p.sides[0].html).split("\u00a0:")[0]
            for p in found[1:] if p.keep}
    assert kept == {"Voici un exemple", "Les colonnes", "Trois cas"}


def test_the_title_page_never_leaves_one_short_word_alone_on_the_last_line():
    """A reader's review: "Meta" stood alone under "Llama 4 : Le prochain modèle d’IA de"."""
    from diglot.builders.pdf import markup

    html = markup.front(markup.Front("Llama 4 : Le prochain modèle d’IA de Meta",
                                     "Llama 4: Meta’s Next AI Model"), ("fr-FR", "en-GB"))
    assert "d’IA de\u00a0Meta</h1>" in html and "Next AI\u00a0Model</p>" in html
    # a long title breaks after its colon, as a typesetter breaks it (a reader's review)
    assert ">Llama 4 :<br>Le prochain modèle d’IA de\u00a0Meta</h1>" in html
    long = "Une introduction aux expressions rationnelles extraordinairement détaillées"
    assert f">{long}</h1>" in markup.front(markup.Front(long, ""), ("fr-FR", "en-GB"))


def test_a_capitalised_common_word_the_article_also_writes_in_lower_case_may_be_hyphenated():
    """A reader's review: "Parliament", "Certainly" opening a sentence were kept whole like
    names, and lines went loose around them; a word the article also writes in lower case is
    a common word."""
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    text = "Certainement Passepartout viendra. Il viendra certainement demain."
    [body] = [p for p in passages(bilingual_from(f"# T\n\n{text}\n", []),
                                  Setting(("fr-FR", "en-GB"), "narrow")) if p.kind == "paragraph"]
    assert '<span class="name"> Passepartout</span>' in body.sides[0].html
    assert '<span class="name">Certainement</span>' not in body.sides[0].html


def test_a_code_block_never_leaves_one_line_alone_at_a_page_foot_or_head():
    """A reader's review: "Voici un exemple :" and the first line of its code ended a page,
    the other seventeen lines on the next spread (each code line is a block of its own)."""
    def unbreakable(code: str) -> list[int]:
        lines = _laid_out(f"# T\n\n```python\n{code}\n```\n", [])
        assert len(lines) == code.count("\n") + 1
        return [k for k, line in enumerate(lines) if not line.breakable]

    code = [f"valeur_{n} = calcule(base, {n})" for n in range(18)]
    assert unbreakable("\n".join(code)) == [0, 1, 17]
    # a blank line does not count (a code review): "a", "", "b" stay together
    assert unbreakable("\n".join([code[0], "", *code[1:16], "", code[17]])) == [0, 1, 2, 17, 18]


def test_names_are_read_from_each_language_as_shown_and_times_keep_their_colon():
    """A code review: "microsoft" in a link's address made "Microsoft" divisible, the
    English "orange" the French company "Orange"; a title broke inside "10:30"."""
    from diglot.builders.pdf import markup
    from diglot.builders.pdf.passages import Setting, passages
    from support import bilingual_from

    text = "Microsoft et Orange signent ([lien](https://news.microsoft.com/fr))."
    doc = bilingual_from(f"# T\n\n{text}\n", [[text, "Microsoft and an orange company sign."]])
    [body] = [p for p in passages(doc, Setting(("fr-FR", "en-GB"), "narrow"))
              if p.kind == "paragraph"]
    assert '<span class="name">Microsoft</span>' in body.sides[0].html
    assert '<span class="name"> Orange</span>' in body.sides[0].html
    html = markup.front(markup.Front("Rendez-vous à 10:30 : la ville s’éveille doucement", ""),
                        ("fr-FR", "en-GB"))
    assert ">Rendez-vous à 10:30 :<br>la ville s’éveille doucement</h1>" in html


def test_footnotes_read_the_articles_lower_case_words_too():
    """A code review: the body let "Certainement" be divided, its footnote did not."""
    from diglot.builders import BuildContext
    from diglot.builders.pdf import assemble
    from diglot.config import Config
    from support import bilingual_from

    text = "Il viendra certainement.[^a]\n\n[^a]: Certainement Passepartout viendra aussi.\n"
    doc = bilingual_from(f"# T\n\n{text}", [])
    _articles, _passages, footnotes = assemble._gather([doc], BuildContext("t", Config(), None, {}))
    note = footnotes[0].sides[0].html
    assert '<span class="name"> Passepartout</span>' in note and '">Certainement' not in note


def test_a_long_title_is_cut_at_a_word_in_the_running_heads():
    """An attack round: every page set an 8,000-word title again as its running head (91 s
    for 95 pages); a running head holds one line."""
    from diglot.builders.pdf import markup

    title = "Le Tour du monde en quatre-vingts jours, " * 6
    html = markup.sheets([markup.Sheet("a/1/0", title, "Llama 4", False)])
    verso = re.search(r'data-verso="([^"]*)"', html).group(1)
    assert verso == "Le Tour du monde en quatre-vingts jours, Le Tour du monde en quatre-vingts…"
    assert 'data-recto="Llama 4"' in html


def test_a_run_too_long_for_a_line_breaks_at_its_joints_unhyphenated_and_ragged():
    """An attack round: WeasyPrint laid out the rest of a 40,000-letter word again for each
    line it cut from it (128 s; now 3.8 s). A reader's review of the first fix (a break
    every 32 letters): wide gaps in justified lines, "sec‐tion" hyphenated in an address,
    and an 87-letter name in a table's cell ran off the page. A run breaks after its joints
    and every 8 letters between, in a span never hyphenated, its passage set ragged; in a
    cell from 20 letters, 16 breaks at most (measuring a table tries every break)."""
    from diglot.builders.pdf.inline import Context, inline_html
    from diglot.builders.pdf.passages import Setting, passages
    from diglot.source.inline import spans
    from diglot.typography import typeset
    from support import bilingual_from

    z = "\u200b"
    address = "https://ex.org/un/chemin?section=ancres&lang=fr&utm_source=glossaire"
    html = inline_html(spans(f"voir [ceci]({address}) et abcdefghijklmnopqrstuvwxyz_" * 3))
    assert (f'(<span class="run">https:{z}/{z}/{z}ex.{z}org/{z}un/{z}chemin?{z}section={z}'
            f'ancres&amp;{z}lang={z}fr&amp;{z}utm_{z}source={z}glossair{z}e</span>)') in html
    escaped = address.replace("&", "&amp;")
    assert html.count(f'href="{escaped}"') == 3 and html.replace(z, "").count(escaped) == 6
    name = "identifiant_tres_long_qui_depasse_la_cellule"  # 44 letters: a prose line holds it
    assert z not in inline_html(spans(name))
    assert f'<span class="run">identifi{z}ant_{z}tres_{z}long_{z}' in \
        inline_html(spans(name), Context(cell=True))
    assert inline_html(spans("a" * 40_000), Context(cell=True)).count(z) == 16  # spread
    # a run is what a line cannot break: joined by no-break spaces, by spaces before ";",
    # or written in pieces, plain then italic (an attack round: 220 s, 51 s, 76 s); by
    # spaces after an opening bracket, before a word joiner, or by note calls glued to
    # letters (another: "a( " × 2,000 69 s, "a[^a]" × 600 94 s); whatever Unicode's rules
    # forbid breaking at, as Pango reads them (a third: 'a" ¿' × 2,000 97 s, "a„ " 51 s)
    for source in ("ab\u00a0" * 40, "ab ;" * 40, "a" * 40 + "*" + "b" * 40 + "*" + "c" * 40,
                   "a( " * 40, "a¿ " * 40, "a \u2060" * 40, "abc[^1]" * 40, 'a" ( ' * 40,
                   "a» ( " * 40, 'a" ¿ ' * 40, "a„ " * 40, "a ⁄" * 40, "a ։" * 40,
                   "ab![cd](https://e.org/p.png)" * 40):  # a remote picture: its alt text
        html_of = inline_html(spans(f"voir {source} fin"))
        assert html_of.count(z) >= 10 and html_of.count('<span class="run">') >= 1, source
    # French dialogue breaks at its spaces, words whole (a code review: "No|n", "«|")
    dialogue = " — ".join(f"« {w} ! »" for w in ("Oui", "Non", "Peut-être", "Toujours",
                                                    "Certainement", "Naturellement"))
    assert z not in inline_html(typeset(spans(dialogue), "fr", "narrow"))
    # a word with its punctuation is the dictionary's to divide, in a cell too (an editor's
    # review: "non-alphanumérique ;", 21 characters, was cut "non-alph / anumériq / ue")
    cell = typeset(spans("Un caractère non-alphanumérique ; anticonstitutionnellement, « ici »."),
                   "fr", "narrow")
    assert z not in inline_html(cell, Context(cell=True))
    cell = typeset(spans('Any "non-alphanumerical" character, unconstitutionally[^1].'), "en")
    assert z not in inline_html(cell, Context(cell=True))  # English quotes, a note call
    text = f"Voir {address}.\n\nCourt.\n"
    found = passages(bilingual_from(text, [[f"Voir {address}.", f"See {address}."]]),
                     Setting(("fr-FR", "en-GB"), "narrow"))
    assert [p.classes for p in found if p.kind == "paragraph"] == ["text ragged", "text"]


def test_a_passage_with_long_code_holding_spaces_is_set_ragged_so_they_never_stretch():
    """An editor's review: justified, "Voir :term:`annotation de variable<…>`" was set
    "annotation    de    variable", the code's own spaces stretched. Such a passage (a
    note too) is set ragged, as one holding a long run is; short code stays a box."""
    from diglot.builders.pdf.passages import Setting, notes, passages
    from support import bilingual_from

    spaced = "Voir `annotation de variable<variable annotation>` ici.[^1]"
    text = (f"{spaced}\n\nVoir `x = 1` ici.\n\nVoir `annotation_de_variable` ici.\n\n"
            "[^1]: Comme `time.strftime(fmt, d.timetuple())` fait.\n")
    doc = bilingual_from(text, [[spaced, "See `variable annotation` here.[^1]"]])
    setting = Setting(("fr-FR", "en-GB"), "narrow")
    assert [p.classes for p in passages(doc, setting) if p.kind == "paragraph"] == \
        ["text ragged", "text", "text"]
    assert [p.classes for _, p in notes(doc, setting)] == ["footnote ragged"]
    # a heading set ragged keeps its level's space above it (a code review: 2.2 for 3.0)
    heads = passages(bilingual_from("# T\n\nTexte.\n\n## La forme `from __future__ import "
                                    "annotations`\n\nTexte.\n\n## Une autre\n\nFin.\n", []),
                     setting)
    assert [(p.classes, p.space) for p in heads if p.kind == "heading"] == \
        [("heading h2 ragged", 3.0), ("heading h2", 3.0)]


def test_the_outline_shows_a_heading_with_a_long_run_as_written(tmp_path):
    """A code review: the zero-width breaks a long run gets (see the test above) were in
    the heading's bookmark, which readers show and search."""
    import pikepdf

    run = "abcdefghij" * 8
    proj = Proj(tmp_path)
    proj.source("essai", f"# Essai\n\n## Empreinte sha256:{run}\n\nUn paragraphe.\n")
    assert proj.run("update").exit_code == 0
    assert proj.run("build", "--format", "pdf").exit_code == 0
    with pikepdf.open(tmp_path / "build/pdf/essai.pdf") as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        titles += [child.title for item in outline.root for child in item.children]
    assert f"Empreinte sha256:{run}" in titles
