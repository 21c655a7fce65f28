"""The EPUB builder: the package's structure (mimetype, container, manifest, spine, nav,
NCX), the same bytes for the same input, language tags on every passage, images and notes
inside the book, fallbacks marked, links that stay valid, each language alone; epubcheck
when it is installed."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest

from diglot.builders import BuildContext, get_builder
from diglot.builders.epub import chapter, edition_book
from diglot.builders.epub.cover import cover_lines
from diglot.config import Config
from support import CASES, bilingual_from, showcase

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source_fr" / "llama-4.md"
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "ncx": "http://www.daisy.org/z3986/2005/ncx/",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
EPUB = get_builder("epub")


WHEN = dt.datetime.fromtimestamp(1795000000, dt.timezone.utc)  # 2026-11-18 11:06:40 UTC


def context(config: Config | None = None, when: dt.datetime = WHEN) -> BuildContext:
    return BuildContext("Édition de test", config or Config(), when, {})


class Book:
    """An EPUB opened for the tests: its entries, package document and pages as XML."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()
        container = self.xml("META-INF/container.xml")
        self.opf_path = container.find(".//c:rootfile", NS).get("full-path")
        self.base = str(PurePosixPath(self.opf_path).parent) + "/"
        self.opf = self.xml(self.opf_path)
        self.items = {i.get("id"): i for i in self.opf.iterfind(".//opf:manifest/opf:item", NS)}
        self.spine = [self.base + self.items[r.get("idref")].get("href")
                      for r in self.opf.iterfind(".//opf:spine/opf:itemref", NS)]

    def xml(self, name: str) -> ET.Element:
        return ET.fromstring(self.zip.read(name))

    def text(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8")

    def item(self, prop: str) -> str:
        return next(self.base + i.get("href") for i in self.items.values()
                    if prop in (i.get("properties") or "").split())

    def pages(self, folder: str) -> list[str]:
        return [n for n in self.names if n.startswith(self.base + folder + "/")]


def article_book(doc, config: Config | None = None) -> Book:
    return Book(EPUB.article(doc, context(config)))


@pytest.fixture(scope="module")
def rich() -> Book:
    return article_book(showcase())


# --- the package -----------------------------------------------------------------------------

def test_mimetype_comes_first_stored_and_exact(rich):
    first = rich.zip.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert rich.zip.read(first) == b"application/epub+zip"
    assert rich.data[30:38] == b"mimetype" and not first.extra  # readers look at byte 30


def test_manifest_lists_exactly_the_files_of_the_package(rich):
    listed = {rich.base + unquote(i.get("href")) for i in rich.items.values()}
    present = set(rich.names) - {"mimetype", "META-INF/container.xml", rich.opf_path}
    assert listed == present
    assert all(i.get("media-type") for i in rich.items.values())


def test_spine_reads_cover_contents_bilingual_then_each_language_alone(rich):
    pages = [PurePosixPath(p).relative_to("EPUB").as_posix() for p in rich.spine]
    assert pages == ["cover.xhtml", "nav.xhtml", "both/showcase.xhtml", "part-fr.xhtml",
                     "fr/showcase.xhtml", "part-en.xhtml", "en/showcase.xhtml"]
    assert rich.opf.find(".//opf:spine", NS).get("toc") == "ncx"


def test_every_link_and_image_of_every_page_leads_inside_the_book(rich):
    assert links_checked(rich) > 30


def test_an_article_in_a_folder_and_a_regional_language_keep_their_links_and_tags():
    doc = bilingual_from("# Marché\n\nUn texte[^1].\n\n[^1]: Une note.\n",
                         [["Marché", "Market"], ["Un texte[^1].", "A text[^1]."],
                          ["Une note.", "A note."]], slug="2026/marche", lang="en_GB")
    ctx = BuildContext("T", Config(languages=["en_GB"]), WHEN, {"2026/marche": "2026/marche"})
    book = Book(EPUB.article(doc, ctx))
    assert links_checked(book) > 8
    page = book.xml("EPUB/en-GB/2026/marche.xhtml")
    assert page.get("lang") == page.get(XML_LANG) == "en-GB"
    assert [e.text for e in book.opf.iterfind(".//dc:language", NS)] == ["fr", "en-GB"]


def links_checked(book: Book) -> int:
    """hrefs and srcs resolve to a file of the package, and a #fragment to an id there
    (the stylesheet too); how many were checked."""
    ids = {name: {e.get("id") for e in book.xml(name).iter() if e.get("id")}
           for name in book.names if name.endswith(".xhtml")}
    checked = 0
    for name in ids:
        for element in book.xml(name).iter():
            target = element.get("href") or element.get("src")
            if not target or target.startswith("https://"):
                continue
            path, _, fragment = target.partition("#")
            resolved = _resolve(name, path) if path else name
            assert resolved in book.names, f"{name}: {target}"
            assert not fragment or fragment in ids[resolved], f"{name}: {target}"
            checked += 1
    return checked


def _resolve(page: str, href: str) -> str:
    parts = list(PurePosixPath(page).parent.parts)
    for part in unquote(href).split("/"):
        parts = parts[:-1] if part == ".." else parts + [part]
    return "/".join(parts)


def test_nav_lists_the_article_its_sections_and_each_language_alone(rich):
    nav = rich.xml(rich.item("nav"))
    toc = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "toc")
    top = [("".join(li.find("x:a", NS).itertext()), li.find("x:a", NS).get("href"))
           for li in toc.findall("x:ol/x:li", NS)]
    assert top == [
        ("Le jardin partagé de la rue des Lilas · The Shared Garden on Rue des Lilas",
         "both/showcase.xhtml"),
        ("Français seul", "part-fr.xhtml"), ("English only", "part-en.xhtml")]
    sections = ["".join(a.itertext()) for a in toc.findall("x:ol/x:li/x:ol/x:li/x:a", NS)]
    assert sections[0] == "Une idée de voisins · A Neighbours’ Idea" and len(sections) == 12
    # each language alone lists its sections too, in its words, on its own pages (a reader's
    # review: "Français seul" was one entry, so a reader of one language could not jump)
    alone = [(a.text if len(a) == 0 else "".join(a.itertext()), a.get("href"))
             for a in toc.findall("x:ol/x:li/x:ol/x:li/x:a", NS)]
    assert alone[4][0] == "Une idée de voisins" and alone[4][1].startswith("fr/showcase.xhtml#")
    assert alone[8][0] == "A Neighbours’ Idea" and alone[8][1].startswith("en/showcase.xhtml#")
    assert alone[4][1].split("#")[1] == alone[8][1].split("#")[1] == alone[0][1].split("#")[1]
    landmarks = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "landmarks")
    assert [a.get(EPUB_TYPE) for a in landmarks.iter(f"{{{NS['x']}}}a")] == \
        ["cover", "toc", "bodymatter"]


