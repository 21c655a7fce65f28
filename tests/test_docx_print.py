"""The DOCX edition as LibreOffice lays it out (skipped without soffice and pdftotext): each
article opens a new page under its own running head, and the contents give the pages the
articles really start on."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest


needs_tools = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                 reason="LibreOffice and poppler are not installed")
LONG = " ".join(f"Phrase numéro {n} d'un long article qui remplit plus d'une page." for n in range(60))


def pages_of(pdf) -> list[list[str]]:
    """Each page's non-blank lines, stripped."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in text.split("\f")[:-1]]


@needs_tools
def test_articles_start_on_new_pages_with_their_heads_and_contents_numbers(make_project, tmp_path):
    proj = make_project({"a-court": "# Premier article\n\nCourt.\n",
                         "b-long": "# Deuxième article\n\n" + "\n\n".join([LONG] * 4) + "\n",
                         "c-fin": "# Troisième article\n\nFin.\n"},
                        config='title = "Recueil"\n', build="docx", name="edition")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(proj.root / "build/docx/edition.docx")], capture_output=True, timeout=180,
                   check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pages = pages_of(tmp_path / "edition.pdf")
    titles = ("Premier article", "Deuxième article", "Troisième article")
    # An article's first page: its own running head, the column heads, then its title.
    starts = {t: next(n for n, lines in enumerate(pages, 1)
                      if lines[0] == t.upper() and lines[2].startswith(t)) for t in titles}
    assert starts["Premier article"] == 3 and starts["Troisième article"] > 5
    assert all(pages[n - 2][0] != t.upper() for t, n in starts.items())  # a new head each time
    contents = " ".join(pages[1])
    for title, number in starts.items():
        assert re.search(rf"{title}\.+ ?{number}\b", contents), contents
