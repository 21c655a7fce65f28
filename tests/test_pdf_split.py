"""A book-length article made in parts by this process and a forked one, then joined
(builders/pdf/split.py, join.py): the same pages as one process makes (words, places,
running heads, page numbers), the whole book's outline, its metadata and its web links,
fonts embedded, the same bytes twice. The thresholds are lowered here, so that a book of
a few pages splits as a 10,000-paragraph one does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from project_fixture import Proj

try:
    import pikepdf
    from diglot.builders.pdf import assemble, engine, join, split  # noqa: F401
except (ImportError, OSError) as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"the PDF edition cannot load: {exc}", allow_module_level=True)

needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                   reason="poppler (pdftotext, pdffonts) is not installed")


def _paragraph(n: int, lang: str) -> str:
    if lang == "fr":
        return " ".join(f"Phrase {k} du paragraphe {n}, assez longue pour remplir une ligne."
                        for k in range(3))
    return " ".join(f"Sentence {k} of paragraph {n}, long enough to fill a line." for k in range(3))


def _book() -> tuple[str, dict[str, str]]:
    """About twenty pages: two parts of several sections (so the outline nests across the
    processes' boundary), a web link in the second half."""
    blocks, mapping = ["---\nauthor: A. Auteur\n---\n\n# Livre"], {"Livre": "Book"}
    for n in range(60):
        if n % 30 == 0:
            blocks.append(f"## Partie {n // 30 + 1}")
            mapping[blocks[-1][3:]] = f"Part {n // 30 + 1}"
        if n % 10 == 5:
            blocks.append(f"### Section {n}")
            mapping[blocks[-1][4:]] = f"Section {n}"
        fr, en = _paragraph(n, "fr"), _paragraph(n, "en")
        if n == 50:
            fr, en = fr + " Voir [le site](https://example.org/livre).", \
                en + " See [the site](https://example.org/livre)."
        blocks.append(fr)
        mapping[fr] = en
    return "\n\n".join(blocks) + "\n", mapping


@pytest.fixture(scope="module")
def books(made_once) -> dict[str, bytes]:
    """The book made in one process, in parts, and in parts again (once in a session)."""
    folder = made_once("pdf-split", _make_books)
    return {path.stem: path.read_bytes() for path in folder.glob("*.pdf")}


def _make_books(folder: Path) -> None:
    proj = Proj(folder / "project")
    # chapter_break: "Partie 2" opens a spread, its running heads left out in both processes
    proj.write("diglot.toml", 'title = "Recueil"\nchapter_break = true\n')
    text, mapping = _book()
    proj.source("livre", text)
    assert proj.run("update").exit_code == 0
    proj.translate("livre", mapping)
    made, joined = {}, []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795000000")
        patch.setattr(split, "MIN_PASSAGES", 20)
        real = join.join
        patch.setattr(join, "join", lambda parts, tree: joined.append(len(parts)) or real(parts, tree))
        result = proj.run("build", "--format", "pdf", "--article", "livre", "-j", "2")
        assert result.exit_code == 0, result.output
        made["short"] = (proj.root / "build" / "pdf" / "livre.pdf").read_bytes()
        patch.setattr(split, "TAGGED_PAGES", 4)
        for name, jobs, runs in (("whole", "1", 100), ("one", "1", 4), ("parts", "2", 4),
                                 ("again", "2", 4)):
            patch.setattr(assemble, "SKELETON_SHEETS", runs)
            result = proj.run("build", "--format", "pdf", "--article", "livre", "-j", jobs, "--force")
            assert result.exit_code == 0, result.output
            made[name] = (proj.root / "build" / "pdf" / "livre.pdf").read_bytes()
    assert joined == [2, 2]  # made in two parts, twice; the others written at once
    for name, pdf in made.items():
        (folder / f"{name}.pdf").write_bytes(pdf)


def _words(pdf: bytes, tmp: Path) -> list[list[tuple[str, float, float]]]:
    """Per page, each word and its place (points), top to bottom and left to right."""
    path = tmp / "book.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        pages.append(sorted(((w, float(x), float(y)) for x, y, w in found),
                            key=lambda t: (round(t[2]), t[1])))
    return pages