def test_ncx_for_epub2_readers_shares_the_identifier_and_the_entries(rich):
    ncx = rich.xml(rich.base + rich.items["ncx"].get("href"))
    uid = ncx.find(".//ncx:meta[@name='dtb:uid']", NS).get("content")
    assert uid == rich.opf.find(".//dc:identifier", NS).text
    points = ncx.findall(".//ncx:navPoint", NS)
    assert len(points) == 15  # the article, each language alone, four sections under each
    assert len({p.get("id") for p in points}) == 15


def test_metadata_titles_languages_author_date_and_build_time(rich):
    meta = rich.opf.find("opf:metadata", NS)
    assert meta.find("dc:title", NS).text == \
        "Le jardin partagé de la rue des Lilas · The Shared Garden on Rue des Lilas"
    assert [e.text for e in meta.findall("dc:language", NS)] == ["fr", "en"]
    assert meta.find("dc:creator", NS).text == "Camille Martin"
    assert meta.find("dc:date", NS).text == "2026-11-27"
    modified = meta.find("opf:meta[@property='dcterms:modified']", NS).text
    assert modified == "2026-11-18T11:06:40Z"  # the build time
    assert rich.opf.get("unique-identifier") == meta.find("dc:identifier", NS).get("id")


def test_the_identifier_is_the_same_for_the_same_article_and_differs_between_articles(rich):
    def uid(book):
        return book.opf.find(".//dc:identifier", NS).text

    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", uid(rich))
    assert uid(article_book(showcase(drop=("Compost",)))) == uid(rich)
    other = article_book(bilingual_from("# Autre\n\nTexte.\n", [], slug="autre"))
    assert uid(other) != uid(rich)


