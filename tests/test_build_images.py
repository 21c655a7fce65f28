"""Images through `diglot build`: copied into the HTML edition's assets, embedded in the DOCX,
the translated variant on the English side, rebuilt when they change, removed when no page
shows them; a missing image or one outside the project is one error line."""

from __future__ import annotations

import base64
import io
import os
import zipfile

import pytest

from project_fixture import Proj
from support import png

ARTICLE = '# Le quai\n\n![Le quai au matin](images/quai.png "Au matin")\n\nUn texte.\n'


@pytest.fixture
def proj(make_project):
    return make_project({"2026/quai": ARTICLE}, files={"source_fr/2026/images/quai.png": png(30, 20)},
                        name="projet")


def assets(p: Proj) -> list[str]:
    folder = p.root / "build/html/assets"
    return sorted(f.name for f in folder.iterdir()) if folder.is_dir() else []


def test_images_are_copied_beside_the_pages_and_embedded_in_the_documents(proj):
    result = proj.run("build")
    assert result.exit_code == 0, result.output
    [name] = assets(proj)
    assert name.startswith("quai-") and name.endswith(".png")
    page = (proj.root / "build/html/2026/quai.html").read_text()
    assert f'src="../assets/{name}"' in page and "img-src &#39;self&#39;;" in page
    with zipfile.ZipFile(io.BytesIO((proj.root / "build/docx/2026/quai.docx").read_bytes())) as z:
        assert z.read("word/media/image1.png") == png(30, 20)



def test_the_documents_store_a_photo_as_it_is_and_deflate_their_text(proj):
    """A PNG or JPEG is compressed already: deflating it again in each document gained
    nothing and cost 0.25 s a 12 MB photo, twice a document (python-docx, then the stamp)."""
    assert proj.run("build", "--format", "docx").exit_code == 0
    for name in ("2026/quai.docx", "edition.docx"):
        with zipfile.ZipFile(proj.root / "build/docx" / name) as z:
            modes = {info.filename: info.compress_type for info in z.infolist()}
        assert modes.pop("word/media/image1.png") == zipfile.ZIP_STORED
        assert set(modes.values()) == {zipfile.ZIP_DEFLATED}, modes

def test_a_translated_image_is_used_on_the_english_side_and_rebuilds_the_article(proj):
    assert proj.run("build").exit_code == 0
    (proj.root / "source_fr/2026/images/quai.en.png").write_bytes(png(30, 20, (0, 0, 200)))
    result = proj.run("build", "--format", "html")
    assert "1 rebuilt" in result.output
    english = next(a for a in assets(proj) if a.startswith("quai.en-"))
    page = (proj.root / "build/html/2026/quai.html").read_text()
    # the alt text is not translated yet: the English column shows the French alt text
    assert f'<div class="fig col-en" lang="fr"><img src="../assets/{english}"' in page


def test_a_changed_image_rebuilds_and_an_unused_copy_is_removed(proj):
    assert proj.run("build", "--format", "html").exit_code == 0
    [old] = assets(proj)
    assert "0 rebuilt" in proj.run("build", "--format", "html").output
    (proj.root / "source_fr/2026/images/quai.png").write_bytes(png(40, 20))
    result = proj.run("build", "--format", "html")
    assert "1 rebuilt" in result.output
    assert f"removed build/html/assets/{old} (no page shows it any more)" in result.output
    [new] = assets(proj)
    assert new != old
    proj.write("source_fr/2026/quai.md", "# Le quai\n\nUn texte.\n")
    proj.run("build", "--format", "html")
    assert assets(proj) == []


def _bmp() -> bytes:
    """One blue pixel, a 24-bit BMP."""
    return (b"BM" + (58).to_bytes(4, "little") + bytes(4) + (54).to_bytes(4, "little")
            + (40).to_bytes(4, "little") + (1).to_bytes(4, "little") * 2 + b"\x01\x00\x18\x00"
            + bytes(4) + (4).to_bytes(4, "little") + bytes(16) + b"\xff\x00\x00\x00")


