"""Benchmark the PDF edition (WeasyPrint): the seed article from a cold start, the showcase
(tables, a figure, a definition list, footnotes) with its pictures counted, book-length
articles of real corpus paragraphs (rendering only, in a process of its own for its peak
memory), and the 419-article corpus as one edition, each checked with pdf_alignment.
Usage: python bench/bench_pdf.py [--sizes 2000 10000] [--layout facing|columns] [--no-corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, DIGLOT, ROOT, book, corpus_pairs, measure, median

import pdf_alignment


def seed(work: Path, layout: str, runs: int = 3) -> None:
    """The shipped article from a cold process (interpreter, imports, WeasyPrint, fonts)."""
    root = work / "seed"
    shutil.copytree(ROOT / "source_fr", root / "source_fr")
    shutil.copytree(ROOT / "translations", root / "translations")
    (root / "diglot.toml").write_text(f'title = "Llama 4 — édition bilingue"\npdf_layout = "{layout}"\n')
    article = [*DIGLOT, "-C", str(root), "-q", "build", "--format", "pdf", "--force", "-j", "1"]
    samples = [_cpu(article + ["--article", "llama-4"]) for _ in range(runs)]
    print(f"seed article ({layout}): {median([s[0] for s in samples]):.2f} s wall, "
          f"{median([s[1] for s in samples]):.2f} s CPU (median of {runs}), cold start", flush=True)
    whole = _cpu(article)
    print(f"seed article + edition.pdf, 1 job: {whole[0]:.2f} s wall, {whole[1]:.2f} s CPU", flush=True)
    pairs = json.loads((ROOT / "tests" / "cases" / "seed" / "pairs.json").read_text("utf-8"))
    _aligned(root / "build" / "pdf" / "llama-4.pdf", pairs, layout)


def showcase(work: Path, layout: str) -> None:
    """The test case with every block kind: timed, checked, its pictures listed."""
    case, root = ROOT / "tests" / "cases" / "showcase", work / "showcase"
    shutil.copytree(case / "images", root / "source_fr" / "images")
    shutil.copy(case / "article.md", root / "source_fr" / "showcase.md")
    (root / "translations" / "en").mkdir(parents=True)
    shutil.copy(case / "en.po", root / "translations" / "en" / "showcase.po")
    (root / "diglot.toml").write_text(f'title = "Recueil"\npdf_layout = "{layout}"\n')
    took = _cpu([*DIGLOT, "-C", str(root), "-q", "build", "--format", "pdf", "-j", "1",
                 "--article", "showcase"])
    pdf = root / "build" / "pdf" / "showcase.pdf"
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                            text=True).stdout.splitlines()[2:]
    print(f"showcase ({layout}): {took[0]:.2f} s wall, {took[1]:.2f} s CPU, cold start; "
          f"{len(images)} pictures embedded", flush=True)
    # The figure's alt text is in the tagged PDF's structure, not printed (tests/test_pdf.py).
    printed = [p for p in json.loads((case / "pairs.json").read_text("utf-8"))
               if p[0] != "Une parcelle de tomates au mois d’août"]
    _aligned(pdf, printed, layout)


def _cpu(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu


def _aligned(pdf: Path, pairs, layout: str) -> None:
    found, problems = pdf_alignment.measure(str(pdf), pairs, layout)
    worst = max((f.delta for f in found), default=0.0)
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    print(f"  {pdf.name}: {count} pages, {len(found)}/{len(pairs)} pairs level, largest gap "
          f"{worst:.2f} pt, {len(problems)} problem(s)" + (f": {problems[:3]}" if problems else ""),
          flush=True)


def one_book(n: int, layout: str, out: Path) -> None:
    """(In a process of its own.) Render an n-paragraph article; print wall, CPU, peak."""
    from diglot import locales
    from diglot.builders import BuildContext
    from diglot.builders.pdf import assemble
    from diglot.catalog.translate import bilingual
    from diglot.config import Config
    from diglot.po.model import Catalog, Entry
    from diglot.source.reader import parse_article

    chosen = book(corpus_pairs(), n)
    text = "# Livre\n\n" + "\n\n".join(fr for fr, _ in chosen) + "\n"
    article = parse_article(text, "book", "source_fr/book.md")
    doc = bilingual(article, Catalog(None, [Entry(fr, en) for fr, en in chosen]), "fr", "en", "source")
    ctx = BuildContext("Bench", Config(pdf_layout=layout), locales.build_time(), {"book": "book"})
    import diglot.builders.pdf.engine  # noqa: F401  (imported before the clock starts)

    start, cpu = time.perf_counter(), time.process_time()
    data = assemble.article(doc, ctx)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    out.write_bytes(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from diglot.source.inline import plain_text

    shown = [[plain_text(fr), plain_text(en)] for fr, en in chosen]  # as the pages print them
    out.with_suffix(".json").write_text(json.dumps([["Livre", "Livre"], *shown]))
    print(f"book {n:>6} paragraphs ({layout}): {wall:6.1f} s wall, {cpu:6.1f} s CPU, "
          f"peak {peak:5.0f} MB, {len(data) / 2**20:.1f} MB of PDF", flush=True)


def books(work: Path, sizes: list[int], layout: str) -> None:
    for n in sizes:
        out = work / f"book-{n}.pdf"
        subprocess.run([sys.executable, __file__, "--one-book", str(n), "--layout", layout,
                        "--out", str(out)], check=True)
        _aligned(out, json.loads(out.with_suffix(".json").read_text()), layout)


def corpus_edition(work: Path, layout: str) -> None:
    """The 419 articles: their PDFs and edition.pdf, all cores (a fresh copy, updated)."""
    root = work / "edition"
    for name in ("source_fr", "translations"):
        shutil.copytree(CORPUS / name, root / name)
    (root / "diglot.toml").write_text(f'title = "Python"\npdf_layout = "{layout}"\n')
    subprocess.run([*DIGLOT, "-C", str(root), "-q", "update"], check=True)
    cores = len(os.sched_getaffinity(0))
    wall, peak = measure([*DIGLOT, "-C", str(root), "-q", "build", "--format", "pdf"])
    print(f"corpus edition ({layout}): 419 article PDFs + edition.pdf, {cores} jobs: "
          f"{wall:.1f} s wall, peak {peak / 1024:.0f} MB (the largest process)", flush=True)
    info = subprocess.run(["pdfinfo", str(root / "build" / "pdf" / "edition.pdf")],
                          capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
    size = (root / "build" / "pdf" / "edition.pdf").stat().st_size / 2**20
    print(f"  edition.pdf: {pages} pages, {size:.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--layout", choices=("facing", "columns"), default="facing")
    parser.add_argument("--no-corpus", action="store_true", help="Skip the corpus edition.")
    parser.add_argument("--one-book", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_book:
        return one_book(args.one_book, args.layout, args.out)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seed(work, args.layout)
        showcase(work, args.layout)
        if not CORPUS.is_dir():
            sys.exit(f"skipped the corpus runs: {CORPUS} not present")
        books(work, args.sizes, args.layout)
        if not args.no_corpus:
            corpus_edition(work, args.layout)


if __name__ == "__main__":
    main()