def test_cover_page_and_svg_cover_image_carry_both_titles_and_languages(rich):
    cover = rich.text(rich.item("cover-image"))
    assert "Le jardin partagé" in cover and "The Shared Garden on Rue des Lilas" in cover
    assert "FRANÇAIS" in cover and "ENGLISH" in cover and "Camille Martin" in cover
    assert "http://" not in cover.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert rich.spine[0].endswith("cover.xhtml")
    assert 'src="cover.svg"' in rich.text(rich.spine[0])


# --- same bytes ------------------------------------------------------------------------------

def test_same_input_gives_the_same_bytes(rich):
    assert EPUB.article(showcase(), context()) == rich.data


def test_a_new_build_time_changes_only_what_same_ignores(rich):
    when = dt.datetime(2027, 1, 15, 8, tzinfo=dt.timezone.utc)
    later = EPUB.article(showcase(), context(when=when))
    assert later != rich.data
    assert EPUB.same(rich.data, later)
    changed = EPUB.article(showcase(drop=("Compost",)), context())
    assert not EPUB.same(rich.data, changed)
    assert not EPUB.same(b"not a zip", later)
    dates = {i.date_time for i in zipfile.ZipFile(io.BytesIO(later)).infolist()}
    assert dates == {(2027, 1, 15, 8, 0, 0)}


# --- the text --------------------------------------------------------------------------------

def test_every_passage_element_says_its_language_twice(rich):
    both = rich.xml(rich.base + "both/showcase.xhtml")
    tagged = [e for e in both.iter() if set((e.get("class") or "").split()) & {"fr", "en"}]
    assert len(tagged) > 60
    for element in tagged:
        classes = element.get("class").split()
        expected = "fr" if "fr" in classes else "en"
        assert element.get("lang") == element.get(XML_LANG) == expected, ET.tostring(element)


def test_french_and_english_alternate_passage_by_passage(rich):
    both = rich.xml(rich.base + "both/showcase.xhtml")
    pairs = [e for e in both.iter() if "pair" in (e.get("class") or "").split()]
    first = [c.get("lang") for c in pairs[0]]
    assert first == ["fr", "en"]
    texts = ["".join(c.itertext()) for c in pairs[0]]
    assert texts[0].startswith("Ce mois-ci") and texts[1].startswith("This month")


def test_french_typography_in_french_text_only():
    doc = bilingual_from("# Titre\n\nVraiment ? Oui : « d'accord ».\n",
                         [["Titre", "Title"], ["Vraiment ? Oui : « d'accord ».",
                                               "Really? Yes: 'fine'."]])
    page = article_book(doc).text("EPUB/both/article.xhtml")
    assert "Vraiment\u202f? Oui\u00a0: «\u00a0d’accord\u00a0»." in page
    assert "Really? Yes: \u2018fine\u2019." in page  # English quotes, no French spaces


