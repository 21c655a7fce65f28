"""Sentence links on the shipped Llama 4 page, as a learner meets them (issue 18, done-when 1):
every sentence of both columns belongs to a link group, and the second sentence of a
paragraph is linked to exactly its English sentence. The page is built from the repository's
own source and PO file through the CLI, then read back as HTML."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from diglot.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_PO = ROOT / "translations" / "en" / "llama-4.po"
# A sentence end inside a text: . ! ? (closing quote or bracket allowed), a space, a capital.
SENTENCE_END = re.compile(r"[.!?][»”\")]?\s+[«“\"(]?[A-ZÀ-ÖØ-Þ]")


class Cells(HTMLParser):
    """Each passage cell of <main> (class "seg"): its pair id, column, tag ("li" for a list
    item), whole text, and the text of each sentence span (data-sentence) in it."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.cells: list[dict] = []
        self._pair = None
        self._in_main = False
        self._stack: list[tuple[str, str | None]] = []  # open tags inside a cell: (tag, id)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "main":
            self._in_main = True
        if self._in_main and "pair" in classes and "id" in a:
            self._pair = a["id"]
        if self._stack:
            self._stack.append((tag, a.get("data-sentence")))
            if a.get("data-sentence"):
                self.cells[-1]["spans"].append([a["data-sentence"], ""])
        elif self._in_main and "seg" in classes:
            col = "fr" if "col-fr" in classes else "en"
            item = any(re.fullmatch(r"d\d+", c) for c in classes)  # a list item's depth
            self.cells.append({"pair": self._pair, "col": col, "tag": "li" if item else tag,
                               "text": "", "spans": []})
            self._stack.append((tag, None))

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if self._stack and tag not in ("br", "img", "wbr"):
            self._stack.pop()

    def handle_data(self, data):
        if not self._stack:
            return
        cell = self.cells[-1]
        cell["text"] += data
        if any(sid for _, sid in self._stack):
            cell["spans"][-1][1] += data


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def cells(tmp_path_factory) -> list[dict]:
    if not SEED_PO.is_file():
        pytest.skip("the seed edition is not in this tree")
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(ROOT / "source_fr", root / "source_fr")
    shutil.copytree(ROOT / "translations", root / "translations")
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--format", "html", "-q"],
                                env={"SOURCE_DATE_EPOCH": "0"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Cells((root / "build" / "html" / "llama-4.html").read_text("utf-8")).cells


def test_every_sentence_of_both_columns_is_in_a_link_group(cells):
    linked = 0
    for cell in cells:
        if cell["spans"]:
            linked += 1
            # the sentence spans hold the whole text of the passage, nothing left outside
            assert squash("".join(t for _, t in cell["spans"])) == squash(cell["text"]), cell
        elif cell["tag"] not in ("h1", "h2", "h3", "h4", "li"):
            # a passage left unsplit is one sentence (headings and list items are one by
            # definition, README "Sentence links"): the pair itself is its link
            assert not SENTENCE_END.search(cell["text"].strip()), cell["text"]
    assert linked >= 30  # the seed's paragraphs of several sentences, both columns


def test_each_link_id_has_a_french_and_an_english_side_in_one_passage(cells):
    sides: dict[str, set] = {}
    for cell in cells:
        for sid, _ in cell["spans"]:
            sides.setdefault(sid, set()).add((cell["pair"], cell["col"]))
    for sid, where in sides.items():
        assert {col for _, col in where} == {"fr", "en"}, sid
        assert len({pair for pair, _ in where}) == 1, sid


def test_the_second_sentence_of_a_paragraph_lights_exactly_its_english_sentence(cells):
    fr = next(c for c in cells if c["col"] == "fr" and c["text"].startswith("S’appuyant"))
    en = next(c for c in cells if c["col"] == "en" and c["pair"] == fr["pair"])
    second_id, second = fr["spans"][1]
    assert second.startswith("Mark Zuckerberg, PDG de Meta")
    counterpart = [text for sid, text in en["spans"] if sid == second_id]
    assert counterpart == ["Meta CEO Mark Zuckerberg has indicated that training Llama 4 "
                           "would require ten times more computing resources than its "
                           "predecessor did."]