@pytest.mark.parametrize("other", ["y.bmp", "y.tiff"])
def test_a_picture_two_pages_share_stays_while_one_still_shows_it(make_project, other):
    """A code review: a page also showing a .bmp lost its list of pictures from the
    manifest, so when the other page stopped showing the shared one it was deleted."""
    data = _bmp() if other.endswith(".bmp") else b"II*\x00" + bytes(60)
    p = make_project({"a": f"# A\n\nUn texte.\n\n![carte](images/x.png)\n\n![plan](images/{other})\n",
                      "b": "# B\n\nUn autre texte.\n\n![carte](images/x.png)\n"},
                     files={"source_fr/images/x.png": png(3, 2), f"source_fr/images/{other}": data})
    assert p.run("build", "--format", "html").exit_code == 0
    p.write("source_fr/b.md", "# B\n\nUn autre texte, sans carte.\n")
    assert p.run("build", "--format", "html").exit_code == 0
    page = (p.root / "build/html/a.html").read_text()
    shown = [src for src in assets(p) if f'src="assets/{src}"' in page]
    assert len(shown) == 2, (assets(p), shown)


def test_a_missing_image_is_one_error_line_and_nothing_is_written(proj):
    proj.write("source_fr/autre.md", "# Autre\n\nUn texte.\n\n![Absente](img/absente.png)\n")
    before = proj.snapshot()
    result = proj.run("build")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: source_fr/autre.md:5: image 'img/absente.png' not found (no file "
        "source_fr/img/absente.png)"]
    assert proj.snapshot() == before


def test_an_image_in_a_translation_is_checked_too(proj):
    proj.translate("2026/quai", {"Un texte.": "A text ![x](images/none.png)."})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2
    po = "translations/en/2026/quai.po"
    line = (proj.root / po).read_text().splitlines().index('msgid "Un texte."') + 1
    assert result.output.strip() == (  # the PO entry holding it, not the French it translates
        f"Error: {po}:{line}: image 'images/none.png' (in the 'en' translation) not found "
        "(no file source_fr/2026/images/none.png)")


def test_an_image_outside_the_project_is_refused(proj, tmp_path):
    (tmp_path / "secret.png").write_bytes(png(2, 2))
    proj.write("source_fr/fuite.md", "# Fuite\n\n![x](../../secret.png)\n")
    result = proj.run("build")
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: source_fr/fuite.md:3: image '../../secret.png' is "
                                     "outside the project; keep images inside the project folder")
    assert not (proj.root / "build").exists()


def test_a_link_out_of_the_project_through_a_symlink_is_refused(proj, tmp_path):
    (tmp_path / "secret.png").write_bytes(png(2, 2))
    (proj.root / "source_fr/lien.png").symlink_to(tmp_path / "secret.png")
    proj.write("source_fr/fuite.md", "# Fuite\n\n![x](lien.png)\n")
    result = proj.run("build")
    assert result.exit_code == 2 and "is outside the project" in result.output


def test_a_link_into_git_or_bytes_that_are_no_image_are_never_published(proj):
    """An attack round: 'logo.png' linked to .git/config (inside the project) was copied
    among the pages' assets byte for byte: a CI checkout's token with it."""
    (proj.root / ".git").mkdir(exist_ok=True)
    (proj.root / ".git/config").write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (proj.root / "source_fr/img").mkdir()
    (proj.root / "source_fr/img/logo.png").symlink_to("../../.git/config")
    proj.write("source_fr/autre.md", "# Autre\n\nUn texte.\n\n![Logo](img/logo.png)\n")
    result = proj.run("build")
    assert result.exit_code == 2 and "is in a version-control folder (.git…) or leads into one" in result.output
    (proj.root / "source_fr/img/logo.png").unlink()
    (proj.root / "source_fr/img/logo.png").write_text("[http]\n\textraheader = secret\n")
    result = proj.run("build")
    assert result.output.strip().splitlines() == [
        "Error: source_fr/autre.md:5: image source_fr/img/logo.png cannot be published: its "
        "bytes are no PNG, JPEG, GIF, WebP, AVIF, BMP, TIFF or SVG image, whatever its name says"]
    published = [f for f in (proj.root / "build").rglob("*") if f.is_file()]
    assert not any(b"extraheader" in f.read_bytes() for f in published)


