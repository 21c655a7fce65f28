"""The HTML builder: golden pages, escaping and the CSP, anchors, fallback marks, lang, dates.

Golden files are rewritten instead of compared when DIGLOT_REGEN=1 is set:
    DIGLOT_REGEN=1 pytest tests/test_html_builder.py
then review the diff like code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from diglot.builders import BuildContext, get_builder
from diglot.config import Config
from diglot.locales import build_time
from support import CASES, bilingual_from, showcase

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source_fr" / "llama-4.md"
VOID = {"br", "hr", "input", "meta", "img", "link", "wbr"}


def context(names=None) -> BuildContext:
    return BuildContext("Édition de test", Config(), build_time(), names or {})


def render(doc, names=None) -> str:
    return get_builder("html").article(doc, context(names)).decode("utf-8")


def check_golden(path: Path, data: bytes) -> None:
    if os.environ.get("DIGLOT_REGEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no golden file {path}: run DIGLOT_REGEN=1 pytest {__file__}"
    assert data.decode("utf-8") == path.read_text("utf-8")


class Page(HTMLParser):
    """The parts of a page the tests look at: every tag with its attributes, each cell
    (class "seg") with its attributes and text, the pair ids, and the scripts' and styles'
    text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.cells: list[dict] = []
        self.pairs: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._cell = None  # [record, depth, text parts]
        self._raw = None  # text parts of an open <script> or <style>
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        record = dict(attrs)
        self.tags.append((tag, record))
        classes = (record.get("class") or "").split()
        if "pair" in classes and "id" in record:
            self.pairs.append(record["id"])
        if tag in ("script", "style"):
            self._raw = []
        if self._cell is not None and "byline" in classes:
            self._cell[0]["title"] = True  # a cell of the title block, not of a pair row
        if self._cell is not None and tag not in VOID:
            self._cell[1] += 1
        elif self._cell is None and "seg" in classes:
            self._cell = [dict(record, tag=tag, classes=classes), 0, []]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            (self.scripts if tag == "script" else self.styles).append("".join(self._raw))
            self._raw = None
        if self._cell is not None:
            if self._cell[1] == 0:
                self.cells.append(dict(self._cell[0], text="".join(self._cell[2]).strip()))
                self._cell = None
            else:
                self._cell[1] -= 1

    def handle_data(self, data):
        if self._raw is not None:
            self._raw.append(data)
        if self._cell is not None:
            self._cell[2].append(data)

    def column(self, col: str) -> list[dict]:
        return [c for c in self.cells if f"col-{col}" in c["classes"] and "title" not in c]

    def cell_for(self, french: str) -> dict:
        """The English cell of the row whose French cell reads ``french``."""
        fr, en = self.column("fr"), self.column("en")
        return next(e for f, e in zip(fr, en) if f["text"].endswith(french))


# --- golden files ------------------------------------------------------------------------

def test_showcase_page_matches_golden_file():
    check_golden(CASES / "showcase" / "showcase.html",
                 get_builder("html").article(showcase(), context({"showcase": "showcase"})))


@pytest.mark.skipif(not SEED.is_file(), reason="the seed source is not in this tree")
def test_seed_page_matches_golden_file():
    pairs = json.loads((CASES / "seed" / "pairs.json").read_text("utf-8"))
    doc = bilingual_from(SEED.read_text("utf-8"), pairs, "llama-4")
    check_golden(CASES / "seed" / "llama-4.html", get_builder("html").article(doc, context()))


def test_index_matches_golden_file():
    docs = [showcase(fuzzy=["Des fleurs pour les abeilles."]),
            bilingual_from("# Un titre\n\nUn texte.\n", [], "second")]
    data = get_builder("html").index(docs, context({"showcase": "jardin", "second": "deux"}))
    check_golden(CASES / "showcase" / "index.html", data)


# --- escaping and the Content-Security-Policy --------------------------------------------

HOSTILE = "Texte <script>alert(1)</script> & <b>gras</b> <img src=x onerror=alert(1)> < 10"


