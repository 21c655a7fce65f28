"""How rendering time grows with an article's length: the HTML page and the DOCX document of
synthetic articles of growing size (rows with bold and code, no corpus needed), rendering
only, best of a few runs. Linear growth shows as a steady time per row; the last column is
the time of each size over the first one's, against the ratio of rows (quadratic would be its
square). This measurement was a test (a wall-clock ratio) before issue 17: timing never
decides a test. Usage: python bench/growth.py [--sizes 300 1200 4800] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from diglot import locales  # noqa: E402
from diglot.builders import BuildContext, get_builder  # noqa: E402
from diglot.catalog.translate import bilingual  # noqa: E402
from diglot.config import Config  # noqa: E402
from diglot.po.model import Catalog, Entry  # noqa: E402
from diglot.source.reader import parse_article  # noqa: E402


def article(rows: int):
    """A translated article of ``rows`` paragraphs, each with bold and code."""
    pairs = [(f"Paragraphe **{i}** avec `code`.", f"Paragraph **{i}** with `code`.")
             for i in range(rows)]
    text = "# T\n\n" + "\n\n".join(fr for fr, _ in pairs) + "\n"
    catalog = Catalog(None, [Entry("T", "T")] + [Entry(fr, en) for fr, en in pairs])
    return bilingual(parse_article(text, "growth", "source_fr/growth.md"), catalog, "fr", "en",
                     "source")


def best(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1200, 4800])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ctx = BuildContext("Growth", Config(), locales.build_time())
    for fmt in ("html", "docx"):
        builder = get_builder(fmt)
        builder.article(article(10), ctx)  # warm caches (styles, templates)
        first = None
        for rows in args.sizes:
            doc = article(rows)
            seconds = best(lambda: builder.article(doc, ctx), args.runs)
            first = first or (rows, seconds)
            print(f"{fmt:4} {rows:>6} rows: {seconds:6.3f} s, {seconds / rows * 1e6:5.0f} µs/row, "
                  f"{seconds / first[1]:5.1f}× the time for {rows / first[0]:4.0f}× the rows",
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