def test_root_relative_images_are_read_from_the_source_folder(proj):
    proj.write("source_fr/racine.md", "# Racine\n\n![Le quai](/2026/images/quai.png)\n")
    assert proj.run("build", "--format", "html").exit_code == 0
    assert 'src="assets/quai-' in (proj.root / "build/html/racine.html").read_text()


def test_an_inline_image_keeps_its_title_and_its_quotes_stay_in_their_attributes(make_project):
    text = 'Le logo ![un "logo" <b>](images/quai.png "le \\"titre\\" <i>") du quai.\n'
    proj = make_project({"logo": text}, files={"source_fr/images/quai.png": png(30, 20)})
    assert proj.run("build", "--format", "html").exit_code == 0
    [name] = assets(proj)
    page = (proj.root / "build/html/logo.html").read_text()
    # the French alt text is typeset (its quotes pair up: « »), the title is kept as written
    assert (f'Le logo <img src="assets/{name}" alt="un «\u00a0logo\u00a0» &lt;b&gt;" '
            'title="le &#34;titre&#34; &lt;i&gt;"> du quai.') in page


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'
# A PNG's header alone, declaring 13,000 × 13,000 pixels: the size is read from it.
PNG_13000 = base64.b64encode(png(1, 1)[:16] + (13000).to_bytes(4, "big") * 2 + png(1, 1)[24:]).decode()


def _use_bomb(levels: int) -> str:
    """Each level two <use> of the one below: 2**levels circles from a few kilobytes."""
    defs = '<circle id="l0" r="1"/>' + "".join(
        f'<g id="l{n}"><use xlink:href="#l{n - 1}"/><use xlink:href="#l{n - 1}"/></g>'
        for n in range(1, levels + 1))
    return SVG.format(f'<defs>{defs}</defs><use xlink:href="#l{levels}"/>')