def test_each_language_alone_holds_that_language_only(rich):
    for lang, other, word in (("fr", "en", "Tomatoes"), ("en", "fr", "Tomates")):
        page = rich.xml(f"{rich.base}{lang}/showcase.xhtml")
        assert page.get("lang") == lang
        langs = {e.get("lang") for e in page.iter() if e.get("lang")}
        assert langs == {lang}
        assert word not in "".join(page.itertext())


def test_images_are_inside_the_book_the_translated_one_in_english(rich):
    images = {n: rich.zip.read(n) for n in rich.pages("assets")}
    assert {PurePosixPath(n).name.split("-")[0] for n in images} == {"jardin", "logo", "logo.en"}
    assert all(data.startswith(b"\x89PNG") for data in images.values())
    types = {i.get("href"): i.get("media-type") for i in rich.items.values()}
    assert all(types[n.removeprefix(rich.base)] == "image/png" for n in images)
    english = rich.text(rich.base + "en/showcase.xhtml")
    assert "../assets/logo.en-" in english and "../assets/logo-" not in english


def test_remote_images_show_their_alt_text_and_links_only_leave_the_book():
    doc = bilingual_from(
        "Voir ![un schéma](https://example.org/s.png), [la suite](suite.md) et "
        "[le site](https://example.org/).\n",
        [["Voir ![un schéma](https://example.org/s.png), [la suite](suite.md) et "
          "[le site](https://example.org/).",
          "See ![a diagram](https://example.org/s.png), [what follows](suite.md) and "
          "[the site](https://example.org/)."]])
    page = article_book(doc).text("EPUB/both/article.xhtml")
    assert "<img" not in page and '<span class="alt">un schéma</span>' in page
    assert 'href="suite.md"' not in page and "la suite" in page
    assert '<a href="https://example.org/">le site</a>' in page


def test_notes_are_epub3_footnotes_called_from_each_language(rich):
    page = rich.xml(rich.base + "both/showcase.xhtml")
    asides = {a.get("id"): a for a in page.iter(f"{{{NS['x']}}}aside")}
    assert set(asides) == {"fn-fr-1", "fn-en-1", "fn-fr-2", "fn-en-2"}
    assert all(a.get(EPUB_TYPE) == "footnote" for a in asides.values())
    calls = [a for a in page.iter(f"{{{NS['x']}}}a") if a.get(EPUB_TYPE) == "noteref"]
    assert [c.get("href") for c in calls] == ["#fn-fr-1", "#fn-en-1", "#fn-fr-1", "#fn-en-1",
                                              "#fn-fr-2", "#fn-en-2"]
    assert "".join(asides["fn-en-1"].itertext()).startswith("1. Weighed")
    assert asides["fn-en-1"].get("lang") == "en"


def test_tables_and_definition_lists_in_each_language(rich):
    page = rich.xml(rich.base + "both/showcase.xhtml")
    tables = list(page.iter(f"{{{NS['x']}}}table"))
    heads = [[("".join(th.itertext())) for th in t.iter(f"{{{NS['x']}}}th")] for t in tables]
    assert heads == [["Légume", "Récolte (kg)", "Parcelles"],
                     ["Vegetable", "Harvest (kg)", "Plots"]]
    terms = ["".join(dt.itertext()) for dt in page.iter(f"{{{NS['x']}}}dt")]
    assert terms == ["Parcelle", "Plot", "Compost", "Compost"]


@pytest.mark.parametrize("fallback, shown", [("source", " Compost"), ("omit", ""),
                                             ("placeholder", " Translation to come.")])
def test_untranslated_passages_are_marked_as_the_other_editions_mark_them(fallback, shown):
    book = article_book(showcase(fallback=fallback, drop=("Compost",)))
    page = book.xml(book.base + "both/showcase.xhtml")
    marked = [e for e in page.iter() if "st-untranslated" in (e.get("class") or "").split()]
    assert marked and all("en" in e.get("class").split() or e.tag.endswith(("dt", "dd"))
                          for e in marked)
    legend = "".join(next(e for e in page.iter() if e.get("class") == "legend").itertext())
    assert "Marks in the translation" in legend
    english_dl = [e for e in page.iter(f"{{{NS['x']}}}dl") if e.get("class") == "en"][1]
    term = english_dl.find("x:dt", NS)
    # bracketed in a term or a cell too: an e-reader may drop the style that marks it
    assert "".join(term.itertext()) == "[not translated]" + shown
    if fallback == "source":
        assert term.get("lang") == "fr"  # the French stands in, and says so