@needs_poppler
def test_the_book_made_in_parts_has_the_same_pages_as_made_in_one_process(books, tmp_path):
    one, parts = _words(books["one"], tmp_path), _words(books["parts"], tmp_path)
    assert len(one) > 8
    _same(one, parts)
    numbers = [page[-1][0] for page in parts[1:]]  # the folio, last on each page
    assert numbers == [str(n) for n in range(2, len(parts) + 1)]
    heads = [page[0][0] for page in parts[3:]]  # the running head, first on each page…
    opening = heads.index("Partie")  # …but the spread "Partie 2" opens (chapter_break)…
    assert opening % 2 == 0 and heads[opening + 1] == "Part" and " ".join(
        w for w, _, _ in parts[3 + opening][:2]) == "Partie 2"
    del heads[opening:opening + 2]
    assert heads == ["RECUEIL", "BOOK"] * (len(heads) // 2)
    assert [page[0][0] for page in parts[1:3]] == ["Livre", "Book"]  # …and the article's


@needs_poppler
def test_pages_laid_out_a_few_at_a_time_are_the_pages_laid_out_at_once(books, tmp_path):
    """The page skeleton is laid out in runs of sheets, each numbered on from the last."""
    _same(_words(books["one"], tmp_path), _words(books["whole"], tmp_path))


def _same(first: list, second: list) -> None:
    """The same words at the same places (within 0.01 pt: the parts measure a passage at
    another height of their measuring page, a millionth of a point apart)."""
    assert len(first) == len(second)
    for number, (a, b) in enumerate(zip(first, second), 1):
        assert [w for w, _, _ in a] == [w for w, _, _ in b], f"page {number}"
        assert all(abs(p[1] - q[1]) < 0.01 and abs(p[2] - q[2]) < 0.01 for p, q in zip(a, b))


def _outline(pdf: bytes) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every outline item, in order."""
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc:
        pages = {page.obj.objgen: n for n, page in enumerate(doc.pages, 1)}
        with doc.open_outline() as outline:
            return list(_items(outline.root, 0, pages))


def _items(items, depth: int, pages):
    for item in items:
        yield depth, str(item.title), pages[item.obj.Dest[0].objgen]
        yield from _items(item.children, depth + 1, pages)


def test_the_joined_book_keeps_the_whole_outline_nested_as_in_one_process(books):
    one, parts = _outline(books["one"]), _outline(books["parts"])
    assert parts == one
    assert [title for _, title, _ in one] == ["Livre", "Partie 1", "Section 5", "Section 15",
                                              "Section 25", "Partie 2", "Section 35",
                                              "Section 45", "Section 55"]
    assert [depth for depth, _, _ in one] == [0, 1, 2, 2, 2, 1, 2, 2, 2]
    assert one[-1][2] > 10  # far into the book: in the second part


def _facts(pdf: bytes) -> tuple:
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc:
        info = {str(k): str(v) for k, v in doc.docinfo.items()}
        links = [(n, str(a.A.URI)) for n, page in enumerate(doc.pages, 1)
                 for a in page.obj.get("/Annots", []) if "/A" in a]
        names = list(doc.Root.Names.Dests.Names)[::2] if "/Names" in doc.Root else []
        return info, str(doc.Root.get("/Lang")), links, [str(n) for n in names]


def test_the_joined_book_keeps_metadata_languages_links_and_anchors(books):
    info, lang, links, names = _facts(books["parts"])
    assert (info, lang, links, names) == _facts(books["one"])
    assert info["/Title"] == "Livre" and info["/Author"] == "A. Auteur" and lang == "fr-FR"
    assert {uri for _, uri in links} == {"https://example.org/livre"}
    french = {n for n, _ in links if n % 2 == 0}  # a link wrapped on two lines is two areas
    assert len(french) == 1 and {n for n, _ in links} == french | {min(french) + 1}  # English
    assert names == ["article-1"]


@needs_poppler
def test_the_joined_book_embeds_every_font(books, tmp_path):
    path = tmp_path / "book.pdf"
    path.write_bytes(books["parts"])
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)


def test_the_book_made_in_parts_is_the_same_bytes_each_time(books):
    assert books["parts"] == books["again"]


@needs_poppler
def test_a_book_measured_in_parts_but_short_enough_to_tag_is_written_at_once_tagged(books,
                                                                                  tmp_path):
    """Up to 120 pages a PDF is tagged for screen readers: one process writes it whole."""
    _same(_words(books["short"], tmp_path), _words(books["whole"], tmp_path))
    with pikepdf.open(__import__("io").BytesIO(books["short"])) as doc:
        assert "/StructTreeRoot" in doc.Root
    with pikepdf.open(__import__("io").BytesIO(books["parts"])) as doc:
        assert "/StructTreeRoot" not in doc.Root
