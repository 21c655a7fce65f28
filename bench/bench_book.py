"""Benchmark one book-length article (2,000 and 10,000 real paragraphs from the corpus):
the HTML page, the DOCX document and the EPUB book built from it, rendering only (the
article and its translations already read), best of a few runs. Usage: python bench/bench_book.py [--sizes …]
"""

from __future__ import annotations

import argparse
import sys
import time

from corpus import book, corpus_pairs, require_corpus

from diglot import locales
from diglot.catalog.translate import bilingual
from diglot.builders import BuildContext, get_builder
from diglot.config import Config
from diglot.po.model import Catalog, Entry
from diglot.model import HEADING, LIST_ITEM, TITLE, TRANSLATED
from diglot.sentences.link import link_spans
from diglot.source.inline import spans
from diglot.source.reader import parse_article


def best(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    args = parser.parse_args()
    require_corpus()
    pairs = corpus_pairs()
    ctx = BuildContext("Bench", Config(), locales.build_time(), {"book": "book"})
    for n in args.sizes:
        chosen = book(pairs, n)
        text = "# Livre\n\n" + "\n\n".join(fr for fr, _ in chosen) + "\n"
        article = parse_article(text, "book", "source_fr/book.md")
        catalog = Catalog(None, [Entry(fr, en) for fr, en in chosen])
        doc = bilingual(article, catalog, "fr", "en", "source")
        for fmt in ("html", "docx", "epub"):
            builder = get_builder(fmt)
            builder.article(doc, ctx)  # warm caches (styles, templates)
            seconds = best(lambda: builder.article(doc, ctx))
            print(f"book {n:>6} paragraphs: {fmt:4} build {seconds:6.2f} s", flush=True)
        parsed = parse_pairs(doc)
        seconds = best(lambda: link_all(parsed))
        print(f"book {n:>6} paragraphs: sentence links of every pair {seconds:6.2f} s "
              "(spans parsed once, as the HTML builder has them)", flush=True)


def parse_pairs(doc) -> list:
    """Every translated pair's spans, override and kind, as the HTML builder holds them."""
    return [(spans(p.block.text), spans(p.target), p.sentences,
             p.block.kind in (HEADING, TITLE, LIST_ITEM))
            for p in doc.pairs
            if p.state == TRANSLATED and p.block.translatable and not p.fallback]


def link_all(parsed: list) -> None:
    """What the HTML builder adds to link sentences: the links of every translated pair."""
    for fr, en, override, whole in parsed:
        link_spans(fr, en, override, whole=whole)


if __name__ == "__main__":
    sys.exit(main())