@pytest.mark.parametrize("body, why", [
    ('<circle r="5" onload="alert(1)"/>', "the SVG holds script (its onload attribute)"),
    # ways round a first reading (code review): a tab inside the scheme, a list of values
    ('<a href="java&#9;script:alert(1)"><circle r="5"/></a>', "holds script (its href attribute)"),
    ('<a><animate attributeName="href" values="#x;javascript:alert(1)"/></a>',
     "holds script (its values attribute)"),
    ("<script>alert(1)</script>", "holds a <script> element"),
    ('<a xlink:href="javascript:alert(1)"><circle r="5"/></a>', "holds script (its href attribute)"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "holds a <foreignObject> element"),
    (None, "its <use> elements multiply it past 100,000 elements"),
    # the fourth attack round: minutes of the PDF renderer from a few kilobytes
    ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "embeds another SVG, or bytes that are no picture"),
    ('<defs><marker id="m"><path d="M0 0L1 1L2 0" marker-mid="url(#m2)"/></marker></defs>',
     "draws markers inside markers"),
    ("<style>" + "* { fill: red }" * 500 + "</style>" + "<g/>" * 2001,
     "its stylesheet's 500 selectors over its 2,003 elements are more than diglot renders"),
    (f'<image href="data:image/png;base64,{PNG_13000}"/>', "the image it embeds as data: cannot "
     "be decoded safely (it is 13,000 × 13,000 pixels"),
    ('<image href="https://tracker.example/p.gif"/>', "refers to an outside resource (https://"),
    ("<style>@import url(https://tracker.example/s.css);</style>", "stylesheet refers to an outside"),
    ('<use href="file:///etc/passwd#x"/>', "refers to an outside resource (file:///etc"),
    # ways round them (a code review): an inherited marker, an SVG under another type, a
    # presentation attribute, a CSS escape, a selector list
    ('<g marker-mid="url(#m)"><marker id="m"><polyline points="0,0 1,1 2,0"/></marker></g>',
     "draws markers inside markers"),
    (f'<image href="data:image/png;base64,{base64.b64encode(b"<svg/>").decode()}"/>',
     "embeds another SVG, or bytes that are no picture"),
    ('<rect fill="url(https://tracker.example/p#x)"/>', "fill refers to an outside resource"),
    ('<style>@\\69mport "https://tracker.example/s.css";</style>', "stylesheet refers to an outside"),
    ("<style>" + ",".join(["rect"] * 600) + "{fill:red}</style>" + "<rect/>" * 2000,
     "its stylesheet's 600 selectors over its 2,002 elements"),
    # the sixth attack round: the PDF renderer sets an SVG's text glyph by glyph, 0.25 ms each
    ("<text>" + "x" * 20_001 + "</text>", "more than 20,000 characters of text"),
    ('<defs><text id="t">' + "x" * 300 + '</text></defs>' + '<use href="#t"/>' * 70,
     "more than 20,000 characters of text (its <use> elements counted)"),
    ("<text><a>" + "x" * 20_001 + "</a></text>", "more than 20,000 characters of text"),
    ("<text><g>" + "x" * 20_001 + "</g></text>", "more than 20,000 characters of text"),
])
def test_an_svg_unfit_to_publish_is_one_error_naming_the_image(make_project, body, why):
    """The HTML edition copies an SVG to its assets, where a browser opening it runs its
    script on the publisher's site; nested <use> exhausted the PDF renderer."""
    data = _use_bomb(29) if body is None else SVG.format(body)
    proj = make_project({"e": "# E\n\nVoir ![le graphe](img/e.svg).\n"},
                        files={"source_fr/img/e.svg": data})
    before = proj.snapshot()
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("Error: source_fr/e.md:3: image source_fr/img/e.svg "
                                    "cannot be published: ")
    assert why in result.output and proj.snapshot() == before


@pytest.mark.parametrize("data, why", [
    (b'<?xml-stylesheet type="text/xsl" href="sheet.svg"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "calls a stylesheet"),  # an XSLT sheet beside it can make a <script>
    (b'<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/>',
     "holds an XSLT stylesheet"),
])
def test_an_svg_that_is_or_calls_a_stylesheet_is_refused(make_project, data, why):
    proj = make_project({"e": "# E\n\n![le graphe](img/e.svg)\n"},
                        files={"source_fr/img/e.svg": data})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and why in result.output


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!--' + b"x" * 5000 + b'--><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>",  # the root past the first 4 KB
    b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.encode("utf-16"),
])
def test_an_svg_is_read_whatever_comes_before_its_root_and_however_it_is_written(make_project,
                                                                                   data):
    proj = make_project({"e": "# E\n\n![le graphe](img/e.svg)\n"},
                        files={"source_fr/img/e.svg": data})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and "holds a <script> element" in result.output


def test_an_image_with_a_name_no_server_sends_as_an_image_is_refused(make_project):
    """Copied to the HTML assets under its own suffix, evil.html would be a page of the
    publisher's site."""
    proj = make_project({"e": "# E\n\n![x](evil.html)\n"},
                        files={"source_fr/evil.html": "<script>alert(1)</script>"})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and result.output.startswith(
        "Error: source_fr/e.md:3: image 'evil.html' is no image file the editions publish: "
        "its name must end in .png, .jpg")
    assert not (proj.root / "build" / "html").exists()


def test_an_svg_drawn_with_uses_is_published(make_project):
    """Twelve levels of <use> (4,096 circles) stay well within the bound."""
    proj = make_project({"e": "# E\n\nVoir ![le graphe](img/e.svg).\n"},
                        files={"source_fr/img/e.svg": _use_bomb(12)})
    assert proj.run("build", "--format", "html").exit_code == 0
    assert [name for name in assets(proj) if name.endswith(".svg")]


