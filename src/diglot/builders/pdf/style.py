"""The PDF edition's page geometry and stylesheets: page size and mirrored margins (wider
at the gutter), the text block, the type sizes and passage spacing of each layout, and the
CSS for the measuring pass and for the final pages (the type itself is ``print.css``).

All lengths are in points.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

MM = 72 / 25.4
PAGES = {"A4": (210 * MM, 297 * MM), "Letter": (612.0, 792.0)}
LAYOUTS = ("facing", "columns")


@dataclass(frozen=True)
class Geometry:
    """One layout on one paper size: page, margins, text block and type."""

    layout: str
    page: tuple[float, float]
    top: float
    bottom: float
    inner: float  # the gutter side: wider, for the binding
    outer: float
    size: float  # body type size
    leading: float  # body line height
    gap: float  # space between passages
    column_gap: float = 0.0

    @property
    def text_width(self) -> float:
        return self.page[0] - self.inner - self.outer

    @property
    def text_height(self) -> float:
        return self.page[1] - self.top - self.bottom

    @property
    def side_width(self) -> float:
        """The width a passage side is set in: the text block, or one column of it."""
        if self.layout == "facing":
            return self.text_width
        return (self.text_width - self.column_gap) / 2

    def side_x(self, side: int) -> float:
        """Where side 0 (French) or 1 (English) starts, from the text block's left edge."""
        return 0.0 if self.layout == "facing" or side == 0 else self.side_width + self.column_gap


def geometry(layout: str, page_size: str) -> Geometry:
    """Facing pages: one measure of about 80 characters per page; columns: two of about 50."""
    page = PAGES.get(page_size, PAGES["A4"])
    if layout == "facing":
        return Geometry(layout, page, top=24 * MM, bottom=28 * MM, inner=34 * MM,
                        outer=30 * MM, size=12.0, leading=15.5, gap=5.0)
    return Geometry(layout, page, top=22 * MM, bottom=26 * MM, inner=24 * MM, outer=18 * MM,
                    size=10.0, leading=13.0, gap=4.5, column_gap=8 * MM)


def measure_css(geo: Geometry, width: float) -> str:
    """One tall page ``width`` wide with no margins: every passage laid out once, whole."""
    return (f"@page {{ size: {width:.3f}pt 10000000pt; margin: 0; }}\n"
            + _type(geo) + type_css())


def pages_css(geo: Geometry) -> str:
    """The final pages: mirrored margins, running heads, page numbers at the outer corner,
    front matter without either, and one fixed-height sheet per page."""
    width, height = geo.page
    head = "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 7pt; color: #444;"
    rules = [
        f"@page {{ size: {width:.3f}pt {height:.3f}pt; margin: {geo.top:.3f}pt 0 {geo.bottom:.3f}pt 0; {head} }}",
        _side_page("left", geo.outer, geo.inner),
        _side_page("right", geo.inner, geo.outer),
        "@page front { " + _blank_boxes() + " }",
        "@page :blank { " + _blank_boxes() + " }",
        f".sheet {{ height: {geo.text_height - 0.05:.3f}pt; }}",
        ".sheet, .contents { string-set: verso attr(data-verso), recto attr(data-recto); }",
        # facing: an article opens on a left-hand page, the contents on a right-hand one
        f".sheet.opens {{ break-before: {'left' if geo.layout == 'facing' else 'page'}; }}",
        f".contents {{ break-before: {'right' if geo.layout == 'facing' else 'page'}; }}",
    ]
    return "\n".join(rules) + "\n" + _type(geo) + type_css()


def part_css(first: int) -> str:
    """For a book's pages laid out in parts: this part's first page is page ``first``, on
    the side that number gives it (odd numbers on the right)."""
    side = "right" if first % 2 else "left"
    return f"html {{ break-before: {side}; }}\n@page :first {{ counter-reset: page {first}; }}\n"


def _side_page(side: str, left: float, right: float) -> str:
    corner, folio = f"top-{side}", f"bottom-{side}"
    head = (f"content: string({'verso' if side == 'left' else 'recto'}); text-transform: uppercase; letter-spacing: 0.08em; "
            "vertical-align: bottom; padding-bottom: 9pt;")
    return (f"@page :{side} {{ margin-left: {left:.3f}pt; margin-right: {right:.3f}pt; "
            f"@{corner} {{ {head} }} "
            f"@{folio} {{ content: counter(page); vertical-align: top; padding-top: 12pt; "
            f"font-size: 8.5pt; }} }}")


def _blank_boxes() -> str:
    return " ".join(f"@{box} {{ content: none; }}"
                    for box in ("top-left", "top-right", "bottom-left", "bottom-right"))


def _type(geo: Geometry) -> str:
    """The body size and leading (the spaces between passages are the paginator's)."""
    return (f"html {{ font-size: {geo.size}pt; line-height: {geo.leading}pt; }}\n"
            f".heading {{ line-height: {geo.leading * 1.05:.2f}pt; }}\n")


@lru_cache(maxsize=1)
def type_css() -> str:
    return files("diglot.builders.pdf").joinpath("print.css").read_text(encoding="utf-8")