def test_raw_html_in_source_and_translation_is_text():
    english = HOSTILE.replace("Texte", "Text").replace("gras", "bold")
    page = Page(render(bilingual_from(HOSTILE + "\n", [[HOSTILE, english]])))
    assert [tag for tag, _ in page.tags if tag in ("script", "b", "img")] == ["script"]
    assert page.column("fr")[0]["text"] == HOSTILE
    assert page.column("en")[0]["text"] == english


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "data:text/html,<b>x</b>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
    "file:///etc/passwd",
])
def test_unsafe_urls_are_not_links(url):
    french, english = f"Voir [ici]({url}).", f"See [here]({url})."
    page = Page(render(bilingual_from(french + "\n", [[french, english]])))
    hrefs = [attrs.get("href", "") for tag, attrs in page.tags if tag == "a"]
    assert not [h for h in hrefs if not h.startswith(("#p-", "index.html", "#text"))]
    assert "ici" in page.column("fr")[0]["text"] and "here" in page.column("en")[0]["text"]


def test_quotes_cannot_break_out_of_attributes():
    french = 'Lien [« a »](https://example.org/?q="x"&r=\'y\') et " onmouseover="alert(1)'
    english = 'Link [“a”](https://example.org/?q="x"&r=\'y\') and " onmouseover="alert(1)'
    md = f"---\ntitle: 'Le \"titre\"'\nauthor: Jean \"Le Grand\" O'Neil\n---\n\n{french}\n"
    page = Page(render(bilingual_from(md, [[french, english]])))
    links = [attrs for tag, attrs in page.tags if tag == "a" and "example" in attrs.get("href", "")]
    assert [sorted(a) for a in links] == [["href"], ["href"]]
    assert links[0]["href"].startswith("https://example.org/?q=")
    names = {name for _, attrs in page.tags for name in attrs}
    assert not [n for n in names if n.startswith("on") or n == "style"]
    assert page.column("en")[0]["text"].endswith('and " onmouseover="alert(1)')


def test_a_link_over_styled_text_and_a_break_is_one_link():
    french = "Voir [le *guide*\\\nofficiel](https://example.org/a?b=1&c=2) et `x<y`."
    english = "See [the *official*\\\nguide](https://example.org/a?b=1&c=2) and `x<y`."
    html = render(bilingual_from(french + "\n", [[french, english]]))
    assert ('Voir <a href="https://example.org/a?b=1&amp;c=2">le <em>guide</em><br>officiel'
            '</a> et <code>x&lt;y</code>.') in html
    assert html.count('<a href="https://example.org/') == 2


def test_a_link_title_is_shown_in_its_language_and_escaped():
    """A translator's report: a link's title, translated in the msgstr, reached no edition."""
    french = ('Voir le [plan](https://ex.fr/p "Plan officiel") et le [plan](https://ex.fr/p), '
              '[ici](https://ex.fr/p "un \\"piège\\" <script>").')
    english = ('See the [map](https://ex.fr/p "Official map") and the [map](https://ex.fr/p), '
               '[here](https://ex.fr/p "a \\"trap\\" <script>").')
    html = render(bilingual_from(french + "\n", [[french, english]]))
    assert ('See the <a href="https://ex.fr/p" title="Official map">map</a> and the '
            '<a href="https://ex.fr/p">map</a>, '
            '<a href="https://ex.fr/p" title="a &#34;trap&#34; &lt;script&gt;">here</a>.') in html
    assert 'Voir le <a href="https://ex.fr/p" title="Plan officiel">plan</a>' in html


def test_a_reference_links_title_shows_over_the_french_only():
    """A reader's review: "[committee][bureau]" showed the French title of "[bureau]: url
    'Le bureau'" (a definition never extracted to translate) over the English link."""
    french, english = "Voir le [bureau][b].", "See the [committee][b]."
    html = render(bilingual_from(f"{french}\n\n[b]: https://ex.fr/b \"Le bureau\"\n",
                                 [[french, english]]))
    assert 'Voir le <a href="https://ex.fr/b" title="Le bureau">bureau</a>.' in html
    assert 'See the <a href="https://ex.fr/b">committee</a>.' in html


def test_a_titled_link_around_a_picture_and_text_is_one_link_with_its_title():
    """A code review: the picture went in a link of its own, without the title."""
    french = 'Voir [![logo](https://ex.fr/l.png) le site](https://ex.fr/ "Le site") et ' \
             '[![seul](https://ex.fr/l.png)](https://ex.fr/ "Le logo").'
    html = render(bilingual_from(french + "\n", [[french, french]]))
    assert ('Voir <a href="https://ex.fr/" title="Le site"><span class="alt">logo</span> le site'
            '</a> et <a href="https://ex.fr/" title="Le logo"><span class="alt">seul</span></a>.'
            ) in html