def test_an_svg_the_docx_cannot_embed_is_named_in_a_warning_the_html_needs_none(make_project):
    proj = make_project({"e": "# E\n\nVoir :\n\n![le graphe](img/e.svg)\n"},
                        files={"source_fr/img/e.svg": SVG.format("<circle r='4'/>").encode()})
    assert "Warning" not in proj.run("build", "--format", "html").output
    result = proj.run("build", "--format", "docx")
    assert result.exit_code == 0
    assert ("Warning: source_fr/e.md:5: image source_fr/img/e.svg (SVG): the DOCX edition shows "
            "its alt text (it embeds PNG, JPEG, GIF, BMP, TIFF pictures)") in result.output
    assert "Warning" not in proj.run("build", "--format", "epub").output  # an EPUB holds SVG
    # one article, two formats: built as two jobs side by side, the warning still said
    result = proj.run("build", "--format", "html", "--format", "docx", "--force", "-j", "2")
    assert result.output.count("Warning: source_fr/e.md:5: image source_fr/img/e.svg") == 1


def _header_only_png(width: int, height: int) -> bytes:
    """A PNG's signature and IHDR chunk: what a size is read from (nothing is decoded)."""
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    crc = zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", crc)


@pytest.mark.parametrize("hidden", ["", "second header", "gif frame"])
def test_an_image_too_large_to_decode_is_one_error_naming_it(make_project, hidden):
    """A 40,000 × 40,000 PNG was silently left out of the PDF book; an attack round hid the
    size in a second header, which a decoder takes, behind a first of 10 × 10; a code
    review in a GIF's frame standing at 39,999, 39,999 of a 10 × 10 screen."""
    import struct

    data = _header_only_png(40_000, 40_000)
    if hidden == "second header":
        data = _header_only_png(10, 10) + data[8:]
    elif hidden == "gif frame":
        data = (b"GIF89a" + struct.pack("<HH", 10, 10) + bytes(3) + b"\x2c"
                + struct.pack("<HHHH", 39_999, 39_999, 1, 1) + bytes([0, 2, 2, 0x44, 0x01, 0]) + b"\x3b")
    proj = make_project({"e": "# E\n\n![la carte](img/carte.png)\n"},
                        files={"source_fr/img/carte.png": data})
    before = proj.snapshot()
    for fmt in ("html", "docx"):
        result = proj.run("build", "--format", fmt)
        assert result.exit_code == 2 and result.output == (
            "Error: source_fr/e.md:3: image source_fr/img/carte.png cannot be published: it is "
            "40,000 × 40,000 pixels, more than the 89,478,485 an edition decodes safely; scale "
            "it down\n")
    assert proj.snapshot() == before


def test_an_image_file_over_32_mb_is_one_error_and_never_read_whole(make_project):
    """An attack round: a 1×1 PNG padded to 1 GB (1 MB in git) was copied into every
    output; the EPUB and DOCX build peaked at 10.9 GB."""
    proj = make_project({"e": "# E\n\n![la carte](img/carte.png)\n"}, files={"source_fr/img/carte.png": png(1, 1)})
    with open(proj.root / "source_fr/img/carte.png", "r+b") as handle:
        handle.truncate(40 << 20)  # sparse: nothing written
    before = proj.snapshot()
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 2 and result.output == (
        "Error: source_fr/e.md:3: cannot read the image source_fr/img/carte.png: larger than 32 MB\n")
    assert proj.snapshot() == before


def test_an_image_named_many_ways_is_read_once_and_an_articles_images_are_bounded(make_project,
                                                                               monkeypatch):
    """A code review: "a.png?1", "a.png?2"… each read the file again (40 names of a 30 MB
    picture: 1.26 GB); the article's image files are bounded in all."""
    from diglot import media

    body = "\n\n".join(f"Image {i} : ![une image](img/a.png?{i})" for i in range(40))
    proj = make_project({"e": f"# E\n\n{body}\n\n![b](img/b.png)\n"},
                        files={"source_fr/img/a.png": png(30, 20), "source_fr/img/b.png": png(31, 20)})
    read = []
    real = media.read_limited
    monkeypatch.setattr(media, "read_limited", lambda path, limit: read.append(path.name) or real(path, limit))
    assert proj.run("build", "--format", "html").exit_code == 0
    assert sorted(read) == ["a.png", "b.png"]
    monkeypatch.setattr(media, "MAX_ARTICLE_IMAGES", len(png(30, 20)) + 10)
    result = proj.run("build", "--format", "html", "--force")
    assert result.exit_code == 2 and result.output.startswith(
        "Error: source_fr/e.md:83: the article's images pass 0 MB in all with source_fr/img/b.png")