def test_unwritable_characters_never_reach_the_xml():
    """The French reader refuses control characters; a translation is not read by it."""
    doc = bilingual_from("Un texte étrange.\n", [["Un texte étrange.", "An odd\x0c\x85 text."]])
    book = article_book(doc)
    assert "An odd text." in book.text("EPUB/en/article.xhtml")
    for name in book.names:
        if name.endswith((".xhtml", ".opf", ".ncx", ".svg")):
            book.xml(name)  # parses


def test_an_anchor_a_po_file_carries_that_is_no_xml_id_is_replaced_and_links_still_hold():
    from diglot.catalog.translate import bilingual
    from diglot.po.model import Catalog, Entry
    from diglot.source.reader import parse_article

    article = parse_article("# Titre\n\n## Partie\n\nTexte.\n", "a", "source_fr/a.md")
    catalog = Catalog(None, [Entry("Titre", "Title"),
                             Entry("Partie", "Part", extracted_comments=("anchor: 1 <bad>",)),
                             Entry("Texte.", "Text.", extracted_comments=("anchor: fn-fr-1",))])
    book = article_book(bilingual(article, catalog, "fr", "en", "source"))
    ids = [e.get("id") for e in book.xml("EPUB/both/a.xhtml").iter() if e.get("id")]
    assert all(re.fullmatch(r"p-[0-9a-f]{10}", i) for i in ids) and len(set(ids)) == len(ids)
    assert links_checked(book) > 5


# --- the edition -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_articles():
    seed = json.loads((CASES / "seed" / "pairs.json").read_text("utf-8"))
    first = bilingual_from(SEED.read_text("utf-8"), seed, "llama-4") if SEED.is_file() else \
        bilingual_from("# Llama\n\nTexte.\n", [["Llama", "Llama"]], "llama-4")
    return [first, showcase(drop=("Compost",))]


def test_edition_is_assembled_from_each_articles_own_chapter(two_articles):
    ctx = context()
    edition = Book(EPUB.index(two_articles, ctx))
    chapters = [chapter(doc, ctx) for doc in two_articles]
    assert edition_book(chapters, ctx) == edition.data
    kept = [EPUB.render(doc, ctx).part for doc in two_articles]  # as the build keeps them
    assert EPUB.edition(kept, ctx) == edition.data
    for item in chapters:
        for path, data in item.files.items():
            assert edition.zip.read("EPUB/" + path) == data
    pages = [PurePosixPath(p).relative_to("EPUB").as_posix() for p in edition.spine]
    assert pages == ["cover.xhtml", "nav.xhtml", "both/llama-4.xhtml", "both/showcase.xhtml",
                     "part-fr.xhtml", "fr/llama-4.xhtml", "fr/showcase.xhtml",
                     "part-en.xhtml", "en/llama-4.xhtml", "en/showcase.xhtml"]
    meta = edition.opf.find("opf:metadata", NS)
    assert meta.find("dc:title", NS).text == "Édition de test"


def test_edition_contents_has_a_part_per_reading(two_articles):
    edition = Book(EPUB.index(two_articles, context()))
    nav = edition.xml(edition.item("nav"))
    toc = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "toc")
    parts = toc.findall("x:ol/x:li", NS)
    assert ["".join(li.find("x:a", NS).itertext()) for li in parts] == \
        ["Texte bilingue · Bilingual text", "Français seul", "English only"]
    assert [len(li.findall("x:ol/x:li", NS)) for li in parts] == [2, 2, 2]