def test_the_alt_text_standing_in_for_an_image_is_text():
    french = 'Voir ![un "alt" <b>](https://example.org/i.png "le titre").'
    english = 'See ![an "alt" <b>](https://example.org/i.png "the title").'
    html = render(bilingual_from(french + "\n", [[french, english]]))
    assert 'See <span class="alt">an \u201calt\u201d &lt;b&gt;</span>.' in html
    assert 'Voir <span class="alt">un «\u00a0alt\u00a0» &lt;b&gt;</span>.' in html  # typeset
    assert not [tag for tag, _ in Page(html).tags if tag in ("b", "img")]


def test_csp_allows_only_diglot_own_style_and_script():
    html = render(showcase())
    page = Page(html)
    csp = next(a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe" not in csp
    assert len(page.scripts) == 1 and len(page.styles) == 2  # the edition's, the page's print head
    assert "@top-center" in page.styles[1]
    sources = {directive: csp.split(directive)[1].split(";")[0].split()
               for directive in ("script-src", "style-src")}
    expected = {"script-src": page.scripts, "style-src": page.styles}
    for directive, texts in expected.items():
        digests = [base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode()
                   for t in texts]
        assert sources[directive] == [f"'sha256-{d}'" for d in digests]


def test_a_title_cannot_break_out_of_the_print_rule():
    title = 'Titre"; } } body { display: none } </style><script>alert(1)</script> \\'
    page = Page(render(bilingual_from(f"# {title}\n\nUn.\n", [])))
    assert len(page.styles) == 2 and len(page.scripts) == 1
    assert page.styles[1].count('"') == 6 and "</" not in page.styles[1]  # three heads


def test_printing_one_language_prints_its_title_alone_in_the_running_head():
    md = "---\ntitle: Le jardin\n---\n\nUn.\n"
    page = Page(render(bilingual_from(md, [["Le jardin", "The garden"], ["Un.", "One."]])))
    heads = dict(re.findall(r'@page( \w+)? \{ @top-center \{ content: "([^"]*)"', page.styles[1]))
    assert heads == {"": "Le jardin · The garden", " fr": "Le jardin", " en": "The garden"}
    css = page.styles[0]
    assert 'body:has(#view-en:checked) .page, [data-view="en"] .page { page: en; }' in css
    assert 'body:has(#view-fr:checked) .page, [data-view="fr"] .page { page: fr; }' in css


def test_passages_are_numbered_once_each_with_one_link_and_a_skip_link():
    page = Page(render(showcase()))
    numbers = [a for t, a in page.tags if t == "a" and a.get("class") == "permalink"]
    assert [a["aria-label"] for a in numbers] == [f"Passage {n}" for n in range(1, len(numbers) + 1)]
    hrefs = [a["href"] for a in numbers]
    ids = {a["id"] for _, a in page.tags if "id" in a}
    assert len(set(hrefs)) == len(hrefs) > 20 and {h[1:] for h in hrefs} <= ids
    assert next(a for t, a in page.tags if t == "a")["href"] == "#text"
    assert ("main", {"id": "text"}) in page.tags


def test_page_loads_nothing_but_its_own_images():
    html = render(showcase())
    page = Page(html)
    sources = [a["src"] for t, a in page.tags if "src" in a]
    assert sources and all(s.startswith("assets/") for s in sources)
    assert not [a for _, a in page.tags if "srcset" in a]
    assert not [t for t, _ in page.tags if t in ("link", "iframe", "object", "embed")]
    csp = next(a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "img-src 'self';" in csp and csp.count("-src") == 4  # default, img, style, script


# --- anchors -----------------------------------------------------------------------------

def anchors(md: str) -> list[str]:
    return Page(render(bilingual_from(md, []))).pairs


def test_anchors_survive_an_insertion_before_them():
    before = anchors("# Titre\n\nUn.\n\nDeux.\n\nUn.\n")
    after = anchors("# Titre\n\nNouveau.\n\nUn.\n\nDeux.\n\nUn.\n")
    assert after[:1] + after[2:] == before
    assert before[3] == before[1] + "-2"  # a repeated passage gets a deterministic suffix


def test_anchors_do_not_depend_on_the_translation():
    doc = bilingual_from("Un.\n\nDeux.\n", [["Un.", "One."]])
    other = bilingual_from("Un.\n\nDeux.\n", [["Un.", "Uno."], ["Deux.", "Two."]])
    assert Page(render(doc)).pairs == Page(render(other)).pairs


# --- fallback marks ----------------------------------------------------------------------

DROPPED = "Des fleurs pour les abeilles."
FUZZY = "Chaque parcelle est confiée à une famille pour un an."


def fallback_page(policy: str) -> Page:
    return Page(render(showcase(policy, drop=[DROPPED], fuzzy=[FUZZY])))


def test_source_fallback_shows_marked_french():
    page = fallback_page("source")
    missing, fuzzy = page.cell_for(DROPPED), page.cell_for(FUZZY)
    assert missing["lang"] == "fr" and {"source", "st-untranslated"} <= set(missing["classes"])
    assert missing["text"] == "•not translated " + DROPPED
    assert fuzzy["lang"] == "fr" and "st-fuzzy" in fuzzy["classes"]
    assert fuzzy["text"] == "1.under review " + FUZZY
    html = render(showcase("source", drop=[DROPPED], fuzzy=[FUZZY]))
    assert "the French original is shown in its place" in html
    assert "the French original is shown meanwhile" in html
    # cells, terms and captions are only tinted and outlined: the legend shows that too
    html = render(showcase("source", drop=[DROPPED, "Compost"]))  # a term untranslated
    assert re.search(r'<li class="legend-cells"><span class="source st-untranslated">text</span> '
                     r'in a table, a list of terms or a caption', html)


def test_an_address_shown_as_itself_is_not_printed_twice():
    """Print adds a link's address after its text, except where the text is the address."""
    french = "Écrire à <contact@exemple.fr> ou voir [le site](https://exemple.fr)."
    english = "Write to <contact@exemple.fr> or see [the site](https://exemple.fr)."
    html = render(bilingual_from(french + "\n", [[french, english]]))
    assert html.count('<a class="url" href="mailto:contact@exemple.fr">contact@exemple.fr</a>') == 2
    assert html.count('<a href="https://exemple.fr">') == 2
    assert '.seg a[href^="mailto:"]:not(.url)::after' in html


def test_the_legend_explains_the_tinted_box_only_where_a_cell_shows_one():
    doc = bilingual_from("Un.\n\nDeux.\n", [["Un.", "One."]])  # a paragraph untranslated
    html = render(doc)
    assert 'class="legend"' in html and '<li class="legend-cells"' not in html


def test_a_figure_without_a_caption_keeps_its_passage_number():
    doc = bilingual_from("Avant.\n\n![Une baguette](pain.png)\n\nAprès.\n",
                         [["Avant.", "Before."], ["Une baguette", "A baguette"], ["Après.", "After."]])
    numbers = re.findall(r'class="permalink"[^>]*>(\d+)</a>', render(doc))
    assert numbers == ["1", "2", "3"]


def test_placeholder_fallback_shows_no_french():
    page = fallback_page("placeholder")
    assert page.cell_for(DROPPED)["text"] == "•not translated Translation to come."
    assert page.cell_for(FUZZY)["text"] == "1.under review Translation under review."
    assert page.cell_for(DROPPED)["lang"] == "en"
    assert not [c for c in page.column("en") if DROPPED in c["text"] or FUZZY in c["text"]]


def test_omit_fallback_leaves_only_the_mark():
    page = fallback_page("omit")
    assert page.cell_for(DROPPED)["text"] == "not translated"
    assert page.cell_for(FUZZY)["text"] == "under review"
    assert "omitted" in page.cell_for(DROPPED)["classes"]


def test_fully_translated_page_has_no_legend_or_marks():
    html = render(showcase())
    assert 'class="legend"' not in html and "badge" not in html.split("</style>")[1]


# --- languages, structure, dates ---------------------------------------------------------

def test_every_cell_carries_its_language():
    page = Page(render(showcase()))
    assert {c["lang"] for c in page.column("fr")} == {"fr"}
    assert {c["lang"] for c in page.column("en")} == {"en"}
    # 23 rows of text, the new section's heading and 2 paragraphs, its table, captions, 2
    # definition groups and 2 notes (the title is in the header)
    assert len(page.column("fr")) == len(page.column("en")) == 32


def test_structure_is_kept_in_both_columns():
    html = render(showcase())
    page = Page(html)
    levels = [c["tag"] for c in page.column("fr") if c["tag"][0] == "h"]
    assert levels == [c["tag"] for c in page.column("en") if c["tag"][0] == "h"]
    assert levels == ["h2", "h3", "h2", "h2", "h2"] and html.count("<h1>") == 2
    markers = re.findall(r'class="seg col-en (d\d)[^"]*" lang="en"><span class="marker">([^<]+)', html)
    assert markers == [("d1", "•"), ("d2", "◦"), ("d2", "◦"), ("d1", "•"), ("d1", "•"),
                       ("d1", "1."), ("d1", "2."), ("d2", "1."), ("d2", "2."), ("d1", "3.")]
    assert html.count('<blockquote class="seg col-fr q1"') == 2
    code = "$ recoltes --annee 2026\ntomates     412 kg\ncourgettes  198 kg\n"
    assert html.count(code) == 1
    assert re.search('site de l’association</a>.</span><br><span class="s" data-sentence="'
                     '(p-[0-9a-f]+)[.]2">Il est mis à jour', html)


def test_rule_spans_both_columns():
    html = render(bilingual_from("Un.\n\n---\n\nDeux.\n", []))
    assert html.count("<hr>") == 1


def test_dates_and_language_names_come_from_babel():
    html = render(showcase())
    assert '<time datetime="2026-11-27">27 novembre 2026</time>' in html
    assert '<time datetime="2026-11-27">27 November 2026</time>' in html  # en-GB
    assert '<label for="view-fr" lang="fr">Français</label>' in html
    assert '<label for="view-en" lang="en">English</label>' in html


def test_without_a_front_matter_date_no_date_is_shown(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    html = render(bilingual_from("# Titre\n\nUn.\n", [["Titre", "Title"]]))
    assert "<time" not in html and "2023" not in html and "byline" not in html.split("</style>")[1]


def test_the_build_date_is_shown_only_when_configured_and_labelled(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    ctx = BuildContext("Édition", Config(build_date=True), build_time(), {})
    html = get_builder("html").article(bilingual_from("# Titre\n\nUn.\n", []), ctx).decode()
    assert "Made with diglot · built on 14 November 2023" in html


@pytest.mark.parametrize("written, french, english", [
    ("2024-05-14", "14 mai 2024", "14 May 2024"),
    ("14/05/2024", "14 mai 2024", "14 May 2024"),
    ("1er mai 2024", "1er mai 2024", "1 May 2024"),
    ("mai 2024", "mai 2024", "May 2024"),
    ("2024", "2024", "2024"),
])
def test_front_matter_dates_keep_their_precision_and_follow_the_variety(written, french, english):
    html = render(bilingual_from(f"---\ntitle: T\ndate: {written}\n---\n\nUn.\n", []))
    assert f">{french}</time>" in html and f">{english}</time>" in html


def test_index_lists_every_article_with_both_titles_and_progress():
    docs = [showcase(), bilingual_from("# Un titre\n\nUn texte.\n", [], "second")]
    html = get_builder("html").index(docs, context({"showcase": "jardin"})).decode("utf-8")
    assert '<a href="jardin.html">' in html and '<a href="second.html">' in html
    assert 'lang="fr">Le jardin partagé de la rue des Lilas</span>' in html
    assert 'lang="en">The Shared Garden on Rue des Lilas</span>' in html
    assert "Camille Martin" in html and "27 November 2026" in html
    assert "English: 42 of 42 passages translated (100%)" in html
    assert "English: 0 of 2 passages translated (0%)" in html


def test_only_a_long_passage_may_break_across_printed_pages():
    long_fr, long_en = "Une phrase assez longue pour un livre. " * 14, "A sentence long enough for a book. " * 15
    doc = bilingual_from(f"# T\n\nCourt.\n\n{long_fr.strip()}\n",
                         [["T", "T"], ["Court.", "Short."], [long_fr.strip(), long_en.strip()]])
    html = render(doc)
    assert re.findall(r'<p class="(seg col-[a-z]+[^"]*)"', html) == [
        "seg col-fr", "seg col-en", "seg col-fr long", "seg col-en long"]  # Court., then the long one
    # the print rules keep every other passage whole (Chromium honours no widows in a grid)
    assert ".pair:not(.table, .code, :has(> .long)), .figure { break-inside: avoid; }" in html


def test_an_untranslated_note_carries_the_badge_a_passage_does_and_lights_when_followed():
    html = render(showcase(drop=("Pesées faites à la balance de l’association.",)))
    note = html[html.index('id="fn-en-1"'):]
    note = note[:note.index("</div>")]
    assert '<p class="source st-untranslated" lang="fr"><span class="number">1. </span>' \
           '<span class="badge badge-untranslated" lang="en">not translated</span>Pesées' in note
    assert ".pair:target > .seg, .note > .seg:target { background: var(--target); }" in html


def test_a_short_code_span_stays_on_one_line_a_long_one_may_wrap():
    long = "os.path.join(base, name)"  # over 20 characters
    doc = bilingual_from(f"Lancez `rsync -a --delete` ou `{long}`.\n",
                         [(f"Lancez `rsync -a --delete` ou `{long}`.",
                           f"Run `rsync -a --delete` or `{long}`.")])
    page = render(doc)
    assert page.count("<code>rsync -a --delete</code>") == 2
    assert page.count(f'<code class="long">{long}</code>') == 2
    css = (Path(__file__).resolve().parents[1] / "src/diglot/templates/diglot.css").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rules = {" ".join(k.split()): v for k, v in re.findall(r"([^{}]+?)\{([^}]*)\}", css)}
    assert "white-space: pre" in rules["code"]  # a short span on one line, its spaces kept
    long = next(v for k, v in rules.items() if k.startswith("code.long, h1 code"))
    assert "white-space: pre-wrap" in long and "overflow-wrap: anywhere" in long
    assert ".q1.d1 code" in next(k for k in rules if k.startswith("code.long"))  # nested: narrow
    # nor in a table cell: an 80-character name kept whole pushed the other columns out of
    # sight on screen and off the printed page (a reader's review)
    assert not [k for k, v in rules.items() if "td code" in k and "nowrap" in v]
    assert "white-space: inherit" in rules["pre code"]  # code blocks keep their lines


def test_a_definition_list_in_a_quotation_or_a_list_is_set_in_it():
    text = "> Citation :\n>\n> Terme\n> : Sa définition.\n\n- Liste\n\n  Terme2\n  : Déf2.\n"
    page = render(bilingual_from(text, []))
    assert re.findall(r'<dl class="seg col-(?:fr|en)([^"]*)"', page) == [" q1", " q1", " d1", " d1"]


CELLS_MD = "# Types\n\n| Type | Remarque |\n|---|---|\n| liste | l'« ensemble » |\n\nListe\n: c'est « ça »\n"
CELLS_EN = [["Types", "Types"], ["Type", "Type"], ["Remarque", "Remark"], ["liste", "list"],
            ["l'« ensemble »", "it's the \"set\" you'd expect"], ["Liste", "List"],
            ["c'est « ça »", "They're \"it\""]]


def test_english_table_cells_and_definitions_get_curly_quotes_as_passages_do():
    page = render(bilingual_from(CELLS_MD, CELLS_EN, "types"))
    assert "it’s the “set” you’d expect" in page and "They’re “it”" in page
    assert "you'd" not in page and '"set"' not in page


def test_a_table_of_six_columns_or_more_is_marked_to_print_across_the_page():
    """A reader's review: printed from the browser, an 8-column table ran under the column
    rule into the English one and was cut at the page's edge."""
    wide = "| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |\n"
    narrow = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    page = render(bilingual_from(f"# T\n\n{wide}\nTexte.\n\n{narrow}", []))
    assert page.count('class="pair table many"') == 1 and page.count('class="pair table"') == 1
    css = (Path(__file__).parents[1] / "src/diglot/templates/diglot.css").read_text("utf-8")
    assert ".pair.table.many > .col-en { grid-column: 1; grid-row: 2;" in css