def test_a_file_that_never_ends_is_never_hashed_to_its_end(tmp_path, monkeypatch):
    """An attack round: a translated picture linked to /proc/self/pagemap (a "regular" file
    of some 275 GB) kept the build hashing it for minutes, and serve too."""
    from diglot.commands import build_plan

    monkeypatch.setattr(build_plan, "MAX_PO_BYTES", 2 << 20)  # the largest file a reader takes
    big = tmp_path / "big.png"
    with open(big, "wb") as handle:
        handle.truncate(3 << 20)  # sparse: nothing written
    assert build_plan.file_digest(big) == "?"
    (tmp_path / "small.png").write_bytes(b"x")
    assert len(build_plan.file_digest(tmp_path / "small.png")) == 64
    if os.path.exists("/proc/self/pagemap"):
        (tmp_path / "photo.en.png").symlink_to("/proc/self/pagemap")
        assert build_plan.file_digest(tmp_path / "photo.en.png") == "?"


@pytest.mark.parametrize("data", [_header_only_png(30, 20), b"BM" + b"\0" * 24,
                                  b"II*\x00\x08\x00\x00\x00\x00\x00",
                                  b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",  # a cut JPEG
                                  b"GIF87a"])  # (a code review: bare Exception, struct.error)
def test_a_picture_python_docx_cannot_read_shows_its_alt_text_in_the_docx(make_project, data):
    """An attack round: a PNG cut after its header, a BMP or a TIFF that is only a header
    crashed the DOCX build with a traceback (the other editions take them)."""
    proj = make_project({"e": "# E\n\n![la carte du quai](img/carte.png)\n"},
                        files={"source_fr/img/carte.png": data})
    result = proj.run("build", "--format", "docx")
    assert result.exit_code == 0, result.output
    document = zipfile.ZipFile(proj.root / "build/docx/e.docx").read("word/document.xml").decode()
    assert "la carte du quai" in document and "<w:drawing>" not in document


def test_image_sizes_are_read_from_their_headers():
    from diglot.pixels import size

    jpeg = (b"\xff\xd8" + b"\xff\xe0\x00\x10" + b"JFIF\x00" + bytes(9)  # APP0, 16 bytes
            + b"\xff\xc0\x00\x11\x08\x02\x58\x03\x20" + bytes(8))  # SOF0: 600 high, 800 wide
    assert size(jpeg) == (800, 600)
    assert size(png(30, 20)) == (30, 20)
    assert size(b"GIF89a\x40\x01\xf0\x00" + bytes(4)) == (320, 240)
    assert size(b"<svg/>") is None and size(b"\xff\xd8\xff") is None
    assert size(jpeg[:2] + b"\xff" + jpeg[2:]) == (800, 600)  # a fill byte before a marker
    webp = b"RIFF" + bytes(4) + b"WEBPVP8X" + bytes(8) + (11999).to_bytes(3, "little") * 2
    assert size(webp) == (12000, 12000)
    assert size(b"BM" + bytes(16) + (321).to_bytes(4, "little") + (-123).to_bytes(4, "little", signed=True)) == (321, 123)
    # a decoder takes the largest frame: a second frame header, a GIF frame past its screen
    frames = (b"\xff\xd8" + b"\xff\xc0\x00\x11\x08\x00\x08\x00\x08" + bytes(10)  # 8 × 8
              + b"\xff\xc0\x00\x11\x08\x2e\xe0\x2e\xe0" + bytes(10))  # 12,000 × 12,000
    assert size(frames) == (12000, 12000)
    gif = (b"GIF89a\x0a\x00\x0a\x00\x00\x00\x00"  # a 10 × 10 screen, no colour table
           + b"\x21\xf9\x04\x00\x00\x00\x00\x00"  # an extension, one sub-block
           + b"\x2c\x00\x00\x00\x00\xe0\x2e\xe0\x2e\x00\x02\x02\x44\x01\x00\x3b")
    assert size(gif) == (12000, 12000)