def test_an_edition_without_articles_is_still_a_book():
    book = Book(EPUB.index([], context()))
    assert [PurePosixPath(p).name for p in book.spine] == ["cover.xhtml", "nav.xhtml"]


# --- epubcheck -------------------------------------------------------------------------------

def _epubcheck() -> list[str] | None:
    """The epubcheck command: Debian installs a jar, run here with java (no binfmt may run
    it), compiled for a short run (half the time of the default)."""
    found = shutil.which("epubcheck")
    if not found:
        return None
    real = Path(found).resolve()
    if zipfile.is_zipfile(real):
        java = shutil.which("java")
        return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(real)] \
            if java else None
    return [found]


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed")
def test_epubcheck_finds_no_error(two_articles, tmp_path):
    # definitions going on after a nested list: no dl holding only a dd (a reader's review)
    nested = bilingual_from("Classe\n: Des caractères :\n\n    - les chiffres ;\n\n: Une autre.\n",
                            [["Une autre.", "Another."]], "definitions")
    books = {"edition.epub": EPUB.index([*two_articles, nested], context()),
             "placeholders.epub": EPUB.article(showcase(fallback="placeholder",
                                                       drop=("Compost", "Parcelle")), context())}
    runs = []
    for name, data in books.items():  # side by side: each check starts a JVM
        (tmp_path / name).write_bytes(data)
        runs.append(subprocess.Popen([*_epubcheck(), str(tmp_path / name)], text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
    for run in runs:
        output = run.communicate(timeout=300)[0]
        assert run.returncode == 0 and "ERROR" not in output and "FATAL" not in output, output


# --- through diglot build --------------------------------------------------------------------

@pytest.fixture
def proj(tmp_path):
    from project_fixture import Proj

    p = Proj(tmp_path)
    p.source("jardin", "# Le jardin\n\nOn y cultive des tomates.\n")
    p.run("update")
    p.translate("jardin", {"Le jardin": "The garden",
                           "On y cultive des tomates.": "Tomatoes grow there."})
    return p


def test_build_format_epub_writes_each_article_and_the_edition_and_a_plain_build_does_not(proj):
    result = proj.run("build")
    assert result.exit_code == 0 and not (proj.root / "build/epub").exists()
    result = proj.run("build", "--format", "epub")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (proj.root / "build/epub").iterdir()) == \
        ["edition.epub", "jardin.epub"]
    book = Book((proj.root / "build/epub/jardin.epub").read_bytes())
    assert "Tomatoes grow there." in book.text("EPUB/both/jardin.xhtml")


def test_a_rebuild_at_another_time_leaves_the_books_as_they_were(proj, monkeypatch):
    proj.run("build", "--format", "epub")
    before = (proj.root / "build/epub/jardin.epub").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    result = proj.run("build", "--format", "epub", "--force")
    assert "2 rebuilt but unchanged" in result.output
    assert (proj.root / "build/epub/jardin.epub").read_bytes() == before


def test_an_edited_translation_rebuilds_its_book_and_the_edition(proj):
    proj.run("build", "--format", "epub")
    proj.translate("jardin", {"On y cultive des tomates.": "Tomatoes are grown there."})
    result = proj.run("build", "--format", "epub")
    assert "2 file(s) written" in result.output
    book = Book((proj.root / "build/epub/edition.epub").read_bytes())
    assert "Tomatoes are grown there." in book.text("EPUB/en/jardin.xhtml")


def test_an_edited_epub_template_or_shared_view_module_changes_the_epub_fingerprint(
        tmp_path, monkeypatch):
    """templates/ is the HTML edition's, but templates/epub/ is the EPUB's; html_rows.py is
    both's: each shapes the formats that list it, and no other."""
    from diglot.commands import build_plan

    for rel in ("templates/epub/style.css", "templates/article.html.j2",
                "builders/html_rows.py", "builders/docx/table.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("v1")
    monkeypatch.setattr(build_plan, "PACKAGE", tmp_path)

    def prints():
        build_plan.code_fingerprint.cache_clear()
        return {fmt: build_plan.code_fingerprint(fmt) for fmt in ("html", "docx", "epub")}

    changed = {}
    for rel in ("templates/epub/style.css", "templates/article.html.j2", "builders/html_rows.py"):
        before = prints()
        (tmp_path / rel).write_text("v2")
        after = prints()
        changed[rel] = {fmt for fmt in before if before[fmt] != after[fmt]}
    build_plan.code_fingerprint.cache_clear()
    assert changed == {"templates/epub/style.css": {"html", "epub"},  # html: its prefix
                       "templates/article.html.j2": {"html"},
                       "builders/html_rows.py": {"html", "epub"}}


@pytest.mark.parametrize("title", ["Le tramway de Lyon\u00a0: bilan d’une année de service",
                                   "Pourquoi\u202f? Une question\u00a0: « vraiment\u00a0» !"])
def test_a_cover_line_never_starts_at_a_no_break_space(title):
    lines = [text for _, text in cover_lines(title, "")["title"]]
    assert " ".join(lines).replace(" ", "") == title.replace(" ", "")
    assert not any(line[0] in ":;?!»" for line in lines)


def test_chapters_written_as_level_one_headings_are_the_sections_of_the_contents():
    text = ("# Le Tour du monde\n\n# Chapitre I\n\n## Où Passepartout\n\nTexte.\n\n"
            "> # Une affiche\n\n# Chapitre II\n\nFin.\n")
    pairs = [("Le Tour du monde", "Around the World"), ("Chapitre I", "Chapter I"),
             ("Où Passepartout", "In which Passepartout"), ("Texte.", "Text."),
             ("Chapitre II", "Chapter II"), ("Fin.", "End."), ("Une affiche", "A poster")]
    book = article_book(bilingual_from(text, pairs))
    toc = book.xml(book.item("nav")).find(".//x:nav", NS)
    sections = ["".join(a.itertext()) for a in toc.findall("x:ol/x:li/x:ol/x:li/x:a", NS)]
    assert sections == ["Chapitre I · Chapter I", "Chapitre II · Chapter II",  # not the title
                        "Chapitre I", "Chapitre II", "Chapter I", "Chapter II"]


@pytest.mark.parametrize("setting", [True, False])
def test_with_chapter_break_each_chapter_after_the_first_text_opens_a_page(setting):
    text = ("# Le Tour du monde\n\n# Chapitre I\n\nTexte.\n\n> # Une affiche\n\n"
            "# Chapitre II\n\nFin.\n")
    pairs = [("Chapitre I", "Chapter I"), ("Texte.", "Text."), ("Chapitre II", "Chapter II")]
    book = article_book(bilingual_from(text, pairs), Config(chapter_break=setting))
    for page in book.pages("both") + book.pages("fr") + book.pages("en"):
        opening = [" ".join("".join(e.itertext()).split()) for e in book.xml(page).iter()
                   if "opening" in (e.get("class") or "").split()]
        assert opening == (["Chapitre II Chapter II"] if "both" in page else
                           [("Chapitre II" if "/fr/" in page else "Chapter II")]) \
            if setting else opening == [], page
    css = book.text(next(n for n in book.names if n.endswith("style.css")))
    assert ".opening { page-break-before: always; break-before: page; }" in css


def test_english_table_cells_and_definitions_get_curly_quotes_as_passages_do():
    from test_html_builder import CELLS_EN, CELLS_MD

    book = article_book(bilingual_from(CELLS_MD, CELLS_EN, "types"))
    for part in ("both", "en"):
        page = "".join(book.xml(f"{book.base}{part}/types.xhtml").itertext())
        assert "it’s the “set” you’d expect" in page and "They’re “it”" in page, part


def test_the_english_byline_is_left_out_when_its_date_reads_as_the_french_one():
    """A reader's review: "Jules Verne · 1873", then "1873" again for the English."""
    def bylines(date: str) -> list[str]:
        doc = bilingual_from(f"---\nauthor: Jules Verne\ndate: {date}\n---\n# Titre\n\nTexte.\n",
                             [["Titre", "Title"], ["Texte.", "Text."]], "verne")
        page = article_book(doc).xml(f"{article_book(doc).base}both/verne.xhtml")
        return ["".join(p.itertext()) for p in page.iter(f"{{{NS['x']}}}p")
                if "byline" in (p.get("class") or "")]

    assert bylines("1873") == ["Jules Verne · 1873"]
    assert bylines("1873-10-02") == ["Jules Verne · 2 octobre 1873", "2 October 1873"]


def test_a_wrapped_code_line_goes_on_under_itself_one_block_a_line():
    """A reader's review: a wrapped line of code went on flush left in Calibre ("coprime)."
    read as a new, dedented line of Python); each line is a block with its hanging indent."""
    source = "# Code\n\n```python\ndef f(n):\n    # a comment\n\n\treturn n\n```\n"
    book = article_book(bilingual_from(source, [["Code", "Code"]]))
    page = book.text(book.base + "both/article.xhtml")
    pre = page[page.index('<pre class="code'):page.index("</pre>")]
    lines = re.findall(r'<span class="ln" style="padding-left: (\d+)ch; text-indent: -\1ch">'
                       r"([^<]*)\n</span>", pre)
    assert lines == [("2", "def f(n):"), ("6", "    # a comment"), ("2", ""), ("10", "\treturn n")]
    css = book.text(next(n for n in book.names if n.endswith("style.css")))
    assert "pre.code .ln { display: block; min-height: 1.3em; }" in css


def test_a_short_code_block_is_kept_on_one_page_a_long_one_parted_with_two_lines_each_side():
    """A reader's review: Calibre left a 4-line block's first line alone at a page's foot
    (its lines are blocks: no orphan control sees them)."""
    long = "\n".join(f"line_{n} = {n}" for n in range(30))
    source = f"# Code\n\n```python\nimport a\nb = 1\n```\n\n```python\n{long}\n```\n"
    book = article_book(bilingual_from(source, [["Code", "Code"]]))
    page = book.text(book.base + "both/article.xhtml")
    assert re.findall(r'<pre class="([^"]*)"', page) == ["code keep", "code"]
    css = book.text(next(n for n in book.names if n.endswith("style.css")))
    assert "pre.code.keep { page-break-inside: avoid; break-inside: avoid; }" in css
    assert "pre.code .ln:first-child { page-break-after: avoid; break-after: avoid; }" in css


def test_a_short_code_name_in_a_cell_stays_whole_a_long_one_may_break():
    """A reader's review: `td code { word-break: break-all }` cut IGNORECASE into
    "IGN|ORE|CAS|E" in Calibre; only a long name (which would push the table's last columns
    off a page no reader scrolls) breaks anywhere."""
    long_name = "re.compile_with_an_extremely_long_name"
    text = f"| Option | Effet |\n|---|---|\n| `IGNORECASE` | `{long_name}` |\n"
    pairs = [("Option", "Flag"), ("Effet", "Meaning")]
    book = article_book(bilingual_from(text, pairs))
    page = book.text(book.pages("both")[0])
    assert "<code>IGNORECASE</code>" in page and f'<code class="long">{long_name}</code>' in page
    css = re.sub(r"/\*.*?\*/", "", book.text(next(n for n in book.names
                                                  if n.endswith("style.css"))), flags=re.S)
    breaking = [rule.split("{")[0] for rule in css.split("}") if "break-all" in rule]
    assert [selector.split() for selector in breaking] == [["td", "code.long,", "th", "code.long"]]
