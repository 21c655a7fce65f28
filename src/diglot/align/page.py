"""The review page of an alignment: every bead side by side, weakest first, so a reviewer
reads the doubtful pairs before the sure ones. Shapes plain view data; the Jinja2 template
``align.html.j2`` (autoescaped) emits the tags, with the edition's stylesheet."""

from __future__ import annotations

from dataclasses import dataclass

from diglot.align.anchors import PREFIX
from diglot.align.model import BANDS, SHAPES, Alignment, Bead, band, shape_label
from diglot.source.inline import plain_text


@dataclass(frozen=True, slots=True)
class Row:
    """One bead as the page shows it."""

    anchor: str
    rank: int  # place in the text, 1 = first
    confidence: float
    band: str
    label: str
    french: list[str]
    english: list[str]
    fr_lines: str
    en_lines: str
    shared: str


def review_page(alignment: Alignment, *, title: str, source_lang: str, lang: str,
                french_path: str, english_path: str) -> bytes:
    """The page's bytes: UTF-8 HTML with a Content-Security-Policy that allows no script."""
    # The edition's Jinja2 setup, CSS and CSP.
    from diglot.web import asset, content_security_policy, environment

    rows = [_row(bead, alignment, n) for n, bead in enumerate(alignment.beads, 1)]
    rows.sort(key=lambda r: (r.confidence, r.rank))
    css = (asset("diglot.css").strip() + "\n" + asset("align.css").strip()).strip()
    page = {"lang": "en", "csp": content_security_policy(css, ""), "css": css, "script": "",
            "rows": rows,
            "title": title, "fr": source_lang, "en": lang, "french_path": french_path,
            "english_path": english_path, "bands": _band_counts(rows),
            "shapes": _shape_counts(alignment)}
    return environment().get_template("align.html.j2").render(page).encode("utf-8")


def _row(bead: Bead, alignment: Alignment, rank: int) -> Row:
    french = [alignment.french[i] for i in bead.fr]
    english = [alignment.english[j] for j in bead.en]
    return Row(f"b{rank}", rank, bead.confidence, band(bead.confidence) if bead.paired else "none",
               bead.label, [plain_text(b.text) for b in french],
               [plain_text(b.text) for b in english], _lines(french), _lines(english),
               ", ".join(_shown_key(k) for k in bead.shared))


def _shown_key(key: str) -> str:
    """An anchor as a reader knows it: a word matched by its start ends with "…"."""
    if key[0] in "#@`=":
        return key[1:]
    return key + "…" if len(key) == PREFIX else key


def _lines(blocks) -> str:
    return ", ".join(str(b.line) for b in blocks)


def _band_counts(rows: list[Row]) -> list[tuple[str, int]]:
    return [(name, sum(r.band == name for r in rows)) for name in BANDS]


def _shape_counts(alignment: Alignment) -> list[tuple[str, int]]:
    found = [(shape_label(shape), len(alignment.of_shape(shape))) for shape in SHAPES]
    return [(label, count) for label, count in found if count]