def test_image_kinds_are_read_from_their_first_bytes():
    from diglot.pixels import kind

    assert [kind(data) for data in (png(3, 2), b"\xff\xd8\xff", b"GIF89a", b"BM", b"II*\x00",
                                    b"RIFF" + bytes(4) + b"WEBPVP8 ", b"\xef\xbb\xbf <svg/>",
                                    b"<html>", b"%PDF")] == \
        ["png", "jpeg", "gif", "bmp", "tiff", "webp", "svg", "", ""]


@pytest.mark.parametrize("name, data", [
    ("fig.svg", SVG.format('<style>.marker{fill:#333}</style><defs><marker id="m"><path d="M0 0L1 1"/>'
                           '</marker></defs><path d="M0 0L5 5" marker-end="url(#m)"/>').encode()),
    ("fig.svg", SVG.format('<defs><linearGradient id="g"/></defs><rect style="fill:url(\'#g\')"/>'
                           '<rect fill="url( #g)"/><a href="https://example.org"><circle r="1"/></a>').encode()),
    ("fig.svg", b"<!-- " + b"licence " * 800 + b"-->" + SVG.format("<circle r='1'/>").encode()),
    ("fig.svg", SVG.format("<circle r='1'/>").encode("utf-16")),
    ("photo.avif", b"\x00\x00\x00\x1cftypavif" + bytes(40)),
])
def test_ordinary_pictures_are_published(make_project, name, data):
    """A code review of the new checks: a Mermaid diagram's .marker class, quoted gradient
    references, a long licence comment, a UTF-16 SVG and an AVIF photo were refused."""
    proj = make_project({"e": f"# E\n\nVoir ![la figure](img/{name}).\n"},
                        files={f"source_fr/img/{name}": data})
    result = proj.run("build", "--format", "html")
    assert result.exit_code == 0 and "Error" not in result.output, result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pictures_every_document_holds_are_bounded_across_the_build(make_project, monkeypatch, jobs):
    """An attack round: one 31 MB picture (31 kB in git) shown by 40 articles took 3.8 GB to
    build, each article's DOCX and EPUB holding its own copy. The HTML edition shares it."""
    from diglot.commands import build_jobs

    picture = png(30, 20)
    articles = {f"a{n}": f"# A{n}\n\n![une image](img/a.png)\n\nTexte.\n" for n in range(4)}
    proj = make_project(articles, files={"source_fr/img/a.png": picture})
    monkeypatch.setattr(build_jobs, "MAX_EMBEDDED_IMAGES", 3 * len(picture) + 10)
    before = proj.snapshot()
    result = proj.run("build", "--format", "docx", "-j", jobs)
    assert result.exit_code == 2 and result.output.startswith("Error: source_fr/a")
    assert "would hold more than 0 MB of pictures (each article's holds its own" in result.output
    assert proj.snapshot() == before
    assert proj.run("build", "--format", "html", "-j", jobs).exit_code == 0
    # a code review: built one article at a time, then whole, the edition was past the bound
    from diglot.commands import build

    monkeypatch.setattr(build, "MAX_EMBEDDED_IMAGES", 3 * len(picture) + 10)
    for n in range(4):
        assert proj.run("build", "--format", "docx", "--article", f"a{n}").exit_code == 0
    result = proj.run("build", "--format", "docx", "-j", jobs)
    assert result.exit_code == 2 and result.output.startswith("Error: build/docx/edition.docx: its "
                                                              "articles' parts come to 0 MB")
